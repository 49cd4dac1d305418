/**
 * Where the sign-in, audit and users pages live in the address: `#/signin` (with `?next=` the address to return
 * to, and `?error=CODE` from a failed single sign-on), `#/audit` and `#/users`. Like the ingest screens these
 * addresses are hidden from the explorer's store (ingest/route.ts `explorerHost`), so it neither reads nor
 * overwrites them.
 */
import { useSyncExternalStore } from 'react';

export type AuthPage = { page: 'signin'; next: string; error: string | null } | { page: 'audit' } | { page: 'users' };

const PAGES = ['signin', 'audit', 'users'] as const;

/** The page a hash names, or null for any other (explorer, ingest) hash. */
export function parseAuthHash(hash: string): AuthPage | null {
  const h = hash.replace(/^#/, '');
  const m = /^\/(signin|audit|users)(?:\?(.*))?$/.exec(h);
  if (!m) return null;
  const page = m[1] as (typeof PAGES)[number];
  if (page !== 'signin') return { page };
  const q = new URLSearchParams(m[2] ?? '');
  const next = q.get('next') ?? '';
  // Only an address inside the app is a place to return to.
  return { page, next: next.startsWith('#') && !parseAuthHash(next) ? next : '', error: q.get('error') };
}

/** Whether a hash belongs to one of these pages. */
export function isAuthHash(hash: string): boolean {
  return parseAuthHash(hash) !== null;
}

/** The sign-in page's hash, remembering the address to return to. */
export function signInHash(next = ''): string {
  const back = next && next !== '#' && !isAuthHash(next) ? next : '';
  return back ? `#/signin?${new URLSearchParams({ next: back }).toString()}` : '#/signin';
}

/** Fired when only the page's routes should re-read the address, not the explorer's store (it has not started yet). */
const NAVIGATED = 'auth:navigated';

/**
 * Replaces (or pushes) the address's hash and tells everyone listening: the explorer's store and the route
 * hooks hear a popstate, as on Back; with `quiet`, only the route hooks hear of it.
 */
export function goToHash(hash: string, opts: { push?: boolean; quiet?: boolean } = {}): void {
  const url = `${window.location.pathname}${window.location.search}${hash && hash !== '#' ? hash : ''}`;
  if (opts.push) window.history.pushState(null, '', url);
  else window.history.replaceState(null, '', url);
  window.dispatchEvent(opts.quiet ? new Event(NAVIGATED) : new PopStateEvent('popstate'));
}

// The ingest screens announce their own pushState with 'ingest:navigated' (ingest/route.ts).
const EVENTS = ['popstate', 'hashchange', 'ingest:navigated', NAVIGATED] as const;
const subscribe = (onChange: () => void) => {
  for (const e of EVENTS) window.addEventListener(e, onChange);
  return () => {
    for (const e of EVENTS) window.removeEventListener(e, onChange);
  };
};

/** The current address's hash, re-read on every change. */
export function useHash(): string {
  return useSyncExternalStore(subscribe, () => window.location.hash);
}

/** The auth page of the current address (null elsewhere). */
export function useAuthPage(): AuthPage | null {
  const hash = useHash();
  return parseAuthHash(hash);
}
