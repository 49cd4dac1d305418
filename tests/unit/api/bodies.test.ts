import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import neo4j from 'neo4j-driver';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app';
import { loadConfig } from '../../../server/config';
import { Database } from '../../../server/neo4j/database';

/**
 * Issue 13, item 6: the server refuses what the OpenAPI document forbids before any database work, so these run
 * the real app against a database that is not there: every request here must be refused by validation.
 */

let server: Server;
let base: string;

beforeAll(async () => {
  const config = loadConfig({ NEO4J_URI: 'bolt://127.0.0.1:1', NEO4J_PASSWORD: 'not-used-here', PORT: '1' });
  const driver = neo4j.driver('bolt://127.0.0.1:1', neo4j.auth.basic('neo4j', 'not-used-here'));
  const log = pino({ level: 'silent' });
  server = createApp({ config, db: new Database(driver, 'bolt://127.0.0.1:1', 'neo4j', 1_000), log, embedded: false }, log).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function post(path: string, body?: string, contentType?: string) {
  const res = await fetch(`${base}${path}`, { method: 'POST', headers: contentType ? { 'content-type': contentType } : {}, body });
  return { status: res.status, body: (await res.json()) as { error: { code: string; message: string; details?: { parameter: string }[] } } };
}

describe('request bodies', () => {
  it('answers 400 to a run without a body, as the document requires one', async () => {
    const { status, body } = await post('/api/queries/agreement-points/run');
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('needs a JSON body') });
  });

  it('answers 400 to an empty JSON body', async () => {
    expect((await post('/api/cypher/check', '', 'application/json')).status).toBe(400);
  });

  it('answers 415 to a body that is not sent as JSON', async () => {
    const { status, body } = await post('/api/cypher/check', JSON.stringify({ cypher: 'RETURN 1' }), 'text/plain');
    expect(status).toBe(415);
    expect(body.error.message).toContain('Content-Type: application/json');
  });

  it.each([
    ['/api/queries/agreement-points/run', { params: {}, extra: 1 }],
    ['/api/cypher/run', { cypher: 'RETURN 1', paramtypes: {} }],
    ['/api/expand', { ids: ['actor-skr'], limits: 5 }],
    ['/api/queries', { name: 'x', description: 'y', cypher: 'RETURN 1', params: [{ name: 'a', type: 'string', typo: true }] }],
  ])('refuses an unknown key in the body of %s, naming it', async (path, payload) => {
    const { status, body } = await post(path, JSON.stringify(payload), 'application/json');
    expect(status).toBe(400);
    expect(body.error.message).toMatch(/Unrecognized key/);
  });

  it('refuses a number sent as text in a JSON body, which the document types as integer', async () => {
    const { status, body } = await post('/api/expand', JSON.stringify({ ids: ['actor-skr'], limit: '5' }), 'application/json');
    expect(status).toBe(400);
    expect(body.error.details).toContainEqual(expect.objectContaining({ parameter: 'limit' }));
  });
});

describe('query parameters', () => {
  it.each([
    ['/api/graph?asOf=0000-00-00', 'asOf'],
    ['/api/graph?asOf=2019-02-29', 'asOf'],
    ['/api/graph?limit=1e2', 'limit'],
    ['/api/graph?limit=', 'limit'],
    ['/api/graph?labels=Actor,', 'labels'],
    ['/api/graph?types=HOLDS,Robot', 'types'],
    ['/api/search?q=%20%20', 'q'],
  ])('GET %s → 400 naming "%s"', async (path, parameter) => {
    const res = await fetch(`${base}${path}`);
    const body = (await res.json()) as { error: { details?: { parameter: string }[] } };
    expect(res.status).toBe(400);
    expect(body.error.details).toContainEqual(expect.objectContaining({ parameter }));
  });
});
