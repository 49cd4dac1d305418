import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphResponse, NodeDetail } from '../../../contract/explore';
import { filterParams, listOrAll } from '../../../server/cypher/explore/fragments';
import { capGraph, EDGE_OK, NODE_OK } from '../../../server/services/graph';
import { getTestDatabase } from '../../support/neo4j';
import { seedCorpus, startExplorer, type Explorer } from './harness';

/** The read path made cheaper for issue 13 answers as it did before: same timeout, errors, nodes and ranking. */
describe('the read path (issue 13)', () => {
  let api: Explorer;
  const db = getTestDatabase();

  beforeAll(async () => {
    await seedCorpus();
    api = await startExplorer();
  });
  afterAll(async () => api?.close());

  describe('Database.read, an auto-commit read', () => {
    it('carries the transaction metadata and cancels a read past its timeout with QUERY_TIMEOUT (504)', async () => {
      const probe = `readpath-${Date.now()}`;
      const { records } = await db.read('SHOW TRANSACTIONS YIELD metaData WHERE metaData.probe = $probe RETURN metaData', { probe }, { metadata: { probe } });
      expect(records.map((r) => r.get('metaData'))).toEqual([{ probe }]);
      await expect(db.read('UNWIND range(1, 100000000) AS x WITH x WHERE x % 7 = 3 RETURN count(x) AS n', {}, { timeoutMs: 200 })).rejects.toMatchObject({ code: 'QUERY_TIMEOUT', status: 504 });
    });

    it('leaves Error.stackTraceLimit as it found it, whether the read succeeds or fails', async () => {
      const before = Error.stackTraceLimit;
      await db.read('RETURN 1 AS one');
      await db.read('RETURN nonsense(').catch(() => undefined);
      expect(Error.stackTraceLimit).toBe(before);
      expect(new Error('with a stack').stack?.split('\n').length).toBeGreaterThan(1);
    });
  });

  describe('GET /api/nodes/:id in one statement', () => {
    it('answers a node asked for by its elementId as it answers its id, with its roles, organisations named as then, and evidence', async () => {
      const elementId = (await db.read<{ e: string }>("MATCH (n:Entity {id: 'person-lena-micko'}) RETURN elementId(n) AS e")).records[0]!.get('e');
      for (const query of ['', '?asOf=2018-06-01']) {
        const byId = await api.get<NodeDetail>(`/api/nodes/person-lena-micko${query}`);
        const byElementId = await api.get<NodeDetail>(`/api/nodes/${encodeURIComponent(elementId)}${query}`);
        expect(byId.status).toBe(200);
        expect(byElementId.body).toEqual(byId.body);
        expect(byId.body.roles.some((r) => r.organisation?.name === 'Sveriges Kommuner och Landsting' && r.evidence.length > 0 && r.evidence.every((e) => e.articleTitle !== e.articleId))).toBe(true);
        expect(byId.body.facts.every((f) => f.evidence.every((e) => e.articleTitle !== e.articleId && e.published !== ''))).toBe(true);
      }
    });

    it('answers 404 naming the id for an unknown id or elementId', async () => {
      for (const id of ['person-nobody', '4:00000000-0000-0000-0000-000000000000:999999']) {
        const { status, body } = await api.get(`/api/nodes/${encodeURIComponent(id)}`);
        expect(status).toBe(404);
        expect(body.error).toMatchObject({ code: 'NOT_FOUND', details: { ids: [id] } });
        expect(body.error.message).toContain(`"${id}"`);
      }
    });
  });

  describe('GET /api/graph with filters, ranked in the database', () => {
    const cases: { query: string; labels: string[] | null; types: string[] | null; articles: string[] | null; asOf: string | null; includeMentions: boolean; limit: number }[] = [
      { query: 'limit=8&labels=Actor,Person,Role,Agreement,Document', labels: ['Actor', 'Person', 'Role', 'Agreement', 'Document'], types: null, articles: null, asOf: null, includeMentions: false, limit: 8 },
      { query: 'limit=3&labels=Actor', labels: ['Actor'], types: null, articles: null, asOf: null, includeMentions: false, limit: 3 },
      { query: 'limit=5&types=HOLDS,AT', labels: null, types: ['HOLDS', 'AT'], articles: null, asOf: null, includeMentions: false, limit: 5 },
      { query: 'limit=6&includeMentions=true&labels=Article,Actor', labels: ['Article', 'Actor'], types: null, articles: null, asOf: null, includeMentions: true, limit: 6 },
      { query: 'limit=5&asOf=2018-06-01&labels=Actor,Person', labels: ['Actor', 'Person'], types: null, articles: null, asOf: '2018-06-01', includeMentions: false, limit: 5 },
      { query: 'limit=4&articles=article-001', labels: null, types: null, articles: ['article-001'], asOf: null, includeMentions: false, limit: 4 },
      { query: 'limit=500&labels=Entity,Article', labels: ['Entity', 'Article'], types: null, articles: null, asOf: null, includeMentions: false, limit: 500 },
    ];

    it('keeps the nodes capGraph keeps from every candidate, in its order, with the same edges and totals', async () => {
      for (const c of cases) {
        // The reference: every candidate node's and edge's id sent to JavaScript and ranked by capGraph.
        const params = { ...filterParams(c), articles: listOrAll(c.articles) };
        const all = (
          await db.read(
            `CALL () { MATCH (n) WHERE ${NODE_OK('n')} RETURN collect(elementId(n)) AS nodes }
             CALL () { MATCH (a)-[r]->(b) WHERE ${EDGE_OK('r')} AND ${NODE_OK('a')} AND ${NODE_OK('b')} RETURN collect([elementId(r), elementId(a), elementId(b)]) AS edges }
             RETURN nodes, edges`,
            params,
          )
        ).records[0]!;
        const expected = capGraph(all.get('nodes') as string[], all.get('edges') as [string, string, string][], c.limit, c.types !== null || c.articles !== null);
        const wire = await db.read<{ e: string; id: string }>(
          `CALL () { MATCH (n) WHERE elementId(n) IN $nodes RETURN elementId(n) AS e, coalesce(n.id, elementId(n)) AS id
                     UNION MATCH ()-[r]->() WHERE elementId(r) IN $edges RETURN elementId(r) AS e, coalesce(r.id, elementId(r)) AS id }
           RETURN e, id`,
          { nodes: expected.nodes, edges: expected.edges },
        );
        const idOf = new Map(wire.records.map((r) => [r.get('e'), r.get('id')]));

        const { status, body } = await api.get<GraphResponse>(`/api/graph?${c.query}`);
        expect(status, c.query).toBe(200);
        expect(body.graph.nodes.map((n) => n.id), c.query).toEqual(expected.nodes.map((e) => idOf.get(e)));
        expect(body.graph.edges.map((e) => e.id).sort(), c.query).toEqual(expected.edges.map((e) => idOf.get(e)).sort());
        expect(body.totals, c.query).toEqual({ nodes: expected.totalNodes, edges: expected.totalEdges });
        expect(body.truncated, c.query).toBe(expected.totalNodes > expected.nodes.length);
        expect(expected.nodes.length, `${c.query} keeps something`).toBeGreaterThan(0);
      }
    });
  });
});
