import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addTestUser } from '../api/harness';
import { getTestDriver, resetDatabase } from '../../support/neo4j';
import { passwordOf, startSigninApp, type SigninApp } from './support';

/** Issue 14: sessions end at once when what they were issued for changes; CSRF on every write; admins manage users. */

let app: SigninApp;

beforeAll(async () => {
  await resetDatabase();
  app = await startSigninApp();
  await addTestUser({ name: 'admin', role: 'admin', password: passwordOf('admin') }, app.secretFile);
});
afterAll(async () => {
  await app?.close();
});

describe('sessions issued before a change', () => {
  it('are refused (401) once the password changes, while a sign-in with the new password works', async () => {
    await addTestUser({ name: 'gun', role: 'analyst', password: passwordOf('gun') }, app.secretFile);
    const gun = await app.browser().signIn('gun', passwordOf('gun'));
    expect((await gun.get('/api/schema')).status).toBe(200);

    const admin = await app.browser().signIn('admin', passwordOf('admin'));
    const changed = await admin.call('PATCH', '/api/admin/users/gun', { password: 'ett-helt-nytt-lösenord' });
    expect(changed.status).toBe(200);

    const stale = await gun.get('/api/schema');
    expect(stale.status).toBe(401);
    expect(stale.body.error.code).toBe('UNAUTHENTICATED');
    expect((await app.browser().post('/api/auth/signin', { name: 'gun', password: passwordOf('gun') })).status).toBe(401);
    const fresh = await app.browser().signIn('gun', 'ett-helt-nytt-lösenord');
    expect((await fresh.get('/api/schema')).status).toBe(200);
  });

  it('are refused once the role changes, and the new session has the new role', async () => {
    await addTestUser({ name: 'hans', role: 'analyst', password: passwordOf('hans') }, app.secretFile);
    const hans = await app.browser().signIn('hans', passwordOf('hans'));
    const admin = await app.browser().signIn('admin', passwordOf('admin'));
    expect((await admin.call('PATCH', '/api/admin/users/hans', { role: 'viewer' })).body).toMatchObject({ role: 'viewer' });
    expect((await hans.get('/api/schema')).status).toBe(401);
    const again = await app.browser().signIn('hans', passwordOf('hans'));
    expect((await again.get('/api/auth/me')).body.user.role).toBe('viewer');
    const cypher = await again.post('/api/cypher/run', { cypher: 'RETURN 1 AS one' });
    expect(cypher.status).toBe(403);
    expect(cypher.body.error).toMatchObject({ code: 'FORBIDDEN', details: { required: 'analyst', role: 'viewer' } });
  });

  it('are refused once the account is disabled, and sign-in is refused with the same answer as a wrong password', async () => {
    await addTestUser({ name: 'ines', role: 'viewer', password: passwordOf('ines') }, app.secretFile);
    const ines = await app.browser().signIn('ines', passwordOf('ines'));
    const admin = await app.browser().signIn('admin', passwordOf('admin'));
    expect((await admin.call('PATCH', '/api/admin/users/ines', { disabled: true })).body).toMatchObject({ disabled: true });
    expect((await ines.get('/api/schema')).status).toBe(401);
    const refused = await app.browser().post('/api/auth/signin', { name: 'ines', password: passwordOf('ines') });
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe('SIGNIN_FAILED');
    // Enabling does not bring the old session back.
    await admin.call('PATCH', '/api/admin/users/ines', { disabled: false });
    expect((await ines.get('/api/schema')).status).toBe(401);
    await app.browser().signIn('ines', passwordOf('ines'));
  });

  it('deletes the sessions a change ended', async () => {
    const r = await getTestDriver().executeQuery(
      "MATCH (s:Session) WHERE s.user IN ['gun', 'hans', 'ines'] MATCH (u:User {name: s.user}) RETURN count(CASE WHEN s.epoch <> u.epoch THEN 1 END) AS stale",
    );
    expect(r.records[0]!.get('stale').toNumber()).toBe(0);
  });

  it('are refused after SESSION_HOURS', async () => {
    const short = await startSigninApp({ SESSION_HOURS: String(2 / 3600) });
    try {
      await addTestUser({ name: 'jon', role: 'viewer', password: passwordOf('jon') }, short.secretFile);
      const jon = await short.browser().signIn('jon', passwordOf('jon'));
      expect((await jon.get('/api/schema')).status).toBe(200);
      await new Promise((r) => setTimeout(r, 2_500));
      expect((await jon.get('/api/schema')).status).toBe(401);
    } finally {
      await short.close();
    }
  });
});

describe('CSRF protection', () => {
  it('refuses a write carried by the session cookie without the X-CSRF-Token header: 403 CSRF_FAILED', async () => {
    const admin = await app.browser().signIn('admin', passwordOf('admin'));
    const token = admin.csrfToken!;
    admin.csrfToken = undefined;
    const missing = await admin.post('/api/cypher/check', { cypher: 'RETURN 1' });
    expect(missing.status).toBe(403);
    expect(missing.body.error.code).toBe('CSRF_FAILED');
    expect(missing.body.error.message).toMatch(/X-CSRF-Token/);
    const wrong = await admin.post('/api/cypher/check', { cypher: 'RETURN 1' }, { 'x-csrf-token': `${token.slice(0, -1)}A` });
    expect(wrong.status).toBe(403);
    expect(wrong.body.error.code).toBe('CSRF_FAILED');
    const right = await admin.post('/api/cypher/check', { cypher: 'RETURN 1' }, { 'x-csrf-token': token });
    expect(right.status).toBe(200);
  });

  it('asks nothing of reads, and another session’s token does not do', async () => {
    const admin = await app.browser().signIn('admin', passwordOf('admin'));
    const other = await app.browser().signIn('admin', passwordOf('admin'));
    expect((await admin.get('/api/schema', { 'x-csrf-token': '' })).status).toBe(200);
    const crossed = await admin.post('/api/cypher/check', { cypher: 'RETURN 1' }, { 'x-csrf-token': other.csrfToken! });
    expect(crossed.status).toBe(403);
  });

  it('protects sign-out too, but not signing in again', async () => {
    const admin = await app.browser().signIn('admin', passwordOf('admin'));
    const token = admin.csrfToken!;
    admin.csrfToken = undefined;
    expect((await admin.post('/api/auth/signout')).status).toBe(403);
    expect((await admin.get('/api/auth/me')).body.user.name).toBe('admin');
    await admin.signIn('admin', passwordOf('admin'));
    expect(admin.csrfToken).not.toBe(token);
  });
});

describe('the cookie behind an HTTPS proxy', () => {
  it('is Secure when the trusted proxy says the request came over HTTPS, and when COOKIE_SECURE=true', async () => {
    const proxied = await startSigninApp({ TRUST_PROXY: 'loopback' });
    const forced = await startSigninApp({ COOKIE_SECURE: 'true' });
    try {
      await addTestUser({ name: 'kim', role: 'viewer', password: passwordOf('kim') }, proxied.secretFile);
      const viaProxy = await proxied.browser().post('/api/auth/signin', { name: 'kim', password: passwordOf('kim') }, { 'x-forwarded-proto': 'https' });
      expect([viaProxy.headers['set-cookie']].flat().join()).toMatch(/kg_session=.*; Secure/);
      const plain = await proxied.browser().post('/api/auth/signin', { name: 'kim', password: passwordOf('kim') });
      expect([plain.headers['set-cookie']].flat().join()).not.toMatch(/Secure/);

      await getTestDriver().executeQuery("MATCH (u:User {name: 'kim'}) DETACH DELETE u");
      await addTestUser({ name: 'kim', role: 'viewer', password: passwordOf('kim') }, forced.secretFile);
      const secure = await forced.browser().post('/api/auth/signin', { name: 'kim', password: passwordOf('kim') });
      expect([secure.headers['set-cookie']].flat().join()).toMatch(/kg_session=.*; Secure/);
    } finally {
      await proxied.close();
      await forced.close();
    }
  });
});

describe('managing users through the API', () => {
  it('lets an admin add, list and change users, and records each change with the admin as actor', async () => {
    const admin = await app.browser().signIn('admin', passwordOf('admin'));
    const added = await admin.post('/api/admin/users', { name: 'lena.berg', displayName: 'Lena Berg', role: 'curator', password: passwordOf('lena') });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ name: 'lena.berg', displayName: 'Lena Berg', role: 'curator', via: 'local', disabled: false, locked: false, lastSignInAt: null });
    expect(added.body).not.toHaveProperty('passwordHash');
    expect((await admin.post('/api/admin/users', { name: 'lena.berg', role: 'viewer', password: passwordOf('lena') })).status).toBe(409);
    expect((await admin.post('/api/admin/users', { name: 'kort', role: 'viewer', password: 'kort' })).status).toBe(400);

    const lena = await app.browser().signIn('lena.berg', passwordOf('lena'));
    expect((await lena.get('/api/auth/me')).body.user).toEqual({ name: 'lena.berg', displayName: 'Lena Berg', role: 'curator', via: 'local' });
    const list = await admin.get('/api/admin/users');
    expect(list.body.users.find((u: { name: string }) => u.name === 'lena.berg').lastSignInAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(JSON.stringify(list.body)).not.toMatch(/scrypt/);

    expect((await admin.call('PATCH', '/api/admin/users/nobody', { role: 'viewer' })).status).toBe(404);
    const trail = await getTestDriver().executeQuery("MATCH (e:AuditEvent) WHERE e.target = 'lena.berg' AND e.action = 'user.add' RETURN e.actor AS actor, e.role AS role, e.detail AS detail");
    expect(trail.records.map((r) => r.toObject())).toEqual([{ actor: 'admin', role: 'admin', detail: 'role curator' }]);
  });

  it('refuses to demote or disable the last enabled admin', async () => {
    const admin = await app.browser().signIn('admin', passwordOf('admin'));
    const demote = await admin.call('PATCH', '/api/admin/users/admin', { role: 'analyst' });
    expect(demote.status).toBe(409);
    expect(demote.body.error.code).toBe('LAST_ADMIN');
    expect((await admin.call('PATCH', '/api/admin/users/admin', { disabled: true })).status).toBe(409);
    expect((await admin.get('/api/auth/me')).body.user.role).toBe('admin');
  });

  it('refuses other roles: 403 FORBIDDEN naming the admin role', async () => {
    const lena = await app.browser().signIn('lena.berg', passwordOf('lena'));
    const reply = await lena.get('/api/admin/users');
    expect(reply.status).toBe(403);
    expect(reply.body.error).toMatchObject({ code: 'FORBIDDEN', details: { required: 'admin', role: 'curator' } });
  });
});
