import { describe, expect, it } from 'vitest';
import { hostAllowed, hostName, originAllowed } from '../../../server/auth/host';

const loopback = { loopbackBound: true, allowedHosts: [] };

describe('the Host check', () => {
  it('serves the loopback names on any port when bound to loopback', () => {
    for (const host of ['localhost', 'localhost:3000', 'LOCALHOST:3000', 'app.localhost:5173', '127.0.0.1', '127.0.0.1:3000', '127.1.2.3:80', '[::1]:3000', '[::1]']) {
      expect(hostAllowed(host, loopback), host).toBe(true);
    }
  });

  it('refuses any other name when bound to loopback (DNS rebinding)', () => {
    for (const host of ['attacker.example', 'attacker.example:3000', 'localhost.attacker.example', '192.168.1.5:3000', '0.0.0.0:3000', '[::2]:3000']) {
      expect(hostAllowed(host, loopback), host).toBe(false);
    }
  });

  it('serves the names in ALLOWED_HOSTS, and their subdomains for a *. entry', () => {
    const policy = { loopbackBound: true, allowedHosts: ['graph.example.org', '*.intra.example.org'] };
    expect(hostAllowed('graph.example.org:3000', policy)).toBe(true);
    expect(hostAllowed('a.intra.example.org', policy)).toBe(true);
    expect(hostAllowed('intra.example.org', policy)).toBe(false);
    expect(hostAllowed('evilintra.example.org', policy)).toBe(false);
    expect(hostAllowed('other.example.org', policy)).toBe(false);
  });

  it('serves any name when bound elsewhere without ALLOWED_HOSTS, and only the listed (and loopback) ones with it', () => {
    expect(hostAllowed('graph.example.org', { loopbackBound: false, allowedHosts: [] })).toBe(true);
    const strict = { loopbackBound: false, allowedHosts: ['graph.example.org'] };
    expect(hostAllowed('graph.example.org', strict)).toBe(true);
    expect(hostAllowed('localhost:3000', strict)).toBe(true);
    expect(hostAllowed('10.0.0.5:3000', strict)).toBe(false);
  });

  it('refuses a malformed Host, and serves a request without one (not a browser)', () => {
    expect(hostAllowed('exa mple', loopback)).toBe(false);
    expect(hostAllowed('a/b', loopback)).toBe(false);
    expect(hostAllowed(undefined, loopback)).toBe(true);
  });

  it('reads the name without port, brackets or trailing dot', () => {
    expect(hostName('Example.ORG.:8080')).toBe('example.org');
    expect(hostName('[::1]:3000')).toBe('::1');
    expect(hostName('bad host')).toBeUndefined();
  });
});

describe('the Origin check on writes', () => {
  it('lets a request without Origin through (command-line clients)', () => {
    expect(originAllowed(undefined, 'localhost:3000', [])).toBe(true);
  });

  it('lets the same host and port through, and refuses another port or host', () => {
    expect(originAllowed('http://localhost:3000', 'localhost:3000', [])).toBe(true);
    expect(originAllowed('http://localhost:5173', 'localhost:3000', [])).toBe(false);
    expect(originAllowed('https://attacker.example', 'localhost:3000', [])).toBe(false);
    expect(originAllowed('https://graph.example.org', 'graph.example.org', [])).toBe(true);
    expect(originAllowed('https://graph.example.org', 'graph.example.org:443', [])).toBe(true);
  });

  it('refuses the opaque origin "null" and other schemes', () => {
    expect(originAllowed('null', 'localhost:3000', [])).toBe(false);
    expect(originAllowed('file://', 'localhost:3000', [])).toBe(false);
  });

  it('lets configured origins through (PUBLIC_URL, CORS_ORIGINS)', () => {
    expect(originAllowed('https://graph.example.org', 'app:3000', ['https://graph.example.org'])).toBe(true);
    expect(originAllowed('https://graph.example.org.evil', 'app:3000', ['https://graph.example.org'])).toBe(false);
  });
});

describe('IPv6 names in ALLOWED_HOSTS', () => {
  it('match the bracketed Host header, with or without brackets in the list', () => {
    expect(hostAllowed('[fd00::5]:3000', { loopbackBound: true, allowedHosts: ['fd00::5'] })).toBe(true);
    expect(hostAllowed('[fd00::6]', { loopbackBound: true, allowedHosts: ['[fd00::6]'] })).toBe(true);
    expect(hostAllowed('[fd00::7]', { loopbackBound: true, allowedHosts: ['fd00::5'] })).toBe(false);
  });
});
