/**
 * Where the ingest screens live in the address: `#/ingest` adds a new article, `#/ingest/<draftId>` reviews a
 * draft (the CLI prints that address). Every other hash belongs to the explorer, whose store must neither read
 * nor overwrite an ingest address: `explorerHost()` hides it from the store while the ingest screens are open.
 */
import { useSyncExternalStore } from 'react';
import { isAuthHash } from '../auth/route';
import type { Host } from '../explorer/store';

export type IngestRoute = { screen: 'add' } | { screen: 'review'; draftId: string };

const PREFIX = '#/ingest';

/** The explorer's address when an ingest screen opened, so "back to the graph" returns to the same view. */
let lastExplorerHash = '';

/** The ingest route a hash names, or null for an explorer hash. */
export function parseIngestHash(hash: string): IngestRoute | null {
  const h = hash.startsWith('#') ? hash : `#${hash}`;
  if (h !== PREFIX && !h.startsWith(`${PREFIX}/`) && !h.startsWith(`${PREFIX}?`)) return null;
  const rest = h.slice(PREFIX.length).replace(/^\//, '').replace(/\?.*$/, '');
  if (!rest) return { screen: 'add' };
  return { screen: 'review', draftId: decodeURIComponent(rest) };
}

/** The hash of an ingest route (`#/ingest`, `#/ingest/draft-…`). */
export function ingestHash(route: IngestRoute): string {
  return route.screen === 'add' ? PREFIX : `${PREFIX}/${encodeURIComponent(route.draftId)}`;
}

/**
 * The explorer's host with the ingest addresses hidden: while one is open the store sees the explorer hash it
 * last saw and its writes are dropped (they would replace the ingest address), and the URL changes it hears are
 * only the explorer's own. Back from the ingest screen to an explorer address reaches the store as usual.
 */
export function explorerHost(inner: Host): Host {
  // The sign-in, audit and users pages (client/src/auth/route.ts) are hidden from the store the same way.
  const notExplorer = (hash: string) => parseIngestHash(hash) !== null || isAuthHash(hash);
  lastExplorerHash = notExplorer(inner.location().hash) ? '' : inner.location().hash;
  const away = () => notExplorer(inner.location().hash);
  const remember = (url: string) => {
    const i = url.indexOf('#');
    lastExplorerHash = i >= 0 ? url.slice(i) : '';
  };
  return {
    ...inner,
    location: () => {
      const loc = inner.location();
      if (away()) return { pathname: loc.pathname, search: loc.search, hash: lastExplorerHash };
      lastExplorerHash = loc.hash;
      return loc;
    },
    push: (url) => {
      if (away()) return;
      remember(url);
      inner.push(url);
    },
    replace: (url) => {
      if (away()) return;
      remember(url);
      inner.replace(url);
    },
    listen: (onUrl) =>
      inner.listen(() => {
        if (!away()) onUrl();
      }),
  };
}

const subscribeUrl = (onChange: () => void) => {
  window.addEventListener('popstate', onChange);
  window.addEventListener('hashchange', onChange);
  window.addEventListener(NAVIGATED, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener('hashchange', onChange);
    window.removeEventListener(NAVIGATED, onChange);
  };
};

/** Fired after `navigate()`: pushState changes the address without any event of its own. */
const NAVIGATED = 'ingest:navigated';

/** The ingest route of the current address (null on the explorer), re-read on every address change. */
export function useIngestRoute(): IngestRoute | null {
  const hash = useSyncExternalStore(subscribeUrl, () => window.location.hash);
  return parseIngestHash(hash);
}

/**
 * Goes to an ingest route (or, with null, back to the explorer at `explorerHash`, else where it was): a new history entry, or a
 * replaced one where the page left behind cannot be shown again (a draft that was accepted or discarded).
 */
export function navigate(route: IngestRoute | null, opts: { replace?: boolean; explorerHash?: string } = {}): void {
  const explorer = (opts.explorerHash ?? lastExplorerHash).replace(/^#/, '');
  const hash = route ? ingestHash(route) : explorer ? `#${explorer}` : '';
  const url = `${window.location.pathname}${window.location.search}${hash}`;
  if (route) {
    if (opts.replace) window.history.replaceState(null, '', url);
    else window.history.pushState(null, '', url);
    window.dispatchEvent(new Event(NAVIGATED));
    return;
  }
  // To the explorer: a popstate tells its store to apply the address, as Back would.
  if (opts.replace) window.history.replaceState(null, '', url);
  else window.history.pushState(null, '', url);
  window.dispatchEvent(new PopStateEvent('popstate'));
}
