import type { KnownEntity } from '../extractor';
import { ANAPHORS } from './lexicon';
import { SpanIndex, targetRef, type Found, type Target, type TargetInfo } from './model';
import { extendLower } from './organisations';
import { isSentenceInitial, sentenceIndexAt, type Doc } from './segment';

/** How many sentences back an antecedent may stand ("myndigheten" three sentences after "Digg"). */
const WINDOW = 3;

/**
 * "Den nya myndigheten" with nothing named before it is the agency that opens around the article's date: the
 * press writes it from the decision to set one up (up to two years before) until it has settled in (a year after).
 */
const NEW_BEFORE_DAYS = 730;
const NEW_AFTER_DAYS = 365;

/** What the anaphora rules may know besides the text: the article's date and the graph's organisations. */
export interface AnaphorContext {
  published?: string;
  entities: readonly KnownEntity[];
}

/**
 * Definite forms that refer back ("myndigheten", "förbundets", "den nya myndigheten", "den nya
 * digitaliseringsmyndigheten"): each is linked to an entity of the kind the noun names that was mentioned
 * within the last few sentences; among several the one named most often so far, and none on a tie. A resolved
 * anaphor is itself an antecedent for the next ("Myndigheten … Myndigheten …"). Without an antecedent nothing
 * is proposed: "myndigheten" alone names no one in particular. The exceptions are "den nya X" (a compound head
 * only there), which presupposes an X that is new, and an X described on the spot ("myndigheten för offentlig
 * digitalisering"): when the graph holds exactly one organisation of that kind that came into being around the
 * article's date, and the text has named no unknown one, it is that one.
 */
export function findAnaphors(doc: Doc, settled: readonly Found[], infoOf: (t: Target) => TargetInfo | undefined, context?: AnaphorContext): Found[] {
  const text = doc.text;
  const out: Found[] = [];
  const index = new SpanIndex(settled);
  const positions = new Map<string, number[]>();
  const note = (ref: string, end: number): void => {
    const list = positions.get(ref);
    if (list) insertSorted(list, end);
    else positions.set(ref, [end]);
  };
  for (const f of index.all()) {
    const ref = targetRef(f.target);
    if (ref) note(ref, f.end);
  }
  // Where the text first names an organisation of a noun's kind the graph does not know: "den nya myndigheten"
  // after an unknown agency was named may well be that one, so it is not given to the graph's newcomer.
  const firstUnknownCache = new Map<string, number>();
  const firstUnknown = (noun: string, fits: (t: Target) => boolean): number => {
    const key = noun;
    let at = firstUnknownCache.get(key);
    if (at === undefined) {
      at = index.all().find((f) => f.target.type === 'new' && fits(f.target))?.start ?? Infinity;
      firstUnknownCache.set(key, at);
    }
    return at;
  };
  const nouns = Object.keys(ANAPHORS).join('|');
  const SP = '[ \\u00a0]+';
  const re = new RegExp(`(?<![\\p{L}\\d])(?:((?:[Dd]en|[Dd]et)${SP}nya${SP})(\\p{Ll}\\p{L}*?)?)?(${nouns}|${capitalised(nouns)})(s)?(?![\\p{L}\\d:-])`, 'gu');
  for (const m of text.matchAll(re)) {
    const isNew = m[1] !== undefined;
    const noun = m[3]!;
    const nounStart = m.index + m[0].length - noun.length - (m[4] ? 1 : 0);
    if (noun[0] !== noun[0]!.toLowerCase() && (isNew || m[2] || !isSentenceInitial(doc, m.index))) continue;
    const start = m.index;
    const want = ANAPHORS[noun.toLowerCase()]!;
    if (index.overlaps(start, m.index + m[0].length)) continue;
    // An organisation described in the same breath ("myndigheten för offentlig digitalisering", "utredningen om
    // …") is one mention; the description is part of it, not a mention of its own.
    const described = !m[4] && want.labels.includes('Actor') ? /^[ \u00a0]+(?:för|om)(?=[ \u00a0]+\p{Ll})/u.exec(text.slice(m.index + m[0].length, m.index + m[0].length + 8)) : null;
    const end = described ? Math.max(m.index + m[0].length, extendLower(text, m.index + m[0].length + described[0].length, 4)) : m.index + m[0].length;
    const here = sentenceIndexAt(doc, nounStart);
    const fits = (t: Target): boolean => {
      const info = infoOf(t);
      return info !== undefined && want.labels.includes(info.label) && want.kinds.includes(info.kind);
    };
    // Candidates of the right kind within the window; the most often named so far wins, a tie names no one.
    const counts = new Map<string, { n: number; found: Found }>();
    for (const f of latestFirst(index.before(start), out)) {
      const at = sentenceIndexAt(doc, f.start);
      if (here >= 0 && at >= 0 && here - at > WINDOW) break;
      const ref = targetRef(f.target);
      if (ref && fits(f.target) && !counts.has(ref)) counts.set(ref, { n: 0, found: f });
    }
    for (const [ref, c] of counts) c.n = countBefore(positions.get(ref) ?? [], start);
    const ranked = [...counts.values()].sort((a, b) => b.n - a.n);
    let target: Target | undefined = ranked[0] && (ranked.length === 1 || ranked[0].n > ranked[1]!.n) ? ranked[0].found.target : undefined;
    let rule = 'anaphor.definite';
    let confidence = 0.7;
    if (!target && (isNew || (described && end > m.index + m[0].length + described[0].length)) && !ranked.length && context) {
      const id = newOnDate(context, want);
      if (id && firstUnknown(noun.toLowerCase(), fits) > start) {
        target = { type: 'known', id };
        rule = 'anaphor.new-on-date';
        confidence = 0.6;
      }
    }
    if (!target) continue;
    out.push({ start, end, target, confidence, rule, priority: 1 });
    const ref = targetRef(target);
    if (ref) note(ref, end);
  }
  return out;
}

/** The one organisation of the wanted kind that came into being around the article's date, if exactly one. */
function newOnDate(context: AnaphorContext, want: { labels: readonly string[]; kinds: readonly string[] }): string | undefined {
  if (!context.published) return undefined;
  const date = Date.parse(context.published);
  if (Number.isNaN(date)) return undefined;
  const day = 86_400_000;
  const ids = context.entities
    .filter((e) => e.label === 'Actor' && want.labels.includes(e.label) && want.kinds.includes(e.kind) && e.validFrom)
    .filter((e) => {
      const from = Date.parse(e.validFrom!.length === 4 ? `${e.validFrom}-01-01` : e.validFrom!.length === 7 ? `${e.validFrom}-01` : e.validFrom!);
      return !Number.isNaN(from) && from - date <= NEW_BEFORE_DAYS * day && date - from <= NEW_AFTER_DAYS * day && (!e.validTo || e.validTo > context.published!);
    })
    .map((e) => e.id);
  return ids.length === 1 ? ids[0] : undefined;
}

/** Settled spans and resolved anaphors before a point, merged latest first. */
function* latestFirst(settled: Iterable<Found>, resolved: readonly Found[]): Generator<Found> {
  let r = resolved.length - 1;
  for (const f of settled) {
    while (r >= 0 && resolved[r]!.start > f.start) yield resolved[r--]!;
    yield f;
  }
  while (r >= 0) yield resolved[r--]!;
}

function capitalised(alternatives: string): string {
  return alternatives
    .split('|')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('|');
}

function insertSorted(sorted: number[], value: number): void {
  let i = sorted.length;
  while (i > 0 && sorted[i - 1]! > value) i--;
  sorted.splice(i, 0, value);
}

/** How many of the sorted offsets lie at or before `at`. */
function countBefore(sorted: readonly number[], at: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
