/**
 * Pure logic of the query workspace: the run state as a union, the mapping of answers and errors onto it,
 * and the typed parameter form (raw text ↔ values, with messages the analyst can act on).
 */
import type { ApiError, QueryParam, QueryParamType, RunResult } from '../api/types';

export type RunStatus = 'idle' | 'running' | 'done' | 'empty' | 'truncated' | 'timeout' | 'refused' | 'error';

export type RunState =
  | { status: 'idle' }
  | { status: 'running'; title: string }
  | { status: 'done' | 'empty' | 'truncated'; title: string; result: RunResult }
  | { status: 'timeout' | 'refused' | 'error'; title: string; code: string; message: string };

/** The state an answer puts the workspace in. */
export function stateFromResult(title: string, result: RunResult): RunState {
  if (result.rowCount === 0 && result.rows.length === 0) return { status: 'empty', title, result };
  if (result.truncated) return { status: 'truncated', title, result };
  return { status: 'done', title, result };
}

/** The state a failure puts the workspace in: timeouts and refusals are told apart from other errors. */
export function stateFromError(title: string, err: ApiError): RunState {
  if (err.code === 'QUERY_TIMEOUT' || err.status === 504) return { status: 'timeout', title, code: err.code, message: err.message };
  if (err.status === 422) return { status: 'refused', title, code: err.code, message: err.message };
  return { status: 'error', title, code: err.code, message: err.message };
}

/** A sentence in Swedish for the state, shown above the result. */
export function describeRunState(s: RunState): string {
  switch (s.status) {
    case 'idle':
      return 'Välj en fråga eller skriv Cypher och kör.';
    case 'running':
      return `Kör ”${s.title}” …`;
    case 'empty':
      return `”${s.title}” gav inga rader (${s.result.timeMs} ms).`;
    case 'truncated':
      return `”${s.title}”: visar de första ${s.result.rows.length} raderna – svaret var längre och har kapats. Begränsa frågan för att se allt.`;
    case 'done':
      return `”${s.title}”: ${s.result.rowCount} ${s.result.rowCount === 1 ? 'rad' : 'rader'}, ${s.result.graph.nodes.length} noder i grafen (${s.result.timeMs} ms).`;
    case 'timeout':
      return `Frågan tog för lång tid och avbröts. Begränsa den (t.ex. med LIMIT eller kortare vägar). ${s.message}`;
    case 'refused':
      return s.code === 'WRITE_REFUSED'
        ? `Frågan försökte skriva till databasen; frågor körs bara med läsrätt. ${s.message}`
        : s.code === 'CYPHER_SYNTAX'
          ? `Frågan innehåller ett syntaxfel: ${s.message}`
          : `Frågan avvisades: ${s.message}`;
    case 'error':
      return `Frågan misslyckades: ${s.message}`;
  }
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

/** Converts one raw value to the parameter's type, or explains in Swedish why it cannot. */
export function coerceParam(type: QueryParamType, raw: RawValue): { ok: true; value: unknown } | { ok: false; message: string } {
  if (type === 'boolean') return { ok: true, value: raw === true || raw === 'true' };
  const text = String(raw).trim();
  switch (type) {
    case 'string':
    case 'node':
      return text ? { ok: true, value: text } : { ok: false, message: type === 'node' ? 'Välj en nod.' : 'Ange ett värde.' };
    case 'integer':
      return INTEGER.test(text) ? { ok: true, value: Number(text) } : { ok: false, message: 'Ange ett heltal.' };
    case 'float':
      return FLOAT.test(text.replace(',', '.')) ? { ok: true, value: Number(text.replace(',', '.')) } : { ok: false, message: 'Ange ett tal.' };
    case 'date':
      return DATE.test(text) && realDate(text) ? { ok: true, value: text } : { ok: false, message: 'Ange ett datum som ÅÅÅÅ-MM-DD.' };
    case 'list<string>': {
      const items = text.split(',').map((s) => s.trim()).filter(Boolean);
      return { ok: true, value: items };
    }
    case 'list<integer>': {
      const items = text.split(',').map((s) => s.trim()).filter(Boolean);
      const bad = items.find((s) => !INTEGER.test(s));
      return bad === undefined ? { ok: true, value: items.map(Number) } : { ok: false, message: `”${bad}” är inte ett heltal.` };
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

/** `$name` parameters used in a Cypher text, in order of first use. */
export function cypherParamNames(cypher: string): string[] {
  const withoutStrings = cypher.replace(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|\/\/[^\n]*/g, ' ');
  const names: string[] = [];
  for (const m of withoutStrings.matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/g)) if (!names.includes(m[1]!)) names.push(m[1]!);
  return names;
}

/** A query name the server accepts: kebab-case, starting with a letter. */
export function validQueryName(name: string): boolean {
  return /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(name) && name.length <= 80;
}
