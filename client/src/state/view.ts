/**
 * The exploration history: what is in view (plain JSON), what is hidden and pinned, the highlighted path,
 * the filters, the date and the layout, with the steps before and after, so any change can be undone and
 * redone (buttons, Ctrl+Z, Ctrl+Y). A pure reducer, tested without a DOM.
 */
import type { Graph } from '../api/types';
import { EMPTY_VIEW, mergeGraph, NO_FILTERS, removeNodes, viewOf, type Filters, type ViewGraph } from '../graph/elements';
import type { LayoutName } from '../graph/layouts';

export interface PathHighlight {
  nodeIds: string[];
  edgeIds: string[];
}

/**
 * Where the view came from: 'start' (the calm first view of actors, people, roles, agreements and documents),
 * 'overview' (the whole network as fetched), or 'custom' (anything the user built).
 */
export type ViewBase = 'start' | 'overview' | 'custom';

export interface ViewState {
  graph: ViewGraph;
  hidden: string[];
  pinned: string[];
  base: ViewBase;
  path: PathHighlight | null;
  filters: Filters;
  /** ISO date the graph is shown as of, or null for now. */
  asOf: string | null;
  layout: LayoutName;
}

export interface ViewHistory {
  present: ViewState;
  past: ViewState[];
  /** Steps undone, newest last; any new step clears them. */
  future: ViewState[];
}

export const UNDO_LIMIT = 50;

export const INITIAL_STATE: ViewState = { graph: EMPTY_VIEW, hidden: [], pinned: [], base: 'start', path: null, filters: NO_FILTERS, asOf: null, layout: 'fcose' };

export const INITIAL_VIEW: ViewHistory = { present: INITIAL_STATE, past: [], future: [] };

export type ViewAction =
  /** A fresh start view or overview (first load, a new date, or back from a custom view). */
  | { type: 'overview'; graph: Graph; base?: 'start' | 'overview' }
  /** Replaces the view (a query result, a restored link). */
  | { type: 'replace'; graph: Graph; hidden?: string[]; pinned?: string[] }
  | { type: 'merge'; graph: Graph; path?: PathHighlight | null }
  | { type: 'remove'; ids: string[] }
  | { type: 'hide'; ids: string[] }
  | { type: 'showAll' }
  | { type: 'togglePin'; id: string }
  | { type: 'clearPath' }
  /** Empties the canvas (undoable). */
  | { type: 'clear' }
  | { type: 'setFilters'; filters: Filters }
  | { type: 'setAsOf'; asOf: string | null }
  | { type: 'setLayout'; layout: LayoutName }
  /** Sets fields in place without a step (a link being applied, a dated mask arriving). */
  | { type: 'patch'; patch: Partial<Omit<ViewState, 'graph'>> }
  /** Moves to a state already in the history (Back/Forward): `offset` < 0 goes back, > 0 forward. */
  | { type: 'jump'; offset: number }
  | { type: 'undo' }
  | { type: 'redo' };

function step(h: ViewHistory, next: ViewState): ViewHistory {
  return { present: next, past: [...h.past, h.present].slice(-UNDO_LIMIT), future: [] };
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((v, i) => v === b[i]);
export function sameFilters(a: Filters, b: Filters): boolean {
  return sameList(a.hiddenKinds, b.hiddenKinds) && sameList(a.hiddenTypes, b.hiddenTypes) && sameList(a.articles, b.articles);
}

/** Applies one user step to the history. */
export function viewReducer(h: ViewHistory, a: ViewAction): ViewHistory {
  const s = h.present;
  switch (a.type) {
    case 'overview': {
      const base = a.base ?? 'overview';
      const next: ViewState = { ...s, graph: viewOf(a.graph), hidden: [], pinned: [], base, path: null };
      // A new date or a bigger overview replaces that overview in place; leaving another view is a step.
      return s.base === base || Object.keys(s.graph.nodes).length === 0 ? { ...h, present: next } : step(h, next);
    }
    case 'replace':
      return step(h, { ...s, graph: viewOf(a.graph), hidden: a.hidden ?? [], pinned: a.pinned ?? [], base: 'custom', path: null });
    case 'merge':
      return step(h, { ...s, graph: mergeGraph(s.graph, a.graph), base: 'custom', path: a.path === undefined ? s.path : a.path });
    case 'remove': {
      const gone = new Set(a.ids);
      return step(h, {
        ...s,
        graph: removeNodes(s.graph, a.ids),
        hidden: s.hidden.filter((id) => !gone.has(id)),
        pinned: s.pinned.filter((id) => !gone.has(id)),
        base: 'custom',
        path: null,
      });
    }
    case 'hide':
      return step(h, { ...s, hidden: [...new Set([...s.hidden, ...a.ids])], base: 'custom' });
    case 'showAll':
      return s.hidden.length ? step(h, { ...s, hidden: [] }) : h;
    case 'togglePin':
      return step(h, { ...s, pinned: s.pinned.includes(a.id) ? s.pinned.filter((id) => id !== a.id) : [...s.pinned, a.id] });
    case 'clearPath':
      return s.path ? { ...h, present: { ...s, path: null } } : h;
    case 'clear':
      return Object.keys(s.graph.nodes).length ? step(h, { ...s, graph: EMPTY_VIEW, hidden: [], pinned: [], base: 'custom', path: null }) : h;
    case 'setFilters':
      return sameFilters(s.filters, a.filters) ? h : step(h, { ...s, filters: a.filters });
    case 'setAsOf':
      return s.asOf === a.asOf ? h : step(h, { ...s, asOf: a.asOf });
    case 'setLayout':
      return s.layout === a.layout ? h : step(h, { ...s, layout: a.layout });
    case 'patch':
      return { ...h, present: { ...s, ...a.patch } };
    case 'undo':
      return viewReducer(h, { type: 'jump', offset: -1 });
    case 'redo':
      return viewReducer(h, { type: 'jump', offset: 1 });
    case 'jump': {
      if (a.offset < 0) {
        const n = Math.min(-a.offset, h.past.length);
        if (!n) return h;
        const i = h.past.length - n;
        return { present: h.past[i]!, past: h.past.slice(0, i), future: [...h.future, s, ...h.past.slice(i + 1).reverse()] };
      }
      const n = Math.min(a.offset, h.future.length);
      if (!n) return h;
      const i = h.future.length - n;
      return { present: h.future[i]!, past: [...h.past, s, ...h.future.slice(i + 1).reverse()], future: h.future.slice(0, i) };
    }
  }
}
