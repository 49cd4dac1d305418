/**
 * The exploration history: what is in view (plain JSON), what is hidden and pinned, the highlighted path,
 * and the steps before, so any change can be undone (button or Ctrl+Z). A pure reducer, tested without a DOM.
 */
import type { Graph } from '../api/types';
import { EMPTY_VIEW, mergeGraph, removeNodes, viewOf, type ViewGraph } from '../graph/elements';

export interface PathHighlight {
  nodeIds: string[];
  edgeIds: string[];
}

export interface ViewState {
  graph: ViewGraph;
  hidden: string[];
  pinned: string[];
  /** 'overview' while the view is the overview as fetched; any change by the user makes it 'custom'. */
  base: 'overview' | 'custom';
  path: PathHighlight | null;
}

export interface ViewHistory {
  present: ViewState;
  past: ViewState[];
}

export const UNDO_LIMIT = 50;

export const INITIAL_VIEW: ViewHistory = {
  present: { graph: EMPTY_VIEW, hidden: [], pinned: [], base: 'overview', path: null },
  past: [],
};

export type ViewAction =
  /** A fresh overview (first load, a new date, or back from a custom view). */
  | { type: 'overview'; graph: Graph }
  /** Replaces the view (a query result, a restored link). */
  | { type: 'replace'; graph: Graph; hidden?: string[]; pinned?: string[] }
  | { type: 'merge'; graph: Graph; path?: PathHighlight | null }
  | { type: 'remove'; ids: string[] }
  | { type: 'hide'; ids: string[] }
  | { type: 'showAll' }
  | { type: 'togglePin'; id: string }
  | { type: 'clearPath' }
  | { type: 'undo' };

function step(h: ViewHistory, next: ViewState): ViewHistory {
  return { present: next, past: [...h.past, h.present].slice(-UNDO_LIMIT) };
}

/** Applies one user step to the history. */
export function viewReducer(h: ViewHistory, a: ViewAction): ViewHistory {
  const s = h.present;
  switch (a.type) {
    case 'overview': {
      const next: ViewState = { graph: viewOf(a.graph), hidden: [], pinned: [], base: 'overview', path: null };
      // A new date or a bigger overview replaces the overview in place; leaving a custom view is a step.
      return s.base === 'overview' || Object.keys(s.graph.nodes).length === 0 ? { ...h, present: next } : step(h, next);
    }
    case 'replace':
      return step(h, { graph: viewOf(a.graph), hidden: a.hidden ?? [], pinned: a.pinned ?? [], base: 'custom', path: null });
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
    case 'undo': {
      const prev = h.past[h.past.length - 1];
      return prev ? { present: prev, past: h.past.slice(0, -1) } : h;
    }
  }
}
