import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startExplorer, type Explorer } from '../api/harness';
import { getTestDriver, resetDatabase } from '../../support/neo4j';
import { freePort } from '../../support/ports';
import { CookieJar, signInAtProvider, startTestProvider, TEST_ACCOUNTS, type TestProvider } from '../../support/oidcProvider';

/**
 * Single sign-on end to end (issue 14): the real app in signin mode, a real OpenID provider (oidc-provider) on
 * loopback, and a browser played by plain HTTP requests with a cookie jar.
 */

const CALLBACK = '/api/auth/oidc/callback';

let secretDir: string;
let provider: TestProvider;
let app: Explorer;
let publicUrl: string;

/** The app's address and a provider that may send browsers back to it. */
async function appWithProvider(env: Record<string, string> = {}, providerPort = 0): Promise<{ app: Explorer; provider: TestProvider; publicUrl: string; port: number }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const idp = await startTestProvider(`${url}${CALLBACK}`, providerPort);
  const explorer = await startExplorer(undefined, undefined, undefined, signinEnv(url, idp, env), port);
  return { app: explorer, provider: idp, publicUrl: url, port };
}

function signinEnv(url: string, idp: Pick<TestProvider, 'issuer' | 'clientId' | 'clientSecret'>, env: Record<string, string> = {}): Record<string, string> {
  return {
    AUTH_MODE: 'signin',
    AUTH_SECRET_FILE: join(secretDir, 'auth-secret'),
    PUBLIC_URL: url,
    OIDC_ISSUER: idp.issuer,
    OIDC_CLIENT_ID: idp.clientId,
    OIDC_CLIENT_SECRET: idp.clientSecret,
    OIDC_ROLE_MAP: 'kg-analysts=analyst',
    OIDC_DEFAULT_ROLE: 'none',
    OIDC_LABEL: 'Myndighetens inloggning',
    ...env,
  };
}

/** A fresh browser: starts sign-in at the app, signs in at the provider, and comes back to the callback. */
async function signIn(at: Explorer, login: string, password: string, opts: { cancel?: boolean } = {}) {
  const jar = new CookieJar();
  const start = await jar.fetch(`${at.base}/api/auth/oidc/start`);
  expect(start.status).toBe(302);
  const callbackUrl = await signInAtProvider(jar, start.headers.get('location')!, login, password, opts);
  const callback = await jar.fetch(callbackUrl);
  return { jar, start, callbackUrl, callback };
}

async function me(jar: CookieJar, at: Explorer) {
  const res = await jar.fetch(`${at.base}/api/auth/me`);
  return (await res.json()) as { mode: string; user: { name: string; displayName: string; role: string; via: string } | null; csrfToken: string | null; oidc: { label: string } | null };
}

async function read(cypher: string, params: Record<string, unknown> = {}) {
  const r = await getTestDriver().executeQuery(cypher, params);
  return r.records.map((rec) => rec.toObject());
}

beforeAll(async () => {
  await resetDatabase();
  secretDir = mkdtempSync(join(tmpdir(), 'kg-oidc-'));
  ({ app, provider, publicUrl } = await appWithProvider());
});

afterAll(async () => {
  await app?.close();
  await provider?.close();
  rmSync(secretDir, { recursive: true, force: true });
});

describe('single sign-on through an OpenID provider', () => {
  it('offers the provider on the sign-in page under OIDC_LABEL', async () => {
    expect(await me(new CookieJar(), app)).toMatchObject({ mode: 'signin', user: null, oidc: { label: 'Myndighetens inloggning' } });
  });

  it('sends the browser to the provider with PKCE, state and nonce, keeping them in a short-lived HttpOnly cookie', async () => {
    const res = await new CookieJar().fetch(`${app.base}/api/auth/oidc/start`);
    expect(res.status).toBe(302);
    const to = new URL(res.headers.get('location')!);
    expect(to.origin).toBe(provider.issuer);
    expect(Object.fromEntries(to.searchParams)).toMatchObject({
      client_id: provider.clientId,
      response_type: 'code',
      redirect_uri: `${publicUrl}${CALLBACK}`,
      code_challenge_method: 'S256',
      scope: 'openid profile email',
    });
    for (const p of ['code_challenge', 'state', 'nonce']) expect(to.searchParams.get(p)).toMatch(/^[\w-]{20,}$/);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('kg_oidc='))!;
    expect(cookie).toMatch(/; Max-Age=600;/);
    expect(cookie).toMatch(/; Path=\/api\/auth\/oidc\/callback;/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Lax/);
    // The verifier never leaves in the clear: the cookie holds it signed, the URL only its challenge.
    expect(res.headers.get('location')).not.toContain('code_verifier');
  });

  it('signs a curator in end to end: their session says who they are, with the role from the provider, via oidc', async () => {
    const { jar, callback } = await signIn(app, 'carla', TEST_ACCOUNTS['sub-carla']!.password);
    expect(callback.status).toBe(302);
    expect(callback.headers.get('location')).toBe('/#/');
    expect(jar.get('127.0.0.1:' + new URL(app.base).port, 'kg_session')).toBeTruthy();
    expect(jar.get('127.0.0.1:' + new URL(app.base).port, 'kg_oidc')).toBeUndefined();

    const who = await me(jar, app);
    expect(who.user).toEqual({ name: 'carla', displayName: 'Carla Kurator', role: 'curator', via: 'oidc' });
    expect(who.csrfToken).toBeTruthy();

    // What a curator may do is allowed; what needs an admin is not.
    const drafts = await jar.fetch(`${app.base}/api/ingest/proposals`);
    expect(drafts.status).toBe(200);
    const users = await jar.fetch(`${app.base}/api/admin/users`);
    expect(users.status).toBe(403);
    expect(await users.json()).toMatchObject({ error: { code: 'FORBIDDEN', details: { required: 'admin', role: 'curator' } } });

    expect(await read("MATCH (u:User {name: 'carla'}) RETURN u.via AS via, u.role AS role, u.passwordHash AS hash")).toEqual([{ via: 'oidc', role: 'curator', hash: null }]);
    expect(await read("MATCH (e:AuditEvent {action: 'signin', actor: 'carla'}) RETURN e.role AS role, e.detail AS detail")).toEqual([{ role: 'curator', detail: 'oidc' }]);
  });

  it('gives the highest role any of the user’s groups maps to (OIDC_ROLE_MAP and role names)', async () => {
    const { jar, callback } = await signIn(app, 'ada', TEST_ACCOUNTS['sub-ada']!.password);
    expect(callback.headers.get('location')).toBe('/#/');
    expect((await me(jar, app)).user).toMatchObject({ name: 'ada', role: 'analyst', via: 'oidc' });
  });

  it('refuses a user none of whose groups maps to a role when OIDC_DEFAULT_ROLE=none, and creates no account', async () => {
    const { jar, callback } = await signIn(app, 'nils', TEST_ACCOUNTS['sub-nils']!.password);
    expect(callback.status).toBe(302);
    expect(callback.headers.get('location')).toBe('/#/signin?error=OIDC_NO_ROLE');
    expect(callback.headers.getSetCookie().some((c) => c.startsWith('kg_session='))).toBe(false);
    expect((await me(jar, app)).user).toBeNull();
    expect(await read("MATCH (u:User {name: 'nils'}) RETURN u")).toEqual([]);
    expect(await read("MATCH (e:AuditEvent {action: 'signin.failed', actor: 'nils'}) RETURN e.detail AS detail")).toEqual([{ detail: 'oidc: OIDC_NO_ROLE' }]);
  });

  it('refuses an answer whose state was forged', async () => {
    const jar = new CookieJar();
    const start = await jar.fetch(`${app.base}/api/auth/oidc/start`);
    const callbackUrl = new URL(await signInAtProvider(jar, start.headers.get('location')!, 'carla', TEST_ACCOUNTS['sub-carla']!.password));
    callbackUrl.searchParams.set('state', 'forged-by-an-attacker-0123456789abcdef');
    const res = await jar.fetch(callbackUrl.href);
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/#/signin?error=OIDC_STATE');
    expect((await me(jar, app)).user).toBeNull();
  });

  it('refuses a genuine answer brought to another browser (login CSRF), and a tampered sign-in cookie', async () => {
    // The attacker signs in at the provider but does not finish: they send their callback URL to the victim.
    const attacker = new CookieJar();
    const started = await attacker.fetch(`${app.base}/api/auth/oidc/start`);
    const callbackUrl = await signInAtProvider(attacker, started.headers.get('location')!, 'carla', TEST_ACCOUNTS['sub-carla']!.password);
    const victim = new CookieJar();
    const res = await victim.fetch(callbackUrl);
    expect(res.headers.get('location')).toBe('/#/signin?error=OIDC_STATE');
    expect((await me(victim, app)).user).toBeNull();

    const jar = new CookieJar();
    const start = await jar.fetch(`${app.base}/api/auth/oidc/start`);
    const back = await signInAtProvider(jar, start.headers.get('location')!, 'carla', TEST_ACCOUNTS['sub-carla']!.password);
    const host = `127.0.0.1:${new URL(app.base).port}`;
    const sealed = jar.get(host, 'kg_oidc')!;
    const payload = JSON.parse(Buffer.from(sealed.split('.')[0]!, 'base64url').toString('utf8')) as Record<string, unknown>;
    jar.set(host, 'kg_oidc', `${Buffer.from(JSON.stringify({ ...payload, expires: 9_999_999_999 })).toString('base64url')}.${sealed.split('.')[1]}`);
    expect((await jar.fetch(back)).headers.get('location')).toBe('/#/signin?error=OIDC_STATE');
  });

  it('lets an answer be used once: the same callback again is refused', async () => {
    const { jar, callbackUrl, callback } = await signIn(app, 'ada', TEST_ACCOUNTS['sub-ada']!.password);
    expect(callback.headers.get('location')).toBe('/#/');
    const again = await jar.fetch(callbackUrl);
    expect(again.headers.get('location')).toBe('/#/signin?error=OIDC_STATE');
  });

  it('lands on the sign-in page with OIDC_DENIED when the user cancels at the provider', async () => {
    const { jar, callback } = await signIn(app, 'carla', '', { cancel: true });
    expect(callback.headers.get('location')).toBe('/#/signin?error=OIDC_DENIED');
    expect((await me(jar, app)).user).toBeNull();
  });

  it('refreshes the role at each sign-in, and a session from before a lower role stops working', async () => {
    const carla = TEST_ACCOUNTS['sub-carla']!;
    const before = await signIn(app, 'carla', carla.password);
    expect((await me(before.jar, app)).user?.role).toBe('curator');
    carla.claims.roles = ['viewer'];
    try {
      const after = await signIn(app, 'carla', carla.password);
      expect((await me(after.jar, app)).user).toMatchObject({ name: 'carla', role: 'viewer' });
      expect((await before.jar.fetch(`${app.base}/api/ingest/proposals`)).status).toBe(401);
      expect((await after.jar.fetch(`${app.base}/api/ingest/proposals`)).status).toBe(403);
    } finally {
      carla.claims.roles = ['curator'];
    }
  });

  it('does not let single sign-on take over a local account of the same name', async () => {
    await getTestDriver().executeQuery("CREATE (:User {name: 'ada-local', via: 'local', role: 'admin', displayName: 'Ada', epoch: 0, disabled: false})");
    TEST_ACCOUNTS['sub-ada']!.claims.preferred_username = 'ada-local';
    try {
      const { jar, callback } = await signIn(app, 'ada-local', TEST_ACCOUNTS['sub-ada']!.password);
      expect(callback.headers.get('location')).toBe('/#/signin?error=OIDC_NAME_TAKEN');
      expect((await me(jar, app)).user).toBeNull();
      expect(await read("MATCH (u:User {name: 'ada-local'}) RETURN u.via AS via, u.role AS role")).toEqual([{ via: 'local', role: 'admin' }]);
    } finally {
      TEST_ACCOUNTS['sub-ada']!.claims.preferred_username = 'ada';
    }
  });
});

describe('single sign-on when the provider is away or not configured', () => {
  it('starts without the provider, sends sign-ins to OIDC_UNAVAILABLE, and works once the provider is up', async () => {
    const port = await freePort();
    const idpPort = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const away = { issuer: `http://127.0.0.1:${idpPort}`, clientId: 'kg-explorer', clientSecret: 'not-used-yet' };
    const explorer = await startExplorer(undefined, undefined, undefined, signinEnv(url, away), port);
    let idp: TestProvider | undefined;
    try {
      expect((await explorer.get('/api/health')).status).toBe(200);
      const down = await new CookieJar().fetch(`${explorer.base}/api/auth/oidc/start`);
      expect(down.status).toBe(302);
      expect(down.headers.get('location')).toBe('/#/signin?error=OIDC_UNAVAILABLE');

      idp = await startTestProvider(`${url}${CALLBACK}`, idpPort);
      expect(idp.issuer).toBe(away.issuer);
      const up = await new CookieJar().fetch(`${explorer.base}/api/auth/oidc/start`);
      expect(up.status).toBe(302);
      expect(new URL(up.headers.get('location')!).origin).toBe(idp.issuer);
    } finally {
      await explorer.close();
      await idp?.close();
    }
  });

  it('answers 404 with what to set when no identity provider is configured', async () => {
    const explorer = await startExplorer(undefined, undefined, undefined, { AUTH_MODE: 'signin', AUTH_SECRET_FILE: join(secretDir, 'auth-secret') });
    try {
      for (const path of ['/api/auth/oidc/start', `${CALLBACK}?code=x&state=y`]) {
        const res = await explorer.get(path);
        expect(res.status).toBe(404);
        expect(res.body.error.code).toBe('NOT_FOUND');
        expect(res.body.error.message).toMatch(/Single sign-on is not configured.*OIDC_ISSUER/);
      }
      expect((await explorer.get('/api/auth/me')).body.oidc).toBeNull();
    } finally {
      await explorer.close();
    }
  });
});
