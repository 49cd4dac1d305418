/**
 * Pure graph logic of the view: the API's one graph shape kept as maps by id, merged and pruned without
 * duplicates, and mapped to Cytoscape elements in exactly one function (`toElements`).
 */
import type { ElementDefinition } from 'cytoscape';
import type { Graph, GraphEdge, GraphNode } from '../api/types';
import { primaryKind, relationLabel } from './kinds';

/** The nodes and edges in view, by id. React state holds this plain JSON; GraphView mirrors it into Cytoscape. */
export interface ViewGraph {
  nodes: Record<string, GraphNode>;
  edges: Record<string, GraphEdge>;
}

export const EMPTY_VIEW: ViewGraph = { nodes: {}, edges: {} };

/** The name a node is shown by: name, then title (articles, roles), then a Name's value, then its id. */
export function displayName(node: Pick<GraphNode, 'id' | 'properties'>): string {
  const p = node.properties;
  for (const key of ['name', 'title', 'value', 'text'] as const) {
    const v = p[key];
    if (typeof v === 'string' && v.trim()) return v;
  }
  return node.id;
}

/** Number of quotes that support a fact; 0 for structural relationships. */
export function evidenceCount(edge: Pick<GraphEdge, 'properties'>): number {
  const c = edge.properties.evidenceCount;
  if (typeof c === 'number') return c;
  const arts = edge.properties.evidenceArticles;
  return Array.isArray(arts) ? arts.length : 0;
}

/** Edge width grows with the evidence behind the fact, gently, capped so a well-sourced fact does not dominate. */
export function edgeWidth(count: number): number {
  return Math.min(1.5 + Math.sqrt(Math.max(0, count)) * 1.4, 8);
}

/** A view holding exactly the given graph (edges whose ends are missing are dropped). */
export function viewOf(graph: Graph): ViewGraph {
  return mergeGraph(EMPTY_VIEW, graph);
}

/** Adds a graph to the view; a node or edge already there is updated in place (same id, newer properties). */
export function mergeGraph(view: ViewGraph, graph: Graph): ViewGraph {
  const nodes = { ...view.nodes };
  for (const n of graph.nodes) nodes[n.id] = n;
  const edges = { ...view.edges };
  for (const e of graph.edges) if (nodes[e.source] && nodes[e.target]) edges[e.id] = e;
  return { nodes, edges };
}

/** Removes nodes and every edge that touches them. */
export function removeNodes(view: ViewGraph, ids: Iterable<string>): ViewGraph {
  const gone = new Set(ids);
  const nodes: Record<string, GraphNode> = {};
  for (const [id, n] of Object.entries(view.nodes)) if (!gone.has(id)) nodes[id] = n;
  const edges: Record<string, GraphEdge> = {};
  for (const [id, e] of Object.entries(view.edges)) if (!gone.has(e.source) && !gone.has(e.target)) edges[id] = e;
  return { nodes, edges };
}

export function viewSize(view: ViewGraph): { nodes: number; edges: number } {
  return { nodes: Object.keys(view.nodes).length, edges: Object.keys(view.edges).length };
}

/** What the user chose to see: kinds and relationship types switched off, and the source articles to keep. */
export interface Filters {
  hiddenKinds: string[];
  hiddenTypes: string[];
  /** Empty means every article. */
  articles: string[];
}

export const NO_FILTERS: Filters = { hiddenKinds: [], hiddenTypes: [], articles: [] };

/**
 * Ids of nodes and edges the filters (and the user's "hide") take out of the picture. With a source-article
 * filter, only facts evidenced by one of those articles stay, plus the nodes those facts touch.
 */
export function filteredOut(view: ViewGraph, filters: Filters, hidden: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  const kinds = new Set(filters.hiddenKinds);
  const types = new Set(filters.hiddenTypes);
  for (const n of Object.values(view.nodes)) if (hidden.has(n.id) || kinds.has(primaryKind(n.labels))) out.add(n.id);
  const articleFilter = filters.articles.length > 0 ? new Set(filters.articles) : null;
  const touched = new Set<string>();
  for (const e of Object.values(view.edges)) {
    let drop = types.has(e.type) || out.has(e.source) || out.has(e.target);
    if (!drop && articleFilter) drop = !edgeFromArticles(e, articleFilter);
    if (drop) out.add(e.id);
    else {
      touched.add(e.source);
      touched.add(e.target);
    }
  }
  if (articleFilter) {
    for (const n of Object.values(view.nodes)) if (!touched.has(n.id) && !articleFilter.has(n.id)) out.add(n.id);
  }
  return out;
}

function edgeFromArticles(e: GraphEdge, articles: ReadonlySet<string>): boolean {
  const arts = e.properties.evidenceArticles;
  if (Array.isArray(arts) && arts.some((a) => typeof a === 'string' && articles.has(a))) return true;
  // Structural links to an article (MENTIONS, QUOTED_IN) count as coming from it.
  return articles.has(e.source) || articles.has(e.target);
}

/** What a compared pair of dates changed, as toElements draws it (ids of nodes and edges; renamed nodes' names). */
export interface DiffFlags {
  appeared: ReadonlySet<string>;
  disappeared: ReadonlySet<string>;
  renamed: ReadonlyMap<string, { from: string; to: string }>;
}

/** Classes GraphView adds by id; kept beside the mapping so the stylesheet and the logic agree. */
export interface ElementFlags {
  selected?: string | null;
  path?: ReadonlySet<string>;
  pinned?: ReadonlySet<string>;
  filtered?: ReadonlySet<string>;
  /** The chosen "as of" date: things with no date of their own (nor a dated fact in view) are drawn muted (`undated`). */
  asOf?: string | null;
  /** Two compared dates: `diff-appeared`, `diff-disappeared`, `diff-renamed` (label "SKL → SKR"). */
  diff?: DiffFlags | null;
}

const ALL_CAPS = /^[A-ZÅÄÖÆØÜ]{2,6}$/;
/** Small words a Swedish or English acronym leaves out ("Sveriges Kommuner och Regioner" → SKR). */
const SMALL_WORDS = new Set(['och', 'för', 'i', 'av', 'på', 'om', 'med', 'till', 'den', 'det', 'de', 'en', 'ett', 'and', 'of', 'for', 'the', 'in', 'on']);

/** The all-caps initialisms a name could be shortened to: of its capitalised words, of its content words, of all words. */
function initialisms(name: string): Set<string> {
  const words = name.split(/[\s\-–/]+/).filter((w) => /\p{L}/u.test(w));
  const first = (ws: string[]) => ws.map((w) => [...w][0] ?? '').join('').toLocaleUpperCase('sv');
  return new Set([
    first(words.filter((w) => /^\p{Lu}/u.test(w))),
    first(words.filter((w) => !SMALL_WORDS.has(w.toLocaleLowerCase('sv')))),
    first(words),
  ]);
}

/**
 * The short form of a name among a node's aliases: the all-caps alias (2–6 letters) that spells the initials of
 * the name (SKR for Sveriges Kommuner och Regioner, SKL for Sveriges Kommuner och Landsting), else the only
 * all-caps alias (DIGG), else null.
 */
export function shortOf(name: string, aliases: readonly string[]): string | null {
  if (ALL_CAPS.test(name)) return name;
  const caps = [...new Set(aliases.filter((a) => ALL_CAPS.test(a)))];
  const initials = initialisms(name);
  const matching = caps.find((a) => initials.has(a));
  if (matching) return matching;
  return caps.length === 1 ? caps[0]! : null;
}

/** A node's short form for the canvas (SKR, SKL as of 2019, DIGG), or null when it has none. */
export function shortName(node: Pick<GraphNode, 'id' | 'properties'>): string | null {
  const aliases = node.properties.aliases;
  const list = Array.isArray(aliases) ? aliases.filter((a): a is string => typeof a === 'string') : [];
  const name = displayName(node);
  const short = shortOf(name, list);
  return short && short !== name ? short : null;
}

/** Kinds whose names are never cut on the canvas; other long titles (articles, points) are clipped at a word. */
const FULL_NAME_KINDS = new Set(['Actor', 'Person', 'Role', 'Agreement', 'Service', 'Place', 'Event', 'Topic']);
const MAX_LABEL_CHARS = 60;

/** What the canvas writes under a node: its short form, else its name (titles of documents and articles clipped at a word). */
export function canvasLabel(name: string, short: string | null, kind: string): string {
  if (short) return short;
  if (FULL_NAME_KINDS.has(kind) || name.length <= MAX_LABEL_CHARS) return name;
  const cut = name.slice(0, MAX_LABEL_CHARS);
  const space = cut.lastIndexOf(' ');
  return `${(space > 30 ? cut.slice(0, space) : cut).replace(/[\s,.:;–-]+$/, '')}…`;
}

/** Sizes by kind: body height, width factor, label font size, and how much a hub grows with its links. */
const KIND_SIZE: Record<string, { h: number; wf: number; font: number; grow: number }> = {
  Actor: { h: 26, wf: 1.35, font: 13, grow: 1 },
  Person: { h: 26, wf: 1, font: 13, grow: 1 },
  Agreement: { h: 28, wf: 1, font: 12.5, grow: 1 },
  Role: { h: 18, wf: 1, font: 11, grow: 0.5 },
  Document: { h: 20, wf: 0.85, font: 11, grow: 0.6 },
  Service: { h: 22, wf: 1, font: 11.5, grow: 0.7 },
  Event: { h: 22, wf: 1, font: 11.5, grow: 0.7 },
  Place: { h: 18, wf: 1, font: 11, grow: 0.5 },
  Topic: { h: 16, wf: 1, font: 10.5, grow: 0.6 },
  AgreementPoint: { h: 16, wf: 1, font: 10.5, grow: 0.4 },
  Article: { h: 18, wf: 1, font: 10.5, grow: 0.4 },
  Name: { h: 14, wf: 1.3, font: 10, grow: 0 },
};
const DEFAULT_SIZE = { h: 18, wf: 1, font: 11, grow: 0.5 };

/**
 * How big a node and its label are drawn: hubs (SKR, Regeringen, DIGG) larger with larger labels, leaf topics
 * small. Growth follows the square root of the degree and is capped, so one hub cannot swallow the picture.
 */
export function nodeSize(kind: string, degree: number): { w: number; h: number; fontSize: number; textMaxWidth: number } {
  const s = KIND_SIZE[kind] ?? DEFAULT_SIZE;
  const boost = Math.min(Math.sqrt(Math.max(0, degree)), 6) * s.grow;
  const h = Math.round(s.h + boost * 4.5);
  const fontSize = Math.round((s.font + boost * 0.9) * 2) / 2;
  return { w: Math.round(h * s.wf), h, fontSize, textMaxWidth: Math.round(fontSize * 10.5) };
}

const DATE_KEYS = ['validFrom', 'validTo', 'firstSeen', 'published', 'date'] as const;

/** The first dates an element carries of its own (validFrom, validTo, firstSeen, published), '' when none. */
function ownDates(p: Record<string, unknown>): Record<(typeof DATE_KEYS)[number], string> {
  const out = {} as Record<(typeof DATE_KEYS)[number], string>;
  for (const k of DATE_KEYS) {
    const v = p[k];
    out[k] = typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
  }
  return out;
}

const isDated = (d: Record<string, string>) => Object.values(d).some(Boolean);

/** A renamed node's label: both names, each shortened the same way the canvas shortens names ("SKL → SKR"). */
export function renameLabel(node: Pick<GraphNode, 'id' | 'properties'>, rename: { from: string; to: string }): string {
  const aliases = Array.isArray(node.properties.aliases) ? node.properties.aliases.filter((a): a is string => typeof a === 'string') : [];
  const short = (name: string) => shortOf(name, aliases) ?? name;
  return `${short(rename.from)} → ${short(rename.to)}`;
}

/** THE mapping from the API graph shape to Cytoscape elements. */
export function toElements(view: ViewGraph, flags: ElementFlags = {}): ElementDefinition[] {
  const out: ElementDefinition[] = [];
  const pathActive = !!flags.path && flags.path.size > 0;
  const diff = flags.diff ?? null;
  const classesFor = (id: string, extra: string[] = []): string => {
    const c: string[] = [];
    if (flags.filtered?.has(id)) c.push('filtered');
    if (pathActive) c.push(flags.path!.has(id) ? 'on-path' : 'off-path');
    if (flags.pinned?.has(id)) c.push('pinned');
    if (diff?.appeared.has(id)) c.push('diff-appeared');
    if (diff?.disappeared.has(id)) c.push('diff-disappeared');
    if (diff?.renamed.has(id)) c.push('diff-renamed');
    c.push(...extra);
    return c.join(' ');
  };
  // Degree counts only what is drawn, so a node's size matches the links the analyst sees.
  const degree = new Map<string, number>();
  const datedNeighbour = new Set<string>();
  const edgeDates = new Map<string, Record<(typeof DATE_KEYS)[number], string>>();
  for (const e of Object.values(view.edges)) {
    if (!view.nodes[e.source] || !view.nodes[e.target]) continue;
    const dates = ownDates(e.properties);
    edgeDates.set(e.id, dates);
    if (flags.filtered?.has(e.id)) continue;
    degree.set(e.source, (degree.get(e.source) ?? 0) + 1);
    degree.set(e.target, (degree.get(e.target) ?? 0) + 1);
    if (isDated(dates)) {
      datedNeighbour.add(e.source);
      datedNeighbour.add(e.target);
    }
  }
  for (const n of Object.values(view.nodes)) {
    const kind = primaryKind(n.labels);
    const name = displayName(n);
    const short = shortName(n);
    const rename = diff?.renamed.get(n.id);
    const dates = ownDates(n.properties);
    const deg = degree.get(n.id) ?? 0;
    const size = nodeSize(kind, deg);
    const extra = flags.asOf && !isDated(dates) && !datedNeighbour.has(n.id) ? ['undated'] : [];
    out.push({
      group: 'nodes',
      data: {
        id: n.id,
        name,
        short: short ?? '',
        label: rename ? renameLabel(n, rename) : canvasLabel(name, short, kind),
        kind,
        subKind: typeof n.properties.kind === 'string' ? n.properties.kind : '',
        degree: deg,
        ...size,
        validFrom: dates.validFrom,
        validTo: dates.validTo,
        published: dates.published,
        renamedFrom: rename?.from ?? '',
        renamedTo: rename?.to ?? '',
      },
      classes: classesFor(n.id, extra),
      selected: flags.selected === n.id,
    });
  }
  for (const e of Object.values(view.edges)) {
    if (!view.nodes[e.source] || !view.nodes[e.target]) continue;
    const count = evidenceCount(e);
    const dates = edgeDates.get(e.id)!;
    const extra = flags.asOf && !isDated(dates) ? ['undated'] : [];
    out.push({
      group: 'edges',
      data: {
        id: e.id,
        source: e.source,
        target: e.target,
        type: e.type,
        rel: relationLabel(e.type),
        evidenceCount: count,
        width: edgeWidth(count),
        firstSeen: dates.firstSeen,
        validFrom: dates.validFrom,
        validTo: dates.validTo,
      },
      classes: classesFor(e.id, extra),
      selected: flags.selected === e.id,
    });
  }
  return out;
}
