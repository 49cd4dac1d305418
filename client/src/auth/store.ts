/**
 * Who is using the app, asked once of GET /api/auth/me: the mode (open on a loopback install, signin
 * otherwise), the signed-in user and their role. Components read it with `useAuth()` and decide what to show
 * with `can(role)`; the server decides what is allowed, this only leaves out controls a role may not use.
 * A 401 from a protected call (client/src/api/client.ts) turns into "signed out": the sign-in page, then back.
 */
import { useMemo, useSyncExternalStore } from 'react';
import { ApiRequestError, api, onConnectivity, onSignedOut, toApiError } from '../api/client';
import type { ApiError } from '../api/types';
import type { MeResponse, Principal, Role } from '../../../contract/auth';
import { roleAtLeast } from './roles';
import { goToHash, parseAuthHash, signInHash } from './route';

export type AuthState =
  | { status: 'loading' }
  /** `expired`: the session ended while the app was open (the sign-in page says so). */
  | { status: 'ready'; me: MeResponse; expired: boolean }
  | { status: 'error'; error: ApiError };

/** What a server without sign-in (no /api/auth/me) amounts to: the open mode. */
const OPEN_ME: MeResponse = { mode: 'open', user: { name: 'local', displayName: 'local', role: 'admin', via: 'open' }, csrfToken: null, oidc: null };

/** Where a single sign-on round trip should come back to (the identity provider returns to the app's root). */
const RETURN_KEY = 'auth.returnTo';

class AuthStore {
  private state: AuthState = { status: 'loading' };
  private readonly listeners = new Set<() => void>();
  private loading: Promise<void> | null = null;
  private starters: (() => void)[] = [];
  private explorerStarted = false;
  /** The user before the session ended: another person signing in then gets a fresh page. */
  private previousUser: string | null = null;

  getState = (): AuthState => this.state;
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
  private set(state: AuthState): void {
    this.state = state;
    for (const l of this.listeners) l();
    if (this.explorerMayStart()) this.releaseStarters();
  }

  /** Asks the server who is signed in; the first call starts it, later ones share the answer. */
  load = (): Promise<void> => {
    this.loading ??= this.fetchMe();
    return this.loading;
  };

  private async fetchMe(): Promise<void> {
    try {
      const me = await api.me();
      if (me.user) this.takeReturnAddress();
      this.set({ status: 'ready', me, expired: false });
    } catch (err) {
      if (err instanceof ApiRequestError && err.status === 404) this.set({ status: 'ready', me: OPEN_ME, expired: false });
      else this.set({ status: 'error', error: toApiError(err) });
    } finally {
      this.loading = null;
    }
  }

  /**
   * Runs `start` (the explorer's store: its first requests) once it is worth it: in the open mode, once
   * someone is signed in, or when the server could not say (the explorer then shows its own banner).
   */
  whenExplorerMayStart = (start: () => void): void => {
    this.starters.push(start);
    if (this.explorerMayStart()) this.releaseStarters();
  };
  private explorerMayStart(): boolean {
    const s = this.state;
    return s.status === 'error' || (s.status === 'ready' && (s.me.mode === 'open' || s.me.user !== null));
  }
  private releaseStarters(): void {
    const run = this.starters;
    if (run.length) this.explorerStarted = true;
    this.starters = [];
    for (const start of run) start();
  }

  /** Signs in; on success goes to `next` (the address the user was at). */
  signIn = async (name: string, password: string, next: string): Promise<void> => {
    const me = await api.signIn({ name, password });
    // Someone else at the keyboard: nothing of the previous person's session stays in memory.
    if (this.previousUser && me.user && me.user.name !== this.previousUser) {
      reloadAt(next);
      return;
    }
    this.previousUser = null;
    if (this.explorerStarted) {
      this.set({ status: 'ready', me, expired: false });
      goToHash(next);
    } else {
      // The explorer starts from the address it finds: put it there first, quietly.
      goToHash(next, { quiet: true });
      this.set({ status: 'ready', me, expired: false });
    }
  };

  /** Signs out and starts the page afresh on the sign-in page, so nothing of this session stays in memory. */
  signOut = async (): Promise<void> => {
    await api.signOut();
    reloadAt('#/signin');
  };

  /** A protected call answered 401: the session is gone (expired, or ended elsewhere). */
  private signedOut = (): void => {
    const s = this.state;
    if (s.status !== 'ready') {
      void this.load();
      return;
    }
    if (s.me.mode !== 'signin') return;
    if (s.me.user) this.previousUser = s.me.user.name;
    this.set({ status: 'ready', me: { ...s.me, user: null, csrfToken: null }, expired: s.me.user !== null || s.expired });
    const here = window.location.hash;
    if (!parseAuthHash(here) || parseAuthHash(here)?.page !== 'signin') goToHash(signInHash(here));
  };

  /** Before leaving for the identity provider: remember where to come back to. */
  rememberReturn = (next: string): void => {
    try {
      if (next) sessionStorage.setItem(RETURN_KEY, next);
    } catch {
      // Without storage the user lands on the start view; nothing else is lost.
    }
  };
  private takeReturnAddress(): void {
    let next: string | null = null;
    try {
      next = sessionStorage.getItem(RETURN_KEY);
      sessionStorage.removeItem(RETURN_KEY);
    } catch {
      return;
    }
    const here = window.location.hash;
    if (next && (here === '' || here === '#' || here === '#/' || parseAuthHash(here)?.page === 'signin')) goToHash(next, { quiet: !this.explorerStarted });
  }

  /** Listens for 401s and, after an outage, asks again who is signed in. */
  start(): void {
    onSignedOut(this.signedOut);
    onConnectivity((state) => {
      if (state === 'ok' && this.state.status === 'error') void this.load();
    });
    void this.load();
  }
}

function reloadAt(hash: string): void {
  window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}${hash}`);
  window.location.reload();
}

/** The one auth store of the page. */
export const authStore = new AuthStore();

/** What components need to know: the mode, who is signed in, and whether their role reaches a given one. */
export interface AuthView {
  status: AuthState['status'];
  mode: MeResponse['mode'] | null;
  user: Principal | null;
  oidc: MeResponse['oidc'];
  expired: boolean;
  /** The server's failure to say who is signed in (status 'error'). */
  error: ApiError | null;
  /** Whether the signed-in user (or the open mode's local admin) has at least this role. */
  can(role: Role): boolean;
}

/** The view of an auth state (pure; `useAuth` and `can` use it). */
export function authView(s: AuthState): AuthView {
  if (s.status !== 'ready') return { status: s.status, mode: null, user: null, oidc: null, expired: false, error: s.status === 'error' ? s.error : null, can: () => false };
  const user = s.me.user ?? (s.me.mode === 'open' ? OPEN_ME.user : null);
  return { status: 'ready', mode: s.me.mode, user, oidc: s.me.oidc, expired: s.expired, error: null, can: (role) => !!user && roleAtLeast(user.role, role) };
}

/** The auth view, re-rendering when it changes. */
export function useAuth(): AuthView {
  const state = useSyncExternalStore(authStore.subscribe, authStore.getState);
  return useMemo(() => authView(state), [state]);
}

/** Whether the current user has at least `role` (outside React). */
export function can(role: Role): boolean {
  return authView(authStore.getState()).can(role);
}
