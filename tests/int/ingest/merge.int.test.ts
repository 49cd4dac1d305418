import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AcceptResult, Proposal } from '../../../contract/ingest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportSources, writeSeedDirectory } from '../../../server/seed/export';
import { loadSeedDirectory } from '../../../server/seed/load';
import { readCorpus } from '../../../server/seed/validate';
import { snapshot } from '../../support/graphSnapshot';
import { getTestDatabase, getTestDriver, resetDatabase } from '../../support/neo4j';
import { seedCorpus, startExplorer, type Explorer } from '../api/harness';

/**
 * Issue 12 with the seed's rule "one statement, one fact with several pieces of evidence": an accepted fact the
 * graph already states (Lena Micko holds the chair of SKL) gains the new article's evidence instead of a second
 * relationship. The reviewer's headline stands even where the pasted text does not repeat it.
 */
const TEXT = [
  'Kommunerna vill ha en gemensam digital infrastruktur',
  '',
  'Lena Micko, ordförande för SKL, presenterade på onsdagen förbundets nya handlingsplan för digitalisering.',
  '',
  '– Kommuner och regioner kan inte bygga allt själva, säger Lena Micko.',
].join('\n');

let api: Explorer;
let draft: Proposal;
let result: AcceptResult;

const relationships = async (type: string, from: string, to: string) =>
  (await getTestDatabase().read(`MATCH (a {id: $from})-[r]->(b {id: $to}) WHERE type(r) = $type RETURN r.id AS id, r.evidenceArticles AS articles`, { type, from, to })).records.map((r) => ({
    id: String(r.get('id')),
    articles: r.get('articles') as string[],
  }));

beforeAll(async () => {
  await seedCorpus();
  api = await startExplorer();
  const answer = await api.post<Proposal>('/api/ingest/proposals', { title: 'SKL vill ha gemensam infrastruktur', text: TEXT, published: '2018-03-14' });
  expect(answer.status, JSON.stringify(answer.body).slice(0, 400)).toBe(201);
  draft = answer.body;
});
afterAll(async () => api?.close());

describe('accepting a fact the graph already has', () => {
  let known: { type: string; from: string; to: string; key: string } | undefined;

  beforeAll(async () => {
    for (const f of draft.facts) {
      if (f.from.startsWith('new-') || f.to.startsWith('new-') || f.to === 'article') continue;
      if ((await relationships(f.type, f.from, f.to)).length === 1) known = { type: f.type, from: f.from, to: f.to, key: f.key };
    }
    const answer = await api.post<AcceptResult>(`/api/ingest/proposals/${draft.id}/accept`, {
      facts: draft.facts.map((f) => ({ key: f.key, action: 'accept' })),
      entities: draft.entities.map((e) => ({ key: e.key, action: 'reject' })),
    });
    expect(answer.status, JSON.stringify(answer.body).slice(0, 600)).toBe(201);
    result = answer.body;
  });

  it('finds in the text a statement the seed already holds (her chair of SKL)', () => {
    expect(known, JSON.stringify(draft.facts.map((f) => [f.type, f.from, f.to]))).toMatchObject({ type: 'HOLDS', from: 'person-lena-micko' });
  });

  it('adds the new article as evidence to the existing fact instead of writing a second one', async () => {
    const rels = await relationships(known!.type, known!.from, known!.to);
    expect(rels).toHaveLength(1);
    expect(rels[0]!.articles).toContain(result.articleId);
    expect(rels[0]!.articles.length).toBeGreaterThan(1);
    expect(result.facts).toContainEqual({ key: known!.key, id: rels[0]!.id });
  });

  it('keeps the reviewer\'s headline though the text does not contain it', async () => {
    const article = await api.get(`/api/articles/${result.articleId}`);
    expect(article.status).toBe(200);
    expect(article.body.article.title).toBe('SKL vill ha gemensam infrastruktur');
  });
});

describe('the graph with a reviewed article, exported and loaded again', () => {
  it('is the same graph: the new article, its mentions, and the older fact with its added evidence', async () => {
    const before = await snapshot();
    const dir = await mkdtemp(join(tmpdir(), 'export-reviewed-'));
    try {
      await writeSeedDirectory(await exportSources(getTestDriver()), dir);
      await readCorpus(dir);
      await resetDatabase();
      await loadSeedDirectory(getTestDriver(), dir);
      expect(await snapshot()).toEqual(before);
      expect(before.nodes.some((n) => n.includes(result.articleId))).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
