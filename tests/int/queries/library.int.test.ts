import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLibrary } from '../../../server/queries/library';
import type { QuerySummary, RunResult } from '../../../contract/queries';
import { seedCorpus, startQueryApp, type QueryApp } from './harness';

type Row = Record<string, any>;

let app: QueryApp;
const covered = new Set<string>();

/** Runs a library query over the API and answers its rows; every query a test runs counts as covered. */
async function run(name: string, params: Record<string, unknown> = {}): Promise<Omit<RunResult, 'rows'> & { rows: Row[] }> {
  covered.add(name);
  const res = await app.post<RunResult>(`/api/queries/${name}/run`, { params });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as Omit<RunResult, 'rows'> & { rows: Row[] };
}

const nodeIds = (r: Pick<RunResult, 'graph'>) => r.graph.nodes.map((n) => n.id);

beforeAll(async () => {
  await seedCorpus();
  app = await startQueryApp();
});

afterAll(async () => {
  await app?.close();
});

describe('the query library against the seeded articles', () => {
  it('lists every library query with its typed parameters and Cypher', async () => {
    const res = await app.get<{ queries: QuerySummary[] }>('/api/queries');
    expect(res.status).toBe(200);
    const library = res.body.queries.filter((q) => q.source === 'library');
    expect(library.map((q) => q.name).sort()).toEqual(loadLibrary().map((q) => q.name).sort());
    const partners = library.find((q) => q.name === 'partners-of-actor')!;
    expect(partners.params).toContainEqual(expect.objectContaining({ name: 'actor', type: 'node', default: 'actor-skr' }));
    expect(partners.cypher).toContain('$actor');
  });

  it('serves each library query in Swedish with its English twin under i18n.en', async () => {
    const res = await app.get<{ queries: QuerySummary[] }>('/api/queries');
    const partners = res.body.queries.find((q) => q.name === 'partners-of-actor')!;
    expect(partners.title).toBe('En aktörs samarbetspartner och genom vad');
    expect(partners.params.find((p) => p.name === 'actor')?.description).toBe('Aktören vars partner ska listas (ett Actor-id)');
    expect(partners.i18n?.en).toMatchObject({ title: "An actor's partners and through what", params: { actor: 'The actor whose partners to list (an Actor id)' } });
    for (const q of res.body.queries.filter((q) => q.source === 'library')) {
      expect(q.i18n?.en.title, q.name).toBeTruthy();
      expect(q.i18n?.en.description, q.name).toBeTruthy();
    }
    expect((await app.get<QuerySummary>('/api/queries/timeline')).body.i18n?.en.title).toBe('Timeline of facts by date');
  });

  it('partners-of-actor: SKR works with the government through the handshake, and with Inera, SKL Kommentus and Digg', async () => {
    const result = await run('partners-of-actor');
    const byId = new Map(result.rows.map((r) => [r['partnerId'], r]));
    expect(result.rows[0]!['partnerId']).toBe('actor-regeringen');
    expect(byId.get('actor-regeringen')!['through']).toEqual(expect.arrayContaining([expect.stringMatching(/^party to Handslag/)]));
    expect(byId.get('actor-regeringen')!['through']).toEqual(expect.arrayContaining([expect.stringMatching(/Digitaliseringsstudien/)]));
    expect(byId.get('actor-inera')!['through']).toEqual([expect.stringMatching(/point 4$/)]);
    expect(byId.has('actor-skl-kommentus')).toBe(true);
    expect(byId.get('actor-digg')!['through']).toContain('COLLABORATES_WITH');
    expect(byId.has('actor-skr')).toBe(false);
    expect(nodeIds(result)).toEqual(expect.arrayContaining(['actor-skr', 'actor-regeringen', 'agreement-handslag-2017']));
    expect(result.graph.edges.some((e) => e.type === 'PARTY_TO' && e.source === 'actor-regeringen' && e.target === 'agreement-handslag-2017')).toBe(true);

    const limited = await run('partners-of-actor', { actor: 'actor-kommits', limit: 2 });
    expect(limited.rows.length).toBeLessThanOrEqual(2);
    expect(limited.rows.map((r) => r['partnerId'])).toContain('actor-regeringen');
  });

  it('spokespeople-of-organisation: Lena Micko (ordförande, 2017) and Jenny Birkestad (head of digitalisation, 2020) spoke for SKR', async () => {
    const result = await run('spokespeople-of-organisation');
    expect(result.rows.map((r) => [r['person'], r['role'], r['from']])).toEqual([
      ['Lena Micko', 'ordförande', '2017-06-14'],
      ['Jenny Birkestad', 'chef för avdelningen för digitalisering', '2020-03-17'],
    ]);
    expect(result.rows[0]!['quotedIn']).toEqual(['article-000 (2017-06-14)', 'article-001 (2017-12-06)']);
    expect(result.rows[0]!['statementsForOrganisation']).toBeGreaterThan(0);

    const ministry = await run('spokespeople-of-organisation', { organisation: 'actor-finansdepartementet' });
    expect(ministry.rows).toEqual([expect.objectContaining({ person: 'Therese Kristensson', role: 'ansvarig för studien', organisation: 'Enheten för digital förvaltning' })]);
  });

  it("roles-of-person: Lena Micko's role is ordförande of SKL/SKR, seen in the June and December 2017 articles", async () => {
    const result = await run('roles-of-person');
    expect(result.rows).toHaveLength(1);
    expect(result.rows[0]).toMatchObject({ title: 'ordförande', organisation: 'Sveriges Kommuner och Regioner', from: '2017-06-14', until: null });
    expect(result.rows[0]!['articles']).toEqual(['article-000', 'article-001']);
    expect(nodeIds(result)).toEqual(expect.arrayContaining(['person-lena-micko', 'role-skr-ordforande', 'actor-skr']));

    const kjellson = await run('roles-of-person', { person: 'person-bengt-kjellson' });
    expect(kjellson.rows.map((r) => [r['title'], r['organisation']]).sort()).toEqual([
      ['generaldirektör', 'Lantmäteriet'],
      ['ordförande', 'Organisationskommittén för den nya myndigheten'],
    ]);
  });

  it("agreements-of-actor: SKR is party to all five points of the handshake and to the digitalisation study", async () => {
    const result = await run('agreements-of-actor');
    const handshake = result.rows.filter((r) => r['agreement'] === 'Handslag för fördjupad digital samverkan');
    expect(handshake.map((r) => r['point'])).toEqual([1, 2, 3, 4, 5]);
    expect(handshake.every((r) => r['partyToPoint'] === true)).toBe(true);
    expect(handshake[0]!['from']).toBe('2017-12-06');
    expect(handshake[3]!['otherParties']).toEqual(expect.arrayContaining(['Inera', 'SKL Kommentus']));
    expect(handshake[0]!['otherParties']).toEqual(['Regeringen']);
    expect(result.rows.some((r) => r['agreement'] === 'Digitaliseringsstudien')).toBe(true);
  });

  it('agreement-points: the handshake has five numbered points, point 4 shared with Inera and SKL Kommentus', async () => {
    const result = await run('agreement-points');
    expect(result.rows.map((r) => r['number'])).toEqual([1, 2, 3, 4, 5]);
    expect(result.rows[0]!['text']).toMatch(/^Regeringen och SKL kommer verka för att nå överenskommelser/);
    expect(result.rows[3]!['parties']).toEqual(expect.arrayContaining(['Sveriges Kommuner och Regioner', 'Inera', 'SKL Kommentus']));
    expect(result.graph.edges.filter((e) => e.type === 'HAS_POINT')).toHaveLength(5);
  });

  it('stances-of-actor: SKR supports Mina meddelanden as a first step and criticises it as it works now, in Lena Micko’s words', async () => {
    const result = await run('stances-of-actor');
    const onMina = result.rows.filter((r) => r['about'] === 'Mina meddelanden');
    expect(onMina.map((r) => r['stance'])).toEqual(expect.arrayContaining(['SUPPORTS', 'CRITICISES', 'REQUESTS']));
    const criticism = onMina.find((r) => r['stance'] === 'CRITICISES')!;
    expect(criticism['saidBy']).toBe('Lena Micko');
    expect(criticism['quotes'].join(' ')).toMatch(/inte motsvarar behoven/);
    // One `detail` key says what exactly, whatever the kind of statement; `degree` how far it goes.
    expect(criticism['detail']).toMatch(/motsvarar inte behoven/);
    expect(onMina.filter((r) => r['stance'] === 'REQUESTS').map((r) => r['detail'])).toEqual(
      expect.arrayContaining(['möjlighet till dubbelriktad kommunikation', 'att även privata utförare kan vara anslutna']),
    );
    expect(onMina.find((r) => r['stance'] === 'SUPPORTS')!['degree']).toBe('ett bra första steg för att gå över till digital kommunikation');
    expect(result.rows.map((r) => r['date'])).toEqual([...result.rows.map((r) => r['date'])].sort());

    const onlyCriticism = await run('stances-of-actor', { stances: ['CRITICISES'] });
    expect(onlyCriticism.rows.length).toBeGreaterThan(0);
    expect(onlyCriticism.rows.every((r) => r['stance'] === 'CRITICISES')).toBe(true);
  });

  it('articles-mentioning-both: SKR and Regeringen appear together in the handshake and digitalisation-study articles', async () => {
    const result = await run('articles-mentioning-both');
    expect(result.rows.map((r) => r['articleId'])).toEqual(['article-001', 'article-003']);
    expect(result.rows[0]!['firstAs']).toEqual(['SKL']);
    const micko = await run('articles-mentioning-both', { first: 'person-lena-micko', second: 'actor-skr' });
    expect(micko.rows.map((r) => r['articleId'])).toEqual(['article-000', 'article-001']);
  });

  it('most-connected-actors: SKR is the most connected actor, Digg second', async () => {
    const result = await run('most-connected-actors', { limit: 3 });
    expect(result.rows).toHaveLength(3);
    expect(result.rows.slice(0, 2).map((r) => r['id'])).toEqual(['actor-skr', 'actor-digg']);
    expect(result.rows[0]!['articles']).toBeGreaterThanOrEqual(4);
  });

  it('timeline: facts come in date order; Digg is established on 1 September 2018 and SKR takes its name on 27 November 2019', async () => {
    const all = await run('timeline');
    const dates = all.rows.map((r) => r['date']);
    expect(dates).toEqual([...dates].sort());
    expect(all.rows).toContainEqual(expect.objectContaining({ date: '2019-11-27', fact: 'NAMED', object: 'Sveriges Kommuner och Regioner', dated: 'effective' }));

    const autumn2018 = await run('timeline', { from: '2018-09-01', to: '2018-09-01', types: ['ESTABLISHED'] });
    expect(autumn2018.rows).toEqual([expect.objectContaining({ subject: 'Regeringen', fact: 'ESTABLISHED', object: 'Myndigheten för digital förvaltning' })]);
  });

  it('who-leads-what: Bengt Kjellson chairs the organisation committee, Anna Eriksson heads Digg, Lena Micko chairs SKL', async () => {
    const result = await run('who-leads-what');
    const rows = result.rows.map((r) => `${r['person']} | ${r['title']} | ${r['organisation']}`);
    expect(rows).toEqual(
      expect.arrayContaining([
        'Bengt Kjellson | ordförande | Organisationskommittén för den nya myndigheten',
        'Bengt Kjellson | generaldirektör | Lantmäteriet',
        'Anna Eriksson | generaldirektör | Myndigheten för digital förvaltning',
        'Lena Micko | ordförande | Sveriges Kommuner och Regioner',
        'Ardalan Shekarabi | civilminister | Regeringen',
      ]),
    );
    const chairs = await run('who-leads-what', { kinds: 'chair' });
    expect(chairs.rows.map((r) => r['person']).sort()).toEqual(['Bengt Kjellson', 'Lena Micko']);
  });

  it('shortest-chain: KommITS reaches Regeringen in two steps through the digitalisation study', async () => {
    const result = await run('shortest-chain');
    expect(result.rows[0]).toMatchObject({ steps: 2, through: ['KommITS', 'Digitaliseringsstudien', 'Regeringen'], facts: ['PARTY_TO', 'PARTY_TO'] });
    expect(nodeIds(result).sort()).toEqual(['actor-kommits', 'actor-regeringen', 'agreement-digitaliseringsstudien']);
    expect(result.graph.edges).toHaveLength(2);

    const chain = await run('shortest-chain', { from: 'actor-lantmateriet', to: 'actor-digg' });
    expect(chain.rows[0]!['through']).toContain('Bengt Kjellson');
    expect(chain.rows[0]!['facts']).not.toContain('MENTIONS');
  });

  it('single-article-organisations: Lantmäteriet, Inera and SKL Kommentus appear only in the handshake article; SKR and Digg are not listed', async () => {
    const result = await run('single-article-organisations');
    const byName = new Map(result.rows.map((r) => [r['organisation'], r]));
    for (const name of ['Lantmäteriet', 'Inera', 'SKL Kommentus']) expect(byName.get(name)?.['articleId']).toBe('article-001');
    expect(byName.get('Bredbandsforum')?.['articleId']).toBe('article-003');
    expect(byName.has('Sveriges Kommuner och Regioner')).toBe(false);
    expect(byName.has('Myndigheten för digital förvaltning')).toBe(false);
    const companies = await run('single-article-organisations', { kinds: ['company'] });
    expect(companies.rows.map((r) => r['organisation']).sort()).toEqual(['Inera', 'SKL Kommentus']);
  });

  it('quotes-of-person: Lena Micko is quoted in June and December 2017, saying the parties must agree on priorities', async () => {
    const result = await run('quotes-of-person');
    expect(result.rows.map((r) => r['published'])).toEqual(['2017-06-14', '2017-12-06']);
    expect(result.rows[1]!['quotes']).toContain('Vi behöver vara överens om prioriteringar i arbetet');
    expect(result.rows[0]!['quoteCount']).toBeGreaterThanOrEqual(3);
    expect(result.rows[0]!['statements'].length).toBeGreaterThan(0);
    const eriksson = await run('quotes-of-person', { person: 'person-anna-eriksson' });
    expect(eriksson.rows.map((r) => r['published'])).toEqual(['2024-07-25']);
  });

  it('graph-as-of: in mid-2018 the association is SKL and Digg does not exist yet; in mid-2020 it is SKR and Digg is there', async () => {
    const mid2018 = await run('graph-as-of', { asOf: '2018-06-01' });
    const names2018 = new Set(mid2018.rows.flatMap((r) => [r['subject'], r['object']]));
    expect(names2018.has('SKL')).toBe(true);
    expect(names2018.has('SKR')).toBe(false);
    expect(nodeIds(mid2018)).not.toContain('actor-digg');
    expect(mid2018.rows.every((r) => r['since'] <= '2018-06-01')).toBe(true);

    const mid2020 = await run('graph-as-of', { asOf: '2020-06-01' });
    const names2020 = new Set(mid2020.rows.flatMap((r) => [r['subject'], r['object']]));
    expect(names2020.has('SKR')).toBe(true);
    expect(names2020.has('SKL')).toBe(false);
    expect(mid2020.rows).toContainEqual(expect.objectContaining({ subject: 'Regeringen', fact: 'ESTABLISHED', object: 'Myndigheten för digital förvaltning' }));
  });

  it('names-over-time: SKL until 27 November 2019, SKR from then on', async () => {
    const result = await run('names-over-time');
    expect(result.rows.map((r) => [r['short'], r['validFrom'], r['validTo']])).toEqual([
      ['SKL', null, '2019-11-27'],
      ['SKR', '2019-11-27', null],
    ]);
  });

  it('facts-in-article: the handshake article states the parties to the handshake, in text order', async () => {
    const result = await run('facts-in-article');
    const starts = result.rows.map((r) => r['start']);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(result.rows).toContainEqual(expect.objectContaining({ subject: 'Regeringen', fact: 'PARTY_TO', object: 'Handslag för fördjupad digital samverkan' }));
    expect(result.rows.every((r) => typeof r['quote'] === 'string' && r['quote'].length > 0)).toBe(true);
  });

  it('topics-by-attention: ranked by the number of actors taking a position; SKL takes four on Mina meddelanden', async () => {
    const result = await run('topics-by-attention');
    const counts = result.rows.map((r) => r['actorCount']);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(result.rows).toContainEqual(expect.objectContaining({ topic: 'Mina meddelanden', actorCount: 1, positions: 4 }));
  });

  it('every library query answers rows and a graph to draw with its default parameters, and each has a test above', async () => {
    const specificallyTested = new Set(covered);
    for (const query of loadLibrary()) {
      const result = await run(query.name);
      expect(result.rowCount, query.name).toBeGreaterThan(0);
      expect(result.graph.nodes.length, query.name).toBeGreaterThan(0);
      expect(result.queryType).toBe('r');
      expect(result.truncated).toBe(false);
      const ids = new Set(result.graph.nodes.map((n) => n.id));
      for (const edge of result.graph.edges) expect(ids.has(edge.source) && ids.has(edge.target), `${query.name}: ${edge.id}`).toBe(true);
    }
    const library = loadLibrary().map((q) => q.name);
    const tested = library.filter((name) => specificallyTested.has(name));
    expect(tested.sort()).toEqual(library.sort());
  });
});
