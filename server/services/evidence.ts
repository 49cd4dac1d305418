import type { Database } from '../neo4j/database';
import { toPlain } from '../neo4j/values';
import { zipEvidence } from '../../contract/evidence';
import type { Evidence } from '../../contract/graph';

export { zipEvidence };

/** Title, outlet and date of an article, for evidence lists. */
export interface ArticleMeta {
  id: string;
  title: string;
  outlet: string | null;
  published: string;
}

function asArray(value: unknown): unknown[] {
  if (Array.isArray(value)) return value.map((v) => toPlain(v));
  return [];
}

/** Every article id named in the evidence of these (plain) property maps. */
export function evidenceArticleIds(propertyMaps: Iterable<Record<string, unknown>>): string[] {
  const ids = new Set<string>();
  for (const p of propertyMaps) for (const id of asArray(p['evidenceArticles'])) ids.add(String(id));
  return [...ids];
}

/** Loads title, outlet and date of the given articles in one query. */
export async function loadArticleMeta(db: Database, ids: string[]): Promise<Map<string, ArticleMeta>> {
  if (ids.length === 0) return new Map();
  const result = await db.read(
    `MATCH (a:Article) WHERE a.id IN $ids
     RETURN a { .id, .title, .outlet, published: toString(a.published) } AS article`,
    { ids },
  );
  const map = new Map<string, ArticleMeta>();
  for (const record of result.records) {
    const a = toPlain(record.get('article')) as ArticleMeta;
    map.set(a.id, a);
  }
  return map;
}

/** Evidence for each edge (by edge id) of a graph's edges, loading the article metadata once. */
export async function evidenceByEdge(db: Database, edges: { id: string; properties: Record<string, unknown> }[]): Promise<Record<string, Evidence[]>> {
  const articles = await loadArticleMeta(db, evidenceArticleIds(edges.map((e) => e.properties)));
  const out: Record<string, Evidence[]> = {};
  for (const edge of edges) out[edge.id] = zipEvidence(edge.properties, articles);
  return out;
}
