import { ANAPHORS } from './lexicon';
import { SpanIndex, targetRef, type Found, type Target, type TargetInfo } from './model';
import { isSentenceInitial, sentenceIndexAt, type Doc } from './segment';

/** How many sentences back an antecedent may stand ("myndigheten" three sentences after "Digg"). */
const WINDOW = 3;

/**
 * Definite forms that refer back ("myndigheten", "departementet", "den nya myndigheten"): each is linked to
 * an entity of the kind the noun names that was mentioned within the last few sentences; among several the
 * one named most often so far, and none on a tie. Without such an antecedent nothing is proposed:
 * "myndigheten" alone names no one in particular.
 */
export function findAnaphors(doc: Doc, settled: readonly Found[], infoOf: (t: Target) => TargetInfo | undefined): Found[] {
  const text = doc.text;
  const out: Found[] = [];
  const index = new SpanIndex(settled);
  const positions = new Map<string, number[]>();
  for (const f of index.all()) {
    const ref = targetRef(f.target);
    if (!ref) continue;
    const list = positions.get(ref);
    if (list) list.push(f.end);
    else positions.set(ref, [f.end]);
  }
  const nouns = Object.keys(ANAPHORS).join('|');
  const re = new RegExp(`(?<![\\p{L}\\d])(?:(?:[Dd]en|[Dd]et)[ \\u00a0]+nya[ \\u00a0]+)?(${nouns}|${capitalised(nouns)})(?![\\p{L}\\d:-])`, 'gu');
  for (const m of text.matchAll(re)) {
    const noun = m[1]!;
    const nounStart = m.index + m[0].length - noun.length;
    if (noun[0] !== noun[0]!.toLowerCase() && !isSentenceInitial(doc, m.index)) continue;
    const start = m.index;
    const end = m.index + m[0].length;
    if (index.overlaps(start, end)) continue;
    const want = ANAPHORS[noun.toLowerCase()]!;
    const here = sentenceIndexAt(doc, nounStart);
    // Candidates of the right kind within the window; the most often named so far wins, a tie names no one.
    const counts = new Map<string, { n: number; found: Found }>();
    for (const f of index.before(start)) {
      const at = sentenceIndexAt(doc, f.start);
      if (here >= 0 && at >= 0 && here - at > WINDOW) break;
      const info = infoOf(f.target);
      const ref = targetRef(f.target);
      if (ref && info && want.labels.includes(info.label) && want.kinds.includes(info.kind) && !counts.has(ref)) counts.set(ref, { n: 0, found: f });
    }
    for (const [ref, c] of counts) c.n = countBefore(positions.get(ref) ?? [], start);
    const ranked = [...counts.values()].sort((a, b) => b.n - a.n);
    const antecedent = ranked[0] && (ranked.length === 1 || ranked[0].n > ranked[1]!.n) ? ranked[0].found : undefined;
    if (!antecedent) continue;
    out.push({ start, end, target: antecedent.target, confidence: 0.7, rule: 'anaphor.definite', priority: 1 });
  }
  return out;
}

function capitalised(alternatives: string): string {
  return alternatives
    .split('|')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('|');
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
