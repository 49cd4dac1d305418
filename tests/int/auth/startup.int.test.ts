import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { addTestUser } from '../api/harness';
import { startApp } from '../../support/app';
import { resetDatabase } from '../../support/neo4j';
import { passwordOf, send } from './support';

/**
 * Issue 14: bound to all interfaces without anyone who can sign in, the app does not start and says how to fix
 * it; its banner names the address it really listens on and the mode. The app runs as a process, as `npm start`.
 */

let dir: string;
let env: Record<string, string>;

beforeAll(async () => {
  await resetDatabase();
  dir = mkdtempSync(join(tmpdir(), 'auth-startup-'));
  env = { NEO4J_URI: inject('neo4jUri'), NEO4J_PASSWORD: inject('neo4jPassword'), SEED_ON_START: 'false', AUTH_SECRET_FILE: join(dir, 'auth-secret'), LOG_LEVEL: 'warn' };
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('starting in signin mode', () => {
  it('refuses HOST=0.0.0.0 with no user and no identity provider: exits non-zero naming npm run user and OIDC_ISSUER', async () => {
    const failure = await startApp({ ...env, HOST: '0.0.0.0' }).then(
      async (app) => {
        await app.stop();
        return 'it started';
      },
      (err: Error) => err.message,
    );
    expect(failure).toMatch(/The app exited with 1 during start-up/);
    expect(failure).toMatch(/nobody can sign in yet: there is no enabled user and no identity provider/);
    expect(failure).toMatch(/npm run user -- add NAME --role admin/);
    expect(failure).toMatch(/OIDC_ISSUER=/);
    expect(failure).not.toMatch(/Explorer running at/);
  });

  it('refuses AUTH_MODE=open on all interfaces before opening any port, naming the variable', async () => {
    const failure = await startApp({ ...env, HOST: '0.0.0.0', AUTH_MODE: 'open' }).then(
      async (app) => {
        await app.stop();
        return 'it started';
      },
      (err: Error) => err.message,
    );
    expect(failure).toMatch(/The app exited with 2 during start-up/);
    expect(failure).toMatch(/AUTH_MODE: AUTH_MODE=open is only allowed when HOST is a loopback address/);
  });

  it('starts once a user exists, says so in the banner with the real address, and asks for sign-in', async () => {
    await addTestUser({ name: 'starter', role: 'admin', password: passwordOf('starter') }, env['AUTH_SECRET_FILE']!);
    const app = await startApp({ ...env, HOST: '127.0.0.1', AUTH_MODE: 'signin' });
    try {
      const port = new URL(app.url).port;
      const banner = app.output.find((l) => l.includes('Explorer running at'))!;
      expect(banner).toContain(`Explorer running at http://127.0.0.1:${port}`);
      await expect.poll(() => app.output.join('\n')).toMatch(/Sign-in required \(AUTH_MODE=signin\)/);
      // The start page's requests were warmed up before the banner, not refused (they would be logged as warnings).
      expect(app.output.join('\n')).not.toMatch(/"statusCode":40[13]/);
      expect((await send(app.url, 'GET', '/api/graph?limit=5')).status).toBe(401);
      await expect.poll(() => app.output.join('\n')).toMatch(/"statusCode":401/);
      expect((await send(app.url, 'GET', '/api/auth/me')).body).toMatchObject({ mode: 'signin', user: null });
      const signin = await send(app.url, 'POST', '/api/auth/signin', { body: { name: 'starter', password: passwordOf('starter') } });
      expect(signin.status).toBe(200);
    } finally {
      expect(await app.stop()).toBe(0);
    }
  });

  it('runs in open mode on loopback by default and says that it is for this computer only', async () => {
    const app = await startApp({ ...env, HOST: '127.0.0.1' });
    try {
      await expect.poll(() => app.output.join('\n')).toMatch(/Open mode: no sign-in, for this computer only/);
      expect((await send(app.url, 'GET', '/api/auth/me')).body).toMatchObject({ mode: 'open', user: { name: 'local', role: 'admin' } });
    } finally {
      await app.stop();
    }
  });
});
