import neo4j, { Neo4jError, type ResultSummary } from 'neo4j-driver';
import { QueryRejectedError } from '../errors';
import type { Database } from '../neo4j/database';
import { toAppError } from '../neo4j/errors';
import { scanCypher } from '../../contract/cypherText';
import { refuseProtectedText } from './protected';

/**
 * Procedures a query may call: they only read the graph or its schema. Everything else is refused, including
 * procedures that the database itself classes as READ but that change state (db.stats.clear,
 * db.resampleIndex) and DBMS ones (db.clearQueryCaches, dbms.killConnection).
 */
export const READ_ONLY_PROCEDURES: ReadonlySet<string> = new Set([
  'db.labels',
  'db.relationshipTypes',
  'db.propertyKeys',
  'db.schema.visualization',
  'db.schema.nodeTypeProperties',
  'db.schema.relTypeProperties',
  'db.index.fulltext.queryNodes',
  'db.index.fulltext.queryRelationships',
  'db.index.fulltext.listAvailableAnalyzers',
  'db.index.vector.queryNodes',
  'db.index.vector.queryRelationships',
  'db.info',
  'db.ping',
  'dbms.components',
]);

/** SHOW commands that list the schema or the callable functions; the others show other users' queries or settings. */
const ALLOWED_SHOW = new Set(['ShowIndexes', 'ShowConstraints', 'ShowProcedures', 'ShowFunctions']);

export interface CheckedCypher {
  /** The one statement to run, without a trailing semicolon. */
  statement: string;
  /** The planner's query type: always "r" once checked. */
  queryType: string;
  /** Every `$parameter` the text uses, in order of first use. */
  parameters: string[];
}

interface PlanOperator {
  name: string;
  database: string | undefined;
  details: string;
}

const procedureModes = new WeakMap<Database, Promise<Map<string, string>>>();

/** Texts already found read-only, per database: whether a text writes does not change, so it is planned once. */
const checkedTexts = new WeakMap<Database, Map<string, CheckedCypher>>();
const MAX_CHECKED_TEXTS = 500;

/** The mode (READ, WRITE, SCHEMA, DBMS) of every procedure, asked once per database connection. */
function modesOf(db: Database): Promise<Map<string, string>> {
  let modes = procedureModes.get(db);
  if (!modes) {
    modes = db
      .read<{ name: string; mode: string }>('SHOW PROCEDURES YIELD name, mode RETURN name, mode')
      .then((r) => new Map(r.records.map((rec) => [rec.get('name'), rec.get('mode')])));
    modes.catch(() => procedureModes.delete(db));
    procedureModes.set(db, modes);
  }
  return modes;
}

function operators(summary: ResultSummary): PlanOperator[] {
  const out: PlanOperator[] = [];
  const walk = (plan: unknown) => {
    if (!plan || typeof plan !== 'object') return;
    const p = plan as { operatorType?: string; arguments?: Record<string, unknown>; children?: unknown[] };
    const [name, database] = String(p.operatorType ?? '').split('@');
    out.push({ name: name ?? '', database, details: String(p.arguments?.['Details'] ?? '') });
    (p.children ?? []).forEach(walk);
  };
  walk(summary.plan);
  return out;
}

/** The clauses behind write operators, for a message a person can act on. */
function writeClauses(ops: PlanOperator[]): string[] {
  const clauses = new Set<string>();
  for (const { name } of ops) {
    if (/Merge/.test(name)) clauses.add('MERGE');
    else if (/^Create/.test(name)) clauses.add('CREATE');
    else if (/Delete/.test(name)) clauses.add('DELETE');
    else if (/^Remove/.test(name)) clauses.add('REMOVE');
    else if (/^Set/.test(name)) clauses.add('SET/REMOVE');
    else if (name === 'Foreach') clauses.add('FOREACH');
  }
  return [...clauses];
}

/** Rewrites the server's syntax error so its line/column point into the user's text, not our `EXPLAIN ` prefix. */
function syntaxMessage(message: string, prefixLength: number): string {
  const firstLine = message.split('\n')[0] ?? message;
  return firstLine.replace(/\(line (\d+), column (\d+) \(offset: (\d+)\)\)/, (_m, line: string, column: string, offset: string) => {
    const l = Number(line);
    const c = l === 1 ? Math.max(1, Number(column) - prefixLength) : Number(column);
    return `(line ${l}, column ${c}, offset ${Math.max(0, Number(offset) - prefixLength)})`;
  });
}

/**
 * Checks that Cypher text is one read-only statement before anything runs: EXPLAIN plans it without executing,
 * in a read transaction, and the plan is refused if it writes, changes the schema, administers the DBMS,
 * reads files (LOAD CSV), commits its own transactions (CALL … IN TRANSACTIONS) or calls a procedure outside
 * the read-only allowlist, or if it names protected data (server/queries/protected.ts). The run itself is a
 * read transaction as well, so the database refuses writes too.
 */
export async function checkReadOnly(db: Database, text: string, options: { timeoutMs: number }): Promise<CheckedCypher> {
  let cache = checkedTexts.get(db);
  if (!cache) checkedTexts.set(db, (cache = new Map()));
  const known = cache.get(text);
  if (known) return known;
  const checked = await planAndCheck(db, text, options);
  if (cache.size >= MAX_CHECKED_TEXTS) cache.delete(cache.keys().next().value!);
  cache.set(text, checked);
  return checked;
}

async function planAndCheck(db: Database, text: string, options: { timeoutMs: number }): Promise<CheckedCypher> {
  const scan = scanCypher(text);
  if (scan.statements.length === 0) throw new QueryRejectedError('CYPHER_SYNTAX', 'The text holds no Cypher statement, only comments or semicolons.');
  if (scan.statements.length > 1) {
    throw new QueryRejectedError(
      'MULTIPLE_STATEMENTS',
      `The text holds ${scan.statements.length} statements separated by ";". Run one statement at a time.`,
    );
  }
  const statement = scan.statements[0]!.text;
  const bare = statement.replace(/^(?:EXPLAIN|PROFILE)\b\s*/i, '');
  const prefix = 'EXPLAIN ';

  let summary: ResultSummary;
  db.assertAvailable();
  const session = db.driver.session({ defaultAccessMode: neo4j.session.READ, database: db.database });
  try {
    summary = await session.executeRead((tx) => tx.run(prefix + bare).summary(), { timeout: options.timeoutMs, metadata: { app: 'explorer', purpose: 'explain' } });
  } catch (err) {
    if (err instanceof Neo4jError) {
      if (err.code === 'Neo.ClientError.Statement.UnsupportedAdministrationCommand') {
        throw new QueryRejectedError('ADMIN_REFUSED', 'The query tried to administer the DBMS (databases, users, roles); queries here only read the graph.', { neo4jCode: err.code });
      }
      if (err.code === 'Neo.ClientError.Statement.SyntaxError') {
        throw new QueryRejectedError('CYPHER_SYNTAX', `The query does not parse: ${syntaxMessage(err.message, prefix.length)}`, { neo4jCode: err.code });
      }
    }
    throw toAppError(err, { timeoutMs: options.timeoutMs });
  } finally {
    await session.close();
  }

  const ops = operators(summary);
  const used = [...scan.parameters.keys()];
  const foreign = ops.find((op) => op.database !== undefined && op.database !== db.database);
  if (ops.some((op) => op.name === 'AdministrationCommand') || foreign) {
    throw new QueryRejectedError('ADMIN_REFUSED', 'The query tried to administer the DBMS (users, roles, databases) or to address another database; queries here only read the graph.');
  }
  if (ops.some((op) => op.name === 'LoadCSV')) {
    throw new QueryRejectedError('LOAD_CSV_REFUSED', 'The query tried to read an external file or URL with LOAD CSV; queries here may read only the graph.');
  }
  if (ops.some((op) => op.name === 'TransactionApply' || op.name === 'TransactionForeach')) {
    throw new QueryRejectedError(
      'WRITE_REFUSED',
      'The query tried to commit batches of its own with CALL { … } IN TRANSACTIONS, which is meant for writing; queries here run read-only in one transaction.',
    );
  }
  const show = ops.find((op) => /^(Show|Terminate)/.test(op.name) && !ALLOWED_SHOW.has(op.name));
  if (show) {
    throw new QueryRejectedError('ADMIN_REFUSED', `The query tried to run the administration command ${show.name.replace(/([a-z])([A-Z])/g, '$1 $2').toUpperCase()}; only SHOW INDEXES, CONSTRAINTS, PROCEDURES and FUNCTIONS are allowed.`);
  }
  for (const op of ops.filter((o) => o.name === 'ProcedureCall')) {
    const procedure = /^([A-Za-z_][\w.]*)\s*\(/.exec(op.details)?.[1] ?? op.details;
    if (READ_ONLY_PROCEDURES.has(procedure)) continue;
    const mode = (await modesOf(db).catch(() => new Map<string, string>())).get(procedure);
    if (mode === 'WRITE' || mode === 'SCHEMA') {
      throw new QueryRejectedError('WRITE_REFUSED', `The query tried to write: it calls ${procedure}, a ${mode} procedure. Queries here run read-only.`, { procedure, mode });
    }
    throw new QueryRejectedError(
      'PROCEDURE_REFUSED',
      `The query tried to call ${procedure}, which is not on the list of read-only procedures (${[...READ_ONLY_PROCEDURES].join(', ')}).`,
      { procedure, mode: mode ?? null },
    );
  }
  const queryType = String(summary.queryType);
  if (queryType === 'w' || queryType === 'rw') {
    const clauses = writeClauses(ops);
    throw new QueryRejectedError(
      'WRITE_REFUSED',
      `The query tried to write to the graph${clauses.length ? ` (${clauses.join(', ')})` : ''}; queries here run read-only. Save analyses as queries instead of changing the data.`,
      { queryType },
    );
  }
  if (queryType === 's' && ops.some((op) => /^(Create|Drop|DoNothingIf)/.test(op.name))) {
    throw new QueryRejectedError('WRITE_REFUSED', 'The query tried to change the schema (indexes or constraints); queries here run read-only.', { queryType });
  }
  // Last, so that administration commands (CREATE USER …) get their own, more precise refusal above.
  refuseProtectedText(statement);
  return { statement, queryType: 'r', parameters: used };
}
