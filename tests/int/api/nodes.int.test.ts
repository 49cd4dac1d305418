import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Neighbourhood, NodeDetail, PathsResponse } from '../../../contract/explore';
import { seedCorpus, startExplorer, type Explorer } from './harness';

describe('node detail, neighbourhoods and paths on the seeded corpus', () => {
  let api: Explorer;

  beforeAll(async () => {
    await seedCorpus();
    api = await startExplorer();
  });
  afterAll(async () => api?.close());

  describe('GET /api/nodes/:id', () => {
    it("shows Lena Micko's role as ordförande at SKL, with quotes and article titles", async () => {
      const { status, body } = await api.get<NodeDetail>('/api/nodes/person-lena-micko');
      expect(status).toBe(200);
      expect(body.node).toMatchObject({ id: 'person-lena-micko', labels: expect.arrayContaining(['Person']), properties: { name: 'Lena Micko' } });
      const role = body.roles.find((r) => r.roleId === 'role-skr-ordforande');
      expect(role).toMatchObject({
        title: 'ordförande',
        person: { id: 'person-lena-micko', name: 'Lena Micko' },
        // Named as the organisation was called when the role is attested (2017), not today's SKR.
        organisation: { id: 'actor-skr', name: 'Sveriges Kommuner och Landsting' },
        validFrom: '2017-06-14',
      });
      expect(role!.evidence).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ articleId: 'article-000', articleTitle: 'Välkommet förslag till samlande digital myndighet', outlet: 'KommITS', published: '2017-06-14', quote: expect.stringContaining('ordförande för Sveriges Kommener och Landsting') }),
          expect.objectContaining({ articleId: 'article-001', articleTitle: 'Handslag för fördjupad digital samverkan', quote: expect.stringContaining('ordförande Lena Micko') }),
        ]),
      );
    });

    it('gives every fact its evidence, and the quotes sit at their offsets in the article text', async () => {
      const { body } = await api.get<NodeDetail>('/api/nodes/person-lena-micko');
      const party = body.facts.find((f) => f.edge.type === 'PARTY_TO');
      expect(party).toMatchObject({ direction: 'out', other: { id: 'agreement-handslag-2017' }, edge: { source: 'person-lena-micko', target: 'agreement-handslag-2017' } });
      expect(body.facts.every((f) => f.evidence.length > 0)).toBe(true);
      const texts = new Map<string, string>();
      for (const e of body.facts.flatMap((f) => f.evidence)) {
        if (!texts.has(e.articleId)) texts.set(e.articleId, (await api.get(`/api/articles/${e.articleId}`)).body.article.text);
        expect(texts.get(e.articleId)!.slice(e.start, e.end)).toBe(e.quote);
      }
    });

    it('lists the articles that mention a node, and its degree by type and direction', async () => {
      const { body } = await api.get<NodeDetail>('/api/nodes/person-lena-micko');
      expect(body.mentionedIn.map((m) => m.articleId)).toEqual(['article-000', 'article-001']);
      expect(body.mentionedIn[0]).toMatchObject({ title: 'Välkommet förslag till samlande digital myndighet', published: '2017-06-14', count: expect.any(Number) });
      expect(body.degree).toEqual(expect.arrayContaining([{ type: 'HOLDS', direction: 'out', count: 1 }, { type: 'MENTIONS', direction: 'in', count: 2 }]));
    });

    it("gives SKR all its names and its name history (SKL until 2019-11-27, then SKR) and the roles at it", async () => {
      const { body } = await api.get<NodeDetail>('/api/nodes/actor-skr');
      expect(body.names).toEqual(expect.arrayContaining(['Sveriges Kommuner och Regioner', 'SKR', 'SKL', 'Sveriges Kommuner och Landsting']));
      expect(body.nameHistory).toEqual([
        { value: 'Sveriges Kommuner och Landsting', short: 'SKL', validFrom: null, validTo: '2019-11-27' },
        { value: 'Sveriges Kommuner och Regioner', short: 'SKR', validFrom: '2019-11-27', validTo: null },
      ]);
      expect(body.roles.map((r) => [r.roleId, r.person?.id])).toEqual(
        expect.arrayContaining([
          ['role-skr-ordforande', 'person-lena-micko'],
          ['role-skr-chef-avdelningen-for-digitalisering', 'person-jenny-birkestad'],
        ]),
      );
    });

    it('never leaks driver values: integers are numbers and dates ISO strings', async () => {
      const { body } = await api.get<NodeDetail>('/api/nodes/actor-digg');
      expect(body.node.properties['validFrom']).toBe('2018-09-01');
      const edge = body.facts[0]!.edge;
      expect(typeof edge.properties['evidenceCount']).toBe('number');
      expect(JSON.stringify(body)).not.toMatch(/"low":|"high":/);
    });

    it('answers 404 for an unknown id', async () => {
      const { status, body } = await api.get('/api/nodes/person-nobody');
      expect(status).toBe(404);
      expect(body.error).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('person-nobody') });
    });
  });

  describe('GET /api/nodes/:id/neighbours and POST /api/expand', () => {
    it('pages the neighbours of SKR filtered by type: limit=2 says there is more, the next page continues', async () => {
      const first = await api.get<Neighbourhood>('/api/nodes/actor-skr/neighbours?types=PARTY_TO,HOLDS,AT&limit=2');
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ offset: 0, returned: 2, hasMore: true });
      expect(first.body.total).toBeGreaterThan(2);
      expect(first.body.graph.nodes.map((n) => n.id)).toContain('actor-skr');
      expect(first.body.graph.nodes).toHaveLength(3);
      expect(first.body.graph.edges.every((e) => ['PARTY_TO', 'HOLDS', 'AT'].includes(e.type))).toBe(true);

      const second = await api.get<Neighbourhood>('/api/nodes/actor-skr/neighbours?types=PARTY_TO,HOLDS,AT&limit=2&offset=2');
      const ids = (r: Neighbourhood) => r.graph.nodes.map((n) => n.id).filter((id) => id !== 'actor-skr');
      expect(ids(second.body).some((id) => ids(first.body).includes(id))).toBe(false);

      const all = await api.get<Neighbourhood>('/api/nodes/actor-skr/neighbours?types=PARTY_TO,HOLDS,AT&limit=200');
      expect(all.body).toMatchObject({ hasMore: false, returned: first.body.total });
      expect(ids(all.body)).toEqual(expect.arrayContaining(['agreement-handslag-2017', 'role-skr-ordforande']));
    });

    it('leaves MENTIONS out unless asked for, so articles do not flood the view', async () => {
      const plain = await api.get<Neighbourhood>('/api/nodes/actor-skr/neighbours?limit=200');
      expect(plain.body.graph.edges.some((e) => e.type === 'MENTIONS')).toBe(false);
      const withMentions = await api.get<Neighbourhood>('/api/nodes/actor-skr/neighbours?types=MENTIONS');
      expect(withMentions.body.graph.nodes.filter((n) => n.labels.includes('Article')).map((n) => n.id).sort()).toEqual(['article-000', 'article-001', 'article-002', 'article-003']);
      const flag = await api.get<Neighbourhood>('/api/nodes/actor-skr/neighbours?includeMentions=true&labels=Article');
      expect(flag.body.total).toBe(4);
    });

    it('filters neighbours by label', async () => {
      const { body } = await api.get<Neighbourhood>('/api/nodes/actor-skr/neighbours?labels=Person,Role&limit=200');
      expect(body.graph.nodes.filter((n) => n.id !== 'actor-skr').every((n) => n.labels.includes('Person') || n.labels.includes('Role'))).toBe(true);
    });

    it('as of a date keeps only facts that held then, and names SKR as SKL', async () => {
      const { body } = await api.get<Neighbourhood>('/api/nodes/actor-skr/neighbours?asOf=2018-06-01&limit=200');
      const skr = body.graph.nodes.find((n) => n.id === 'actor-skr')!;
      expect(skr.properties).toMatchObject({ name: 'Sveriges Kommuner och Landsting', shortName: 'SKL', currentName: 'Sveriges Kommuner och Regioner' });
      // Jenny Birkestad's role at SKR is first attested in 2020.
      expect(body.graph.nodes.map((n) => n.id)).not.toContain('role-skr-chef-avdelningen-for-digitalisering');
      expect(body.graph.nodes.map((n) => n.id)).not.toContain('actor-digg');
    });

    it('expands several nodes at once and answers 404 naming an unknown id', async () => {
      const { status, body } = await api.post<Neighbourhood>('/api/expand', { ids: ['person-lena-micko', 'person-ardalan-shekarabi'], types: ['HOLDS'] });
      expect(status).toBe(200);
      expect(body.graph.nodes.map((n) => n.id).sort()).toEqual(['person-ardalan-shekarabi', 'person-lena-micko', 'role-regeringen-civilminister', 'role-skr-ordforande']);
      expect(body.graph.edges.map((e) => e.type)).toEqual(['HOLDS', 'HOLDS']);
      const missing = await api.post('/api/expand', { ids: ['person-lena-micko', 'person-nobody'] });
      expect(missing.status).toBe(404);
      expect(missing.body.error.message).toContain('person-nobody');
    });
  });

  describe('GET /api/paths', () => {
    it('connects Lena Micko and Ardalan Shekarabi through the handshake they are parties to, with evidence per edge', async () => {
      const { status, body } = await api.get<PathsResponse>('/api/paths?from=person-lena-micko&to=person-ardalan-shekarabi&avoid=Article');
      expect(status).toBe(200);
      expect(body.paths[0]).toEqual({
        nodeIds: ['person-lena-micko', 'agreement-handslag-2017', 'person-ardalan-shekarabi'],
        edgeIds: ['fact-lena-micko-party-to-handslag', 'fact-ardalan-shekarabi-party-to-handslag'],
        length: 2,
      });
      expect(body.evidence['fact-lena-micko-party-to-handslag']).toEqual([
        expect.objectContaining({ articleId: 'article-001', quote: 'Handslaget mellan civilminister Ardalan Shekarabi och SKL:s ordförande Lena Micko' }),
      ]);
      const graphIds = body.graph.nodes.map((n) => n.id);
      for (const p of body.paths) for (const id of p.nodeIds) expect(graphIds).toContain(id);
    });

    it('connects two people of the same organisation through their roles and the organisation', async () => {
      const { body } = await api.get<PathsResponse>('/api/paths?from=person-jenny-birkestad&to=person-lena-micko&avoid=Article');
      expect(body.paths.map((p) => p.nodeIds)).toContainEqual([
        'person-jenny-birkestad',
        'role-skr-chef-avdelningen-for-digitalisering',
        'actor-skr',
        'role-skr-ordforande',
        'person-lena-micko',
      ]);
    });

    it('with avoid=Article never passes through an article', async () => {
      const free = await api.get<PathsResponse>('/api/paths?from=person-lena-micko&to=person-ardalan-shekarabi&limit=10');
      expect(free.body.paths.some((p) => p.nodeIds.some((id) => id.startsWith('article-')))).toBe(true);
      for (const [from, to] of [
        ['person-lena-micko', 'person-ardalan-shekarabi'],
        ['person-lena-micko', 'person-anna-eriksson'],
        ['person-bengt-kjellson', 'person-anna-eriksson'],
      ]) {
        const { status, body } = await api.get<PathsResponse>(`/api/paths?from=${from}&to=${to}&avoid=Article&limit=10`);
        expect(status).toBe(200);
        expect(body.paths.length, `${from} → ${to}`).toBeGreaterThan(0);
        expect(body.graph.nodes.some((n) => n.labels.includes('Article'))).toBe(false);
      }
    });

    it('honours maxLength: nothing longer is returned', async () => {
      const { body } = await api.get<PathsResponse>('/api/paths?from=person-lena-micko&to=person-anna-eriksson&avoid=Article&maxLength=3');
      expect(body.paths.every((p) => p.length <= 3)).toBe(true);
    });

    it('answers 404 for an unknown end and 400 for the same node twice', async () => {
      expect((await api.get('/api/paths?from=person-lena-micko&to=person-nobody')).status).toBe(404);
      const same = await api.get('/api/paths?from=person-lena-micko&to=person-lena-micko');
      expect(same.status).toBe(400);
      expect(same.body.error.message).toContain('"to"');
    });
  });
});
