import type { Database } from '../neo4j/database';
import type { DuplicateHint } from '../../contract/ingest';
import { jaccard, normaliseTitle, shingles } from './text';

/** Share of word shingles two texts must have in common to be flagged as "mostly the same text". */
export const SIMILAR_TEXT_THRESHOLD = 0.6;

/** The article whose text has this sha256, if any (the seed loader stores the sha256 of each article's UTF-8 bytes). */
export async function articleWithSha(db: Database, sha256: string): Promise<{ id: string; title: string } | undefined> {
  const result = await db.read<{ id: string; title: string }>('MATCH (a:Article {sha256: $sha256}) RETURN a.id AS id, a.title AS title LIMIT 1', { sha256 });
  const record = result.records[0];
  return record ? { id: record.get('id'), title: record.get('title') } : undefined;
}

interface Candidate {
  id: string;
  title: string;
  published: string;
  text: string | null;
}

/**
 * Articles this one may repeat: the same title on the same date, or a word-shingle overlap (Jaccard) of at
 * least 0.6. Only articles of comparable length are read whole: a text with under 0.6 of the other's
 * shingles cannot reach the threshold, and length in characters follows the number of shingles closely.
 */
export async function findNearDuplicates(db: Database, input: { title: string; text: string; published: string | null }): Promise<DuplicateHint[]> {
  const length = input.text.length;
  const result = await db.read(
    `MATCH (a:Article)
     WITH a, size(a.text) AS length
     RETURN a.id AS id, a.title AS title, toString(a.published) AS published,
            CASE WHEN length >= $minLength AND length <= $maxLength THEN a.text END AS text`,
    { minLength: Math.floor(length * 0.4), maxLength: Math.ceil(length * 2.5) },
    { timeoutMs: 30_000 },
  );
  const candidates = result.records.map((r) => r.toObject() as unknown as Candidate);
  const mine = shingles(input.text);
  const title = normaliseTitle(input.title);
  const hints: DuplicateHint[] = [];
  for (const c of candidates) {
    const similarity = c.text === null ? 0 : Math.round(jaccard(mine, shingles(c.text)) * 1000) / 1000;
    const sameTitleDate = input.published !== null && c.published === input.published && normaliseTitle(c.title) === title;
    if (!sameTitleDate && similarity < SIMILAR_TEXT_THRESHOLD) continue;
    hints.push({ articleId: c.id, title: c.title, published: c.published, reason: sameTitleDate ? 'same-title-date' : 'similar-text', similarity });
  }
  return hints.sort((a, b) => b.similarity - a.similarity || a.articleId.localeCompare(b.articleId));
}
