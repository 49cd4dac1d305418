import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { pino } from 'pino';
import { inject } from 'vitest';
import { createApp } from '../../../server/app';
import { loadConfig } from '../../../server/config';
import type { Database } from '../../../server/neo4j/database';
import { loadSeedDirectory } from '../../../server/seed/load';
import { getTestDatabase, getTestDriver, resetDatabase } from '../../support/neo4j';
import { createAuthServices } from '../../../server/auth/services';
import type { Role } from '../../../contract/auth';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The sign-in secret of apps the tests start, outside the repository's .data/ (created on first use, per process). */
const TEST_SECRET_FILE = join(tmpdir(), `explorer-test-auth-secret-${process.pid}`);

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

/**
 * Runs the real Express app in-process against `db` (the shared test database by default) on `port` (0: a free
 * one; pass one from freePort() when the configuration must know the app's address, e.g. PUBLIC_URL); `env`
 * adds configuration.
 */
export async function startExplorer(db: Database = getTestDatabase(), uri = inject('neo4jUri'), password = inject('neo4jPassword'), env: Record<string, string> = {}, port = 0): Promise<Explorer> {
  const config = loadConfig({ NEO4J_URI: uri, NEO4J_PASSWORD: password, PORT: '1', AUTH_SECRET_FILE: TEST_SECRET_FILE, ...env });
  const log = pino({ level: 'silent' });
  const server: Server = createApp({ config, db, log, embedded: false }, log).listen(port, '127.0.0.1');
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

/** Adds a local user straight to the test database, peppered from `secretFile` (give the app the same AUTH_SECRET_FILE). */
export async function addTestUser(user: { name: string; role: Role; password: string; displayName?: string }, secretFile: string): Promise<void> {
  const config = loadConfig({ NEO4J_URI: inject('neo4jUri'), NEO4J_PASSWORD: inject('neo4jPassword'), AUTH_SECRET_FILE: secretFile });
  const { users } = createAuthServices(getTestDatabase(), config, pino({ level: 'silent' }));
  await users.init();
  await users.add(user);
}

/** Signs in through the API; answers the Cookie header and the CSRF token the session's later requests send. */
export async function signIn(base: string, name: string, password: string): Promise<{ cookie: string; csrfToken: string }> {
  const res = await fetch(`${base}/api/auth/signin`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name, password }) });
  if (res.status !== 200) throw new Error(`Signing in as ${name} answered ${res.status}: ${await res.text()}`);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.startsWith('kg_session='));
  if (!cookie) throw new Error(`Signing in as ${name} set no kg_session cookie`);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, csrfToken };
}
