import { readdirSync, readFileSync, statSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j from 'neo4j-driver';
import { afterAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../../support/app';
import { freePort } from '../../support/ports';

/** Pids of the JVMs whose parent is `pid`. */
function javaChildren(pid: number): number[] {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((d) => {
      try {
        const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        return ppid === pid && readFileSync(`/proc/${d}/cmdline`, 'utf8').includes('EmbeddedNeo4j');
      } catch {
        return false;
      }
    })
    .map(Number);
}

function alive(pid: number): boolean {
  try {
    const state = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/\) Z /.test(state);
  } catch {
    return false;
  }
}

async function waitUntil(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return check();
}

// The app started the way `npm start` starts it, with its own embedded Neo4j in a throw-away directory.
describe('the app with its embedded Neo4j', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'explorer-lifecycle-'));
  const running: RunningApp[] = [];
  afterAll(async () => {
    for (const app of running) await app.stop('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function start(boltPort: number): Promise<RunningApp> {
    const app = await startApp({ NEO4J_EMBEDDED_DATA: dataDir, NEO4J_EMBEDDED_PORT: String(boltPort), NEO4J_EMBEDDED_HEAP: '512m', SEED_ON_START: 'false' });
    running.push(app);
    return app;
  }

  it('prints the Bolt URI and user, keeps a generated password private, keeps data across restarts, and leaves no JVM after SIGTERM or SIGKILL', async () => {
    const boltPort = await freePort();

    // Given the app started with no NEO4J_URI
    const first = await start(boltPort);
    expect(first.output.join('\n')).toContain(`bolt://127.0.0.1:${boltPort}`);
    expect(first.output.join('\n')).toContain('user "neo4j"');
    const passwordFile = join(dataDir, 'explorer-password');
    expect(statSync(passwordFile).mode & 0o777).toBe(0o600);
    // The data directory and the store files Neo4j wrote are its owner's alone.
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    const storeFiles = readdirSync(dataDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    expect(storeFiles.length).toBeGreaterThan(5);
    const readableByOthers = storeFiles.map((e) => join(e.parentPath, e.name)).filter((f) => (statSync(f).mode & 0o077) !== 0);
    expect(readableByOthers).toEqual([]);
    const password = readFileSync(passwordFile, 'utf8').trim();
    expect((await fetch(`${first.url}/api/health`)).status).toBe(200);

    // When an analyst writes through Bolt with that password
    const driver = neo4j.driver(`bolt://127.0.0.1:${boltPort}`, neo4j.auth.basic('neo4j', password));
    await driver.executeQuery("CREATE (:LifecycleMarker {note: 'överlever omstart'})");
    await driver.close();
    const [jvm1] = javaChildren(first.process.pid!);
    expect(jvm1).toBeDefined();

    // And the app gets SIGTERM, then no JVM is left
    expect(await first.stop('SIGTERM')).toBe(0);
    expect(await waitUntil(() => !alive(jvm1!), 30_000)).toBe(true);

    // When it starts again, the data is still there
    const second = await start(boltPort);
    const again = neo4j.driver(`bolt://127.0.0.1:${boltPort}`, neo4j.auth.basic('neo4j', password));
    const { records } = await again.executeQuery('MATCH (m:LifecycleMarker) RETURN m.note AS note');
    await again.close();
    expect(records.map((r) => r.get('note'))).toEqual(['överlever omstart']);

    // And a SIGKILL of the app leaves no JVM either
    const [jvm2] = javaChildren(second.process.pid!);
    expect(jvm2).toBeDefined();
    await second.stop('SIGKILL');
    expect(await waitUntil(() => !alive(jvm2!), 30_000)).toBe(true);
  }, 240_000);
});
