/**
 * Pure functions of the explorer's state: what is drawn, what the filters take out, what a link carries.
 * No DOM, no API: tested in tests/unit/client/store*.test.ts.
 */
import type { Graph, GraphEdge, GraphNode, NodeDetails, TimeDiff } from '../api/types';
import { filteredOut, type ViewGraph } from '../graph/elements';
import { primaryKind } from '../graph/kinds';
import type { ViewState } from '../state/view';
import { MAX_NODES_IN_URL, type Tab, type UrlState } from '../state/urlState';

/** The labels of the start view: who acts, who they are, what binds them. Topics, points, places and articles come on request. */
export const START_LABELS = ['Actor', 'Person', 'Role', 'Agreement', 'Document'];
export const START_LIMIT = 60;

/** The start view keeps only what is linked within it: a lone node says nothing at first sight. */
export function dropIsolated(g: Graph): Graph {
  const ids = new Set(g.nodes.map((n) => n.id));
  const edges = g.edges.filter((e) => e.source !== e.target && ids.has(e.source) && ids.has(e.target));
  const linked = new Set(edges.flatMap((e) => [e.source, e.target]));
  return { nodes: g.nodes.filter((n) => linked.has(n.id)), edges };
}

/** A node and its facts as one graph: the node, its neighbours, and the fact edges between them. */
export function graphFromDetails(d: NodeDetails, keepOther: (id: string) => boolean): Graph {
  const nodes: GraphNode[] = [d.node];
  const edges: GraphEdge[] = [];
  for (const f of d.facts) {
    if (!keepOther(f.other.id)) continue;
    nodes.push(f.other);
    edges.push(f.edge);
  }
  return { nodes, edges };
}

/** A dated graph that masks a custom view: which nodes and facts held on that date, and their names then. */
export interface DatedMask {
  date: string;
  graph: ViewGraph;
}

/** The view with names as borne on the date (SKL before 27 Nov 2019, SKR after) when a dated mask is loaded. */
export function shownGraph(view: ViewState, mask: DatedMask | null): ViewGraph {
  if (!mask || view.base !== 'custom' || mask.date !== view.asOf) return view.graph;
  const nodes: ViewGraph['nodes'] = {};
  for (const [id, n] of Object.entries(view.graph.nodes)) nodes[id] = mask.graph.nodes[id] ?? n;
  return { nodes, edges: view.graph.edges };
}

/** Ids the filters, the user's "hide" and (in a dated custom view) the date take out of the picture. */
export function hiddenIds(view: ViewState, shown: ViewGraph, mask: DatedMask | null): Set<string> {
  const out = filteredOut(shown, view.filters, new Set(view.hidden));
  if (mask && view.base === 'custom' && mask.date === view.asOf) {
    for (const id of Object.keys(shown.nodes)) if (!mask.graph.nodes[id]) out.add(id);
    for (const e of Object.values(shown.edges)) {
      const isFact = e.properties.evidenceCount !== undefined || e.properties.firstSeen !== undefined;
      if (out.has(e.source) || out.has(e.target) || (isFact && !mask.graph.edges[e.id])) out.add(e.id);
    }
  }
  return out;
}

/** How many nodes of each kind and edges of each type are in the view (filter counts, legend). */
export function countKinds(g: ViewGraph): { kinds: Record<string, number>; types: Record<string, number> } {
  const kinds: Record<string, number> = {};
  const types: Record<string, number> = {};
  for (const n of Object.values(g.nodes)) {
    const k = primaryKind(n.labels);
    kinds[k] = (kinds[k] ?? 0) + 1;
  }
  for (const e of Object.values(g.edges)) types[e.type] = (types[e.type] ?? 0) + 1;
  return { kinds, types };
}

/** The compared dates' changes as sets the canvas draws (appeared, disappeared, renamed). */
/** Everything the comparison touches as one graph, so it can be drawn: added, removed and renamed (as of `to`). */
export function diffGraph(diff: TimeDiff): Graph {
  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, GraphEdge>();
  for (const g of [diff.removed, diff.added]) {
    for (const n of g.nodes) nodes.set(n.id, n);
    for (const e of g.edges) edges.set(e.id, e);
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}

/** What the URL carries for the current state (sorted ids, so the same view always gives the same link). */
export function urlStateOf(p: {
  view: ViewState;
  selected: string | null;
  tab: Tab;
  query: string | null;
  queryParams: Record<string, unknown>;
  diff: { from: string; to: string } | null;
  positions: Record<string, { x: number; y: number }> | null;
}): UrlState {
  const { view } = p;
  const ids = Object.keys(view.graph.nodes).sort();
  const listed = view.base === 'custom' && ids.length <= MAX_NODES_IN_URL;
  return {
    nodes: listed ? ids : null,
    whole: view.base === 'overview',
    positions: listed ? p.positions : null,
    diff: p.diff,
    selected: p.selected,
    hidden: view.hidden,
    pinned: view.pinned,
    hiddenKinds: view.filters.hiddenKinds,
    hiddenTypes: view.filters.hiddenTypes,
    articles: view.filters.articles,
    asOf: view.asOf,
    layout: view.layout,
    tab: p.tab,
    query: p.query,
    queryParams: p.query ? p.queryParams : {},
  };
}

/** True when two views show the same nodes (a Back step can then move through the history instead of refetching). */
export function sameNodes(view: ViewState, ids: readonly string[]): boolean {
  const have = Object.keys(view.graph.nodes);
  if (have.length !== ids.length) return false;
  return ids.every((id) => id in view.graph.nodes);
}

/** Runs tasks with at most `n` at a time (restoring a linked view asks for each node). */
export async function limited<T, R>(items: readonly T[], n: number, fn: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(n, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]!);
      }
    }),
  );
  return out;
}
