import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AuditLog } from '../../../server/audit/store';
import { OPEN_PRINCIPAL } from '../../../server/auth/principal';
import { loadConfig } from '../../../server/config';
import { AppError } from '../../../server/errors';
import { QueryService } from '../../../server/queries/service';
import type { AuditList, Principal, Role } from '../../../contract/auth';
import type { QuerySummary } from '../../../contract/queries';
import { addTestUser } from '../api/harness';
import { Browser, passwordOf, startSigninApp, type SigninApp } from '../auth/support';
import { getTestDatabase, getTestDriver } from '../../support/neo4j';
import { seedCorpus, startQueryApp } from './harness';

/**
 * Issue 14: saved queries have owners. Others may see (when shared), run and copy a query, never change or
 * delete it; another user's private query does not exist for them; queries saved before owners existed are
 * shared and in the admins' care. First through the service with explicit principals, then over HTTP with
 * real sessions in signin mode.
 */

const who = (name: string, role: Role): Principal => ({ name, displayName: name, role, via: 'local' });
const anna = who('anna', 'analyst');
const bo = who('bo', 'analyst');
const ada = who('ada', 'admin');
const vera = who('vera', 'viewer');

const definition = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  description: 'Three actors by name.',
  cypher: 'MATCH (a:Actor) RETURN a.name AS name ORDER BY name LIMIT 3',
  params: [],
  ...extra,
});

async function refusal(attempt: Promise<unknown>): Promise<{ status: number; code: string; message: string }> {
  try {
    await attempt;
  } catch (err) {
    if (err instanceof AppError) return { status: err.status, code: err.code, message: err.message };
    throw err;
  }
  throw new Error('expected a refusal');
}

async function auditOf(action: string): Promise<{ actor: string; role: string; target: string; detail: string }[]> {
  const r = await getTestDriver().executeQuery('MATCH (e:AuditEvent {action: $action}) RETURN e { .actor, .role, .target, .detail } AS e ORDER BY e.at', { action });
  return r.records.map((rec) => rec.get('e'));
}

/** A query saved before queries had owners: a SavedQuery node without `owner` or `visibility`. */
async function saveOwnerless(name: string): Promise<void> {
  await getTestDriver().executeQuery(
    `CREATE (:SavedQuery {name: $name, title: 'Från förr', description: 'Saved before owners.', cypher: 'MATCH (a:Actor) RETURN count(a) AS n', params: '[]',
                          createdAt: datetime(), updatedAt: datetime()})`,
    { name },
  );
}

beforeAll(async () => {
  await seedCorpus();
});

describe('ownership in the query service', () => {
  const config = loadConfig({ NEO4J_URI: inject('neo4jUri'), NEO4J_PASSWORD: inject('neo4jPassword'), PORT: '1' });
  const service = new QueryService(getTestDatabase(), config, { audit: new AuditLog(getTestDatabase(), pino({ level: 'silent' })) });

  it('makes the saver the owner of a private query by default, and lists it for them only', async () => {
    const saved = await service.save(anna, { ...definition('svc-anna-private'), visibility: 'private' });
    expect(saved).toMatchObject({ name: 'svc-anna-private', owner: 'anna', visibility: 'private', canEdit: true });
    expect((await service.list(anna)).map((q) => q.name)).toContain('svc-anna-private');
    for (const other of [bo, ada, vera]) expect((await service.list(other)).map((q) => q.name), other.name).not.toContain('svc-anna-private');
  });

  it("answers 404 for another user's private query, whatever they try, so its existence is not revealed", async () => {
    const attempts = [
      () => service.get(bo, 'svc-anna-private'),
      () => service.run(bo, 'svc-anna-private', {}),
      () => service.update(bo, 'svc-anna-private', definition('svc-anna-private')),
      () => service.remove(ada, 'svc-anna-private'),
    ];
    for (const attempt of attempts) {
      expect(await refusal(attempt())).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    }
    expect((await service.get(anna, 'svc-anna-private')).cypher).toContain('MATCH (a:Actor)');
  });

  it('shows a shared query to everyone, runs it for a viewer, and lets only its owner change or delete it (403 NOT_OWNER, admins included)', async () => {
    await service.save(anna, { ...definition('svc-anna-shared'), visibility: 'shared' });
    const seen = (await service.list(vera)).find((q) => q.name === 'svc-anna-shared');
    expect(seen).toMatchObject({ owner: 'anna', visibility: 'shared', canEdit: false });
    expect((await service.run(vera, 'svc-anna-shared', {})).rows).toHaveLength(3);
    for (const other of [bo, ada]) {
      const changed = await refusal(service.update(other, 'svc-anna-shared', { ...definition('svc-anna-shared'), description: 'Mine now.' }));
      expect(changed).toMatchObject({ status: 403, code: 'NOT_OWNER' });
      expect(changed.message).toMatch(/belongs to anna/);
      expect(await refusal(service.remove(other, 'svc-anna-shared'))).toMatchObject({ status: 403, code: 'NOT_OWNER' });
    }
    expect((await service.get(bo, 'svc-anna-shared')).description).toBe('Three actors by name.');
  });

  it('keeps the visibility on an update that does not name one, and changes it on one that does', async () => {
    const kept = await service.update(anna, 'svc-anna-shared', { ...definition('svc-anna-shared'), description: 'Still shared.' });
    expect(kept).toMatchObject({ visibility: 'shared', description: 'Still shared.' });
    const hidden = await service.update(anna, 'svc-anna-shared', { ...definition('svc-anna-shared'), visibility: 'private' });
    expect(hidden.visibility).toBe('private');
    expect(await refusal(service.get(bo, 'svc-anna-shared'))).toMatchObject({ status: 404 });
  });

  it('lets another analyst copy a shared query by saving it under a new name, which they then own', async () => {
    await service.save(anna, { ...definition('svc-to-copy'), visibility: 'shared' });
    const original = await service.get(bo, 'svc-to-copy');
    const copy = await service.save(bo, { name: 'svc-bos-copy', description: original.description, cypher: original.cypher, params: original.params, visibility: 'private' });
    expect(copy).toMatchObject({ owner: 'bo', canEdit: true });
    await service.remove(bo, 'svc-bos-copy');
  });

  it('treats a query saved before owners existed as shared, editable by admins only, and keeps it ownerless when an admin edits it', async () => {
    await saveOwnerless('svc-from-before');
    for (const asker of [anna, vera, ada]) {
      expect((await service.list(asker)).find((q) => q.name === 'svc-from-before'), asker.name).toMatchObject({ owner: null, visibility: 'shared', canEdit: asker === ada });
    }
    const refused = await refusal(service.update(anna, 'svc-from-before', definition('svc-from-before')));
    expect(refused).toMatchObject({ status: 403, code: 'NOT_OWNER' });
    expect(refused.message).toMatch(/only an admin/);
    const edited = await service.update(ada, 'svc-from-before', { ...definition('svc-from-before'), visibility: 'private' });
    expect(edited).toMatchObject({ owner: null, visibility: 'shared', canEdit: true });
    expect((await service.get(bo, 'svc-from-before')).description).toBe('Three actors by name.');
    await service.remove(ada, 'svc-from-before');
    expect(await refusal(service.get(ada, 'svc-from-before'))).toMatchObject({ status: 404 });
  });

  it('records creating, changing and deleting a query in the audit trail with the actor and role', async () => {
    await service.save(bo, { ...definition('svc-audited'), title: 'Granskad fråga', visibility: 'shared' });
    await service.update(bo, 'svc-audited', { ...definition('svc-audited'), title: 'Granskad fråga 2' });
    await service.remove(bo, 'svc-audited');
    expect((await auditOf('query.create')).filter((e) => e.target === 'svc-audited')).toEqual([{ actor: 'bo', role: 'analyst', target: 'svc-audited', detail: 'Granskad fråga (shared)' }]);
    expect((await auditOf('query.update')).filter((e) => e.target === 'svc-audited')).toEqual([{ actor: 'bo', role: 'analyst', target: 'svc-audited', detail: 'Granskad fråga 2 (shared)' }]);
    expect((await auditOf('query.delete')).filter((e) => e.target === 'svc-audited')).toEqual([{ actor: 'bo', role: 'analyst', target: 'svc-audited', detail: 'Granskad fråga 2 (shared)' }]);
  });

  it('records nothing for a refused change', async () => {
    const before = (await auditOf('query.update')).length;
    await refusal(service.update(bo, 'svc-anna-private', definition('svc-anna-private')));
    await refusal(service.update(bo, 'svc-to-copy', definition('svc-to-copy')));
    expect((await auditOf('query.update')).length).toBe(before);
  });
});

describe('ownership in open mode (one person on loopback)', () => {
  it('owns what the local user saves as "local", lets them change and delete it, and lists it', async () => {
    const app = await startQueryApp();
    try {
      const saved = await app.post<QuerySummary>('/api/queries', definition('open-mode-query'));
      expect(saved.status).toBe(201);
      expect(saved.body).toMatchObject({ owner: OPEN_PRINCIPAL.name, visibility: 'private', canEdit: true });
      expect((await app.get<{ queries: QuerySummary[] }>('/api/queries')).body.queries.map((q) => q.name)).toContain('open-mode-query');
      expect((await app.put('/api/queries/open-mode-query', { ...definition('open-mode-query'), description: 'Changed.' })).status).toBe(200);
      expect((await app.del('/api/queries/open-mode-query')).status).toBe(204);
      const events = (await auditOf('query.create')).filter((e) => e.target === 'open-mode-query');
      expect(events).toEqual([{ actor: 'local', role: 'admin', target: 'open-mode-query', detail: expect.stringMatching(/ \(private\)$/) }]);
    } finally {
      await app.close();
    }
  });
});

describe('ownership over HTTP with signed-in users', () => {
  let app: SigninApp;
  const users: Record<string, Browser> = {};

  beforeAll(async () => {
    app = await startSigninApp();
    for (const [name, role] of [['anna', 'analyst'], ['bo', 'analyst'], ['ada', 'admin'], ['vera', 'viewer']] as const) {
      await addTestUser({ name, role, password: passwordOf(name) }, app.secretFile);
      users[name] = await app.browser().signIn(name, passwordOf(name));
    }
  });
  afterAll(async () => app?.close());

  const as = (name: string) => users[name]!;

  it("hides anna's private query from bo: absent from the list, 404 to get, run, change and delete", async () => {
    expect((await as('anna').post('/api/queries', definition('http-anna-private'))).status).toBe(201);
    expect((await as('bo').get<{ queries: QuerySummary[] }>('/api/queries')).body.queries.map((q) => q.name)).not.toContain('http-anna-private');
    expect((await as('bo').get('/api/queries/http-anna-private')).status).toBe(404);
    expect((await as('bo').post('/api/queries/http-anna-private/run', {})).status).toBe(404);
    expect((await as('bo').call('PUT', '/api/queries/http-anna-private', definition('http-anna-private'))).status).toBe(404);
    expect((await as('ada').call('DELETE', '/api/queries/http-anna-private')).status).toBe(404);
    expect((await as('anna').get('/api/queries/http-anna-private')).status).toBe(200);
  });

  it("lets everyone see and run anna's shared query; bo and the admin get 403 NOT_OWNER on PUT and DELETE; the viewer 403 FORBIDDEN", async () => {
    expect((await as('anna').post('/api/queries', definition('http-anna-shared', { visibility: 'shared' }))).status).toBe(201);
    const seen = await as('bo').get<QuerySummary>('/api/queries/http-anna-shared');
    expect(seen.body).toMatchObject({ owner: 'anna', visibility: 'shared', canEdit: false });
    expect((await as('vera').post('/api/queries/http-anna-shared/run', {})).status).toBe(200);
    for (const other of ['bo', 'ada']) {
      const put = await as(other).call('PUT', '/api/queries/http-anna-shared', { ...definition('http-anna-shared'), description: 'Taken over.' });
      expect(put.status, other).toBe(403);
      expect(put.body.error.code).toBe('NOT_OWNER');
      const del = await as(other).call('DELETE', '/api/queries/http-anna-shared');
      expect(del.status, other).toBe(403);
      expect(del.body.error.code).toBe('NOT_OWNER');
    }
    const viewer = await as('vera').call('DELETE', '/api/queries/http-anna-shared');
    expect(viewer.status).toBe(403);
    expect(viewer.body.error.code).toBe('FORBIDDEN');
    expect((await as('anna').get<QuerySummary>('/api/queries/http-anna-shared')).body).toMatchObject({ description: 'Three actors by name.', canEdit: true });
  });

  it('lets bo copy it under a new name and change his copy, while the original stays', async () => {
    const original = (await as('bo').get<QuerySummary>('/api/queries/http-anna-shared')).body;
    const copy = await as('bo').post<QuerySummary>('/api/queries', { name: 'http-bos-copy', description: original.description, cypher: original.cypher, params: original.params });
    expect(copy.status).toBe(201);
    expect(copy.body).toMatchObject({ owner: 'bo', visibility: 'private', canEdit: true });
    expect((await as('bo').call('PUT', '/api/queries/http-bos-copy', { description: 'Mine.', cypher: original.cypher, params: [] })).status).toBe(200);
    expect((await as('anna').get('/api/queries/http-bos-copy')).status).toBe(404);
  });

  it('lets the owner delete her query (204) and the audit trail shows who did what', async () => {
    expect((await as('anna').call('DELETE', '/api/queries/http-anna-shared')).status).toBe(204);
    const trail = await as('ada').get<AuditList>('/api/audit?actor=anna&limit=500');
    expect(trail.status).toBe(200);
    const mine = trail.body.entries.filter((e) => e.target.startsWith('http-anna')).map((e) => `${e.action} ${e.target} ${e.role}`);
    expect(mine).toEqual(['query.delete http-anna-shared analyst', 'query.create http-anna-shared analyst', 'query.create http-anna-private analyst']);
  });
});
