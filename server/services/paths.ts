import neo4j, { type Path } from 'neo4j-driver';
import { filterParams, listOrAll, relTypeWanted } from '../cypher/explore/fragments';
import type { Database } from '../neo4j/database';
import { GraphBuilder, nodeKey } from '../neo4j/values';
import { ValidationError } from '../errors';
import type { PathsResponse } from '../../contract/explore';
import { evidenceByEdge } from './evidence';
import { applyNamesAsOf } from './names';
import { requireNodes } from './nodes';

export const MAX_PATH_LENGTH = 10;

export interface PathOptions {
  maxLength: number;
  avoid: string[] | null;
  limit: number;
  includeMentions: boolean;
  /** Name actors on the paths as they were called on this date. */
  asOf?: string | null;
}

/**
 * The shortest-paths query. Cypher takes a variable-length bound only as a literal, so `maxLength` is written
 * into the text — after checking it is an integer in 1..10 (the route's zod schema already did so).
 */
export function shortestPathsCypher(maxLength: number): string {
  if (!Number.isInteger(maxLength) || maxLength < 1 || maxLength > MAX_PATH_LENGTH) {
    throw new ValidationError(`query parameter "maxLength": must be an integer from 1 to ${MAX_PATH_LENGTH}`, [{ parameter: 'maxLength', message: 'out of range' }]);
  }
  return `
    MATCH (a) WHERE elementId(a) = $from
    MATCH (b) WHERE elementId(b) = $to
    MATCH p = allShortestPaths((a)-[*..${maxLength}]-(b))
    WHERE all(r IN relationships(p) WHERE ${relTypeWanted('r')})
      AND all(n IN nodes(p) WHERE n = a OR n = b OR none(l IN labels(n) WHERE l IN $avoid))
    WITH p ORDER BY [n IN nodes(p) | coalesce(n.id, elementId(n))]
    LIMIT $limit
    RETURN p`;
}

/**
 * Shortest paths between two nodes (404 for an unknown id), with the evidence of every edge on them; with
 * `o.asOf` the actors on them carry the name of that date.
 */
export async function shortestPaths(db: Database, from: string, to: string, o: PathOptions): Promise<PathsResponse> {
  if (from === to) throw new ValidationError('query parameter "to": must name a different node than "from"', [{ parameter: 'to', message: 'same node as from' }]);
  const resolved = await requireNodes(db, [from, to]);
  if (resolved.get(from) === resolved.get(to)) throw new ValidationError('query parameter "to": must name a different node than "from"', [{ parameter: 'to', message: 'same node as from' }]);
  const result = await db.read(shortestPathsCypher(o.maxLength), {
    from: resolved.get(from),
    to: resolved.get(to),
    // No label is '*', so "avoid nothing" needs no special case in the query.
    avoid: listOrAll(o.avoid),
    ...filterParams({ includeMentions: o.includeMentions }),
    limit: neo4j.int(o.limit),
  });
  const builder = new GraphBuilder();
  const paths = result.records.map((record) => {
    const p = record.get('p') as Path;
    builder.addPath(p);
    const nodeIds = [nodeKey(p.start), ...p.segments.map((s) => nodeKey(s.end))];
    const edgeIds = p.segments.map((s) => {
      const id = s.relationship.properties['id'];
      return typeof id === 'string' ? id : s.relationship.elementId;
    });
    return { nodeIds, edgeIds, length: p.length };
  });
  const graph = builder.build();
  await applyNamesAsOf(db, graph.nodes, o.asOf);
  return { paths, graph, evidence: await evidenceByEdge(db, graph.edges) };
}
