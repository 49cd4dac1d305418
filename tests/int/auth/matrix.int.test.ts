import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { allRoutes } from '../../../server/app';
import { loadConfig } from '../../../server/config';
import type { AnyRoute } from '../../../server/http/route';
import { ROLES, hasRole, type Access, type Role } from '../../../contract/auth';
import { addTestUser, seedCorpus } from '../api/harness';
import { getTestDatabase, getTestDriver } from '../../support/neo4j';
import { Browser, passwordOf, startSigninApp, type Reply, type SigninApp } from './support';

/**
 * Issue 14, "done when": the authorisation matrix. Every operation the app mounts (the real list from
 * allRoutes, so a new operation is tested as soon as it exists) × every role and nobody, in signin mode:
 * nobody gets 401 on a protected operation, a role below the operation's gets 403 FORBIDDEN, a role at or above
 * it is let through (its answer may still be a 4xx about the input, never 401 or 403).
 */

/** docs/auth-design.md's table, written out: what each operation must require. A route missing here fails. */
const DESIGN: [method: string, path: string | RegExp, access: Access][] = [
  ['GET', '/api/health', 'public'],
  ['GET', '/api/auth/me', 'public'],
  ['POST', '/api/auth/signin', 'public'],
  ['POST', '/api/auth/signout', 'public'],
  ['GET', /^\/api\/auth\/oidc\//, 'public'],
  ['GET', '/api/search', 'viewer'],
  ['GET', '/api/search/articles', 'viewer'],
  ['GET', '/api/nodes/:id', 'viewer'],
  ['GET', '/api/nodes/:id/neighbours', 'viewer'],
  ['POST', '/api/expand', 'viewer'],
  ['GET', '/api/paths', 'viewer'],
  ['GET', '/api/graph', 'viewer'],
  ['GET', '/api/time/diff', 'viewer'],
  ['GET', '/api/time/timeline', 'viewer'],
  ['GET', '/api/articles', 'viewer'],
  ['GET', '/api/articles/:id', 'viewer'],
  ['GET', '/api/schema', 'viewer'],
  ['GET', '/api/queries', 'viewer'],
  ['GET', '/api/queries/:name', 'viewer'],
  ['POST', '/api/queries/:name/run', 'viewer'],
  ['POST', '/api/cypher/run', 'analyst'],
  ['POST', '/api/cypher/check', 'analyst'],
  ['POST', '/api/queries', 'analyst'],
  ['PUT', '/api/queries/:name', 'analyst'],
  ['DELETE', '/api/queries/:name', 'analyst'],
  ['*', /^\/api\/ingest\//, 'curator'],
  ['*', /^\/api\/admin\/users/, 'admin'],
  ['GET', '/api/audit', 'admin'],
  ['GET', '/api/audit.csv', 'admin'],
];

function designed(route: AnyRoute): Access | undefined {
  const method = route.method.toUpperCase();
  return DESIGN.find(([m, p]) => (m === '*' || m === method) && (typeof p === 'string' ? p === route.path : p.test(route.path)))?.[2];
}

type Caller = Role | 'anonymous';
const CALLERS: Caller[] = ['anonymous', ...ROLES];

const config = loadConfig({ NEO4J_URI: inject('neo4jUri'), NEO4J_PASSWORD: inject('neo4jPassword'), AUTH_MODE: 'signin', PORT: '1' });
const routes = allRoutes({ config, db: getTestDatabase(), log: pino({ level: 'silent' }), embedded: false });

let app: SigninApp;
const browsers = new Map<Role, Browser>();
let articleId = 'no-article';
let libraryQuery = 'no-query';
let added = 0;

const userOf = (role: Role) => `matrix-${role}`;

beforeAll(async () => {
  await seedCorpus();
  app = await startSigninApp();
  for (const role of ROLES) await addTestUser({ name: userOf(role), role, password: passwordOf(role) }, app.secretFile);
  await addTestUser({ name: 'matrix-target', role: 'viewer', password: passwordOf('target') }, app.secretFile);
  for (const role of ROLES) browsers.set(role, await app.browser().signIn(userOf(role), passwordOf(role)));
  articleId = (await getTestDriver().executeQuery('MATCH (a:Article) RETURN a.id AS id ORDER BY id LIMIT 1')).records[0]!.get('id');
  const queries = await browsers.get('viewer')!.get<{ queries: { name: string; source: string }[] }>('/api/queries');
  libraryQuery = queries.body.queries.find((q) => q.source === 'library')!.name;
});
afterAll(async () => {
  await app?.close();
});

/** A concrete URL for a route: real ids where the operation reads one, names that do not exist where it would change one. */
function urlOf(route: AnyRoute): string {
  const write = route.method !== 'get';
  const path = route.path.replace(/:([A-Za-z_]+)/g, (_m, param: string) => {
    if (route.path.startsWith('/api/nodes/')) return 'actor-skr';
    if (route.path.startsWith('/api/articles/')) return encodeURIComponent(articleId);
    if (route.path.startsWith('/api/queries/')) return write && !route.path.endsWith('/run') ? 'matrix-no-such-query' : libraryQuery;
    if (route.path.startsWith('/api/admin/users/')) return 'matrix-target';
    return param === 'id' ? 'matrix-no-such-id' : 'matrix-no-such-name';
  });
  const query: Record<string, string> = { '/api/search': 'q=SKR', '/api/search/articles': 'q=digitalisering', '/api/graph': 'limit=5', '/api/audit': 'limit=5' };
  return query[route.path] ? `${path}?${query[route.path]}` : path;
}

/** A body good enough to get past validation where that is cheap; `{}` otherwise (a 400 still shows access was granted). */
function bodyOf(route: AnyRoute, caller: Caller): unknown {
  if (!route.body) return undefined;
  const key = `${route.method.toUpperCase()} ${route.path}`;
  switch (key) {
    case 'POST /api/auth/signin':
      return caller === 'anonymous' ? { name: userOf('viewer'), password: passwordOf('viewer') } : { name: userOf(caller), password: passwordOf(caller) };
    case 'POST /api/admin/users':
      return { name: `matrix-added-${++added}`, role: 'viewer', password: passwordOf('added') };
    case 'PATCH /api/admin/users/:name':
      return { role: 'viewer' };
    case 'POST /api/cypher/run':
    case 'POST /api/cypher/check':
      return { cypher: 'RETURN 1 AS one' };
    default:
      return {};
  }
}

async function call(route: AnyRoute, caller: Caller): Promise<Reply> {
  // Nobody: a fresh browser each time, so a sign-in through the matrix does not make it somebody.
  const browser = caller === 'anonymous' ? app.browser() : browsers.get(caller)!;
  const reply = await browser.call(route.method.toUpperCase(), urlOf(route), bodyOf(route, caller));
  // Signing out (or in again) through the matrix replaces the role's session; sign in again for the next route.
  if (caller !== 'anonymous' && !browser.cookie) await browser.signIn(userOf(caller), passwordOf(caller));
  return reply;
}

describe('the authorisation matrix', () => {
  it('gives every mounted operation the access the design table says', () => {
    const wrong = routes.filter((r) => designed(r) !== r.access).map((r) => `${r.method.toUpperCase()} ${r.path}: ${r.access}, design says ${designed(r) ?? 'nothing (add it to DESIGN)'}`);
    expect(wrong).toEqual([]);
    expect(routes.length).toBeGreaterThan(30);
  });

  it('answers every operation × every role and nobody as the design says', async () => {
    const mismatches: string[] = [];
    let calls = 0;
    for (const route of routes) {
      for (const caller of CALLERS) {
        const reply = await call(route, caller);
        calls += 1;
        const label = `${route.method.toUpperCase()} ${urlOf(route)} as ${caller} (needs ${route.access}): ${reply.status} ${reply.body?.error?.code ?? ''}`;
        const allowed = route.access === 'public' || (caller !== 'anonymous' && hasRole(caller, route.access));
        if (route.access !== 'public' && caller === 'anonymous') {
          if (reply.status !== 401 || reply.body?.error?.code !== 'UNAUTHENTICATED') mismatches.push(`${label} — expected 401 UNAUTHENTICATED`);
        } else if (!allowed) {
          const error = reply.body?.error;
          if (reply.status !== 403 || error?.code !== 'FORBIDDEN' || error?.details?.required !== route.access || error?.details?.role !== caller) {
            mismatches.push(`${label} — expected 403 FORBIDDEN naming ${route.access}`);
          }
        } else if (reply.status === 401 || reply.status === 403 || reply.status >= 500) {
          mismatches.push(`${label} — expected to be let through`);
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(calls).toBe(routes.length * CALLERS.length);
  });

  it('lets the allowed roles really do the thing, not only pass the check', async () => {
    for (const role of ['analyst', 'curator', 'admin'] as const) {
      const run = await browsers.get(role)!.post('/api/cypher/run', { cypher: 'RETURN 1 AS one' });
      expect(run.status, role).toBe(200);
    }
    expect((await browsers.get('viewer')!.get('/api/graph?limit=5')).status).toBe(200);
    expect((await browsers.get('admin')!.get('/api/admin/users')).body.users.length).toBeGreaterThanOrEqual(5);
  });
});
