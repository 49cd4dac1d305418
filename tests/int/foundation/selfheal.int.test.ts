import { mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../../support/app';
import { freePort } from '../../support/ports';

/** The pid of the process listening on 127.0.0.1:`port` (the active Neo4j JVM, not its standby). */
function listenerOf(port: number): number | undefined {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  // Java listens on an IPv6 socket mapped to 127.0.0.1, so the port shows in tcp6.
  const line = ['/proc/net/tcp', '/proc/net/tcp6']
    .flatMap((f) => readFileSync(f, 'utf8').split('\n'))
    .map((l) => l.trim().split(/\s+/))
    .find((f) => f[1]?.endsWith(`:${hexPort}`) && f[3] === '0A');
  const inode = line?.[9];
  if (!inode) return undefined;
  for (const d of readdirSync('/proc').filter((x) => /^\d+$/.test(x))) {
    try {
      if (readdirSync(`/proc/${d}/fd`).some((fd) => readlinkSync(`/proc/${d}/fd/${fd}`) === `socket:[${inode}]`)) return Number(d);
    } catch {
      // not ours to read, or ended while we looked
    }
  }
  return undefined;
}

interface Probe {
  at: number;
  path: string;
  status: number;
  ms: number;
  code?: string;
  message?: string;
}

/** Asks `paths` in turn until `until()` or the deadline, recording every answer and how long it took. */
async function probe(base: string, paths: string[], until: (p: Probe) => boolean, deadlineMs: number): Promise<Probe[]> {
  const seen: Probe[] = [];
  const start = Date.now();
  for (let i = 0; Date.now() - start < deadlineMs; i++) {
    const path = paths[i % paths.length]!;
    const t = Date.now();
    let status = 0;
    let body: { error?: { code: string; message: string } } = {};
    try {
      const res = await fetch(`${base}${path}`, { signal: AbortSignal.timeout(5_000) });
      status = res.status;
      body = (await res.json().catch(() => ({}))) as typeof body;
    } catch {
      status = -1;
    }
    const p: Probe = { at: t - start, path, status, ms: Date.now() - t, code: body.error?.code, message: body.error?.message };
    seen.push(p);
    if (until(p)) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return seen;
}

// The app as `npm start` runs it, with its own embedded Neo4j, whose JVM is killed under it.
describe('self-healing embedded Neo4j', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'explorer-selfheal-'));
  let app: RunningApp;
  let boltPort: number;
  const paths = ['/api/health', '/api/search?q=SKR', '/api/nodes/actor-skr'];

  beforeAll(async () => {
    boltPort = await freePort();
    app = await startApp({ NEO4J_EMBEDDED_DATA: dataDir, NEO4J_EMBEDDED_PORT: String(boltPort), SEED_ON_START: 'true', LOG_LEVEL: 'info' });
  }, 240_000);

  /** The supervisor prepares a warm standby JVM a while after each start; restarts are measured from there. */
  async function standbyWarm(after: number): Promise<void> {
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline) {
      if (app.output.slice(after).some((l) => l.includes('A standby Neo4j JVM is warm'))) return;
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error('no standby JVM became warm within 2 minutes');
  }
  afterAll(async () => {
    await app?.stop('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('after kill -9 of the JVM: every answer within 2 s is a 503 saying it restarts, and 200 again within 10 s', async () => {
    expect((await fetch(`${app.url}/api/health`)).status).toBe(200);
    await standbyWarm(0);
    const jvm = listenerOf(boltPort);
    expect(jvm).toBeDefined();
    process.kill(jvm!, 'SIGKILL');

    const seen = await probe(app.url, paths, (p) => p.status === 200 && p.path === '/api/search?q=SKR', 30_000);
    const back = seen.find((p) => p.status === 200);
    const outage = seen.slice(0, seen.indexOf(back!));
    console.log(`restart: first 200 after ${back?.at} ms; ${outage.length} answers while down, slowest ${Math.max(...outage.map((p) => p.ms))} ms`);
    expect(back, JSON.stringify(seen.slice(-5))).toBeDefined();
    expect(back!.at).toBeLessThan(10_000);
    expect(outage.length).toBeGreaterThan(0);
    for (const p of outage) {
      expect(p.status, JSON.stringify(p)).toBe(503);
      expect(p.ms, JSON.stringify(p)).toBeLessThan(2_000);
    }
    expect(outage.some((p) => p.path === '/api/health' && /started again|restart/i.test(p.message ?? ''))).toBe(true);
  }, 180_000);

  it('keeps trying while another process holds the Bolt port, and comes back once it is free', async () => {
    await standbyWarm(app.output.length - 1);
    const jvm = listenerOf(boltPort);
    expect(jvm).toBeDefined();
    process.kill(jvm!, 'SIGKILL');
    // Hold the port the moment it is free, for longer than five of the old give-up attempts.
    let holder: Server | undefined;
    const deadline = Date.now() + 10_000;
    while (!holder && Date.now() < deadline) {
      holder = await new Promise<Server | undefined>((resolve) => {
        const s = createServer();
        s.once('error', () => resolve(undefined));
        s.listen(boltPort, '127.0.0.1', () => resolve(s));
      });
      if (!holder) await new Promise((r) => setTimeout(r, 20));
    }
    expect(holder).toBeDefined();
    await new Promise((r) => setTimeout(r, 8_000));
    const during = await fetch(`${app.url}/api/health`);
    expect(during.status).toBe(503);
    await new Promise<void>((r) => holder!.close(() => r()));

    const seen = await probe(app.url, ['/api/health'], (p) => p.status === 200, 30_000);
    expect(seen.at(-1)!.status, JSON.stringify(seen.slice(-3))).toBe(200);
    expect(seen.every((p) => p.status === 200 || (p.status === 503 && p.ms < 2_000))).toBe(true);
  }, 240_000);
});
