/**
 * Load benchmark: the app's loader vs Neo4j's own `LOAD CSV` of the same nodes and relationships, each into
 * an empty database with the same constraints and indexes. The CSV files are exported from the database the
 * loader filled (so both hold exactly the same data) and served over HTTP on 127.0.0.1, because the embedded
 * Neo4j refuses file:/// URLs.
 */
import { spawn } from 'node:child_process';
import { createReadStream, createWriteStream, mkdirSync, rmSync, statSync, type WriteStream } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import neo4j, { type Driver } from 'neo4j-driver';
import { countGraph, type BenchNeo4j } from './lib/neo4j';
import { log, procStatusKb } from './lib/util';

const ROOT = new URL('..', import.meta.url).pathname;

export interface LoaderRun {
  loader: string;
  ms: number;
  records: number;
  nodes: number;
  relationships: number;
  /** VmHWM the worker reported for itself, in kB. */
  peakRssKb: number | undefined;
}

/** Loads `dir` into the (empty) database with the app's loader, in a child process whose peak RSS is the loader's. */
export async function runLoader(dir: string, neo: Pick<BenchNeo4j, 'uri' | 'password' | 'driver'>, timeoutMs: number): Promise<LoaderRun> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/loadWorker.ts', '--dir', dir, '--uri', neo.uri, '--password', neo.password], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let sampledPeak = 0;
  const sampler = setInterval(() => {
    sampledPeak = Math.max(sampledPeak, procStatusKb(child.pid ?? -1, 'VmHWM') ?? 0);
  }, 250);
  const errors: string[] = [];
  createInterface({ input: child.stderr }).on('line', (l) => {
    errors.push(l);
    if (errors.length > 50) errors.shift();
    if (l.startsWith('  loader:')) log(l.trim());
  });
  let result: { loader: string; loadMs: number; peakRssKb?: number } | undefined;
  createInterface({ input: child.stdout }).on('line', (l) => {
    if (l.startsWith('BENCH_RESULT ')) result = JSON.parse(l.slice('BENCH_RESULT '.length));
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  clearTimeout(timer);
  clearInterval(sampler);
  if (code !== 0 || !result) throw new Error(`The loader worker failed (exit ${code}):\n${errors.join('\n')}`);
  const counts = await countGraph(neo.driver);
  return {
    loader: result.loader,
    ms: result.loadMs,
    nodes: counts.nodes,
    relationships: counts.relationships,
    records: counts.nodes + counts.relationships,
    peakRssKb: result.peakRssKb ?? (sampledPeak || undefined),
  };
}

// ─── export to CSV ─────────────────────────────────────────────────────────────────────────────────────────

type ColumnType = 'string' | 'integer' | 'float' | 'boolean' | 'date' | 'datetime' | `list<${string}>`;

interface CsvGroup {
  file: string;
  kind: 'node' | 'rel';
  labels: string[];
  type?: string;
  fromLabel?: string;
  toLabel?: string;
  columns: string[];
  types: Map<string, ColumnType>;
  rows: number;
  out: WriteStream;
}

export interface CsvExport {
  dir: string;
  groups: Omit<CsvGroup, 'out'>[];
  nodes: number;
  relationships: number;
  bytes: number;
}

/** Separators inside one CSV field for list values; neither occurs in the corpus text. */
const LIST_SEP = '\u001f';
const EMPTY_LIST = '\u001e';

function typeOf(v: unknown): ColumnType {
  if (neo4j.isInt(v)) return 'integer';
  if (typeof v === 'number') return 'float';
  if (typeof v === 'boolean') return 'boolean';
  if (neo4j.isDate(v)) return 'date';
  if (neo4j.isDateTime(v)) return 'datetime';
  if (Array.isArray(v)) return `list<${v.length ? typeOf(v[0]) : 'string'}>`;
  return 'string';
}

function scalarText(v: unknown): string {
  if (typeof v === 'string') return v;
  return String(v);
}

function quote(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

function field(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return quote(v.length === 0 ? EMPTY_LIST : v.map(scalarText).join(LIST_SEP));
  if (typeof v === 'string') return quote(v);
  return scalarText(v);
}

const bt = (name: string) => `\`${name.replace(/`/g, '``')}\``;

function conversion(type: ColumnType, expr: string): string {
  switch (type) {
    case 'string':
      return expr;
    case 'integer':
      return `toInteger(${expr})`;
    case 'float':
      return `toFloat(${expr})`;
    case 'boolean':
      return `(${expr} = 'true')`;
    case 'date':
      return `date(${expr})`;
    case 'datetime':
      return `datetime(${expr})`;
    default: {
      const inner = type.slice(5, -1) as ColumnType;
      return `CASE WHEN ${expr} IS NULL THEN null WHEN ${expr} = '\\u001e' THEN [] ELSE [x IN split(${expr}, '\\u001f') | ${conversion(inner, 'x')}] END`;
    }
  }
}

async function put(out: WriteStream, text: string): Promise<void> {
  if (!out.write(text)) await new Promise<void>((resolve) => out.once('drain', resolve));
}

const KEY_LABEL = (v: string) => `CASE WHEN ${v}:Entity THEN 'Entity' WHEN ${v}:Article THEN 'Article' WHEN ${v}:Name THEN 'Name' END`;

/** Streams every node and relationship of the database into one CSV file per label set / relationship type. */
export async function exportCsv(driver: Driver, dir: string): Promise<CsvExport> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const groups = new Map<string, CsvGroup>();
  const open = (key: string, g: Omit<CsvGroup, 'out' | 'rows' | 'types' | 'file'>) => {
    const file = `${g.kind}s-${groups.size}.csv`;
    const out = createWriteStream(join(dir, file), { highWaterMark: 1 << 20 });
    const header = g.kind === 'node' ? g.columns : ['__from', '__to', ...g.columns];
    out.write(header.map(quote).join(',') + '\n');
    const group: CsvGroup = { ...g, file, out, rows: 0, types: new Map() };
    groups.set(key, group);
    return group;
  };

  // Pass 1: the property keys of each label set and relationship type, so every file has its header first.
  const nodeKeys = await driver.executeQuery('MATCH (n) RETURN labels(n) AS labels, collect(DISTINCT keys(n)) AS keys', {}, { database: 'neo4j' });
  for (const r of nodeKeys.records) {
    const labels = [...(r.get('labels') as string[])].sort();
    const columns = [...new Set((r.get('keys') as string[][]).flat())].sort();
    open(`n:${labels.join(':')}`, { kind: 'node', labels, columns });
  }
  const relKeys = await driver.executeQuery(
    `MATCH (a)-[r]->(b) RETURN type(r) AS type, ${KEY_LABEL('a')} AS fromLabel, ${KEY_LABEL('b')} AS toLabel, collect(DISTINCT keys(r)) AS keys`,
    {},
    { database: 'neo4j' },
  );
  for (const r of relKeys.records) {
    const type = r.get('type') as string;
    const fromLabel = r.get('fromLabel') as string | null;
    const toLabel = r.get('toLabel') as string | null;
    if (!fromLabel || !toLabel) throw new Error(`A ${type} relationship joins a node without an id label; the CSV export only knows Entity, Article and Name.`);
    const columns = [...new Set((r.get('keys') as string[][]).flat())].sort();
    open(`r:${type}:${fromLabel}:${toLabel}`, { kind: 'rel', labels: [], type, fromLabel, toLabel, columns });
  }

  // Pass 2: stream the data.
  const writeRow = async (group: CsvGroup, props: Record<string, unknown>, prefix: string[]) => {
    const cells = [...prefix];
    for (const c of group.columns) {
      const v = props[c];
      if (v !== null && v !== undefined && !group.types.has(c)) group.types.set(c, typeOf(v));
      cells.push(field(v));
    }
    group.rows++;
    await put(group.out, cells.join(',') + '\n');
  };
  let nodes = 0;
  let relationships = 0;
  const session = driver.session({ database: 'neo4j', defaultAccessMode: neo4j.session.READ, fetchSize: 2000 });
  try {
    for await (const r of session.run('MATCH (n) RETURN labels(n) AS labels, properties(n) AS p')) {
      const group = groups.get(`n:${[...(r.get('labels') as string[])].sort().join(':')}`)!;
      await writeRow(group, r.get('p'), []);
      if (++nodes % 200_000 === 0) log(`  exported ${nodes} nodes`);
    }
    for await (const r of session.run(
      `MATCH (a)-[r]->(b) RETURN type(r) AS type, ${KEY_LABEL('a')} AS fromLabel, a.id AS from, ${KEY_LABEL('b')} AS toLabel, b.id AS to, properties(r) AS p`,
    )) {
      const group = groups.get(`r:${r.get('type')}:${r.get('fromLabel')}:${r.get('toLabel')}`)!;
      await writeRow(group, r.get('p'), [quote(r.get('from')), quote(r.get('to'))]);
      if (++relationships % 500_000 === 0) log(`  exported ${relationships} relationships`);
    }
  } finally {
    await session.close();
  }
  let bytes = 0;
  for (const g of groups.values()) {
    await new Promise<void>((resolve, reject) => g.out.end((err?: Error | null) => (err ? reject(err) : resolve())));
    bytes += statSync(join(dir, g.file)).size;
  }
  return { dir, groups: [...groups.values()].map(({ out: _out, ...g }) => g), nodes, relationships, bytes };
}

/** The LOAD CSV statement for one exported file: CREATE nodes, or MATCH both ends by id and CREATE the relationship. */
export function loadCsvStatement(group: CsvExport['groups'][number], rowsPerTx: number): string {
  const props = group.columns.map((c) => `${bt(c)}: ${conversion(group.types.get(c) ?? 'string', `row.${bt(c)}`)}`).join(', ');
  const body =
    group.kind === 'node'
      ? `CREATE (n${group.labels.map((l) => `:${bt(l)}`).join('')} {${props}})`
      : `MATCH (a:${bt(group.fromLabel!)} {id: row.__from}) MATCH (b:${bt(group.toLabel!)} {id: row.__to}) CREATE (a)-[r:${bt(group.type!)} {${props}}]->(b)`;
  return `LOAD CSV WITH HEADERS FROM $url AS row CALL (row) { ${body} } IN TRANSACTIONS OF ${rowsPerTx} ROWS`;
}

/** Serves the export's files (and nothing else) over HTTP on 127.0.0.1. */
export async function serveCsv(exp: CsvExport): Promise<{ baseUrl: string; close(): Promise<void> }> {
  const files = new Set(exp.groups.map((g) => g.file));
  const server: Server = createServer((req, res) => {
    const name = (req.url ?? '').replace(/^\//, '');
    if (!files.has(name)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/csv; charset=utf-8' });
    createReadStream(join(exp.dir, name)).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('CSV server has no port');
  return {
    baseUrl: `http://127.0.0.1:${address.port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface CsvRun {
  ms: number;
  records: number;
  nodes: number;
  relationships: number;
  /** True when the database holds as many nodes and relationships as the export and a sample matches property for property. */
  verified: boolean;
  mismatch?: string;
}

/** The first 500 nodes and relationships by id with labels/type, ends and properties, as comparable JSON. */
async function sample(driver: Driver): Promise<string[]> {
  const q = async (cypher: string) => (await driver.executeQuery(cypher, {}, { database: 'neo4j', routing: 'READ' })).records.map((r) => r.get('row'));
  const rows = [
    ...(await q('MATCH (n) WHERE n.id IS NOT NULL WITH n ORDER BY n.id LIMIT 500 RETURN [n.id, labels(n), properties(n)] AS row')),
    ...(await q('MATCH (a)-[r]->(b) WHERE r.id IS NOT NULL WITH a, r, b ORDER BY r.id, a.id, b.id LIMIT 500 RETURN [r.id, type(r), a.id, b.id, properties(r)] AS row')),
  ];
  const canon = (v: unknown): unknown => {
    if (neo4j.isInt(v) || neo4j.isDate(v) || neo4j.isDateTime(v)) return String(v);
    if (Array.isArray(v)) return v.map(canon);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)).map(([k, x]) => [k, canon(x)]));
    return v;
  };
  return rows.map((r) => JSON.stringify(canon(r)));
}

/** Loads the export into the (empty) database with LOAD CSV, nodes first, one auto-commit statement per file. */
export async function runLoadCsv(exp: CsvExport, baseUrl: string, neo: BenchNeo4j, source: Driver, rowsPerTx = 10_000): Promise<CsvRun> {
  const ordered = [...exp.groups.filter((g) => g.kind === 'node'), ...exp.groups.filter((g) => g.kind === 'rel')];
  const started = performance.now();
  for (const group of ordered) {
    const session = neo.driver.session({ database: 'neo4j', defaultAccessMode: neo4j.session.WRITE });
    try {
      await session.run(loadCsvStatement(group, rowsPerTx), { url: `${baseUrl}/${group.file}` }, { timeout: 3_600_000 }).summary();
    } finally {
      await session.close();
    }
  }
  const ms = performance.now() - started;
  const counts = await countGraph(neo.driver);
  const [mine, theirs] = await Promise.all([sample(neo.driver), sample(source)]);
  const differing = mine.findIndex((row, i) => row !== theirs[i]);
  const sameCounts = counts.nodes === exp.nodes && counts.relationships === exp.relationships;
  return {
    ms,
    nodes: counts.nodes,
    relationships: counts.relationships,
    records: counts.nodes + counts.relationships,
    verified: sameCounts && differing < 0 && mine.length === theirs.length,
    ...(!sameCounts
      ? { mismatch: `counts ${counts.nodes}/${counts.relationships} vs ${exp.nodes}/${exp.relationships}` }
      : differing >= 0
        ? { mismatch: `${mine[differing]!.slice(0, 200)} ≠ ${theirs[differing]?.slice(0, 200)}` }
        : {}),
  };
}
