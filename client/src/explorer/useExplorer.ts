/** How components read the explorer store: `useExplorer(selector)` re-renders only when the selected value changes. */
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { ExplorerState, ExplorerStore } from './store';

export const ExplorerContext = createContext<ExplorerStore | null>(null);

/** The store itself, for its actions (`const x = useExplorerStore(); x.expand(id)`). */
export function useExplorerStore(): ExplorerStore {
  const store = useContext(ExplorerContext);
  if (!store) throw new Error('useExplorerStore() needs an <ExplorerContext.Provider> above it (see main.tsx).');
  return store;
}

/** A slice of the state; the selector must return a stored value (or a primitive), not a new object per call. */
export function useExplorer<T>(selector: (s: ExplorerState) => T): T {
  const store = useExplorerStore();
  return useSyncExternalStore(store.subscribe, () => selector(store.getState()));
}
