import neo4j, { type Record as Neo4jRecord, type Relationship } from 'neo4j-driver';
import { QueryRejectedError, QueryTimeoutError } from '../errors';
import type { Database } from '../neo4j/database';
import { toAppError } from '../neo4j/errors';
import { GraphBuilder, toPlain } from '../neo4j/values';
import type { RunResult } from '../../contract/queries';
import { paramError, type ParamProblem } from './params';
import { isProtectedKey, isProtectedNode, PROTECTED_LABELS } from './protected';

export interface RunLimits {
  /** Server-side transaction timeout: the database terminates the query after it. */
  timeoutMs: number;
  /** Rows read from the stream at most; the rest is discarded unread. */
  maxRows: number;
}

/** Extra time the client waits past the server-side timeout before it gives up on an unanswering server. */
const CLIENT_GRACE_MS = 5_000;
/** End nodes fetched for relationships whose ends the rows do not contain, at most. */
const MAX_FETCHED_ENDS = 2_000;

/** Walks driver values for relationships and nodes, to find relationship ends the rows leave out. */
function relationshipEnds(values: unknown[]): { ends: Set<string>; seen: Set<string> } {
  const ends = new Set<string>();
  const seen = new Set<string>();
  const walk = (value: unknown, depth: number) => {
    if (value === null || value === undefined || depth > 8) return;
    if (neo4j.isNode(value)) seen.add(value.elementId);
    else if (neo4j.isRelationship(value)) {
      const rel = value as Relationship;
      ends.add(rel.startNodeElementId);
      ends.add(rel.endNodeElementId);
    } else if (neo4j.isPath(value)) {
      value.segments.forEach((s) => {
        seen.add(s.start.elementId);
        seen.add(s.end.elementId);
      });
      seen.add(value.start.elementId);
    } else if (Array.isArray(value)) value.forEach((v) => walk(v, depth + 1));
    else if (typeof value === 'object' && !neo4j.isInt(value) && Object.getPrototypeOf(value) === Object.prototype) {
      Object.values(value as Record<string, unknown>).forEach((v) => walk(v, depth + 1));
    }
  };
  values.forEach((v) => walk(v, 0));
  return { ends, seen };
}

/** Marks a value withheld from a result: a protected node, a relationship or path touching one. */
export const WITHHELD = Symbol('withheld');

/**
 * A driver value without protected data: protected nodes (User, Session, AuditEvent, IngestDraft), and
 * relationships or paths touching one, become WITHHELD; lists lose such elements, maps such entries and their
 * protected keys (`properties(n)['passwordHash']`). `blocked` holds the element ids of protected nodes.
 */
export function withholdProtected(value: unknown, blocked: ReadonlySet<string>, depth = 0): unknown {
  if (value === null || value === undefined || typeof value !== 'object' || depth > 16) return value;
  if (neo4j.isNode(value)) return isProtectedNode(value.labels) || blocked.has(value.elementId) ? WITHHELD : value;
  if (neo4j.isRelationship(value)) {
    const rel = value as Relationship;
    return blocked.has(rel.startNodeElementId) || blocked.has(rel.endNodeElementId) ? WITHHELD : value;
  }
  if (neo4j.isPath(value)) {
    const nodes = [value.start, value.end, ...value.segments.flatMap((s) => [s.start, s.end])];
    return nodes.some((n) => isProtectedNode(n.labels) || blocked.has(n.elementId)) ? WITHHELD : value;
  }
  if (Array.isArray(value)) return value.map((v) => withholdProtected(v, blocked, depth + 1)).filter((v) => v !== WITHHELD);
  if (!neo4j.isInt(value) && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (isProtectedKey(k)) continue;
      const kept = withholdProtected(v, blocked, depth + 1);
      if (kept !== WITHHELD) out[k] = kept;
    }
    return out;
  }
  return value;
}

/** Element ids of the protected nodes among `values` (by their labels). */
function protectedIds(values: unknown[]): Set<string> {
  const ids = new Set<string>();
  const walk = (value: unknown, depth: number) => {
    if (value === null || value === undefined || typeof value !== 'object' || depth > 16) return;
    if (neo4j.isNode(value)) {
      if (isProtectedNode(value.labels)) ids.add(value.elementId);
    } else if (neo4j.isPath(value)) {
      [value.start, value.end, ...value.segments.flatMap((s) => [s.start, s.end])].forEach((n) => walk(n, depth + 1));
    } else if (Array.isArray(value)) value.forEach((v) => walk(v, depth + 1));
    else if (!neo4j.isInt(value) && Object.getPrototypeOf(value) === Object.prototype) Object.values(value as Record<string, unknown>).forEach((v) => walk(v, depth + 1));
  };
  values.forEach((v) => walk(v, 0));
  return ids;
}

/**
 * Runs `work`, turning a failure that is the query's own fault into its API error at once. The driver retries a
 * transaction that failed with a transient error; a query over the per-transaction memory cap fails that way
 * (MemoryPoolOutOfMemoryError) but would fail the same on every try, so it must not be retried.
 */
async function refuseWithoutRetry<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    const mapped = toAppError(err);
    throw mapped instanceof QueryRejectedError ? mapped : err;
  }
}

/**
 * Runs one checked statement in a read transaction: the session is READ and the work goes through
 * executeRead, so the database itself refuses any write. The stream is read up to the row cap and the rest
 * discarded; the transaction timeout makes the server terminate a query that runs too long.
 */
export async function runReadOnly(
  db: Database,
  statement: string,
  params: Record<string, unknown>,
  limits: RunLimits,
  metadata: Record<string, string> = {},
): Promise<RunResult> {
  db.assertAvailable();
  const session = db.driver.session({
    defaultAccessMode: neo4j.session.READ,
    database: db.database,
    fetchSize: Math.min(limits.maxRows + 1, 1_000),
  });
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  let gaveUp = false;
  try {
    const work = session.executeRead(
      (tx) => refuseWithoutRetry(async () => {
        const result = tx.run(statement, params);
        const columns = [...(await result.keys())].map(String);
        const records: Neo4jRecord[] = [];
        let truncated = false;
        for await (const record of result) {
          if (records.length >= limits.maxRows) {
            truncated = true;
            break;
          }
          records.push(record);
        }
        const summary = await result.summary();
        const values = records.flatMap((r) => columns.map((c) => r.get(c)));
        // Relationships to protected nodes the rows leave out are withheld too, so those ends are looked up.
        const blocked = protectedIds(values);
        const all = relationshipEnds(values);
        const outside = [...all.ends].filter((id) => !all.seen.has(id));
        if (outside.length) {
          const found = await tx.run('MATCH (n) WHERE elementId(n) IN $ids AND any(l IN labels(n) WHERE l IN $labels) RETURN elementId(n) AS id', { ids: outside, labels: [...PROTECTED_LABELS] });
          found.records.forEach((r) => blocked.add(String(r.get('id'))));
        }
        // A row holding a protected node (or a relationship or path touching one) is left out as a whole: its
        // other columns are usually that node's properties.
        const kept: unknown[][] = [];
        for (const record of records) {
          const row = columns.map((c) => withholdProtected(record.get(c), blocked));
          if (!row.includes(WITHHELD)) kept.push(row);
        }
        const { ends, seen } = relationshipEnds(kept.flat());
        const missing = [...ends].filter((id) => !seen.has(id)).slice(0, MAX_FETCHED_ENDS);
        const endNodes = missing.length ? (await tx.run('MATCH (n) WHERE elementId(n) IN $ids RETURN n', { ids: missing })).records.map((r) => r.get('n')) : [];
        return { columns, kept, truncated, summary, endNodes };
      }),
      { timeout: limits.timeoutMs, metadata: { app: 'explorer', ...metadata } },
    );
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        gaveUp = true;
        reject(new QueryTimeoutError(`The query ran past its time limit of ${limits.timeoutMs} ms and the database did not stop it in time; the explorer gave up waiting.`));
      }, limits.timeoutMs + CLIENT_GRACE_MS);
    });
    const out = await Promise.race([work, deadline]);

    const builder = new GraphBuilder();
    for (const row of out.kept) for (const value of row) builder.collect(value);
    out.endNodes.forEach((n) => builder.addNode(n));
    const rows = out.kept.map((row) => Object.fromEntries(out.columns.map((c, i) => [c, toPlain(row[i])])));
    const counters = Object.fromEntries(Object.entries(out.summary.counters.updates()).map(([k, v]) => [k, Number(v)]));
    return {
      columns: out.columns,
      rows: rows as Record<string, unknown>[],
      graph: builder.build(),
      counters,
      timeMs: Math.round(performance.now() - started),
      rowCount: rows.length,
      truncated: out.truncated,
      queryType: String(out.summary.queryType),
      limits,
    };
  } catch (err) {
    throw toAppError(err, { timeoutMs: limits.timeoutMs });
  } finally {
    clearTimeout(timer);
    // After giving up, closing would wait for the stuck query; let it close in the background.
    if (gaveUp) void session.close().catch(() => {});
    else await session.close();
  }
}

/** Checks that each node parameter names a node in the graph; an unknown id answers 400 with near matches. */
export async function checkNodeIds(db: Database, nodes: { parameter: string; id: string }[]): Promise<void> {
  if (nodes.length === 0) return;
  const ids = [...new Set(nodes.map((n) => n.id))];
  const result = await db.read<{ id: string; found: boolean; suggestions: string[] }>(
    `UNWIND $ids AS id
     RETURN id,
       EXISTS { MATCH (:Entity {id: id}) } OR EXISTS { MATCH (:Article {id: id}) } OR EXISTS { MATCH (:Name {id: id}) } AS found,
       COLLECT {
         MATCH (e:Entity)
         WHERE e.id ENDS WITH '-' + toLower(id) OR toLower(e.name) = toLower(id) OR any(a IN coalesce(e.aliases, []) WHERE toLower(a) = toLower(id))
         RETURN e.id + ' (' + e.name + ')' ORDER BY e.id LIMIT 3
       } AS suggestions`,
    { ids },
  );
  const problems: ParamProblem[] = [];
  for (const record of result.records) {
    if (record.get('found')) continue;
    const id = record.get('id');
    const suggestions = record.get('suggestions');
    for (const node of nodes.filter((n) => n.id === id)) {
      problems.push({
        parameter: node.parameter,
        message: `no node has the id "${id}"${suggestions.length ? `; did you mean ${suggestions.join(' or ')}?` : ''}`,
      });
    }
  }
  if (problems.length) throw paramError(problems);
}
