/**
 * The one place the client talks to the server: typed functions per endpoint, superseded requests aborted,
 * every failure surfaced as an `ApiError` `{ code, message, status }`, and database reachability broadcast
 * so the shell can show (and clear) a banner. While signed in, every state-changing request carries the
 * session's CSRF token; a 401 from a protected call is broadcast as "signed out" (client/src/auth shows the
 * sign-in page and comes back afterwards).
 */
import type {
  ApiError,
  ArticleResponse,
  ArticleSearchResponse,
  ArticleSummary,
  HealthResponse,
  NodeDetails,
  OverviewResponse,
  PagedGraph,
  PathsResponse,
  QueryInput,
  QueryParamType,
  QuerySummary,
  RunResult,
  SchemaResponse,
  SearchResponse,
  TimeDiff,
  TimelineResponse,
} from './types';
import type { z } from 'zod';
import type { AcceptBody, AcceptResult, ConvertBody, ConvertResult, IngestInput, Proposal, ProposalList } from '../../../contract/ingest';
import type { AddUserBody, AuditAction, AuditList, CSRF_HEADER, MeResponse, SignInBody, UpdateUserBody, UserSummary } from '../../../contract/auth';

/** Thrown by every API function; `code` is the server's error code or NETWORK / ABORTED / BAD_RESPONSE. */
export class ApiRequestError extends Error implements ApiError {
  readonly code: string;
  readonly status: number;
  readonly details?: unknown;
  /** Seconds the server asked to wait before trying again (`Retry-After`: a lock-out, too many sign-ins). */
  readonly retryAfter?: number;
  constructor(err: ApiError & { retryAfter?: number }) {
    super(err.message);
    this.name = 'ApiRequestError';
    this.code = err.code;
    this.status = err.status;
    this.details = err.details;
    if (err.retryAfter !== undefined) this.retryAfter = err.retryAfter;
  }
}

/** True for a request that was cancelled because a newer one replaced it; callers ignore these. */
export function isAborted(err: unknown): boolean {
  return (err instanceof ApiRequestError && err.code === 'ABORTED') || (err instanceof DOMException && err.name === 'AbortError');
}

/** Turns anything thrown into the `{ code, message }` the UI renders. */
export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiRequestError) return { code: err.code, message: err.message, status: err.status, details: err.details };
  return { code: 'CLIENT', message: err instanceof Error ? err.message : String(err), status: 0 };
}

type Connectivity = 'ok' | 'database-down' | 'server-down';
const listeners = new Set<(state: Connectivity, message: string) => void>();
let connectivity: Connectivity = 'ok';

/** Subscribes to database/server reachability; returns the unsubscribe function. */
export function onConnectivity(listener: (state: Connectivity, message: string) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
function setConnectivity(state: Connectivity, message = ''): void {
  if (state === connectivity) return;
  connectivity = state;
  for (const l of listeners) l(state, message);
}

// ── Session ──────────────────────────────────────────────────────────────────────────────────────────
/** The header the CSRF token travels in; typed against the contract so the two cannot drift apart. */
const CSRF: typeof CSRF_HEADER = 'X-CSRF-Token';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** The signed-in session's CSRF token (null: nobody signed in, or the open mode). */
let csrfToken: string | null = null;
const signedOutListeners = new Set<() => void>();

/** Subscribes to "the server no longer knows this browser" (a 401 from a protected call); returns the unsubscribe function. */
export function onSignedOut(listener: () => void): () => void {
  signedOutListeners.add(listener);
  return () => signedOutListeners.delete(listener);
}

/** Sign-in's own calls answer 401 for a wrong password; only other calls mean the session is gone. */
const isAuthCall = (path: string) => path.startsWith('/api/auth/');

type QueryValue = string | number | boolean | string[] | undefined | null;

function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length) params.set(key, value.join(','));
    } else params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

const inflight = new Map<string, AbortController>();

interface RequestOptions {
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** Requests sharing a key supersede each other: starting one aborts the previous. */
  key?: string;
  signal?: AbortSignal;
}

async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  try {
    return await send<T>(method, path, opts);
  } catch (err) {
    // A token that went stale (the session was renewed in another tab) is fetched again, and the request retried once.
    if (!(err instanceof ApiRequestError) || err.code !== 'CSRF_FAILED' || !UNSAFE.has(method)) throw err;
    await api.me();
    return send<T>(method, path, opts);
  }
}

async function send<T>(method: string, path: string, opts: RequestOptions): Promise<T> {
  const controller = new AbortController();
  if (opts.key) {
    inflight.get(opts.key)?.abort();
    inflight.set(opts.key, controller);
  }
  opts.signal?.addEventListener('abort', () => controller.abort(), { once: true });
  let res: Response;
  try {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
    if (csrfToken && UNSAFE.has(method)) headers[CSRF] = csrfToken;
    res = await fetch(buildUrl(path, opts.query), {
      method,
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal: controller.signal,
    });
  } catch (err) {
    if (controller.signal.aborted) throw new ApiRequestError({ code: 'ABORTED', message: 'Ersatt av en nyare begäran.', status: 0 });
    setConnectivity('server-down', 'Servern svarar inte.');
    throw new ApiRequestError({ code: 'NETWORK', message: `Servern svarar inte (${err instanceof Error ? err.message : String(err)}).`, status: 0 });
  } finally {
    if (opts.key && inflight.get(opts.key) === controller) inflight.delete(opts.key);
  }
  if (res.status === 204) {
    setConnectivity('ok');
    return undefined as T;
  }
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    if (controller.signal.aborted) throw new ApiRequestError({ code: 'ABORTED', message: 'Ersatt av en nyare begäran.', status: 0 });
    throw new ApiRequestError({ code: 'BAD_RESPONSE', message: `Servern svarade ${res.status} utan JSON.`, status: res.status });
  }
  if (!res.ok) {
    const e = (body as { error?: { code?: string; message?: string; details?: unknown } })?.error;
    const code = e?.code ?? `HTTP_${res.status}`;
    if (res.status === 503) setConnectivity('database-down', e?.message ?? 'Databasen svarar inte.');
    else if (res.status < 500) setConnectivity('ok');
    if (res.status === 401 && !isAuthCall(path)) {
      csrfToken = null;
      for (const l of signedOutListeners) l();
    }
    const retry = Number(res.headers.get('Retry-After'));
    throw new ApiRequestError({ code, message: e?.message ?? `HTTP ${res.status}`, status: res.status, details: e?.details, ...(retry > 0 ? { retryAfter: retry } : {}) });
  }
  setConnectivity('ok');
  return body as T;
}

/** Keeps the CSRF token of the answer (sign-in, who am I) for the requests that follow. */
function keepCsrf<T extends { csrfToken: string | null }>(answer: T): T {
  csrfToken = answer.csrfToken;
  return answer;
}

/** Query parameters of GET /api/audit (newest first; `before` is the `next` of the page before). */
export interface AuditFilter {
  limit?: number;
  before?: string | null;
  action?: AuditAction | null;
  actor?: string | null;
}

export const api = {
  /** Who is signed in, the mode, the CSRF token to send back, and the single sign-on button (if any). */
  me: () => request<MeResponse>('GET', '/api/auth/me').then(keepCsrf),
  /** Signs in with a name and password; answers as `me()` does. */
  signIn: (body: SignInBody) => request<MeResponse>('POST', '/api/auth/signin', { body }).then(keepCsrf),
  /** Ends the session (the cookie is cleared by the server). */
  signOut: async () => {
    try {
      await request<void>('POST', '/api/auth/signout');
    } finally {
      csrfToken = null;
    }
  },
  /** The audit trail for admins, newest first. */
  audit: (f: AuditFilter = {}) => request<AuditList>('GET', '/api/audit', { query: { limit: f.limit, before: f.before, action: f.action, actor: f.actor }, key: 'audit' }),
  /** Every user account, for admins. */
  users: () => request<{ users: UserSummary[] }>('GET', '/api/admin/users', { key: 'users' }),
  /** Adds a local account (admins); 409 CONFLICT when the name is taken, 400 VALIDATION_FAILED with `details` per field. */
  addUser: (body: AddUserBody) => request<UserSummary>('POST', '/api/admin/users', { body }),
  /**
   * Changes an account (admins): role, disabled (`false` also unlocks), a new password. 409 LAST_ADMIN when no
   * enabled admin would remain; 400 for a password on a single sign-on user; 404 for an unknown name.
   */
  updateUser: (name: string, body: UpdateUserBody) => request<UserSummary>('PATCH', `/api/admin/users/${encodeURIComponent(name)}`, { body }),
  health: () => request<HealthResponse>('GET', '/api/health'),
  search: (q: string, opts: { limit?: number; labels?: string[]; key?: string; asOf?: string | null } = {}) =>
    request<SearchResponse>('GET', '/api/search', { query: { q, limit: opts.limit ?? 10, labels: opts.labels, asOf: opts.asOf }, key: opts.key ?? 'search' }),
  searchArticles: (q: string, limit = 10) => request<ArticleSearchResponse>('GET', '/api/search/articles', { query: { q, limit }, key: 'search-articles' }),
  node: (id: string, opts: { asOf?: string | null; signal?: AbortSignal } = {}) =>
    request<NodeDetails>('GET', `/api/nodes/${encodeURIComponent(id)}`, { query: { asOf: opts.asOf }, signal: opts.signal }),
  /** Details for the side panel (names as borne on `asOf`): a newer selection aborts the previous one. */
  selectedNode: (id: string, asOf?: string | null) => request<NodeDetails>('GET', `/api/nodes/${encodeURIComponent(id)}`, { query: { asOf }, key: 'selected-node' }),
  expand: (body: { ids: string[]; types?: string[]; labels?: string[]; limit?: number; offset?: number; asOf?: string }) =>
    request<PagedGraph>('POST', '/api/expand', { body }),
  paths: (q: { from: string; to: string; maxLength?: number; avoid?: string[]; limit?: number; asOf?: string | null }) =>
    request<PathsResponse>('GET', '/api/paths', { query: { ...q, avoid: q.avoid ?? [] }, key: 'paths' }),
  overview: (q: { labels?: string[]; types?: string[]; articles?: string[]; asOf?: string | null; limit?: number }) =>
    request<OverviewResponse>('GET', '/api/graph', { query: { ...q, limit: q.limit ?? 500 }, key: 'overview' }),
  timeDiff: (from: string, to: string) => request<TimeDiff>('GET', '/api/time/diff', { query: { from, to }, key: 'time-diff' }),
  timeline: () => request<TimelineResponse>('GET', '/api/time/timeline', { key: 'timeline' }),
  articles: () => request<{ articles: ArticleSummary[] }>('GET', '/api/articles'),
  article: (id: string) => request<ArticleResponse>('GET', `/api/articles/${encodeURIComponent(id)}`, { key: 'article' }),
  schema: () => request<SchemaResponse>('GET', '/api/schema'),
  queries: () => request<{ queries: QuerySummary[] }>('GET', '/api/queries'),
  query: (name: string) => request<QuerySummary>('GET', `/api/queries/${encodeURIComponent(name)}`),
  saveQuery: (q: QueryInput) => request<QuerySummary>('POST', '/api/queries', { body: q }),
  updateQuery: (name: string, q: Omit<QueryInput, 'name'>) => request<QuerySummary>('PUT', `/api/queries/${encodeURIComponent(name)}`, { body: q }),
  deleteQuery: (name: string) => request<void>('DELETE', `/api/queries/${encodeURIComponent(name)}`),
  runQuery: (name: string, params: Record<string, unknown>) =>
    request<RunResult>('POST', `/api/queries/${encodeURIComponent(name)}/run`, { body: { params }, key: 'run' }),
  runCypher: (cypher: string, params: Record<string, unknown> = {}, paramTypes: Record<string, QueryParamType> = {}) =>
    request<RunResult>('POST', '/api/cypher/run', { body: { cypher, params, paramTypes }, key: 'run' }),
  /** An uploaded file's text (HTML and Markdown turned into text) with the title and date it states. */
  ingestConvert: (body: z.infer<typeof ConvertBody>) => request<z.infer<typeof ConvertResult>>('POST', '/api/ingest/convert', { body, key: 'ingest-convert' }),
  /** Submits an article: the extractor's proposals come back as a draft. */
  ingestPropose: (body: IngestInput) => request<Proposal>('POST', '/api/ingest/proposals', { body }),
  ingestDrafts: () => request<z.infer<typeof ProposalList>>('GET', '/api/ingest/proposals', { key: 'ingest-drafts' }),
  ingestDraft: (id: string) => request<Proposal>('GET', `/api/ingest/proposals/${encodeURIComponent(id)}`, { key: 'ingest-draft' }),
  ingestDiscard: (id: string) => request<void>('DELETE', `/api/ingest/proposals/${encodeURIComponent(id)}`),
  ingestAccept: (id: string, body: AcceptBody) => request<AcceptResult>('POST', `/api/ingest/proposals/${encodeURIComponent(id)}/accept`, { body }),
};
