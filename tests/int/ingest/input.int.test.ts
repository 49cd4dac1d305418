import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_ARTICLE_BYTES } from '../../../contract/ingest';
import { seedCorpus, startExplorer, type Explorer } from '../api/harness';
import { graphState, request } from './support';

/**
 * Issue 12: bad input to POST /api/ingest/proposals and /api/ingest/convert answers 400 with a message that says
 * what to fix, and writes nothing (no draft, no node, no relationship).
 */

let api: Explorer;
let before: Awaited<ReturnType<typeof graphState>>;

beforeAll(async () => {
  await seedCorpus();
  api = await startExplorer();
  before = await graphState();
});
afterAll(async () => api?.close());

const TITLE = 'En artikel';

async function expectRefused(answer: { status: number; body: any }, status: number, message: RegExp, parameter?: string): Promise<void> {
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  expect(answer.body.error.message).toMatch(message);
  if (parameter) expect(answer.body.error.details.map((d: { parameter: string }) => d.parameter)).toContain(parameter);
  expect(await graphState(), 'a refused request writes nothing').toEqual(before);
}

describe('POST /api/ingest/proposals refuses what cannot be an article', () => {
  it('refuses an empty text, and one of only white space', async () => {
    await expectRefused(await api.post('/api/ingest/proposals', { title: TITLE, text: '' }), 400, /body field "text": the article text is empty/, 'text');
    await expectRefused(await api.post('/api/ingest/proposals', { title: TITLE, text: ' \n\t\n ' }), 400, /the article text is empty: paste the article, or upload/, 'text');
  });

  it('refuses a text over 1 MB of UTF-8, counting bytes rather than characters', async () => {
    // 500 001 characters, but "å" takes two bytes: 1 000 002 bytes.
    const text = 'å'.repeat(MAX_ARTICLE_BYTES / 2 + 1);
    expect(text.length).toBeLessThan(MAX_ARTICLE_BYTES);
    await expectRefused(await api.post('/api/ingest/proposals', { title: TITLE, text }), 400, /1,000,002 bytes of UTF-8; an article may be at most 1,000,000 bytes/, 'text');
  });

  it('answers 413 for a body far over what the ingest routes read, naming the limit', async () => {
    const answer = await api.post('/api/ingest/proposals', { title: TITLE, text: 'x'.repeat(9 * 1024 * 1024) });
    expect(answer.status).toBe(413);
    expect(answer.body.error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', message: 'The request body is larger than 8 MB.' });
    expect(await graphState()).toEqual(before);
  });

  it('refuses binary content: a NUL byte, or another control character, with where it is', async () => {
    await expectRefused(await api.post('/api/ingest/proposals', { title: TITLE, text: 'PK\u0003\u0004 zip' }), 400, /control character U\+0003 at line 1, column 3 .*binary file/, 'text');
    await expectRefused(await api.post('/api/ingest/proposals', { title: TITLE, text: 'Rad ett\nRad två\u0000' }), 400, /U\+0000 at line 2, column 8/, 'text');
    await expectRefused(await api.post('/api/ingest/proposals', { title: TITLE, text: 'Ding\u0007' }), 400, /U\+0007/, 'text');
  });

  it('takes tabs, line breaks, carriage returns and form feeds as text', async () => {
    const text = `Rubrik\r\n\tIndrag\fNästa sida, unik ${Date.now()}`;
    const answer = await api.post('/api/ingest/proposals', { title: 'Rubrik', text });
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    expect(answer.body.text).toBe(text);
    expect((await request(api, 'DELETE', `/api/ingest/proposals/${answer.body.id}`)).status).toBe(204);
    expect(await graphState()).toEqual(before);
  });

  it('refuses text that is not valid Unicode (a lone surrogate in the JSON string)', async () => {
    const body = `{"title":"${TITLE}","text":"Trasig \\ud800 text"}`;
    await expectRefused(await request(api, 'POST', '/api/ingest/proposals', body), 400, /not valid Unicode: a lone surrogate U\+D800 at line 1, column 8/, 'text');
    const low = `{"title":"${TITLE}","text":"Trasig \\udc00"}`;
    await expectRefused(await request(api, 'POST', '/api/ingest/proposals', low), 400, /lone surrogate U\+DC00/, 'text');
  });

  it('refuses a body that is not valid UTF-8 instead of replacing the bad bytes', async () => {
    // "Malmö" in Latin-1: ö is the single byte 0xF6, which UTF-8 does not allow there.
    const latin1 = Buffer.concat([Buffer.from(`{"title":"${TITLE}","text":"Malm`), Buffer.from([0xf6]), Buffer.from('"}')]);
    await expectRefused(await request(api, 'POST', '/api/ingest/proposals', latin1), 400, /The request body is not valid UTF-8/);
  });

  it('names each missing or malformed field', async () => {
    await expectRefused(await api.post('/api/ingest/proposals', { text: 'Hej' }), 400, /body field "title"/, 'title');
    await expectRefused(await api.post('/api/ingest/proposals', { title: '  ', text: 'Hej' }), 400, /give the article a title/, 'title');
    await expectRefused(await api.post('/api/ingest/proposals', { title: TITLE, text: 'Hej', published: '2017-02-30' }), 400, /body field "published"/, 'published');
    await expectRefused(await api.post('/api/ingest/proposals', { title: TITLE, text: 'Hej', url: 'javascript:alert(1)' }), 400, /body field "url"/, 'url');
    await expectRefused(await api.post('/api/ingest/proposals', { title: TITLE, text: 'Hej', author: 'x' }), 400, /author/);
    await expectRefused(await request(api, 'POST', '/api/ingest/proposals', '{"title": "x", "text": '), 400, /not valid JSON/);
  });
});

describe('drafts by id', () => {
  it('answers 404 for an unknown draft on GET, DELETE and accept, and 400 for a malformed id', async () => {
    const id = 'draft-00000000-0000-4000-8000-000000000000';
    for (const [method, path, body] of [
      ['GET', `/api/ingest/proposals/${id}`, undefined],
      ['DELETE', `/api/ingest/proposals/${id}`, undefined],
      ['POST', `/api/ingest/proposals/${id}/accept`, '{}'],
    ] as const) {
      const answer = await request(api, method, path, body);
      expect(answer.status, `${method} ${path}`).toBe(404);
      expect(answer.body.error.code).toBe('NOT_FOUND');
      expect(answer.body.error.message).toContain(id);
    }
    const malformed = await api.get('/api/ingest/proposals/article-001');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.message).toMatch(/path parameter "id": a draft id such as "draft-…"/);
    expect(await graphState()).toEqual(before);
  });
});

describe('POST /api/ingest/convert', () => {
  it('turns HTML into text with its headline as the title and the date the page states', async () => {
    const html = `<!doctype html><html><head><title>Nyhet | Sajten</title><script>var tracking = 1;</script><style>p { color: red }</style></head>
      <body><h1>Ny myndighet &amp; nya uppdrag</h1><p class="meta">Publicerad: 6 december 2017</p>
      <p>Första stycket med <a href="https://example.org/x">en länk</a> och <b>fetstil</b>.</p><ul><li>en punkt</li></ul><img src="a.png" alt="bild"></body></html>`;
    const answer = await api.post('/api/ingest/convert', { format: 'html', content: html });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body.title).toBe('Ny myndighet & nya uppdrag');
    expect(answer.body.text).toMatch(/^Ny myndighet & nya uppdrag\n\nPublicerad: 6 december 2017\n\nFörsta stycket med en länk och fetstil\.\n/);
    expect(answer.body.text).toContain('en punkt');
    expect(answer.body.text).not.toMatch(/tracking|color|https:|a\.png/);
    const hint = answer.body.publishedHint;
    expect(hint).toMatchObject({ date: '2017-12-06' });
    expect(answer.body.text.slice(hint.start, hint.end)).toBe(hint.quote);
  });

  it('takes Markdown without its markup, the first "# " line as the title', async () => {
    const md = '# Rubriken\n\nSidan publicerad: 2017-06-14\n\nEtt **viktigt** stycke med [länk](https://example.org) och `kod`.\n';
    const answer = await api.post('/api/ingest/convert', { format: 'md', content: md });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ title: 'Rubriken', text: 'Rubriken\n\nSidan publicerad: 2017-06-14\n\nEtt viktigt stycke med länk och kod.', publishedHint: { date: '2017-06-14' } });
  });

  it('keeps plain text exactly as it is', async () => {
    const txt = 'Rubrik på första raden\r\n\r\n  Indraget stycke.  \n';
    const answer = await api.post('/api/ingest/convert', { format: 'txt', content: txt });
    expect(answer.body).toEqual({ text: txt, title: 'Rubrik på första raden', publishedHint: null });
  });

  it('refuses an unknown format, an empty file and a binary one', async () => {
    expect((await api.post('/api/ingest/convert', { format: 'pdf', content: '%PDF-1.7' })).status).toBe(400);
    await expectRefused(await api.post('/api/ingest/convert', { format: 'txt', content: '' }), 400, /the file is empty/);
    await expectRefused(await api.post('/api/ingest/convert', { format: 'html', content: '<p> </p>' }), 400, /body field "content": the article text is empty/);
    await expectRefused(await api.post('/api/ingest/convert', { format: 'txt', content: '\u0000\u0001\u0002' }), 400, /body field "content": .*control character U\+0000/);
  });
});
