import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addTestUser } from '../api/harness';
import { getTestDriver, resetDatabase } from '../../support/neo4j';
import { passwordOf, startSigninApp, type SigninApp } from './support';

/** Issue 14: signing in and out with a local account, the answers to wrong passwords, lock-out and rate limit. */

async function auditTrail(): Promise<{ action: string; actor: string; target: string; detail: string }[]> {
  const r = await getTestDriver().executeQuery('MATCH (e:AuditEvent) RETURN e { .action, .actor, .target, .detail } AS e ORDER BY e.at');
  return r.records.map((rec) => rec.get('e'));
}

let app: SigninApp;

beforeAll(async () => {
  await resetDatabase();
  app = await startSigninApp({ LOCKOUT_AFTER: '10', LOCKOUT_MINUTES: '15' });
  await addTestUser({ name: 'anna', role: 'analyst', password: passwordOf('anna'), displayName: 'Anna Andersson' }, app.secretFile);
  await addTestUser({ name: 'boris', role: 'viewer', password: passwordOf('boris') }, app.secretFile);
  await addTestUser({ name: 'admin', role: 'admin', password: passwordOf('admin') }, app.secretFile);
});
afterAll(async () => {
  await app?.close();
});

describe('signing in with a name and password', () => {
  it('answers who is signed in — nobody yet — and refuses protected operations with 401 UNAUTHENTICATED', async () => {
    const browser = app.browser();
    const me = await browser.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body).toEqual({ mode: 'signin', user: null, csrfToken: null, oidc: null });
    const graph = await browser.get('/api/graph?limit=5');
    expect(graph.status).toBe(401);
    expect(graph.body.error.code).toBe('UNAUTHENTICATED');
    expect(graph.body.error.message).toMatch(/Sign in/);
  });

  it('starts a session in an HttpOnly, SameSite=Lax cookie (not Secure over plain HTTP) and answers the user and a CSRF token', async () => {
    const browser = app.browser();
    const reply = await browser.post('/api/auth/signin', { name: 'anna', password: passwordOf('anna') });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ mode: 'signin', user: { name: 'anna', displayName: 'Anna Andersson', role: 'analyst', via: 'local' } });
    expect(reply.body.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const cookie = [reply.headers['set-cookie'] ?? []].flat().find((c) => c.startsWith('kg_session='))!;
    expect(cookie).toMatch(/^kg_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Lax/);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).toMatch(/; Max-Age=43200/);
    expect(cookie).not.toMatch(/Secure/);

    const me = await browser.get('/api/auth/me');
    expect(me.body).toMatchObject({ user: { name: 'anna', role: 'analyst' }, csrfToken: reply.body.csrfToken });
    expect(me.headers['cache-control']).toBe('no-store');
    expect((await browser.get('/api/graph?limit=5')).status).toBe(200);
  });

  it('keeps only a hash of the session token and of the password in Neo4j', async () => {
    const browser = await app.browser().signIn('boris', passwordOf('boris'));
    const token = browser.cookie!.slice('kg_session='.length);
    const r = await getTestDriver().executeQuery('MATCH (n) WHERE n:Session OR n:User RETURN properties(n) AS p');
    const stored = JSON.stringify(r.records.map((rec) => rec.get('p')));
    expect(stored).not.toContain(token);
    expect(stored).not.toContain(passwordOf('boris'));
    const user = await getTestDriver().executeQuery("MATCH (u:User {name: 'boris'}) RETURN u.passwordHash AS h");
    expect(user.records[0]!.get('h')).toMatch(/^scrypt\$1\$32768\$8\$1\$/);
  });

  it('answers a wrong password and an unknown name alike: 401 SIGNIN_FAILED with one message', async () => {
    const wrong = await app.browser().post('/api/auth/signin', { name: 'anna', password: 'inte-rätt-lösenord' });
    const unknown = await app.browser().post('/api/auth/signin', { name: 'nobody-here', password: 'inte-rätt-lösenord' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.error.code).toBe('SIGNIN_FAILED');
    expect(unknown.body.error).toEqual({ ...wrong.body.error, requestId: unknown.body.error.requestId });
    expect(wrong.headers['set-cookie']).toBeUndefined();
  });

  it('refuses a body that is not a name and a password with 400', async () => {
    const reply = await app.browser().post('/api/auth/signin', { name: 'anna' });
    expect(reply.status).toBe(400);
    expect(reply.body.error.message).toMatch(/password/);
  });

  it('ends the session on sign-out: the cookie is cleared and the old cookie no longer works', async () => {
    const browser = await app.browser().signIn('boris', passwordOf('boris'));
    const oldCookie = browser.cookie!;
    const out = await browser.post('/api/auth/signout');
    expect(out.status).toBe(204);
    expect([out.headers['set-cookie'] ?? []].flat().some((c) => /^kg_session=;/.test(c) && /Expires=Thu, 01 Jan 1970/.test(c))).toBe(true);
    expect(browser.cookie).toBeUndefined();
    const replay = await app.browser().get('/api/graph?limit=5', { cookie: oldCookie });
    expect(replay.status).toBe(401);
    expect((await app.browser().get('/api/auth/me', { cookie: oldCookie })).body.user).toBeNull();
  });

  it('answers sign-out without a session with 204 too', async () => {
    expect((await app.browser().post('/api/auth/signout')).status).toBe(204);
  });
});

describe('lock-out after wrong passwords', () => {
  it('locks the account after ten wrong passwords in a row: 423 ACCOUNT_LOCKED with Retry-After, even with the right password', async () => {
    await addTestUser({ name: 'carl', role: 'viewer', password: passwordOf('carl') }, app.secretFile);
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await app.browser().post('/api/auth/signin', { name: 'carl', password: `fel-lösenord-${i}` })).status);
    expect(statuses.slice(0, 9)).toEqual(Array(9).fill(401));
    expect(statuses[9]).toBe(423);

    const right = await app.browser().post('/api/auth/signin', { name: 'carl', password: passwordOf('carl') });
    expect(right.status).toBe(423);
    expect(right.body.error.code).toBe('ACCOUNT_LOCKED');
    expect(right.body.error.message).toMatch(/locked after too many wrong passwords.*ask an admin/);
    const retryAfter = Number(right.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60 + 1);
    expect(right.headers['set-cookie']).toBeUndefined();
  });

  it('counts only wrong passwords in a row: a successful sign-in starts the count again', async () => {
    await addTestUser({ name: 'dora', role: 'viewer', password: passwordOf('dora') }, app.secretFile);
    for (let i = 0; i < 9; i++) expect((await app.browser().post('/api/auth/signin', { name: 'dora', password: 'fel-lösenord' })).status).toBe(401);
    await app.browser().signIn('dora', passwordOf('dora'));
    for (let i = 0; i < 9; i++) expect((await app.browser().post('/api/auth/signin', { name: 'dora', password: 'fel-lösenord' })).status).toBe(401);
    await app.browser().signIn('dora', passwordOf('dora'));
  });

  it('is lifted when an admin enables the account', async () => {
    await addTestUser({ name: 'erik', role: 'viewer', password: passwordOf('erik') }, app.secretFile);
    for (let i = 0; i < 10; i++) await app.browser().post('/api/auth/signin', { name: 'erik', password: 'fel-lösenord' });
    const admin = await app.browser().signIn('admin', passwordOf('admin'));
    expect((await admin.get('/api/admin/users')).body.users.find((u: { name: string }) => u.name === 'erik')).toMatchObject({ locked: true, disabled: false });
    const unlocked = await admin.call('PATCH', '/api/admin/users/erik', { disabled: false });
    expect(unlocked.status).toBe(200);
    expect(unlocked.body).toMatchObject({ name: 'erik', locked: false, disabled: false });
    await app.browser().signIn('erik', passwordOf('erik'));
  });

  it('records sign-ins, failures, the lock and sign-outs in the audit trail, never the password', async () => {
    const trail = await auditTrail();
    expect(trail).toContainEqual(expect.objectContaining({ action: 'signin', actor: 'anna', target: 'anna' }));
    expect(trail).toContainEqual(expect.objectContaining({ action: 'signin.failed', actor: 'anna', target: 'anna', detail: expect.stringMatching(/^wrong password, from /) }));
    expect(trail).toContainEqual(expect.objectContaining({ action: 'signin.failed', target: 'nobody-here', detail: expect.stringMatching(/^no local user of that name/) }));
    expect(trail).toContainEqual(expect.objectContaining({ action: 'signin.locked', target: 'carl', detail: expect.stringMatching(/^locked for 15 minutes after 10 wrong passwords/) }));
    expect(trail).toContainEqual(expect.objectContaining({ action: 'signin.locked', target: 'carl', detail: expect.stringMatching(/^refused while locked/) }));
    expect(trail).toContainEqual(expect.objectContaining({ action: 'signout', actor: 'boris' }));
    expect(trail).toContainEqual(expect.objectContaining({ action: 'user.update', actor: 'admin', target: 'erik', detail: 'unlocked' }));
    expect(JSON.stringify(trail)).not.toMatch(/lösenord/);
  });
});

describe('the sign-in rate limit per client address', () => {
  it('answers 429 TOO_MANY_SIGNINS with Retry-After past SIGNIN_RATE attempts in five minutes, right password or not', async () => {
    const limited = await startSigninApp({ SIGNIN_RATE: '3' });
    try {
      await addTestUser({ name: 'fia', role: 'viewer', password: passwordOf('fia') }, limited.secretFile);
      for (let i = 0; i < 3; i++) expect((await limited.browser().post('/api/auth/signin', { name: 'fia', password: 'fel-lösenord' })).status).toBe(401);
      const refused = await limited.browser().post('/api/auth/signin', { name: 'fia', password: passwordOf('fia') });
      expect(refused.status).toBe(429);
      expect(refused.body.error.code).toBe('TOO_MANY_SIGNINS');
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(250);
      expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(300);
    } finally {
      await limited.close();
    }
  });
});
