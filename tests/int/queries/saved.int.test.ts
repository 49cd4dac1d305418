import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { QuerySummary } from '../../../contract/queries';
import { startApp } from '../../support/app';
import { getTestDriver } from '../../support/neo4j';
import { seedCorpus, startQueryApp, type QueryApp } from './harness';

const ANALYST_QUERY = {
  name: 'actors-in-article',
  title: 'Actors an article mentions',
  description: 'The organisations an article mentions, most mentioned first.',
  cypher: 'MATCH (art:Article {id: $article})-[m:MENTIONS]->(a:Actor) RETURN a.name AS actor, size(m.starts) AS times, a ORDER BY times DESC, actor LIMIT $limit',
  params: [
    { name: 'article', type: 'node', default: 'article-001', description: 'The article' },
    { name: 'limit', type: 'integer', default: 5 },
  ],
};

let app: QueryApp;

beforeAll(async () => {
  await seedCorpus();
  app = await startQueryApp();
});

afterAll(async () => {
  await app?.close();
});

describe("analysts' saved queries", () => {
  it('saves a query (201), lists it after the library, and runs it with its declared parameters', async () => {
    const created = await app.post<QuerySummary>('/api/queries', ANALYST_QUERY);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'actors-in-article', source: 'saved', params: ANALYST_QUERY.params, updatedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) });

    const list = await app.get<{ queries: QuerySummary[] }>('/api/queries');
    const names = list.body.queries.map((q) => `${q.source}:${q.name}`);
    expect(names).toContain('saved:actors-in-article');
    expect(names.findIndex((n) => n.startsWith('saved:'))).toBeGreaterThan(names.findLastIndex((n) => n.startsWith('library:')));

    const run = await app.post('/api/queries/actors-in-article/run', { params: { limit: 2 } });
    expect(run.status).toBe(200);
    expect(run.body.rows).toHaveLength(2);
    expect(run.body.rows[0]).toMatchObject({ actor: 'Sveriges Kommuner och Regioner' });
    const other = await app.post('/api/queries/actors-in-article/run', { params: { article: 'article-002' } });
    expect(other.body.rows.map((r: { actor: string }) => r.actor)).toContain('Myndigheten för digital förvaltning');
  });

  it('stores it as a SavedQuery node whose params are a JSON string', async () => {
    const session = getTestDriver().session();
    try {
      const record = (await session.run('MATCH (q:SavedQuery {name: $name}) RETURN q', { name: 'actors-in-article' })).records[0]!;
      const q = record.get('q');
      expect(JSON.parse(q.properties.params)).toEqual(ANALYST_QUERY.params);
      expect(q.properties.cypher).toBe(ANALYST_QUERY.cypher);
    } finally {
      await session.close();
    }
  });

  it('refuses a second query of the same name with 409', async () => {
    const again = await app.post('/api/queries', ANALYST_QUERY);
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/already exists/);
  });

  it('never lets a saved query take, change or delete a library query (409), and the library query still runs', async () => {
    const clash = await app.post('/api/queries', { ...ANALYST_QUERY, name: 'partners-of-actor' });
    expect(clash.status).toBe(409);
    expect(clash.body.error.message).toMatch(/"partners-of-actor" is a library query/);
    const { name: _name, ...rest } = ANALYST_QUERY;
    expect((await app.put('/api/queries/partners-of-actor', rest)).status).toBe(409);
    expect((await app.del('/api/queries/partners-of-actor')).status).toBe(409);
    const library = await app.get<QuerySummary>('/api/queries/partners-of-actor');
    expect(library.body.source).toBe('library');
    expect((await app.post('/api/queries/partners-of-actor/run', {})).status).toBe(200);
  });

  it('refuses params that do not match the $parameters of the Cypher, naming them', async () => {
    const undeclared = await app.post('/api/queries', { ...ANALYST_QUERY, name: 'undeclared', params: [ANALYST_QUERY.params[0]] });
    expect(undeclared.status).toBe(400);
    expect(undeclared.body.error.message).toMatch(/the query uses \$limit but params declares no "limit"/);
    const unused = await app.post('/api/queries', { ...ANALYST_QUERY, name: 'unused', params: [...ANALYST_QUERY.params, { name: 'since', type: 'date' }] });
    expect(unused.status).toBe(400);
    expect(unused.body.error.message).toMatch(/"since" is declared but the query never uses \$since/);
    const badDefault = await app.post('/api/queries', { ...ANALYST_QUERY, name: 'bad-default', params: [ANALYST_QUERY.params[0], { name: 'limit', type: 'integer', default: 'five' }] });
    expect(badDefault.status).toBe(400);
    expect(badDefault.body.error.message).toMatch(/params\.1\.default/);
  });

  it('refuses Cypher that does not parse (422 CYPHER_SYNTAX) and names that are not kebab-case (400)', async () => {
    const broken = await app.post('/api/queries', { ...ANALYST_QUERY, name: 'broken', cypher: 'MATCH (a:Actor RETURN a', params: [] });
    expect(broken.status).toBe(422);
    expect(broken.body.error.code).toBe('CYPHER_SYNTAX');
    const badName = await app.post('/api/queries', { ...ANALYST_QUERY, name: 'My Query' });
    expect(badName.status).toBe(400);
    expect(badName.body.error.message).toMatch(/body field "name": kebab-case/);
  });

  it('updates a saved query with PUT, checked as when saving', async () => {
    const { name: _name, ...rest } = ANALYST_QUERY;
    const updated = await app.put<QuerySummary>('/api/queries/actors-in-article', { ...rest, title: 'Organisations an article names', params: [rest.params[0], { name: 'limit', type: 'integer', default: 1 }] });
    expect(updated.status).toBe(200);
    expect(updated.body.title).toBe('Organisations an article names');
    expect((await app.post('/api/queries/actors-in-article/run', {})).body.rowCount).toBe(1);
    const writing = await app.put('/api/queries/actors-in-article', { ...rest, cypher: 'MATCH (a:Actor {id: $article}) SET a.x = $limit' });
    expect(writing.status).toBe(422);
    expect((await app.get<QuerySummary>('/api/queries/actors-in-article')).body.cypher).toBe(ANALYST_QUERY.cypher);
    expect((await app.put('/api/queries/no-such-query', rest)).status).toBe(404);
  });

  it('saves and runs a query whose parameter is named with å, ä, ö ($aktör, regression of issue 11)', async () => {
    const query = {
      name: 'aktorens-roller',
      title: 'Roller hos en aktör',
      description: 'Personerna som har en roll hos aktören.',
      cypher: 'MATCH (p:Person)-[:HOLDS]->(:Role)-[:AT]->(a:Actor {id: $aktör}) RETURN DISTINCT p.name AS person ORDER BY person LIMIT $gräns',
      params: [
        { name: 'aktör', type: 'node', default: 'actor-skr', description: 'Aktören' },
        { name: 'gräns', type: 'integer', default: 10 },
      ],
    };
    const created = await app.post<QuerySummary>('/api/queries', query);
    expect(created.status).toBe(201);
    expect(created.body.params.map((p) => p.name)).toEqual(['aktör', 'gräns']);

    const run = await app.post<{ rows: { person: string }[] }>('/api/queries/aktorens-roller/run', { params: { aktör: 'actor-skr' } });
    expect(run.status).toBe(200);
    expect(run.body.rows.map((r) => r.person)).toContain('Lena Micko');

    const unknown = await app.post('/api/queries/aktorens-roller/run', { params: { akt: 'actor-skr' } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(/parameter "akt": this query takes no such parameter \(it takes aktör, gräns\)/);

    const adHoc = await app.post<{ rows: { n: string }[] }>('/api/cypher/run', { cypher: 'MATCH (a:Actor {id: $aktör}) RETURN a.name AS n', params: { aktör: 'actor-digg' } });
    expect(adHoc.status).toBe(200);
    expect(adHoc.body.rows[0]?.n).toBe('Myndigheten för digital förvaltning');
  });

  it('refuses a declared parameter name that Cypher could only use quoted, saying what a name may hold', async () => {
    const res = await app.post('/api/queries', { ...ANALYST_QUERY, name: 'quoted-param', cypher: 'RETURN $`min aktör` AS x', params: [{ name: 'min aktör', type: 'string' }] });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/letters \(å, ä, ö too\), digits and _/);
  });

  it('deletes a saved query (204), after which it answers 404', async () => {
    await app.post('/api/queries', { ...ANALYST_QUERY, name: 'short-lived' });
    expect((await app.del('/api/queries/short-lived')).status).toBe(204);
    expect((await app.get('/api/queries/short-lived')).status).toBe(404);
    expect((await app.del('/api/queries/short-lived')).status).toBe(404);
  });

  it('keeps saved queries across an app restart', async () => {
    const env = { NEO4J_URI: inject('neo4jUri'), NEO4J_PASSWORD: inject('neo4jPassword') };
    const first = await startApp(env);
    try {
      const res = await fetch(`${first.url}/api/queries`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...ANALYST_QUERY, name: 'survives-restart', description: 'Saved before a restart.' }),
      });
      expect(res.status).toBe(201);
    } finally {
      expect(await first.stop()).toBe(0);
    }
    const second = await startApp(env);
    try {
      const got = await fetch(`${second.url}/api/queries/survives-restart`);
      expect(got.status).toBe(200);
      expect(await got.json()).toMatchObject({ name: 'survives-restart', source: 'saved', description: 'Saved before a restart.' });
      const run = await fetch(`${second.url}/api/queries/survives-restart/run`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      expect(run.status).toBe(200);
    } finally {
      await second.stop();
    }
  });
});
