import neo4j, { type Node, type Relationship } from 'neo4j-driver';
import { ALL, filterParams, listOrAll, nodeExistsAt, relHoldsAt, relTypeWanted } from '../cypher/explore/fragments';
import type { Database } from '../neo4j/database';
import { GraphBuilder } from '../neo4j/values';
import { ValidationError } from '../errors';
import type { GraphResponse } from '../../contract/explore';
import { applyNamesAsOf } from './names';

export interface OverviewFilters {
  labels: string[] | null;
  types: string[] | null;
  articles: string[] | null;
  asOf: string | null;
  limit: number;
  includeMentions: boolean;
}

// Without a label filter the overview shows the corpus: entities and articles. Name nodes are left out (the
// names show on their actor, as of the date), and so is anything else stored in the database (saved queries).
/** The overview's node filter (`$labels`, `$asOf`), as Cypher on the variable `n`. */
export const NODE_OK = (n: string) => `(('${ALL}' IN $labels AND (${n}:Entity OR ${n}:Article)) OR any(l IN labels(${n}) WHERE l IN $labels)) AND ${nodeExistsAt(n)}`;
// A MENTIONS relationship has no evidence list; its article is its start node.
/** The overview's relationship filter (`$types`, `$includeMentions`, `$asOf`, `$articles`), as Cypher on the variable `r`. */
export const EDGE_OK = (r: string) =>
  `${relTypeWanted(r)} AND ${relHoldsAt(r)} AND ('${ALL}' IN $articles OR any(x IN coalesce(${r}.evidenceArticles, [startNode(${r}).id]) WHERE x IN $articles))`;

// The ranking capGraph defines, computed where the data is: every candidate node with its number of candidate
// edges (out and in; a loop counts twice), best connected first, ties by elementId; with `onlyConnected` only
// nodes on a candidate edge. Only the kept nodes and the totals travel: ranking in JS needed every candidate's
// and edge's id (~20 000 id triples per start view at 1 000 articles, growing with the corpus). The
// relationships between the kept nodes follow in a second statement, as for the unfiltered overview.
const RANKED = `
  MATCH (n) WHERE ${NODE_OK('n')}
  WITH n,
    COUNT { (n)-[r]->(b) WHERE ${EDGE_OK('r')} AND ${NODE_OK('b')} } AS outgoing,
    COUNT { (a)-[r]->(n) WHERE ${EDGE_OK('r')} AND ${NODE_OK('a')} } AS incoming
  WITH n, outgoing, outgoing + incoming AS degree
  WHERE NOT $onlyConnected OR degree > 0
  ORDER BY degree DESC, elementId(n)
  RETURN collect(n)[..$limit] AS nodes, count(n) AS totalNodes, sum(outgoing) AS totalEdges`;

const KEPT_EDGES = `
  MATCH (a)-[r]->(b)
  WHERE elementId(a) IN $ids AND elementId(b) IN $ids AND ${EDGE_OK('r')}
  RETURN collect(r) AS rels`;

/**
 * Picks at most `limit` nodes, best connected first (ties by id, so answers are stable), and the edges
 * between them. With a type or article filter only ends of matching edges are candidates: the answer is the
 * subgraph of those relationships. The reference for the ranking RANKED computes in the database.
 */
export function capGraph(
  nodes: string[],
  edges: [string, string, string][],
  limit: number,
  onlyConnected: boolean,
): { nodes: string[]; edges: string[]; totalNodes: number; totalEdges: number } {
  const degree = new Map<string, number>();
  if (!onlyConnected) for (const n of nodes) degree.set(n, 0);
  for (const [, a, b] of edges) {
    degree.set(a, (degree.get(a) ?? 0) + 1);
    degree.set(b, (degree.get(b) ?? 0) + 1);
  }
  const ranked = [...degree.entries()].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0)).map(([id]) => id);
  const kept = new Set(ranked.slice(0, limit));
  return {
    nodes: [...kept],
    edges: edges.filter(([, a, b]) => kept.has(a) && kept.has(b)).map(([r]) => r),
    totalNodes: ranked.length,
    totalEdges: edges.length,
  };
}

/** Throws a 400 naming `articles` when an id is not an article in the database. */
async function checkArticles(db: Database, ids: string[] | null): Promise<string[] | null> {
  if (ids === null) return null;
  if (ids.length === 0) throw new ValidationError('query parameter "articles": give at least one article id', [{ parameter: 'articles', message: 'empty list' }]);
  const result = await db.read<{ id: string }>('MATCH (a:Article) WHERE a.id IN $ids RETURN a.id AS id', { ids });
  const found = new Set(result.records.map((r) => r.get('id')));
  const unknown = ids.filter((id) => !found.has(id));
  if (unknown.length > 0) {
    const message = `unknown article ${unknown.map((u) => `"${u}"`).join(', ')} (see /api/articles)`;
    throw new ValidationError(`query parameter "articles": ${message}`, [{ parameter: 'articles', message }]);
  }
  return [...found];
}

// Above this many relationships (count store) an overview that only filters by date ranks nodes by their
// degree today instead of reading every relationship to count the ones that held on the date.
export const EXACT_RANKING_UP_TO = 200_000;

// The overview without filters (the UI's first view), or only as of a date on a large graph, without reading
// every relationship: a node's degree comes from Neo4j's degree store (constant time per node), less its
// MENTIONS unless asked for and its NAMED (Name nodes are not shown), which is the degree capGraph would count
// without a date; the totals from the count store. The best connected `limit` nodes (that exist on the date),
// ties by elementId as in capGraph, then the relationships between them (that held on the date).
const topNodes = (dated: boolean) => `
  CALL () {
    MATCH (n) WHERE (n:Entity OR n:Article) AND ${nodeExistsAt('n')}
    WITH n, COUNT { (n)--() } - COUNT { (n)-[:NAMED]-() } - CASE WHEN $includeMentions THEN 0 ELSE COUNT { (n)-[:MENTIONS]-() } END AS degree
    ORDER BY degree DESC, elementId(n)
    LIMIT $limit
    RETURN collect(n) AS nodes
  }
  CALL () {
    ${dated ? `MATCH (n) WHERE (n:Entity OR n:Article) AND ${nodeExistsAt('n')} RETURN count(n) AS existing` : 'RETURN 0 AS existing'}
  }
  CALL () { MATCH (n:Entity) RETURN count(n) AS entities }
  CALL () { MATCH (n:Article) RETURN count(n) AS articles }
  CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
  CALL () { MATCH ()-[r:MENTIONS]->() RETURN count(r) AS mentions }
  CALL () { MATCH ()-[r:NAMED]->() RETURN count(r) AS named }
  RETURN nodes, CASE WHEN $dated THEN existing ELSE entities + articles END AS totalNodes,
    relationships - named - CASE WHEN $includeMentions THEN 0 ELSE mentions END AS totalEdges`;

const BETWEEN = `
  MATCH (a)-[r]->(b)
  WHERE elementId(a) IN $ids AND elementId(b) IN $ids AND ($includeMentions OR type(r) <> 'MENTIONS') AND ${relHoldsAt('r')}
  RETURN collect(r) AS rels`;

const RELATIONSHIP_COUNT = 'MATCH ()-[r]->() RETURN count(r) AS relationships';

async function rankedByDegreeStore(db: Database, limit: number, asOf: string | null, includeMentions: boolean): Promise<GraphResponse> {
  const dates = filterParams({ asOf });
  const top = (await db.read(topNodes(dates.dated), { limit: neo4j.int(limit), includeMentions, asOf: dates.asOf, dated: dates.dated })).records[0]!;
  const nodes = top.get('nodes') as Node[];
  const builder = new GraphBuilder();
  nodes.forEach((n) => builder.addNode(n));
  if (nodes.length > 0) {
    const between = (await db.read(BETWEEN, { ids: nodes.map((n) => n.elementId), includeMentions, asOf: dates.asOf, dated: dates.dated })).records[0]!;
    (between.get('rels') as Relationship[]).forEach((r) => builder.addRelationship(r));
  }
  const graph = builder.build();
  await applyNamesAsOf(db, graph.nodes, asOf);
  const totalNodes = Number(top.get('totalNodes'));
  const truncated = totalNodes > nodes.length;
  // Past the cap, how many relationships held on a date is not known without reading them all.
  const edges = !truncated ? graph.edges.length : dates.dated ? null : Number(top.get('totalEdges'));
  return { graph, truncated, totals: { nodes: totalNodes, edges } };
}

/** The overview graph, filtered and capped at `limit` nodes; as of a date when `asOf` is set. */
export async function overview(db: Database, f: OverviewFilters, opts: { exactRankingUpTo?: number } = {}): Promise<GraphResponse> {
  if (f.labels === null && f.types === null && f.articles === null) {
    if (f.asOf === null) return rankedByDegreeStore(db, f.limit, null, f.includeMentions);
    const size = Number((await db.read(RELATIONSHIP_COUNT)).records[0]!.get('relationships'));
    if (size > (opts.exactRankingUpTo ?? EXACT_RANKING_UP_TO)) return rankedByDegreeStore(db, f.limit, f.asOf, f.includeMentions);
  }
  const articles = await checkArticles(db, f.articles);
  const params = { ...filterParams(f), articles: listOrAll(articles) };
  const ranked = (await db.read(RANKED, { ...params, onlyConnected: articles !== null || f.types !== null, limit: neo4j.int(f.limit) })).records[0]!;
  const nodes = ranked.get('nodes') as Node[];
  const builder = new GraphBuilder();
  nodes.forEach((n) => builder.addNode(n));
  if (nodes.length > 0) {
    const kept = (await db.read(KEPT_EDGES, { ...params, ids: nodes.map((n) => n.elementId) })).records[0]!;
    (kept.get('rels') as Relationship[]).forEach((r) => builder.addRelationship(r));
  }
  const graph = builder.build();
  await applyNamesAsOf(db, graph.nodes, f.asOf);
  const totalNodes = Number(ranked.get('totalNodes'));
  return { graph, truncated: totalNodes > nodes.length, totals: { nodes: totalNodes, edges: Number(ranked.get('totalEdges')) } };
}
