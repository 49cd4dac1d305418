import { DEPUTY_RE, ORG_PREPOSITIONS, TITLE_HEAD_RE, TITLE_MODIFIER_RE, kindOfOrgWord, roleKindOfTitle } from './lexicon';
import type { Found, SpanIndex, Target, TargetInfo } from './model';
import type { PersonHit } from './people';
import type { Doc, Span } from './segment';

/**
 * Reads a title and the organisation it is held at from the words around a person's name:
 * "Anna Eriksson, generaldirektör för Digg", "SKL:s ordförande Lena Micko", "chef för avdelningen för
 * digitalisering på SKR", "Ordförande i organisationskommittén blir Bengt Kjellson".
 */

export interface RoleContext {
  hit: PersonHit;
  title: Span & { text: string };
  /** The mention of the organisation, or a capitalised name after the preposition that no rule knew. */
  org: { found: Found } | { unknown: Span & { text: string } } | null;
}

const CLAUSE_END = /[,.;:!?\n()–—"”]/;
const PREPOSITIONS = new Set<string>(ORG_PREPOSITIONS);

/** The organisation mention (an Actor) that starts at `at`, if any. */
function actorAt(at: number, mentions: SpanIndex<Found>, infoOf: (t: Target) => TargetInfo | undefined): Found | undefined {
  const f = mentions.startingAt(at);
  return f && infoOf(f.target)?.label === 'Actor' ? f : undefined;
}

/**
 * Scans from a title's first word to the end of its clause (or `limit`) for "<preposition> <organisation>";
 * the title is everything before that preposition.
 */
function titleThenOrg(doc: Doc, from: number, limit: number, mentions: SpanIndex<Found>, infoOf: (t: Target) => TargetInfo | undefined): { title: Span; org: RoleContext['org'] } | null {
  const text = doc.text;
  // "ny generaldirektör": the modifier is not part of the title.
  const modifier = new RegExp(`${TITLE_MODIFIER_RE}[ \\u00a0]+`, 'uy');
  modifier.lastIndex = from;
  if (modifier.exec(text)) from = modifier.lastIndex;
  const head = new RegExp(`(?:${DEPUTY_RE}[ \\u00a0]+)?(?:${TITLE_HEAD_RE})(?![\\p{L}\\d])`, 'uy');
  head.lastIndex = from;
  const h = head.exec(text);
  if (!h) return null;
  const wordRe = /[\p{L}\d][\p{L}\d:-]*/guy;
  let pos = from + h[0].length;
  let lastWordEnd = pos;
  let words = 1;
  // A title is its head word plus a complement ("chef för avdelningen för …"); without a preposition after the head it ends there.
  if (!/^[ \u00a0]+(?:för|på|vid|hos|i|inom)[ \u00a0]/u.test(text.slice(pos, pos + 8))) return { title: { start: from, end: pos }, org: null };
  while (pos < limit && words < 14) {
    const gap = /[ \u00a0]*/y;
    gap.lastIndex = pos;
    gap.exec(text);
    pos = gap.lastIndex;
    if (pos >= limit || CLAUSE_END.test(text[pos] ?? '\n')) break;
    wordRe.lastIndex = pos;
    const m = wordRe.exec(text);
    if (!m) break;
    const w = m[0];
    const wEnd = pos + w.length;
    if (PREPOSITIONS.has(w)) {
      const next = /[ \u00a0]+/y;
      next.lastIndex = wEnd;
      if (next.exec(text)) {
        const orgStart = next.lastIndex;
        const found = actorAt(orgStart, mentions, infoOf);
        if (found) return { title: { start: from, end: lastWordEnd }, org: { found } };
        const cap = /(?:\p{Lu}[\p{L}\d-]*)(?:[ \u00a0]+\p{Lu}[\p{L}\d-]*){0,3}/uy;
        cap.lastIndex = orgStart;
        const c = cap.exec(text);
        if (c && !mentions.overlaps(orgStart, orgStart + c[0].length)) {
          return { title: { start: from, end: lastWordEnd }, org: { unknown: { start: orgStart, end: orgStart + c[0].length, text: c[0] } } };
        }
        // "ordförande i organisationskommittén": a definite noun with an organisation's ending, named by its role.
        const noun = /\p{Ll}+(?![\p{L}\d])/uy;
        noun.lastIndex = orgStart;
        const n = noun.exec(text);
        if (n && kindOfOrgWord(n[0]) && !mentions.overlaps(orgStart, orgStart + n[0].length)) {
          return { title: { start: from, end: lastWordEnd }, org: { unknown: { start: orgStart, end: orgStart + n[0].length, text: n[0] } } };
        }
      }
    }
    lastWordEnd = wEnd;
    pos = wEnd;
    words++;
  }
  return { title: { start: from, end: from + h[0].length }, org: null };
}

/** The title and organisation a person hit's context states, or null when it states no title. */
export function roleContextOf(doc: Doc, hit: PersonHit, mentions: SpanIndex<Found>, infoOf: (t: Target) => TargetInfo | undefined): RoleContext | null {
  if (hit.titleStart === undefined) return null;
  const text = doc.text;
  let from = hit.titleStart;
  let org: RoleContext['org'] = null;
  if (hit.titleBefore) {
    // "SKL:s ordförande Lena Micko": an organisation in the genitive before the title.
    const genitive = actorAt(from, mentions, infoOf);
    if (genitive && /(?::s|s)$/.test(text.slice(genitive.start, genitive.end))) {
      org = { found: genitive };
      from = genitive.end;
      while (/[ \u00a0]/.test(text[from] ?? '')) from++;
    }
  }
  const limit = hit.titleBefore ? hit.start : Math.min(text.length, from + 200);
  const scanned = titleThenOrg(doc, from, limit, mentions, infoOf);
  if (!scanned) return null;
  const start = scanned.title.start;
  let end = scanned.title.end;
  if (hit.titleBefore && !scanned.org) end = Math.min(end, hit.start);
  while (end > start && /[\s,]/.test(text[end - 1]!)) end--;
  if (end <= start) return null;
  const title = { start, end, text: text.slice(start, end) };
  if (!org) org = scanned.org;
  // "… säger Lena Micko, ordförande för SKL": a title before the name may leave the organisation after it.
  if (!org && hit.titleBefore) {
    const after = /^,?[ \u00a0]+(?:på|vid|hos|för)[ \u00a0]+/u.exec(text.slice(hit.end, hit.end + 12));
    if (after) {
      const found = actorAt(hit.end + after[0].length, mentions, infoOf);
      if (found) org = { found };
    }
  }
  return { hit, title, org };
}

/** Whether a title names a role of the model (else it only places the person at the organisation). */
export function isRoleTitle(title: string): boolean {
  return roleKindOfTitle(title) !== null;
}
