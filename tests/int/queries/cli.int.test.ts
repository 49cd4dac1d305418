import { execFile } from 'node:child_process';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { ROOT } from '../../support/app';
import { seedCorpus } from './harness';

/** Runs `npm run query -- …` as a user would (without npm's banner), against the test database. */
function query(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'server/cli/query.ts', ...args],
      { cwd: ROOT, env: { ...process.env, NEO4J_URI: inject('neo4jUri'), NEO4J_PASSWORD: inject('neo4jPassword'), COLUMNS: '200' }, timeout: 60_000 },
      (err, stdout, stderr) => resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr }),
    );
  });
}

beforeAll(async () => {
  await seedCorpus();
});

describe('npm run query', () => {
  it('prints a library query as CSV with the given parameters', async () => {
    const out = await query(['roles-of-person', '--param', 'person=person-bengt-kjellson', '--format', 'csv']);
    expect(out.code).toBe(0);
    const lines = out.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^title,organisation,from,until,articles,quotes,/);
    expect(lines.slice(1).some((l) => l.startsWith('generaldirektör,Lantmäteriet,2017-12-06'))).toBe(true);
  });

  it('prints a table by default, and the whole answer as JSON on request', async () => {
    const table = await query(['names-over-time']);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/name\s+│ short/);
    expect(table.stderr).toMatch(/2 rows in \d+ ms/);
    const json = await query(['names-over-time', '--format', 'json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ columns: expect.arrayContaining(['name', 'short']), rowCount: 2, graph: { nodes: expect.any(Array) } });
  });

  it('lists the library', async () => {
    const out = await query(['--list']);
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/^partners-of-actor {2}\(library\)$/m);
    expect(out.stdout).toMatch(/params: actor: node = "actor-skr"; limit: integer = 50/);
  });

  it('exits 1 with a clear message for a bad parameter, an unknown query, or a write', async () => {
    const bad = await query(['roles-of-person', '--param', 'person=kjellson']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/Error VALIDATION_FAILED: parameter "person": no node has the id "kjellson"/);
    const unknown = await query(['no-such-query']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/There is no query named "no-such-query"/);
    const write = await query(['--cypher', 'MATCH (n) DETACH DELETE n']);
    expect(write.code).toBe(1);
    expect(write.stderr).toMatch(/Error WRITE_REFUSED: The query tried to write/);
  });
});
