import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startExplorer, type Explorer } from '../api/harness';
import { resetDatabase } from '../../support/neo4j';
import { send, startSigninApp } from './support';

/**
 * Issue 14: a web page the analyst visits must not reach a loopback install through DNS rebinding (a foreign
 * Host) or by posting to it (a foreign Origin).
 */

let open: Explorer;
let port: string;

beforeAll(async () => {
  await resetDatabase();
  open = await startExplorer();
  port = new URL(open.base).port;
});
afterAll(async () => {
  await open?.close();
});

describe('the Host check on a loopback install', () => {
  it('refuses a foreign Host with 403 HOST_REFUSED, saying where to open the app', async () => {
    const reply = await send(open.base, 'GET', '/api/health', { headers: { host: `rebind.attacker.example:${port}` } });
    expect(reply.status).toBe(403);
    expect(reply.body.error.code).toBe('HOST_REFUSED');
    expect(reply.body.error.message).toMatch(/does not answer to the host name "rebind\.attacker\.example".*http:\/\/localhost:.*ALLOWED_HOSTS/);
  });

  it('refuses it for every path, the UI and unknown ones included', async () => {
    for (const path of ['/', '/index.html', '/api/graph', '/api/openapi.json', '/api/nope']) {
      expect((await send(open.base, 'GET', path, { headers: { host: 'attacker.example' } })).status, path).toBe(403);
    }
  });

  it('serves the loopback names on any port', async () => {
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`, 'app.localhost']) {
      expect((await send(open.base, 'GET', '/api/auth/me', { headers: { host } })).status, host).toBe(200);
    }
  });

  it('serves a name listed in ALLOWED_HOSTS', async () => {
    const listed = await startExplorer(undefined, undefined, undefined, { ALLOWED_HOSTS: 'graph.example.org' });
    try {
      expect((await send(listed.base, 'GET', '/api/auth/me', { headers: { host: 'graph.example.org' } })).status).toBe(200);
      expect((await send(listed.base, 'GET', '/api/auth/me', { headers: { host: 'other.example.org' } })).status).toBe(403);
    } finally {
      await listed.close();
    }
  });

  it('refuses a foreign Host in signin mode too, before anything else', async () => {
    const signin = await startSigninApp();
    try {
      const reply = await send(signin.base, 'POST', '/api/auth/signin', { headers: { host: 'attacker.example' }, body: { name: 'x', password: 'y' } });
      expect(reply.status).toBe(403);
      expect(reply.body.error.code).toBe('HOST_REFUSED');
    } finally {
      await signin.close();
    }
  });
});

describe('the Host check on an install bound to other interfaces', () => {
  it('serves any name without ALLOWED_HOSTS, and only the listed and loopback names with it', async () => {
    // Configured as bound to all interfaces (the test server itself still listens on loopback only).
    const any = await startExplorer(undefined, undefined, undefined, { HOST: '0.0.0.0' });
    const strict = await startExplorer(undefined, undefined, undefined, { HOST: '0.0.0.0', ALLOWED_HOSTS: 'graph.example.org' });
    try {
      expect((await send(any.base, 'GET', '/api/health', { headers: { host: '10.1.2.3:3000' } })).status).not.toBe(403);
      expect((await send(strict.base, 'GET', '/api/health', { headers: { host: 'graph.example.org' } })).status).not.toBe(403);
      expect((await send(strict.base, 'GET', '/api/health', { headers: { host: 'localhost' } })).status).not.toBe(403);
      expect((await send(strict.base, 'GET', '/api/health', { headers: { host: '10.1.2.3:3000' } })).status).toBe(403);
    } finally {
      await any.close();
      await strict.close();
    }
  });
});

describe('the Origin check on writes', () => {
  it('refuses a write from another site’s page with 403 ORIGIN_REFUSED, in open mode too', async () => {
    const reply = await send(open.base, 'POST', '/api/cypher/check', { headers: { origin: 'https://attacker.example' }, body: { cypher: 'RETURN 1' } });
    expect(reply.status).toBe(403);
    expect(reply.body.error.code).toBe('ORIGIN_REFUSED');
    expect((await send(open.base, 'POST', '/api/cypher/check', { headers: { origin: 'null' }, body: { cypher: 'RETURN 1' } })).status).toBe(403);
  });

  it('lets the app’s own page write, and any page read', async () => {
    expect((await send(open.base, 'POST', '/api/cypher/check', { headers: { origin: `http://localhost:${port}`, host: `localhost:${port}` }, body: { cypher: 'RETURN 1' } })).status).toBe(200);
    expect((await send(open.base, 'POST', '/api/cypher/check', { headers: { origin: open.base }, body: { cypher: 'RETURN 1' } })).status).toBe(200);
    expect((await send(open.base, 'GET', '/api/auth/me', { headers: { origin: 'https://attacker.example' } })).status).toBe(200);
  });

  it('checks the Origin of a sign-in', async () => {
    const signin = await startSigninApp();
    try {
      const reply = await send(signin.base, 'POST', '/api/auth/signin', { headers: { origin: 'https://attacker.example' }, body: { name: 'x', password: 'y' } });
      expect(reply.status).toBe(403);
      expect(reply.body.error.code).toBe('ORIGIN_REFUSED');
    } finally {
      await signin.close();
    }
  });

  it('trusts PUBLIC_URL’s origin (a proxy that rewrites Host)', async () => {
    const proxied = await startExplorer(undefined, undefined, undefined, { PUBLIC_URL: 'https://graph.example.org/explorer' });
    try {
      expect((await send(proxied.base, 'POST', '/api/cypher/check', { headers: { origin: 'https://graph.example.org' }, body: { cypher: 'RETURN 1' } })).status).toBe(200);
    } finally {
      await proxied.close();
    }
  });
});
