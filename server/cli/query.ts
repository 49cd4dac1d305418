import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { ConfigError, loadConfig } from '../config';
import { AppError } from '../errors';
import { connect } from '../neo4j/connect';
import { QueryService } from '../queries/service';
import { OPEN_PRINCIPAL } from '../auth/principal';
import type { QueryParam, QuerySummary, RunResult } from '../../contract/queries';

const USAGE = `Runs a library or saved query (read-only) against the explorer's Neo4j.

  npm run query -- <name> [--param key=value …] [--format table|csv|json]
  npm run query -- --cypher "MATCH (a:Actor) RETURN a.name LIMIT 5" [--param key=value …]
  npm run query -- --list

Options
  --param key=value   a parameter value (repeat for each); lists are comma-separated: --param ids=a,b
  --format            table (default), csv or json (the whole API answer: rows, graph, counters)
  --timeout ms        a shorter time limit than CYPHER_TIMEOUT_MS
  --max-rows n        fewer rows than CYPHER_MAX_ROWS
  --list              list the library and saved queries with their parameters

It reuses the embedded Neo4j of a running app, or NEO4J_URI when set, or starts the embedded one itself.`;

type Format = 'table' | 'csv' | 'json';

/** Parses `key=value` pairs; a key given twice is an error rather than a silent override. */
function parseParams(pairs: string[]): Record<string, string> {
  const params: Record<string, string> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new UsageError(`--param needs key=value, got "${pair}"`);
    const key = pair.slice(0, eq).trim();
    if (key in params) throw new UsageError(`--param ${key} is given twice`);
    params[key] = pair.slice(eq + 1);
  }
  return params;
}

class UsageError extends Error {}

/** Ad-hoc Cypher declares no types, so command-line text that reads as a whole number or a boolean is taken as one. */
function guessTypes(params: Record<string, string>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(params).map(([k, v]) => [k, /^-?\d+$/.test(v) && Number.isSafeInteger(Number(v)) ? Number(v) : v === 'true' || v === 'false' ? v === 'true' : v]),
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One cell as short text: nodes by name and id, relationships by type, lists joined. */
function formatCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(formatCell).join(', ');
  if (isRecord(value)) {
    const props = isRecord(value['properties']) ? value['properties'] : undefined;
    if (props && Array.isArray(value['labels'])) {
      const name = props['name'] ?? props['title'] ?? props['value'];
      return typeof name === 'string' ? `${name} [${String(value['id'])}]` : String(value['id']);
    }
    if (props && typeof value['type'] === 'string') return `[:${value['type']} ${String(value['id'])}]`;
    if (Array.isArray(value['nodes']) && Array.isArray(value['edges'])) {
      return (value['nodes'] as unknown[]).map(formatCell).join(' — ');
    }
    return JSON.stringify(value);
  }
  return String(value);
}

function csvCell(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function truncate(text: string, width: number): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > width ? `${flat.slice(0, width - 1)}…` : flat;
}

function renderTable(result: RunResult): string {
  const maxWidth = Math.max(20, Math.floor(((process.stdout.columns || 160) - 3 * result.columns.length) / Math.max(1, result.columns.length)));
  const cells = result.rows.map((row) => result.columns.map((c) => truncate(formatCell(row[c]), maxWidth)));
  const widths = result.columns.map((c, i) => Math.max(c.length, ...cells.map((r) => r[i]!.length)));
  const line = (values: string[]) => values.map((v, i) => v.padEnd(widths[i]!)).join(' │ ').trimEnd();
  const out = [line(result.columns), widths.map((w) => '─'.repeat(w)).join('─┼─'), ...cells.map(line)];
  return out.join('\n');
}

function renderCsv(result: RunResult): string {
  return [result.columns.map(csvCell).join(','), ...result.rows.map((row) => result.columns.map((c) => csvCell(formatCell(row[c]))).join(','))].join('\n');
}

function describeParam(p: QueryParam): string {
  const def = p.default === undefined ? '' : ` = ${JSON.stringify(p.default)}`;
  return `${p.name}: ${p.type}${def}`;
}

function renderList(queries: QuerySummary[]): string {
  return queries
    .map((q) => {
      const params = q.params.length ? `\n    params: ${q.params.map(describeParam).join('; ')}` : '';
      return `${q.name}  (${q.source})\n    ${q.title}${params}`;
    })
    .join('\n');
}

function footer(result: RunResult): string {
  const rows = `${result.rowCount} row${result.rowCount === 1 ? '' : 's'}`;
  const truncated = result.truncated ? ` — truncated at ${result.limits.maxRows} rows` : '';
  return `${rows} in ${result.timeMs} ms${truncated}; graph: ${result.graph.nodes.length} nodes, ${result.graph.edges.length} relationships`;
}

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      param: { type: 'string', multiple: true, short: 'p' },
      format: { type: 'string', short: 'f', default: 'table' },
      cypher: { type: 'string', short: 'c' },
      timeout: { type: 'string' },
      'max-rows': { type: 'string' },
      list: { type: 'boolean', short: 'l' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const format = values.format as Format;
  if (!['table', 'csv', 'json'].includes(format)) throw new UsageError(`--format is table, csv or json, not "${values.format}"`);
  const name = positionals[0];
  if (positionals.length > 1) throw new UsageError(`one query at a time; got ${positionals.join(', ')}`);
  if (!values.list && !name && !values.cypher) throw new UsageError('name a query, or give --cypher, or --list');
  const params = parseParams(values.param ?? []);
  const positive = (flag: string, text: string | undefined) => {
    if (text === undefined) return undefined;
    const n = Number(text);
    if (!Number.isInteger(n) || n <= 0) throw new UsageError(`${flag} needs a positive whole number, got "${text}"`);
    return n;
  };
  const request = { timeoutMs: positive('--timeout', values.timeout), maxRows: positive('--max-rows', values['max-rows']) };

  const config = loadConfig();
  const connection = await connect(config, pino({ level: 'warn' }), { attach: true });
  try {
    const queries = new QueryService(connection.db, config);
    // Whoever runs the CLI holds the database's password already; they see what the open mode's user sees.
    const asker = OPEN_PRINCIPAL;
    if (values.list) {
      const list = await queries.list(asker);
      console.log(format === 'json' ? JSON.stringify(list, null, 2) : renderList(list));
      return;
    }
    const result = values.cypher
      ? await queries.runCypher({ cypher: values.cypher, params: guessTypes(params), paramTypes: {}, ...request })
      : await queries.run(asker, name!, params, request);
    if (format === 'json') console.log(JSON.stringify(result, null, 2));
    else if (format === 'csv') console.log(renderCsv(result));
    else {
      console.log(renderTable(result));
      console.error(footer(result));
    }
  } finally {
    await connection.close();
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  if (err instanceof UsageError) {
    console.error(`${err.message}\n\n${USAGE}`);
  } else if (err instanceof AppError) {
    console.error(`Error ${err.code}: ${err.message}`);
  } else if (err instanceof ConfigError) {
    console.error(err.message);
  } else if (err instanceof Error && 'code' in err && err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    console.error(`${err.message}\n\n${USAGE}`);
  } else {
    console.error(err instanceof Error ? err.message : String(err));
  }
  process.exit(1);
});
