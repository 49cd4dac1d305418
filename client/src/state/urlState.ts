/**
 * What a copied link carries so that it reopens the same view: the nodes in view and where they were drawn
 * (or "the start view" / "the whole network"), the selection, filters, date, compared dates, layout, the open
 * tab and query with its parameters (a link to a query runs it). Kept in the URL hash.
 */
import { LAYOUTS, type LayoutName } from '../graph/layouts';

export type Tab = 'explore' | 'queries';

export interface UrlState {
  /** Null means the start view (or, with `whole`, the whole network); otherwise exactly these node ids. */
  nodes: string[] | null;
  /** With `nodes` null: the whole network instead of the start view. */
  whole: boolean;
  /** Where each node was drawn (rounded), so a shared link reopens the same picture; null lets the layout place them. */
  positions: Record<string, { x: number; y: number }> | null;
  /** Two dates compared on the canvas (what appeared, disappeared, was renamed between them). */
  diff: { from: string; to: string } | null;
  selected: string | null;
  hidden: string[];
  pinned: string[];
  hiddenKinds: string[];
  hiddenTypes: string[];
  articles: string[];
  /** ISO date the graph is shown as of, or null for "now". */
  asOf: string | null;
  layout: LayoutName;
  tab: Tab;
  query: string | null;
  queryParams: Record<string, unknown>;
}

export const DEFAULT_URL_STATE: UrlState = {
  nodes: null,
  whole: false,
  positions: null,
  diff: null,
  selected: null,
  hidden: [],
  pinned: [],
  hiddenKinds: [],
  hiddenTypes: [],
  articles: [],
  asOf: null,
  layout: 'fcose',
  tab: 'explore',
  query: null,
  queryParams: {},
};

/** Beyond this many nodes a link stores "the overview" instead of every id, to keep links short. */
export const MAX_NODES_IN_URL = 300;

const list = (v: string | null): string[] => (v ? v.split(',').map(decodeURIComponent).filter(Boolean) : []);
const joinList = (ids: readonly string[]): string => ids.map((id) => encodeURIComponent(id)).join(',');

/** Serialises the state to a hash fragment (without '#'); defaults are left out so links stay short. */
export function encodeUrlState(s: UrlState): string {
  const p: string[] = [];
  const add = (k: string, v: string) => p.push(`${k}=${v}`);
  if (s.nodes !== null) add('nodes', joinList(s.nodes));
  if (s.nodes === null && s.whole) add('view', 'all');
  if (s.nodes !== null && s.positions) {
    const pos = s.nodes.map((id) => s.positions![id]);
    if (pos.every(Boolean)) add('pos', pos.map((p) => `${Math.round(p!.x)}_${Math.round(p!.y)}`).join(','));
  }
  if (s.diff) add('cmp', `${s.diff.from}..${s.diff.to}`);
  if (s.selected) add('sel', encodeURIComponent(s.selected));
  if (s.hidden.length) add('hide', joinList(s.hidden));
  if (s.pinned.length) add('pin', joinList(s.pinned));
  if (s.hiddenKinds.length) add('nokind', joinList(s.hiddenKinds));
  if (s.hiddenTypes.length) add('notype', joinList(s.hiddenTypes));
  if (s.articles.length) add('art', joinList(s.articles));
  if (s.asOf) add('asOf', s.asOf);
  if (s.layout !== DEFAULT_URL_STATE.layout) add('layout', s.layout);
  if (s.tab !== 'explore') add('tab', s.tab);
  if (s.query) add('q', encodeURIComponent(s.query));
  if (s.query && Object.keys(s.queryParams).length) add('qp', encodeURIComponent(JSON.stringify(s.queryParams)));
  return p.join('&');
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Reads a hash fragment (with or without '#'); anything malformed falls back to the default for that field. */
export function decodeUrlState(hash: string): UrlState {
  const raw = hash.startsWith('#') ? hash.slice(1) : hash;
  const get = (key: string): string | null => {
    for (const part of raw.split('&')) {
      const i = part.indexOf('=');
      if (i > 0 && part.slice(0, i) === key) return part.slice(i + 1);
    }
    return null;
  };
  const has = (key: string) => get(key) !== null;
  let queryParams: Record<string, unknown> = {};
  const qp = get('qp');
  if (qp) {
    try {
      const parsed: unknown = JSON.parse(decodeURIComponent(qp));
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) queryParams = parsed as Record<string, unknown>;
    } catch {
      queryParams = {};
    }
  }
  const asOf = get('asOf');
  const layout = get('layout');
  const sel = get('sel');
  const q = get('q');
  const nodes = has('nodes') ? list(get('nodes')) : null;
  const cmp = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(get('cmp') ?? '');
  return {
    nodes,
    whole: nodes === null && get('view') === 'all',
    positions: decodePositions(nodes, get('pos')),
    diff: cmp ? { from: cmp[1]!, to: cmp[2]! } : null,
    selected: sel ? decodeURIComponent(sel) : null,
    hidden: list(get('hide')),
    pinned: list(get('pin')),
    hiddenKinds: list(get('nokind')),
    hiddenTypes: list(get('notype')),
    articles: list(get('art')),
    asOf: asOf && ISO_DATE.test(asOf) ? asOf : null,
    layout: (LAYOUTS as readonly string[]).includes(layout ?? '') ? (layout as LayoutName) : DEFAULT_URL_STATE.layout,
    tab: get('tab') === 'queries' ? 'queries' : 'explore',
    query: q ? decodeURIComponent(q) : null,
    queryParams,
  };
}

/** Positions travel as `x_y` pairs in the order of the node list; a list of the wrong length is ignored. */
function decodePositions(nodes: string[] | null, raw: string | null): Record<string, { x: number; y: number }> | null {
  if (!nodes || !raw) return null;
  const pairs = raw.split(',');
  if (pairs.length !== nodes.length) return null;
  const out: Record<string, { x: number; y: number }> = {};
  for (let i = 0; i < pairs.length; i++) {
    const m = /^(-?\d+)_(-?\d+)$/.exec(pairs[i]!);
    if (!m) return null;
    out[nodes[i]!] = { x: Number(m[1]), y: Number(m[2]) };
  }
  return out;
}
