import { ENTITY_LABELS, FACT_ID_PREFIX, FACT_TYPES, FACT_TYPE_NAMES, ID_PREFIXES, KINDS, REFERENCE_PROPERTIES, isFactType, validateFactProperties, type EndpointLabel, type EntityLabel, type FactType } from '../../contract/model';
import type { AcceptBody, NewEntity, Proposal } from '../../contract/ingest';
import type { ArticleFile, Entity, Fact, Mention } from '../seed/schema';
import { slugify } from './text';

/**
 * Turns a draft and a reviewer's decisions into the seed format: one article file (metadata, mentions as
 * surfaces, facts with verbatim evidence) and the entities it creates. Pure, so every rule is unit-testable;
 * the service then holds the result to the seed validator, together with the rest of the graph, before
 * anything is written.
 */

/** One decision or proposal that cannot be carried out, named by where it is in the request body. */
export interface AcceptProblem {
  parameter: string;
  message: string;
}

/** What the builder needs to know of the graph. */
export interface AcceptGraph {
  /** Every entity in the graph with its label. */
  entityLabels: ReadonlyMap<string, EntityLabel>;
  /** Every id in use (entities, names, articles, facts): new ids are made unique against them. */
  takenIds: ReadonlySet<string>;
}

export interface Acceptance {
  articleId: string;
  /** The text file's name, `<article id>.txt`. */
  file: string;
  articleFile: ArticleFile;
  newEntities: Entity[];
  createdEntities: { key: string; id: string }[];
  linkedEntities: { key: string; id: string }[];
  facts: { key: string; id: string }[];
  reviewedAt: string;
}

/** The longest article id made from a title. */
export const MAX_ARTICLE_ID = 60;

/** Thrown with every problem found; the service answers 400 listing them. */
export class AcceptProblems extends Error {
  constructor(readonly problems: AcceptProblem[]) {
    super(problems.map((p) => `${p.parameter}: ${p.message}`).join('; '));
  }
}

type Resolved = { kind: 'existing'; id: string } | { kind: 'new'; key: string } | { kind: 'rejected'; key: string } | { kind: 'article' };

/** `base`, or `base-2`, `base-3` … whichever is free; the result never exceeds `max` characters. */
export function uniqueId(base: string, taken: (id: string) => boolean, max = Infinity): string {
  const fit = (s: string, room: number) => (s.length <= room ? s : s.slice(0, room).replace(/-+$/, ''));
  let id = fit(base, max);
  for (let n = 2; taken(id); n++) id = `${fit(base, max - String(n).length - 1)}-${n}`;
  return id;
}

/** The article id for a title and date: `article-<yyyy>-<slug of the title>`, at most 60 characters. */
export function articleIdFor(title: string, published: string, taken: (id: string) => boolean): string {
  const prefix = `${ID_PREFIXES.Article}${published.slice(0, 4)}`;
  const slug = slugify(title, MAX_ARTICLE_ID - prefix.length - 1);
  return uniqueId(slug ? `${prefix}-${slug}` : prefix, taken, MAX_ARTICLE_ID);
}

function isWordChar(c: string | undefined): boolean {
  return c !== undefined && /[\p{L}\p{N}]/u.test(c);
}

/**
 * A mention's span widened to whole words: the seed format links every whole-word occurrence of a surface,
 * so "Digg" inside "Diggs" is stored as the surface "Diggs".
 */
export function wholeWordSpan(text: string, start: number, end: number): { start: number; end: number } {
  let s = start;
  let e = end;
  if (isWordChar(text[s])) while (s > 0 && isWordChar(text[s - 1])) s--;
  if (isWordChar(text[e - 1])) while (e < text.length && isWordChar(text[e])) e++;
  return { start: s, end: e };
}

const list = (items: readonly string[], max = 12) => (items.length > max ? `${items.slice(0, max).join(', ')}, …` : items.join(', '));

/** Builds the seed-format article and its new entities; throws AcceptProblems listing every problem. */
export function buildAcceptance(draft: Proposal, body: AcceptBody, graph: AcceptGraph, now: Date = new Date()): Acceptance {
  const problems: AcceptProblem[] = [];
  const problem = (parameter: string, message: string) => problems.push({ parameter, message });
  const text = draft.text;
  const proposed = new Map<string, NewEntity>(draft.entities.map((e) => [e.key, e]));
  const keyList = () => (proposed.size ? list([...proposed.keys()]) : 'none');

  // ── Decisions on new entities ──
  const decisions = new Map<string, AcceptBody['entities'][number]>();
  body.entities.forEach((d, i) => {
    const at = `entities.${i}`;
    if (!proposed.has(d.key)) return problem(`${at}.key`, `no proposed entity has the key "${d.key}"; the draft's keys are ${keyList()}`);
    if (decisions.has(d.key)) return problem(`${at}.key`, `"${d.key}" is decided twice; give one decision per entity`);
    decisions.set(d.key, d);
    if (d.action === 'link' && !graph.entityLabels.has(d.entityId)) problem(`${at}.entityId`, `there is no entity "${d.entityId}" in the graph; search for the one you mean (GET /api/search)`);
    if (d.action === 'merge') {
      if (d.into === d.key) problem(`${at}.into`, 'an entity cannot be merged into itself');
      else if (!proposed.has(d.into)) problem(`${at}.into`, `no proposed entity has the key "${d.into}"; the draft's keys are ${keyList()}`);
    }
    if (d.action === 'create') {
      const label = d.label ?? proposed.get(d.key)!.label;
      const kind = d.kind ?? proposed.get(d.key)!.kind;
      if (!(KINDS[label] as readonly string[]).includes(kind)) problem(`${at}.kind`, `"${kind}" is not a kind of ${label}; choose one of ${KINDS[label].join(', ')}`);
      if (label === 'AgreementPoint') problem(`${at}.label`, 'an agreement point needs its number and its text, which review cannot give; link it to an existing point or reject it');
    }
  });

  /** Follows merges to the decision that settles a key. */
  const resolveKey = (key: string): Resolved | null => {
    const seen = new Set<string>();
    let current = key;
    for (;;) {
      if (seen.has(current)) return null;
      seen.add(current);
      const d = decisions.get(current);
      if (!d || d.action === 'create') return { kind: 'new', key: current };
      if (d.action === 'link') return { kind: 'existing', id: d.entityId };
      if (d.action === 'reject') return { kind: 'rejected', key: current };
      if (!proposed.has(d.into)) return null;
      current = d.into;
    }
  };
  const needed = new Set<string>();
  for (const d of decisions.values()) {
    if (d.action !== 'merge') continue;
    const target = resolveKey(d.key);
    if (target === null) problem('entities', `merging "${d.key}" into "${d.into}" goes round in a circle; let one of them be created or linked`);
    // Merging into an entity says it is kept, even where no fact needs it.
    else if (target.kind === 'new') needed.add(target.key);
    else if (target.kind === 'rejected') problem('entities', `"${d.key}" is merged into "${target.key}", which is rejected; reject "${d.key}" too, or keep "${target.key}"`);
  }

  /** What an end, a mention target or a reference names: an existing id, a new-entity key, or the article. */
  const resolve = (ref: string, allowArticle: boolean): Resolved | null => {
    if (allowArticle && ref === 'article') return { kind: 'article' };
    if (proposed.has(ref)) return resolveKey(ref);
    if (graph.entityLabels.has(ref)) return { kind: 'existing', id: ref };
    return null;
  };
  const labelOfNew = (key: string): EntityLabel => {
    const d = decisions.get(key);
    return (d?.action === 'create' ? d.label : undefined) ?? proposed.get(key)!.label;
  };
  const nameOfNew = (key: string): string => {
    const d = decisions.get(key);
    return (d?.action === 'create' ? d.name : undefined) ?? proposed.get(key)!.name;
  };

  // ── Mentions ──
  const mentionDecisions = new Map<number, AcceptBody['mentions'][number]>();
  body.mentions.forEach((d, i) => {
    const at = `mentions.${i}`;
    if (d.index >= draft.mentions.length) return problem(`${at}.index`, `the draft has ${draft.mentions.length} mentions (indexes 0–${draft.mentions.length - 1}); there is no mention ${d.index}`);
    if (mentionDecisions.has(d.index)) return problem(`${at}.index`, `mention ${d.index} is decided twice`);
    mentionDecisions.set(d.index, d);
    if (d.action === 'link') {
      const target = resolve(d.to, false);
      if (target === null) problem(`${at}.to`, `"${d.to}" is neither an entity in the graph nor a proposed entity key (${keyList()})`);
      else if (target.kind === 'rejected') problem(`${at}.to`, `"${d.to}" is rejected; link the mention to another entity, or create "${d.to}"`);
      else if (target.kind === 'new') needed.add(target.key);
    }
  });
  const mentionTargets: { index: number; target: Resolved & { kind: 'existing' | 'new' } }[] = [];
  draft.mentions.forEach((m, index) => {
    const d = mentionDecisions.get(index);
    if (d?.action === 'reject') return;
    const ref = d?.action === 'link' ? d.to : (m.entityId ?? m.newEntity?.key ?? null);
    if (ref === null) return; // ambiguous and undecided: never linked silently
    const target = resolve(ref, false);
    if (target === null) {
      problem(`mentions`, `mention ${index} ("${m.surface}") names "${ref}", which is no longer in the graph; link it to another entity or reject it`);
      return;
    }
    if (target.kind === 'existing' || target.kind === 'new') mentionTargets.push({ index, target });
  });

  // ── Facts ──
  const factById = new Map(draft.facts.map((f) => [f.key, f]));
  const factDecisions = new Map<string, AcceptBody['facts'][number]>();
  body.facts.forEach((d, i) => {
    const at = `facts.${i}`;
    if (!factById.has(d.key)) return problem(`${at}.key`, `no proposed fact has the key "${d.key}"${draft.facts.length ? `; the draft's facts are ${list(draft.facts.map((f) => f.key))}` : '; the draft proposes no facts'}`);
    if (factDecisions.has(d.key)) return problem(`${at}.key`, `fact "${d.key}" is decided twice`);
    factDecisions.set(d.key, d);
  });

  interface PendingFact {
    key: string;
    type: FactType;
    from: Resolved;
    to: Resolved;
    properties: Record<string, unknown>;
    evidence: { quote: string; start: number; end: number }[];
  }
  const pending: PendingFact[] = [];
  body.facts.forEach((d, i) => {
    if (d.action !== 'accept' || factDecisions.get(d.key) !== d) return;
    const at = `facts.${i}`;
    const f = factById.get(d.key)!;
    const type = d.type ?? f.type;
    if (!isFactType(type)) return problem(`${at}.type`, `"${type}" is not a fact type of the model; choose one of ${FACT_TYPE_NAMES.join(', ')}`);
    const spec = FACT_TYPES[type];
    const ends: Partial<Record<'from' | 'to', Resolved>> = {};
    for (const role of ['from', 'to'] as const) {
      const ref = d[role] ?? f[role];
      const target = resolve(ref, true);
      if (target === null) {
        problem(`${at}.${role}`, `"${ref}" is neither an entity in the graph, a proposed entity key (${keyList()}) nor "article"`);
        continue;
      }
      if (target.kind === 'rejected') {
        problem(`${at}.${role}`, `"${ref}" is rejected; link or create it, or reject fact "${d.key}"`);
        continue;
      }
      const label: EndpointLabel = target.kind === 'article' ? 'Article' : target.kind === 'existing' ? graph.entityLabels.get(target.id)! : labelOfNew(target.key);
      const allowed = spec[role] as readonly EndpointLabel[];
      if (!allowed.includes(label)) {
        const name = target.kind === 'article' ? 'this article' : target.kind === 'existing' ? `"${target.id}"` : `"${nameOfNew(target.key)}" (${target.key})`;
        problem(`${at}.${role}`, `${type} cannot run ${role} a ${label} (${name}); it runs ${role} ${allowed.join(' or ')}`);
        continue;
      }
      if (target.kind === 'new') needed.add(target.key);
      ends[role] = target;
    }
    const properties: Record<string, unknown> = { ...(d.properties ?? f.properties) };
    for (const message of validateFactProperties(type, properties)) problem(`${at}.properties`, message);
    for (const [name, value] of Object.entries(properties)) {
      if (!Object.hasOwn(REFERENCE_PROPERTIES, name) || typeof value !== 'string') continue;
      const target = resolve(value, false);
      if (target?.kind === 'new') {
        needed.add(target.key);
        properties[name] = target;
      } else if (target?.kind === 'existing') properties[name] = target.id;
      else problem(`${at}.properties.${name}`, `"${value}" is not an entity in the graph or a kept proposed entity`);
    }
    const evidence: PendingFact['evidence'] = [];
    if (d.evidence) {
      d.evidence.forEach((span, j) => {
        if (span.end <= span.start || span.end > text.length) {
          problem(`${at}.evidence.${j}`, `the span [${span.start}, ${span.end}) is outside the text (0–${text.length}) or empty; select the passage again`);
        } else evidence.push({ quote: text.slice(span.start, span.end), start: span.start, end: span.end });
      });
    } else {
      for (const ev of f.evidence) {
        if (text.slice(ev.start, ev.end) === ev.quote) evidence.push(ev);
        else problem(`${at}.evidence`, `the proposed evidence [${ev.start}, ${ev.end}) does not hold its quote; select the passage in the text instead`);
      }
    }
    const unique = [...new Map(evidence.map((e) => [`${e.start}:${e.end}`, e])).values()];
    if (ends.from && ends.to) pending.push({ key: d.key, type, from: ends.from, to: ends.to, properties, evidence: unique });
  });

  // ── Article metadata ──
  const meta = body.article ?? {};
  const title = meta.title ?? draft.title;
  const published = meta.published ?? draft.published;
  if (!published) problem('article.published', 'the draft has no publication date and the text states none; give it as YYYY-MM-DD');

  // ── Which new entities are written, and their ids ──
  const created = new Set<string>();
  for (const key of proposed.keys()) {
    const d = decisions.get(key);
    if (d?.action === 'create' || (!d && needed.has(key))) created.add(key);
  }
  for (const key of needed) if (proposed.get(key)?.label === 'AgreementPoint' && !decisions.has(key)) problem('entities', `"${key}" (${nameOfNew(key)}) is an agreement point, which review cannot create; link it to an existing point`);

  if (problems.length) throw new AcceptProblems(problems);

  const assigned = new Set<string>();
  const taken = (id: string) => graph.takenIds.has(id) || assigned.has(id);
  const idOfKey = new Map<string, string>();
  const newEntities: Entity[] = [];
  for (const key of created) {
    const p = proposed.get(key)!;
    const d = decisions.get(key);
    const c = d?.action === 'create' ? d : undefined;
    const label = c?.label ?? p.label;
    const name = (c?.name ?? p.name).trim();
    const base = `${ID_PREFIXES[label]}${slugify(name, 50) || slugify(key)}`;
    const id = uniqueId(base, taken);
    assigned.add(id);
    idOfKey.set(key, id);
    const entity = { id, label, kind: c?.kind ?? p.kind, name, aliases: [] as string[] } as Record<string, unknown>;
    if (label === 'Role') entity['title'] = c?.title ?? p.title ?? name;
    newEntities.push(entity as unknown as Entity);
  }
  const idOf = (r: Resolved, articleId: string): string | null =>
    r.kind === 'existing' ? r.id : r.kind === 'article' ? articleId : r.kind === 'new' ? (idOfKey.get(r.key) ?? null) : null;

  const articleId = articleIdFor(title, published!, taken);
  assigned.add(articleId);
  const file = `${articleId}.txt`;

  // ── Mentions as the seed stores them: the distinct whole-word surfaces of each entity ──
  const surfacesOf = new Map<string, Set<string>>();
  const ownerOfSurface = new Map<string, string>();
  for (const { index, target } of mentionTargets) {
    const id = idOf(target, articleId);
    if (id === null) continue; // a new entity nothing else needed, left unwritten
    const m = draft.mentions[index]!;
    const span = wholeWordSpan(text, m.start, m.end);
    const surface = text.slice(span.start, span.end);
    if (surface.trim() === '') continue;
    const owner = ownerOfSurface.get(surface);
    if (owner !== undefined && owner !== id) {
      problem('mentions', `"${surface}" is linked to both "${owner}" and "${id}"; in one article a surface names one entity (each of its occurrences is linked), so reject the mentions of one of them`);
      continue;
    }
    ownerOfSurface.set(surface, id);
    surfacesOf.set(id, (surfacesOf.get(id) ?? new Set()).add(surface));
  }
  const mentions: Mention[] = [...surfacesOf].map(([entity, surfaces]) => ({ entity, surfaces: [...surfaces].sort() }));

  // ── Facts ──
  const factBase = `${FACT_ID_PREFIX}${articleId.slice(ID_PREFIXES.Article.length)}`;
  const facts: Fact[] = [];
  const factIds: { key: string; id: string }[] = [];
  const authors = new Set<string>();
  pending.forEach((p, n) => {
    const from = idOf(p.from, articleId)!;
    const to = idOf(p.to, articleId)!;
    const properties = Object.fromEntries(Object.entries(p.properties).map(([k, v]) => [k, typeof v === 'object' && v !== null && 'kind' in v ? idOf(v as Resolved, articleId) : v]));
    const id = uniqueId(`${factBase}-${n + 1}`, taken);
    assigned.add(id);
    factIds.push({ key: p.key, id });
    if (p.type === 'WROTE' && to === articleId) authors.add(from);
    facts.push({ id, type: p.type, from, to, properties, source: 'text', evidence: p.evidence } as Fact);
  });

  if (problems.length) throw new AcceptProblems(problems);

  const hint = draft.publishedHint;
  const hintHolds = hint !== null && hint.date === published && text.slice(hint.start, hint.end) === hint.quote;
  const reviewedAt = now.toISOString();
  const outlet = meta.outlet ?? draft.outlet;
  const url = meta.url ?? draft.url;
  const articleFile: ArticleFile = {
    article: {
      id: articleId,
      file,
      title,
      outlet: outlet ?? null,
      ...(outlet ? {} : { outletNote: 'No outlet was given when the article was added.' }),
      published: published!,
      ...(hintHolds
        ? { publishedEvidence: { quote: hint.quote, start: hint.start, end: hint.end } }
        : { publishedNote: hint ? `Date given by the reviewer; the text states ${hint.date} ("${hint.quote}").` : 'Date given by the reviewer; the text does not state it.' }),
      ...(url ? { url } : {}),
      authors: [...authors],
      reviewedAt,
    },
    mentions,
    facts,
  };

  const createdEntities: { key: string; id: string }[] = [];
  const linkedEntities: { key: string; id: string }[] = [];
  for (const key of proposed.keys()) {
    const r = resolveKey(key);
    if (r?.kind === 'existing') linkedEntities.push({ key, id: r.id });
    else if (r?.kind === 'new' && idOfKey.has(r.key)) createdEntities.push({ key, id: idOfKey.get(r.key)! });
  }
  return { articleId, file, articleFile, newEntities, createdEntities, linkedEntities, facts: factIds, reviewedAt };
}

/** Labels of the model, for checks on data read back from the graph. */
export function isEntityLabel(label: string): label is EntityLabel {
  return (ENTITY_LABELS as readonly string[]).includes(label);
}

/** A fact the graph already has, with the file it lives in: an accepted fact with the same statement joins it. */
export interface MergedFact {
  key: string;
  /** The existing fact's id; the new article's evidence is added to it. */
  id: string;
}

/**
 * One statement is one fact with several pieces of evidence, never two facts (seed/README.md). An accepted fact
 * whose type and ends equal an existing fact's, and whose properties do not contradict it, is therefore not
 * written as a new fact: its evidence (marked with the new article) is added to the existing one. Returns the
 * sources with the facts moved and which accepted keys now name an existing fact. Pure.
 */
export function mergeIntoExistingFacts(
  articleFiles: readonly { path: string; name: string; data: ArticleFile }[],
  acceptance: Pick<Acceptance, 'articleId' | 'articleFile' | 'facts'>,
): { articleFiles: { path: string; name: string; data: ArticleFile }[]; articleFile: ArticleFile; merged: MergedFact[] } {
  const where = new Map<string, { file: number; fact: number }>();
  articleFiles.forEach((f, file) => f.data.facts.forEach((fact, i) => where.set(`${fact.type}|${fact.from}|${fact.to}`, { file, fact: i })));
  const files = articleFiles.map((f) => f);
  const keyOfId = new Map(acceptance.facts.map((f) => [f.id, f.key]));
  const kept: Fact[] = [];
  const merged: MergedFact[] = [];
  for (const fact of acceptance.articleFile.facts) {
    const at = where.get(`${fact.type}|${fact.from}|${fact.to}`);
    const existing = at ? files[at.file]!.data.facts[at.fact]! : undefined;
    const compatible = existing && Object.entries(fact.properties).every(([k, v]) => !(k in existing.properties) || JSON.stringify(existing.properties[k]) === JSON.stringify(v));
    if (!at || !existing || !compatible) {
      kept.push(fact);
      continue;
    }
    const evidence = [...existing.evidence, ...fact.evidence.map((e) => ({ ...e, article: acceptance.articleId }))];
    const properties = { ...fact.properties, ...existing.properties };
    const file = files[at.file]!;
    const facts = file.data.facts.map((f, i) => (i === at.fact ? { ...existing, properties, evidence } : f));
    files[at.file] = { ...file, data: { ...file.data, facts } };
    merged.push({ key: keyOfId.get(fact.id) ?? fact.id, id: existing.id });
  }
  return { articleFiles: files, articleFile: { ...acceptance.articleFile, facts: kept }, merged };
}
