import { describe, expect, it } from 'vitest';
import type { Graph } from '../../../client/src/api/types';
import { displayName, edgeWidth, filteredOut, mergeGraph, removeNodes, toElements, viewOf, NO_FILTERS } from '../../../client/src/graph/elements';
import { primaryKind } from '../../../client/src/graph/kinds';

const graph: Graph = {
  nodes: [
    { id: 'actor-skr', labels: ['Entity', 'Actor'], properties: { id: 'actor-skr', name: 'Sveriges Kommuner och Regioner', kind: 'association' } },
    { id: 'person-lena-micko', labels: ['Entity', 'Person'], properties: { id: 'person-lena-micko', name: 'Lena Micko' } },
    { id: 'article-001', labels: ['Article'], properties: { id: 'article-001', title: 'Handslag för fördjupad digital samverkan' } },
  ],
  edges: [
    {
      id: 'fact-1',
      source: 'person-lena-micko',
      target: 'actor-skr',
      type: 'AFFILIATED_WITH',
      properties: { evidenceCount: 2, evidenceArticles: ['article-001', 'article-003'] },
    },
    { id: 'm-1', source: 'article-001', target: 'actor-skr', type: 'MENTIONS', properties: {} },
    { id: 'dangling', source: 'person-lena-micko', target: 'actor-missing', type: 'SUPPORTS', properties: {} },
  ],
};

describe('graph → Cytoscape elements', () => {
  it('maps every node with its display name and kind, and drops edges whose end is not in view', () => {
    const els = toElements(viewOf(graph));
    const nodes = els.filter((e) => e.group === 'nodes');
    const edges = els.filter((e) => e.group === 'edges');
    expect(nodes.map((n) => [n.data.id, n.data.name, n.data.kind])).toEqual([
      ['actor-skr', 'Sveriges Kommuner och Regioner', 'Actor'],
      ['person-lena-micko', 'Lena Micko', 'Person'],
      ['article-001', 'Handslag för fördjupad digital samverkan', 'Article'],
    ]);
    expect(edges.map((e) => e.data.id)).toEqual(['fact-1', 'm-1']);
  });

  it('gives a fact with more evidence a wider line, within bounds', () => {
    const els = toElements(viewOf(graph));
    const fact = els.find((e) => e.data.id === 'fact-1')!;
    const mention = els.find((e) => e.data.id === 'm-1')!;
    expect(fact.data.evidenceCount).toBe(2);
    expect(fact.data.width).toBeGreaterThan(mention.data.width);
    expect(edgeWidth(10_000)).toBeLessThanOrEqual(8);
  });

  it('marks the path, the pinned nodes and the filtered elements with classes', () => {
    const els = toElements(viewOf(graph), { path: new Set(['person-lena-micko', 'fact-1', 'actor-skr']), pinned: new Set(['actor-skr']), filtered: new Set(['article-001']) });
    const byId = new Map(els.map((e) => [e.data.id, e.classes]));
    expect(byId.get('actor-skr')).toBe('on-path pinned');
    expect(byId.get('article-001')).toBe('filtered off-path');
    expect(byId.get('m-1')).toBe('off-path');
  });

  it('names a node by name, then title, then id', () => {
    expect(displayName({ id: 'x', properties: { name: 'Digg', title: 'ignored' } })).toBe('Digg');
    expect(displayName({ id: 'article-001', properties: { title: 'Handslag' } })).toBe('Handslag');
    expect(displayName({ id: 'n-1', properties: {} })).toBe('n-1');
  });

  it('styles a node by its most specific label, not the generic Entity', () => {
    expect(primaryKind(['Entity', 'Actor'])).toBe('Actor');
    expect(primaryKind(['Article'])).toBe('Article');
    expect(primaryKind(['Entity', 'Custom'])).toBe('Custom');
  });
});

describe('the view graph', () => {
  it('merges a second answer without duplicating nodes or edges and keeps the newer properties', () => {
    const v = mergeGraph(viewOf(graph), { nodes: [{ id: 'actor-skr', labels: ['Entity', 'Actor'], properties: { name: 'Sveriges Kommuner och Landsting' } }], edges: [] });
    expect(Object.keys(v.nodes)).toHaveLength(3);
    expect(v.nodes['actor-skr']!.properties.name).toBe('Sveriges Kommuner och Landsting');
  });

  it('removes a node together with every edge that touches it', () => {
    const v = removeNodes(viewOf(graph), ['actor-skr']);
    expect(Object.keys(v.nodes)).toEqual(['person-lena-micko', 'article-001']);
    expect(Object.keys(v.edges)).toEqual([]);
  });

  it('filters by kind, by relationship type, and by source article', () => {
    const v = viewOf(graph);
    expect([...filteredOut(v, { ...NO_FILTERS, hiddenKinds: ['Article'] }, new Set())].sort()).toEqual(['article-001', 'm-1']);
    expect([...filteredOut(v, { ...NO_FILTERS, hiddenTypes: ['MENTIONS'] }, new Set())]).toEqual(['m-1']);
    // Only article-003: the fact it evidences stays; the mention from article-001 and that article go.
    expect([...filteredOut(v, { ...NO_FILTERS, articles: ['article-003'] }, new Set())].sort()).toEqual(['article-001', 'm-1']);
  });

  it('hides a node the user hid, with its edges', () => {
    expect([...filteredOut(viewOf(graph), NO_FILTERS, new Set(['person-lena-micko']))].sort()).toEqual(['fact-1', 'person-lena-micko']);
  });
});
