import { describe, expect, it } from 'vitest';
import { AuthModeError, isLoopbackAddress, listenAddress, resolveAuthMode } from '../../../server/auth/mode';
import { ConfigError, loadConfig } from '../../../server/config';

describe('the sign-in mode', () => {
  it('is open on a loopback HOST and sign-in on any other when AUTH_MODE is auto', () => {
    for (const host of ['127.0.0.1', 'localhost', '::1', '127.0.0.2']) expect(resolveAuthMode('auto', host), host).toBe('open');
    for (const host of ['0.0.0.0', '::', '192.168.1.5', 'graph.example.org']) expect(resolveAuthMode('auto', host), host).toBe('signin');
  });

  it('is sign-in on loopback too when AUTH_MODE=signin', () => {
    expect(resolveAuthMode('signin', '127.0.0.1')).toBe('signin');
  });

  it('refuses AUTH_MODE=open on a non-loopback HOST, saying what to change', () => {
    expect(() => resolveAuthMode('open', '0.0.0.0')).toThrow(AuthModeError);
    expect(() => resolveAuthMode('open', '0.0.0.0')).toThrow(/Remove AUTH_MODE .* or set HOST=127\.0\.0\.1/);
    expect(resolveAuthMode('open', '127.0.0.1')).toBe('open');
  });

  it('knows the loopback addresses', () => {
    expect(isLoopbackAddress('[::1]')).toBe(true);
    expect(isLoopbackAddress('0.0.0.0')).toBe(false);
    expect(isLoopbackAddress('128.0.0.1')).toBe(false);
  });

  it('names the address the server really listens on, all interfaces said as such', () => {
    expect(listenAddress('0.0.0.0', 3000)).toBe('http://0.0.0.0:3000 (all interfaces)');
    expect(listenAddress('127.0.0.1', 3000)).toBe('http://127.0.0.1:3000');
    expect(listenAddress('::1', 8080)).toBe('http://[::1]:8080');
  });
});

describe('the sign-in configuration', () => {
  const base = { NEO4J_URI: 'bolt://127.0.0.1:1', NEO4J_PASSWORD: 'not-used-here' };

  it('has safe defaults', () => {
    const { auth, oidc } = loadConfig(base, '/srv/app');
    expect(auth).toMatchObject({ setting: 'auto', mode: 'open', allowedHosts: [], sessionHours: 12, cookieSecure: false, trustProxy: false, signinRate: 20, lockoutAfter: 10, lockoutMinutes: 15 });
    expect(auth.secretFile).toBe('/srv/app/.data/auth-secret');
    expect(oidc).toBeUndefined();
    expect(Object.isFrozen(auth)).toBe(true);
  });

  it('derives the mode from HOST and AUTH_MODE, and stops the start for AUTH_MODE=open on all interfaces', () => {
    expect(loadConfig({ ...base, HOST: '0.0.0.0' }).auth.mode).toBe('signin');
    expect(() => loadConfig({ ...base, HOST: '0.0.0.0', AUTH_MODE: 'open' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, HOST: '0.0.0.0', AUTH_MODE: 'open' })).toThrow(/AUTH_MODE: AUTH_MODE=open is only allowed/);
  });

  it('reads the lists and numbers', () => {
    const { auth } = loadConfig({ ...base, ALLOWED_HOSTS: 'Graph.Example.org:443, *.intra.example.org', TRUST_PROXY: '1', SESSION_HOURS: '0.5', COOKIE_SECURE: 'true', SIGNIN_RATE: '5' });
    expect(auth.allowedHosts).toEqual(['graph.example.org', '*.intra.example.org']);
    expect(loadConfig({ ...base, ALLOWED_HOSTS: 'fd00::5,[fd00::6]:3000' }).auth.allowedHosts).toEqual(['fd00::5', '[fd00::6]']);
    expect(auth.trustProxy).toBe(1);
    expect(auth.sessionHours).toBe(0.5);
    expect(auth.cookieSecure).toBe(true);
    expect(auth.signinRate).toBe(5);
    expect(loadConfig({ ...base, TRUST_PROXY: '10.0.0.1, 10.1.0.0/16' }).auth.trustProxy).toBe('10.0.0.1,10.1.0.0/16');
  });

  it('names the variable of a bad value', () => {
    expect(() => loadConfig({ ...base, LOCKOUT_AFTER: '0' })).toThrow(/LOCKOUT_AFTER/);
    expect(() => loadConfig({ ...base, ALLOWED_HOSTS: 'a b' })).toThrow(/ALLOWED_HOSTS/);
    expect(() => loadConfig({ ...base, PUBLIC_URL: 'graph.example.org' })).toThrow(/PUBLIC_URL/);
  });

  it('reads single sign-on only with an issuer and a client id, and maps claim values to roles', () => {
    expect(() => loadConfig({ ...base, OIDC_ISSUER: 'https://login.example.org' })).toThrow(/OIDC_CLIENT_ID: required/);
    expect(() => loadConfig({ ...base, OIDC_CLIENT_ID: 'explorer' })).toThrow(/OIDC_ISSUER: required/);
    expect(() => loadConfig({ ...base, OIDC_ISSUER: 'https://login.example.org', OIDC_CLIENT_ID: 'x', OIDC_ROLE_MAP: 'grp=boss' })).toThrow(/OIDC_ROLE_MAP/);
    const { oidc } = loadConfig({ ...base, OIDC_ISSUER: 'https://login.example.org', OIDC_CLIENT_ID: 'explorer', OIDC_ROLE_MAP: 'grp-analysts=analyst, grp-admins = admin' });
    expect(oidc).toEqual({
      issuer: 'https://login.example.org',
      clientId: 'explorer',
      clientSecret: undefined,
      roleClaim: 'roles',
      roleMap: { 'grp-analysts': 'analyst', 'grp-admins': 'admin' },
      defaultRole: 'viewer',
      label: 'Single sign-on',
    });
  });
});
