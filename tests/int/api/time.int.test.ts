import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeDetail, PathsResponse, SearchResponse, Timeline } from '../../../contract/explore';
import { getTestDatabase } from '../../support/neo4j';
import { seedCorpus, startExplorer, type Explorer } from './harness';

const SKL = 'Sveriges Kommuner och Landsting';
const SKR = 'Sveriges Kommuner och Regioner';

describe('time you can see: the timeline and names as borne on a date', () => {
  let api: Explorer;

  beforeAll(async () => {
    await seedCorpus();
    api = await startExplorer();
  });
  afterAll(async () => api?.close());

  describe('GET /api/time/timeline', () => {
    it('spans the data: from the earliest to the latest dated article, fact or entity, every article on it', async () => {
      const { status, body } = await api.get('/api/time/timeline');
      expect(status).toBe(200);
      const timeline = Timeline.parse(body);
      // What the database holds, read independently of the service.
      const dates = await getTestDatabase().read(
        `CALL () { MATCH (a:Article) RETURN a.published AS d
                   UNION ALL MATCH ()-[r]->() WHERE type(r) <> 'MENTIONS' UNWIND [r.validFrom, r.validTo, r.firstSeen] AS d RETURN d
                   UNION ALL MATCH (n:Entity) UNWIND [n.validFrom, n.validTo] AS d RETURN d }
         WITH d WHERE d IS NOT NULL RETURN toString(min(d)) AS min, toString(max(d)) AS max`,
      );
      expect(timeline.range).toEqual({ min: dates.records[0]!.get('min'), max: dates.records[0]!.get('max') });

      const articles = (await api.get<{ articles: { id: string; published: string }[] }>('/api/articles')).body.articles;
      expect(timeline.articleTotal).toBe(articles.length);
      expect(timeline.articles.map((a) => a.id).sort()).toEqual(articles.map((a) => a.id).sort());
      const published = timeline.articles.map((a) => a.published);
      expect(published).toEqual([...published].sort());
      expect(timeline.articles.every((a) => a.published >= timeline.range!.min && a.published <= timeline.range!.max)).toBe(true);
      expect(timeline.articles[0]).toMatchObject({ title: expect.any(String), outlet: expect.any(String) });
    });

    it('counts dated facts per day, including the day SKL became SKR', async () => {
      const timeline = Timeline.parse((await api.get('/api/time/timeline')).body);
      expect(timeline.bucket).toBe('day');
      expect(timeline.facts.length).toBeGreaterThan(0);
      expect(timeline.facts.every((f) => f.count > 0 && f.date >= timeline.range!.min && f.date <= timeline.range!.max)).toBe(true);
      const days = timeline.facts.map((f) => f.date);
      expect(days).toEqual([...new Set(days)].sort());
      // The NAMED fact of the new name starts, and that of the old one ends, on 2019-11-27.
      expect(timeline.facts.find((f) => f.date === '2019-11-27')?.count).toBeGreaterThanOrEqual(2);
    });

    it('widens the range when the data does: an article published later moves the end', async () => {
      const db = getTestDatabase();
      await db.write("CREATE (:Article { id: 'article-time-test', title: 'Framtiden', outlet: 'Test', published: date('2031-05-01'), text: '' })");
      try {
        const timeline = Timeline.parse((await api.get('/api/time/timeline')).body);
        expect(timeline.range?.max).toBe('2031-05-01');
        expect(timeline.articles[timeline.articles.length - 1]).toEqual({ id: 'article-time-test', title: 'Framtiden', outlet: 'Test', published: '2031-05-01' });
        const thinned = Timeline.parse((await api.get('/api/time/timeline?limit=2')).body);
        expect(thinned.articles).toHaveLength(2);
        expect(thinned.articleTotal).toBe(timeline.articleTotal);
        // Thinned evenly: the oldest article stays.
        expect(thinned.articles[0]).toEqual(timeline.articles[0]);
      } finally {
        await db.write("MATCH (a:Article { id: 'article-time-test' }) DETACH DELETE a");
      }
    });

    it('answers 400 naming the parameter for a limit out of range', async () => {
      const { status, body } = await api.get('/api/time/timeline?limit=0');
      expect(status).toBe(400);
      expect(body.error).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('limit') });
    });
  });

  describe('asOf on node details, search and paths', () => {
    it('names SKR Sveriges Kommuner och Landsting as of 2019-06-01, with SKL among its names, and SKR as of 2020-01-01', async () => {
      const before = NodeDetail.parse((await api.get('/api/nodes/actor-skr?asOf=2019-06-01')).body);
      expect(before.node.properties).toMatchObject({ name: SKL, shortName: 'SKL', currentName: SKR });
      expect(before.names[0]).toBe(SKL);
      expect(before.names).toEqual(expect.arrayContaining(['SKL', SKR, 'SKR']));

      const after = NodeDetail.parse((await api.get('/api/nodes/actor-skr?asOf=2020-01-01')).body);
      expect(after.node.properties).toMatchObject({ name: SKR, shortName: 'SKR' });
      expect(after.names[0]).toBe(SKR);

      const today = NodeDetail.parse((await api.get('/api/nodes/actor-skr')).body);
      expect(today.node.properties['name']).toBe(SKR);
      expect(today.node.properties['currentName']).toBeUndefined();
    });

    it("names SKR as of the date at the far end of another node's facts", async () => {
      const detail = NodeDetail.parse((await api.get('/api/nodes/role-skr-ordforande?asOf=2019-06-01')).body);
      const at = detail.facts.find((f) => f.other.id === 'actor-skr');
      expect(at?.other.properties['name']).toBe(SKL);
    });

    it('finds SKR by either name and calls it by the name of the date', async () => {
      for (const q of ['skl', 'skr']) {
        const before = SearchResponse.parse((await api.get(`/api/search?q=${q}&asOf=2019-06-01`)).body);
        expect(before.hits[0]).toMatchObject({ id: 'actor-skr', name: SKL, currentName: SKR });
        const after = SearchResponse.parse((await api.get(`/api/search?q=${q}&asOf=2020-01-01`)).body);
        expect(after.hits[0]).toMatchObject({ id: 'actor-skr', name: SKR });
        expect(after.hits[0]!.currentName).toBeUndefined();
      }
    });

    it('names SKR on a path by the name of the date', async () => {
      const path = (asOf: string) => api.get(`/api/paths?from=person-lena-micko&to=actor-skr&asOf=${asOf}`);
      const before = PathsResponse.parse((await path('2019-06-01')).body);
      expect(before.paths.length).toBeGreaterThan(0);
      expect(before.graph.nodes.find((n) => n.id === 'actor-skr')?.properties['name']).toBe(SKL);
      const after = PathsResponse.parse((await path('2020-01-01')).body);
      expect(after.graph.nodes.find((n) => n.id === 'actor-skr')?.properties['name']).toBe(SKR);
    });

    it('reports the rename between 2019-01-01 and 2020-01-01 with both names and both short forms', async () => {
      const { status, body } = await api.get('/api/time/diff?from=2019-01-01&to=2020-01-01');
      expect(status).toBe(200);
      expect(body.renamed).toContainEqual({ id: 'actor-skr', from: SKL, to: SKR, fromShort: 'SKL', toShort: 'SKR' });
    });

    it.each([
      ['/api/nodes/actor-skr?asOf=2019-13-01'],
      ['/api/nodes/actor-skr?asOf=01/06/2019'],
      ['/api/search?q=skr&asOf=2019-02-30'],
      ['/api/paths?from=person-lena-micko&to=actor-skr&asOf=igår'],
    ])('answers 400 naming asOf for a malformed date: %s', async (path) => {
      const { status, body } = await api.get(path);
      expect(status).toBe(400);
      expect(body.error).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('asOf') });
    });
  });
});
