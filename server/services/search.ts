import neo4j from 'neo4j-driver';
import { listOrAll, nodeHasLabel } from '../cypher/explore/fragments';
import type { Database } from '../neo4j/database';
import { toPlain } from '../neo4j/values';
import type { ArticleHit, SearchHit } from '../../contract/explore';
import { buildArticleQuery, buildEntityQuery, foldAccents, tokenize, type Operator } from './lucene';
import { namesAsOf } from './names';
import { findPassages } from './passages';

interface EntityRow {
  id: string;
  name: string;
  labels: string[];
  kind: string | null;
  aliases: string[];
  score: number;
}

// Lucene keeps only its best `$luceneLimit` hits: a common word ("Myndigheten för …") matches tens of
// thousands of names on a large corpus, and sorting them all in Cypher grew with the corpus.
const ENTITY_HITS = `
  CALL db.index.fulltext.queryNodes('entityNames', $lucene, { limit: $luceneLimit }) YIELD node, score
  WHERE ${nodeHasLabel('node')}
  RETURN node { .id, .name, .kind, aliases: coalesce(node.aliases, []), labels: labels(node) } AS hit, score
  ORDER BY score DESC
  LIMIT $fetch`;

// When the index finds nothing (a stop word such as "it", a fragment inside a word), a plain substring scan
// over names and aliases still answers. The corpus is small; the scan is bounded by LIMIT and the timeout.
const ENTITY_SCAN = `
  MATCH (node:Entity)
  WHERE ${nodeHasLabel('node')}
    AND any(s IN [node.name] + coalesce(node.aliases, []) WHERE toLower(s) CONTAINS $lower)
  RETURN node { .id, .name, .kind, aliases: coalesce(node.aliases, []), labels: labels(node) } AS hit, 0.5 AS score
  LIMIT $fetch`;

/**
 * How well a hit's names match what was typed, on top of Lucene's score: an exact name or alias first,
 * then a name that starts with the text (the more of it the text covers, the better), then one where every
 * typed word starts a word of the name.
 */
export function nameBonus(query: string, names: string[]): number {
  const q = foldAccents(query).trim();
  const qWords = tokenize(q);
  let best = 0;
  for (const name of names) {
    const n = foldAccents(name);
    if (n === q) best = Math.max(best, 100);
    // A prefix that covers more of the name ranks higher: "sk" → SKR before SKL Kommentus.
    else if (n.startsWith(q)) best = Math.max(best, 20 + (10 * q.length) / n.length);
    else {
      const words = tokenize(n);
      if (qWords.length > 0 && qWords.every((w) => words.some((x) => x.startsWith(w)))) best = Math.max(best, 5);
    }
  }
  return best;
}

/** Ranks hits by name match, then Lucene score, then name; equal ids are merged. */
export function rankHits(query: string, rows: EntityRow[], limit: number): SearchHit[] {
  const byId = new Map<string, SearchHit>();
  for (const row of rows) {
    const score = Math.round((row.score + nameBonus(query, [row.name, ...row.aliases])) * 1000) / 1000;
    const prev = byId.get(row.id);
    if (!prev || prev.score < score) byId.set(row.id, { ...row, score });
  }
  return [...byId.values()].sort((a, b) => b.score - a.score || a.name.localeCompare(b.name, 'sv')).slice(0, limit);
}

/**
 * Entities whose name or alias matches `q`: accent- and case-insensitive, prefixes included, best first. With
 * `asOf` an actor is named as it was called on that date (today's name in `currentName`); ranking still weighs
 * every name, so "skl" and "skr" find it whatever the date.
 */
export async function searchEntities(db: Database, q: string, limit: number, labels: string[] | null, asOf: string | null = null): Promise<SearchHit[]> {
  const hits = await findEntities(db, q, limit, labels);
  return asOf ? nameHitsAsOf(db, hits, asOf) : hits;
}

async function nameHitsAsOf(db: Database, hits: SearchHit[], asOf: string): Promise<SearchHit[]> {
  const names = await namesAsOf(db, hits.filter((h) => h.labels.includes('Actor')).map((h) => h.id), asOf);
  return hits.map((h) => {
    const then = names.get(h.id);
    return then && then.value !== h.name ? { ...h, name: then.value, currentName: h.name } : h;
  });
}

async function findEntities(db: Database, q: string, limit: number, labels: string[] | null): Promise<SearchHit[]> {
  const fetch = Math.max(limit * 3, 30);
  const run = async (cypher: string, params: Record<string, unknown>): Promise<EntityRow[]> => {
    // With a label filter the best hits may all have other labels, so Lucene hands over more to filter.
    const luceneLimit = neo4j.int(labels ? Math.max(fetch * 50, 5_000) : fetch);
    const result = await db.read(cypher, { ...params, labels: listOrAll(labels), fetch: neo4j.int(fetch), luceneLimit });
    return result.records.map((r) => ({ ...(toPlain(r.get('hit')) as Omit<EntityRow, 'score'>), score: Number(r.get('score')) }));
  };
  // All words must match; if that finds nothing (e.g. a word the analyzer drops), any word may.
  const operators: Operator[] = tokenize(q).length > 1 ? ['AND', 'OR'] : ['AND'];
  for (const operator of operators) {
    const lucene = buildEntityQuery(q, operator);
    if (!lucene) break;
    const rows = await run(ENTITY_HITS, { lucene });
    if (rows.length > 0) return rankHits(q, rows, limit);
  }
  const rows = await run(ENTITY_SCAN, { lower: q.toLowerCase() });
  return rankHits(q, rows, limit);
}

/** Articles whose text matches `q` (Swedish stemming), each with the passages that hold the words. */
export async function searchArticles(db: Database, q: string, limit: number): Promise<ArticleHit[]> {
  const lucene = buildArticleQuery(q);
  if (!lucene) return [];
  const result = await db.read(
    `CALL db.index.fulltext.queryNodes('articleText', $lucene, { limit: $limit }) YIELD node, score
     RETURN node { .id, .title, .outlet, .text, published: toString(node.published) } AS article, score
     ORDER BY score DESC
     LIMIT $limit`,
    { lucene, limit: neo4j.int(limit) },
  );
  return result.records.map((r) => {
    const a = toPlain(r.get('article')) as { id: string; title: string; outlet: string | null; text: string; published: string };
    return {
      articleId: a.id,
      title: a.title,
      outlet: a.outlet,
      published: a.published,
      score: Math.round(Number(r.get('score')) * 1000) / 1000,
      passages: findPassages(a.text ?? '', q),
    };
  });
}
