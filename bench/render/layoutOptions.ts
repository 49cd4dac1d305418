import type { LayoutOptions } from 'cytoscape';

/** GraphView's fcose options (client/src/graph/GraphView.tsx), without animation: the bench needs final positions. */
export function fcoseOptions(nodeCount: number): LayoutOptions {
  return {
    name: 'fcose',
    quality: nodeCount > 800 ? 'draft' : 'default',
    randomize: true,
    nodeRepulsion: () => 6000,
    idealEdgeLength: () => 70,
    nodeSeparation: 70,
    packComponents: true,
    animate: false,
    fit: false,
  } as LayoutOptions;
}
