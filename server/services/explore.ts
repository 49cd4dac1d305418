import neo4j, { type Node, type Relationship } from 'neo4j-driver';
import { filterParams, nodeExistsAt, nodeHasLabel, relHoldsAt, relTypeWanted } from '../cypher/explore/fragments';
import type { Database } from '../neo4j/database';
import { GraphBuilder } from '../neo4j/values';
import type { Neighbourhood } from '../../contract/explore';
import { applyNamesAsOf } from './names';
import { requireNodes } from './nodes';

/** Filters of a neighbourhood request, already checked against the model's labels and types (contract/model.ts). */
export interface NeighbourFilters {
  types: string[] | null;
  labels: string[] | null;
  limit: number;
  offset: number;
  asOf: string | null;
  includeMentions: boolean;
}

/**
 * Ranking a hub's neighbours means reading every one of its relationships, so the ranking of a node with at
 * least `HUB_DEGREE` relationships is remembered (per filter set, its first `RANKED_KEEP` neighbours with
 * their relationships' elementIds) and later pages and repeated expansions read only the page. A remembered
 * ranking is used only while the node's degree (from Neo4j's degree store, constant time) is what it was when
 * ranked, and for at most `RANKING_TTL_MS`; any load that adds or removes a relationship of the hub re-ranks it.
 */
export const HUB_DEGREE = 300;
/** Relationships returned per neighbour: a pair of hubs can share hundreds of facts, which no drawing shows apart. */
export const PAIR_CAP = 10;
const RANKED_KEEP = 500;
const RANKING_TTL_MS = 10 * 60_000;
const MAX_RANKINGS = 200;

interface Ranking {
  degree: number;
  total: number;
  /** The first RANKED_KEEP neighbours in rank order: elementId, the elementIds of (at most PAIR_CAP of) the relationships to it, and their number. */
  ranked: { m: string; rels: string[]; count: number }[];
  at: number;
}

/** Remembered rankings of one database's hubs, least recently used dropped first. */
class Rankings {
  private readonly entries = new Map<string, Ranking>();

  get(key: string): Ranking | undefined {
    const r = this.entries.get(key);
    if (!r) return undefined;
    this.entries.delete(key);
    if (Date.now() - r.at > RANKING_TTL_MS) return undefined;
    this.entries.set(key, r);
    return r;
  }

  set(key: string, r: Ranking): void {
    this.entries.delete(key);
    this.entries.set(key, r);
    while (this.entries.size > MAX_RANKINGS) this.entries.delete(this.entries.keys().next().value!);
  }

  delete(key: string): void {
    this.entries.delete(key);
  }
}

const rankingsByDb = new WeakMap<Database, Rankings>();
function rankingsFor(db: Database): Rankings {
  let r = rankingsByDb.get(db);
  if (!r) rankingsByDb.set(db, (r = new Rankings()));
  return r;
}

// Neighbours are paged as distinct nodes (best connected to the seeds first); the relationships between a
// seed and a neighbour on the page come along, up to PAIR_CAP of them (the count says how many there are).
// For a single hub seed the first RANKED_KEEP of the ranking come back as elementIds, to be remembered.
const NEIGHBOURS = `
  CALL () { MATCH (s) WHERE elementId(s) IN $seeds RETURN collect(s) AS seeds }
  CALL (seeds) {
    UNWIND seeds AS s
    MATCH (s)-[r]-(m)
    WHERE ${relTypeWanted('r')} AND ${relHoldsAt('r')} AND ${nodeHasLabel('m')} AND ${nodeExistsAt('m')}
    WITH m, collect(DISTINCT r) AS rels
    ORDER BY size(rels) DESC, coalesce(m.name, m.title, m.value, m.id), elementId(m)
    RETURN collect({ m: m, rels: rels }) AS candidates
  }
  CALL (seeds) { UNWIND seeds AS s RETURN sum(COUNT { (s)--() }) AS degree }
  RETURN seeds, size(candidates) AS total, degree,
    [c IN candidates[$offset..($offset + $limit)] | { m: c.m, rels: c.rels[..$pairCap], count: size(c.rels) }] AS page,
    CASE WHEN $remember AND degree >= $hubDegree
      THEN [c IN candidates[..$keep] | { m: elementId(c.m), rels: [r IN c.rels[..$pairCap] | elementId(r)], count: size(c.rels) }]
    END AS ranked`;

// A page of a remembered ranking: the seed (only while its degree is unchanged), the page's nodes and
// relationships by elementId, in rank order.
const RANKED_PAGE = `
  MATCH (s) WHERE elementId(s) = $seed AND COUNT { (s)--() } = $degree
  CALL (s) {
    UNWIND range(0, size($page) - 1) AS i
    MATCH (m) WHERE elementId(m) = $page[i].m
    CALL (m, i) {
      UNWIND $page[i].rels AS rid
      MATCH ()-[r]->() WHERE elementId(r) = rid
      RETURN collect(r) AS rels
    }
    WITH i, m, rels ORDER BY i
    RETURN collect({ m: m, rels: rels, count: $page[i].count }) AS page
  }
  RETURN s, page`;

function rankingKey(seed: string, f: NeighbourFilters): string {
  const p = filterParams(f);
  return JSON.stringify([seed, [...p.types].sort(), [...p.labels].sort(), p.dated ? p.asOf : null, p.includeMentions]);
}

type Entry = { m: Node; rels: Relationship[]; count: number | bigint };

/** One page of the neighbours of the given nodes (404 for an unknown id), with the seeds in the graph. */
export async function neighbours(db: Database, ids: string[], f: NeighbourFilters): Promise<Neighbourhood> {
  const resolved = await requireNodes(db, ids);
  const seeds = [...new Set(resolved.values())];
  const rankings = rankingsFor(db);
  const key = seeds.length === 1 ? rankingKey(seeds[0]!, f) : undefined;

  let seedNodes: Node[] | undefined;
  let page: Entry[] = [];
  let total = 0;
  const remembered = key ? rankings.get(key) : undefined;
  if (remembered && (f.offset + f.limit <= remembered.ranked.length || remembered.total <= remembered.ranked.length)) {
    const result = await db.read(RANKED_PAGE, { seed: seeds[0], degree: neo4j.int(remembered.degree), page: remembered.ranked.slice(f.offset, f.offset + f.limit) });
    const record = result.records[0];
    if (record) {
      seedNodes = [record.get('s') as Node];
      page = record.get('page') as Entry[];
      total = remembered.total;
    } else rankings.delete(key!);
  }
  if (!seedNodes) {
    const result = await db.read(NEIGHBOURS, {
      seeds,
      ...filterParams(f),
      offset: neo4j.int(f.offset),
      limit: neo4j.int(f.limit),
      // Only a single seed's ranking is remembered; several seeds' rankings are not shipped for nothing.
      remember: key !== undefined,
      hubDegree: neo4j.int(HUB_DEGREE),
      keep: neo4j.int(RANKED_KEEP),
      pairCap: neo4j.int(PAIR_CAP),
    });
    const record = result.records[0]!;
    seedNodes = record.get('seeds') as Node[];
    page = record.get('page') as Entry[];
    total = Number(record.get('total'));
    const ranked = record.get('ranked') as Ranking['ranked'] | null;
    if (key && ranked) rankings.set(key, { degree: Number(record.get('degree')), total, ranked: ranked.map((r) => ({ ...r, count: Number(r.count) })), at: Date.now() });
  }

  const builder = new GraphBuilder();
  for (const s of seedNodes) builder.addNode(s);
  let leftOut = 0;
  for (const { m, rels, count } of page) {
    builder.addNode(m);
    rels.forEach((r) => builder.addRelationship(r));
    leftOut += Number(count) - rels.length;
  }
  const graph = builder.build();
  await applyNamesAsOf(db, graph.nodes, f.asOf);
  return { graph, total, offset: f.offset, returned: page.length, hasMore: f.offset + page.length < total, relationshipsLeftOut: leftOut };
}
