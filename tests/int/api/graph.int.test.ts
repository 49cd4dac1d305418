import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArticleDetail, ArticleList, GraphResponse, SchemaResponse, TimeDiff } from '../../../contract/explore';
import { overview } from '../../../server/services/graph';
import { getTestDatabase } from '../../support/neo4j';
import { seedCorpus, startExplorer, type Explorer } from './harness';

describe('overview graph, time, articles and schema on the seeded corpus', () => {
  let api: Explorer;

  beforeAll(async () => {
    await seedCorpus();
    api = await startExplorer();
  });
  afterAll(async () => api?.close());

  const node = (g: GraphResponse, id: string) => g.graph.nodes.find((n) => n.id === id);

  describe('GET /api/graph', () => {
    it('shows entities and facts, without MENTIONS or Name nodes, every edge with both ends present', async () => {
      const { status, body } = await api.get<GraphResponse>('/api/graph');
      expect(status).toBe(200);
      expect(body.truncated).toBe(false);
      expect(body.totals).toEqual({ nodes: body.graph.nodes.length, edges: body.graph.edges.length });
      expect(body.graph.edges.some((e) => e.type === 'MENTIONS')).toBe(false);
      expect(body.graph.nodes.some((n) => n.labels.includes('Name'))).toBe(false);
      const ids = new Set(body.graph.nodes.map((n) => n.id));
      expect(body.graph.edges.every((e) => ids.has(e.source) && ids.has(e.target))).toBe(true);
      expect(node(body, 'actor-skr')?.properties['name']).toBe('Sveriges Kommuner och Regioner');
    });

    it('caps the number of nodes, keeps the best connected and says it truncated', async () => {
      const { body } = await api.get<GraphResponse>('/api/graph?limit=5');
      expect(body.graph.nodes).toHaveLength(5);
      expect(body.truncated).toBe(true);
      expect(body.totals.nodes).toBeGreaterThan(5);
      expect(body.graph.nodes.map((n) => n.id)).toContain('actor-skr');
    });

    it('caps the unfiltered overview the same way as the filtered one: the best connected nodes, ties by id, with the edges between them', async () => {
      // Without filters the overview ranks by Neo4j's degree store; a filter that keeps everything takes the
      // path that reads every relationship. Both must answer alike.
      for (const limit of [1, 3, 7, 15, 30, 500]) {
        const quick = (await api.get<GraphResponse>(`/api/graph?limit=${limit}`)).body;
        const full = (await api.get<GraphResponse>(`/api/graph?limit=${limit}&labels=Entity,Article`)).body;
        expect(quick.graph.nodes.map((n) => n.id).sort()).toEqual(full.graph.nodes.map((n) => n.id).sort());
        expect(quick.graph.edges.map((e) => e.id).sort()).toEqual(full.graph.edges.map((e) => e.id).sort());
        expect(quick.totals).toEqual(full.totals);
        expect(quick.truncated).toBe(full.truncated);
      }
      const withMentions = (await api.get<GraphResponse>('/api/graph?limit=40&includeMentions=true')).body;
      const withMentionsFull = (await api.get<GraphResponse>('/api/graph?limit=40&includeMentions=true&labels=Entity,Article')).body;
      expect(withMentions.graph.nodes.map((n) => n.id).sort()).toEqual(withMentionsFull.graph.nodes.map((n) => n.id).sort());
      expect(withMentions.totals).toEqual(withMentionsFull.totals);
    });

    it('on a large graph, ranks an as-of overview by degree today but still shows only what existed and held on the date', async () => {
      // The seed is small, so the API ranks exactly; a threshold of 0 takes the large-graph path.
      const f = { labels: null, types: null, articles: null, asOf: '2018-06-01', includeMentions: false };
      const large = await overview(getTestDatabase(), { ...f, limit: 12 }, { exactRankingUpTo: 0 });
      const exact = (await api.get<GraphResponse>('/api/graph?asOf=2018-06-01&limit=12')).body;
      expect(large.graph.nodes).toHaveLength(12);
      expect(large.truncated).toBe(true);
      expect(large.totals.nodes).toBe(exact.totals.nodes);
      expect(large.totals.edges).toBeNull();
      const ids = new Set(large.graph.nodes.map((n) => n.id));
      expect(ids.has('actor-digg')).toBe(false);
      expect(large.graph.edges.every((e) => ids.has(e.source) && ids.has(e.target) && e.type !== 'MENTIONS')).toBe(true);
      expect(large.graph.nodes.find((n) => n.id === 'actor-skr')?.properties).toMatchObject({ name: 'Sveriges Kommuner och Landsting', shortName: 'SKL' });
      // Uncapped, both paths show the same graph of that day.
      const allLarge = await overview(getTestDatabase(), { ...f, limit: 500 }, { exactRankingUpTo: 0 });
      const allExact = (await api.get<GraphResponse>('/api/graph?asOf=2018-06-01&limit=500')).body;
      expect(allLarge.graph.nodes.map((n) => n.id).sort()).toEqual(allExact.graph.nodes.map((n) => n.id).sort());
      expect(allLarge.graph.edges.map((e) => e.id).sort()).toEqual(allExact.graph.edges.map((e) => e.id).sort());
      expect(allLarge.graph.edges.map((e) => e.id)).not.toContain('fact-jenny-birkestad-holds-skr-chef-avdelningen-for-digitalisering');
      expect(allLarge.totals).toEqual(allExact.totals);
    });

    it('as of 2018-06-01 names SKR "Sveriges Kommuner och Landsting" (SKL), as of 2020-06-01 "Sveriges Kommuner och Regioner" (SKR)', async () => {
      const before = await api.get<GraphResponse>('/api/graph?asOf=2018-06-01');
      expect(node(before.body, 'actor-skr')?.properties).toMatchObject({ name: 'Sveriges Kommuner och Landsting', shortName: 'SKL', currentName: 'Sveriges Kommuner och Regioner' });
      const after = await api.get<GraphResponse>('/api/graph?asOf=2020-06-01');
      expect(node(after.body, 'actor-skr')?.properties).toMatchObject({ name: 'Sveriges Kommuner och Regioner', shortName: 'SKR' });
    });

    it('has no DIGG before 2018-09-01 and has it from that day on', async () => {
      expect(node((await api.get<GraphResponse>('/api/graph?asOf=2018-08-31')).body, 'actor-digg')).toBeUndefined();
      expect(node((await api.get<GraphResponse>('/api/graph?asOf=2018-09-01')).body, 'actor-digg')).toBeDefined();
    });

    it('as of a date shows only facts that held then and articles already published', async () => {
      const { body } = await api.get<GraphResponse>('/api/graph?asOf=2018-06-01');
      const ids = body.graph.nodes.map((n) => n.id);
      expect(ids).toContain('agreement-handslag-2017');
      expect(ids).not.toContain('article-002');
      expect(body.graph.edges.map((e) => e.id)).not.toContain('fact-jenny-birkestad-holds-skr-chef-avdelningen-for-digitalisering');
    });

    it('filters by relationship types and by the articles that are evidence for the facts', async () => {
      const roles = await api.get<GraphResponse>('/api/graph?types=HOLDS,AT');
      expect(new Set(roles.body.graph.edges.map((e) => e.type))).toEqual(new Set(['HOLDS', 'AT']));
      expect(roles.body.graph.nodes.every((n) => n.labels.some((l) => ['Person', 'Role', 'Actor'].includes(l)))).toBe(true);

      const handshake = await api.get<GraphResponse>('/api/graph?articles=article-001');
      expect(handshake.body.graph.edges.length).toBeGreaterThan(0);
      expect(handshake.body.graph.edges.every((e) => (e.properties['evidenceArticles'] as string[]).includes('article-001'))).toBe(true);
      expect(handshake.body.graph.nodes.map((n) => n.id)).toEqual(expect.arrayContaining(['agreement-handslag-2017', 'person-ardalan-shekarabi']));
      expect(handshake.body.graph.nodes.map((n) => n.id)).not.toContain('person-anna-eriksson');
    });

    it('filters by node labels', async () => {
      const { body } = await api.get<GraphResponse>('/api/graph?labels=Person,Role');
      expect(body.graph.nodes.every((n) => n.labels.includes('Person') || n.labels.includes('Role'))).toBe(true);
      expect(body.graph.edges.every((e) => e.type === 'HOLDS')).toBe(true);
    });
  });

  describe('GET /api/time/diff', () => {
    it('between 2018-06-01 and 2020-06-01 reports DIGG and the 2020 facts as added and SKL → SKR as a rename', async () => {
      const { status, body } = await api.get<TimeDiff>('/api/time/diff?from=2018-06-01&to=2020-06-01');
      expect(status).toBe(200);
      expect(body.renamed).toEqual([{ id: 'actor-skr', from: 'Sveriges Kommuner och Landsting', to: 'Sveriges Kommuner och Regioner', fromShort: 'SKL', toShort: 'SKR' }]);
      const digg = body.added.nodes.find((n) => n.id === 'actor-digg');
      expect(digg?.properties['diff']).toBe('added');
      expect(body.added.edges.map((e) => e.id)).toContain('fact-jenny-birkestad-holds-skr-chef-avdelningen-for-digitalisering');
      // Unchanged ends of added facts come along as context, named as of `to`.
      expect(body.added.nodes.find((n) => n.id === 'actor-skr')?.properties).toMatchObject({ diff: 'context', shortName: 'SKR' });
      expect(body.removed.edges).toEqual([]);
    });

    it('reports nothing renamed within 2017', async () => {
      const { body } = await api.get<TimeDiff>('/api/time/diff?from=2017-01-01&to=2017-12-31');
      expect(body.renamed).toEqual([]);
      expect(body.added.nodes.find((n) => n.id === 'agreement-handslag-2017')?.properties['diff']).toBe('added');
    });

    it('answers 400 when "to" is before "from" or a date is missing', async () => {
      const backwards = await api.get('/api/time/diff?from=2020-01-01&to=2018-01-01');
      expect(backwards.status).toBe(400);
      expect(backwards.body.error.message).toContain('"to"');
      const missing = await api.get('/api/time/diff?from=2018-01-01');
      expect(missing.status).toBe(400);
      expect(missing.body.error.details).toEqual([expect.objectContaining({ parameter: 'to' })]);
    });
  });

  describe('GET /api/articles and /api/articles/:id', () => {
    it('lists the five articles oldest first with their counts', async () => {
      const { body } = await api.get<ArticleList>('/api/articles');
      expect(body.articles.map((a) => a.id)).toEqual(['article-000', 'article-001', 'article-003', 'article-002', 'article-004']);
      expect(body.articles[1]).toMatchObject({ title: 'Handslag för fördjupad digital samverkan', published: '2017-12-06', file: '001_6a08060631717b97.txt' });
      for (const a of body.articles) {
        expect(a.mentionCount).toBeGreaterThanOrEqual(a.entityCount);
        expect(a.factCount).toBeGreaterThan(0);
      }
    });

    it('gives every mention and quote span of an article at its exact offsets', async () => {
      const { status, body } = await api.get<ArticleDetail>('/api/articles/article-001');
      expect(status).toBe(200);
      const text = body.article.text;
      expect(body.mentions.length).toBeGreaterThan(0);
      expect(body.quotes.length).toBeGreaterThan(0);
      for (const m of body.mentions) expect(text.slice(m.start, m.end)).toBe(m.surface);
      for (const q of body.quotes) expect(text.slice(q.start, q.end)).toBe(q.quote);
      expect(body.mentions).toContainEqual(expect.objectContaining({ entityId: 'person-ardalan-shekarabi', surface: 'Ardalan Shekarabi' }));
      expect(body.quotes).toContainEqual(
        expect.objectContaining({ factId: 'fact-lena-micko-party-to-handslag', type: 'PARTY_TO', from: { id: 'person-lena-micko', name: 'Lena Micko' }, to: expect.objectContaining({ id: 'agreement-handslag-2017' }) }),
      );
      const starts = body.mentions.map((m) => m.start);
      expect(starts).toEqual([...starts].sort((a, b) => a - b));
    });

    it('answers 404 for an unknown article', async () => {
      const { status, body } = await api.get('/api/articles/article-999');
      expect(status).toBe(404);
      expect(body.error.code).toBe('NOT_FOUND');
    });
  });

  describe('GET /api/schema', () => {
    it('lists labels and relationship types with their counts, and the property keys', async () => {
      const { status, body } = await api.get<SchemaResponse>('/api/schema');
      expect(status).toBe(200);
      expect(body.labels).toContainEqual({ label: 'Article', count: 5 });
      expect(body.labels).toContainEqual({ label: 'Name', count: 2 });
      expect(body.relationshipTypes).toContainEqual({ type: 'NAMED', count: 2 });
      expect(body.relationshipTypes.find((t) => t.type === 'MENTIONS')?.count).toBeGreaterThan(100);
      expect(body.propertyKeys).toEqual(expect.arrayContaining(['id', 'name', 'evidenceArticles', 'validFrom']));
    });
  });
});
