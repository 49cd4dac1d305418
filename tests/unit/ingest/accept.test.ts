import { describe, expect, it } from 'vitest';
import { AcceptBody, type Proposal } from '../../../contract/ingest';
import { AcceptProblems, articleIdFor, buildAcceptance, wholeWordSpan, type AcceptGraph } from '../../../server/ingest/accept';

/** The reviewer's decisions → the seed format, without a database. */

const TEXT = 'Diggs chef Anna Berg talar. – Vi gör det, säger Anna Berg. Hon leder DIGG, skriver Per Ek.';
const at = (s: string, from = 0) => ({ start: TEXT.indexOf(s, from), end: TEXT.indexOf(s, from) + s.length, surface: s });

function draft(overrides: Partial<Proposal> = {}): Proposal {
  const quote = at('Vi gör det');
  return {
    id: 'draft-1',
    title: 'Diggs chef',
    text: TEXT,
    published: '2026-11-03',
    publishedHint: null,
    outlet: null,
    url: null,
    sha256: 'x',
    createdAt: '2026-11-03T10:00:00.000Z',
    extractor: 'test',
    duplicates: [],
    entities: [
      { key: 'new-1', name: 'Anna Berg', label: 'Person', kind: 'person', maybeSameAs: [], confidence: 0.9, rule: 't' },
      { key: 'new-2', name: 'Per Ek', label: 'Person', kind: 'person', maybeSameAs: [], confidence: 0.9, rule: 't' },
      { key: 'new-3', name: 'A. Berg', label: 'Person', kind: 'person', maybeSameAs: [], confidence: 0.5, rule: 't' },
    ],
    mentions: [
      { ...at('Digg'), entityId: 'actor-digg', newEntity: null, confidence: 0.9, rule: 't' },
      { ...at('Anna Berg'), entityId: null, newEntity: { key: 'new-1', name: 'Anna Berg', label: 'Person' }, confidence: 0.9, rule: 't' },
      { ...at('DIGG'), entityId: 'actor-digg', newEntity: null, confidence: 0.9, rule: 't' },
      { ...at('Per Ek'), entityId: null, newEntity: { key: 'new-2', name: 'Per Ek', label: 'Person' }, confidence: 0.9, rule: 't' },
    ],
    facts: [
      { key: 'fact-1', type: 'QUOTED_IN', from: 'new-1', to: 'article', properties: {}, evidence: [{ quote: quote.surface, start: quote.start, end: quote.end }], confidence: 0.9, rule: 't' },
      { key: 'fact-2', type: 'WROTE', from: 'new-2', to: 'article', properties: {}, evidence: [{ quote: 'skriver Per Ek', start: TEXT.indexOf('skriver Per Ek'), end: TEXT.indexOf('skriver Per Ek') + 14 }], confidence: 0.6, rule: 't' },
    ],
    ...overrides,
  };
}

const graph: AcceptGraph = {
  entityLabels: new Map([
    ['actor-digg', 'Actor'],
    ['person-anna-berg', 'Person'],
  ]),
  takenIds: new Set(['actor-digg', 'person-anna-berg', 'article-2026-diggs-chef']),
};
const NOW = new Date('2026-12-01T09:30:00Z');
const run = (body: unknown, d = draft()) => buildAcceptance(d, AcceptBody.parse(body), graph, NOW);
const problemsOf = (body: unknown, d = draft()): string[] => {
  try {
    run(body, d);
  } catch (err) {
    if (err instanceof AcceptProblems) return err.problems.map((p) => `${p.parameter}: ${p.message}`);
    throw err;
  }
  return [];
};

describe('buildAcceptance', () => {
  it('creates a kept person with a unique kebab id, maps "article" to the new article, and records the reviewer time', () => {
    const a = run({ facts: [{ key: 'fact-1', action: 'accept' }] });
    // person-anna-berg and the plain article id are taken: both get a suffix.
    expect(a.articleId).toBe('article-2026-diggs-chef-2');
    expect(a.file).toBe('article-2026-diggs-chef-2.txt');
    expect(a.newEntities).toEqual([{ id: 'person-anna-berg-2', label: 'Person', kind: 'person', name: 'Anna Berg', aliases: [] }]);
    expect(a.createdEntities).toEqual([{ key: 'new-1', id: 'person-anna-berg-2' }]);
    expect(a.articleFile.facts).toEqual([expect.objectContaining({ id: 'fact-2026-diggs-chef-2-1', type: 'QUOTED_IN', from: 'person-anna-berg-2', to: 'article-2026-diggs-chef-2', source: 'text' })]);
    expect(a.articleFile.article).toMatchObject({ reviewedAt: '2026-12-01T09:30:00.000Z', outlet: null, outletNote: expect.any(String), publishedNote: expect.stringMatching(/given by the reviewer/) });
    expect(a.articleFile.article).not.toHaveProperty('reviewedBy');
  });

  it('stores mentions as whole-word surfaces per entity, and leaves out new entities nothing kept', () => {
    const a = run({ facts: [{ key: 'fact-1', action: 'accept' }] });
    expect(a.articleFile.mentions).toEqual([
      { entity: 'actor-digg', surfaces: ['DIGG', 'Diggs'] },
      { entity: 'person-anna-berg-2', surfaces: ['Anna Berg'] },
    ]);
  });

  it('links a proposed entity to an existing one, and merges another into it', () => {
    const a = run({
      entities: [
        { key: 'new-1', action: 'link', entityId: 'person-anna-berg' },
        { key: 'new-3', action: 'merge', into: 'new-1' },
      ],
      facts: [{ key: 'fact-1', action: 'accept' }],
    });
    expect(a.newEntities).toEqual([]);
    expect(a.linkedEntities).toEqual([
      { key: 'new-1', id: 'person-anna-berg' },
      { key: 'new-3', id: 'person-anna-berg' },
    ]);
    expect(a.articleFile.facts[0]!.from).toBe('person-anna-berg');
  });

  it('lists the author of an accepted WROTE fact among the authors, and keeps the date evidence when the text states the date', () => {
    const hint = { date: '2026-11-03', quote: 'Hon', start: TEXT.indexOf('Hon'), end: TEXT.indexOf('Hon') + 3 };
    const a = run({ facts: [{ key: 'fact-2', action: 'accept' }] }, draft({ publishedHint: hint }));
    expect(a.articleFile.article.authors).toEqual(['person-per-ek']);
    expect(a.articleFile.article.publishedEvidence).toEqual({ quote: 'Hon', start: hint.start, end: hint.end });
    expect(a.articleFile.article).not.toHaveProperty('publishedNote');
  });

  it('takes the reviewer’s evidence as the words at the selected span', () => {
    const span = at('säger Anna Berg');
    const a = run({ facts: [{ key: 'fact-1', action: 'accept', evidence: [{ start: span.start, end: span.end }] }] });
    expect(a.articleFile.facts[0]!.evidence).toEqual([{ quote: 'säger Anna Berg', start: span.start, end: span.end }]);
  });

  it('refuses a kind the label does not have, a missing date, and a surface linked to two entities', () => {
    expect(problemsOf({ entities: [{ key: 'new-1', action: 'create', label: 'Actor' }] })).toEqual([expect.stringMatching(/^entities.0.kind: "person" is not a kind of Actor; choose one of association/)]);
    expect(problemsOf({ facts: [{ key: 'fact-1', action: 'accept' }] }, draft({ published: null }))).toEqual(['article.published: the draft has no publication date and the text states none; give it as YYYY-MM-DD']);
    // The second "Anna Berg" is proposed as the existing person, the first as a new one the reviewer keeps.
    const second = { ...at('Anna Berg', TEXT.indexOf('säger')), entityId: 'person-anna-berg', newEntity: null, confidence: 0.8, rule: 't' };
    const twoAnnas = draft({ mentions: [...draft().mentions, second] });
    expect(problemsOf({ entities: [{ key: 'new-1', action: 'create' }] }, twoAnnas)).toEqual([expect.stringMatching(/^mentions: "Anna Berg" is linked to both "person-anna-berg-2" and "person-anna-berg"; .*reject the mentions of one of them/)]);
  });

  it('refuses merges that go round in a circle', () => {
    expect(
      problemsOf({
        entities: [
          { key: 'new-1', action: 'merge', into: 'new-3' },
          { key: 'new-3', action: 'merge', into: 'new-1' },
        ],
      }),
    ).toEqual(expect.arrayContaining([expect.stringMatching(/goes round in a circle/)]));
  });
});

describe('articleIdFor', () => {
  it('is article-<year>-<slug>, at most 60 characters, suffixed when taken', () => {
    const long = articleIdFor('Regeringen ger Myndigheten för digital förvaltning i uppdrag att samordna allt', '2024-07-25', () => false);
    expect(long.length).toBeLessThanOrEqual(60);
    // Cut at the last whole word that fits.
    expect(long).toBe('article-2024-regeringen-ger-myndigheten-for-digital');
    const taken = new Set([long]);
    const next = articleIdFor('Regeringen ger Myndigheten för digital förvaltning i uppdrag att samordna allt', '2024-07-25', (id) => taken.has(id));
    expect(next.length).toBeLessThanOrEqual(60);
    expect(next).toMatch(/-2$/);
  });
});

describe('wholeWordSpan', () => {
  it('widens a span to whole words, and leaves a whole word as it is', () => {
    const text = 'Diggs uppdrag';
    expect(wholeWordSpan(text, 0, 4)).toEqual({ start: 0, end: 5 });
    expect(wholeWordSpan(text, 6, 13)).toEqual({ start: 6, end: 13 });
  });
});
