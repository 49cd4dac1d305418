/**
 * Pure helpers that turn what a user typed into Lucene queries for the full-text indexes. User text never
 * reaches Lucene unescaped: every term is folded, escaped, and only then combined with operators we add.
 */

/** Characters with a meaning in Lucene's classic query syntax. `&&` and `||` are covered by `&` and `|`. */
const LUCENE_SPECIAL = /[+\-!(){}[\]^"~*?:\\/&|]/g;

/** Escapes every Lucene special character so a term is matched literally. */
export function escapeLucene(term: string): string {
  return term.replace(LUCENE_SPECIAL, (c) => `\\${c}`);
}

/** Lower-cases and strips diacritics ("Lantmäteriet" → "lantmateriet"), as the standard-folding analyzer does. */
export function foldAccents(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** Splits user text into words: letters and digits, so punctuation and Lucene operators fall away. */
export function tokenize(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+/gu) ?? [];
}

export type Operator = 'AND' | 'OR';

/** Terms long enough for a fuzzy clause (edit distance 1) to help with typos rather than add noise. */
const FUZZY_MIN_LENGTH = 5;

/**
 * Builds the query for the `entityNames` index (analyzer standard-folding): each word folded and escaped,
 * matched exactly (boosted), as a prefix for autocomplete (`digg*`), and fuzzily when long. Words are joined
 * with `operator`. Returns null when the text holds no word at all.
 */
export function buildEntityQuery(text: string, operator: Operator = 'AND'): string | null {
  const terms = tokenize(foldAccents(text));
  if (terms.length === 0) return null;
  const clauses = terms.map((raw) => {
    const t = escapeLucene(raw);
    const parts = [`${t}^3`, `${t}*`];
    if (raw.length >= FUZZY_MIN_LENGTH) parts.push(`${t}~1`);
    return `(${parts.join(' OR ')})`;
  });
  return clauses.join(` ${operator} `);
}

/**
 * Builds the query for the `articleText` index (analyzer swedish, which stems but does not fold accents):
 * each word lower-cased and escaped, matched as analysed text (stemmed) or as a prefix. Words are OR-ed;
 * Lucene ranks articles that hold more of them higher.
 */
export function buildArticleQuery(text: string): string | null {
  const terms = tokenize(text.toLowerCase());
  if (terms.length === 0) return null;
  return terms.map((raw) => `(${escapeLucene(raw)}^2 OR ${escapeLucene(raw)}*)`).join(' OR ');
}
