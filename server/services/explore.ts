import neo4j, { type Node, type Relationship } from 'neo4j-driver';
import { filterParams, nodeExistsAt, nodeHasLabel, relHoldsAt, relTypeWanted } from '../cypher/explore/fragments';
import type { Database } from '../neo4j/database';
import { GraphBuilder } from '../neo4j/values';
import type { Neighbourhood } from '../schemas/explore';
import { applyNamesAsOf } from './names';
import { requireNodes } from './nodes';

/** Filters of a neighbourhood request, already checked against the database's labels and types. */
export interface NeighbourFilters {
  types: string[] | null;
  labels: string[] | null;
  limit: number;
  offset: number;
  asOf: string | null;
  includeMentions: boolean;
}

// Neighbours are paged as distinct nodes (best connected to the seeds first); every relationship between a
// seed and a neighbour on the page comes along, so a page never shows half of a pair's facts.
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
  RETURN seeds, size(candidates) AS total, candidates[$offset..($offset + $limit)] AS page`;

/** One page of the neighbours of the given nodes (404 for an unknown id), with the seeds in the graph. */
export async function neighbours(db: Database, ids: string[], f: NeighbourFilters): Promise<Neighbourhood> {
  const resolved = await requireNodes(db, ids);
  const result = await db.read(NEIGHBOURS, {
    seeds: [...new Set(resolved.values())],
    ...filterParams(f),
    offset: neo4j.int(f.offset),
    limit: neo4j.int(f.limit),
  });
  const record = result.records[0]!;
  const builder = new GraphBuilder();
  for (const s of record.get('seeds') as Node[]) builder.addNode(s);
  const page = record.get('page') as { m: Node; rels: Relationship[] }[];
  for (const { m, rels } of page) {
    builder.addNode(m);
    rels.forEach((r) => builder.addRelationship(r));
  }
  const graph = builder.build();
  await applyNamesAsOf(db, graph.nodes, f.asOf);
  const total = Number(record.get('total'));
  return { graph, total, offset: f.offset, returned: page.length, hasMore: f.offset + page.length < total };
}
