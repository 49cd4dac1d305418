/**
 * The review of one draft as plain data: what the reviewer decided about each proposed entity, mention and fact,
 * which proposal has the focus, and the article's own fields. Named actions change it (`reviewReducer`), pure
 * selectors read it, and `toAcceptBody()` turns it into the decisions the server writes. No DOM, no API: the
 * store (reviewStore.ts) and the screens build on it.
 */
import type { AcceptBody, EntityDecision, FactDecision, MentionDecision, NewEntity, Proposal, ProposalLabel, ProposedFact } from '../../../contract/ingest';
import { ID_PREFIXES } from '../../../contract/model';

export interface Span {
  start: number;
  end: number;
}

/** Which ends each fact type accepts, by node label (the model's one definition, handed in). */
export type FactTypeSpecs = Readonly<Record<string, { from: readonly string[]; to: readonly string[] }>>;

/** A new entity as the reviewer left it: the decision, and the fields as (re)named. */
export interface EntityReview {
  key: string;
  decision:
    | { action: 'proposed' }
    | { action: 'create' }
    | { action: 'link'; entityId: string; name: string; label: string }
    | { action: 'merge'; into: string }
    | { action: 'reject' };
  name: string;
  label: ProposalLabel;
  kind: string;
  title: string | undefined;
}

export interface FactReview {
  key: string;
  decision: 'proposed' | 'accept' | 'reject';
  type: string;
  from: string;
  to: string;
  evidence: Span[];
}

export type MentionReview = { action: 'follow' } | { action: 'reject' } | { action: 'link'; to: string; name: string };

export interface ArticleFields {
  title: string;
  published: string;
  outlet: string;
  url: string;
}

/** One thing the reviewer steps through with j/k. */
export type Item = { kind: 'entity'; key: string } | { kind: 'mention'; index: number } | { kind: 'fact'; key: string };

export interface ReviewState {
  proposal: Proposal;
  entities: Record<string, EntityReview>;
  facts: Record<string, FactReview>;
  /** Decisions on single mentions, by index; absent means "follows its entity". */
  mentions: Record<number, MentionReview>;
  article: ArticleFields;
  /** Index into `items(state)`. */
  cursor: number;
  /** The reviewer's text selection in the article, to be used as a fact's evidence. */
  selection: Span | null;
  /** Names of existing entities met during the review (links, candidates), for showing fact ends. */
  names: Record<string, { name: string; label: string }>;
}

/** The article itself as a fact end. */
export const ARTICLE_REF = 'article';

/** The confidence from which "accept all with high confidence" takes a proposal. */
export const HIGH_CONFIDENCE = 0.85;
/** A "maybe the same as" candidate this close is left to the reviewer, even for a confident proposal. */
const STRONG_CANDIDATE = 0.8;

/** A fresh review of a draft: everything proposed, nothing decided, the article fields as submitted. */
export function initialReview(proposal: Proposal): ReviewState {
  const names: ReviewState['names'] = {};
  for (const e of proposal.entities) for (const c of e.maybeSameAs) names[c.id] = { name: c.name, label: c.label };
  for (const m of proposal.mentions) for (const c of m.ambiguous ?? []) names[c.id] = { name: c.name, label: c.label };
  // An existing entity without a candidate entry is known by how the text names it.
  for (const m of proposal.mentions) if (m.entityId && !names[m.entityId]) names[m.entityId] = { name: m.surface, label: labelFromId(m.entityId) ?? '' };
  return {
    proposal,
    entities: Object.fromEntries(
      proposal.entities.map((e): [string, EntityReview] => [e.key, { key: e.key, decision: { action: 'proposed' }, name: e.name, label: e.label, kind: e.kind, title: e.title }]),
    ),
    facts: Object.fromEntries(
      proposal.facts.map((f): [string, FactReview] => [f.key, { key: f.key, decision: 'proposed', type: f.type, from: f.from, to: f.to, evidence: f.evidence.map(({ start, end }) => ({ start, end })) }]),
    ),
    mentions: {},
    article: { title: proposal.title, published: proposal.published ?? '', outlet: proposal.outlet ?? '', url: proposal.url ?? '' },
    cursor: 0,
    selection: null,
    names,
  };
}

/** The label an id's prefix gives, or null. */
export function labelFromId(id: string): string | null {
  return Object.entries(ID_PREFIXES).find(([, prefix]) => id.startsWith(prefix))?.[0] ?? null;
}

/** A mention that needs a person to decide: the context did not settle which entity it names. */
export function needsDecision(m: Proposal['mentions'][number]): boolean {
  return (m.ambiguous?.length ?? 0) > 0 || (!m.entityId && !m.newEntity);
}

/** What j/k step through, in reading order within each group: new entities, then undecided mentions, then facts. */
export function items(s: ReviewState): Item[] {
  const p = s.proposal;
  const firstMention = new Map<string, number>();
  const seen = (k: string, at: number) => firstMention.set(k, Math.min(at, firstMention.get(k) ?? Infinity));
  for (const m of p.mentions) if (m.newEntity) seen(m.newEntity.key, m.start);
  // An entity the text never names (a role read from "generaldirektör på DIGG") sits where its facts' evidence is.
  for (const f of p.facts) for (const ref of [f.from, f.to]) if (s.entities[ref] && f.evidence[0]) seen(ref, f.evidence[0].start);
  const entities = [...p.entities].sort((a, b) => (firstMention.get(a.key) ?? Infinity) - (firstMention.get(b.key) ?? Infinity));
  const facts = [...p.facts].sort((a, b) => (a.evidence[0]?.start ?? 0) - (b.evidence[0]?.start ?? 0));
  return [
    ...entities.map((e): Item => ({ kind: 'entity', key: e.key })),
    ...p.mentions.flatMap((m, index): Item[] => (needsDecision(m) ? [{ kind: 'mention', index }] : [])),
    ...facts.map((f): Item => ({ kind: 'fact', key: f.key })),
  ];
}

export function sameItem(a: Item | null | undefined, b: Item | null | undefined): boolean {
  if (!a || !b || a.kind !== b.kind) return false;
  if (a.kind === 'mention') return a.index === (b as { index: number }).index;
  return a.key === (b as { key: string }).key;
}

/** A stable string for an item (element ids, React keys). */
export function itemId(item: Item): string {
  return item.kind === 'mention' ? `mention-${item.index}` : `${item.kind}-${item.key}`;
}

export function focusedItem(s: ReviewState): Item | null {
  const all = items(s);
  return all[Math.min(s.cursor, all.length - 1)] ?? null;
}

/** Where in the text an item is: a new entity's mentions, a mention, a fact's evidence. */
export function itemSpans(s: ReviewState, item: Item): Span[] {
  if (item.kind === 'mention') {
    const m = s.proposal.mentions[item.index];
    return m ? [{ start: m.start, end: m.end }] : [];
  }
  if (item.kind === 'entity') return s.proposal.mentions.filter((m) => m.newEntity?.key === item.key).map(({ start, end }) => ({ start, end }));
  return s.facts[item.key]?.evidence ?? [];
}

/** The state a proposal shows in the text and the list: still proposed, accepted (created, linked, merged) or rejected. */
export type ReviewMark = 'proposed' | 'accepted' | 'rejected';

export function itemMark(s: ReviewState, item: Item): ReviewMark {
  if (item.kind === 'entity') {
    const d = s.entities[item.key]?.decision.action ?? 'proposed';
    return d === 'proposed' ? 'proposed' : d === 'reject' ? 'rejected' : 'accepted';
  }
  if (item.kind === 'fact') {
    const d = s.facts[item.key]?.decision ?? 'proposed';
    return d === 'accept' ? 'accepted' : d === 'reject' ? 'rejected' : 'proposed';
  }
  const m = s.mentions[item.index];
  return !m || m.action === 'follow' ? 'proposed' : m.action === 'reject' ? 'rejected' : 'accepted';
}

/** The mark of a mention in the text: its own decision, else its entity's (an existing entity's mention is accepted as found). */
export function mentionMark(s: ReviewState, index: number): ReviewMark {
  const m = s.proposal.mentions[index];
  const own = s.mentions[index];
  if (!m) return 'proposed';
  if (own && own.action !== 'follow') return own.action === 'reject' ? 'rejected' : 'accepted';
  if (m.newEntity) return itemMark(s, { kind: 'entity', key: m.newEntity.key });
  if (needsDecision(m)) return 'proposed';
  return 'accepted';
}

/** The label a mention's entity has (for its colour): the new entity's (as edited), the linked one's, or the candidates'. */
export function mentionLabel(s: ReviewState, index: number): string {
  const m = s.proposal.mentions[index];
  if (!m) return 'Other';
  const own = s.mentions[index];
  if (own?.action === 'link') return refLabel(s, own.to) ?? 'Other';
  if (m.newEntity) return refLabel(s, m.newEntity.key) ?? m.newEntity.label;
  if (m.entityId) return refLabel(s, m.entityId) ?? 'Other';
  return m.ambiguous?.[0]?.label ?? 'Other';
}

/** Follows merges to the entity a new-entity key ends up as. */
export function resolveKey(s: ReviewState, key: string): string {
  const seen = new Set<string>();
  let k = key;
  for (;;) {
    const d = s.entities[k]?.decision;
    if (!d || d.action !== 'merge' || seen.has(k)) return k;
    seen.add(k);
    k = d.into;
  }
}

/** The node label a fact end (existing id, new-entity key, or the article) has after the reviewer's decisions. */
export function refLabel(s: ReviewState, ref: string): string | null {
  if (ref === ARTICLE_REF) return 'Article';
  if (s.entities[ref]) {
    const e = s.entities[resolveKey(s, ref)]!;
    return e.decision.action === 'link' ? e.decision.label : e.label;
  }
  return s.names[ref]?.label || labelFromId(ref);
}

/** How a fact end reads: the article, a new entity's (edited) name, or an existing entity's name. */
export function refName(s: ReviewState, ref: string): string {
  if (ref === ARTICLE_REF) return s.article.title;
  if (s.entities[ref]) {
    const e = s.entities[resolveKey(s, ref)]!;
    return e.decision.action === 'link' ? e.decision.name : e.name;
  }
  return s.names[ref]?.name ?? ref;
}

/** The fact types the model allows between two labels, the current type first if it is among them. */
export function allowedTypes(specs: FactTypeSpecs, fromLabel: string | null, toLabel: string | null): string[] {
  return Object.entries(specs)
    .filter(([, spec]) => (!fromLabel || spec.from.includes(fromLabel)) && (!toLabel || spec.to.includes(toLabel)))
    .map(([type]) => type);
}

/** What the fact ends may be: the article, every new entity not rejected, and every existing entity met in the review. */
export function endChoices(s: ReviewState): { ref: string; name: string; label: string }[] {
  const out = [{ ref: ARTICLE_REF, name: s.article.title, label: 'Article' }];
  for (const e of Object.values(s.entities)) if (e.decision.action !== 'reject' && e.decision.action !== 'merge') out.push({ ref: e.key, name: refName(s, e.key), label: refLabel(s, e.key) ?? e.label });
  const existing = new Set<string>();
  for (const m of s.proposal.mentions) if (m.entityId) existing.add(m.entityId);
  for (const f of Object.values(s.facts)) for (const r of [f.from, f.to]) if (r !== ARTICLE_REF && !s.entities[r]) existing.add(r);
  for (const id of existing) out.push({ ref: id, name: refName(s, id), label: refLabel(s, id) ?? '' });
  return out;
}

/** Why an accepted fact cannot be written as it stands, or null. */
export function factProblem(s: ReviewState, key: string, specs: FactTypeSpecs | null): 'rejected-end' | 'type-not-allowed' | 'no-evidence' | null {
  const f = s.facts[key];
  if (!f) return null;
  for (const ref of [f.from, f.to]) {
    const e = s.entities[ref] ? s.entities[resolveKey(s, ref)] : undefined;
    if (e?.decision.action === 'reject') return 'rejected-end';
  }
  if (!f.evidence.length) return 'no-evidence';
  if (specs && specs[f.type]) {
    const from = refLabel(s, f.from);
    const to = refLabel(s, f.to);
    if (!allowedTypes(specs, from, to).includes(f.type)) return 'type-not-allowed';
  }
  return null;
}

/** Counts for the summary line and the final button. */
export function progress(s: ReviewState, specs: FactTypeSpecs | null): { decided: number; total: number; accepted: number; rejected: number; problems: string[] } {
  const all = items(s);
  let accepted = 0;
  let rejected = 0;
  for (const it of all) {
    const m = itemMark(s, it);
    if (m === 'accepted') accepted++;
    else if (m === 'rejected') rejected++;
  }
  const problems = Object.values(s.facts)
    .filter((f) => f.decision === 'accept' && factProblem(s, f.key, specs))
    .map((f) => f.key);
  return { decided: accepted + rejected, total: all.length, accepted, rejected, problems };
}

export type ReviewAction =
  | { type: 'focus'; index: number }
  | { type: 'step'; by: 1 | -1 }
  | { type: 'accept'; item: Item }
  | { type: 'reject'; item: Item }
  | { type: 'undecide'; item: Item }
  | { type: 'linkEntity'; key: string; entity: { id: string; name: string; label: string } }
  | { type: 'mergeEntity'; key: string; into: string }
  | { type: 'editEntity'; key: string; patch: Partial<Pick<EntityReview, 'name' | 'label' | 'kind' | 'title'>> }
  | { type: 'linkMention'; index: number; to: string; name: string; label?: string }
  | { type: 'setFactType'; key: string; factType: string }
  | { type: 'setFactEnd'; key: string; end: 'from' | 'to'; ref: string }
  | { type: 'setEvidence'; key: string; span: Span; mode: 'replace' | 'add' }
  | { type: 'removeEvidence'; key: string; index: number }
  | { type: 'acceptConfident'; specs: FactTypeSpecs | null }
  | { type: 'setArticle'; patch: Partial<ArticleFields> }
  | { type: 'select'; span: Span | null };

/** Applies one reviewer action; unknown keys leave the state as it was. */
export function reviewReducer(s: ReviewState, a: ReviewAction): ReviewState {
  switch (a.type) {
    case 'focus': {
      const n = items(s).length;
      return n ? { ...s, cursor: Math.max(0, Math.min(n - 1, a.index)) } : s;
    }
    case 'step': {
      const n = items(s).length;
      return n ? { ...s, cursor: Math.max(0, Math.min(n - 1, s.cursor + a.by)) } : s;
    }
    case 'accept':
      return acceptItem(s, a.item);
    case 'reject':
      return rejectItem(s, a.item);
    case 'undecide': {
      const it = a.item;
      if (it.kind === 'entity') return patchEntity(s, it.key, { decision: { action: 'proposed' } });
      if (it.kind === 'fact') return patchFact(s, it.key, { decision: 'proposed' });
      const mentions = { ...s.mentions };
      delete mentions[it.index];
      return { ...s, mentions };
    }
    case 'linkEntity':
      return {
        ...patchEntity(s, a.key, { decision: { action: 'link', entityId: a.entity.id, name: a.entity.name, label: a.entity.label } }),
        names: { ...s.names, [a.entity.id]: { name: a.entity.name, label: a.entity.label } },
      };
    case 'mergeEntity': {
      // Merging into itself, or into something that ends up merged into this one, would make a loop.
      if (a.key === a.into || !s.entities[a.into] || resolveKey(s, a.into) === a.key) return s;
      return patchEntity(s, a.key, { decision: { action: 'merge', into: a.into } });
    }
    case 'editEntity': {
      const e = s.entities[a.key];
      if (!e) return s;
      // Renaming or re-kinding a proposal means keeping it.
      const decision = e.decision.action === 'proposed' || e.decision.action === 'reject' ? { action: 'create' as const } : e.decision;
      return patchEntity(s, a.key, { ...a.patch, decision });
    }
    case 'linkMention':
      return {
        ...s,
        mentions: { ...s.mentions, [a.index]: { action: 'link', to: a.to, name: a.name } },
        names: a.label && !s.entities[a.to] ? { ...s.names, [a.to]: { name: a.name, label: a.label } } : s.names,
      };
    case 'setFactType':
      return patchFact(s, a.key, { type: a.factType });
    case 'setFactEnd':
      return patchFact(s, a.key, { [a.end]: a.ref });
    case 'setEvidence': {
      const f = s.facts[a.key];
      if (!f || a.span.end <= a.span.start) return s;
      const evidence = a.mode === 'replace' ? [a.span] : [...f.evidence.filter((e) => e.start !== a.span.start || e.end !== a.span.end), a.span].sort((x, y) => x.start - y.start);
      return patchFact(s, a.key, { evidence });
    }
    case 'removeEvidence': {
      const f = s.facts[a.key];
      if (!f) return s;
      return patchFact(s, a.key, { evidence: f.evidence.filter((_, i) => i !== a.index) });
    }
    case 'acceptConfident':
      return acceptConfident(s, a.specs);
    case 'setArticle':
      return { ...s, article: { ...s.article, ...a.patch } };
    case 'select':
      return { ...s, selection: a.span && a.span.end > a.span.start ? a.span : null };
  }
}

function patchEntity(s: ReviewState, key: string, patch: Partial<EntityReview>): ReviewState {
  const e = s.entities[key];
  return e ? { ...s, entities: { ...s.entities, [key]: { ...e, ...patch } } } : s;
}

function patchFact(s: ReviewState, key: string, patch: Partial<FactReview>): ReviewState {
  const f = s.facts[key];
  return f ? { ...s, facts: { ...s.facts, [key]: { ...f, ...patch } } } : s;
}

function acceptItem(s: ReviewState, item: Item): ReviewState {
  if (item.kind === 'entity') {
    const e = s.entities[item.key];
    // Accepting a link or merge keeps it; accepting anything else creates the entity.
    if (!e || e.decision.action === 'link' || e.decision.action === 'merge' || e.decision.action === 'create') return s;
    return patchEntity(s, item.key, { decision: { action: 'create' } });
  }
  if (item.kind === 'mention') {
    const m = s.proposal.mentions[item.index];
    const best = m?.ambiguous?.[0];
    if (!m) return s;
    if (best) return reviewReducer(s, { type: 'linkMention', index: item.index, to: best.id, name: best.name, label: best.label });
    return s;
  }
  const f = s.facts[item.key];
  if (!f) return s;
  // A fact needs its ends: an undecided new entity at either end is accepted with it.
  let next = patchFact(s, item.key, { decision: 'accept' });
  for (const ref of [f.from, f.to]) {
    const k = s.entities[ref] ? resolveKey(s, ref) : null;
    if (k && next.entities[k]?.decision.action === 'proposed') next = patchEntity(next, k, { decision: { action: 'create' } });
  }
  return next;
}

function rejectItem(s: ReviewState, item: Item): ReviewState {
  if (item.kind === 'mention') return { ...s, mentions: { ...s.mentions, [item.index]: { action: 'reject' } } };
  if (item.kind === 'fact') return patchFact(s, item.key, { decision: 'reject' });
  let next = patchEntity(s, item.key, { decision: { action: 'reject' } });
  // Facts about a rejected entity cannot be written; they go with it.
  for (const f of Object.values(next.facts)) {
    if (f.decision !== 'reject' && [f.from, f.to].some((r) => next.entities[r] && resolveKey(next, r) === item.key)) next = patchFact(next, f.key, { decision: 'reject' });
  }
  return next;
}

/** Accepts every undecided entity and fact the extractor was sure of; a new entity with a close existing match is left to the reviewer. */
function acceptConfident(s: ReviewState, specs: FactTypeSpecs | null): ReviewState {
  let next = s;
  for (const e of s.proposal.entities) {
    if (next.entities[e.key]?.decision.action !== 'proposed' || e.confidence < HIGH_CONFIDENCE) continue;
    if ((e.maybeSameAs[0]?.score ?? 0) >= STRONG_CANDIDATE) continue;
    next = patchEntity(next, e.key, { decision: { action: 'create' } });
  }
  for (const f of s.proposal.facts) {
    if (next.facts[f.key]?.decision !== 'proposed' || f.confidence < HIGH_CONFIDENCE) continue;
    // Only where its new-entity ends are decided (now or before) and kept.
    const ends = [f.from, f.to].filter((r) => next.entities[r]).map((r) => next.entities[resolveKey(next, r)]!.decision.action);
    if (ends.some((d) => d === 'proposed' || d === 'reject')) continue;
    const accepted = patchFact(next, f.key, { decision: 'accept' });
    if (!factProblem(accepted, f.key, specs)) next = accepted;
  }
  return next;
}

const sameSpans = (a: readonly Span[], b: readonly { start: number; end: number }[]) => a.length === b.length && a.every((x, i) => x.start === b[i]!.start && x.end === b[i]!.end);

/** New entities an accepted fact (or a kept merge) still needs, though nobody decided on them. */
function neededKeys(s: ReviewState): Set<string> {
  const needed = new Set<string>();
  for (const f of Object.values(s.facts)) {
    if (f.decision !== 'accept') continue;
    for (const r of [f.from, f.to]) if (s.entities[r]) needed.add(resolveKey(s, r));
  }
  for (const e of Object.values(s.entities)) if (e.decision.action === 'merge') needed.add(resolveKey(s, e.key));
  for (const m of Object.values(s.mentions)) if (m.action === 'link' && s.entities[m.to]) needed.add(resolveKey(s, m.to));
  return needed;
}

/**
 * The decisions as the accept endpoint takes them. Only what a person decided is written: an undecided new
 * entity is rejected unless an accepted fact, a merge or a linked mention needs it (then it is created as
 * proposed); an undecided fact is left out (not written). Only changed fields are sent.
 */
export function toAcceptBody(s: ReviewState): AcceptBody {
  const p = s.proposal;
  const needed = neededKeys(s);
  const byKey = new Map<string, NewEntity>(p.entities.map((e) => [e.key, e]));
  const entities: EntityDecision[] = [];
  for (const e of Object.values(s.entities)) {
    const d = e.decision;
    if (d.action === 'link') entities.push({ key: e.key, action: 'link', entityId: d.entityId });
    else if (d.action === 'merge') entities.push({ key: e.key, action: 'merge', into: d.into });
    else if (d.action === 'reject' || (d.action === 'proposed' && !needed.has(e.key))) entities.push({ key: e.key, action: 'reject' });
    else {
      const orig = byKey.get(e.key)!;
      const out: Extract<EntityDecision, { action: 'create' }> = { key: e.key, action: 'create' };
      if (e.name.trim() && e.name.trim() !== orig.name) out.name = e.name.trim();
      if (e.label !== orig.label) out.label = e.label;
      if (e.kind && e.kind !== orig.kind) out.kind = e.kind;
      if (e.title?.trim() && e.title.trim() !== (orig.title ?? '')) out.title = e.title.trim();
      entities.push(out);
    }
  }
  const mentions: MentionDecision[] = Object.entries(s.mentions).flatMap(([i, m]): MentionDecision[] => {
    const index = Number(i);
    if (m.action === 'reject') return [{ index, action: 'reject' }];
    if (m.action === 'link') return [{ index, action: 'link', to: m.to }];
    return [];
  });
  mentions.sort((a, b) => a.index - b.index);
  const origFacts = new Map<string, ProposedFact>(p.facts.map((f) => [f.key, f]));
  const facts: FactDecision[] = [];
  for (const f of Object.values(s.facts)) {
    if (f.decision === 'reject') facts.push({ key: f.key, action: 'reject' });
    if (f.decision !== 'accept') continue;
    const orig = origFacts.get(f.key)!;
    const out: Extract<FactDecision, { action: 'accept' }> = { key: f.key, action: 'accept' };
    if (f.type !== orig.type) out.type = f.type;
    if (f.from !== orig.from) out.from = f.from;
    if (f.to !== orig.to) out.to = f.to;
    if (!sameSpans(f.evidence, orig.evidence)) out.evidence = f.evidence.map(({ start, end }) => ({ start, end }));
    facts.push(out);
  }
  const body: AcceptBody = { entities, mentions, facts };
  const article: NonNullable<AcceptBody['article']> = {};
  const a = s.article;
  if (a.title.trim() && a.title.trim() !== p.title) article.title = a.title.trim();
  if (a.published && a.published !== (p.published ?? '')) article.published = a.published;
  if (a.outlet.trim() && a.outlet.trim() !== (p.outlet ?? '')) article.outlet = a.outlet.trim();
  if (a.url.trim() && a.url.trim() !== (p.url ?? '')) article.url = a.url.trim();
  if (Object.keys(article).length) body.article = article;
  return body;
}
