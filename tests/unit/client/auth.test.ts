import { auditDetail } from '../../../client/src/auth/format';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, hasRole, ROLES, type MeResponse, type Role } from '../../../contract/auth';
import { actionKey } from '../../../client/src/auth/AuditScreen';
import { roleAtLeast, ROLE_ORDER } from '../../../client/src/auth/roles';
import { parseAuthHash, signInHash } from '../../../client/src/auth/route';
import { authView } from '../../../client/src/auth/store';
import { resources } from '../../../client/src/i18n';
import { errorMessage } from '../../../client/src/i18n/errors';

const me = (over: Partial<MeResponse>): MeResponse => ({ mode: 'signin', user: null, csrfToken: null, oidc: null, ...over });
const user = (role: Role) => ({ name: 'anna', displayName: 'Anna Berg', role, via: 'local' as const });

describe('roles on the client', () => {
  it('orders the roles exactly as the contract does and decides as hasRole does', () => {
    expect(ROLE_ORDER).toEqual(ROLES);
    for (const a of ROLES) for (const b of ROLES) expect(roleAtLeast(a, b), `${a} ≥ ${b}`).toBe(hasRole(a, b));
  });

  it('lets a signed-in user do what their role reaches and nothing more', () => {
    const view = authView({ status: 'ready', me: me({ user: user('analyst') }), expired: false });
    expect(ROLES.map((r) => view.can(r))).toEqual([true, true, false, false]);
  });

  it('lets nobody do anything while signed out, or before the server has said who is signed in', () => {
    expect(authView({ status: 'ready', me: me({}), expired: true }).can('viewer')).toBe(false);
    expect(authView({ status: 'loading' }).can('viewer')).toBe(false);
    expect(authView({ status: 'error', error: { code: 'NETWORK', message: '', status: 0 } }).can('viewer')).toBe(false);
  });

  it('treats the open mode as the local admin, even when the answer names no user', () => {
    const view = authView({ status: 'ready', me: me({ mode: 'open', user: null }), expired: false });
    expect(view.can('admin')).toBe(true);
    expect(view.user?.name).toBe('local');
  });
});

describe('the sign-in address', () => {
  it('remembers where the user was going and reads it back', () => {
    const hash = signInHash('#nodes=actor-digg&sel=actor-digg');
    expect(hash).toMatch(/^#\/signin\?next=/);
    expect(parseAuthHash(hash)).toEqual({ page: 'signin', next: '#nodes=actor-digg&sel=actor-digg', error: null });
  });

  it('carries the error code a single sign-on came back with', () => {
    expect(parseAuthHash('#/signin?error=OIDC_NO_ROLE')).toEqual({ page: 'signin', next: '', error: 'OIDC_NO_ROLE' });
  });

  it('returns only to addresses inside the app, never to another site or back to the sign-in page', () => {
    expect(parseAuthHash(`#/signin?next=${encodeURIComponent('https://evil.example/')}`)).toMatchObject({ next: '' });
    expect(parseAuthHash(`#/signin?next=${encodeURIComponent('#/signin')}`)).toMatchObject({ next: '' });
    expect(signInHash('#/audit')).toBe('#/signin');
  });

  it('names the admin pages and leaves every other address to the explorer and the ingest screens', () => {
    expect(parseAuthHash('#/audit')).toEqual({ page: 'audit' });
    expect(parseAuthHash('#/users')).toEqual({ page: 'users' });
    expect(parseAuthHash('#/ingest')).toBeNull();
    expect(parseAuthHash('#nodes=a')).toBeNull();
    expect(parseAuthHash('')).toBeNull();
  });
});

describe('words for the audit log and refusals', () => {
  it.each([['sv'], ['en']] as const)('names every audit action in %s', (lng) => {
    const words = (resources[lng].auth as { audit: { actions: Record<string, string> } }).audit.actions;
    expect(AUDIT_ACTIONS.filter((a) => !words[actionKey(a)])).toEqual([]);
  });

  it('says which role a 403 FORBIDDEN needs, in the UI language', () => {
    const err = { code: 'FORBIDDEN', message: 'This needs the curator role or higher; …', status: 403, details: { required: 'curator', role: 'viewer' } };
    expect(errorMessage(err, 'sv')).toMatch(/^Det här kräver rollen redaktör eller högre\. Du är inloggad med rollen läsare/);
    expect(errorMessage(err, 'en')).toMatch(/^This needs the curator role or higher\. You are signed in with the viewer role/);
  });

  it('still says something useful for a 403 FORBIDDEN without details', () => {
    expect(errorMessage({ code: 'FORBIDDEN', message: 'x', status: 403 }, 'sv')).toMatch(/^Din roll räcker inte/);
  });
});

describe('audit notes in Swedish', () => {
  const role = (r: string) => ({ viewer: 'läsare', analyst: 'analytiker', curator: 'redaktör', admin: 'administratör' })[r] ?? r;

  it('says the notes the server composes in Swedish, addresses and names kept', () => {
    expect(auditDetail({ action: 'signin', detail: 'password, from 127.0.0.1' }, 'sv', role)).toBe('lösenord, från 127.0.0.1');
    expect(auditDetail({ action: 'signin.failed', detail: 'wrong password, from ::1' }, 'sv', role)).toBe('fel lösenord, från ::1');
    expect(auditDetail({ action: 'signin.locked', detail: 'locked for 15 minutes after 10 wrong passwords, from 10.0.0.7' }, 'sv', role)).toBe('låst i 15 minuter efter 10 fel lösenord, från 10.0.0.7');
    expect(auditDetail({ action: 'signin', detail: 'oidc' }, 'sv', role)).toBe('organisationens konto');
    expect(auditDetail({ action: 'user.update', detail: 'role viewer → curator; new password; display name "Åsa Öberg"' }, 'sv', role)).toBe('roll läsare → redaktör; nytt lösenord; visningsnamn "Åsa Öberg"');
    expect(auditDetail({ action: 'user.add', detail: 'role analyst' }, 'sv', role)).toBe('roll analytiker');
  });

  it('leaves titles as written, translating only a saved query’s visibility, and English as the server wrote it', () => {
    expect(auditDetail({ action: 'query.create', detail: 'Roles of a person (shared)' }, 'sv', role)).toBe('Roles of a person (delad)');
    expect(auditDetail({ action: 'ingest.accept', detail: 'password, from the archive' }, 'sv', role)).toBe('password, from the archive');
    expect(auditDetail({ action: 'signin', detail: 'password, from 127.0.0.1' }, 'en', role)).toBe('password, from 127.0.0.1');
  });
});
