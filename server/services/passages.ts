import { foldAccents, tokenize } from './lucene';

/** A stretch of an article's text around search hits; offsets are JS string indices, end exclusive. */
export interface Passage {
  text: string;
  start: number;
  end: number;
  /** The matched words inside the passage, as offsets into the article text. */
  matches: { start: number; end: number }[];
}

/** Swedish inflection endings trimmed from a query word so "handslaget" also finds "handslag" and back. */
const SUFFIXES = ['arna', 'erna', 'orna', 'ande', 'ende', 'heten', 'het', 'en', 'et', 'ar', 'er', 'or', 'na', 'ns', 'n', 's', 'a', 'e'];

/** The stem a query word is matched by: the folded word minus one common Swedish ending, at least 4 letters. */
export function queryStem(word: string): string {
  const folded = foldAccents(word);
  for (const suffix of SUFFIXES) {
    if (folded.endsWith(suffix) && folded.length - suffix.length >= 4) return folded.slice(0, -suffix.length);
  }
  return folded;
}

/** Every word of `text` that starts with one of the query's stems, as offsets. */
export function findMatches(text: string, query: string): { start: number; end: number }[] {
  const stems = [...new Set(tokenize(query).map(queryStem))].filter((s) => s.length >= 2);
  if (stems.length === 0) return [];
  const matches: { start: number; end: number }[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const word = foldAccents(m[0]);
    if (stems.some((s) => word.startsWith(s))) matches.push({ start: m.index, end: m.index + m[0].length });
  }
  return matches;
}

/** The sentence (or line) around the hit [at, end), clipped to about `maxLength` characters centred on it. */
function sentenceAround(text: string, at: number, end: number, maxLength: number): { start: number; end: number } {
  const isStop = (c: string | undefined) => c === '.' || c === '!' || c === '?';
  const isSpace = (c: string | undefined) => c === undefined || /\s/.test(c);
  let s = at;
  while (s > 0 && text[s - 1] !== '\n' && !(isStop(text[s - 1]) && isSpace(text[s]))) s--;
  let e = end;
  while (e < text.length && text[e] !== '\n') {
    e++;
    if (isStop(text[e - 1]) && isSpace(text[e])) break;
  }
  while (s < at && isSpace(text[s])) s++;
  if (e - s > maxLength) {
    // Centre the hit, but use the whole window when the hit sits near either end of the sentence.
    const half = Math.floor(Math.max(0, maxLength - (end - at)) / 2);
    const windowStart = Math.min(at, Math.max(s, Math.min(at - half, e - maxLength)));
    e = Math.min(e, Math.max(windowStart + maxLength, end));
    s = windowStart;
    // Do not cut words in half.
    while (s < at && /[\p{L}\p{N}]/u.test(text[s - 1] ?? '')) s++;
    while (e > end && /[\p{L}\p{N}]/u.test(text[e] ?? '')) e--;
  }
  return { start: s, end: e };
}

/**
 * Passages of `text` that hold the query's words: the sentence around each hit (at most ~`maxLength`
 * characters), overlapping ones merged, the first `limit` in reading order.
 */
export function findPassages(text: string, query: string, limit = 3, maxLength = 220): Passage[] {
  const matches = findMatches(text, query);
  const passages: Passage[] = [];
  for (const match of matches) {
    const last = passages[passages.length - 1];
    if (last && match.start < last.end) {
      last.matches.push(match);
      continue;
    }
    if (passages.length >= limit) break;
    const span = sentenceAround(text, match.start, match.end, maxLength);
    passages.push({ text: text.slice(span.start, span.end), start: span.start, end: span.end, matches: [match] });
  }
  return passages;
}
