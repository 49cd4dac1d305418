import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Proposal } from '../../../contract/ingest';
import type { QuerySummary } from '../../../contract/queries';
import { seedCorpus, startExplorer, type Explorer } from '../api/harness';
import { graphState, newArticle, request } from './support';

/**
 * Issue 12: a draft is kept until it is accepted or discarded, and never appears in the explorer: not in search,
 * the graph, the schema, the article list, node details, the timeline or the library queries.
 */

let api: Explorer;
let draft: Proposal;
// A word and a name that occur nowhere but in the draft.
const WORD = 'Kvastfeningsprojektet';
const PERSON = { first: 'Lina', last: 'Lindahl' };

beforeAll(async () => {
  await seedCorpus();
  api = await startExplorer();
  const { title, text } = newArticle(PERSON, `${WORD} och öppna data`);
  const answer = await api.post<Proposal>('/api/ingest/proposals', { title, text, outlet: 'Testbladet', url: 'https://example.org/artikel' });
  expect(answer.status, JSON.stringify(answer.body).slice(0, 500)).toBe(201);
  draft = answer.body;
});
afterAll(async () => api?.close());

describe('a draft', () => {
  it('is answered as created: the text as submitted, its fingerprint, the date the text states, who proposed it', () => {
    expect(draft.id).toMatch(/^draft-[a-z0-9-]+$/);
    expect(draft).toMatchObject({ outlet: 'Testbladet', url: 'https://example.org/artikel', published: '2026-11-03', duplicates: [] });
    expect(draft.text).toContain(WORD);
    expect(draft.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(draft.publishedHint).toMatchObject({ date: '2026-11-03', quote: expect.stringContaining('3 november 2026') });
    expect(draft.extractor).toMatch(/^rules-sv/);
    for (const m of draft.mentions) expect(draft.text.slice(m.start, m.end)).toBe(m.surface);
    for (const f of draft.facts) for (const e of f.evidence) expect(draft.text.slice(e.start, e.end)).toBe(e.quote);
  });

  it('is listed and read back as it was stored', async () => {
    const list = await api.get('/api/ingest/proposals');
    expect(list.status).toBe(200);
    expect(list.body.proposals).toEqual([{ id: draft.id, title: draft.title, published: '2026-11-03', createdAt: draft.createdAt, outlet: 'Testbladet', mentions: draft.mentions.length, facts: draft.facts.length }]);
    const one = await api.get(`/api/ingest/proposals/${draft.id}`);
    expect(one.status).toBe(200);
    expect(one.body).toEqual(draft);
  });

  it('is not found by entity search nor by article search', async () => {
    for (const q of [PERSON.last, `${PERSON.first} ${PERSON.last}`, WORD]) {
      const hits = (await api.get(`/api/search?q=${encodeURIComponent(q)}`)).body.hits;
      expect(JSON.stringify(hits), q).not.toMatch(new RegExp(`${PERSON.last}|${WORD}|${draft.id}`));
    }
    const articles = await api.get(`/api/search/articles?q=${WORD}`);
    expect(articles.status).toBe(200);
    expect(articles.body.hits).toEqual([]);
  });

  it('is not in the graph, the article list, the timeline or node details', async () => {
    const graph = await api.get('/api/graph?limit=1000');
    expect(graph.status).toBe(200);
    expect(graph.body.graph.nodes.filter((n: { labels: string[]; id: string }) => n.labels.includes('IngestDraft') || n.id === draft.id)).toEqual([]);
    expect((await api.get('/api/articles')).body.articles.map((a: { id: string }) => a.id)).not.toContain(draft.id);
    expect(JSON.stringify((await api.get('/api/time/timeline')).body)).not.toContain(draft.id);
    expect((await api.get(`/api/nodes/${draft.id}`)).status).toBe(404);
  });

  it('is not in the schema: its label is neither listed nor accepted as a filter, its own keys are not listed', async () => {
    const schema = await api.get('/api/schema');
    expect(schema.body.labels.map((l: { label: string }) => l.label)).not.toContain('IngestDraft');
    expect(schema.body.propertyKeys.filter((k: string) => k.startsWith('draft'))).toEqual([]);
    const filtered = await api.get('/api/graph?labels=IngestDraft');
    expect(filtered.status).toBe(400);
    expect(filtered.body.error.message).toMatch(/unknown label "IngestDraft"/);
  });

  it('is in no answer of the library queries', async () => {
    const { queries } = (await api.get<{ queries: QuerySummary[] }>('/api/queries')).body;
    let ran = 0;
    for (const q of queries.filter((x) => x.source === 'library')) {
      const answer = await api.post(`/api/queries/${q.name}/run`, { params: {} });
      if (answer.status !== 200) continue; // a query whose parameters have no defaults
      ran += 1;
      expect(JSON.stringify(answer.body), q.name).not.toMatch(new RegExp(`${draft.id}|${WORD}|${PERSON.last}`));
    }
    expect(ran).toBeGreaterThan(5);
  });

  it('is gone once discarded, and discarding it again answers 404', async () => {
    const before = await graphState();
    expect((await request(api, 'DELETE', `/api/ingest/proposals/${draft.id}`)).status).toBe(204);
    expect(await graphState()).toEqual({ ...before, nodes: before.nodes - 1, drafts: before.drafts - 1 });
    expect((await api.get(`/api/ingest/proposals/${draft.id}`)).status).toBe(404);
    expect((await request(api, 'DELETE', `/api/ingest/proposals/${draft.id}`)).status).toBe(404);
    expect((await api.get('/api/ingest/proposals')).body.proposals).toEqual([]);
  });
});
