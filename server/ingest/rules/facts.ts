import type { ProposedFact } from '../../../contract/ingest';
import type { Found, Target, TargetInfo } from './model';
import { targetRef } from './model';
import { sentenceAt, type Doc, type Span } from './segment';

/** Collects proposed facts; the same (type, from, to) proposed twice becomes one fact with both pieces of evidence. */
export class Facts {
  private readonly facts = new Map<string, ProposedFact>();

  constructor(private readonly text: string) {}

  add(type: string, from: string, to: string, evidence: Span, confidence: number, rule: string, properties: ProposedFact['properties'] = {}): void {
    if (from === to || evidence.end <= evidence.start) return;
    const id = `${type}|${from}|${to}`;
    const quote = { quote: this.text.slice(evidence.start, evidence.end), start: evidence.start, end: evidence.end };
    const existing = this.facts.get(id);
    if (existing) {
      const overlaps = existing.evidence.some((e) => e.start < quote.end && quote.start < e.end);
      if (!overlaps) existing.evidence.push(quote);
      existing.confidence = Math.max(existing.confidence, confidence);
      for (const [k, v] of Object.entries(properties)) if (!(k in existing.properties)) existing.properties[k] = v;
      return;
    }
    this.facts.set(id, { key: `fact-${this.facts.size + 1}`, type, from, to, properties: { ...properties }, evidence: [quote], confidence, rule });
  }

  all(): ProposedFact[] {
    return [...this.facts.values()].map((f) => ({ ...f, evidence: [...f.evidence].sort((a, b) => a.start - b.start) }));
  }
}

/** The sentence around a span, as evidence. */
export function sentenceSpan(doc: Doc, span: Span): Span {
  const s = sentenceAt(doc, span.start);
  return s ? { start: s.start, end: Math.max(s.end, Math.min(span.end, s.end)) } : span;
}

const SP = '[ \\u00a0]+';
/** "regeringen inrättade …", "… har inrättats av regeringen": an organisation set up by another. */
const ESTABLISH_ACTIVE = new RegExp(`^${SP}(?:har${SP})?(?:inrättat|inrättade|inrättar|bildat|bildade|bildar|grundat|grundade|tillsatt|tillsatte|tillsätter|startat|startade)${SP}(?:en${SP}ny${SP}|den${SP}nya${SP})?$`, 'u');
const ESTABLISH_PASSIVE = new RegExp(`^,?${SP}(?:har|hade|som)?${SP}?(?:inrättats|bildats|grundats|tillsatts|startats|inrättades|bildades|grundades|tillsattes|startades)${SP}av${SP}$`, 'u');
const PUBLISH_ACTIVE = new RegExp(`^${SP}(?:har${SP})?(?:publicerat|publicerade|publicerar|lämnat|lämnade|lämnar|överlämnat|överlämnade|presenterat|presenterade|presenterar|släppt|släppte|gett${SP}ut|gav${SP}ut|tagit${SP}fram|tog${SP}fram)${SP}(?:sin${SP}|sitt${SP}|en${SP}|ett${SP}|den${SP}|det${SP})?$`, 'u');
const PUBLISH_FROM = new RegExp(`^${SP}(?:från|av)${SP}$`, 'u');

/**
 * Facts a single clause states between two mentions: ESTABLISHED (an Actor sets up an Actor) and PUBLISHED
 * (an Actor issues a Document), active or passive. Only adjacent mentions joined by one of these verb
 * phrases count: precision before recall.
 */
export function clauseFacts(doc: Doc, mentions: readonly Found[], infoOf: (t: Target) => TargetInfo | undefined, facts: Facts): void {
  const text = doc.text;
  for (let i = 0; i + 1 < mentions.length; i++) {
    const a = mentions[i]!;
    const b = mentions[i + 1]!;
    const between = text.slice(a.end, b.start);
    if (between.length > 60 || /[.;!?\n]/.test(between)) continue;
    const ia = infoOf(a.target);
    const ib = infoOf(b.target);
    const ra = targetRef(a.target);
    const rb = targetRef(b.target);
    if (!ia || !ib || !ra || !rb) continue;
    const evidence = sentenceSpan(doc, a);
    if (ia.label === 'Actor' && ib.label === 'Actor') {
      if (ESTABLISH_ACTIVE.test(between)) facts.add('ESTABLISHED', ra, rb, evidence, 0.75, 'fact.established');
      else if (ESTABLISH_PASSIVE.test(between)) facts.add('ESTABLISHED', rb, ra, evidence, 0.75, 'fact.established-passive');
    }
    if (ia.label === 'Actor' && ib.label === 'Document' && PUBLISH_ACTIVE.test(between)) facts.add('PUBLISHED', ra, rb, evidence, 0.75, 'fact.published');
    if (ia.label === 'Document' && ib.label === 'Actor' && PUBLISH_FROM.test(between)) facts.add('PUBLISHED', rb, ra, evidence, 0.7, 'fact.published-from');
  }
}
