import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArticleSearchResponse, SearchResponse } from '../../../contract/explore';
import { seedCorpus, startExplorer, type Explorer } from './harness';

describe('GET /api/search and /api/search/articles on the seeded corpus', () => {
  let api: Explorer;

  beforeAll(async () => {
    await seedCorpus();
    api = await startExplorer();
  });
  afterAll(async () => api?.close());

  const topHit = async (q: string, extra = '') => {
    const { status, body } = await api.get<SearchResponse>(`/api/search?q=${encodeURIComponent(q)}${extra}`);
    expect(status).toBe(200);
    return body.hits[0];
  };

  it('finds Lantmäteriet when the accents are left out', async () => {
    expect(await topHit('lantmateriet')).toMatchObject({ id: 'actor-lantmateriet', name: 'Lantmäteriet', labels: expect.arrayContaining(['Actor']), kind: 'agency' });
  });

  it('finds the same actor for "skr" and "skl", whatever the case', async () => {
    expect((await topHit('skr'))?.id).toBe('actor-skr');
    expect((await topHit('SKL'))?.id).toBe('actor-skr');
    expect((await topHit('Sveriges Kommuner och Landsting'))?.id).toBe('actor-skr');
  });

  it('finds Lena Micko by her surname alone', async () => {
    expect(await topHit('micko')).toMatchObject({ id: 'person-lena-micko', name: 'Lena Micko' });
  });

  it('completes prefixes: "digg", "Myndigheten för dig" and "lantm" find their actors', async () => {
    expect((await topHit('digg'))?.id).toBe('actor-digg');
    expect((await topHit('Myndigheten för dig'))?.id).toBe('actor-digg');
    expect((await topHit('lantm'))?.id).toBe('actor-lantmateriet');
  });

  it('answers a two-letter prefix, ranking the actor whose short name it starts first', async () => {
    expect((await topHit('sk'))?.id).toBe('actor-skr');
  });

  it('tolerates a one-letter typo in a long word', async () => {
    expect((await topHit('Lantmäterit'))?.id).toBe('actor-lantmateriet');
  });

  it('restricts hits to the given labels', async () => {
    const { body } = await api.get<SearchResponse>('/api/search?q=skr&labels=Role');
    expect(body.hits.length).toBeGreaterThan(0);
    expect(body.hits.every((h) => h.labels.includes('Role'))).toBe(true);
    expect(body.hits.map((h) => h.id)).toContain('role-skr-chef-avdelningen-for-digitalisering');
  });

  it('treats Lucene syntax in the text as plain characters instead of failing', async () => {
    for (const q of ['"[(*', 'skr AND', 'OR', 'a:b~2^3', '\\']) {
      const res = await api.get<SearchResponse>(`/api/search?q=${encodeURIComponent(q)}`);
      expect(res.status, q).toBe(200);
      expect(Array.isArray(res.body.hits)).toBe(true);
    }
  });

  it('returns the 2017 handshake article for "handslag", with the passage and offsets into its text', async () => {
    const { status, body } = await api.get<ArticleSearchResponse>('/api/search/articles?q=handslag');
    expect(status).toBe(200);
    const hit = body.hits[0]!;
    expect(hit).toMatchObject({ articleId: 'article-001', title: 'Handslag för fördjupad digital samverkan', published: '2017-12-06' });
    expect(hit.passages.map((p) => p.text)).toContain('Med ett handslag enades SKL och regeringen om en djupare samverkan för att ytterligare öka takten i offentlig sektors digitalisering.');
    const article = (await api.get(`/api/articles/${hit.articleId}`)).body.article;
    for (const p of hit.passages) {
      expect(article.text.slice(p.start, p.end)).toBe(p.text);
      for (const m of p.matches) expect(article.text.slice(m.start, m.end).toLowerCase()).toMatch(/^handslag/);
    }
  });

  it('matches inflected forms in article text ("handslaget" finds the same article)', async () => {
    const { body } = await api.get<ArticleSearchResponse>('/api/search/articles?q=handslaget');
    expect(body.hits[0]?.articleId).toBe('article-001');
  });
});
