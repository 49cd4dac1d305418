import { createHash } from 'node:crypto';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import neo4j, { type Driver } from 'neo4j-driver';
import { Document, isMap, isPair, isScalar, isSeq, parse, Scalar, visit, type Node as YamlNode } from 'yaml';
import { ENTITY_LABELS, FACT_TYPES, MENTIONS, RESERVED_FACT_PROPERTIES, type EntityLabel, type FactType } from './model';
import type { ArticleFile, ArticleMeta, EntitiesFile, Entity, Evidence, Fact, Mention, NameEntry } from './schema';
import { isEntitiesFile, type SeedSources } from './validate';

/**
 * The way back from the graph to the seed format: `exportSources` reads every seed-owned node (Entity, Article,
 * Name) and the relationships between them and rebuilds the files `readCorpus` reads; `writeSeedDirectory`
 * writes them. Loading an export gives the same graph, property for property (tests/int/seed/roundtrip).
 */

/** The graph holds something the seed format cannot say; exporting it would lose it, so nothing is exported. */
export class ExportError extends Error {
  constructor(readonly problems: string[]) {
    const shown = problems.slice(0, 50);
    const more = problems.length > shown.length ? [`… and ${problems.length - shown.length} more`] : [];
    super([`The graph cannot be exported without loss (${problems.length} problem${problems.length === 1 ? '' : 's'}):`, ...shown, ...more].join('\n'));
    this.name = 'ExportError';
  }
}

type Props = Record<string, unknown>;
type PlainValue = string | number | boolean | string[] | number[];

const SEED_NODE = '(n:Entity OR n:Article OR n:Name)';

/** Properties the loader derives from others (search text, first-seen date, evidence count); an export leaves them out. */
const DERIVED_ENTITY = ['searchText'];
const DERIVED_FACT = ['firstSeen', 'evidenceCount'];

/** Entity properties every label may have, and the ones only some labels have. */
const ENTITY_COMMON = ['id', 'name', 'aliases', 'kind', 'description', 'note', 'validFrom', 'validFromPrecision', 'validTo', ...DERIVED_ENTITY];
const ENTITY_EXTRA: Partial<Record<EntityLabel, string[]>> = { Role: ['title'], AgreementPoint: ['number', 'text'] };
const ARTICLE_PROPS = [
  'id', 'file', 'title', 'outlet', 'outletNote', 'published', 'publishedQuote', 'publishedStart', 'publishedEnd', 'publishedNote',
  'issue', 'authors', 'url', 'reviewedAt', 'reviewedBy', 'sha256', 'text',
];
const NAME_PROPS = ['id', 'value', 'short'];
const MENTION_PROPS = ['id', 'starts', 'ends', 'surface'];

/** Converts a stored property value into its YAML form; `undefined` when it has none (a temporal, a map). */
function plain(v: unknown): PlainValue | undefined {
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (neo4j.isInt(v)) return v.inSafeRange() ? v.toNumber() : undefined;
  if (Array.isArray(v)) {
    const items = v.map(plain);
    if (items.every((x) => typeof x === 'string')) return items as string[];
    if (items.every((x) => typeof x === 'number')) return items as number[];
  }
  return undefined;
}

/** A stored date back as the text gave it: `YYYY`, `YYYY-MM` or `YYYY-MM-DD` by `validFromPrecision`. */
export function fromNeo4jDate(value: unknown, precision?: unknown): string | undefined {
  if (!neo4j.isDate(value)) return undefined;
  const iso = value.toString();
  return precision === 'year' ? iso.slice(0, 4) : precision === 'month' ? iso.slice(0, 7) : iso;
}

/** A stored DateTime as an ISO string in UTC, to the millisecond (the form `toNeo4jDateTime` reads back to the same value). */
function fromNeo4jDateTime(value: unknown): string | undefined {
  if (!neo4j.isDateTime(value)) return undefined;
  return value.toStandardDate().toISOString();
}

/** Drops undefined entries so that a file holds only what the graph holds, in the key order given. */
function defined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

interface GraphDump {
  entities: { labels: string[]; props: Props }[];
  names: Props[];
  articles: Props[];
  relationships: { type: string; from: string; to: string; fromKind: string; toKind: string; props: Props }[];
}

async function readGraph(driver: Driver, database?: string): Promise<GraphDump> {
  const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
  try {
    return await session.executeRead(async (tx) => {
      const nodes = await tx.run(`MATCH (n) WHERE ${SEED_NODE} RETURN labels(n) AS labels, properties(n) AS props ORDER BY n.id`);
      const rels = await tx.run(
        `MATCH (n)-[r]->(m) WHERE ${SEED_NODE} AND (m:Entity OR m:Article OR m:Name)
         RETURN type(r) AS type, n.id AS from, m.id AS to, properties(r) AS props,
                CASE WHEN n:Article THEN 'Article' WHEN n:Name THEN 'Name' ELSE 'Entity' END AS fromKind,
                CASE WHEN m:Article THEN 'Article' WHEN m:Name THEN 'Name' ELSE 'Entity' END AS toKind
         ORDER BY r.id`,
      );
      const dump: GraphDump = { entities: [], names: [], articles: [], relationships: [] };
      for (const r of nodes.records) {
        const labels = r.get('labels') as string[];
        const props = r.get('props') as Props;
        if (labels.includes('Article')) dump.articles.push(props);
        else if (labels.includes('Name')) dump.names.push(props);
        else dump.entities.push({ labels, props });
      }
      for (const r of rels.records) {
        dump.relationships.push({ type: r.get('type'), from: r.get('from'), to: r.get('to'), fromKind: r.get('fromKind'), toKind: r.get('toKind'), props: r.get('props') });
      }
      return dump;
    });
  } finally {
    await session.close();
  }
}

/** Names every property of `props` outside `known`, so a loss is reported rather than silent. */
function unknownProps(what: string, props: Props, known: readonly string[], problems: string[]): void {
  const extra = Object.keys(props).filter((k) => !known.includes(k));
  if (extra.length) problems.push(`${what}: properties the seed format has no place for: ${extra.sort().join(', ')}`);
}

function str(props: Props, key: string): string | undefined {
  const v = props[key];
  return typeof v === 'string' ? v : undefined;
}

/**
 * Reads the whole curated graph and rebuilds the seed files from it: one entities file, and one data file
 * per article holding its metadata, its mentions (the distinct surfaces of its MENTIONS spans) and the facts
 * whose first evidence is from it. Throws ExportError when the graph holds anything the format cannot carry.
 */
export async function exportSources(driver: Driver, database?: string): Promise<SeedSources> {
  const dump = await readGraph(driver, database);
  const problems: string[] = [];

  // Names belong to the actor whose NAMED fact points at them.
  const nameOwner = new Map<string, string>();
  for (const r of dump.relationships) if (r.type === 'NAMED' && !nameOwner.has(r.to)) nameOwner.set(r.to, r.from);
  const namesByActor = new Map<string, NameEntry[]>();
  for (const props of dump.names) {
    const id = str(props, 'id') ?? '(no id)';
    unknownProps(`name "${id}"`, props, NAME_PROPS, problems);
    const actor = nameOwner.get(id);
    if (!actor) {
      problems.push(`name "${id}": no NAMED fact links it to an actor`);
      continue;
    }
    const list = namesByActor.get(actor) ?? [];
    list.push(defined({ id, value: str(props, 'value') ?? '', short: str(props, 'short') }));
    namesByActor.set(actor, list);
  }

  const entities: Entity[] = [];
  for (const { labels, props } of dump.entities) {
    const id = str(props, 'id') ?? '(no id)';
    const domain = labels.filter((l) => l !== 'Entity');
    const label = domain[0] as EntityLabel | undefined;
    if (domain.length !== 1 || !label || !(ENTITY_LABELS as readonly string[]).includes(label)) {
      problems.push(`entity "${id}": labels ${labels.join(':')} are not Entity plus one label of the model`);
      continue;
    }
    unknownProps(`entity "${id}"`, props, [...ENTITY_COMMON, ...(ENTITY_EXTRA[label] ?? [])], problems);
    const aliases = (plain(props['aliases']) as string[] | undefined) ?? [];
    const names = namesByActor.get(id)?.sort((a, b) => a.id.localeCompare(b.id));
    if (names && label !== 'Actor') problems.push(`entity "${id}": only an Actor can have names`);
    entities.push(
      defined({
        id,
        label,
        kind: str(props, 'kind'),
        name: str(props, 'name'),
        title: str(props, 'title'),
        number: plain(props['number']),
        aliases: aliases.length ? aliases : undefined,
        validFrom: fromNeo4jDate(props['validFrom'], props['validFromPrecision']),
        validTo: fromNeo4jDate(props['validTo']),
        description: str(props, 'description'),
        text: str(props, 'text'),
        note: str(props, 'note'),
        names: label === 'Actor' ? names : undefined,
      }) as unknown as Entity,
    );
  }
  const labelOrder = (e: Entity) => ENTITY_LABELS.indexOf(e.label);
  entities.sort((a, b) => labelOrder(a) - labelOrder(b) || a.id.localeCompare(b.id));

  const texts = new Map<string, { text: string; sha256: string }>();
  const files = new Map<string, ArticleFile>();
  const fileOf = new Map<string, string>();
  for (const props of dump.articles) {
    const id = str(props, 'id') ?? '(no id)';
    unknownProps(`article "${id}"`, props, ARTICLE_PROPS, problems);
    const file = str(props, 'file');
    const text = str(props, 'text');
    const sha256 = str(props, 'sha256');
    if (!file || text === undefined || !sha256) {
      problems.push(`article "${id}": needs file, text and sha256 to be exported`);
      continue;
    }
    const quote = str(props, 'publishedQuote');
    const start = plain(props['publishedStart']);
    const end = plain(props['publishedEnd']);
    const meta = defined({
      id,
      file,
      title: str(props, 'title'),
      outlet: str(props, 'outlet') ?? null,
      outletNote: str(props, 'outletNote'),
      url: str(props, 'url'),
      published: fromNeo4jDate(props['published']),
      publishedEvidence: quote !== undefined && typeof start === 'number' && typeof end === 'number' ? { quote, start, end } : undefined,
      publishedNote: str(props, 'publishedNote'),
      issue: str(props, 'issue'),
      authors: (plain(props['authors']) as string[] | undefined) ?? [],
      reviewedAt: fromNeo4jDateTime(props['reviewedAt']),
      reviewedBy: str(props, 'reviewedBy'),
    }) as ArticleMeta;
    if (!meta.publishedEvidence && !meta.publishedNote) {
      problems.push(`article "${id}": neither the published date's evidence nor a publishedNote is stored; a graph loaded before the loader kept them needs \`npm run seed\` again`);
    }
    texts.set(file, { text, sha256 });
    files.set(id, { article: meta, mentions: [], facts: [] });
    fileOf.set(id, file);
  }

  // Mentions in reading order of their first span; facts in reading order of their first quote.
  const mentionAt = new Map<Mention, number>();
  const factAt = new Map<Fact, number>();
  for (const r of dump.relationships) {
    const id = str(r.props, 'id') ?? `(${r.type} ${r.from} → ${r.to})`;
    if (r.type === MENTIONS) {
      unknownProps(`mention "${id}"`, r.props, MENTION_PROPS, problems);
      const target = files.get(r.from);
      const starts = plain(r.props['starts']);
      const surfaces = plain(r.props['surface']);
      if (!target || r.fromKind !== 'Article' || r.toKind !== 'Entity' || !Array.isArray(surfaces) || !Array.isArray(starts)) {
        problems.push(`mention "${id}": not an Article → Entity relationship with spans`);
        continue;
      }
      const mention: Mention = { entity: r.to, surfaces: [...new Set(surfaces as string[])] };
      target.mentions.push(mention);
      mentionAt.set(mention, Math.min(...(starts as number[])));
      continue;
    }
    if (!(r.type in FACT_TYPES)) {
      problems.push(`relationship "${id}" (${r.from} -[:${r.type}]-> ${r.to}): ${r.type} is not a fact type of the model`);
      continue;
    }
    const fact = toFact(r.type as FactType, r.from, r.to, r.props, problems);
    if (!fact) continue;
    const home = fact.evidence[0]?.article;
    const target = home ? files.get(home) : undefined;
    if (!target) {
      problems.push(`fact "${fact.id}": its first evidence cites "${home}", which is not an article in the graph`);
      continue;
    }
    for (const ev of fact.evidence) if (ev.article === home) delete ev.article;
    target.facts.push(fact);
    factAt.set(fact, fact.evidence[0]!.start);
  }

  if (problems.length) throw new ExportError(problems);

  const articleFiles = [...files.values()]
    .sort((a, b) => a.article.file.localeCompare(b.article.file))
    .map((data) => {
      data.mentions.sort((a, b) => mentionAt.get(a)! - mentionAt.get(b)! || a.entity.localeCompare(b.entity));
      data.facts.sort((a, b) => factAt.get(a)! - factAt.get(b)! || a.id.localeCompare(b.id));
      const name = data.article.file.replace(/\.txt$/, '.yaml');
      return { path: `data/${name}`, name, data };
    });
  return { entitiesFiles: [{ path: 'data/entities.yaml', data: { entities } }], articleFiles, texts };
}

const RESERVED: readonly string[] = RESERVED_FACT_PROPERTIES;

/** One fact relationship back as a fact entry; its evidence names every article (the caller drops the home one). */
function toFact(type: FactType, from: string, to: string, props: Props, problems: string[]): Fact | undefined {
  const id = str(props, 'id') ?? `(${type} ${from} → ${to})`;
  const articles = plain(props['evidenceArticles']);
  const quotes = plain(props['evidenceQuotes']);
  const starts = plain(props['evidenceStarts']);
  const ends = plain(props['evidenceEnds']);
  if (!Array.isArray(articles) || !Array.isArray(quotes) || !Array.isArray(starts) || !Array.isArray(ends) || articles.length === 0 || new Set([articles.length, quotes.length, starts.length, ends.length]).size !== 1) {
    problems.push(`fact "${id}": its evidence lists are missing or of different lengths`);
    return undefined;
  }
  const evidence: Evidence[] = articles.map((article, i) => ({ article: String(article), quote: String(quotes[i]), start: Number(starts[i]), end: Number(ends[i]) }));

  const properties: Record<string, PlainValue> = {};
  for (const key of Object.keys(props).sort()) {
    if (RESERVED.includes(key) || DERIVED_FACT.includes(key)) continue;
    const value = plain(props[key]);
    if (value === undefined) problems.push(`fact "${id}": property ${key} holds a value the seed format cannot write`);
    else properties[key] = value;
  }
  const source = str(props, 'source');
  return defined({
    id,
    type,
    from,
    to,
    validFrom: fromNeo4jDate(props['validFrom'], props['validFromPrecision']),
    validTo: fromNeo4jDate(props['validTo']),
    source: source === 'text' ? undefined : (source as Fact['source'] | undefined),
    note: str(props, 'note'),
    properties: Object.keys(properties).length ? properties : undefined,
    evidence,
  }) as Fact;
}

// ─── Writing ────────────────────────────────────────────────────────────────────────────────────────

const LINE_WIDTH = 110;
/** Keys whose long values read best folded over several lines (`>-`), as the hand-written seed has them. */
const PROSE_KEYS = new Set(['description', 'note', 'outletNote', 'publishedNote']);
/** Keys holding dates, quoted so that no YAML reader takes them for numbers or timestamps. */
const DATE_KEYS = new Set(['published', 'validFrom', 'validTo', 'reviewedAt']);

/** Whether a folded block scalar gives back exactly this string: one line, single spaces, no edge white space. */
const foldable = (s: string): boolean => !/[\n\t]| {2}|^\s|\s$/.test(s);

/**
 * A seed data file as YAML in the hand-written files' style: quotes double-quoted on one line, dates quoted,
 * surfaces and short lists as flow lists, long prose folded, a blank line between entries. Checked by parsing
 * it back: a file that would not read back as `data` is never returned.
 */
export function toSeedYaml(data: EntitiesFile | ArticleFile, header?: string): string {
  const doc = new Document(data);
  visit(doc, {
    Pair(_, pair, path) {
      if (!isScalar(pair.key)) return;
      const key = String(pair.key.value);
      const value = pair.value as YamlNode | null;
      const depth = path.filter((p) => isMap(p) || isSeq(p)).length;
      if (isScalar(value) && typeof value.value === 'string') {
        const s = value.value;
        if (key === 'quote') value.type = Scalar.QUOTE_DOUBLE;
        else if (DATE_KEYS.has(key)) value.type = Scalar.QUOTE_SINGLE;
        else if (PROSE_KEYS.has(key) && s.length + key.length + 2 * depth > LINE_WIDTH - 4 && foldable(s)) value.type = Scalar.BLOCK_FOLDED;
        // Anything else that would run past the line is kept on one line rather than broken mid-value.
        else if (s.length + key.length + 2 * depth > LINE_WIDTH - 8) value.type = Scalar.QUOTE_DOUBLE;
      }
      if (isSeq(value) && key !== 'aliases' && value.items.every(isScalar)) {
        const width = value.items.reduce((n, item) => n + String((item as Scalar).value).length + 4, key.length + 2 * depth + 4);
        value.flow = value.items.length === 0 || width < LINE_WIDTH - 10;
      }
      if ((key === 'mentions' || key === 'facts') && depth === 1) pair.key.spaceBefore = true;
    },
    Seq(_, seq, path) {
      const parent = path[path.length - 1];
      if (!isPair(parent) || !isScalar(parent.key)) return;
      if (!['entities', 'facts'].includes(String(parent.key.value))) return;
      seq.items.forEach((item, i) => {
        if (i > 0 && isMap(item)) item.spaceBefore = true;
      });
    },
  });
  if (header) doc.commentBefore = header;
  const text = doc.toString({ lineWidth: LINE_WIDTH, minContentWidth: 40, doubleQuotedAsJSON: true, indentSeq: true, flowCollectionPadding: false });
  const back: unknown = parse(text);
  if (!isDeepStrictEqual(back, JSON.parse(JSON.stringify(data)))) throw new Error('the YAML writer produced a file that does not read back as the data it was given');
  return text;
}

/** The bytes of an article's text that give its recorded SHA-256: its UTF-8, or that after a byte-order mark the decoder dropped. */
function textBytes(file: string, source: { text: string; sha256: string }): Buffer {
  const utf8 = Buffer.from(source.text, 'utf8');
  for (const bytes of [utf8, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8])]) {
    if (createHash('sha256').update(bytes).digest('hex') === source.sha256) return bytes;
  }
  throw new ExportError([`article text ${file}: its UTF-8 bytes do not give the recorded sha256 ${source.sha256}; the stored text is not the file that was loaded`]);
}

/** What `writeSeedDirectory` wrote, relative to the directory, and how many files of an earlier export it removed. */
export interface WrittenFiles {
  texts: string[];
  data: string[];
  checksums: string;
  replaced: number;
}

/** Files an earlier export wrote into `dir`: article texts, SHA256SUMS and data files. */
async function earlierExport(dir: string): Promise<string[]> {
  const list = async (d: string): Promise<string[]> => readdir(d).catch((err: NodeJS.ErrnoException) => (err.code === 'ENOENT' ? [] : Promise.reject(err)));
  return [
    ...(await list(join(dir, 'articles'))).filter((f) => f.endsWith('.txt') || f === 'SHA256SUMS').map((f) => join(dir, 'articles', f)),
    ...(await list(join(dir, 'data'))).filter((f) => f.endsWith('.yaml')).map((f) => join(dir, 'data', f)),
  ];
}

/**
 * Writes sources as a seed directory: `articles/<file>.txt` byte for byte, `articles/SHA256SUMS` in
 * `sha256sum` format, `data/entities.yaml` and one `data/<article>.yaml` per article. Files of the same
 * names are overwritten; with `replace`, every other text, SHA256SUMS and data file there is removed first,
 * so that the directory holds exactly these sources. The caller decides whether the directory may be written to.
 */
export async function writeSeedDirectory(sources: SeedSources, dir: string, opts: { replace?: boolean } = {}): Promise<WrittenFiles> {
  const articlesDir = join(dir, 'articles');
  const dataDir = join(dir, 'data');
  // Every file is prepared before the first is written, so a refusal leaves no half-written directory.
  const texts = [...sources.texts.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([file, source]) => ({ file, bytes: textBytes(file, source), sha256: source.sha256 }));
  const sums = texts.map((t) => `${t.sha256}  ${t.file}\n`).join('');
  const data = [
    ...sources.entitiesFiles.map((f, i) => ({
      name: isEntitiesFile(basename(f.path)) ? basename(f.path) : `entities-${String(i).padStart(4, '0')}.yaml`,
      yaml: toSeedYaml(f.data, ' Every entity of the curated graph, exported by `npm run export`.'),
    })),
    ...sources.articleFiles.map((f) => ({
      name: f.name,
      yaml: toSeedYaml(f.data, ` ${f.data.article.title}\n Exported by \`npm run export\`. Facts live in the file of the article their first evidence is from.`),
    })),
  ];

  const stale = opts.replace ? await earlierExport(dir) : [];
  for (const path of stale) await rm(path);
  await mkdir(articlesDir, { recursive: true });
  await mkdir(dataDir, { recursive: true });
  for (const t of texts) await writeFile(join(articlesDir, t.file), t.bytes);
  await writeFile(join(articlesDir, 'SHA256SUMS'), sums);
  for (const d of data) await writeFile(join(dataDir, d.name), d.yaml);
  return { texts: texts.map((t) => `articles/${t.file}`), data: data.map((d) => `data/${d.name}`), checksums: 'articles/SHA256SUMS', replaced: stale.length };
}
