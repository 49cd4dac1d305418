import neo4j from 'neo4j-driver';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { allRoutes } from '../../../server/app';
import { loadConfig } from '../../../server/config';
import { buildOpenApi } from '../../../server/http/openapi';
import { Database } from '../../../server/neo4j/database';

/** Issue 14: the OpenAPI document says how to sign in and what each operation needs. No database is contacted. */

type Json = Record<string, any>;
const config = loadConfig({ NEO4J_URI: 'bolt://127.0.0.1:1', NEO4J_PASSWORD: 'not-used-here', PORT: '1', AUTH_MODE: 'signin' });
const driver = neo4j.driver('bolt://127.0.0.1:1', neo4j.auth.basic('neo4j', 'not-used-here'));
const routes = allRoutes({ config, db: new Database(driver, 'bolt://127.0.0.1:1', 'neo4j', 1_000), log: pino({ level: 'silent' }), embedded: false });
const info = { title: 't', version: '0', description: 'd' };
const signin = buildOpenApi(routes, info, { mode: 'signin' }) as { paths: Record<string, Record<string, Json>>; components: Json };
const open = buildOpenApi(routes, info, { mode: 'open' }) as { paths: Record<string, Record<string, Json>>; components: Json };
const operations = (doc: typeof signin) => Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ path, method, op })));

describe('security in the OpenAPI document', () => {
  it('declares the session cookie and the CSRF header as security schemes', () => {
    expect(signin.components.securitySchemes).toMatchObject({
      cookieAuth: { type: 'apiKey', in: 'cookie', name: 'kg_session' },
      csrfToken: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
    });
  });

  it('gives every operation its required role, and public ones no security', () => {
    for (const { path, method, op } of operations(signin)) {
      const route = routes.find((r) => r.method === method && r.path.replace(/:([A-Za-z_]+)/g, '{$1}') === path)!;
      expect(op['x-required-role'], `${method} ${path}`).toBe(route.access);
      if (route.access === 'public') expect(op.security, `${method} ${path}`).toBeUndefined();
    }
    expect(signin.paths['/api/auth/signin']!.post!['x-required-role']).toBe('public');
  });

  it('asks reads for the cookie and writes for the cookie and the CSRF header, documenting 401 and 403', () => {
    const read = signin.paths['/api/graph']!.get!;
    expect(read.security).toEqual([{ cookieAuth: [] }]);
    expect(read['x-required-role']).toBe('viewer');
    const write = signin.paths['/api/cypher/run']!.post!;
    expect(write.security).toEqual([{ cookieAuth: [], csrfToken: [] }]);
    expect(write['x-required-role']).toBe('analyst');
    expect(write.responses['401'].description).toMatch(/UNAUTHENTICATED/);
    expect(write.responses['403'].description).toMatch(/FORBIDDEN: this needs the analyst role/);
    expect(signin.paths['/api/admin/users/{name}']!.patch!['x-required-role']).toBe('admin');
  });

  it('asks nothing in open mode, where the server asks nobody, but still names the role', () => {
    const read = open.paths['/api/graph']!.get!;
    expect(read.security).toBeUndefined();
    expect(read.responses['401']).toBeUndefined();
    expect(read['x-required-role']).toBe('viewer');
  });
});
