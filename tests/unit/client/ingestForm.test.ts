/** The add form's checks, the date read from the text, the review text's runs, and the ingest addresses. */
import { describe, expect, it } from 'vitest';
import { EMPTY_FORM, formatOf, formProblems, isIsoDate, toIngestInput, withHint } from '../../../client/src/ingest/addForm';
import { reviewRuns, trimSpan } from '../../../client/src/ingest/reviewText';
import { explorerHost, ingestHash, parseIngestHash } from '../../../client/src/ingest/route';
import type { Host } from '../../../client/src/explorer/store';

const hint = { date: '2017-12-06', quote: 'Publicerad: 6 december 2017', start: 0, end: 27 };

describe('the add form', () => {
  it('asks for a text and a title before anything is sent', () => {
    expect(formProblems(EMPTY_FORM)).toEqual({ text: 'textEmpty', title: 'titleEmpty' });
    expect(formProblems({ ...EMPTY_FORM, text: '   \n', title: 'x' })).toEqual({ text: 'textEmpty' });
  });

  it('refuses a text over 1 MB counted in UTF-8 bytes, as the server counts it', () => {
    const text = 'å'.repeat(500_001);
    expect(text.length).toBeLessThan(1_000_000);
    expect(formProblems({ ...EMPTY_FORM, title: 't', text }).text).toBe('textTooLarge');
  });

  it('takes only http(s) addresses and real dates', () => {
    const base = { ...EMPTY_FORM, title: 't', text: 'x' };
    expect(formProblems({ ...base, url: 'ftp://example.se' }).url).toBe('url');
    expect(formProblems({ ...base, url: 'example.se' }).url).toBe('url');
    expect(formProblems({ ...base, url: 'https://example.se/a' })).toEqual({});
    expect(formProblems({ ...base, published: '2017-02-30' }).published).toBe('published');
    expect(isIsoDate('2016-02-29')).toBe(true);
  });

  it('sends the text exactly as taken in and leaves empty optional fields out', () => {
    const text = '  Rubrik\r\n\r\nText med «citat».  ';
    expect(toIngestInput({ ...EMPTY_FORM, title: '  Rubrik ', text, outlet: ' ' })).toEqual({ title: 'Rubrik', text });
  });

  it('fills the date from the text unless the analyst typed one, and the title when empty', () => {
    const filled = withHint({ ...EMPTY_FORM, text: 'x' }, hint, 'Rubriken');
    expect(filled).toMatchObject({ published: '2017-12-06', hintUsed: true, title: 'Rubriken' });
    const own = withHint({ ...EMPTY_FORM, published: '2018-01-01', title: 'Egen' }, hint, 'Rubriken');
    expect(own).toMatchObject({ published: '2018-01-01', hintUsed: false, title: 'Egen', hint });
    // A date that came from an earlier hint follows the new one, and goes when the text no longer states one.
    expect(withHint(filled, null, null)).toMatchObject({ published: '', hintUsed: false });
  });

  it('knows the file kinds it takes', () => {
    expect(formatOf('artikel.HTML')).toBe('html');
    expect(formatOf('a.md')).toBe('md');
    expect(formatOf('a.txt')).toBe('txt');
    expect(formatOf('a.pdf')).toBeNull();
  });
});

describe('the review text', () => {
  it('cuts the text so that each run knows its mention, the facts whose evidence covers it, and the focus', () => {
    const text = 'Karin Lund säger hej.';
    const runs = reviewRuns(text, [{ start: 0, end: 10 }], [{ key: 'f1', span: { start: 0, end: 21 } }], [{ start: 0, end: 10 }], null);
    expect(runs.map((r) => [r.text, r.mention, r.facts, r.focus])).toEqual([
      ['Karin Lund', 0, ['f1'], true],
      [' säger hej.', null, ['f1'], false],
    ]);
    expect(runs.map((r) => r.text).join('')).toBe(text);
  });

  it('gives a run inside two mentions to the shorter one', () => {
    const runs = reviewRuns('Region Stockholm', [{ start: 0, end: 16 }, { start: 7, end: 16 }], [], [], null);
    expect(runs.map((r) => [r.text, r.mention])).toEqual([
      ['Region ', 0],
      ['Stockholm', 1],
    ]);
  });

  it('trims whitespace off a dragged selection', () => {
    expect(trimSpan('a  hej  b', { start: 1, end: 8 })).toEqual({ start: 3, end: 6 });
  });
});

describe('the ingest addresses', () => {
  it('reads #/ingest and #/ingest/<draft> and leaves explorer hashes alone', () => {
    expect(parseIngestHash('#/ingest')).toEqual({ screen: 'add' });
    expect(parseIngestHash('#/ingest/draft-abc-1')).toEqual({ screen: 'review', draftId: 'draft-abc-1' });
    expect(parseIngestHash('#sel=person-lena-micko')).toBeNull();
    expect(parseIngestHash('')).toBeNull();
    expect(parseIngestHash('#/ingestion')).toBeNull();
    expect(ingestHash({ screen: 'review', draftId: 'draft-x' })).toBe('#/ingest/draft-x');
  });

  it('hides an ingest address from the explorer: it neither reads nor overwrites it, and hears only its own changes', () => {
    let hash = '#sel=actor-digg';
    const writes: string[] = [];
    let onUrl: () => void = () => undefined;
    const inner: Host = {
      location: () => ({ pathname: '/', search: '', hash }),
      push: (u) => writes.push(`push ${u}`),
      replace: (u) => writes.push(`replace ${u}`),
      listen: (cb) => ((onUrl = cb), () => undefined),
      width: 1280,
    };
    const host = explorerHost(inner);
    let heard = 0;
    host.listen(() => heard++);
    expect(host.location().hash).toBe('#sel=actor-digg');
    hash = '#/ingest/draft-1';
    onUrl();
    expect(heard).toBe(0);
    expect(host.location().hash).toBe('#sel=actor-digg');
    host.replace('/#');
    host.push('/#nodes=x');
    expect(writes).toEqual([]);
    // Back to the explorer: the store hears it and may write again.
    hash = '#sel=actor-digg';
    onUrl();
    expect(heard).toBe(1);
    host.replace('/#sel=actor-skr');
    expect(writes).toEqual(['replace /#sel=actor-skr']);
  });
});
