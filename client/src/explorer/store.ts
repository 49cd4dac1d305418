/**
 * The explorer's one store (as tldraw and excalidraw keep theirs): view history, selection, panels, filters,
 * the date, layout, expansion, path, query run, compared dates and the timeline. User intents are named
 * actions on it, and its actions are the only code that calls the API. Components read it with
 * `useExplorer(selector)` and call actions; the URL mirrors it (pushState on user steps, replaceState for
 * small ones) and Back/Forward or a changed hash are applied back to it.
 */
import { api as realApi, isAborted, onConnectivity, toApiError } from '../api/client';
import type { ApiError, ArticleResponse, ArticleSummary, Evidence, NodeDetails, QueryParamType, QuerySummary, RunResult, SchemaResponse, TimeDiff, TimelineResponse } from '../api/types';
import type { Span } from '../components/articleSegments';
import type { ExpansionInfo, Loadable } from '../components/DetailsPanel';
import type { PathEnd, PathResult } from '../components/PathPanel';
import type { ContextMenuState } from '../components/ContextMenu';
import { displayName, type Filters } from '../graph/elements';
import { kindLabel, primaryKind } from '../graph/kinds';
import type { LayoutName } from '../graph/layouts';
import { i18n } from '../i18n';
import { errorMessage } from '../i18n/errors';
import { coerceParams, queryTitle, stateFromError, stateFromResult, type RawValue, type RunState } from '../query/queryState';
import { INITIAL_VIEW, sameFilters, viewReducer, type ViewAction, type ViewHistory, type ViewState } from '../state/view';
import { decodeUrlState, encodeUrlState, type Tab, type UrlState } from '../state/urlState';
import { START_LABELS, START_LIMIT, diffGraph, dropIsolated, graphFromDetails, limited, sameNodes, urlStateOf, type DatedMask } from './derive';

const OVERVIEW_STEP = 500;
const EXPAND_PAGE = 25;
/** The dated graph that masks a custom view: the server's cap on /api/graph. */
const MASK_LIMIT = 2000;

export type Selection = { kind: 'node'; id: string } | { kind: 'edge'; id: string } | null;
export type Panel = { kind: 'none' } | { kind: 'details' } | { kind: 'edge' } | { kind: 'article'; id: string; focus: Span | null };
export type Banner = { kind: 'none' } | { kind: 'down'; message: string } | { kind: 'recovered' };

export interface PanelLayout {
  sidebarOpen: boolean;
  detailsOpen: boolean;
  sidebarWidth: number;
  detailsWidth: number;
  legendOpen: boolean;
}

export const PANEL_LIMITS = { sidebar: { min: 180, max: 520 }, details: { min: 220, max: 640 } } as const;

export interface ExplorerState {
  history: ViewHistory;
  mask: DatedMask | null;
  viewLoad: Loadable<true>;
  overviewLimit: number;
  overviewInfo: { truncated: boolean; nodes: number; edges: number | null } | null;
  tab: Tab;
  selection: Selection;
  /** Nodes selected together (shift-click, box select); two or more make a set the selection bar acts on. */
  multi: string[];
  panel: Panel;
  details: Loadable<NodeDetails>;
  article: Loadable<ArticleResponse>;
  articles: ArticleSummary[];
  schema: SchemaResponse | null;
  queries: Loadable<QuerySummary[]>;
  expansion: ExpansionInfo | null;
  path: { from: PathEnd | null; to: PathEnd | null; avoidArticles: boolean; result: PathResult };
  run: RunState;
  tableOpen: boolean;
  openQuery: string | null;
  rawParams: Record<string, RawValue>;
  timeline: Loadable<TimelineResponse> | null;
  diff: { from: string; to: string; result: Loadable<TimeDiff> } | null;
  /** Whether the compared dates' changes are drawn on the canvas. */
  diffShown: boolean;
  /** The timeline strip under the canvas is open. */
  timelineOpen: boolean;
  banner: Banner;
  menu: ContextMenuState | null;
  notice: string | null;
  /** What a screen reader hears after a selection ("Vald: Lena Micko, Person"). */
  announcement: string;
  /** Bumped on every new result: the canvas fits what is visible once the layout has settled. */
  fitToken: number;
  /** Bumped to run the layout again over everything. */
  layoutToken: number;
  /** Positions a link brought along, used when its nodes are first drawn. */
  positions: Record<string, { x: number; y: number }> | null;
  panels: PanelLayout;
}

/** What the store needs from the canvas: centring, the drawn positions (for links). */
export interface CanvasHandle {
  centre(id: string): void;
  positions(): Record<string, { x: number; y: number }>;
  png(): string | null;
}

/** What the store needs from the page; tests pass a fake. */
export interface Host {
  location(): { pathname: string; search: string; hash: string };
  push(url: string): void;
  replace(url: string): void;
  listen(onUrl: () => void): () => void;
  copy?(text: string): Promise<void>;
  /** The window's width when the page opens (panel defaults). */
  width: number;
}

export type Api = typeof realApi;

const t = (key: string, opts?: Record<string, unknown>) => i18n.t(`app:${key}`, opts ?? {});
const errorText = (err: ApiError) => errorMessage(err);

/** Panel widths for a window width: canvas first (≥ 60 % at 1280 px); below 1200 px the details panel opens over the canvas on demand. */
export function defaultPanels(width: number): PanelLayout {
  if (width < 1200) return { sidebarOpen: true, detailsOpen: false, sidebarWidth: 220, detailsWidth: 300, legendOpen: true };
  if (width < 1600) return { sidebarOpen: true, detailsOpen: true, sidebarWidth: 232, detailsWidth: 272, legendOpen: true };
  const side = Math.min(PANEL_LIMITS.sidebar.max, Math.round(width * 0.15));
  const details = Math.min(PANEL_LIMITS.details.max, Math.round(width * 0.18));
  return { sidebarOpen: true, detailsOpen: true, sidebarWidth: side, detailsWidth: details, legendOpen: true };
}

export function initialState(url: UrlState, panels: PanelLayout): ExplorerState {
  const present: ViewState = {
    ...INITIAL_VIEW.present,
    base: url.nodes ? 'custom' : url.whole ? 'overview' : 'start',
    filters: { hiddenKinds: url.hiddenKinds, hiddenTypes: url.hiddenTypes, articles: url.articles },
    asOf: url.asOf,
    layout: url.layout,
  };
  return {
    history: { present, past: [], future: [] },
    mask: null,
    viewLoad: { state: 'loading' },
    overviewLimit: OVERVIEW_STEP,
    overviewInfo: null,
    tab: url.tab,
    selection: url.selected ? { kind: 'node', id: url.selected } : null,
    multi: [],
    panel: url.selected ? { kind: 'details' } : { kind: 'none' },
    details: { state: 'loading' },
    article: { state: 'loading' },
    articles: [],
    schema: null,
    queries: { state: 'loading' },
    expansion: null,
    path: { from: null, to: null, avoidArticles: true, result: { state: 'idle' } },
    run: { status: 'idle' },
    tableOpen: true,
    openQuery: url.query,
    rawParams: url.queryParams as Record<string, RawValue>,
    timeline: null,
    diff: url.diff ? { ...url.diff, result: { state: 'loading' } } : null,
    diffShown: !!url.diff,
    timelineOpen: false,
    banner: { kind: 'none' },
    menu: null,
    notice: null,
    announcement: '',
    fitToken: 0,
    layoutToken: 0,
    positions: url.positions,
    panels: url.selected ? { ...panels, detailsOpen: true } : panels,
  };
}

type UrlMode = 'push' | 'replace' | 'none';

export class ExplorerStore {
  private state: ExplorerState;
  private readonly listeners = new Set<() => void>();
  private canvas: CanvasHandle | null = null;
  private applyingUrl = false;
  private healthTimer: ReturnType<typeof setInterval> | null = null;
  private noticeTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly host: Host,
    private readonly api: Api = realApi,
  ) {
    const url = decodeUrlState(host.location().hash);
    this.state = initialState(url, defaultPanels(host.width));
  }

  // ── Plumbing ─────────────────────────────────────────────────────────────────────────────────────
  getState = (): ExplorerState => this.state;
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
  get view(): ViewState {
    return this.state.history.present;
  }
  attachCanvas(handle: CanvasHandle | null): void {
    this.canvas = handle;
  }
  canvasHandle = (): CanvasHandle | null => this.canvas;

  private set(patch: Partial<ExplorerState>, url: UrlMode = 'replace'): void {
    this.state = { ...this.state, ...patch };
    if (url !== 'none') this.writeUrl(url);
    for (const l of this.listeners) l();
  }

  /** One step of the view history; the URL gets a new entry for a step and the canvas re-fits where asked. */
  private commit(action: ViewAction, opts: { fit?: boolean; url?: UrlMode } = {}): void {
    const before = this.state.history;
    const history = viewReducer(before, action);
    if (history === before) return;
    const prev = before.present;
    const next = history.present;
    // A link's positions hold until the user's next own step changes the picture.
    const keepPositions = action.type === 'replace' || action.type === 'patch' || action.type === 'jump';
    const patch: Partial<ExplorerState> = { history, positions: keepPositions ? this.state.positions : null };
    if (prev.layout !== next.layout) patch.layoutToken = this.state.layoutToken + 1;
    if (opts.fit || prev.graph !== next.graph || !sameFilters(prev.filters, next.filters)) patch.fitToken = this.state.fitToken + 1;
    const stepped = history.past !== before.past;
    this.set(patch, opts.url ?? (stepped && !this.applyingUrl ? 'push' : 'replace'));
    this.ensureMask();
  }

  private writeUrl(mode: 'push' | 'replace'): void {
    if (this.applyingUrl) return;
    const s = this.state;
    const hash = encodeUrlState(
      urlStateOf({
        view: s.history.present,
        selected: s.selection?.kind === 'node' ? s.selection.id : null,
        tab: s.tab,
        query: s.openQuery,
        queryParams: s.rawParams,
        diff: s.diff ? { from: s.diff.from, to: s.diff.to } : null,
        positions: this.canvas?.positions() ?? null,
      }),
    );
    const loc = this.host.location();
    const url = `${loc.pathname}${loc.search}${hash ? `#${hash}` : ''}`;
    if (url === `${loc.pathname}${loc.search}${loc.hash}`) return;
    // Positions alone never make a Back step.
    const strip = (h: string) => h.replace(/(^|&)pos=[^&]*/, '');
    if (mode === 'push' && strip(hash) !== strip(loc.hash.replace(/^#/, ''))) this.host.push(url);
    else this.host.replace(url);
  }

  /** Shows a short notice over the canvas for a few seconds. */
  notify = (notice: string): void => {
    if (this.noticeTimer) clearTimeout(this.noticeTimer);
    this.noticeTimer = setTimeout(() => this.set({ notice: null }, 'none'), 6000);
    this.set({ notice }, 'none');
  };

  // ── Start ────────────────────────────────────────────────────────────────────────────────────────
  /** Loads reference data and the linked (or start) view; listens to the URL and to database reachability. */
  start(): () => void {
    // The picture first: the article list, schema and query library are asked for once the view has come
    // (on a two-core server they would otherwise compete with it).
    void this.applyUrl(decodeUrlState(this.host.location().hash), true).finally(() => this.loadReference());
    const offUrl = this.host.listen(() => void this.applyUrl(decodeUrlState(this.host.location().hash), false));
    const offConn = onConnectivity((state, message) => {
      if (state === 'ok') {
        if (this.state.banner.kind === 'down') {
          this.set({ banner: { kind: 'recovered' } }, 'none');
          if (Object.keys(this.view.graph.nodes).length === 0) void this.reloadBase();
          this.loadReference();
          setTimeout(() => this.state.banner.kind === 'recovered' && this.set({ banner: { kind: 'none' } }, 'none'), 4000);
        }
        if (this.healthTimer) clearInterval(this.healthTimer);
        this.healthTimer = null;
        return;
      }
      this.set({ banner: { kind: 'down', message: state === 'server-down' ? t('banner.serverDown') : message || t('banner.dbDown') } }, 'none');
      this.healthTimer ??= setInterval(() => void this.api.health().catch(() => undefined), 3000);
    });
    return () => {
      offUrl();
      offConn();
      if (this.healthTimer) clearInterval(this.healthTimer);
    };
  }

  /** After the graph grew (an accepted article): the article list, schema and timeline are read again. */
  refreshSources = (): void => {
    this.set({ timeline: null }, 'none');
    this.loadReference();
  };

  private loadReference(): void {
    this.api.articles().then((r) => this.set({ articles: r.articles }, 'none'), () => undefined);
    this.api.schema().then((schema) => this.set({ schema }, 'none'), () => undefined);
    void this.reloadQueries();
    void this.loadTimeline();
  }

  /** Applies a decoded link: moves through the history when it holds that view, else fetches it. */
  async applyUrl(u: UrlState, first: boolean): Promise<void> {
    this.applyingUrl = true;
    try {
      const s = this.state;
      const queryChanged = u.query !== s.openQuery || JSON.stringify(u.queryParams) !== JSON.stringify(s.rawParams);
      this.set({ tab: u.tab, openQuery: u.query, rawParams: u.queryParams as Record<string, RawValue>, positions: u.positions ?? s.positions }, 'none');
      const wantBase = u.nodes ? 'custom' : u.whole ? 'overview' : 'start';
      const h = this.state.history;
      const matches = (v: ViewState) => v.base === wantBase && (u.nodes ? sameNodes(v, u.nodes) : true);
      let loaded = !first && matches(h.present);
      if (!first && !loaded) {
        const back = [...h.past].reverse().findIndex(matches);
        const fwd = [...h.future].reverse().findIndex(matches);
        if (back >= 0 && (fwd < 0 || back <= fwd)) {
          this.commit({ type: 'jump', offset: -(back + 1) }, { url: 'none' });
          loaded = true;
        } else if (fwd >= 0) {
          this.commit({ type: 'jump', offset: fwd + 1 }, { url: 'none' });
          loaded = true;
        }
      }
      const filters: Filters = { hiddenKinds: u.hiddenKinds, hiddenTypes: u.hiddenTypes, articles: u.articles };
      const v = this.view;
      const dateChanged = v.asOf !== u.asOf;
      this.commit(
        { type: 'patch', patch: { filters: sameFilters(v.filters, filters) ? v.filters : filters, asOf: u.asOf, layout: u.layout, ...(u.nodes ? { hidden: u.hidden, pinned: u.pinned } : {}) } },
        { url: 'none' },
      );
      if (!loaded || (dateChanged && this.view.base !== 'custom')) {
        if (u.nodes) await this.restoreNodes(u.nodes, u.hidden, u.pinned);
        else await this.loadBase(u.whole ? 'overview' : 'start', this.state.overviewLimit);
      }
      if (u.selected) this.selectNode(u.selected, { url: 'none' });
      else if (this.state.selection) this.set({ selection: null, multi: [], panel: { kind: 'none' } }, 'none');
      const d = u.diff;
      if (d && (first || !s.diff || s.diff.from !== d.from || s.diff.to !== d.to)) void this.compare(d.from, d.to);
      else if (!d && s.diff) this.set({ diff: null }, 'none');
      if (u.query && (first || queryChanged)) void this.runLinkedQuery(u.query, u.queryParams as Record<string, RawValue>);
    } finally {
      this.applyingUrl = false;
    }
    this.writeUrl('replace');
  }

  private async restoreNodes(ids: string[], hidden: string[], pinned: string[]): Promise<void> {
    const wanted = new Set(ids);
    this.set({ viewLoad: { state: 'loading' } }, 'none');
    try {
      const asOf = this.view.asOf;
      const all = await limited(ids, 6, (id) => this.api.node(id, { asOf }).catch(() => null));
      const nodes = [];
      const edges = [];
      for (const d of all) {
        if (!d) continue;
        const g = graphFromDetails(d, (other) => wanted.has(other));
        nodes.push(...g.nodes);
        edges.push(...g.edges);
      }
      this.commit({ type: 'replace', graph: { nodes, edges }, hidden, pinned }, { url: 'replace' });
      this.set({ viewLoad: { state: 'ready', data: true } }, 'none');
      const missing = all.filter((d) => !d).length;
      if (missing) this.notify(t('notice.missingNodes', { count: missing }));
    } catch (err) {
      this.set({ viewLoad: { state: 'error', error: toApiError(err) } }, 'none');
    }
  }

  private async loadBase(base: 'start' | 'overview', limit: number): Promise<void> {
    this.set({ viewLoad: { state: 'loading' } }, 'none');
    const asOf = this.view.asOf;
    try {
      const r = base === 'start' ? await this.api.overview({ asOf, limit: START_LIMIT, labels: START_LABELS }) : await this.api.overview({ asOf, limit });
      const graph = base === 'start' ? dropIsolated(r.graph) : r.graph;
      this.commit({ type: 'overview', graph, base }, { fit: true });
      this.set({ viewLoad: { state: 'ready', data: true }, overviewInfo: { truncated: r.truncated, nodes: r.totals.nodes, edges: r.totals.edges } }, 'none');
    } catch (err) {
      if (!isAborted(err)) this.set({ viewLoad: { state: 'error', error: toApiError(err) } }, 'none');
    }
  }

  /** Reloads what the view is based on (after a new date, or when the database is back). */
  reloadBase = (): Promise<void> => {
    const v = this.view;
    if (v.base === 'custom') {
      this.ensureMask();
      return Promise.resolve();
    }
    return this.loadBase(v.base, this.state.overviewLimit);
  };

  /** A custom view dated to a day is masked by what held then, with names as borne then. */
  private ensureMask(): void {
    const v = this.view;
    if (v.base !== 'custom' || !v.asOf || this.state.mask?.date === v.asOf) return;
    const date = v.asOf;
    this.api.overview({ asOf: date, limit: MASK_LIMIT }).then(
      (r) => {
        if (this.view.asOf !== date) return;
        const nodes = Object.fromEntries(r.graph.nodes.map((n) => [n.id, n]));
        const edges = Object.fromEntries(r.graph.edges.map((e) => [e.id, e]));
        this.set({ mask: { date, graph: { nodes, edges } } }, 'none');
      },
      (err) => {
        if (!isAborted(err)) this.notify(t('notice.dateFailed', { message: errorText(toApiError(err)) }));
      },
    );
  }

  // ── The view ─────────────────────────────────────────────────────────────────────────────────────
  /** The calm first view: actors, people, roles, agreements and documents with their links. */
  showStart = () => void this.loadBase('start', START_LIMIT);
  /** The whole network (as far as the server's cap allows). */
  showOverview = () => {
    this.set({ overviewLimit: OVERVIEW_STEP }, 'none');
    void this.loadBase('overview', OVERVIEW_STEP);
  };
  overviewMore = () => {
    const next = this.state.overviewLimit + OVERVIEW_STEP;
    this.set({ overviewLimit: next }, 'none');
    void this.loadBase('overview', next);
  };
  undo = () => {
    this.commit({ type: 'undo' });
    this.set({ menu: null }, 'none');
  };
  redo = () => {
    this.commit({ type: 'redo' });
    this.set({ menu: null }, 'none');
  };
  clearView = () => {
    this.commit({ type: 'clear' });
    this.set({ selection: null, multi: [], panel: { kind: 'none' }, menu: null, expansion: null });
  };
  setFilters = (filters: Filters) => this.commit({ type: 'setFilters', filters });
  setLayout = (layout: LayoutName) => this.commit({ type: 'setLayout', layout });
  relayout = () => this.set({ layoutToken: this.state.layoutToken + 1, fitToken: this.state.fitToken + 1 }, 'none');
  fit = () => this.set({ fitToken: this.state.fitToken + 1 }, 'none');
  showAll = () => this.commit({ type: 'showAll' });
  togglePin = (id: string) => this.commit({ type: 'togglePin', id });

  /** The date the graph is shown as of (null: now). Undoable; the start view and overview are refetched for it. */
  setAsOf = (asOf: string | null) => {
    if (asOf === this.view.asOf) return;
    this.commit({ type: 'setAsOf', asOf });
    if (this.view.base !== 'custom') void this.loadBase(this.view.base, this.state.overviewLimit);
    if (this.state.selection?.kind === 'node') this.refreshDetails(this.state.selection.id);
  };

  hide = (ids: string[]) => {
    this.commit({ type: 'hide', ids });
    this.dropFromSelection(ids);
  };
  remove = (ids: string[]) => {
    this.commit({ type: 'remove', ids });
    this.dropFromSelection(ids);
  };
  private dropFromSelection(ids: string[]): void {
    const gone = new Set(ids);
    const s = this.state;
    const multi = s.multi.filter((id) => !gone.has(id));
    if (s.selection && gone.has(s.selection.id)) this.set({ selection: null, panel: { kind: 'none' }, multi, menu: null });
    else this.set({ multi, menu: null });
  }

  /** Expands a node's neighbours (optionally only some relationship types), page by page. */
  expand = async (id: string, types: string[] = [], offset = 0): Promise<void> => {
    const prev = this.state.expansion;
    const earlier = offset > 0 && prev?.nodeId === id ? prev.leftOut : 0;
    this.set({ expansion: { nodeId: id, types, total: 0, loaded: offset, hasMore: false, loading: true, leftOut: earlier }, menu: null }, 'none');
    try {
      const r = await this.api.expand({ ids: [id], types: types.length ? types : undefined, limit: EXPAND_PAGE, offset, asOf: this.view.asOf ?? undefined });
      this.commit({ type: 'merge', graph: r.graph }, { fit: true });
      this.set({ expansion: { nodeId: id, types, total: r.total, loaded: r.offset + r.returned, hasMore: r.hasMore, loading: false, leftOut: earlier + r.relationshipsLeftOut } }, 'none');
      if (r.returned === 0) this.notify(t('notice.noMoreNeighbours'));
    } catch (err) {
      this.set({ expansion: null }, 'none');
      this.notify(t('notice.expandFailed', { message: errorText(toApiError(err)) }));
    }
  };
  expandMore = () => {
    const e = this.state.expansion;
    if (e) void this.expand(e.nodeId, e.types, e.loaded);
  };
  /** Expands every node of the multi-selection in one step. */
  expandSelected = async (): Promise<void> => {
    const ids = this.state.multi;
    if (!ids.length) return;
    try {
      const r = await this.api.expand({ ids, limit: EXPAND_PAGE * 2, asOf: this.view.asOf ?? undefined });
      this.commit({ type: 'merge', graph: r.graph }, { fit: true });
      if (r.returned === 0) this.notify(t('notice.noMoreNeighbours'));
    } catch (err) {
      this.notify(t('notice.expandFailed', { message: errorText(toApiError(err)) }));
    }
  };

  // ── Selection and panels ─────────────────────────────────────────────────────────────────────────
  selectNode = (id: string, opts: { url?: UrlMode } = {}) => {
    const n = this.view.graph.nodes[id];
    const announcement = n ? t('announce.selected', { name: displayName(n), kind: kindLabel(primaryKind(n.labels)) }) : this.state.announcement;
    const panels = this.state.panels.detailsOpen ? this.state.panels : { ...this.state.panels, detailsOpen: true };
    const same = this.state.selection?.kind === 'node' && this.state.selection.id === id;
    this.set({ selection: { kind: 'node', id }, multi: [], panel: { kind: 'details' }, menu: null, announcement, panels }, opts.url ?? 'replace');
    if (!same || this.state.details.state !== 'ready') this.refreshDetails(id);
  };
  selectEdge = (id: string) => {
    const panels = this.state.panels.detailsOpen ? this.state.panels : { ...this.state.panels, detailsOpen: true };
    this.set({ selection: { kind: 'edge', id }, multi: [], panel: { kind: 'edge' }, menu: null, panels, announcement: t('announce.edge') });
  };
  /** The canvas reports every selected node (shift-click, box select). */
  setMultiSelection = (ids: string[]) => {
    if (ids.length <= 1) {
      if (this.state.multi.length) this.set({ multi: [] }, 'none');
      return;
    }
    if (ids.length === this.state.multi.length && ids.every((id, i) => id === this.state.multi[i])) return;
    this.set({ multi: ids, announcement: t('announce.multi', { count: ids.length }) }, 'none');
  };
  clearSelection = () => this.set({ selection: null, multi: [], panel: { kind: 'none' }, menu: null });
  backgroundTap = () => this.set({ menu: null }, 'none');

  private refreshDetails(id: string): void {
    this.set({ details: { state: 'loading' } }, 'none');
    this.api.selectedNode(id, this.view.asOf).then(
      (d) => this.set({ details: { state: 'ready', data: d } }, 'none'),
      (err) => {
        if (!isAborted(err)) this.set({ details: { state: 'error', error: toApiError(err) } }, 'none');
      },
    );
  }

  /** Selects a node, adding it (with its links to what is in view) first if it is not there. */
  focusNode = async (id: string): Promise<void> => {
    if (!this.view.graph.nodes[id]) {
      try {
        const d = await this.api.node(id, { asOf: this.view.asOf });
        const inView = this.view.graph.nodes;
        this.commit({ type: 'merge', graph: graphFromDetails(d, (other) => !!inView[other]) }, { fit: true });
      } catch (err) {
        this.notify(t('notice.addFailed', { message: errorText(toApiError(err)) }));
        return;
      }
    }
    if (this.view.hidden.includes(id)) this.commit({ type: 'showAll' });
    this.selectNode(id);
    setTimeout(() => this.canvas?.centre(id), 450);
  };

  openMenu = (id: string, at: { x: number; y: number }) => this.set({ menu: { id, x: at.x, y: at.y } }, 'none');
  closeMenu = () => this.set({ menu: null }, 'none');
  closePanel = () => this.set({ panel: { kind: 'none' } }, 'none');
  /** From the reader back to what was selected. */
  backToSelection = () => {
    const s = this.state.selection;
    if (s) this.set({ panel: { kind: s.kind === 'edge' ? 'edge' : 'details' } }, 'none');
  };
  openEvidence = (e: Evidence) => this.openArticleAt(e.articleId, { start: e.start, end: e.end });
  openArticle = (id: string) => this.openArticleAt(id, null);
  private openArticleAt(id: string, focus: Span | null): void {
    const panels = this.state.panels.detailsOpen ? this.state.panels : { ...this.state.panels, detailsOpen: true };
    this.set({ panel: { kind: 'article', id, focus }, article: { state: 'loading' }, panels }, 'none');
    this.api.article(id).then(
      (a) => this.set({ article: { state: 'ready', data: a } }, 'none'),
      (err) => {
        if (!isAborted(err)) this.set({ article: { state: 'error', error: toApiError(err) } }, 'none');
      },
    );
  }
  /** A name in the reader: into the graph, selected, and the view fitted to it. */
  goToEntity = (id: string) => void this.focusNode(id);

  setTab = (tab: Tab) => this.set({ tab }, 'push');
  toggleSidebar = () => this.set({ panels: { ...this.state.panels, sidebarOpen: !this.state.panels.sidebarOpen } }, 'none');
  toggleDetails = () => this.set({ panels: { ...this.state.panels, detailsOpen: !this.state.panels.detailsOpen } }, 'none');
  toggleLegend = () => this.set({ panels: { ...this.state.panels, legendOpen: !this.state.panels.legendOpen } }, 'none');
  resizePanel = (which: 'sidebar' | 'details', width: number) => {
    const lim = PANEL_LIMITS[which];
    const w = Math.round(Math.min(lim.max, Math.max(lim.min, width)));
    this.set({ panels: { ...this.state.panels, [which === 'sidebar' ? 'sidebarWidth' : 'detailsWidth']: w } }, 'none');
  };
  dismissNotice = () => this.set({ notice: null }, 'none');

  /** Writes the drawn positions into the address and copies it: the link reopens this very picture. */
  share = async (): Promise<void> => {
    this.writeUrl('replace');
    const loc = this.host.location();
    try {
      await this.host.copy?.(`${window.location.origin}${loc.pathname}${loc.search}${loc.hash}`);
      this.notify(t('notice.linkCopied'));
    } catch {
      this.notify(t('notice.linkInAddress'));
    }
  };

  // ── Paths ────────────────────────────────────────────────────────────────────────────────────────
  setPathFrom = (from: PathEnd | null) => this.set({ path: { ...this.state.path, from }, tab: 'explore' }, 'none');
  setPathTo = (to: PathEnd | null) => this.set({ path: { ...this.state.path, to }, tab: 'explore' }, 'none');
  pathFromNode = (id: string) => {
    const n = this.view.graph.nodes[id];
    this.setPathFrom({ id, name: n ? displayName(n) : id });
  };
  pathToNode = (id: string) => {
    const n = this.view.graph.nodes[id];
    this.setPathTo({ id, name: n ? displayName(n) : id });
  };
  setAvoidArticles = (avoidArticles: boolean) => this.set({ path: { ...this.state.path, avoidArticles } }, 'none');
  findPath = async (): Promise<void> => {
    const { from, to, avoidArticles } = this.state.path;
    if (!from || !to) return;
    this.set({ path: { ...this.state.path, result: { state: 'running' } } }, 'none');
    try {
      const r = await this.api.paths({ from: from.id, to: to.id, maxLength: 6, avoid: avoidArticles ? ['Article'] : [], limit: 3, asOf: this.view.asOf });
      this.set({ path: { ...this.state.path, result: { state: 'ready', data: r } } }, 'none');
      if (r.paths.length) {
        const nodeIds = [...new Set(r.paths.flatMap((p) => p.nodeIds))];
        const edgeIds = [...new Set(r.paths.flatMap((p) => p.edgeIds))];
        this.commit({ type: 'merge', graph: r.graph, path: { nodeIds, edgeIds } }, { fit: true });
      }
    } catch (err) {
      if (!isAborted(err)) this.set({ path: { ...this.state.path, result: { state: 'error', error: toApiError(err) } } }, 'none');
    }
  };
  clearPath = () => {
    this.set({ path: { ...this.state.path, result: { state: 'idle' } } }, 'none');
    this.commit({ type: 'clearPath' });
  };

  // ── Queries ──────────────────────────────────────────────────────────────────────────────────────
  reloadQueries = async (): Promise<void> => {
    try {
      const r = await this.api.queries();
      this.set({ queries: { state: 'ready', data: r.queries } }, 'none');
    } catch (err) {
      this.set({ queries: { state: 'error', error: toApiError(err) } }, 'none');
    }
  };
  openQuery = (name: string | null) => this.set({ openQuery: name }, 'replace');
  setRawParams = (rawParams: Record<string, RawValue>) => this.set({ rawParams }, 'replace');
  setTableOpen = (tableOpen: boolean) => this.set({ tableOpen }, 'none');
  runNamed = (q: QuerySummary, values: Record<string, unknown>) => this.showRun(queryTitle(q), this.api.runQuery(q.name, values));
  runCypher = (cypher: string, values: Record<string, unknown>, types: Record<string, QueryParamType>) => this.showRun('Cypher', this.api.runCypher(cypher, values, types));
  saveQuery: Api['saveQuery'] = (q) => this.api.saveQuery(q);
  updateQuery: Api['updateQuery'] = (name, q) => this.api.updateQuery(name, q);
  deleteQuery: Api['deleteQuery'] = (name) => this.api.deleteQuery(name);
  /** Name search for the search boxes, names as borne on the chosen date. */
  search = (q: string, opts: { limit?: number; labels?: string[]; key?: string } = {}) => this.api.search(q, { ...opts, asOf: this.view.asOf });
  searchArticles = (q: string, limit?: number) => this.api.searchArticles(q, limit);

  /** A link to a query runs it on open, once the library is loaded and the parameters are valid. */
  private async runLinkedQuery(name: string, raw: Record<string, RawValue>): Promise<void> {
    if (this.state.queries.state !== 'ready') await this.reloadQueries();
    const qs = this.state.queries;
    const q = qs.state === 'ready' ? qs.data.find((x) => x.name === name) : undefined;
    if (!q) return;
    const { values, errors } = coerceParams(q.params, raw);
    if (Object.keys(errors).length) return;
    await this.showRun(queryTitle(q), this.api.runQuery(q.name, values), 'replace');
  }

  private async showRun(title: string, promise: Promise<RunResult>, url: UrlMode = 'push'): Promise<void> {
    this.set({ run: { status: 'running', title }, tableOpen: true }, 'none');
    try {
      const r = await promise;
      this.set({ run: stateFromResult(title, r) }, 'none');
      if (r.graph.nodes.length) {
        this.commit({ type: 'replace', graph: r.graph }, { fit: true, url });
        this.set({ selection: null, multi: [], panel: { kind: 'none' } });
      }
    } catch (err) {
      if (!isAborted(err)) this.set({ run: stateFromError(title, toApiError(err)) }, 'none');
    }
  }

  // ── Time ─────────────────────────────────────────────────────────────────────────────────────────
  loadTimeline = async (): Promise<void> => {
    if (this.state.timeline?.state === 'ready' || this.state.timeline?.state === 'loading') return;
    this.set({ timeline: { state: 'loading' } }, 'none');
    try {
      this.set({ timeline: { state: 'ready', data: await this.api.timeline() } }, 'none');
    } catch (err) {
      if (!isAborted(err)) this.set({ timeline: { state: 'error', error: toApiError(err) } }, 'none');
    }
  };
  /** Compares two dates: what appeared, disappeared and was renamed, drawn on the canvas and listed. */
  compare = async (from: string, to: string): Promise<void> => {
    this.set({ diff: { from, to, result: { state: 'loading' } } });
    try {
      const d = await this.api.timeDiff(from, to);
      const cur = this.state.diff;
      if (!cur || cur.from !== from || cur.to !== to) return;
      this.set({ diff: { from, to, result: { state: 'ready', data: d } } }, 'none');
      this.showDiff(true);
    } catch (err) {
      if (!isAborted(err)) this.set({ diff: { from, to, result: { state: 'error', error: toApiError(err) } } }, 'none');
    }
  };
  /** Draws the compared dates' changes on the canvas (adding what they touch to the view), or stops drawing them. */
  showDiff = (show: boolean) => {
    const r = this.state.diff?.result;
    this.set({ diffShown: show && r?.state === 'ready' }, 'none');
    if (!show || r?.state !== 'ready') return;
    const add = diffGraph(r.data);
    if (add.nodes.some((n) => !this.view.graph.nodes[n.id])) this.commit({ type: 'merge', graph: add }, { fit: true });
    else this.fit();
  };
  toggleTimeline = () => {
    this.set({ timelineOpen: !this.state.timelineOpen }, 'none');
    void this.loadTimeline();
  };
  clearDiff = () => this.set({ diff: null, diffShown: false });
}

/** The page's host: the real history, location and clipboard. */
export function browserHost(): Host {
  return {
    location: () => window.location,
    push: (url) => window.history.pushState(null, '', url),
    replace: (url) => window.history.replaceState(null, '', url),
    listen: (onUrl) => {
      window.addEventListener('popstate', onUrl);
      window.addEventListener('hashchange', onUrl);
      return () => {
        window.removeEventListener('popstate', onUrl);
        window.removeEventListener('hashchange', onUrl);
      };
    },
    copy: (text) => navigator.clipboard.writeText(text),
    width: window.innerWidth,
  };
}
