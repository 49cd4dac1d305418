import neo4j, { type Record as Neo4jRecord, type Relationship } from 'neo4j-driver';
import { QueryTimeoutError } from '../errors';
import type { Database } from '../neo4j/database';
import { toAppError } from '../neo4j/errors';
import { GraphBuilder, toPlain } from '../neo4j/values';
import type { RunResult } from '../../contract/queries';
import { paramError, type ParamProblem } from './params';

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
      async (tx) => {
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
        const { ends, seen } = relationshipEnds(values);
        const missing = [...ends].filter((id) => !seen.has(id)).slice(0, MAX_FETCHED_ENDS);
        const endNodes = missing.length ? (await tx.run('MATCH (n) WHERE elementId(n) IN $ids RETURN n', { ids: missing })).records.map((r) => r.get('n')) : [];
        return { columns, records, truncated, summary, endNodes };
      },
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
    for (const record of out.records) for (const column of out.columns) builder.collect(record.get(column));
    out.endNodes.forEach((n) => builder.addNode(n));
    const rows = out.records.map((record) => Object.fromEntries(out.columns.map((c) => [c, toPlain(record.get(c))])));
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
