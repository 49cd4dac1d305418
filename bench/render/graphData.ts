/**
 * Synthetic graphs for the rendering benchmark, in the API's one graph shape and shaped like the explorer's
 * views: a few hub organisations with many links, a long tail of people, topics, documents and articles, and
 * facts with 1–5 pieces of evidence. The same size gives the same graph.
 */
import type { Graph } from '../../contract/graph';
import { rng } from '../lib/random';

const KINDS = ['Actor', 'Person', 'Topic', 'Document', 'Agreement', 'Place', 'Role', 'Article'] as const;
const TYPES = ['COLLABORATES_WITH', 'SUPPORTS', 'HOLDS', 'AT', 'PARTY_TO', 'ABOUT', 'PUBLISHED', 'LOCATED_IN', 'QUOTED_IN', 'CRITICISES'] as const;

/** A connected graph of about `elements` nodes + edges (edges ≈ 1.4 × nodes, as in expanded explorer views). */
export function syntheticGraph(elements: number): Graph {
  const r = rng(elements);
  const nodeCount = Math.max(2, Math.round(elements / 2.4));
  const edgeCount = elements - nodeCount;
  const nodes: Graph['nodes'] = [];
  const edges: Graph['edges'] = [];
  /** Endpoint list for preferential attachment: a node appears once per link, so hubs attract more. */
  const ends: number[] = [];
  for (let i = 0; i < nodeCount; i++) {
    const kind = i < Math.max(3, nodeCount / 50) ? 'Actor' : KINDS[Math.floor(r() * KINDS.length)]!;
    const labels = kind === 'Article' ? ['Article'] : ['Entity', kind];
    const name = kind === 'Article' ? `Artikel ${i}: Samverkan kring digital förvaltning` : `${kind === 'Person' ? 'Anna Åberg' : 'Myndigheten för e-tjänster'} ${i}`;
    nodes.push({ id: `n${i}`, labels, properties: kind === 'Article' ? { id: `n${i}`, title: name } : { id: `n${i}`, name, kind: kind.toLowerCase() } });
    if (i > 0) {
      const target = ends.length && r() < 0.8 ? ends[Math.floor(r() * ends.length)]! : Math.floor(r() * i);
      edges.push(edge(edges.length, i, target, r));
      ends.push(i, target);
    }
  }
  while (edges.length < edgeCount) {
    const a = Math.floor(r() * nodeCount);
    const b = ends[Math.floor(r() * ends.length)]!;
    if (a === b) continue;
    edges.push(edge(edges.length, a, b, r));
    ends.push(a, b);
  }
  return { nodes, edges };
}

function edge(k: number, a: number, b: number, r: () => number): Graph['edges'][number] {
  const evidence = 1 + Math.floor(r() * 5);
  return {
    id: `e${k}`,
    source: `n${a}`,
    target: `n${b}`,
    type: TYPES[Math.floor(r() * TYPES.length)]!,
    properties: { id: `fact-${k}`, evidenceCount: evidence },
  };
}
