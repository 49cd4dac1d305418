/** The review's decisions as plain data, and what they become when the reviewer presses "Godkänn". */
import { describe, expect, it } from 'vitest';
import type { Proposal } from '../../../contract/ingest';
import { FACT_TYPES } from '../../../contract/model';
import { allowedTypes, factProblem, focusedItem, initialReview, items, itemSpans, mentionMark, progress, refLabel, reviewReducer, toAcceptBody, type ReviewAction, type ReviewState } from '../../../client/src/ingest/review';

const TEXT = '– Vi måste samarbeta mer, säger Karin Lund, generaldirektör på DIGG. Hon talade med SKL om Karins plan.';
const at = (s: string, from = 0) => {
  const start = TEXT.indexOf(s, from);
  if (start < 0) throw new Error(`"${s}" is not in the text`);
  return { start, end: start + s.length };
};

/** A draft as the extractor would propose it: a new person and a new role, a link to DIGG, an ambiguous "SKL", two facts. */
function proposal(): Proposal {
  const karin = at('Karin Lund');
  const digg = at('DIGG');
  const skl = at('SKL');
  const role = at('generaldirektör på DIGG');
  const quote = at('– Vi måste samarbeta mer');
  const karins = at('Karins');
  return {
    id: 'draft-test-1',
    title: 'Karin Lund om samarbete',
    text: TEXT,
    published: '2026-11-30',
    publishedHint: null,
    outlet: 'Testtidningen',
    url: null,
    sha256: 'x',
    createdAt: '2026-12-01T10:00:00Z',
    extractor: 'rules-sv@1',
    duplicates: [],
    entities: [
      { key: 'new-2', name: 'generaldirektör vid DIGG', label: 'Role', kind: 'director-general', title: 'generaldirektör', maybeSameAs: [], confidence: 0.9, rule: 'titel-på-org' },
      { key: 'new-1', name: 'Karin Lund', label: 'Person', kind: 'person', maybeSameAs: [], confidence: 0.95, rule: 'säger-namn' },
      { key: 'new-3', name: 'Karin', label: 'Person', kind: 'person', maybeSameAs: [{ id: 'person-karin-x', name: 'Karin X', label: 'Person', score: 0.9 }], confidence: 0.9, rule: 'förnamn' },
    ],
    mentions: [
      { ...karin, surface: 'Karin Lund', entityId: null, newEntity: { key: 'new-1', name: 'Karin Lund', label: 'Person' }, confidence: 0.95, rule: 'säger-namn' },
      { ...digg, surface: 'DIGG', entityId: 'actor-digg', newEntity: null, confidence: 0.99, rule: 'alias' },
      {
        ...skl,
        surface: 'SKL',
        entityId: null,
        newEntity: null,
        ambiguous: [
          { id: 'actor-skr', name: 'Sveriges Kommuner och Landsting', label: 'Actor', score: 0.6 },
          { id: 'actor-skl-lab', name: 'Statens kriminaltekniska laboratorium', label: 'Actor', score: 0.4 },
        ],
        confidence: 0.5,
        rule: 'akronym',
      },
      { ...karins, surface: 'Karins', entityId: null, newEntity: { key: 'new-3', name: 'Karin', label: 'Person' }, confidence: 0.6, rule: 'förnamn' },
    ],
    facts: [
      { key: 'f-holds', type: 'HOLDS', from: 'new-1', to: 'new-2', properties: {}, evidence: [{ quote: TEXT.slice(role.start, role.end), ...role }], confidence: 0.8, rule: 'namn-titel' },
      { key: 'f-quote', type: 'QUOTED_IN', from: 'new-1', to: 'article', properties: {}, evidence: [{ quote: TEXT.slice(quote.start, quote.end), ...quote }], confidence: 0.92, rule: 'citat-säger' },
      { key: 'f-at', type: 'AT', from: 'new-2', to: 'actor-digg', properties: {}, evidence: [{ quote: TEXT.slice(role.start, role.end), ...role }], confidence: 0.9, rule: 'titel-på-org' },
    ],
  };
}

const run = (s: ReviewState, ...actions: ReviewAction[]) => actions.reduce(reviewReducer, s);
const entity = (key: string) => ({ kind: 'entity' as const, key });
const fact = (key: string) => ({ kind: 'fact' as const, key });

describe('a fresh review', () => {
  it('decides nothing: accepting it at once writes no fact and no new entity', () => {
    const body = toAcceptBody(initialReview(proposal()));
    expect(body.facts).toEqual([]);
    expect(body.mentions).toEqual([]);
    expect(body.entities).toEqual([
      { key: 'new-2', action: 'reject' },
      { key: 'new-1', action: 'reject' },
      { key: 'new-3', action: 'reject' },
    ]);
    expect(body.article).toBeUndefined();
  });

  it('steps through the new entities in reading order, then the undecided mentions, then the facts by their evidence', () => {
    const s = initialReview(proposal());
    expect(items(s)).toEqual([entity('new-1'), entity('new-2'), entity('new-3'), { kind: 'mention', index: 2 }, fact('f-quote'), fact('f-holds'), fact('f-at')]);
    expect(focusedItem(s)).toEqual(entity('new-1'));
    expect(itemSpans(s, entity('new-1'))).toEqual([at('Karin Lund')]);
  });

  it('knows the label of an existing entity from its id and of the article as an end', () => {
    const s = initialReview(proposal());
    expect(refLabel(s, 'actor-digg')).toBe('Actor');
    expect(refLabel(s, 'article')).toBe('Article');
    expect(refLabel(s, 'new-2')).toBe('Role');
  });
});

describe('the decisions sent on accept', () => {
  it('accepting the quote fact also creates its undecided person, and sends only what changed', () => {
    const s = run(initialReview(proposal()), { type: 'accept', item: fact('f-quote') });
    const body = toAcceptBody(s);
    expect(body.facts).toEqual([{ key: 'f-quote', action: 'accept' }]);
    expect(body.entities).toContainEqual({ key: 'new-1', action: 'create' });
    expect(body.entities).toContainEqual({ key: 'new-2', action: 'reject' });
  });

  it('sends a renamed, re-kinded entity with only its new fields', () => {
    const s = run(initialReview(proposal()), { type: 'editEntity', key: 'new-2', patch: { name: 'generaldirektör för DIGG', title: 'GD' } });
    expect(toAcceptBody(s).entities).toContainEqual({ key: 'new-2', action: 'create', name: 'generaldirektör för DIGG', title: 'GD' });
  });

  it('links a new entity to an existing one in one click and merges another into it', () => {
    const s = run(
      initialReview(proposal()),
      { type: 'linkEntity', key: 'new-3', entity: { id: 'person-karin-x', name: 'Karin X', label: 'Person' } },
      { type: 'accept', item: entity('new-1') },
      { type: 'mergeEntity', key: 'new-3', into: 'new-1' },
    );
    const body = toAcceptBody(s);
    expect(body.entities).toContainEqual({ key: 'new-3', action: 'merge', into: 'new-1' });
    expect(body.entities).toContainEqual({ key: 'new-1', action: 'create' });
  });

  it('creates an undecided entity that a merge points at, and refuses a merge that would loop', () => {
    const s = run(initialReview(proposal()), { type: 'mergeEntity', key: 'new-3', into: 'new-1' }, { type: 'mergeEntity', key: 'new-1', into: 'new-3' });
    expect(s.entities['new-1']!.decision).toEqual({ action: 'proposed' });
    expect(toAcceptBody(s).entities).toContainEqual({ key: 'new-1', action: 'create' });
  });

  it('rejecting an entity rejects the facts that need it', () => {
    const s = run(initialReview(proposal()), { type: 'accept', item: fact('f-quote') }, { type: 'reject', item: entity('new-1') });
    expect(s.facts['f-quote']!.decision).toBe('reject');
    expect(s.facts['f-holds']!.decision).toBe('reject');
    expect(toAcceptBody(s).facts).toContainEqual({ key: 'f-quote', action: 'reject' });
  });

  it('sends a changed type, end and evidence of an accepted fact', () => {
    const span = at('Vi måste samarbeta mer');
    const s = run(
      initialReview(proposal()),
      { type: 'accept', item: fact('f-holds') },
      { type: 'setFactEnd', key: 'f-at', end: 'to', ref: 'actor-skr' },
      { type: 'accept', item: fact('f-at') },
      { type: 'setEvidence', key: 'f-holds', span, mode: 'replace' },
    );
    const body = toAcceptBody(s);
    expect(body.facts).toContainEqual({ key: 'f-holds', action: 'accept', evidence: [span] });
    expect(body.facts).toContainEqual({ key: 'f-at', action: 'accept', to: 'actor-skr' });
  });

  it('links an ambiguous mention to the candidate chosen, and rejects a single mention', () => {
    const s = run(initialReview(proposal()), { type: 'linkMention', index: 2, to: 'actor-skl-lab', name: 'Statens kriminaltekniska laboratorium' }, { type: 'reject', item: { kind: 'mention', index: 3 } });
    expect(toAcceptBody(s).mentions).toEqual([
      { index: 2, action: 'link', to: 'actor-skl-lab' },
      { index: 3, action: 'reject' },
    ]);
    expect(mentionMark(s, 2)).toBe('accepted');
    expect(mentionMark(s, 3)).toBe('rejected');
    // An existing entity's mention counts as accepted as found.
    expect(mentionMark(s, 1)).toBe('accepted');
  });

  it('sends the article fields the reviewer changed, and nothing for those left as they were', () => {
    const s = run(initialReview(proposal()), { type: 'setArticle', patch: { published: '2026-11-29', outlet: 'Testtidningen', url: 'https://example.se/a' } });
    expect(toAcceptBody(s).article).toEqual({ published: '2026-11-29', url: 'https://example.se/a' });
  });

  it('undoing a decision makes the proposal undecided again', () => {
    const s = run(initialReview(proposal()), { type: 'accept', item: fact('f-quote') }, { type: 'undecide', item: fact('f-quote') });
    expect(toAcceptBody(s).facts).toEqual([]);
  });
});

describe('accept all with high confidence', () => {
  it('takes confident entities and the facts whose ends are kept, and leaves an entity with a close existing match to the reviewer', () => {
    const s = run(initialReview(proposal()), { type: 'acceptConfident', specs: FACT_TYPES });
    expect(s.entities['new-1']!.decision).toEqual({ action: 'create' });
    expect(s.entities['new-2']!.decision).toEqual({ action: 'create' });
    expect(s.entities['new-3']!.decision).toEqual({ action: 'proposed' });
    expect(s.facts['f-quote']!.decision).toBe('accept');
    expect(s.facts['f-at']!.decision).toBe('accept');
    // 0.8 is below the bar.
    expect(s.facts['f-holds']!.decision).toBe('proposed');
  });
});

describe('what the model allows', () => {
  it('offers only the fact types whose ends fit', () => {
    expect(allowedTypes(FACT_TYPES, 'Person', 'Article')).toEqual(expect.arrayContaining(['QUOTED_IN', 'WROTE', 'PICTURED_IN']));
    expect(allowedTypes(FACT_TYPES, 'Person', 'Article')).not.toContain('HOLDS');
  });

  it('flags an accepted fact whose type no longer fits its ends, and counts it as a problem', () => {
    const s = run(initialReview(proposal()), { type: 'accept', item: fact('f-quote') }, { type: 'setFactType', key: 'f-quote', factType: 'HOLDS' });
    expect(factProblem(s, 'f-quote', FACT_TYPES)).toBe('type-not-allowed');
    expect(progress(s, FACT_TYPES).problems).toEqual(['f-quote']);
  });

  it('flags an accepted fact left without evidence', () => {
    const s = run(initialReview(proposal()), { type: 'accept', item: fact('f-quote') }, { type: 'removeEvidence', key: 'f-quote', index: 0 });
    expect(factProblem(s, 'f-quote', FACT_TYPES)).toBe('no-evidence');
  });
});

describe('moving through the proposals', () => {
  it('steps with j/k and stops at either end', () => {
    let s = initialReview(proposal());
    s = run(s, { type: 'step', by: -1 });
    expect(s.cursor).toBe(0);
    s = run(s, ...Array.from({ length: 20 }, (): ReviewAction => ({ type: 'step', by: 1 })));
    expect(focusedItem(s)).toEqual(fact('f-at'));
  });

  it('keeps a text selection only when it is not empty', () => {
    const s = run(initialReview(proposal()), { type: 'select', span: { start: 4, end: 4 } });
    expect(s.selection).toBeNull();
  });
});
