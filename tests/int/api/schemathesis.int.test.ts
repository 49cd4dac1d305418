import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTestVenv, venvBin } from '../../../scripts/python-venv.mjs';
import { seedCorpus, startExplorer, type Explorer } from './harness';

/**
 * Issue 13, item 6: Schemathesis reads the app's own OpenAPI document and tests the real app on loopback with
 * every check it has (server errors, status codes, content types, response schemas and headers, schema-valid
 * requests accepted, schema-violating ones refused, undeclared methods answered 405 with Allow, stateful
 * sequences). The seed and the number of examples per operation are fixed, so a run is repeatable and bounded.
 * tests/int/api/schemathesis.toml lists the few refusals a JSON Schema cannot state, operation by operation.
 */

const CONFIG = fileURLToPath(new URL('./schemathesis.toml', import.meta.url));
const SEED = '20261201';
const EXAMPLES_PER_OPERATION = '25';

function run(cmd: string, args: string[], cwd: string): Promise<{ code: number | null; output: string }> {
  return new Promise((done, fail) => {
    const child = spawn(cmd, args, { cwd, env: { ...process.env, NO_COLOR: '1', COLUMNS: '120', PYTHONDONTWRITEBYTECODE: '1' } });
    let output = '';
    child.stdout.on('data', (b: Buffer) => (output += b.toString('utf8')));
    child.stderr.on('data', (b: Buffer) => (output += b.toString('utf8')));
    child.on('error', fail);
    child.on('close', (code) => done({ code, output }));
  });
}

/** The part of Schemathesis' report worth reading when it failed: the failures and the summary. */
function summaryOf(output: string): string {
  const start = output.search(/^=+ (FAILURES|ERRORS|WARNINGS|SUMMARY) =+$/m);
  const text = start >= 0 ? output.slice(start) : output;
  return text.length > 20_000 ? `${text.slice(0, 10_000)}\n…\n${text.slice(-10_000)}` : text;
}

describe('the OpenAPI document is an exact contract (Schemathesis, all checks)', () => {
  let api: Explorer;
  let workDir: string;

  beforeAll(async () => {
    ensureTestVenv({ quiet: true });
    await seedCorpus();
    api = await startExplorer();
    // Schemathesis and Hypothesis write nothing here with the database off; the folder keeps any stray file out of the repo.
    workDir = mkdtempSync(join(tmpdir(), 'schemathesis-'));
  });
  afterAll(async () => {
    await api?.close();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  it('finds no failure in any operation', async () => {
    const started = Date.now();
    const { code, output } = await run(
      venvBin('schemathesis'),
      [
        '--config-file',
        CONFIG,
        'run',
        `${api.base}/api/openapi.json`,
        '--checks',
        'all',
        '--max-examples',
        EXAMPLES_PER_OPERATION,
        '--seed',
        SEED,
        '--workers',
        '1',
        '--generation-database',
        'none',
        '--request-timeout',
        '30',
        '--no-color',
        '--output-truncate',
        'true',
      ],
      workDir,
    );
    const summary = summaryOf(output);
    if (code !== 0) console.log(`Schemathesis exited with ${code} after ${Math.round((Date.now() - started) / 1000)} s:\n${summary}`);
    expect(code, summary).toBe(0);
    expect(output).toMatch(/Test cases:\s*\n\s*\d+ generated, \d+ passed/);
    expect(output).toContain(`Seed: ${SEED}`);
  }, 240_000);
});
