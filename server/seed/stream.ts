import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { parseDocument } from 'yaml';
import { graphCounts, toGraphRows, writeRows, type GraphCounts, type GraphRows, type NodeKind } from './load';
import { FACT_TYPES, type EndpointLabel, type FactType } from './model';
import { ArticleFile, EntitiesFile } from './schema';
import {
  displayPath,
  isEntitiesFile,
  resolveMentions,
  schemaProblems,
  SeedValidationError,
  withSearchText,
  type Corpus,
  type CorpusArticle,
  type CorpusEvidence,
  type CorpusFact,
  type Problem,
} from './validate';

/** How far a streaming load has come; `rate` is items per second, `etaSeconds` the time left at that rate. */
export interface LoadProgress {
  phase: 'entities' | 'articles';
  done: number;
  total: number;
  rate: number;
  etaSeconds: number;
}

export interface StreamOptions {
  database?: string;
  /** Articles in the first batch; later batches grow or shrink so that each transaction takes ~1–4 s. */
  batchArticles?: number;
  /** False keeps every batch at `batchArticles` (default true: sized to the database). */
  adaptiveBatches?: boolean;
  onProgress?: (progress: LoadProgress) => void;
}

export interface StreamReport extends GraphCounts {
  articles: number;
  entities: number;
  facts: number;
  batches: number;
  ms: number;
}

const MIN_BATCH = 20;
const MAX_BATCH = 5_000;
/** A transaction shorter than half this grows the next batch, one longer than twice this shrinks it. */
const TARGET_TX_MS = 2_000;

/**
 * Loads a corpus too large to hold in memory: entity files one at a time, then article files in batches,
 * each batch validated and then written in a transaction of its own. Memory holds two batches (one being
 * written, the next being checked), never the corpus. References to entities and to earlier articles are checked against the database, so files must
 * come in order: evidence may cite an article of the same batch or of an earlier file, never a later one.
 * Every write MERGEs on ids, so an interrupted load can simply be run again: nothing is duplicated.
 * A batch with a defect is rejected whole before anything of it is written (earlier batches stay).
 * Rules that need the whole corpus at once (every entity referenced somewhere, aliases unique across
 * files) are the all-or-nothing loader's; `loadSeedDirectory` checks them for corpora that fit in memory.
 */
export async function loadCorpusStreaming(driver: Driver, dir: string, opts: StreamOptions = {}): Promise<StreamReport> {
  const started = Date.now();
  const dataDir = join(dir, 'data');
  const textDir = join(dir, 'articles');
  const files = (await readdir(dataDir)).filter((f) => f.endsWith('.yaml')).sort();
  const entityFiles = files.filter(isEntitiesFile);
  const articleFiles = files.filter((f) => !isEntitiesFile(f));
  if (entityFiles.length === 0) throw new SeedValidationError([{ file: displayPath(dataDir), entry: '', message: 'no entities file (entities.yaml or entities-*.yaml)' }]);
  /** Writes one batch of rows in a transaction of its own. */
  const write = async (rows: GraphRows): Promise<void> => {
    const session = driver.session({ database: opts.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      await session.executeWrite((tx) => writeRows(tx, rows), { timeout: 300_000 });
    } finally {
      await session.close();
    }
  };

  // Entities: one file per transaction.
  let entities = 0;
  let done = 0;
  const entityStarted = Date.now();
  for (const f of entityFiles) {
    const path = displayPath(join(dataDir, f));
    const doc = parseDocument(await readFile(join(dataDir, f), 'utf8'), { uniqueKeys: true });
    if (doc.errors.length) throw new SeedValidationError(doc.errors.map((e) => ({ file: path, entry: '', message: `YAML: ${e.message}` })));
    const raw: unknown = doc.toJS();
    const parsed = EntitiesFile.safeParse(raw);
    if (!parsed.success) throw new SeedValidationError(schemaProblems(path, raw, parsed.error));
    const problems: Problem[] = [];
    const seen = new Set<string>();
    for (const e of parsed.data.entities) {
      if (seen.has(e.id)) problems.push({ file: path, entry: `entity "${e.id}"`, message: `duplicate id "${e.id}"` });
      seen.add(e.id);
      if (e.validFrom && e.validTo && e.validFrom > e.validTo) problems.push({ file: path, entry: `entity "${e.id}"`, message: `validFrom ${e.validFrom} is after validTo ${e.validTo}` });
    }
    if (problems.length) throw new SeedValidationError(problems);
    const corpus: Corpus = {
      dir,
      articles: [],
      facts: [],
      entities: parsed.data.entities.map(withSearchText),
      names: parsed.data.entities.flatMap((e) => (e.label === 'Actor' ? (e.names ?? []).map((n) => ({ ...n, actor: e.id })) : [])),
    };
    await write(toGraphRows(corpus));
    entities += corpus.entities.length;
    done += 1;
    report(opts, 'entities', done, entityFiles.length, entityStarted);
  }

  // Articles: batches sized to how fast the database takes them. The next batch is read and checked while
  // the database writes the current one, so the two cores work at once.
  let batch = opts.batchArticles ?? 200;
  let facts = 0;
  let batches = 0;
  const articleStarted = Date.now();
  const validate = (from: number, size: number, pending: Map<string, KnownNode>) => {
    const names = articleFiles.slice(from, from + size);
    // Settled into a value so a rejection waits, unobserved-safe, until its turn comes.
    return validateBatch(driver, opts.database, dir, dataDir, textDir, names, pending).then(
      (result) => ({ ok: true as const, names, ...result }),
      (error: unknown) => ({ ok: false as const, error }),
    );
  };
  let next = articleFiles.length ? validate(0, batch, new Map()) : undefined;
  for (let i = 0; next; ) {
    const current = await next;
    if (!current.ok) throw current.error;
    const { corpus, kinds, names } = current;
    i += names.length;
    const pending = new Map<string, KnownNode>(corpus.articles.map((a) => [a.id, { label: 'Article', text: a.text, published: a.published }]));
    next = i < articleFiles.length ? validate(i, batch, pending) : undefined;

    const txStarted = Date.now();
    await write(toGraphRows(corpus, kinds));
    facts += corpus.facts.length;
    batches += 1;
    report(opts, 'articles', i, articleFiles.length, articleStarted);
    if (opts.adaptiveBatches !== false) batch = nextBatchSize(batch, Date.now() - txStarted);
  }

  const counts = await graphCounts(driver, opts.database);
  return { ...counts, articles: articleFiles.length, entities, facts, batches, ms: Date.now() - started };
}

/** Doubles a batch whose transaction was quick and halves one that was slow, within bounds. */
function nextBatchSize(batch: number, txMs: number): number {
  if (txMs < TARGET_TX_MS / 2) return Math.min(MAX_BATCH, batch * 2);
  if (txMs > TARGET_TX_MS * 2) return Math.max(MIN_BATCH, Math.floor(batch / 2));
  return batch;
}

function report(opts: StreamOptions, phase: LoadProgress['phase'], done: number, total: number, since: number): void {
  if (!opts.onProgress) return;
  const seconds = Math.max(0.001, (Date.now() - since) / 1000);
  const rate = done / seconds;
  opts.onProgress({ phase, done, total, rate, etaSeconds: rate > 0 ? (total - done) / rate : 0 });
}

interface KnownNode {
  label: EndpointLabel;
  text?: string;
  published?: string;
}

/** Looks up ids in the database: which label each has, and the text and date of articles. */
async function lookup(driver: Driver, database: string | undefined, ids: string[]): Promise<Map<string, KnownNode>> {
  const found = new Map<string, KnownNode>();
  if (ids.length === 0) return found;
  const { records } = await driver.executeQuery(
    `UNWIND $ids AS id
     OPTIONAL MATCH (e:Entity {id: id})
     OPTIONAL MATCH (a:Article {id: id})
     OPTIONAL MATCH (n:Name {id: id})
     WITH id, e, a, n WHERE e IS NOT NULL OR a IS NOT NULL OR n IS NOT NULL
     RETURN id,
            CASE WHEN e IS NOT NULL THEN [l IN labels(e) WHERE l <> 'Entity'][0]
                 WHEN a IS NOT NULL THEN 'Article' ELSE 'Name' END AS label,
            a.text AS text, toString(a.published) AS published`,
    { ids },
    { database, routing: neo4j.routing.READ },
  );
  for (const r of records) {
    found.set(r.get('id'), { label: r.get('label'), text: r.get('text') ?? undefined, published: r.get('published') ?? undefined });
  }
  return found;
}

/** Validates one batch of article files against their texts and the database; throws with every problem. */
async function validateBatch(
  driver: Driver,
  database: string | undefined,
  dir: string,
  dataDir: string,
  textDir: string,
  names: string[],
  /** Articles of the batch being written right now: not in the database yet, but citable. */
  pending: Map<string, KnownNode>,
): Promise<{ corpus: Corpus; kinds: Map<string, NodeKind> }> {
  const problems: Problem[] = [];
  const parsed: { path: string; name: string; data: ArticleFile }[] = [];
  for (const f of names) {
    const path = displayPath(join(dataDir, f));
    const doc = parseDocument(await readFile(join(dataDir, f), 'utf8'), { uniqueKeys: true });
    if (doc.errors.length) {
      for (const e of doc.errors) problems.push({ file: path, entry: '', message: `YAML: ${e.message}` });
      continue;
    }
    const raw: unknown = doc.toJS();
    const result = ArticleFile.safeParse(raw);
    if (result.success) parsed.push({ path, name: f, data: result.data });
    else problems.push(...schemaProblems(path, raw, result.error));
  }
  if (problems.length) throw new SeedValidationError(problems);

  const articles = new Map<string, CorpusArticle>();
  for (const af of parsed) {
    const meta = af.data.article;
    const entry = `article "${meta.id}"`;
    if (af.name !== meta.file.replace(/\.txt$/, '.yaml')) problems.push({ file: af.path, entry, message: `data file must be named after its article: expected ${meta.file.replace(/\.txt$/, '.yaml')}` });
    let bytes: Buffer;
    try {
      bytes = await readFile(join(textDir, meta.file));
    } catch {
      problems.push({ file: af.path, entry, message: `file "${meta.file}" not found in ${displayPath(textDir)}` });
      continue;
    }
    const text = new TextDecoder('utf-8').decode(bytes);
    if (!text.includes(meta.title)) problems.push({ file: af.path, entry, message: `title not found in article text: "${meta.title.slice(0, 80)}"` });
    if (articles.has(meta.id)) problems.push({ file: af.path, entry, message: `duplicate article id "${meta.id}"` });
    articles.set(meta.id, { ...meta, text, sha256: createHash('sha256').update(bytes).digest('hex'), dataFile: af.path, mentions: [] });
  }

  // Every id the batch refers to that it does not define itself.
  const wanted = new Set<string>();
  for (const af of parsed) {
    af.data.article.authors.forEach((a) => wanted.add(a));
    af.data.mentions.forEach((m) => wanted.add(m.entity));
    for (const fact of af.data.facts) {
      wanted.add(fact.from);
      wanted.add(fact.to);
      fact.evidence.forEach((ev) => ev.article && wanted.add(ev.article));
      for (const v of Object.values(fact.properties)) if (typeof v === 'string' && /^[a-z]+-[a-z0-9-]+$/.test(v)) wanted.add(v);
    }
  }
  for (const id of articles.keys()) wanted.delete(id);
  for (const id of pending.keys()) wanted.delete(id);
  const known = await lookup(driver, database, [...wanted]);
  for (const [id, node] of pending) known.set(id, node);
  const labelOf = new Map<string, EndpointLabel>([...known].map(([id, k]) => [id, k.label]));
  for (const id of articles.keys()) labelOf.set(id, 'Article');

  const checkQuote = (file: string, entry: string, where: string, articleId: string, ev: { quote: string; start: number; end: number }): string | undefined => {
    const own = articles.get(articleId);
    const other = known.get(articleId);
    const text = own?.text ?? other?.text;
    if (text === undefined) {
      problems.push({ file, entry, message: `${where}article "${articleId}" is neither in this batch nor loaded before it; evidence may cite the same or earlier articles only` });
      return undefined;
    }
    if (text.slice(ev.start, ev.end) !== ev.quote) {
      problems.push({ file, entry, message: `${where}offsets [${ev.start}, ${ev.end}) do not hold the quote "${ev.quote.slice(0, 50)}" in ${articleId}` });
    }
    return own?.published ?? other?.published;
  };

  const facts: CorpusFact[] = [];
  for (const af of parsed) {
    const meta = af.data.article;
    const article = articles.get(meta.id);
    if (!article) continue;
    if (meta.publishedEvidence) checkQuote(af.path, `article "${meta.id}"`, 'publishedEvidence: ', meta.id, meta.publishedEvidence);
    for (const author of meta.authors) {
      if (labelOf.get(author) !== 'Person') problems.push({ file: af.path, entry: `article "${meta.id}"`, message: `dangling reference: author "${author}" is not a loaded Person` });
    }
    article.mentions = resolveMentions(af.path, article, af.data.mentions, labelOf, problems);
    for (const fact of af.data.facts) {
      const entry = `fact "${fact.id}"`;
      const spec = FACT_TYPES[fact.type as FactType];
      for (const [role, id, allowed] of [['from', fact.from, spec.from], ['to', fact.to, spec.to]] as const) {
        const label = labelOf.get(id);
        if (!label) problems.push({ file: af.path, entry, message: `dangling reference: ${role} "${id}" is not a loaded entity, name or article` });
        else if (!(allowed as readonly EndpointLabel[]).includes(label)) problems.push({ file: af.path, entry, message: `${fact.type} cannot run ${role} a ${label} ("${id}")` });
      }
      const evidence: CorpusEvidence[] = [];
      const dates: string[] = [];
      fact.evidence.forEach((ev, k) => {
        const articleId = ev.article ?? meta.id;
        const published = checkQuote(af.path, entry, `evidence[${k}]: `, articleId, ev);
        if (published) dates.push(published);
        evidence.push({ article: articleId, quote: ev.quote, start: ev.start, end: ev.end });
      });
      facts.push({ ...fact, evidence, firstSeen: dates.sort()[0] ?? meta.published, dataFile: af.path });
    }
  }
  if (problems.length) throw new SeedValidationError(problems);
  // What kind of node each endpoint outside the batch is, for the loader's MATCH statements.
  const kinds = new Map<string, NodeKind>();
  for (const [id, k] of known) kinds.set(id, k.label === 'Article' ? 'Article' : k.label === 'Name' ? 'Name' : 'Entity');
  return { corpus: { dir, articles: [...articles.values()], entities: [], names: [], facts }, kinds };
}
