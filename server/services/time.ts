import neo4j, { type Node, type Relationship } from 'neo4j-driver';
import { nodeExistsAt, relHoldsAt } from '../cypher/explore/fragments';
import type { Database } from '../neo4j/database';
import { GraphBuilder, nodeKey, toPlain } from '../neo4j/values';
import { ValidationError } from '../errors';
import type { TimeDiff, Timeline, TimelineBucket } from '../../contract/explore';
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

// Every date a fact carries: its start (stated validFrom, else the first evidence) and end count as events in
// the density strip; firstSeen only widens the range (it is the start when no validFrom is stated).
const FACT_DATES = `
  MATCH ()-[r]->() WHERE type(r) <> 'MENTIONS'
  UNWIND [[coalesce(r.validFrom, r.firstSeen), 1], [r.validTo, 1], [r.firstSeen, 0]] AS event
  WITH event[0] AS d, event[1] AS weight WHERE d IS NOT NULL
  RETURN toString(d) AS date, sum(weight) AS count
  ORDER BY date`;

const ENTITY_DATES = `
  MATCH (n:Entity) WHERE n.validFrom IS NOT NULL OR n.validTo IS NOT NULL
  UNWIND [n.validFrom, n.validTo] AS d
  WITH d WHERE d IS NOT NULL
  RETURN toString(min(d)) AS min, toString(max(d)) AS max`;

// Oldest first; past $limit every (total/limit)-th article, so the marks still cover the whole span.
const ARTICLES = `
  MATCH (a:Article) WHERE a.published IS NOT NULL
  WITH a ORDER BY a.published, a.id
  WITH collect(a { .id, .title, .outlet, published: toString(a.published) }) AS rows
  RETURN size(rows) AS total, rows[0].published AS first, rows[-1].published AS last,
         CASE WHEN size(rows) <= $limit THEN rows ELSE [i IN range(0, $limit - 1) | rows[i * size(rows) / $limit]] END AS articles`;

/** Past this many distinct days the density strip is counted per month. */
export const MAX_DAY_BUCKETS = 400;

/** Day counts → the strip the client draws: as they are, or summed per month (dated the 1st) when there are many days. */
export function bucketFacts(days: TimelineBucket[]): { bucket: 'day' | 'month'; facts: TimelineBucket[] } {
  const nonEmpty = days.filter((d) => d.count > 0);
  if (nonEmpty.length <= MAX_DAY_BUCKETS) return { bucket: 'day', facts: nonEmpty };
  const months = new Map<string, number>();
  for (const d of nonEmpty) {
    const month = `${d.date.slice(0, 7)}-01`;
    months.set(month, (months.get(month) ?? 0) + d.count);
  }
  return { bucket: 'month', facts: [...months].map(([date, count]) => ({ date, count })) };
}

/** The data's time span, its articles (at most `limit`, spread over time) and the density of dated facts. */
export async function timeline(db: Database, limit: number): Promise<Timeline> {
  const [factRows, entityRows, articleRows] = await Promise.all([
    db.read(FACT_DATES),
    db.read(ENTITY_DATES),
    db.read(ARTICLES, { limit: neo4j.int(limit) }),
  ]);
  const days = factRows.records.map((r) => ({ date: String(r.get('date')).slice(0, 10), count: Number(r.get('count')) }));
  const a = articleRows.records[0];
  const e = entityRows.records[0];
  const dates = [
    days[0]?.date,
    days[days.length - 1]?.date,
    a?.get('first') as string | null | undefined,
    a?.get('last') as string | null | undefined,
    e?.get('min') as string | null | undefined,
    e?.get('max') as string | null | undefined,
  ]
    .filter((d): d is string => typeof d === 'string' && d.length >= 10)
    .map((d) => d.slice(0, 10))
    .sort();
  const articles = (a ? (toPlain(a.get('articles')) as Timeline['articles']) : []).map((x) => ({ ...x, published: x.published.slice(0, 10), outlet: x.outlet ?? null }));
  return {
    range: dates.length > 0 ? { min: dates[0]!, max: dates[dates.length - 1]! } : null,
    articles,
    articleTotal: a ? Number(a.get('total')) : 0,
    ...bucketFacts(days),
  };
}
