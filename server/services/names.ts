import { ALL, listOrAll } from '../cypher/explore/fragments';
import type { Database } from '../neo4j/database';
import { toPlain } from '../neo4j/values';
import type { GraphNode } from '../../contract/graph';

/** One name an actor bore: from `start` (stated validFrom, else first evidence) until `end` (exclusive). */
export interface NameSpan {
  value: string;
  short: string | null;
  start: string | null;
  end: string | null;
}

/**
 * The name that held on `date` (ISO): the latest-starting span with start <= date < end. A date before every
 * known name gets the earliest name (the oldest name we know of, rather than an anachronistic newer one);
 * a date after a name ended with no successor gets null (the caller keeps the current name).
 */
export function nameAt(spans: NameSpan[], date: string): NameSpan | null {
  const sorted = [...spans].sort((a, b) => (a.start ?? '').localeCompare(b.start ?? ''));
  let held: NameSpan | null = null;
  for (const s of sorted) if ((s.start ?? '') <= date && (s.end === null || s.end > date)) held = s;
  if (held) return held;
  const first = sorted[0];
  return first && first.start !== null && date < first.start ? first : null;
}

/** Name histories of actors (all actors that have NAMED facts when `ids` is null), by actor id. */
export async function loadNameHistories(db: Database, ids: string[] | null): Promise<Map<string, NameSpan[]>> {
  if (ids !== null && ids.length === 0) return new Map();
  const result = await db.read(
    `MATCH (a:Actor)-[r:NAMED]->(n:Name)
     WHERE '${ALL}' IN $ids OR a.id IN $ids
     RETURN a.id AS id, n.value AS value, n.short AS short,
            toString(coalesce(r.validFrom, r.firstSeen)) AS start, toString(r.validTo) AS end`,
    { ids: listOrAll(ids) },
  );
  const map = new Map<string, NameSpan[]>();
  for (const r of result.records) {
    const span = toPlain({ value: r.get('value'), short: r.get('short'), start: r.get('start'), end: r.get('end') }) as NameSpan;
    const id = String(r.get('id'));
    map.set(id, [...(map.get(id) ?? []), span]);
  }
  return map;
}

/** The name each of the actors `ids` bore on `asOf`, by actor id; actors without a name history are left out. */
export async function namesAsOf(db: Database, ids: string[], asOf: string): Promise<Map<string, NameSpan>> {
  const histories = await loadNameHistories(db, [...new Set(ids)]);
  const names = new Map<string, NameSpan>();
  for (const [id, spans] of histories) {
    const name = nameAt(spans, asOf);
    if (name) names.set(id, name);
  }
  return names;
}

/**
 * Renames actors to what they were called on `asOf`: `properties.name` becomes the name of that date (SKL
 * before 2019-11-27, SKR after), `properties.shortName` its short form, and `properties.currentName` keeps
 * today's name. Nodes without a name history are left as they are.
 */
export async function applyNamesAsOf(db: Database, nodes: GraphNode[], asOf: string | null | undefined): Promise<void> {
  if (!asOf) return;
  const actors = nodes.filter((n) => n.labels.includes('Actor'));
  if (actors.length === 0) return;
  const names = await namesAsOf(db, actors.map((a) => a.id), asOf);
  for (const node of actors) {
    const name = names.get(node.id);
    if (!name) continue;
    node.properties = { ...node.properties, currentName: node.properties['name'], name: name.value, shortName: name.short };
  }
}
