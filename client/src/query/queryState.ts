/**
 * Pure logic of the query workspace: the run state as a union, the mapping of answers and errors onto it,
 * and the typed parameter form (raw text ↔ values, with messages the analyst can act on). Sentences come from
 * the `query` namespace in the current language.
 */
import type { ApiError, QueryParam, QueryParamType, QuerySummary, RunResult } from '../api/types';
import { currentLanguage, i18n, type Language } from '../i18n';
import { errorMessage } from '../i18n/errors';

export { cypherParamNames } from '../../../contract/cypherText';

export type RunStatus = 'idle' | 'running' | 'done' | 'empty' | 'truncated' | 'timeout' | 'refused' | 'error';

export type RunState =
  | { status: 'idle' }
  | { status: 'running'; title: string }
  | { status: 'done' | 'empty' | 'truncated'; title: string; result: RunResult }
  | { status: 'timeout' | 'refused' | 'error'; title: string; code: string; message: string; httpStatus?: number };

/** The state an answer puts the workspace in. */
export function stateFromResult(title: string, result: RunResult): RunState {
  if (result.rowCount === 0 && result.rows.length === 0) return { status: 'empty', title, result };
  if (result.truncated) return { status: 'truncated', title, result };
  return { status: 'done', title, result };
}

/** The state a failure puts the workspace in: timeouts and refusals are told apart from other errors. */
export function stateFromError(title: string, err: ApiError): RunState {
  const common = { title, code: err.code, message: err.message, httpStatus: err.status };
  if (err.code === 'QUERY_TIMEOUT' || err.status === 504) return { status: 'timeout', ...common };
  if (err.status === 422) return { status: 'refused', ...common };
  return { status: 'error', ...common };
}

const tq = (key: string, options?: Record<string, unknown>) => i18n.t(`query:${key}`, options ?? {});

/** A sentence for the state in the UI language, shown above the result; refusals and errors say why in that language too. */
export function describeRunState(s: RunState): string {
  switch (s.status) {
    case 'idle':
      return tq('run.idle');
    case 'running':
      return tq('run.running', { title: s.title });
    case 'empty':
      return tq('run.empty', { title: s.title, ms: s.result.timeMs });
    case 'truncated':
      return tq('run.truncated', { title: s.title, count: s.result.rows.length });
    case 'done':
      return tq('run.done', { title: s.title, count: s.result.rowCount, nodes: s.result.graph.nodes.length, ms: s.result.timeMs });
    case 'timeout':
      return tq('run.timeout');
    case 'refused':
      return errorMessage({ code: s.code, message: s.message, status: s.httpStatus ?? 422 });
    case 'error':
      return tq('run.error', { message: errorMessage({ code: s.code, message: s.message, status: s.httpStatus ?? 0 }) });
  }
}

/** A query's title in the UI language: library queries carry English under `i18n.en`; saved ones keep their author's words. */
export function queryTitle(q: Pick<QuerySummary, 'name' | 'title' | 'i18n'>, lng: Language = currentLanguage()): string {
  return (lng === 'en' ? q.i18n?.en.title : undefined) || q.title || q.name;
}

/** A query's description in the UI language. */
export function queryDescription(q: Pick<QuerySummary, 'description' | 'i18n'>, lng: Language = currentLanguage()): string {
  return (lng === 'en' ? q.i18n?.en.description : undefined) || q.description;
}

/** A parameter's description in the UI language, or undefined when it has none. */
export function paramDescription(q: Pick<QuerySummary, 'i18n'> | null, p: QueryParam, lng: Language = currentLanguage()): string | undefined {
  return (lng === 'en' ? q?.i18n?.en.params?.[p.name] : undefined) || p.description;
}

/** The raw text (or checkbox) value of a parameter field. */
export type RawValue = string | boolean;

/** A parameter's default as the form shows it. */
export function rawDefault(p: QueryParam): RawValue {
  if (p.type === 'boolean') return p.default === true;
  if (p.default === undefined || p.default === null) return '';
  if (Array.isArray(p.default)) return p.default.join(', ');
  return String(p.default);
}

const INTEGER = /^-?\d+$/;
const FLOAT = /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function realDate(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
}

/** Converts one raw value to the parameter's type, or explains (in the UI language) why it cannot. */
export function coerceParam(type: QueryParamType, raw: RawValue): { ok: true; value: unknown } | { ok: false; message: string } {
  if (type === 'boolean') return { ok: true, value: raw === true || raw === 'true' };
  const text = String(raw).trim();
  switch (type) {
    case 'string':
    case 'node':
      return text ? { ok: true, value: text } : { ok: false, message: tq(type === 'node' ? 'params.error.node' : 'params.error.value') };
    case 'integer':
      return INTEGER.test(text) ? { ok: true, value: Number(text) } : { ok: false, message: tq('params.error.integer') };
    case 'float':
      return FLOAT.test(text.replace(',', '.')) ? { ok: true, value: Number(text.replace(',', '.')) } : { ok: false, message: tq('params.error.float') };
    case 'date':
      return DATE.test(text) && realDate(text) ? { ok: true, value: text } : { ok: false, message: tq('params.error.date') };
    case 'list<string>': {
      const items = text.split(',').map((s) => s.trim()).filter(Boolean);
      return { ok: true, value: items };
    }
    case 'list<integer>': {
      const items = text.split(',').map((s) => s.trim()).filter(Boolean);
      const bad = items.find((s) => !INTEGER.test(s));
      return bad === undefined ? { ok: true, value: items.map(Number) } : { ok: false, message: tq('params.error.listInteger', { item: bad }) };
    }
  }
}

/** Converts the whole form; `errors` maps a parameter name to its message and is empty when all are valid. */
export function coerceParams(params: readonly QueryParam[], raw: Record<string, RawValue>): { values: Record<string, unknown>; errors: Record<string, string> } {
  const values: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  for (const p of params) {
    const r = coerceParam(p.type, raw[p.name] ?? rawDefault(p));
    if (r.ok) values[p.name] = r.value;
    else errors[p.name] = r.message;
  }
  return { values, errors };
}

/** Parameter values from a link or a previous run, back to what the form shows. */
export function rawFromValues(params: readonly QueryParam[], values: Record<string, unknown>): Record<string, RawValue> {
  const out: Record<string, RawValue> = {};
  for (const p of params) {
    const v = values[p.name];
    if (v === undefined) out[p.name] = rawDefault(p);
    else if (p.type === 'boolean') out[p.name] = v === true;
    else out[p.name] = Array.isArray(v) ? v.join(', ') : String(v);
  }
  return out;
}

/** A query name the server accepts: kebab-case, starting with a letter. */
export function validQueryName(name: string): boolean {
  return /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(name) && name.length <= 80;
}
