import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { isAbsolute, join, relative } from 'node:path';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { AppError } from '../errors';
import { FACT_TYPES, idOf, REFERENCE_PROPERTIES, type EndpointLabel, type FactType } from './model';
import { ArticleFile, EntitiesFile, type ArticleMeta, type Entity, type Fact, type NameEntry } from './schema';

/** One thing wrong with the corpus, located by file and entry so a curator can go straight to it. */
export interface Problem {
  file: string;
  entry: string;
  message: string;
}

/** The corpus was rejected before anything was written; `problems` lists every defect found. */
export class SeedValidationError extends AppError {
  readonly problems: Problem[];

  constructor(problems: Problem[]) {
    const shown = problems.slice(0, 50).map(formatProblem);
    const more = problems.length > shown.length ? [`… and ${problems.length - shown.length} more`] : [];
    super(
      'SEED_INVALID',
      422,
      [`The seed corpus is invalid (${problems.length} problem${problems.length === 1 ? '' : 's'}); nothing was loaded. Fix these and run again:`, ...shown, ...more].join('\n'),
      problems,
    );
    this.problems = problems;
  }
}

/** `file: entry: message`, the form every problem is reported in. */
export function formatProblem(p: Problem): string {
  return p.entry ? `${p.file}: ${p.entry}: ${p.message}` : `${p.file}: ${p.message}`;
}

export interface Span {
  start: number;
  end: number;
  surface: string;
}

export interface CorpusMention {
  entity: string;
  /** Every whole-word occurrence of the mention's surfaces, in text order, overlaps resolved leftmost-longest. */
  spans: Span[];
}

export interface CorpusArticle extends ArticleMeta {
  /** The article text as JavaScript decodes the UTF-8 file; evidence offsets index into it. */
  text: string;
  sha256: string;
  dataFile: string;
  mentions: CorpusMention[];
}

export type CorpusEntity = Entity & { searchText: string };

export interface CorpusName extends NameEntry {
  actor: string;
}

export interface CorpusEvidence {
  article: string;
  quote: string;
  start: number;
  end: number;
}

export interface CorpusFact extends Omit<Fact, 'evidence'> {
  evidence: CorpusEvidence[];
  /** The earliest publication date among the fact's evidence articles. */
  firstSeen: string;
  dataFile: string;
}

/** A validated corpus: everything the loader writes, with every reference resolved and every quote checked. */
export interface Corpus {
  dir: string;
  articles: CorpusArticle[];
  entities: CorpusEntity[];
  names: CorpusName[];
  facts: CorpusFact[];
}


/** `entities.yaml`, or a large corpus's `entities-0000.yaml`, `entities-0001.yaml` … */
export const isEntitiesFile = (name: string): boolean => /^entities(-[\w-]+)?\.yaml$/.test(name);

/** Where each entity is defined, for messages about it. */
interface EntitySource {
  path: string;
  data: EntitiesFile;
}

/** Shows a path relative to the working directory when it lies inside it, so messages read `seed/data/…`. */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

function clip(s: string, max = 80): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

function isWordChar(c: string | undefined): boolean {
  return c !== undefined && /[\p{L}\p{N}]/u.test(c);
}

/** Every occurrence of `needle` in `text`, overlapping ones included. */
export function occurrences(text: string, needle: string): number[] {
  const found: number[] = [];
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + 1)) found.push(i);
  return found;
}

/** Whether `surface` at `start` is a whole word: not glued to a letter or digit on either side. */
function isWholeWord(text: string, surface: string, start: number): boolean {
  const end = start + surface.length;
  const leftOk = !isWordChar(surface[0]) || !isWordChar(text[start - 1]);
  const rightOk = !isWordChar(surface[surface.length - 1]) || !isWordChar(text[end]);
  return leftOk && rightOk;
}

/** Names a YAML entry by its id when it has one, else by its position. */
function entryName(raw: unknown, path: PropertyKey[]): { entry: string; rest: PropertyKey[] } {
  const [section, index, ...rest] = path;
  const item = typeof index === 'number' && raw && typeof raw === 'object' ? (raw as Record<string, unknown[]>)[String(section)]?.[index] : undefined;
  const id = item && typeof item === 'object' ? (item as Record<string, unknown>)['id'] ?? (item as Record<string, unknown>)['entity'] : undefined;
  switch (section) {
    case 'entities':
      return { entry: typeof id === 'string' ? `entity "${id}"` : `entities[${String(index)}]`, rest };
    case 'facts': {
      const type = item && typeof item === 'object' ? (item as Record<string, unknown>)['type'] : undefined;
      const hint = typeof type === 'string' ? `, type ${type}` : '';
      return { entry: typeof id === 'string' ? `fact "${id}"` : `facts[${String(index)}] (no valid id${hint})`, rest };
    }
    case 'mentions':
      return { entry: typeof id === 'string' ? `mention of "${id}"` : `mentions[${String(index)}]`, rest };
    case 'article': {
      const articleId = raw && typeof raw === 'object' ? (raw as { article?: { id?: unknown } }).article?.id : undefined;
      return { entry: typeof articleId === 'string' ? `article "${articleId}"` : 'article', rest: path.slice(1) };
    }
    default:
      return { entry: '', rest: path };
  }
}

export function schemaProblems(file: string, raw: unknown, error: z.ZodError): Problem[] {
  return error.issues.map((issue) => {
    const { entry, rest } = entryName(raw, issue.path);
    const where = rest.length ? `${rest.map(String).join('.')}: ` : '';
    return { file, entry, message: `${where}${issue.message}` };
  });
}

/**
 * What a corpus is made of before the cross-file checks: the parsed entity and article files (with the paths
 * messages name) and the article texts by file name. The seed loader reads them from a directory; the
 * ingest accept path and the exporter build them in memory.
 */
export interface SeedSources {
  entitiesFiles: { path: string; data: EntitiesFile }[];
  /** `name` is the data file's own name (`000_abc.yaml`), which must be the article's `file` with `.yaml`. */
  articleFiles: { path: string; name: string; data: ArticleFile }[];
  /** Keyed by the text file's name (`000_abc.txt`); `sha256` is of the file's bytes. */
  texts: Map<string, { text: string; sha256: string }>;
}

/** Reads `dir/articles/*.txt` and `dir/data/*.yaml` and validates all of it; throws SeedValidationError listing every problem. */
export async function readCorpus(dir: string): Promise<Corpus> {
  return validateSources(await readSources(dir), dir);
}

/** Reads and schema-checks the files of a seed directory; throws SeedValidationError if any cannot be read or parsed. */
export async function readSources(dir: string): Promise<SeedSources> {
  const problems: Problem[] = [];
  const articlesDir = join(dir, 'articles');
  const dataDir = join(dir, 'data');

  const listing = async (d: string, ext: string): Promise<string[]> => {
    try {
      return (await readdir(d)).filter((f) => f.endsWith(ext)).sort();
    } catch {
      problems.push({ file: displayPath(d), entry: '', message: `cannot read the directory; a seed directory holds articles/*.txt and data/*.yaml` });
      return [];
    }
  };
  const textFiles = await listing(articlesDir, '.txt');
  const dataFiles = await listing(dataDir, '.yaml');

  const texts = new Map<string, { text: string; sha256: string }>();
  for (const f of textFiles) {
    const bytes = await readFile(join(articlesDir, f));
    try {
      texts.set(f, { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), sha256: createHash('sha256').update(bytes).digest('hex') });
    } catch {
      problems.push({ file: displayPath(join(articlesDir, f)), entry: '', message: 'not valid UTF-8' });
    }
  }

  const entitiesFiles: EntitySource[] = [];
  const articleFiles: { path: string; name: string; data: ArticleFile }[] = [];
  if (!dataFiles.some(isEntitiesFile)) problems.push({ file: displayPath(join(dataDir, 'entities.yaml')), entry: '', message: 'missing: every corpus needs its entities file' });

  for (const f of dataFiles) {
    const path = displayPath(join(dataDir, f));
    const doc = parseDocument(await readFile(join(dataDir, f), 'utf8'), { prettyErrors: true, uniqueKeys: true });
    if (doc.errors.length) {
      for (const e of doc.errors) problems.push({ file: path, entry: '', message: `YAML: ${e.message}` });
      continue;
    }
    const raw: unknown = doc.toJS();
    if (isEntitiesFile(f)) {
      const parsed = EntitiesFile.safeParse(raw);
      if (parsed.success) entitiesFiles.push({ path, data: parsed.data });
      else problems.push(...schemaProblems(path, raw, parsed.error));
    } else {
      const parsed = ArticleFile.safeParse(raw);
      if (parsed.success) articleFiles.push({ path, name: f, data: parsed.data });
      else problems.push(...schemaProblems(path, raw, parsed.error));
    }
  }
  // Cross-file checks on half-parsed data would bury the real cause under follow-on errors.
  if (problems.length) throw new SeedValidationError(problems);
  return { entitiesFiles, articleFiles, texts };
}

/**
 * Every check the seed loader makes, on sources held in memory: the files' schemas again (sources built in
 * code never went through YAML), then every reference, quote, offset and structural rule across files.
 * Pure: reads nothing. `dir` only names the article directory in messages. Throws SeedValidationError
 * listing every problem.
 */
export function validateSources(sources: SeedSources, dir = '.'): Corpus {
  const problems: Problem[] = [];
  if (sources.entitiesFiles.length === 0) problems.push({ file: displayPath(join(dir, 'data', 'entities.yaml')), entry: '', message: 'missing: every corpus needs its entities file' });
  const entitiesFiles: EntitySource[] = [];
  for (const source of sources.entitiesFiles) {
    const parsed = EntitiesFile.safeParse(source.data);
    if (parsed.success) entitiesFiles.push({ path: source.path, data: parsed.data });
    else problems.push(...schemaProblems(source.path, source.data, parsed.error));
  }
  const articleFiles: { path: string; name: string; data: ArticleFile }[] = [];
  for (const source of sources.articleFiles) {
    const parsed = ArticleFile.safeParse(source.data);
    if (parsed.success) articleFiles.push({ path: source.path, name: source.name, data: parsed.data });
    else problems.push(...schemaProblems(source.path, source.data, parsed.error));
  }
  if (problems.length) throw new SeedValidationError(problems);
  return checkCorpus(dir, entitiesFiles, articleFiles, sources.texts, problems);
}

function checkCorpus(
  dir: string,
  entitiesFiles: EntitySource[],
  articleFiles: { path: string; name: string; data: ArticleFile }[],
  texts: Map<string, { text: string; sha256: string }>,
  problems: Problem[],
): Corpus {
  const articlesDir = displayPath(join(dir, 'articles'));
  const entityFile = new Map<string, string>();
  for (const source of entitiesFiles) for (const e of source.data.entities) if (!entityFile.has(e.id)) entityFile.set(e.id, source.path);
  const entitiesPath = (id: string): string => entityFile.get(id) ?? entitiesFiles[0]?.path ?? 'entities.yaml';

  // One namespace for every id, so any reference is unambiguous.
  const labelOf = new Map<string, EndpointLabel>();
  const definedIn = new Map<string, string>();
  /** Registers an id; nodes also get their label, facts (never referenced as endpoints) do not. */
  const claim = (id: string, label: EndpointLabel | null, file: string, entry: string): void => {
    const earlier = definedIn.get(id);
    if (earlier) problems.push({ file, entry, message: `duplicate id "${id}" (already defined in ${earlier})` });
    else {
      if (label) labelOf.set(id, label);
      definedIn.set(id, file);
    }
  };

  const entities = entitiesFiles.flatMap((source) => source.data.entities);
  const names: CorpusName[] = [];
  const aliasOwner = new Map<string, string>();
  for (const e of entities) {
    const entry = `entity "${e.id}"`;
    const file = entitiesPath(e.id);
    claim(e.id, e.label, file, entry);
    if (e.validFrom && e.validTo && e.validFrom > e.validTo) problems.push({ file, entry, message: `validFrom ${e.validFrom} is after validTo ${e.validTo}` });
    for (const alias of new Set([e.name, ...e.aliases])) {
      const owner = aliasOwner.get(alias);
      if (owner && owner !== e.id) problems.push({ file, entry, message: `alias "${alias}" is also a name of "${owner}"; a search for it would be ambiguous` });
      else aliasOwner.set(alias, e.id);
    }
    if (e.label === 'Actor') {
      for (const n of e.names ?? []) {
        claim(n.id, 'Name', file, `name "${n.id}"`);
        names.push({ ...n, actor: e.id });
      }
    }
  }

  // Articles: one data file per text file, named after it.
  const articles: CorpusArticle[] = [];
  const articleById = new Map<string, CorpusArticle>();
  const seenTexts = new Set<string>();
  for (const af of articleFiles) {
    const meta = af.data.article;
    const entry = `article "${meta.id}"`;
    claim(meta.id, 'Article', af.path, entry);
    if (af.name !== meta.file.replace(/\.txt$/, '.yaml')) problems.push({ file: af.path, entry, message: `data file must be named after its article: expected ${meta.file.replace(/\.txt$/, '.yaml')}` });
    const source = texts.get(meta.file);
    if (!source) {
      problems.push({ file: af.path, entry, message: `file "${meta.file}" not found in ${articlesDir}` });
      continue;
    }
    if (seenTexts.has(meta.file)) problems.push({ file: af.path, entry, message: `file "${meta.file}" is described by more than one data file` });
    seenTexts.add(meta.file);
    // A reviewed article's title is what the reviewer gave (a headline the pasted text may lack).
    if (!meta.reviewedAt && !source.text.includes(meta.title)) problems.push({ file: af.path, entry, message: `title not found in article text: "${clip(meta.title)}"` });
    const article: CorpusArticle = { ...meta, text: source.text, sha256: source.sha256, dataFile: af.path, mentions: [] };
    articles.push(article);
    articleById.set(meta.id, article);
  }
  for (const f of texts.keys()) {
    if (!seenTexts.has(f)) problems.push({ file: `${articlesDir}/${f}`, entry: '', message: `no data file describes this article; add seed/data/${f.replace(/\.txt$/, '.yaml')}` });
  }

  const checkQuote = (file: string, entry: string, where: string, articleId: string, ev: { quote: string; start: number; end: number }): void => {
    const article = articleById.get(articleId);
    if (!article) return;
    if (article.text.slice(ev.start, ev.end) === ev.quote) return;
    const at = occurrences(article.text, ev.quote);
    if (at.length === 0) {
      problems.push({ file, entry, message: `${where}quote not found in article text (${articleId}): "${clip(ev.quote)}"` });
    } else {
      const places = at.map((s) => `[${s}, ${s + ev.quote.length})`).join(', ');
      problems.push({ file, entry, message: `${where}offsets [${ev.start}, ${ev.end}) do not hold the quote "${clip(ev.quote, 50)}" in ${articleId}; it occurs at ${places}` });
    }
  };

  // Metadata evidence and authors.
  for (const af of articleFiles) {
    const meta = af.data.article;
    const entry = `article "${meta.id}"`;
    if (meta.publishedEvidence) checkQuote(af.path, entry, 'publishedEvidence: ', meta.id, meta.publishedEvidence);
    for (const author of meta.authors) {
      if (labelOf.get(author) !== 'Person') problems.push({ file: af.path, entry, message: `dangling reference: author "${author}" is not a Person in the entities files` });
    }
  }

  // Mentions: every surface must yield at least one span.
  for (const af of articleFiles) {
    const article = articleById.get(af.data.article.id);
    if (!article) continue;
    article.mentions = resolveMentions(af.path, article, af.data.mentions, labelOf, problems);
  }

  // Facts.
  const facts: CorpusFact[] = [];
  for (const af of articleFiles) {
    const home = af.data.article.id;
    for (const fact of af.data.facts) {
      const entry = `fact "${fact.id}"`;
      claim(fact.id, null, af.path, entry);
      const spec = FACT_TYPES[fact.type as FactType];
      const endpoint = (role: 'from' | 'to', id: string, allowed: readonly EndpointLabel[]): void => {
        const label = labelOf.get(id);
        if (!label) problems.push({ file: af.path, entry, message: `dangling reference: ${role} "${id}" is not a known entity, name or article id` });
        else if (!allowed.includes(label)) problems.push({ file: af.path, entry, message: `${fact.type} cannot run ${role} a ${label} ("${id}"); allowed: ${allowed.join(', ')}` });
      };
      endpoint('from', fact.from, spec.from);
      endpoint('to', fact.to, spec.to);
      if (fact.validFrom && fact.validTo && fact.validFrom > fact.validTo) problems.push({ file: af.path, entry, message: `validFrom ${fact.validFrom} is after validTo ${fact.validTo}` });
      for (const [key, value] of Object.entries(fact.properties)) {
        // The schema checked each property's type and form; here only whether the node it names exists.
        const wanted = REFERENCE_PROPERTIES[key];
        if (!wanted) continue;
        const label = typeof value === 'string' ? labelOf.get(value) : undefined;
        if (label !== wanted) problems.push({ file: af.path, entry, message: `dangling reference: properties.${key} "${String(value)}" is not ${idOf(wanted)} of the corpus` });
      }

      const evidence: CorpusEvidence[] = [];
      const seen = new Set<string>();
      fact.evidence.forEach((ev, i) => {
        const articleId = ev.article ?? home;
        const where = `evidence[${i}]: `;
        if (!articleById.has(articleId)) {
          problems.push({ file: af.path, entry, message: `${where}dangling reference: article "${articleId}" is not a known article id` });
          return;
        }
        const key = `${articleId}:${ev.start}:${ev.end}`;
        if (seen.has(key)) problems.push({ file: af.path, entry, message: `${where}the same quote is cited twice` });
        seen.add(key);
        checkQuote(af.path, entry, where, articleId, ev);
        evidence.push({ article: articleId, quote: ev.quote, start: ev.start, end: ev.end });
      });
      if (!evidence.some((e) => e.article === home)) {
        problems.push({ file: af.path, entry, message: `no evidence from this file's own article ${home}; a fact lives in the file of an article that states it` });
      }
      const firstSeen = evidence
        .map((e) => articleById.get(e.article)?.published)
        .filter((d): d is string => d !== undefined)
        .sort()[0];
      facts.push({ ...fact, evidence, firstSeen: firstSeen ?? af.data.article.published, dataFile: af.path });
    }
  }

  checkStructure(entitiesPath, entities, names, facts, articles, articleFiles, problems);

  if (problems.length) throw new SeedValidationError(problems);
  return {
    dir,
    articles,
    entities: entities.map(withSearchText),
    names,
    facts,
  };
}

/** An entity with `searchText`: its name and every alias, once each, for the full-text index. */
export function withSearchText(e: Entity): CorpusEntity {
  return { ...e, searchText: [...new Set([e.name, ...e.aliases])].join(' | ') };
}

/** Finds every whole-word occurrence of each surface; where spans overlap the longest (then leftmost) wins. */
export function resolveMentions(file: string, article: CorpusArticle, mentions: ArticleFile['mentions'], labelOf: Map<string, EndpointLabel>, problems: Problem[]): CorpusMention[] {
  const candidates: (Span & { entity: string })[] = [];
  const surfaceOwner = new Map<string, string>();
  const seenEntities = new Set<string>();
  for (const m of mentions) {
    const entry = `mention of "${m.entity}"`;
    const label = labelOf.get(m.entity);
    if (!label || label === 'Article' || label === 'Name') {
      problems.push({ file, entry, message: `dangling reference: "${m.entity}" is not an entity id` });
      continue;
    }
    if (seenEntities.has(m.entity)) problems.push({ file, entry, message: 'the entity is listed twice; merge its surfaces into one entry' });
    seenEntities.add(m.entity);
    for (const surface of m.surfaces) {
      const owner = surfaceOwner.get(surface);
      if (owner && owner !== m.entity) problems.push({ file, entry, message: `surface "${surface}" is also listed for "${owner}"` });
      surfaceOwner.set(surface, m.entity);
      for (const start of occurrences(article.text, surface)) {
        if (isWholeWord(article.text, surface, start)) candidates.push({ entity: m.entity, surface, start, end: start + surface.length });
      }
    }
  }
  candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const taken: typeof candidates = [];
  for (const c of candidates) {
    if (!taken.some((t) => c.start < t.end && t.start < c.end)) taken.push(c);
  }
  taken.sort((a, b) => a.start - b.start);

  const result: CorpusMention[] = [];
  for (const m of mentions) {
    if (!labelOf.has(m.entity)) continue;
    const spans = taken.filter((t) => t.entity === m.entity).map(({ start, end, surface }) => ({ start, end, surface }));
    for (const surface of m.surfaces) {
      if (spans.some((s) => s.surface === surface)) continue;
      const inside = candidates.some((c) => c.surface === surface && c.entity === m.entity);
      problems.push({
        file,
        entry: `mention of "${m.entity}"`,
        message: inside
          ? `surface "${surface}" only occurs inside longer mentions of other entities`
          : `surface "${surface}" not found in article text as a whole word (surfaces are exact and case-sensitive)`,
      });
    }
    if (spans.length && !result.some((r) => r.entity === m.entity)) result.push({ entity: m.entity, spans });
  }
  return result;
}

/** Groups items by a key, once, so the rules below look things up instead of rescanning every fact. */
function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** Rules that span files: roles sit at one organisation, agreement points are numbered, authors wrote. */
function checkStructure(
  entitiesPath: (id: string) => string,
  entities: Entity[],
  names: CorpusName[],
  facts: CorpusFact[],
  articles: CorpusArticle[],
  articleFiles: { path: string; data: ArticleFile }[],
  problems: Problem[],
): void {
  const byType = groupBy(facts, (f) => f.type);
  const ofType = (type: FactType): CorpusFact[] => byType.get(type) ?? [];
  const atByRole = groupBy(ofType('AT'), (f) => f.from);
  const hasPointByPoint = groupBy(ofType('HAS_POINT'), (f) => f.to);
  const namedByName = groupBy(ofType('NAMED'), (f) => f.to);
  const wroteByArticle = groupBy(ofType('WROTE'), (f) => f.to);
  const entityById = new Map<string, Entity>(entities.map((e) => [e.id, e]));
  const nameById = new Map<string, CorpusName>(names.map((n) => [n.id, n]));
  // A point's text is looked for only in the articles that mention the point, where it is printed.
  const textsMentioning = groupBy(
    articles.flatMap((a) => a.mentions.map((m) => ({ entity: m.entity, text: a.text }))),
    (m) => m.entity,
  );

  const referenced = new Set([...facts.flatMap((f) => [f.from, f.to]), ...articles.flatMap((a) => a.mentions.map((m) => m.entity))]);
  for (const e of entities) {
    const entry = `entity "${e.id}"`;
    const file = entitiesPath(e.id);
    if (!referenced.has(e.id)) problems.push({ file, entry, message: 'neither mentioned in an article nor part of any fact; add where the text names it, or remove it' });
    if (e.label === 'Role') {
      const at = atByRole.get(e.id) ?? [];
      if (at.length !== 1) problems.push({ file, entry, message: `a Role needs exactly one AT fact naming its organisation (found ${at.length})` });
    }
    if (e.label === 'AgreementPoint') {
      const candidates = textsMentioning.get(e.id)?.map((m) => m.text) ?? articles.map((a) => a.text);
      if (!candidates.some((t) => t.includes(e.text)) && !articles.some((a) => a.text.includes(e.text))) {
        problems.push({ file, entry, message: `point text not found verbatim in any article: "${clip(e.text)}"` });
      }
      const owners = hasPointByPoint.get(e.id) ?? [];
      if (owners.length !== 1) problems.push({ file, entry, message: `an AgreementPoint needs exactly one HAS_POINT fact (found ${owners.length})` });
    }
  }

  const pointNumbers = new Map<string, number>();
  for (const f of ofType('HAS_POINT')) {
    const point = entityById.get(f.to);
    if (point?.label !== 'AgreementPoint') continue;
    const key = `${f.from}#${point.number}`;
    const twin = pointNumbers.get(key);
    if (twin !== undefined) problems.push({ file: f.dataFile, entry: `fact "${f.id}"`, message: `agreement "${f.from}" already has a point number ${point.number}` });
    pointNumbers.set(key, point.number);
  }

  for (const f of ofType('NAMED')) {
    const name = nameById.get(f.to);
    if (name && name.actor !== f.from) problems.push({ file: f.dataFile, entry: `fact "${f.id}"`, message: `name "${f.to}" is declared under "${name.actor}", not "${f.from}"` });
  }
  for (const n of names) {
    if (!namedByName.has(n.id)) problems.push({ file: entitiesPath(n.actor), entry: `name "${n.id}"`, message: 'no NAMED fact gives this name its dates and evidence' });
  }

  for (const af of articleFiles) {
    const meta = af.data.article;
    const wrote = wroteByArticle.get(meta.id) ?? [];
    for (const author of meta.authors) {
      if (entityById.get(author)?.label === 'Person' && !wrote.some((f) => f.from === author)) {
        problems.push({ file: af.path, entry: `article "${meta.id}"`, message: `author "${author}" has no WROTE fact with the byline as evidence` });
      }
    }
    for (const f of wrote) {
      if (!meta.authors.includes(f.from)) problems.push({ file: f.dataFile, entry: `fact "${f.id}"`, message: `"${f.from}" is not listed in authors of ${meta.id}` });
    }
  }
}
