import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Proposal } from '../../../contract/ingest';
import { seedCorpus, startExplorer, type Explorer } from '../api/harness';
import { graphState, newArticle, request, seedText } from './support';

/**
 * Issue 12: the same text a second time is refused with a link to what holds it (the article, or the draft);
 * a near-duplicate (the same title and date, or mostly the same text) is flagged in the proposal.
 */

let api: Explorer;

beforeAll(async () => {
  await seedCorpus();
  api = await startExplorer();
});
afterAll(async () => api?.close());

describe('the same text twice', () => {
  it('refuses the text of a seeded article with 409 DUPLICATE_ARTICLE naming the article to open', async () => {
    const before = await graphState();
    const answer = await api.post('/api/ingest/proposals', { title: 'Handslag igen', text: seedText('001_6a08060631717b97.txt') });
    expect(answer.status).toBe(409);
    expect(answer.body.error).toMatchObject({ code: 'DUPLICATE_ARTICLE', details: { articleId: 'article-001', title: 'Handslag för fördjupad digital samverkan' } });
    expect(answer.body.error.message).toContain('article-001');
    // The id in the details opens the article.
    expect((await api.get(`/api/articles/${answer.body.error.details.articleId}`)).status).toBe(200);
    expect(await graphState()).toEqual(before);
  });

  it('refuses a text that is already a draft with 409 DUPLICATE_DRAFT naming the draft, whatever its title', async () => {
    const { title, text } = newArticle({ first: 'Karin', last: 'Bergqvist' }, 'dubbletter');
    const first = await api.post<Proposal>('/api/ingest/proposals', { title, text });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const before = await graphState();

    const second = await api.post('/api/ingest/proposals', { title: 'En annan rubrik', text });
    expect(second.status).toBe(409);
    expect(second.body.error).toMatchObject({ code: 'DUPLICATE_DRAFT', details: { draftId: first.body.id } });
    expect((await api.get(`/api/ingest/proposals/${second.body.error.details.draftId}`)).body.text).toBe(text);
    expect(await graphState()).toEqual(before);

    // Once discarded, the text can be added again.
    expect((await request(api, 'DELETE', `/api/ingest/proposals/${first.body.id}`)).status).toBe(204);
    const again = await api.post<Proposal>('/api/ingest/proposals', { title, text });
    expect(again.status).toBe(201);
    expect(again.body.id).not.toBe(first.body.id);
    await request(api, 'DELETE', `/api/ingest/proposals/${again.body.id}`);
  });

  it('refuses one of two identical submissions sent at the same moment', async () => {
    const { title, text } = newArticle({ first: 'Maria', last: 'Sandström' }, 'samtidighet');
    const answers = await Promise.all([api.post('/api/ingest/proposals', { title, text }), api.post('/api/ingest/proposals', { title, text })]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    expect((await graphState()).drafts).toBe(1);
    const created = answers.find((a) => a.status === 201)!;
    await request(api, 'DELETE', `/api/ingest/proposals/${created.body.id}`);
  });
});

describe('near-duplicates are flagged, not refused', () => {
  it('flags mostly the same text (a seeded article with a sentence changed) with its similarity', async () => {
    const seeded = seedText('002_298a82d2cd0f1e95.txt');
    const edited = seeded.replace('Analysen visar att Sverige ofta placerar sig bland de bästa i dessa mätningar.', 'Analysen visar att Sverige numera hamnar längre ner i dessa mätningar.');
    expect(edited).not.toBe(seeded);
    const answer = await api.post<Proposal>('/api/ingest/proposals', { title: 'Infrastrukturen igen', text: edited, published: '2020-03-18' });
    expect(answer.status, JSON.stringify(answer.body).slice(0, 300)).toBe(201);
    expect(answer.body.duplicates).toEqual([expect.objectContaining({ articleId: 'article-002', reason: 'similar-text', published: '2020-03-17' })]);
    expect(answer.body.duplicates[0]!.similarity).toBeGreaterThanOrEqual(0.6);
    expect(answer.body.duplicates[0]!.similarity).toBeLessThan(1);
    await request(api, 'DELETE', `/api/ingest/proposals/${answer.body.id}`);
  });

  it('flags the same title and date even when the text differs', async () => {
    const answer = await api.post<Proposal>('/api/ingest/proposals', {
      title: 'Handslag för fördjupad digital samverkan',
      text: 'Handslag för fördjupad digital samverkan\n\nEn helt annan text om samma sak, skriven av en annan redaktion.',
      published: '2017-12-06',
    });
    expect(answer.status).toBe(201);
    expect(answer.body.duplicates).toEqual([expect.objectContaining({ articleId: 'article-001', reason: 'same-title-date' })]);
    await request(api, 'DELETE', `/api/ingest/proposals/${answer.body.id}`);
  });

  it('flags nothing for a new article', async () => {
    const { title, text } = newArticle({ first: 'Elin', last: 'Ekholm' }, 'nya frågor');
    const answer = await api.post<Proposal>('/api/ingest/proposals', { title, text });
    expect(answer.status).toBe(201);
    expect(answer.body.duplicates).toEqual([]);
    await request(api, 'DELETE', `/api/ingest/proposals/${answer.body.id}`);
  });
});
