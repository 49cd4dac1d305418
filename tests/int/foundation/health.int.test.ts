import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app';
import { loadConfig } from '../../../server/config';
import { createDriver, Database } from '../../../server/neo4j/database';
import { startEmbeddedNeo4j } from '../../../server/neo4j/embedded';
import { startTestNeo4j, type TestNeo4j } from '../../support/embedded';

// This file runs its own Neo4j, because it stops it under a running app.
describe('GET /api/health when the database goes away and comes back', () => {
  let neo4j: TestNeo4j;
  let db: Database;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    neo4j = await startTestNeo4j();
    db = new Database(createDriver(neo4j.instance.uri, 'neo4j', neo4j.password), neo4j.instance.uri, 'neo4j', 5_000);
    const config = loadConfig({ NEO4J_URI: neo4j.instance.uri, NEO4J_PASSWORD: neo4j.password, PORT: '1' });
    const log = pino({ level: 'silent' });
    server = createApp({ config, db, log, embedded: false }, log).listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server?.close();
    await db?.close();
    await neo4j?.dispose();
  });

  it('answers 200 with the version and URI, never the password', async () => {
    const res = await fetch(`${base}/api/health`);
    const text = await res.text();
    expect(res.status).toBe(200);
    expect(JSON.parse(text)).toMatchObject({ status: 'ok', neo4j: { uri: neo4j.instance.uri, version: expect.stringMatching(/^5\.26/) } });
    expect(text).not.toContain(neo4j.password);
    expect(res.headers.get('x-request-id')).toBeTruthy();
  });

  it('answers 503 within 2 seconds while the database is down, and 200 again once it is back', async () => {
    await neo4j.instance.stop();

    const started = Date.now();
    const down = await fetch(`${base}/api/health`);
    const elapsed = Date.now() - started;
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({ error: { code: 'DATABASE_UNAVAILABLE', message: expect.any(String) } });
    expect(elapsed).toBeLessThan(2_000);

    neo4j.instance = await startEmbeddedNeo4j({ port: neo4j.port, dataDir: neo4j.dataDir, heap: '512m', pageCache: '64m', txMax: '256m', password: neo4j.password });
    let status = 0;
    for (let i = 0; i < 20 && status !== 200; i++) {
      status = (await fetch(`${base}/api/health`)).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 500));
    }
    expect(status).toBe(200);
  });

  it('answers unknown API paths with a JSON 404', async () => {
    const res = await fetch(`${base}/api/nope`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });

  it('answers malformed JSON with a 400 and no stack trace', async () => {
    const res = await fetch(`${base}/api/health`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"broken' });
    const text = await res.text();
    expect(res.status).toBe(400);
    expect(text).not.toMatch(/at .*\.ts:\d+/);
  });
});
