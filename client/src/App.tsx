import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { api, isAborted, onConnectivity, toApiError } from './api/client';
import type { ArticleResponse, ArticleSummary, Evidence, Graph, GraphEdge, GraphNode, NodeDetails, QuerySummary, SchemaResponse, SearchHit } from './api/types';
import { ArticleReader } from './components/ArticleReader';
import { ContextMenu, type ContextMenuState } from './components/ContextMenu';
import { DetailsPanel, type ExpansionInfo, type Loadable } from './components/DetailsPanel';
import { EdgePanel } from './components/EdgePanel';
import { FilterPanel } from './components/FilterPanel';
import { Legend } from './components/Legend';
import { NodeList } from './components/NodeList';
import { PathPanel, type PathEnd, type PathResult } from './components/PathPanel';
import { SearchBox } from './components/SearchBox';
import { TimeControl } from './components/TimeControl';
import { Toolbar } from './components/Toolbar';
import type { Span } from './components/articleSegments';
import { plural } from './components/format';
import { GraphView, type GraphViewHandle } from './graph/GraphView';
import { displayName, filteredOut, toElements, type Filters, type ViewGraph } from './graph/elements';
import { edgeEvidence } from './graph/evidence';
import { primaryKind } from './graph/kinds';
import type { LayoutName } from './graph/layouts';
import { QueryWorkspace } from './query/QueryWorkspace';
import { ResultTable } from './query/ResultTable';
import { stateFromError, stateFromResult, type RawValue, type RunState } from './query/queryState';
import { INITIAL_VIEW, viewReducer } from './state/view';
import { MAX_NODES_IN_URL, decodeUrlState, encodeUrlState, type Tab } from './state/urlState';

const OVERVIEW_STEP = 500;
const EXPAND_PAGE = 25;
/** The dated graph that masks a custom view: the server's cap on /api/graph. */
const MASK_LIMIT = 2000;

type Selection = { kind: 'node'; id: string } | { kind: 'edge'; id: string } | null;
type Panel = { kind: 'none' } | { kind: 'details' } | { kind: 'edge' } | { kind: 'article'; id: string; focus: Span | null; back: boolean };
type Banner = { kind: 'none' } | { kind: 'down'; message: string } | { kind: 'recovered' };

/** Runs tasks with at most `n` at a time (restoring a linked view asks for each node). */
async function limited<T, R>(items: T[], n: number, fn: (t: T) => Promise<R>): Promise<R[]> {
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

/** A node and its facts as one graph: the node, its neighbours, and the fact edges between them. */
function graphFromDetails(d: NodeDetails, keepOther: (id: string) => boolean): Graph {
  const nodes: GraphNode[] = [d.node];
  const edges: GraphEdge[] = [];
  for (const f of d.facts) {
    if (!keepOther(f.other.id)) continue;
    nodes.push(f.other);
    edges.push(f.edge);
  }
  return { nodes, edges };
}

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable || !!el.closest('.cm-editor'));
}

/** The explorer: search, network, side panels, filters, time, paths, and the query workspace, with the state in the URL. */
export function App() {
  const initial = useRef(decodeUrlState(window.location.hash)).current;
  const [history, dispatch] = useReducer(viewReducer, INITIAL_VIEW);
  const view = history.present;
  const [filters, setFilters] = useState<Filters>({ hiddenKinds: initial.hiddenKinds, hiddenTypes: initial.hiddenTypes, articles: initial.articles });
  const [asOf, setAsOf] = useState<string | null>(initial.asOf);
  const [layout, setLayout] = useState<LayoutName>(initial.layout);
  const [layoutToken, setLayoutToken] = useState(0);
  const [tab, setTab] = useState<Tab>(initial.tab);
  const [selection, setSelection] = useState<Selection>(initial.selected ? { kind: 'node', id: initial.selected } : null);
  const [panel, setPanel] = useState<Panel>(initial.selected ? { kind: 'details' } : { kind: 'none' });
  const [details, setDetails] = useState<Loadable<NodeDetails>>({ state: 'loading' });
  const [article, setArticle] = useState<Loadable<ArticleResponse>>({ state: 'loading' });
  const [articles, setArticles] = useState<ArticleSummary[]>([]);
  const [schema, setSchema] = useState<SchemaResponse | null>(null);
  const [expansion, setExpansion] = useState<ExpansionInfo | null>(null);
  const [pathFrom, setPathFrom] = useState<PathEnd | null>(null);
  const [pathTo, setPathTo] = useState<PathEnd | null>(null);
  const [avoidArticles, setAvoidArticles] = useState(true);
  const [pathResult, setPathResult] = useState<PathResult>({ state: 'idle' });
  const [queries, setQueries] = useState<Loadable<QuerySummary[]>>({ state: 'loading' });
  const [openQuery, setOpenQuery] = useState<string | null>(initial.query);
  const [rawParams, setRawParams] = useState<Record<string, RawValue>>(initial.queryParams as Record<string, RawValue>);
  const [run, setRun] = useState<RunState>({ status: 'idle' });
  const [tableOpen, setTableOpen] = useState(true);
  const [overviewLimit, setOverviewLimit] = useState(OVERVIEW_STEP);
  const [overviewInfo, setOverviewInfo] = useState<{ truncated: boolean; nodes: number; edges: number | null } | null>(null);
  const [viewLoad, setViewLoad] = useState<Loadable<true>>({ state: 'loading' });
  const [dated, setDated] = useState<{ date: string; graph: ViewGraph } | null>(null);
  const [banner, setBanner] = useState<Banner>({ kind: 'none' });
  const [menu, setMenu] = useState<ContextMenuState | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const graphRef = useRef<GraphViewHandle>(null);
  const detailsRef = useRef<HTMLElement>(null);
  const restored = useRef(false);
  const viewRef = useRef(view);
  viewRef.current = view;

  const articlesById = useMemo(() => new Map(articles.map((a) => [a.id, a])), [articles]);

  // ── Loading ──────────────────────────────────────────────────────────────────────────────────────
  const loadOverview = useCallback(async (date: string | null, limit: number) => {
    setViewLoad({ state: 'loading' });
    try {
      const r = await api.overview({ asOf: date, limit });
      dispatch({ type: 'overview', graph: r.graph });
      setOverviewInfo({ truncated: r.truncated, nodes: r.totals.nodes, edges: r.totals.edges });
      setViewLoad({ state: 'ready', data: true });
    } catch (err) {
      if (!isAborted(err)) setViewLoad({ state: 'error', error: toApiError(err) });
    }
  }, []);

  const reloadQueries = useCallback(async () => {
    try {
      const r = await api.queries();
      setQueries({ state: 'ready', data: r.queries });
    } catch (err) {
      setQueries({ state: 'error', error: toApiError(err) });
    }
  }, []);

  const loadReference = useCallback(() => {
    api.articles().then((r) => setArticles(r.articles), () => undefined);
    api.schema().then(setSchema, () => undefined);
    void reloadQueries();
  }, [reloadQueries]);

  // First load: the linked view, or the overview.
  useEffect(() => {
    if (restored.current) return;
    restored.current = true;
    loadReference();
    if (initial.nodes && initial.nodes.length) {
      const ids = initial.nodes;
      const wanted = new Set(ids);
      setViewLoad({ state: 'loading' });
      limited(ids, 6, (id) => api.node(id).catch(() => null))
        .then((all) => {
          const nodes: GraphNode[] = [];
          const edges: GraphEdge[] = [];
          for (const d of all) {
            if (!d) continue;
            const g = graphFromDetails(d, (other) => wanted.has(other));
            nodes.push(...g.nodes);
            edges.push(...g.edges);
          }
          dispatch({ type: 'replace', graph: { nodes, edges }, hidden: initial.hidden, pinned: initial.pinned });
          setViewLoad({ state: 'ready', data: true });
          const missing = all.filter((d) => !d).length;
          if (missing) setNotice(`${plural(missing, 'nod', 'noder')} i länken finns inte längre och visas inte.`);
        })
        .catch((err) => setViewLoad({ state: 'error', error: toApiError(err) }));
    } else {
      void loadOverview(initial.asOf, OVERVIEW_STEP);
    }
  }, [initial, loadOverview, loadReference]);

  // Database reachability: show a banner, poll health until it answers, then reload what failed.
  useEffect(() => {
    let timer: ReturnType<typeof setInterval> | null = null;
    const off = onConnectivity((state, message) => {
      if (state === 'ok') {
        setBanner((b) => (b.kind === 'down' ? { kind: 'recovered' } : b));
        if (timer) clearInterval(timer);
        timer = null;
        return;
      }
      setBanner({ kind: 'down', message: state === 'server-down' ? 'Servern svarar inte.' : message || 'Databasen svarar inte.' });
      if (!timer) timer = setInterval(() => void api.health().catch(() => undefined), 3000);
    });
    return () => {
      off();
      if (timer) clearInterval(timer);
    };
  }, []);
  useEffect(() => {
    if (banner.kind !== 'recovered') return;
    if (Object.keys(viewRef.current.graph.nodes).length === 0) void loadOverview(asOf, overviewLimit);
    loadReference();
    const t = setTimeout(() => setBanner({ kind: 'none' }), 4000);
    return () => clearTimeout(t);
  }, [banner.kind, asOf, overviewLimit, loadOverview, loadReference]);

  // Details of the selected node.
  const selectedNodeId = selection?.kind === 'node' ? selection.id : null;
  const refreshDetails = useCallback((id: string) => {
    setDetails({ state: 'loading' });
    api.selectedNode(id).then(
      (d) => setDetails({ state: 'ready', data: d }),
      (err) => {
        if (!isAborted(err)) setDetails({ state: 'error', error: toApiError(err) });
      },
    );
  }, []);
  useEffect(() => {
    if (selectedNodeId) refreshDetails(selectedNodeId);
  }, [selectedNodeId, refreshDetails]);

  // The date: the overview is refetched as of it; a custom view is masked by what held then.
  const dateChanged = useRef(false);
  useEffect(() => {
    if (!dateChanged.current) {
      dateChanged.current = true;
      if (!(initial.nodes && initial.asOf)) return;
    }
    if (viewRef.current.base === 'overview') {
      setDated(null);
      void loadOverview(asOf, overviewLimit);
      return;
    }
    if (!asOf) {
      setDated(null);
      return;
    }
    setViewLoad({ state: 'loading' });
    api.overview({ asOf, limit: MASK_LIMIT }).then(
      (r) => {
        const nodes = Object.fromEntries(r.graph.nodes.map((n) => [n.id, n]));
        const edges = Object.fromEntries(r.graph.edges.map((e) => [e.id, e]));
        setDated({ date: asOf, graph: { nodes, edges } });
        setViewLoad({ state: 'ready', data: true });
      },
      (err) => {
        if (!isAborted(err)) setViewLoad({ state: 'error', error: toApiError(err) });
      },
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [asOf]);

  // A newly opened panel starts at its top; the reader scrolls itself to the passage in focus.
  const panelKey = panel.kind === 'article' ? `article:${panel.id}:${panel.focus?.start ?? ''}` : `${panel.kind}:${selection?.id ?? ''}`;
  useEffect(() => {
    if (panel.kind !== 'article' || !panel.focus) detailsRef.current?.scrollTo({ top: 0 });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [panelKey]);

  // ── What is drawn ────────────────────────────────────────────────────────────────────────────────
  const shownGraph: ViewGraph = useMemo(() => {
    if (!dated || view.base === 'overview') return view.graph;
    // Names as of the date (SKL before 27 Nov 2019, SKR after) come from the dated graph.
    const nodes: ViewGraph['nodes'] = {};
    for (const [id, n] of Object.entries(view.graph.nodes)) nodes[id] = dated.graph.nodes[id] ?? n;
    return { nodes, edges: view.graph.edges };
  }, [view, dated]);

  const hiddenSet = useMemo(() => new Set(view.hidden), [view.hidden]);
  const out = useMemo(() => {
    const o = filteredOut(shownGraph, filters, hiddenSet);
    if (dated && view.base !== 'overview') {
      for (const id of Object.keys(shownGraph.nodes)) if (!dated.graph.nodes[id]) o.add(id);
      for (const e of Object.values(shownGraph.edges)) {
        const isFact = e.properties.evidenceCount !== undefined || e.properties.firstSeen !== undefined;
        if (o.has(e.source) || o.has(e.target) || (isFact && !dated.graph.edges[e.id])) o.add(e.id);
      }
    }
    return o;
  }, [shownGraph, filters, hiddenSet, dated, view.base]);
  const pathSet = useMemo(() => new Set([...(view.path?.nodeIds ?? []), ...(view.path?.edgeIds ?? [])]), [view.path]);
  const pinnedSet = useMemo(() => new Set(view.pinned), [view.pinned]);
  const elements = useMemo(() => toElements(shownGraph, { path: pathSet, pinned: pinnedSet, filtered: out }), [shownGraph, pathSet, pinnedSet, out]);

  const counts = useMemo(() => {
    const kinds: Record<string, number> = {};
    const types: Record<string, number> = {};
    for (const n of Object.values(shownGraph.nodes)) kinds[primaryKind(n.labels)] = (kinds[primaryKind(n.labels)] ?? 0) + 1;
    for (const e of Object.values(shownGraph.edges)) types[e.type] = (types[e.type] ?? 0) + 1;
    return { kinds, types };
  }, [shownGraph]);
  const nodeTotal = Object.keys(shownGraph.nodes).length;
  const visibleNodes = useMemo(() => Object.values(shownGraph.nodes).filter((n) => !out.has(n.id)), [shownGraph, out]);
  const visibleEdgeCount = useMemo(() => Object.keys(shownGraph.edges).filter((id) => !out.has(id)).length, [shownGraph, out]);

  // ── The URL carries the state ───────────────────────────────────────────────────────────────────
  useEffect(() => {
    // Sorted, so the same view always gives the same link.
    const ids = Object.keys(view.graph.nodes).sort();
    const hash = encodeUrlState({
      nodes: view.base === 'overview' || ids.length > MAX_NODES_IN_URL ? null : ids,
      selected: selectedNodeId,
      hidden: view.hidden,
      pinned: view.pinned,
      hiddenKinds: filters.hiddenKinds,
      hiddenTypes: filters.hiddenTypes,
      articles: filters.articles,
      asOf,
      layout,
      tab,
      query: openQuery,
      queryParams: openQuery ? rawParams : {},
    });
    const url = `${window.location.pathname}${window.location.search}${hash ? `#${hash}` : ''}`;
    if (url !== `${window.location.pathname}${window.location.search}${window.location.hash}`) window.history.replaceState(null, '', url);
  }, [view, selectedNodeId, filters, asOf, layout, tab, openQuery, rawParams]);

  // ── Actions ─────────────────────────────────────────────────────────────────────────────────────
  const selectNode = useCallback((id: string) => {
    setSelection({ kind: 'node', id });
    setPanel({ kind: 'details' });
    setMenu(null);
  }, []);

  /** Selects a node, adding it (with its links to what is in view) first if it is not there. */
  const focusNode = useCallback(
    async (id: string) => {
      if (!viewRef.current.graph.nodes[id]) {
        try {
          const d = await api.node(id);
          const inView = viewRef.current.graph.nodes;
          dispatch({ type: 'merge', graph: graphFromDetails(d, (other) => !!inView[other]) });
        } catch (err) {
          setNotice(`Kunde inte lägga till noden: ${toApiError(err).message}`);
          return;
        }
      }
      if (viewRef.current.hidden.includes(id)) dispatch({ type: 'showAll' });
      selectNode(id);
      setTimeout(() => graphRef.current?.centre(id), 450);
    },
    [selectNode],
  );

  const onChooseHit = useCallback((hit: SearchHit) => void focusNode(hit.id), [focusNode]);

  const expand = useCallback(
    async (id: string, types: string[], offset = 0) => {
      // Relationships left out (beyond the per-pair cap) add up over the pages of one expansion.
      const earlier = (prev: ExpansionInfo | null) => (offset > 0 && prev?.nodeId === id ? prev.leftOut : 0);
      setExpansion((prev) => ({ nodeId: id, types, total: 0, loaded: offset, hasMore: false, loading: true, leftOut: earlier(prev) }));
      try {
        const r = await api.expand({ ids: [id], types: types.length ? types : undefined, limit: EXPAND_PAGE, offset, asOf: asOf ?? undefined });
        dispatch({ type: 'merge', graph: r.graph });
        setExpansion((prev) => ({ nodeId: id, types, total: r.total, loaded: r.offset + r.returned, hasMore: r.hasMore, loading: false, leftOut: earlier(prev) + r.relationshipsLeftOut }));
        if (r.returned === 0) setNotice('Noden har inga fler grannar att visa.');
      } catch (err) {
        setExpansion(null);
        setNotice(`Expansionen misslyckades: ${toApiError(err).message}`);
      }
    },
    [asOf],
  );

  const openEvidence = useCallback((e: Evidence) => {
    setPanel({ kind: 'article', id: e.articleId, focus: { start: e.start, end: e.end }, back: true });
    setArticle({ state: 'loading' });
    api.article(e.articleId).then(
      (a) => setArticle({ state: 'ready', data: a }),
      (err) => {
        if (!isAborted(err)) setArticle({ state: 'error', error: toApiError(err) });
      },
    );
  }, []);
  const openArticle = useCallback((id: string) => {
    setPanel({ kind: 'article', id, focus: null, back: true });
    setArticle({ state: 'loading' });
    api.article(id).then(
      (a) => setArticle({ state: 'ready', data: a }),
      (err) => {
        if (!isAborted(err)) setArticle({ state: 'error', error: toApiError(err) });
      },
    );
  }, []);

  const findPath = useCallback(async () => {
    if (!pathFrom || !pathTo) return;
    setPathResult({ state: 'running' });
    try {
      const r = await api.paths({ from: pathFrom.id, to: pathTo.id, maxLength: 6, avoid: avoidArticles ? ['Article'] : [], limit: 3 });
      setPathResult({ state: 'ready', data: r });
      if (r.paths.length) {
        const nodeIds = [...new Set(r.paths.flatMap((p) => p.nodeIds))];
        const edgeIds = [...new Set(r.paths.flatMap((p) => p.edgeIds))];
        dispatch({ type: 'merge', graph: r.graph, path: { nodeIds, edgeIds } });
        setTimeout(() => graphRef.current?.fit([...nodeIds, ...edgeIds]), 600);
      }
    } catch (err) {
      if (!isAborted(err)) setPathResult({ state: 'error', error: toApiError(err) });
    }
  }, [pathFrom, pathTo, avoidArticles]);

  const showRunResult = useCallback((title: string, promise: Promise<import('./api/types').RunResult>) => {
    setRun({ status: 'running', title });
    setTableOpen(true);
    promise.then(
      (r) => {
        setRun(stateFromResult(title, r));
        if (r.graph.nodes.length) {
          dispatch({ type: 'replace', graph: r.graph });
          setSelection(null);
          setPanel({ kind: 'none' });
        }
      },
      (err) => {
        if (!isAborted(err)) setRun(stateFromError(title, toApiError(err)));
      },
    );
  }, []);

  const undo = useCallback(() => {
    dispatch({ type: 'undo' });
    setMenu(null);
  }, []);

  // Keyboard: Ctrl+Z undoes, Escape closes the menu or the panel, Delete removes the selected node.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e.target)) return;
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'z') {
        e.preventDefault();
        undo();
      } else if (e.key === 'Escape') {
        if (menu) setMenu(null);
        else if (panel.kind !== 'none') setPanel({ kind: 'none' });
      } else if ((e.key === 'Delete' || e.key === 'Backspace') && selectedNodeId && viewRef.current.graph.nodes[selectedNodeId]) {
        dispatch({ type: 'remove', ids: [selectedNodeId] });
        setSelection(null);
        setPanel({ kind: 'none' });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo, menu, panel.kind, selectedNodeId]);

  useEffect(() => {
    if (!notice) return;
    const t = setTimeout(() => setNotice(null), 6000);
    return () => clearTimeout(t);
  }, [notice]);

  const nodeActions = (id: string) => ({
    expand: () => void expand(id, []),
    pin: () => dispatch({ type: 'togglePin', id }),
    hide: () => {
      dispatch({ type: 'hide', ids: [id] });
      if (selectedNodeId === id) setPanel({ kind: 'none' });
    },
    remove: () => {
      dispatch({ type: 'remove', ids: [id] });
      if (selectedNodeId === id) {
        setSelection(null);
        setPanel({ kind: 'none' });
      }
    },
    pathFrom: () => {
      const n = viewRef.current.graph.nodes[id];
      setPathFrom({ id, name: n ? displayName(n) : id });
      setTab('explore');
    },
    pathTo: () => {
      const n = viewRef.current.graph.nodes[id];
      setPathTo({ id, name: n ? displayName(n) : id });
      setTab('explore');
    },
  });

  const selectedEdge = selection?.kind === 'edge' ? shownGraph.edges[selection.id] : undefined;
  const hasResult = run.status === 'done' || run.status === 'truncated' || run.status === 'empty';

  return (
    <div className={`app tab-${tab}`}>
      <header className="topbar">
        <h1 className="brand">
          Digital förvaltning <span>grafutforskare</span>
        </h1>
        <div className="topbar-search">
          <SearchBox label="Sök aktör, person, dokument …" placeholder="Sök namn eller förkortning, t.ex. SKR …" testId="search" requestKey="search" onChoose={onChooseHit} />
        </div>
        <TimeControl asOf={asOf} loading={viewLoad.state === 'loading'} onChange={setAsOf} />
      </header>
      {banner.kind === 'down' && (
        <div className="banner error" role="alert" data-testid="db-banner">
          <strong>Ingen kontakt med databasen.</strong> {banner.message} Försöker igen var tredje sekund …
        </div>
      )}
      {banner.kind === 'recovered' && (
        <div className="banner ok" role="status" data-testid="db-banner-recovered">
          Kontakten med databasen är återställd.
        </div>
      )}
      <div className="workspace">
        <aside className="sidebar" aria-label="Verktyg">
          <div role="tablist" className="tabs" aria-label="Verktyg">
            <button type="button" role="tab" aria-selected={tab === 'explore'} aria-controls="tab-explore" id="tab-explore-btn" onClick={() => setTab('explore')} data-testid="tab-explore">
              Utforska
            </button>
            <button type="button" role="tab" aria-selected={tab === 'queries'} aria-controls="tab-queries" id="tab-queries-btn" onClick={() => setTab('queries')} data-testid="tab-queries">
              Frågor
            </button>
          </div>
          <div className="sidebar-scroll">
            {tab === 'explore' ? (
              <div role="tabpanel" id="tab-explore" aria-labelledby="tab-explore-btn">
                <details open className="side-section">
                  <summary>Kortaste väg</summary>
                  <PathPanel
                    from={pathFrom}
                    to={pathTo}
                    avoidArticles={avoidArticles}
                    result={pathResult}
                    onFrom={setPathFrom}
                    onTo={setPathTo}
                    onAvoidArticles={setAvoidArticles}
                    onFind={() => void findPath()}
                    onClear={() => {
                      setPathResult({ state: 'idle' });
                      dispatch({ type: 'clearPath' });
                    }}
                    onGoTo={(id) => void focusNode(id)}
                    onOpenEvidence={openEvidence}
                  />
                </details>
                <details open className="side-section">
                  <summary>Filter</summary>
                  <FilterPanel filters={filters} onChange={setFilters} kindCounts={counts.kinds} typeCounts={counts.types} articles={articles} />
                </details>
                <details className="side-section" open>
                  <summary>
                    I vyn ({visibleNodes.length} {visibleNodes.length === 1 ? 'nod' : 'noder'})
                  </summary>
                  <NodeList nodes={visibleNodes} selectedId={selectedNodeId} onSelect={(id) => void focusNode(id)} />
                </details>
              </div>
            ) : (
              <div role="tabpanel" id="tab-queries" aria-labelledby="tab-queries-btn">
                <QueryWorkspace
                  queries={queries}
                  reloadQueries={reloadQueries}
                  schema={schema}
                  openName={openQuery}
                  onOpen={setOpenQuery}
                  raw={rawParams}
                  onRaw={setRawParams}
                  run={run}
                  onRunNamed={(q, values) => showRunResult(q.title || q.name, api.runQuery(q.name, values))}
                  onRunCypher={(cypher, values, types) => showRunResult('Cypher', api.runCypher(cypher, values, types))}
                />
              </div>
            )}
          </div>
        </aside>

        <main className="centre" aria-label="Nätverk">
          <Toolbar
            canUndo={history.past.length > 0}
            onUndo={undo}
            layout={layout}
            onLayout={(l) => {
              setLayout(l);
              setLayoutToken((t) => t + 1);
            }}
            onRelayout={() => setLayoutToken((t) => t + 1)}
            onFit={() => graphRef.current?.fit()}
            onOverview={() => {
              setDated(null);
              void loadOverview(asOf, overviewLimit);
            }}
            pathActive={!!view.path}
            onClearPath={() => dispatch({ type: 'clearPath' })}
            hiddenCount={view.hidden.length}
            onShowHidden={() => dispatch({ type: 'showAll' })}
            graphRef={graphRef}
            view={shownGraph}
            isVisible={(id) => !out.has(id)}
          />
          <div className="canvas-wrap">
            <GraphView
              ref={graphRef}
              elements={elements}
              layout={layout}
              layoutToken={layoutToken}
              selectedId={selection?.id ?? null}
              pinned={pinnedSet}
              onNodeTap={selectNode}
              onEdgeTap={(id) => {
                setSelection({ kind: 'edge', id });
                setPanel({ kind: 'edge' });
                setMenu(null);
              }}
              onBackgroundTap={() => setMenu(null)}
              onNodeDoubleTap={(id) => void expand(id, [])}
              onNodeContext={(id, at) => setMenu({ id, x: at.x, y: at.y })}
            />
            {menu && (
              <ContextMenu
                state={menu}
                name={shownGraph.nodes[menu.id] ? displayName(shownGraph.nodes[menu.id]!) : menu.id}
                pinned={pinnedSet.has(menu.id)}
                actions={nodeActions(menu.id)}
                onClose={() => setMenu(null)}
              />
            )}
            {viewLoad.state === 'loading' && (
              <div className="canvas-overlay" role="status" data-testid="graph-loading">
                Hämtar graf …
              </div>
            )}
            {viewLoad.state === 'error' && (
              <div className="canvas-overlay error" role="alert" data-testid="graph-error">
                Kunde inte hämta grafen: {viewLoad.error.message}{' '}
                <button type="button" onClick={() => void loadOverview(asOf, overviewLimit)}>
                  Försök igen
                </button>
              </div>
            )}
            {viewLoad.state === 'ready' && nodeTotal === 0 && (
              <div className="canvas-overlay" role="status">
                Vyn är tom. Sök efter en aktör eller person ovan, eller visa översikten.
              </div>
            )}
            <Legend kinds={Object.keys(counts.kinds)} open={!(hasResult && tableOpen)} />
            {notice && (
              <div className="toast" role="status" data-testid="notice">
                {notice}
              </div>
            )}
          </div>
          <div className="statusbar" data-testid="statusbar">
            <span data-testid="view-counts">
              {plural(visibleNodes.length, 'nod', 'noder')} · {plural(visibleEdgeCount, 'relation', 'relationer')}
              {nodeTotal - visibleNodes.length > 0 ? ` (${nodeTotal - visibleNodes.length} dolda/filtrerade)` : ''}
            </span>
            {asOf && <span className="asof-badge">per {asOf}</span>}
            {view.base === 'overview' && overviewInfo?.truncated && (
              <span className="truncated" data-testid="overview-truncated">
                Översikten är kapad: {nodeTotal} av {overviewInfo.nodes} noder.{' '}
                <button
                  type="button"
                  className="link-button"
                  onClick={() => {
                    const next = overviewLimit + OVERVIEW_STEP;
                    setOverviewLimit(next);
                    void loadOverview(asOf, next);
                  }}
                  data-testid="overview-more"
                >
                  {Math.max(0, overviewInfo.nodes - nodeTotal)} till – ladda fler
                </button>
              </span>
            )}
            <span className="spacer" />
            <span className="muted small hint">Dubbelklick: expandera · högerklick: meny · Ctrl+Z: ångra</span>
          </div>
          {hasResult && tableOpen && (
            <section className="result-drawer" data-testid="result-drawer" aria-label="Frågeresultat">
              <header>
                <strong>{run.title}</strong>
                <span className="muted small">
                  {' '}
                  {run.result.rowCount} rader · {run.result.columns.length} kolumner · {run.result.timeMs} ms{run.status === 'truncated' ? ' · kapat' : ''}
                </span>
                <span className="spacer" />
                <button type="button" className="icon-button" onClick={() => setTableOpen(false)} aria-label="Dölj tabellen">
                  ×
                </button>
              </header>
              {run.status === 'empty' ? <p className="muted">Inga rader.</p> : <ResultTable result={run.result} />}
            </section>
          )}
          {hasResult && !tableOpen && (
            <button type="button" className="drawer-toggle" onClick={() => setTableOpen(true)}>
              Visa resultattabellen ({run.result.rowCount} rader)
            </button>
          )}
        </main>

        <aside ref={detailsRef} className={`details ${panel.kind === 'none' ? 'empty' : ''}`} aria-label="Detaljer">
          {panel.kind === 'none' && (
            <div className="panel-body placeholder">
              <h2>Detaljer</h2>
              <p className="muted">Klicka på en nod för att se namn, roller och fakta med citat ur artiklarna, eller på en relation för att se dess belägg.</p>
              {articles.length > 0 && (
                <>
                  <h3>Artiklar</h3>
                  <ul className="article-list">
                    {articles.map((a) => (
                      <li key={a.id}>
                        <button type="button" className="link-button" onClick={() => openArticle(a.id)} data-testid="article-link">
                          {a.title}
                        </button>
                        <span className="muted small">
                          {' '}
                          {a.outlet ? `${a.outlet} · ` : ''}
                          {a.published} · {a.factCount} fakta
                        </span>
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </div>
          )}
          {panel.kind === 'details' && selectedNodeId && (
            <DetailsPanel
              details={details}
              pinned={pinnedSet.has(selectedNodeId)}
              inView={!!view.graph.nodes[selectedNodeId]}
              expansion={expansion}
              onExpand={(types) => void expand(selectedNodeId, types)}
              onMore={() => expansion && void expand(expansion.nodeId, expansion.types, expansion.loaded)}
              onHide={nodeActions(selectedNodeId).hide}
              onPin={nodeActions(selectedNodeId).pin}
              onRemove={nodeActions(selectedNodeId).remove}
              onAdd={() => void focusNode(selectedNodeId)}
              onGoTo={(id) => void focusNode(id)}
              onOpenEvidence={openEvidence}
              onOpenArticle={openArticle}
              onPathFrom={nodeActions(selectedNodeId).pathFrom}
              onPathTo={nodeActions(selectedNodeId).pathTo}
              onClose={() => setPanel({ kind: 'none' })}
            />
          )}
          {panel.kind === 'edge' && selectedEdge && (
            <EdgePanel
              edge={selectedEdge}
              source={shownGraph.nodes[selectedEdge.source]}
              target={shownGraph.nodes[selectedEdge.target]}
              evidence={edgeEvidence(selectedEdge, articlesById)}
              onGoTo={(id) => void focusNode(id)}
              onOpenEvidence={openEvidence}
              onClose={() => setPanel({ kind: 'none' })}
            />
          )}
          {panel.kind === 'article' && (
            <ArticleReader
              article={article}
              focus={panel.focus}
              onEntity={(id) => void focusNode(id)}
              onBack={selection ? () => setPanel({ kind: selection.kind === 'edge' ? 'edge' : 'details' }) : null}
              onClose={() => setPanel({ kind: 'none' })}
            />
          )}
        </aside>
      </div>
    </div>
  );
}
