import type { EdgeSingular, LayoutOptions, NodeSingular } from 'cytoscape';

/** Relationship types that bind tightly (a person and the role they hold, a role and where it is held): short edges. */
const SHORT_TYPES = new Set(['HOLDS', 'AT', 'HAS_POINT', 'NAMED', 'AFFILIATED_WITH', 'PART_OF']);
/** Loose, topical or documentary links: long edges, so topics and articles sit at the rim, not in the middle. */
const LONG_TYPES = new Set(['ABOUT', 'MENTIONS', 'QUOTED_IN', 'PICTURED_IN', 'PUBLISHED', 'EXCERPTED_FROM', 'REFERS_TO', 'PRIORITISES']);

/** The ideal length of an edge of this type, before the label sizes of its ends are added. */
export function edgeLengthFor(type: string | undefined): number {
  if (type && SHORT_TYPES.has(type)) return 35;
  if (type && LONG_TYPES.has(type)) return 90;
  return 55;
}

/** The width a node's label takes in model units, estimated from its text and font size (no DOM needed). */
export function labelExtent(node: Pick<NodeSingular, 'data'>): { w: number; h: number } {
  const text = String(node.data('label') ?? node.data('name') ?? '');
  const font = Number(node.data('fontSize')) || 12;
  const max = Number(node.data('textMaxWidth')) || 140;
  const raw = text.length * font * 0.56;
  const lines = Math.max(1, Math.min(4, Math.ceil(raw / max)));
  return { w: Math.min(raw, max), h: lines * font * 1.15 };
}

/** Repulsion grows with the label a node carries, so long names get the room to be read. */
export function nodeRepulsionFor(node: Pick<NodeSingular, 'data'>): number {
  const { w, h } = labelExtent(node);
  const degree = Number(node.data('degree')) || 0;
  // Hubs push harder too, so their crowd of neighbours leaves room for the hub's own name.
  return 4500 * (1 + (w + h) / 250) * (1 + Math.min(degree, 20) / 12);
}

/** Ideal edge length: by relationship type, plus half of each end's label width so labels do not meet midway. */
export function idealEdgeLengthFor(edge: Pick<EdgeSingular, 'data' | 'source' | 'target'>): number {
  const ends = [edge.source(), edge.target()].map((n) => (n && typeof n.data === 'function' ? labelExtent(n).w : 0));
  return edgeLengthFor(edge.data('type') as string | undefined) + (ends[0]! + ends[1]!) * 0.15;
}

export interface FcoseTuning {
  /** Nodes that must stay exactly where they are (pinned, placed by the user, or already laid out). */
  fixed?: { nodeId: string; position: { x: number; y: number } }[];
  /** Count labels in node sizes (needs a styled Cytoscape; the headless benchmark leaves it off). */
  includeLabels?: boolean;
}

/**
 * The force-directed layout's options, in one place for the page, the layout worker and the rendering
 * benchmark. A fresh layout of a large view uses fcose's faster draft quality; a layout that keeps the current
 * positions (after an expansion) must use 'proof', the only quality fcose accepts without randomising.
 * Repulsion scales with label size and edge length with the relationship type (layoutOptions' helpers).
 */
export function fcoseOptions(nodeCount: number, randomize: boolean, tuning: FcoseTuning = {}): LayoutOptions {
  const fixed = tuning.fixed && tuning.fixed.length > 0 ? tuning.fixed : undefined;
  return {
    name: 'fcose',
    quality: !randomize ? 'proof' : nodeCount > 800 ? 'draft' : 'default',
    randomize,
    nodeRepulsion: nodeRepulsionFor,
    idealEdgeLength: idealEdgeLengthFor,
    edgeElasticity: () => 0.45,
    nodeSeparation: 60,
    // Strong, short-ranged gravity: chains of roles and people fold in instead of trailing off the screen.
    gravity: 1.2,
    gravityRange: 1.8,
    numIter: 2500,
    nodeDimensionsIncludeLabels: !!tuning.includeLabels,
    // Disconnected parts are packed side by side afterwards (GraphView, packing.ts): fcose's own packing needs
    // an extra extension, and it cannot be combined with fixed nodes.
    packComponents: false,
    tile: false,
    ...(fixed ? { fixedNodeConstraint: fixed } : {}),
  } as LayoutOptions;
}

/** Views with more nodes than this are laid out in a Web Worker, so the page stays responsive meanwhile. */
export const WORKER_LAYOUT_ABOVE = 300;

export interface LayoutRequest {
  token: number;
  randomize: boolean;
  nodes: { id: string; x: number; y: number; label?: string; fontSize?: number; textMaxWidth?: number; w?: number; h?: number }[];
  edges: { id: string; source: string; target: string; type?: string }[];
  /** Ids of nodes that keep their position. */
  fixed?: string[];
}

export interface LayoutReply {
  token: number;
  positions: Record<string, { x: number; y: number }>;
  ms: number;
}
