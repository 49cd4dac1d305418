import type { Node, Relationship } from 'neo4j-driver';
import { nodeExistsAt, relHoldsAt } from '../cypher/explore/fragments';
import type { Database } from '../neo4j/database';
import { GraphBuilder, nodeKey } from '../neo4j/values';
import { ValidationError } from '../errors';
import type { TimeDiff } from '../../contract/explore';
import type { Graph } from '../../contract/graph';
import { applyNamesAsOf, loadNameHistories, nameAt } from './names';

// Renames are reported in `renamed`, so NAMED facts stay out of added/removed; MENTIONS are not facts.
const CHANGED_FACTS = `
  MATCH (a)-[r]->(b)
  WHERE NOT type(r) IN ['MENTIONS', 'NAMED']
  WITH a, r, b, ${relHoldsAt('r', '$from', 'true')} AND ${nodeExistsAt('a', '$from', 'true')} AND ${nodeExistsAt('b', '$from', 'true')} AS before,
                ${relHoldsAt('r', '$to', 'true')} AND ${nodeExistsAt('a', '$to', 'true')} AND ${nodeExistsAt('b', '$to', 'true')} AS after
  WHERE before <> after
  RETURN a, r, b, after AS added`;

const CHANGED_NODES = `
  MATCH (n) WHERE n:Entity OR n:Article
  WITH n, ${nodeExistsAt('n', '$from', 'true')} AS before, ${nodeExistsAt('n', '$to', 'true')} AS after
  WHERE before <> after
  RETURN n, after AS added`;

/** Marks each node of a diff graph as changed (`added`/`removed`) or as unchanged context of a changed fact. */
function mark(graph: Graph, changed: Set<string>, status: 'added' | 'removed'): Graph {
  return { ...graph, nodes: graph.nodes.map((n) => ({ ...n, properties: { ...n.properties, diff: changed.has(n.id) ? status : 'context' } })) };
}

/** What changed between two dates: facts and entities that appeared or disappeared, and renamed actors. */
export async function timeDiff(db: Database, from: string, to: string): Promise<TimeDiff> {
  if (from > to) throw new ValidationError('query parameter "to": must be on or after "from"', [{ parameter: 'to', message: 'before from' }]);
  const params = { from, to };
  const [facts, nodes, histories] = await Promise.all([db.read(CHANGED_FACTS, params), db.read(CHANGED_NODES, params), loadNameHistories(db, null)]);
  const added = new GraphBuilder();
  const removed = new GraphBuilder();
  const addedIds = new Set<string>();
  const removedIds = new Set<string>();
  for (const record of nodes.records) {
    const n = record.get('n') as Node;
    const isAdded = record.get('added') as boolean;
    (isAdded ? added : removed).addNode(n);
    (isAdded ? addedIds : removedIds).add(nodeKey(n));
  }
  for (const record of facts.records) {
    const builder = (record.get('added') as boolean) ? added : removed;
    builder.addNode(record.get('a') as Node);
    builder.addNode(record.get('b') as Node);
    builder.addRelationship(record.get('r') as Relationship);
  }
  const addedGraph = mark(added.build(), addedIds, 'added');
  const removedGraph = mark(removed.build(), removedIds, 'removed');
  await applyNamesAsOf(db, addedGraph.nodes, to);
  await applyNamesAsOf(db, removedGraph.nodes, from);

  const renamed: TimeDiff['renamed'] = [];
  for (const [id, spans] of histories) {
    const before = nameAt(spans, from);
    const after = nameAt(spans, to);
    if (before && after && before.value !== after.value) {
      renamed.push({ id, from: before.value, to: after.value, fromShort: before.short, toShort: after.short });
    }
  }
  return { from, to, added: addedGraph, removed: removedGraph, renamed };
}
