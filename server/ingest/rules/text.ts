/** Character and string helpers shared by the Swedish rules. Offsets are always UTF-16 indices of the text. */

const WORD_CHAR = /[\p{L}\p{N}]/u;
const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;

/** Whether `c` is a letter or digit (a character that glues words together). */
export function isWordChar(c: string | undefined): boolean {
  return c !== undefined && WORD_CHAR.test(c);
}

export function isUpper(c: string | undefined): boolean {
  return c !== undefined && UPPER.test(c);
}

export function isLower(c: string | undefined): boolean {
  return c !== undefined && LOWER.test(c);
}

/** Lower-cases character by character so that every offset still points at the same character. */
export function lowerSameLength(s: string): string {
  let out = '';
  for (const c of s) {
    const l = c.toLowerCase();
    out += l.length === c.length ? l : c;
  }
  return out;
}

/**
 * An acronym or a name whose case carries meaning ("SKL", "KommITS", "DigiGov"): an upper-case letter
 * after the first. Such surfaces only match with their exact case, so "skl" is never SKL.
 */
export function isCaseSensitiveSurface(s: string): boolean {
  for (let i = 1; i < s.length; i++) if (isUpper(s[i]) && isWordChar(s[i - 1])) return true;
  return false;
}

/** All upper-case letters (digits allowed), 2–10 long: "SKL", "DIGG", "MSB", "E2B". */
export function isAcronym(s: string): boolean {
  return /^\p{Lu}[\p{Lu}\d]{1,9}$/u.test(s);
}

/** Folds case, diacritics of the Swedish alphabet kept apart (å ≠ a), and whitespace; for comparing names. */
export function normalizeName(s: string): string {
  return s
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/[-–]/g, ' ')
    .replace(/[^\p{L}\p{N} ]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Levenshtein distance, for typos in long names ("Kommener" for "Kommuner"). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(up + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}

/** 0–1: how alike two names are, by normalised edit distance, 1 = the same after normalising. */
export function nameSimilarity(a: string, b: string): number {
  const x = normalizeName(a);
  const y = normalizeName(b);
  if (!x || !y) return 0;
  if (x === y) return 1;
  return Math.max(0, 1 - editDistance(x, y) / Math.max(x.length, y.length));
}

/** Whether [start, end) of `text` stands as a whole word (not glued to a letter or digit on either side). */
export function isWholeWordAt(text: string, start: number, end: number): boolean {
  return !isWordChar(text[start - 1]) && !isWordChar(text[end]);
}

/** Upper-cases the first letter. */
export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** ISO date comparison helper: whether `date` lies in [from, to) where either end may be absent or partial. */
export function validOn(date: string | undefined, from?: string, to?: string): boolean {
  if (!date) return true;
  if (from && date < from) return false;
  if (to && date >= to) return false;
  return true;
}
