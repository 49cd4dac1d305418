import { describe, expect, it, vi } from 'vitest';
import type { Graph, GraphNode } from '../../../client/src/api/types';
import { dropIsolated, START_LABELS } from '../../../client/src/explorer/derive';
import { selectDerived } from '../../../client/src/explorer/selectors';
import { ExplorerStore, defaultPanels, type Api, type Host } from '../../../client/src/explorer/store';
import { decodeUrlState } from '../../../client/src/state/urlState';

const node = (id: string, labels = ['Entity', 'Actor']): GraphNode => ({ id, labels, properties: { name: id.toUpperCase() } });
const edge = (source: string, target: string) => ({ id: `${source}-${target}`, source, target, type: 'PARTY_TO', properties: {} });
const graph = (ids: string[], links: [string, string][] = []): Graph => ({ nodes: ids.map((id) => node(id)), edges: links.map(([a, b]) => edge(a, b)) });

/** A host whose address bar and history are plain arrays. */
function fakeHost(hash = ''): Host & { entries: string[]; back(): void; fire(): void } {
  let onUrl: () => void = () => undefined;
  const entries = [`/#${hash}`.replace(/#$/, '')];
  let at = 0;
  const loc = () => {
    const url = entries[at]!;
    const i = url.indexOf('#');
    return { pathname: '/', search: '', hash: i >= 0 ? url.slice(i) : '' };
  };
  return {
    entries,
    width: 1280,
    location: loc,
    push: (url) => {
      entries.splice(at + 1, entries.length, url);
      at = entries.length - 1;
    },
    replace: (url) => {
      entries[at] = url;
    },
    listen: (fn) => {
      onUrl = fn;
      return () => undefined;
    },
    back() {
      at = Math.max(0, at - 1);
      onUrl();
    },
    fire: () => onUrl(),
  };
}

function fakeApi(over: Partial<Record<keyof Api, unknown>> = {}) {
  const calls: { name: string; args: unknown[] }[] = [];
  const base: Record<string, (...args: unknown[]) => Promise<unknown>> = {
    overview: async () => ({ graph: graph(['a', 'b', 'lone'], [['a', 'b']]), truncated: false, totals: { nodes: 3, edges: 1 } }),
    articles: async () => ({ articles: [] }),
    schema: async () => ({ labels: [], relationshipTypes: [] }),
    queries: async () => ({ queries: [{ name: 'roles-of-person', title: 'Roller', description: '', params: [{ name: 'person', type: 'string' }] }] }),
    expand: async () => ({ graph: graph(['a', 'c'], [['a', 'c']]), total: 1, offset: 0, returned: 1, hasMore: false, relationshipsLeftOut: 0 }),
    selectedNode: async (id) => ({ node: node(String(id)), facts: [] }),
    node: async (id) => ({ node: node(String(id)), facts: [] }),
    runQuery: async () => ({ columns: ['p'], rows: [{ p: 1 }], rowCount: 1, truncated: false, timeMs: 3, graph: graph(['p1', 'p2'], [['p1', 'p2']]) }),
    health: async () => ({}),
    timeline: async () => ({ range: { min: '2017-01-01', max: '2024-06-30' }, articles: [], facts: [] }),
    ...(over as Record<string, (...args: unknown[]) => Promise<unknown>>),
  };
  const api = new Proxy(base, {
    get: (t, name: string) => (...args: unknown[]) => {
      calls.push({ name, args });
      return (t[name] ?? (async () => ({})))(...args);
    },
  }) as unknown as Api;
  return { api, calls };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('the start view', () => {
  it('asks for actors, people, roles, agreements and documents only, and drops what has no link in that view', async () => {
    const host = fakeHost();
    const { api, calls } = fakeApi();
    const x = new ExplorerStore(host, api);
    x.start();
    await settle();
    const ask = calls.find((c) => c.name === 'overview')!.args[0] as { labels: string[]; limit: number };
    expect(ask.labels).toEqual(START_LABELS);
    expect(ask.limit).toBe(60);
    expect(Object.keys(x.view.graph.nodes).sort()).toEqual(['a', 'b']);
    expect(x.view.base).toBe('start');
    expect(x.getState().fitToken).toBeGreaterThan(0);
  });

  it('drops isolated nodes and edges to nodes outside the view', () => {
    const g = dropIsolated({ nodes: [node('a'), node('b'), node('c')], edges: [edge('a', 'b'), edge('c', 'zz'), edge('c', 'c')] });
    expect(g.nodes.map((n) => n.id)).toEqual(['a', 'b']);
    expect(g.edges).toHaveLength(1);
  });
});

describe('the explorer store', () => {
  it('undoes and redoes an expansion, fitting the canvas to each new result', async () => {
    const x = new ExplorerStore(fakeHost(), fakeApi().api);
    x.start();
    await settle();
    const fit = x.getState().fitToken;
    await x.expand('a');
    expect(Object.keys(x.view.graph.nodes).sort()).toEqual(['a', 'b', 'c']);
    expect(x.getState().fitToken).toBe(fit + 1);
    x.undo();
    expect(Object.keys(x.view.graph.nodes).sort()).toEqual(['a', 'b']);
    x.redo();
    expect(Object.keys(x.view.graph.nodes).sort()).toEqual(['a', 'b', 'c']);
  });

  it('pushes a history entry for a user step, and Back restores the view before it without asking the server again', async () => {
    const host = fakeHost();
    const { api, calls } = fakeApi();
    const x = new ExplorerStore(host, api);
    x.start();
    await settle();
    expect(host.entries).toHaveLength(1);
    await x.expand('a');
    expect(host.entries).toHaveLength(2);
    expect(decodeUrlState(host.entries[1]!.slice(host.entries[1]!.indexOf('#'))).nodes).toEqual(['a', 'b', 'c']);
    const before = calls.length;
    host.back();
    await settle();
    expect(Object.keys(x.view.graph.nodes).sort()).toEqual(['a', 'b']);
    expect(x.view.base).toBe('start');
    expect(calls.slice(before).filter((c) => c.name === 'overview' || c.name === 'node')).toEqual([]);
  });

  it('selecting a node only replaces the history entry, and announces the selection', async () => {
    const host = fakeHost();
    const x = new ExplorerStore(host, fakeApi().api);
    x.start();
    await settle();
    x.selectNode('a');
    expect(host.entries).toHaveLength(1);
    expect(host.location().hash).toContain('sel=a');
    expect(x.getState().announcement).toMatch(/^Vald: A, /);
  });

  it('reopens a linked custom view with its positions and selection', async () => {
    const host = fakeHost('nodes=a,b&pos=10_20,-5_0&sel=b');
    const { api, calls } = fakeApi({ node: async (id: unknown) => ({ node: node(String(id)), facts: [{ other: node(id === 'a' ? 'b' : 'a'), edge: edge('a', 'b') }] }) });
    const x = new ExplorerStore(host, api);
    x.start();
    await settle();
    await settle();
    expect(calls.filter((c) => c.name === 'node')).toHaveLength(2);
    expect(Object.keys(x.view.graph.nodes).sort()).toEqual(['a', 'b']);
    expect(x.getState().positions).toEqual({ a: { x: 10, y: 20 }, b: { x: -5, y: 0 } });
    expect(x.getState().selection).toEqual({ kind: 'node', id: 'b' });
  });

  it('runs a linked query on open and draws its graph', async () => {
    const host = fakeHost('tab=queries&q=roles-of-person&qp=' + encodeURIComponent(JSON.stringify({ person: 'person-lena-micko' })));
    const { api, calls } = fakeApi();
    const x = new ExplorerStore(host, api);
    x.start();
    for (let i = 0; i < 5; i++) await settle();
    const run = calls.find((c) => c.name === 'runQuery');
    expect(run?.args).toEqual(['roles-of-person', { person: 'person-lena-micko' }]);
    expect(x.getState().run.status).toBe('done');
    expect(Object.keys(x.view.graph.nodes).sort()).toEqual(['p1', 'p2']);
  });

  it('refetches the start view for a new date, and undo brings back the earlier date and picture', async () => {
    const { api, calls } = fakeApi();
    const x = new ExplorerStore(fakeHost(), api);
    x.start();
    await settle();
    x.setAsOf('2019-06-01');
    await settle();
    expect((calls.filter((c) => c.name === 'overview').at(-1)!.args[0] as { asOf: string }).asOf).toBe('2019-06-01');
    expect(x.view.asOf).toBe('2019-06-01');
    x.undo();
    expect(x.view.asOf).toBeNull();
    x.redo();
    expect(x.view.asOf).toBe('2019-06-01');
  });

  it('acts on a multi-selection: hide the set, and clear the view as an undoable step', async () => {
    const x = new ExplorerStore(fakeHost(), fakeApi().api);
    x.start();
    await settle();
    x.setMultiSelection(['a', 'b']);
    expect(x.getState().multi).toEqual(['a', 'b']);
    x.hide(x.getState().multi);
    expect(x.view.hidden.sort()).toEqual(['a', 'b']);
    expect(x.getState().multi).toEqual([]);
    expect(selectDerived(x.getState()).visibleNodes).toEqual([]);
    x.clearView();
    expect(x.view.graph.nodes).toEqual({});
    x.undo();
    expect(Object.keys(x.view.graph.nodes)).toHaveLength(2);
  });

  it('bumps the layout token when the layout changes, also through undo', async () => {
    const x = new ExplorerStore(fakeHost(), fakeApi().api);
    x.start();
    await settle();
    const t0 = x.getState().layoutToken;
    x.setLayout('concentric');
    expect(x.getState().layoutToken).toBe(t0 + 1);
    x.undo();
    expect(x.view.layout).toBe('fcose');
    expect(x.getState().layoutToken).toBe(t0 + 2);
  });

  it('keeps panels within their limits and leaves the canvas at least 60 % at 1280 px', () => {
    const p = defaultPanels(1280);
    expect((1280 - p.sidebarWidth - p.detailsWidth) / 1280).toBeGreaterThanOrEqual(0.6);
    expect(defaultPanels(1024).detailsOpen).toBe(false);
    const x = new ExplorerStore(fakeHost(), fakeApi().api);
    x.resizePanel('sidebar', 5000);
    expect(x.getState().panels.sidebarWidth).toBe(520);
    x.resizePanel('details', 10);
    expect(x.getState().panels.detailsWidth).toBe(220);
  });
});

vi.setConfig({ testTimeout: 5000 });
