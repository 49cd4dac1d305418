import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { pino } from 'pino';
import { inject } from 'vitest';
import { createApp } from '../../../server/app';
import { loadConfig } from '../../../server/config';
import type { Database } from '../../../server/neo4j/database';
import { loadSeedDirectory } from '../../../server/seed/load';
import { getTestDatabase, getTestDriver, resetDatabase } from '../../support/neo4j';

/** Empties the shared test database and loads the real seed corpus (seed/articles, seed/data). */
export async function seedCorpus(): Promise<void> {
  await resetDatabase();
  await loadSeedDirectory(getTestDriver(), 'seed');
}

export interface Explorer {
  base: string;
  get<T = any>(path: string): Promise<{ status: number; body: T; ms: number }>;
  post<T = any>(path: string, body: unknown): Promise<{ status: number; body: T; ms: number }>;
  close(): Promise<void>;
}

/** Runs the real Express app in-process against `db` (the shared test database by default) on a free port; `env` adds configuration. */
export async function startExplorer(db: Database = getTestDatabase(), uri = inject('neo4jUri'), password = inject('neo4jPassword'), env: Record<string, string> = {}): Promise<Explorer> {
  const config = loadConfig({ NEO4J_URI: uri, NEO4J_PASSWORD: password, PORT: '1', ...env });
  const log = pino({ level: 'silent' });
  const server: Server = createApp({ config, db, log, embedded: false }, log).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const call = async (path: string, init?: RequestInit) => {
    const started = Date.now();
    const res = await fetch(`${base}${path}`, init);
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null, ms: Date.now() - started };
  };
  return {
    base,
    get: (path) => call(path),
    post: (path, body) => call(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
