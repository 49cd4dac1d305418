import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueryRejectedError } from '../../../server/errors';
import { runReadOnly } from '../../../server/queries/runner';
import { getTestDatabase } from '../../support/neo4j';
import { graphCounts, seedCorpus, startQueryApp, type QueryApp } from './harness';

const RUNAWAY = 'UNWIND range(1, 100000000) AS a UNWIND range(1, 100000000) AS b RETURN count(*) AS n';

let app: QueryApp;

beforeAll(async () => {
  await seedCorpus();
  // Two Cypher slots, so that a library query can run beside the runaway of the time-limit test (the default,
  // one slot, would queue it and shed it after ADMISSION_WAIT_MS: tested in tests/int/api/admission.int.test.ts).
  app = await startQueryApp({ CYPHER_TIMEOUT_MS: '20000', CYPHER_MAX_ROWS: '500', CYPHER_CONCURRENCY: '2' });
});

afterAll(async () => {
  await app?.close();
});

/** Every kind of statement that could change the database or reach outside it, with the refusal it gets. */
const WRITE_CATALOGUE: [string, string][] = [
  ["CREATE (:Actor:Entity {id: 'actor-intruder', name: 'Intruder'})", 'WRITE_REFUSED'],
  ["MERGE (a:Actor:Entity {id: 'actor-skr'}) SET a.name = 'Hijacked' RETURN a", 'WRITE_REFUSED'],
  ["MATCH (a:Actor {id: 'actor-skr'}) SET a.name = 'Hijacked'", 'WRITE_REFUSED'],
  ["MATCH (a:Actor {id: 'actor-skr'}) REMOVE a:Actor", 'WRITE_REFUSED'],
  ["MATCH (a:Actor {id: 'actor-skr'}) REMOVE a.name", 'WRITE_REFUSED'],
  ['MATCH ()-[r:PARTY_TO]->() DELETE r', 'WRITE_REFUSED'],
  ['MATCH (n) DETACH DELETE n', 'WRITE_REFUSED'],
  ["FOREACH (i IN range(1, 3) | CREATE (:Actor {id: 'x' + i}))", 'WRITE_REFUSED'],
  ["LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line", 'LOAD_CSV_REFUSED'],
  ["LOAD CSV WITH HEADERS FROM 'http://127.0.0.1:9/x.csv' AS row RETURN row", 'LOAD_CSV_REFUSED'],
  ['MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10 ROWS', 'WRITE_REFUSED'],
  ['CALL { MATCH (n) RETURN n } IN TRANSACTIONS RETURN count(n)', 'WRITE_REFUSED'],
  ['CREATE INDEX intruder_index FOR (n:Actor) ON (n.kind)', 'WRITE_REFUSED'],
  ['DROP INDEX entity_name', 'WRITE_REFUSED'],
  ['CREATE CONSTRAINT intruder FOR (n:Actor) REQUIRE n.name IS UNIQUE', 'WRITE_REFUSED'],
  ['DROP CONSTRAINT entity_id', 'WRITE_REFUSED'],
  ["CREATE USER intruder SET PASSWORD 'secret-password-1'", 'ADMIN_REFUSED'],
  ['DROP USER neo4j', 'ADMIN_REFUSED'],
  ["ALTER USER neo4j SET PASSWORD 'changed-password-1'", 'ADMIN_REFUSED'],
  ['CREATE DATABASE intruder', 'ADMIN_REFUSED'],
  ['DROP DATABASE neo4j', 'ADMIN_REFUSED'],
  ['SHOW USERS', 'ADMIN_REFUSED'],
  ['SHOW TRANSACTIONS', 'ADMIN_REFUSED'],
  ["TERMINATE TRANSACTIONS 'neo4j-transaction-1'", 'ADMIN_REFUSED'],
  ["CALL db.createLabel('Intruder')", 'WRITE_REFUSED'],
  ["CALL db.createProperty('intruder')", 'WRITE_REFUSED'],
  ['CALL db.clearQueryCaches()', 'PROCEDURE_REFUSED'],
  ["CALL db.stats.clear('QUERIES')", 'PROCEDURE_REFUSED'],
  ['MATCH (n) RETURN count(n); MATCH (n) DETACH DELETE n', 'MULTIPLE_STATEMENTS'],
  ['MATCH (n RETURN n', 'CYPHER_SYNTAX'],
];

describe('POST /api/cypher/run refuses everything but reading the graph', () => {
  it('refuses the whole write, admin and external-read catalogue with 422 and a code, leaving the graph unchanged', async () => {
    const before = await graphCounts();
    expect(before.nodes).toBeGreaterThan(50);
    for (const [cypher, code] of WRITE_CATALOGUE) {
      const res = await app.post('/api/cypher/run', { cypher });
      expect(res.status, cypher).toBe(422);
      expect(res.body.error.code, cypher).toBe(code);
      if (code !== 'CYPHER_SYNTAX' && code !== 'MULTIPLE_STATEMENTS') expect(res.body.error.message, cypher).toMatch(/tried to/);
    }
    expect(await graphCounts()).toEqual(before);
  });

  it('says which clause tried to write', async () => {
    const res = await app.post('/api/cypher/run', { cypher: "MATCH (a:Actor {id: 'actor-skr'}) SET a.name = 'x'" });
    expect(res.body.error.message).toMatch(/The query tried to write to the graph \(SET\/REMOVE\); queries here run read-only/);
    const proc = await app.post('/api/cypher/run', { cypher: "CALL db.createLabel('Intruder')" });
    expect(proc.body.error.message).toMatch(/tried to write: it calls db\.createLabel, a WRITE procedure/);
  });

  it('lets the database itself refuse a write that reached it, because runs are read transactions', async () => {
    const before = await graphCounts();
    const attempt = runReadOnly(getTestDatabase(), "CREATE (:Actor:Entity {id: 'actor-behind-the-guard'})", {}, { timeoutMs: 5_000, maxRows: 10 });
    await expect(attempt).rejects.toBeInstanceOf(QueryRejectedError);
    await expect(attempt).rejects.toMatchObject({ code: 'WRITE_REFUSED', status: 422 });
    expect(await graphCounts()).toEqual(before);
  });

  it('refuses saving a query that writes, and saves nothing', async () => {
    const res = await app.post('/api/queries', { name: 'wipe-everything', description: 'Deletes the graph', cypher: 'MATCH (n) DETACH DELETE n', params: [] });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('WRITE_REFUSED');
    expect((await app.get('/api/queries/wipe-everything')).status).toBe(404);
  });

  it('allows the read-only procedures and SHOW commands an analyst needs', async () => {
    const labels = await app.post('/api/cypher/run', { cypher: 'CALL db.labels() YIELD label RETURN label ORDER BY label' });
    expect(labels.status).toBe(200);
    expect(labels.body.rows.map((r: { label: string }) => r.label)).toEqual(expect.arrayContaining(['Actor', 'Article', 'Person']));
    const search = await app.post('/api/cypher/run', {
      cypher: "CALL db.index.fulltext.queryNodes('entityNames', $q) YIELD node, score RETURN node.id AS id LIMIT 3",
      params: { q: 'lantmateriet' },
    });
    expect(search.status).toBe(200);
    expect(search.body.rows[0].id).toBe('actor-lantmateriet');
    expect((await app.post('/api/cypher/run', { cypher: 'SHOW INDEXES YIELD name RETURN name' })).status).toBe(200);
  });
});

describe('running ad-hoc Cypher', () => {
  it('answers columns, plain rows, a graph with both ends of every relationship, counters and timing', async () => {
    const res = await app.post('/api/cypher/run', { cypher: "MATCH (:Person {id: 'person-lena-micko'})-[h:HOLDS]->(role) RETURN h, role.title AS title" });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ columns: ['h', 'title'], rowCount: 1, truncated: false, queryType: 'r' });
    expect(res.body.rows[0].title).toBe('ordförande');
    expect(res.body.rows[0].h).toMatchObject({ id: 'fact-lena-micko-holds-skr-ordforande', type: 'HOLDS', properties: { firstSeen: '2017-06-14' } });
    // The row has only the relationship; the runner fetched both end nodes so the UI can draw it.
    expect(res.body.graph.nodes.map((n: { id: string }) => n.id).sort()).toEqual(['person-lena-micko', 'role-skr-ordforande']);
    expect(res.body.graph.edges).toEqual([expect.objectContaining({ source: 'person-lena-micko', target: 'role-skr-ordforande', type: 'HOLDS' })]);
    expect(res.body.counters).toMatchObject({ nodesCreated: 0, relationshipsDeleted: 0 });
    expect(typeof res.body.timeMs).toBe('number');
  });

  it('passes whole numbers as integers (so LIMIT $n works) and converts declared types', async () => {
    const limited = await app.post('/api/cypher/run', { cypher: 'MATCH (a:Actor) RETURN a.id AS id ORDER BY id LIMIT $n', params: { n: 3 } });
    expect(limited.status).toBe(200);
    expect(limited.body.rowCount).toBe(3);
    const dated = await app.post('/api/cypher/run', {
      cypher: 'MATCH (a:Article) WHERE a.published < $before RETURN a.id AS id ORDER BY id',
      params: { before: '2018-01-01' },
      paramTypes: { before: 'date' },
    });
    expect(dated.status).toBe(200);
    expect(dated.body.rows.map((r: { id: string }) => r.id)).toEqual(['article-000', 'article-001']);
  });

  it('answers 400 naming a parameter that is missing, unused, of the wrong type, or a node id that does not exist', async () => {
    const missing = await app.post('/api/cypher/run', { cypher: 'MATCH (a:Actor {id: $actor}) RETURN a' });
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toBe('parameter "actor": the query uses $actor but no value was given');
    const wrongType = await app.post('/api/cypher/run', { cypher: 'RETURN $d AS d', params: { d: 'last year' }, paramTypes: { d: 'date' } });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.error.message).toMatch(/parameter "d": expected a date as YYYY-MM-DD/);
    const unknownNode = await app.post('/api/cypher/run', { cypher: 'MATCH (a {id: $a}) RETURN a', params: { a: 'skr' }, paramTypes: { a: 'node' } });
    expect(unknownNode.status).toBe(400);
    expect(unknownNode.body.error.message).toMatch(/parameter "a": no node has the id "skr"; did you mean actor-skr/);
  });

  it('answers 400 naming bad parameters of a library query, and 404 for an unknown query', async () => {
    const badLimit = await app.post('/api/queries/partners-of-actor/run', { params: { limit: 'many' } });
    expect(badLimit.status).toBe(400);
    expect(badLimit.body.error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ parameter: 'limit', message: expect.stringMatching(/whole number/) }] });
    const noSuchActor = await app.post('/api/queries/partners-of-actor/run', { params: { actor: 'actor-nobody' } });
    expect(noSuchActor.status).toBe(400);
    expect(noSuchActor.body.error.message).toBe('parameter "actor": no node has the id "actor-nobody"');
    const unknownParam = await app.post('/api/queries/partners-of-actor/run', { params: { actr: 'actor-skr' } });
    expect(unknownParam.status).toBe(400);
    expect(unknownParam.body.error.message).toMatch(/parameter "actr": this query takes no such parameter \(it takes actor, limit\)/);
    const badDate = await app.post('/api/queries/graph-as-of/run', { params: { asOf: '2019-02-30' } });
    expect(badDate.status).toBe(400);
    expect(badDate.body.error.message).toMatch(/parameter "asOf"/);
    expect((await app.post('/api/queries/no-such-query/run', {})).status).toBe(404);
  });

  it('stops reading at the row cap and marks the answer truncated, without reading the rest of the stream', async () => {
    const started = Date.now();
    const res = await app.post('/api/cypher/run', { cypher: 'UNWIND range(1, 50000000) AS i RETURN i', maxRows: 25 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ rowCount: 25, truncated: true, limits: { maxRows: 25 } });
    expect(res.body.rows[24]).toEqual({ i: 25 });
    expect(Date.now() - started).toBeLessThan(10_000);
    const capped = await app.post('/api/cypher/run', { cypher: 'UNWIND range(1, 5000) AS i RETURN i', maxRows: 100_000 });
    expect(capped.body).toMatchObject({ rowCount: 500, truncated: true, limits: { maxRows: 500 } });
    const whole = await app.post('/api/cypher/run', { cypher: 'UNWIND range(1, 500) AS i RETURN i' });
    expect(whole.body).toMatchObject({ rowCount: 500, truncated: false });
  });

  it('plans without running: POST /api/cypher/check answers the parameters, or the refusal', async () => {
    const ok = await app.post('/api/cypher/check', { cypher: 'MATCH (a:Actor {id: $actor}) RETURN a LIMIT $limit' });
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ queryType: 'r', parameters: ['actor', 'limit'] });
    const refused = await app.post('/api/cypher/check', { cypher: 'MATCH (n) DELETE n' });
    expect(refused.status).toBe(422);
  });
});

describe('time limits', () => {
  it('cancels a runaway query on the server near its time limit with 504, while other requests keep being answered', async () => {
    const started = Date.now();
    const runaway = app.post('/api/cypher/run', { cypher: RUNAWAY, timeoutMs: 2_000 });
    await new Promise((r) => setTimeout(r, 500));
    const health = await app.get('/api/health');
    expect(health.status).toBe(200);
    expect(health.ms).toBeLessThan(2_000);
    const other = await app.post('/api/queries/roles-of-person/run', {});
    expect(other.status).toBe(200);

    const res = await runaway;
    const elapsed = Date.now() - started;
    expect(res.status).toBe(504);
    expect(res.body.error.code).toBe('QUERY_TIMEOUT');
    expect(res.body.error.message).toMatch(/time limit of 2000 ms and was cancelled on the server/);
    expect(elapsed).toBeGreaterThanOrEqual(1_900);
    expect(elapsed).toBeLessThan(2_000 + 4_000);

    // The transaction is gone from the server, not left running.
    const session = (await import('../../support/neo4j')).getTestDriver().session();
    try {
      const running = await session.run('SHOW TRANSACTIONS YIELD currentQuery WHERE currentQuery CONTAINS $marker RETURN count(*) AS n', { marker: 'range(1, 100000000)' });
      expect(running.records[0]!.get('n').toNumber()).toBe(0);
    } finally {
      await session.close();
    }
  });

  it('never grants a longer time limit than the configured one', async () => {
    const strict = await startQueryApp({ CYPHER_TIMEOUT_MS: '1000' });
    try {
      const started = Date.now();
      const res = await strict.post('/api/cypher/run', { cypher: RUNAWAY, timeoutMs: 60_000 });
      expect(res.status).toBe(504);
      expect(res.body.error.message).toMatch(/1000 ms/);
      expect(Date.now() - started).toBeLessThan(1_000 + 4_000);
      const quick = await strict.post('/api/cypher/run', { cypher: 'RETURN 1 AS one', timeoutMs: 60_000 });
      expect(quick.body.limits.timeoutMs).toBe(1_000);
    } finally {
      await strict.close();
    }
  });
});
