import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { pino } from 'pino';
import { inject } from 'vitest';
import { createApp } from '../../../server/app';
import { loadConfig } from '../../../server/config';
import { loadSeedDirectory } from '../../../server/seed/load';
import { getTestDatabase, getTestDriver, resetDatabase } from '../../support/neo4j';

/** Empties the shared test database and loads the real corpus (seed/articles, seed/data). */
export async function seedCorpus(): Promise<void> {
  await resetDatabase();
  await loadSeedDirectory(getTestDriver(), 'seed');
}

/** Node and relationship counts, to show that a refused query left the graph as it was. */
export async function graphCounts(): Promise<{ nodes: number; relationships: number; labels: string[] }> {
  const session = getTestDriver().session();
  try {
    const nodes = (await session.run('MATCH (n) RETURN count(n) AS c')).records[0]!.get('c').toNumber();
    const relationships = (await session.run('MATCH ()-[r]->() RETURN count(r) AS c')).records[0]!.get('c').toNumber();
    const labels = (await session.run('CALL db.labels() YIELD label RETURN label ORDER BY label')).records.map((r) => r.get('label') as string);
    return { nodes, relationships, labels };
  } finally {
    await session.close();
  }
}

export interface Answer<T> {
  status: number;
  body: T;
  ms: number;
}

export interface QueryApp {
  base: string;
  get<T = any>(path: string): Promise<Answer<T>>;
  post<T = any>(path: string, body: unknown): Promise<Answer<T>>;
  put<T = any>(path: string, body: unknown): Promise<Answer<T>>;
  del<T = any>(path: string): Promise<Answer<T>>;
  close(): Promise<void>;
}

/** The real Express app in-process against the shared test database; `env` overrides configuration (e.g. CYPHER_TIMEOUT_MS). */
export async function startQueryApp(env: Record<string, string> = {}): Promise<QueryApp> {
  const config = loadConfig({ NEO4J_URI: inject('neo4jUri'), NEO4J_PASSWORD: inject('neo4jPassword'), PORT: '1', ...env });
  const log = pino({ level: 'silent' });
  const server: Server = createApp({ config, db: getTestDatabase(), log, embedded: false }, log).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const call = async (method: string, path: string, body?: unknown) => {
    const started = Date.now();
    const res = await fetch(`${base}${path}`, {
      method,
      ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null, ms: Date.now() - started };
  };
  return {
    base,
    get: (path) => call('GET', path),
    post: (path, body) => call('POST', path, body),
    put: (path, body) => call('PUT', path, body),
    del: (path) => call('DELETE', path),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
