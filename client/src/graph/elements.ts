/**
 * Pure graph logic of the view: the API's one graph shape kept as maps by id, merged and pruned without
 * duplicates, and mapped to Cytoscape elements in exactly one function (`toElements`).
 */
import type { ElementDefinition } from 'cytoscape';
import type { Graph, GraphEdge, GraphNode } from '../api/types';
import { primaryKind } from './kinds';

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

/** Classes GraphView adds by id; kept beside the mapping so the stylesheet and the logic agree. */
export interface ElementFlags {
  selected?: string | null;
  path?: ReadonlySet<string>;
  pinned?: ReadonlySet<string>;
  filtered?: ReadonlySet<string>;
}

/** THE mapping from the API graph shape to Cytoscape elements. */
export function toElements(view: ViewGraph, flags: ElementFlags = {}): ElementDefinition[] {
  const out: ElementDefinition[] = [];
  const pathActive = !!flags.path && flags.path.size > 0;
  const classesFor = (id: string): string => {
    const c: string[] = [];
    if (flags.filtered?.has(id)) c.push('filtered');
    if (pathActive) c.push(flags.path!.has(id) ? 'on-path' : 'off-path');
    if (flags.pinned?.has(id)) c.push('pinned');
    return c.join(' ');
  };
  for (const n of Object.values(view.nodes)) {
    const kind = primaryKind(n.labels);
    out.push({
      group: 'nodes',
      data: { id: n.id, name: displayName(n), kind, subKind: typeof n.properties.kind === 'string' ? n.properties.kind : '' },
      classes: classesFor(n.id),
      selected: flags.selected === n.id,
    });
  }
  for (const e of Object.values(view.edges)) {
    if (!view.nodes[e.source] || !view.nodes[e.target]) continue;
    const count = evidenceCount(e);
    out.push({
      group: 'edges',
      data: { id: e.id, source: e.source, target: e.target, type: e.type, evidenceCount: count, width: edgeWidth(count) },
      classes: classesFor(e.id),
      selected: flags.selected === e.id,
    });
  }
  return out;
}
