/** How the ingest screens read their store: `useIngest(selector)` re-renders only when the selected value changes. */
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { IngestState, IngestStore } from './store';

export const IngestContext = createContext<IngestStore | null>(null);

/** The store itself, for its actions. */
export function useIngestStore(): IngestStore {
  const store = useContext(IngestContext);
  if (!store) throw new Error('useIngestStore() needs an <IngestContext.Provider> above it (see App.tsx).');
  return store;
}

/** A slice of the state; the selector must return a stored value (or a primitive), not a new object per call. */
export function useIngest<T>(selector: (s: IngestState) => T): T {
  const store = useIngestStore();
  return useSyncExternalStore(store.subscribe, () => selector(store.getState()));
}
