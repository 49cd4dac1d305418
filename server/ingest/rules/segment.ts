/**
 * Sentences, paragraphs and word tokens of an article, from `Intl.Segmenter('sv')` (full ICU in Node 20).
 * ICU breaks after abbreviations such as "t.ex." or "Dr."; those breaks are mended here so that a rule
 * never sees half a sentence.
 */

export interface Span {
  start: number;
  end: number;
}

export interface Token extends Span {
  text: string;
  /** A word (letters or digits), as opposed to punctuation or space. */
  word: boolean;
}

export interface Sentence extends Span {
  text: string;
  /** Index of the paragraph (line block) the sentence lies in. */
  paragraph: number;
}

export interface Paragraph extends Span {
  text: string;
}

export interface Doc {
  text: string;
  paragraphs: Paragraph[];
  sentences: Sentence[];
  tokens: Token[];
}

const sentenceSegmenter = new Intl.Segmenter('sv', { granularity: 'sentence' });
const wordSegmenter = new Intl.Segmenter('sv', { granularity: 'word' });

/** Abbreviations that never end a Swedish sentence: what follows them belongs to the same sentence. */
const NEVER_FINAL = new Set(['bl.a', 't.ex', 'fr.o.m', 't.o.m', 'ca', 'jfr', 'kl', 'nr', 'tel', 'dr', 'prof', 'doc', 'ordf', 'f.d', 'p.g.a', 's.k', 'resp', 'inkl', 'exkl']);
/** Abbreviations that may end a sentence; a break after them is mended only when the next piece starts in lower case. */
const MAYBE_FINAL = new Set(['m.m', 'm.fl', 'o.s.v', 'osv', 'dvs', 'd.v.s', 'kr', 'mkr', 'mdr', 'milj', 'st', 'pga', 'e.d', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'okt', 'nov', 'dec']);

/** Splits text into paragraphs at line breaks; each non-empty line block is one paragraph. */
function paragraphsOf(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  const re = /[^\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    let start = m.index;
    let end = start + m[0].length;
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    if (end > start) out.push({ start, end, text: text.slice(start, end) });
  }
  return out;
}

/** Whether the break after `piece` (followed by `next`) falls after an abbreviation, not at a sentence end. */
function isFalseBreak(piece: string, next: string): boolean {
  const m = /(?:^|[\s(])([\p{L}.]+)\.\s*$/u.exec(piece);
  if (!m || /^[–—-]\s/.test(next)) return false;
  const word = m[1]!.toLowerCase();
  if (NEVER_FINAL.has(word) || /^\p{L}$/u.test(word)) return true;
  return MAYBE_FINAL.has(word) && /^[\p{Ll}\d]/u.test(next);
}

/** Longest piece handed to ICU at once: V8 copies the whole input into every segment object it returns. */
const CHUNK = 2000;

/**
 * Cuts [start, end) into pieces of at most about CHUNK characters, at a sentence end ("… . ") where one is
 * near, else at a space, so that segmenting piece by piece gives the same words and (nearly) the same sentences.
 */
function chunks(text: string, start: number, end: number): Span[] {
  const out: Span[] = [];
  let from = start;
  while (end - from > CHUNK) {
    const window = text.slice(from, from + CHUNK);
    let cut = Math.max(window.lastIndexOf('. '), window.lastIndexOf('? '), window.lastIndexOf('! '));
    if (cut < CHUNK / 2) cut = window.lastIndexOf(' ');
    const at = cut > 0 ? from + cut + 1 : from + CHUNK;
    out.push({ start: from, end: at });
    from = at;
  }
  out.push({ start: from, end });
  return out;
}

/** Sentences of one paragraph, trimmed, with abbreviation breaks mended. */
function sentencesOf(text: string, p: Paragraph, index: number): Sentence[] {
  const pieces: Span[] = [];
  const segments = chunks(text, p.start, p.end).flatMap((c) => [...sentenceSegmenter.segment(text.slice(c.start, c.end))].map((s) => ({ index: c.start - p.start + s.index, segment: s.segment })));
  for (const s of segments) {
    const start = p.start + s.index;
    const end = start + s.segment.length;
    const last = pieces[pieces.length - 1];
    if (last && isFalseBreak(text.slice(last.start, last.end), s.segment.trimStart())) {
      last.end = end;
    } else pieces.push({ start, end });
  }
  return pieces.flatMap((piece) => {
    let { start, end } = piece;
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    return end > start ? [{ start, end, text: text.slice(start, end), paragraph: index }] : [];
  });
}

/** Tokens of the text, words and punctuation (whitespace dropped), paragraph by paragraph. */
function tokensOf(text: string, paragraphs: readonly Paragraph[]): Token[] {
  const out: Token[] = [];
  for (const p of paragraphs) {
    for (const c of chunks(text, p.start, p.end)) {
      for (const s of wordSegmenter.segment(text.slice(c.start, c.end))) {
        if (/^\s+$/.test(s.segment)) continue;
        const start = c.start + s.index;
        out.push({ start, end: start + s.segment.length, text: s.segment, word: s.isWordLike === true });
      }
    }
  }
  return out;
}

/** Segments an article into paragraphs, sentences and tokens. */
export function segment(text: string): Doc {
  const paragraphs = paragraphsOf(text);
  const sentences = paragraphs.flatMap((p, i) => sentencesOf(text, p, i));
  return { text, paragraphs, sentences, tokens: tokensOf(text, paragraphs) };
}

/** The sentence that holds offset `at`, if any. */
export function sentenceAt(doc: Doc, at: number): Sentence | undefined {
  return doc.sentences[sentenceIndexAt(doc, at)];
}

/** Index of the sentence that holds offset `at`, or -1. */
export function sentenceIndexAt(doc: Doc, at: number): number {
  let lo = 0;
  let hi = doc.sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = doc.sentences[mid]!;
    if (at < s.start) hi = mid - 1;
    else if (at >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** Whether offset `at` begins a sentence, a line, or follows a dialogue dash or bullet at the start of one. */
export function isSentenceInitial(doc: Doc, at: number): boolean {
  const s = sentenceAt(doc, at);
  if (!s) return true;
  const before = doc.text.slice(s.start, at);
  return /^[\s–—\-•*"”«(]*$/.test(before);
}
