/** Derived values of the store, memoised on the inputs they read, so `useExplorer(selectDerived)` stays stable. */
import type { GraphNode } from '../api/types';
import type { ViewGraph } from '../graph/elements';
import { diffToMarks, type DiffMarks } from '../components/TimeDiffPanel';
import { countKinds, hiddenIds, shownGraph } from './derive';
import type { ExplorerState } from './store';

export interface Derived {
  /** The view with names as of the date. */
  shown: ViewGraph;
  /** Ids filtered, hidden or not holding on the date. */
  out: Set<string>;
  counts: { kinds: Record<string, number>; types: Record<string, number> };
  visibleNodes: GraphNode[];
  visibleEdgeCount: number;
  nodeTotal: number;
  pinned: Set<string>;
  path: Set<string>;
  diff: DiffMarks | null;
}

let cache: { key: unknown[]; value: Derived } | null = null;

export function selectDerived(s: ExplorerState): Derived {
  const v = s.history.present;
  const diffData = s.diffShown && s.diff?.result.state === 'ready' ? s.diff.result.data : null;
  const key = [v.graph, v.hidden, v.filters, v.base, v.asOf, v.pinned, v.path, s.mask, diffData];
  if (cache && cache.key.every((k, i) => k === key[i])) return cache.value;
  const shown = shownGraph(v, s.mask);
  const out = hiddenIds(v, shown, s.mask);
  const visibleNodes = Object.values(shown.nodes).filter((n) => !out.has(n.id));
  const value: Derived = {
    shown,
    out,
    counts: countKinds(shown),
    visibleNodes,
    visibleEdgeCount: Object.keys(shown.edges).filter((id) => !out.has(id)).length,
    nodeTotal: Object.keys(shown.nodes).length,
    pinned: new Set(v.pinned),
    path: new Set([...(v.path?.nodeIds ?? []), ...(v.path?.edgeIds ?? [])]),
    diff: diffData ? diffToMarks(diffData) : null,
  };
  cache = { key, value };
  return value;
}

export const selectView = (s: ExplorerState) => s.history.present;
export const selectCanUndo = (s: ExplorerState) => s.history.past.length > 0;
export const selectCanRedo = (s: ExplorerState) => s.history.future.length > 0;
