import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, type OidcConfig } from '../../../server/config';
import { identityFrom, mapRole, OidcClient, OidcSignInError, userNameFrom } from '../../../server/auth/oidc';

/** The role rules as an admin writes them: the OIDC_* variables, read by the app's own config loader. */
function rules(env: Record<string, string> = {}): OidcConfig {
  const oidc = loadConfig({ OIDC_ISSUER: 'https://login.example.org', OIDC_CLIENT_ID: 'kg', ...env }).oidc;
  if (!oidc) throw new Error('OIDC not configured');
  return oidc;
}

const silent = { info() {}, warn() {}, error() {}, debug() {} };

describe('roles from the identity provider’s claims', () => {
  it('maps a claim value equal to a role’s name to that role', () => {
    expect(mapRole({ roles: ['curator'] }, rules())).toBe('curator');
    expect(mapRole({ roles: 'analyst' }, rules())).toBe('analyst');
  });

  it('maps group names through OIDC_ROLE_MAP', () => {
    const r = rules({ OIDC_ROLE_MAP: 'kg-analysts=analyst, kg-admins = admin' });
    expect(mapRole({ roles: ['kg-analysts'] }, r)).toBe('analyst');
    expect(mapRole({ roles: ['kg-admins'] }, r)).toBe('admin');
  });

  it('gives the highest of several mapped roles, whatever their order', () => {
    const r = rules({ OIDC_ROLE_MAP: 'kg-analysts=analyst,kg-curators=curator' });
    expect(mapRole({ roles: ['kg-curators', 'viewer', 'kg-analysts'] }, r)).toBe('curator');
    expect(mapRole({ roles: ['viewer', 'kg-analysts'] }, r)).toBe('analyst');
  });

  it('lets the map override a value that is also a role’s name', () => {
    expect(mapRole({ roles: ['admin'] }, rules({ OIDC_ROLE_MAP: 'admin=viewer' }))).toBe('viewer');
  });

  it('reads the claim OIDC_ROLE_CLAIM names, also nested with dots (Keycloak’s realm_access.roles)', () => {
    expect(mapRole({ groups: ['staff'], roles: ['admin'] }, rules({ OIDC_ROLE_CLAIM: 'groups', OIDC_ROLE_MAP: 'staff=analyst' }))).toBe('analyst');
    expect(mapRole({ realm_access: { roles: ['curator'] } }, rules({ OIDC_ROLE_CLAIM: 'realm_access.roles', OIDC_DEFAULT_ROLE: 'none' }))).toBe('curator');
  });

  it('gives OIDC_DEFAULT_ROLE (viewer unless set) to a user none of whose values maps', () => {
    expect(mapRole({ roles: ['payroll'] }, rules())).toBe('viewer');
    expect(mapRole({}, rules())).toBe('viewer');
    expect(mapRole({ roles: ['payroll'] }, rules({ OIDC_DEFAULT_ROLE: 'analyst' }))).toBe('analyst');
  });

  it('refuses (null) a user without a mapped role when OIDC_DEFAULT_ROLE is none', () => {
    const r = rules({ OIDC_DEFAULT_ROLE: 'none' });
    expect(mapRole({ roles: ['payroll'] }, r)).toBeNull();
    expect(mapRole({ roles: [] }, r)).toBeNull();
    expect(mapRole({}, r)).toBeNull();
  });

  it('ignores values that are not strings, and claims of other shapes', () => {
    const r = rules({ OIDC_DEFAULT_ROLE: 'none' });
    expect(mapRole({ roles: [42, null, { role: 'admin' }, 'analyst'] }, r)).toBe('analyst');
    expect(mapRole({ roles: { admin: true } }, r)).toBeNull();
    expect(mapRole({ roles: 7 }, r)).toBeNull();
  });

  it('is not fooled by values that name properties every object has', () => {
    const r = rules({ OIDC_DEFAULT_ROLE: 'none' });
    expect(mapRole({ roles: ['constructor', 'toString', '__proto__', 'hasOwnProperty'] }, r)).toBeNull();
  });

  it('matches values exactly: case and surrounding text count', () => {
    const r = rules({ OIDC_DEFAULT_ROLE: 'none' });
    expect(mapRole({ roles: ['Admin', 'curators', ' analyst'] }, r)).toBeNull();
  });
});

describe('the user name a sign-in gets', () => {
  it('is preferred_username, else email, else sub', () => {
    expect(userNameFrom({ sub: 's1', email: 'anna@myndighet.se', preferred_username: 'anna' })).toBe('anna');
    expect(userNameFrom({ sub: 's1', email: 'anna@myndighet.se' })).toBe('anna@myndighet.se');
    expect(userNameFrom({ sub: 'f3a9-77c1' })).toBe('f3a9-77c1');
  });

  it('passes over a claim that is not a valid user name here, and never rewrites one', () => {
    expect(userNameFrom({ sub: 's1', preferred_username: 'vera svensson', email: 'vera@myndighet.se' })).toBe('vera@myndighet.se');
    expect(userNameFrom({ sub: 's1', preferred_username: '../admin' })).toBe('s1');
  });

  it('skips an e-mail address the provider says is not verified', () => {
    expect(userNameFrom({ sub: 's1', email: 'boss@myndighet.se', email_verified: false })).toBe('s1');
  });

  it('is null when no claim is usable', () => {
    expect(userNameFrom({ sub: '_x'.repeat(40) })).toBeNull();
    expect(userNameFrom({})).toBeNull();
  });
});

describe('who signs in', () => {
  it('has the user name, the display name from the name claim, and the mapped role', () => {
    expect(identityFrom({ sub: 's', preferred_username: 'carla', name: ' Carla Kurator ', roles: ['curator'] }, rules())).toEqual({ name: 'carla', displayName: 'Carla Kurator', role: 'curator' });
    expect(identityFrom({ sub: 's', preferred_username: 'per', given_name: 'Per', family_name: 'Persson' }, rules())).toMatchObject({ displayName: 'Per Persson', role: 'viewer' });
    expect(identityFrom({ sub: 's', preferred_username: 'lo' }, rules())).toMatchObject({ displayName: 'lo' });
  });

  it('is refused with OIDC_NO_ROLE, naming the user, when no role maps and the default is none', () => {
    const refusal = (() => {
      try {
        identityFrom({ sub: 's', preferred_username: 'nils', roles: ['payroll'] }, rules({ OIDC_DEFAULT_ROLE: 'none' }));
      } catch (err) {
        return err;
      }
    })();
    expect(refusal).toBeInstanceOf(OidcSignInError);
    expect(refusal).toMatchObject({ code: 'OIDC_NO_ROLE', user: 'nils' });
  });

  it('is refused with OIDC_BAD_NAME when no claim gives a usable user name', () => {
    expect(() => identityFrom({ sub: '#1', preferred_username: 'a b' }, rules())).toThrow(expect.objectContaining({ code: 'OIDC_BAD_NAME' }));
  });
});

describe('the identity provider’s address', () => {
  const settings = (issuer: string) => ({ ...rules(), issuer });

  it('must be https, or http only on this machine', () => {
    expect(() => new OidcClient(settings('http://login.example.org'), () => Buffer.alloc(32), silent)).toThrow(ConfigError);
    expect(() => new OidcClient(settings('http://login.example.org'), () => Buffer.alloc(32), silent)).toThrow(/OIDC_ISSUER: must be an https:\/\/ URL/);
    for (const issuer of ['https://login.example.org/realms/staff', 'http://127.0.0.1:9000', 'http://localhost:9000', 'http://[::1]:9000']) {
      expect(() => new OidcClient(settings(issuer), () => Buffer.alloc(32), silent)).not.toThrow();
    }
  });
});

describe('an answer that does not belong to a sign-in this browser started', () => {
  const sso = new OidcClient(rules(), () => Buffer.alloc(32, 7), silent);

  it('is refused with OIDC_STATE, before the provider is asked anything', async () => {
    await expect(sso.finish('code=abc&state=xyz', undefined)).rejects.toMatchObject({ code: 'OIDC_STATE' });
    await expect(sso.finish('code=abc&state=xyz', 'not-a-cookie')).rejects.toMatchObject({ code: 'OIDC_STATE' });
    const forged = `${Buffer.from(JSON.stringify({ state: 'xyz', nonce: 'n', verifier: 'v', redirectUri: 'http://127.0.0.1/cb', expires: 9e9 })).toString('base64url')}.AAAA`;
    await expect(sso.finish('code=abc&state=xyz', forged)).rejects.toMatchObject({ code: 'OIDC_STATE' });
  });
});
