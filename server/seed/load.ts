import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import { ENTITY_LABELS, FACT_TYPES, MENTIONS, type EntityLabel, type FactType } from './model';
import { readCorpus, type Corpus, type CorpusEntity, type CorpusFact } from './validate';

export interface LoadOptions {
  /** The database to write to; the server's default database when absent. */
  database?: string;
  /**
   * Remove seed-owned nodes (Entity, Article, Name) and the relationships between them that the corpus no
   * longer contains, so the graph mirrors the reviewed files after a fact is corrected or deleted. Default true.
   */
  prune?: boolean;
}

export interface GraphCounts {
  nodes: number;
  relationships: number;
}

type Props = Record<string, unknown>;
export type NodeKind = 'Entity' | 'Article' | 'Name';

interface NodeRow {
  id: string;
  props: Props;
}
interface RelRow {
  id: string;
  from: string;
  to: string;
  props: Props;
}
export interface FactBatch {
  type: FactType;
  fromKind: NodeKind;
  toKind: NodeKind;
  rows: RelRow[];
}

/** Everything the loader writes, as parameter rows; built without a database so it can be checked in unit tests. */
export interface GraphRows {
  entities: { label: EntityLabel; rows: NodeRow[] }[];
  names: NodeRow[];
  articles: NodeRow[];
  facts: FactBatch[];
  mentions: RelRow[];
}

/** Converts `YYYY`, `YYYY-MM` or `YYYY-MM-DD` into a Neo4j date at the start of that period, with its precision. */
export function toNeo4jDate(iso: string): { date: InstanceType<typeof neo4j.types.Date>; precision: 'year' | 'month' | 'day' } {
  const [y, m, d] = iso.split('-').map(Number);
  const precision = d !== undefined ? 'day' : m !== undefined ? 'month' : 'year';
  return { date: new neo4j.types.Date(y!, m ?? 1, d ?? 1), precision };
}

/** Converts an ISO date-time into a Neo4j DateTime at UTC (offset 0), to the millisecond, whatever offset it was written with. */
export function toNeo4jDateTime(iso: string): InstanceType<typeof neo4j.types.DateTime> {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) throw new Error(`not an ISO date-time: "${iso}"`);
  return new neo4j.types.DateTime(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds() * 1_000_000, 0);
}

/** JavaScript numbers travel as floats; whole numbers in the data are meant as integers. */
function intOrValue(v: unknown): unknown {
  if (typeof v === 'number' && Number.isInteger(v)) return neo4j.int(v);
  if (Array.isArray(v)) return v.map(intOrValue);
  return v;
}

/** Drops undefined and null: Neo4j stores no nulls, and `SET n = $props` must not see them. */
function compact(props: Props): Props {
  return Object.fromEntries(Object.entries(props).filter(([, v]) => v !== undefined && v !== null));
}

function validity(validFrom: string | undefined, validTo: string | undefined): Props {
  const from = validFrom ? toNeo4jDate(validFrom) : undefined;
  return {
    validFrom: from?.date,
    // Only a reduced precision is worth recording; a full date speaks for itself.
    validFromPrecision: from && from.precision !== 'day' ? from.precision : undefined,
    validTo: validTo ? toNeo4jDate(validTo).date : undefined,
  };
}

function entityProps(e: CorpusEntity): Props {
  return compact({
    id: e.id,
    name: e.name,
    aliases: e.aliases,
    kind: e.kind,
    searchText: e.searchText,
    description: e.description,
    note: e.note,
    ...validity(e.validFrom, e.validTo),
    title: e.label === 'Role' ? e.title : undefined,
    number: e.label === 'AgreementPoint' ? neo4j.int(e.number) : undefined,
    text: e.label === 'AgreementPoint' ? e.text : undefined,
  });
}

function factProps(f: CorpusFact): Props {
  const own = Object.fromEntries(Object.entries(f.properties).map(([k, v]) => [k, intOrValue(v)]));
  return compact({
    ...own,
    id: f.id,
    source: f.source,
    note: f.note,
    ...validity(f.validFrom, f.validTo),
    firstSeen: toNeo4jDate(f.firstSeen).date,
    evidenceArticles: f.evidence.map((e) => e.article),
    evidenceQuotes: f.evidence.map((e) => e.quote),
    evidenceStarts: f.evidence.map((e) => neo4j.int(e.start)),
    evidenceEnds: f.evidence.map((e) => neo4j.int(e.end)),
    evidenceCount: neo4j.int(f.evidence.length),
  });
}

/**
 * Turns a validated corpus into the rows of the loader's statements. `knownKinds` says what kind of node an id
 * outside this corpus names (the streaming loader writes one batch of articles at a time).
 */
export function toGraphRows(corpus: Corpus, knownKinds?: ReadonlyMap<string, NodeKind>): GraphRows {
  const kindOf = new Map<string, NodeKind>(knownKinds);
  for (const e of corpus.entities) kindOf.set(e.id, 'Entity');
  for (const a of corpus.articles) kindOf.set(a.id, 'Article');
  for (const n of corpus.names) kindOf.set(n.id, 'Name');

  const entities = ENTITY_LABELS.map((label) => ({
    label,
    rows: corpus.entities.filter((e) => e.label === label).map((e) => ({ id: e.id, props: entityProps(e) })),
  })).filter((b) => b.rows.length > 0);

  const names = corpus.names.map((n) => ({ id: n.id, props: compact({ id: n.id, value: n.value, short: n.short }) }));

  const articles = corpus.articles.map((a) => ({
    id: a.id,
    props: compact({
      id: a.id,
      title: a.title,
      outlet: a.outlet,
      outletNote: a.outletNote,
      published: toNeo4jDate(a.published).date,
      // Kept so that an export can give the article its evidence back (server/seed/export.ts).
      publishedQuote: a.publishedEvidence?.quote,
      publishedStart: a.publishedEvidence ? neo4j.int(a.publishedEvidence.start) : undefined,
      publishedEnd: a.publishedEvidence ? neo4j.int(a.publishedEvidence.end) : undefined,
      publishedNote: a.publishedNote,
      issue: a.issue,
      authors: a.authors,
      url: a.url,
      reviewedAt: a.reviewedAt ? toNeo4jDateTime(a.reviewedAt) : undefined,
      reviewedBy: a.reviewedBy,
      file: a.file,
      sha256: a.sha256,
      text: a.text,
    }),
  }));

  const batches = new Map<string, FactBatch>();
  for (const f of corpus.facts) {
    const fromKind = kindOf.get(f.from)!;
    const toKind = kindOf.get(f.to)!;
    const key = `${f.type}|${fromKind}|${toKind}`;
    let batch = batches.get(key);
    if (!batch) batches.set(key, (batch = { type: f.type, fromKind, toKind, rows: [] }));
    batch.rows.push({ id: f.id, from: f.from, to: f.to, props: factProps(f) });
  }

  const mentions = corpus.articles.flatMap((a) =>
    a.mentions.map((m) => {
      const id = `mention-${a.id}-${m.entity}`;
      return {
        id,
        from: a.id,
        to: m.entity,
        props: {
          id,
          starts: m.spans.map((s) => neo4j.int(s.start)),
          ends: m.spans.map((s) => neo4j.int(s.end)),
          surface: m.spans.map((s) => s.surface),
        },
      };
    }),
  );

  return { entities, names, articles, facts: [...batches.values()], mentions };
}

// Labels and types below come only from the allowlists in model.ts, checked again here before use.
function label(name: string): string {
  if (!(ENTITY_LABELS as readonly string[]).includes(name) && !['Entity', 'Article', 'Name'].includes(name)) throw new Error(`label "${name}" is not in the seed model`);
  return name;
}
function relType(name: string): string {
  if (!(name in FACT_TYPES) && name !== MENTIONS) throw new Error(`relationship type "${name}" is not in the seed model`);
  return name;
}

async function prune(tx: ManagedTransaction, rows: GraphRows): Promise<void> {
  const nodeIds = [...rows.entities.flatMap((b) => b.rows.map((r) => r.id)), ...rows.names.map((r) => r.id), ...rows.articles.map((r) => r.id)];
  await tx.run('MATCH (n) WHERE (n:Entity OR n:Article OR n:Name) AND NOT n.id IN $nodeIds DETACH DELETE n', { nodeIds });
  // A relationship survives only if the corpus has it with the same type, id and endpoints.
  const keep = [
    ...rows.facts.flatMap((b) => b.rows.map((r) => [b.type, r.id, r.from, r.to])),
    ...rows.mentions.map((r) => [MENTIONS, r.id, r.from, r.to]),
  ];
  await tx.run(
    `MATCH (a)-[r]->(b)
     WHERE (a:Entity OR a:Article OR a:Name) AND (b:Entity OR b:Article OR b:Name)
       AND NOT [type(r), r.id, a.id, b.id] IN $keep
     DELETE r`,
    { keep },
  );
}

async function write(tx: ManagedTransaction, rows: GraphRows, pruneFirst: boolean): Promise<GraphCounts> {
  if (pruneFirst) await prune(tx, rows);
  await writeRows(tx, rows);
  return countIn(tx);
}

/** MERGEs the rows on their ids: nodes first, then the relationships between them. */
export async function writeRows(tx: ManagedTransaction, rows: GraphRows): Promise<void> {
  const others = (l: EntityLabel): string => ENTITY_LABELS.filter((x) => x !== l).map(label).join(':');
  for (const batch of rows.entities) {
    // SET n = props replaces every property, so a second load leaves exactly what the corpus says.
    await tx.run(`UNWIND $rows AS row MERGE (n:Entity {id: row.id}) SET n = row.props SET n:${label(batch.label)} REMOVE n:${others(batch.label)}`, { rows: batch.rows });
  }
  await tx.run('UNWIND $rows AS row MERGE (n:Name {id: row.id}) SET n = row.props', { rows: rows.names });
  await tx.run('UNWIND $rows AS row MERGE (a:Article {id: row.id}) SET a = row.props', { rows: rows.articles });
  for (const batch of rows.facts) {
    await tx.run(
      `UNWIND $rows AS row
       MATCH (a:${label(batch.fromKind)} {id: row.from})
       MATCH (b:${label(batch.toKind)} {id: row.to})
       MERGE (a)-[r:${relType(batch.type)} {id: row.id}]->(b)
       SET r = row.props`,
      { rows: batch.rows },
    );
  }
  await tx.run(
    `UNWIND $rows AS row
     MATCH (a:Article {id: row.from})
     MATCH (e:Entity {id: row.to})
     MERGE (a)-[m:${relType(MENTIONS)} {id: row.id}]->(e)
     SET m = row.props`,
    { rows: rows.mentions },
  );
}

async function countIn(tx: ManagedTransaction): Promise<GraphCounts> {
  const result = await tx.run('MATCH (n) WITH count(n) AS nodes OPTIONAL MATCH ()-[r]->() RETURN nodes, count(r) AS relationships');
  const record = result.records[0];
  return { nodes: Number(record?.get('nodes') ?? 0), relationships: Number(record?.get('relationships') ?? 0) };
}

/**
 * Writes a validated corpus in one write transaction (all or nothing), merging on ids so that loading the
 * same corpus again changes nothing. Returns the database's node and relationship counts afterwards.
 */
export async function loadCorpus(driver: Driver, corpus: Corpus, opts: LoadOptions = {}): Promise<GraphCounts> {
  const rows = toGraphRows(corpus);
  const session = driver.session({ database: opts.database, defaultAccessMode: neo4j.session.WRITE });
  try {
    return await session.executeWrite((tx) => write(tx, rows, opts.prune ?? true), { timeout: 120_000 });
  } finally {
    await session.close();
  }
}

/** Validates `dir` (articles/*.txt, data/*.yaml) and loads it; a rejected corpus writes nothing. */
export async function loadSeedDirectory(driver: Driver, dir: string, opts: LoadOptions = {}): Promise<GraphCounts> {
  const corpus = await readCorpus(dir);
  return loadCorpus(driver, corpus, opts);
}

/** The number of nodes and relationships in the database. */
export async function graphCounts(driver: Driver, database?: string): Promise<GraphCounts> {
  const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
  try {
    return await session.executeRead((tx) => countIn(tx));
  } finally {
    await session.close();
  }
}
