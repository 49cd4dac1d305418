import { describe, expect, it } from 'vitest';
import type { Graph } from '../../../client/src/api/types';
import { canvasLabel, displayName, edgeWidth, filteredOut, mergeGraph, nodeSize, removeNodes, shortName, toElements, viewOf, NO_FILTERS } from '../../../client/src/graph/elements';
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

const skr = (name: string) => ({
  id: 'actor-skr',
  properties: { name, aliases: ['SKR', 'SKL', 'Sveriges Kommuner och Landsting', 'Sveriges Kommener och Landsting'] },
});
const digg = { id: 'actor-digg', properties: { name: 'Myndigheten för digital förvaltning', aliases: ['DIGG', 'Digg', 'myndigheten för offentlig digitalisering'] } };

describe('short forms on the canvas', () => {
  it('shortens a name to the all-caps alias that spells its initials, as borne on the date', () => {
    expect(shortName(skr('Sveriges Kommuner och Regioner'))).toBe('SKR');
    // As of 2019 the API names SKR as it was then
    expect(shortName(skr('Sveriges Kommuner och Landsting'))).toBe('SKL');
  });

  it('falls back to the only all-caps alias, and to none', () => {
    expect(shortName(digg)).toBe('DIGG');
    expect(shortName({ id: 'actor-regeringen', properties: { name: 'Regeringen', aliases: ['regeringen'] } })).toBeNull();
    expect(shortName({ id: 'x', properties: { name: 'Lena Micko', aliases: [] } })).toBeNull();
  });

  it('draws the short form, keeps the full name for tooltips, and never cuts an actor or a person', () => {
    const els = toElements(viewOf({ nodes: [{ labels: ['Entity', 'Actor'], ...skr('Sveriges Kommuner och Regioner') }, { id: 'p', labels: ['Entity', 'Person'], properties: { name: 'Ardalan Shekarabi' } }], edges: [] }));
    expect(els[0]!.data).toMatchObject({ label: 'SKR', short: 'SKR', name: 'Sveriges Kommuner och Regioner' });
    expect(els[1]!.data.label).toBe('Ardalan Shekarabi');
    const long = 'Organisationskommittén för den nya myndigheten för digitalisering av den offentliga sektorn';
    expect(canvasLabel(long, null, 'Actor')).toBe(long);
    expect(canvasLabel(`${long} och mycket mer därtill`, null, 'Article')).toMatch(/…$/);
  });
});

describe('size by importance', () => {
  it('draws a hub actor larger, with a larger label, than a leaf topic', () => {
    const hub = nodeSize('Actor', 20);
    const leaf = nodeSize('Topic', 1);
    expect(hub.h).toBeGreaterThan(leaf.h);
    expect(hub.fontSize).toBeGreaterThan(leaf.fontSize);
    expect(nodeSize('Actor', 1000).h).toBe(nodeSize('Actor', 36).h);
  });
});

describe('time on the canvas', () => {
  const dated = {
    nodes: [
      { id: 'actor-digg', labels: ['Entity', 'Actor'], properties: { name: 'Myndigheten för digital förvaltning', validFrom: '2018-09-01' } },
      { id: 'actor-skr', labels: ['Entity', 'Actor'], properties: { name: 'Sveriges Kommuner och Regioner', aliases: ['SKR', 'SKL'] } },
      { id: 'topic-x', labels: ['Entity', 'Topic'], properties: { name: 'Öppna data' } },
    ],
    edges: [{ id: 'f1', source: 'actor-skr', target: 'actor-digg', type: 'SUPPORTS', properties: { firstSeen: '2017-12-06', evidenceCount: 1 } }],
  };

  it('mutes only what has no date of its own and no dated fact in view, and only in a dated view', () => {
    const classes = (asOf: string | null) => new Map(toElements(viewOf(dated), { asOf }).map((e) => [e.data.id, e.classes]));
    const asOf = classes('2019-06-01');
    expect(asOf.get('topic-x')).toBe('undated');
    expect(asOf.get('actor-digg')).toBe('');
    // SKR has no date itself, but a dated fact ties it to the time line
    expect(asOf.get('actor-skr')).toBe('');
    expect(asOf.get('f1')).toBe('');
    expect(classes(null).get('topic-x')).toBe('');
  });

  it('marks what appeared, disappeared and was renamed, the renamed node reading "SKL → SKR"', () => {
    const diff = { appeared: new Set(['actor-digg', 'f1']), disappeared: new Set(['topic-x']), renamed: new Map([['actor-skr', { from: 'Sveriges Kommuner och Landsting', to: 'Sveriges Kommuner och Regioner' }]]) };
    const byId = new Map(toElements(viewOf(dated), { diff }).map((e) => [e.data.id, e]));
    expect(byId.get('actor-digg')!.classes).toBe('diff-appeared');
    expect(byId.get('f1')!.classes).toBe('diff-appeared');
    expect(byId.get('topic-x')!.classes).toBe('diff-disappeared');
    expect(byId.get('actor-skr')!.classes).toBe('diff-renamed');
    expect(byId.get('actor-skr')!.data.label).toBe('SKL → SKR');
    // Names already shortened by the caller stay as they are
    const short = new Map(toElements(viewOf(dated), { diff: { ...diff, renamed: new Map([['actor-skr', { from: 'SKL', to: 'SKR' }]]) } }).map((e) => [e.data.id, e]));
    expect(short.get('actor-skr')!.data.label).toBe('SKL → SKR');
  });
});
