import type { LayoutOptions } from 'cytoscape';

/**
 * The force-directed layout's options, in one place for the page, the layout worker and the rendering
 * benchmark. A fresh layout of a large view uses fcose's faster draft quality; a layout that keeps the current
 * positions (after an expansion) must use 'proof', the only quality fcose accepts without randomising.
 */
export function fcoseOptions(nodeCount: number, randomize: boolean): LayoutOptions {
  return {
    name: 'fcose',
    quality: !randomize ? 'proof' : nodeCount > 800 ? 'draft' : 'default',
    randomize,
    nodeRepulsion: () => 6000,
    idealEdgeLength: () => 70,
    nodeSeparation: 70,
    packComponents: true,
  } as LayoutOptions;
}

/** Views with more nodes than this are laid out in a Web Worker, so the page stays responsive meanwhile. */
export const WORKER_LAYOUT_ABOVE = 300;

export interface LayoutRequest {
  token: number;
  randomize: boolean;
  nodes: { id: string; x: number; y: number }[];
  edges: { id: string; source: string; target: string }[];
}

export interface LayoutReply {
  token: number;
  positions: Record<string, { x: number; y: number }>;
  ms: number;
}
