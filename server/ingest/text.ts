import { createHash } from 'node:crypto';
import { EMPTY_ARTICLE_MESSAGE, MAX_ARTICLE_BYTES, codePoint, controlCharacterProblem, lineColumn } from '../../contract/ingest';

/**
 * Checks on an article text as submitted, and the fingerprints duplicates are found by. Pure: no database.
 * Offsets are UTF-16 code units (JavaScript string indices), as everywhere in the corpus.
 */

/** One thing wrong with a submitted text, with what to do about it. */
export interface TextProblem {
  field: string;
  message: string;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Every reason `text` cannot be taken in as an article (empty, too large, binary, not well-formed Unicode). */
export function checkArticleText(text: string, field = 'text'): TextProblem[] {
  const problems: TextProblem[] = [];
  if (text.trim().length === 0) {
    problems.push({ field, message: EMPTY_ARTICLE_MESSAGE });
    return problems;
  }
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_ARTICLE_BYTES) {
    problems.push({ field, message: `the text is ${bytes.toLocaleString('en')} bytes of UTF-8; an article may be at most ${MAX_ARTICLE_BYTES.toLocaleString('en')} bytes (1 MB): split it or leave out what is not the article` });
  }
  const control = controlCharacterProblem(text);
  if (control) problems.push({ field, message: control });
  const surrogate = LONE_SURROGATE.exec(text);
  if (surrogate) {
    const { line, column } = lineColumn(text, surrogate.index);
    problems.push({
      field,
      message: `the text is not valid Unicode: a lone surrogate ${codePoint(surrogate[0])} at line ${line}, column ${column} (index ${surrogate.index}); submit the article as valid UTF-8`,
    });
  }
  return problems;
}

/** Whether a byte buffer is well-formed UTF-8. */
export function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** The sha256 of the text's UTF-8 bytes, hex: the same fingerprint the seed loader gives an article file. */
export function textSha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Lower-cased words (letters and digits), the units shingles are made of. */
export function words(text: string): string[] {
  return text.toLocaleLowerCase('sv').match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Word shingles of length `k` (a text shorter than `k` words gives one shingle of all of them). */
export function shingles(text: string, k = 3): Set<string> {
  const w = words(text);
  const out = new Set<string>();
  if (w.length === 0) return out;
  if (w.length < k) {
    out.add(w.join(' '));
    return out;
  }
  for (let i = 0; i + k <= w.length; i++) out.add(w.slice(i, i + k).join(' '));
  return out;
}

/** Jaccard similarity of two sets, 0–1 (two empty sets are not similar). */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let common = 0;
  for (const s of small) if (large.has(s)) common += 1;
  return common / (a.size + b.size - common);
}

/** A title compared for "same title": case, surrounding space and inner runs of white space ignored. */
export function normaliseTitle(title: string): string {
  return title.trim().replace(/\s+/g, ' ').toLocaleLowerCase('sv');
}

/** Kebab-case ASCII slug of a name: "Anna Svensson" → "anna-svensson", "Åsa Öberg" → "asa-oberg". */
export function slugify(name: string, maxLength = 60): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/[æ]/gi, 'ae')
    .replace(/[øØ]/g, 'o')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength);
  // Cut at a word boundary where one is near, so ids do not end in half a word.
  const lastHyphen = cut.lastIndexOf('-');
  return (lastHyphen > maxLength / 2 ? cut.slice(0, lastHyphen) : cut).replace(/-+$/, '');
}
