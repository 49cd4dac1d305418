import neo4j from 'neo4j-driver';
import { ValidationError } from '../errors';
import type { ParamType, ParamValue, QueryParam } from '../../contract/queries';

/** One parameter that cannot be used, and why; the API answers 400 naming it. */
export interface ParamProblem {
  parameter: string;
  message: string;
}

type Checked = { ok: true; value: Exclude<ParamValue, null> } | { ok: false; message: string };

const INTEGER_TEXT = /^[+-]?\d+$/;
const FLOAT_TEXT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(text);
}

function describe(value: unknown): string {
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function listItems(value: unknown): unknown[] | undefined {
  if (Array.isArray(value)) return value;
  if (typeof value === 'string') {
    return value
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  }
  return undefined;
}

function checkInteger(value: unknown): Checked {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return { ok: true, value };
  if (typeof value === 'string' && INTEGER_TEXT.test(value.trim()) && Number.isSafeInteger(Number(value))) return { ok: true, value: Number(value) };
  return { ok: false, message: `expected a whole number, got ${describe(value)}` };
}

/**
 * Checks a value against a declared type and returns it as plain JSON. Text forms are accepted for every
 * type (query strings, the command line, header defaults): "25", "true", "a,b,c".
 */
export function checkParamValue(type: ParamType, value: unknown): Checked {
  switch (type) {
    case 'string':
      return typeof value === 'string' ? { ok: true, value } : { ok: false, message: `expected text, got ${describe(value)}` };
    case 'node':
      return typeof value === 'string' && value.trim() !== ''
        ? { ok: true, value: value.trim() }
        : { ok: false, message: `expected the id of a node (e.g. "actor-skr"), got ${describe(value)}` };
    case 'integer':
      return checkInteger(value);
    case 'float':
      if (typeof value === 'number' && Number.isFinite(value)) return { ok: true, value };
      if (typeof value === 'string' && FLOAT_TEXT.test(value.trim())) return { ok: true, value: Number(value) };
      return { ok: false, message: `expected a number, got ${describe(value)}` };
    case 'boolean':
      if (typeof value === 'boolean') return { ok: true, value };
      if (value === 'true' || value === 'false') return { ok: true, value: value === 'true' };
      return { ok: false, message: `expected true or false, got ${describe(value)}` };
    case 'date':
      return typeof value === 'string' && isCalendarDate(value.trim())
        ? { ok: true, value: value.trim() }
        : { ok: false, message: `expected a date as YYYY-MM-DD, got ${describe(value)}` };
    case 'list<string>': {
      const items = listItems(value);
      if (!items || !items.every((v): v is string => typeof v === 'string')) return { ok: false, message: `expected a list of text (an array, or comma-separated), got ${describe(value)}` };
      return { ok: true, value: items };
    }
    case 'list<integer>': {
      const items = listItems(value);
      const checked = items?.map(checkInteger);
      if (!checked || !checked.every((c) => c.ok)) return { ok: false, message: `expected a list of whole numbers (an array, or comma-separated), got ${describe(value)}` };
      return { ok: true, value: checked.map((c) => (c as { value: number }).value) };
    }
  }
}

/** Reads a default written in a query file's header: `null`, `'quoted text'`, a JSON array, or plain text. */
export function parseDefaultText(type: ParamType, text: string): Checked | { ok: true; value: null } {
  const t = text.trim();
  if (t === 'null') return { ok: true, value: null };
  let value: unknown = t;
  if (/^'.*'$/.test(t)) value = t.slice(1, -1);
  else if (t.startsWith('[')) {
    try {
      value = JSON.parse(t);
    } catch {
      return { ok: false, message: `the default ${t} is not a JSON array` };
    }
  }
  return checkParamValue(type, value);
}

/** Converts a checked plain value to what the driver needs: Integer for integers, Date for dates. */
export function toDriverValue(type: ParamType, value: Exclude<ParamValue, null> | null): unknown {
  if (value === null) return null;
  switch (type) {
    case 'integer':
      return neo4j.int(value as number);
    case 'list<integer>':
      return (value as number[]).map((v) => neo4j.int(v));
    case 'date': {
      const [y, m, d] = (value as string).split('-').map(Number);
      return new neo4j.types.Date(y!, m!, d!);
    }
    default:
      return value;
  }
}

/** Converts undeclared JSON for the driver: whole numbers become Integers (so `LIMIT $n` works), maps and lists recursively. */
export function inferDriverValue(value: unknown): unknown {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return neo4j.int(value);
  if (Array.isArray(value)) return value.map(inferDriverValue);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, inferDriverValue(v)]));
  return value;
}

export interface PreparedParams {
  /** What goes to the driver. */
  driver: Record<string, unknown>;
  /** Parameters of type node with their ids, to be checked against the graph. */
  nodes: { parameter: string; id: string }[];
}

/** Throws the 400 the API answers for parameters: one sentence naming each bad parameter. */
export function paramError(problems: ParamProblem[]): ValidationError {
  const message = problems.map((p) => `parameter "${p.parameter}": ${p.message}`).join('; ');
  return new ValidationError(message, problems);
}

/**
 * Validates run-time values against declared parameters: unknown names, missing values, wrong types. Values
 * not given take the declared default; a null default leaves the parameter null.
 */
export function prepareDeclared(declared: readonly QueryParam[], given: Record<string, unknown>): PreparedParams {
  const problems: ParamProblem[] = [];
  const known = new Set(declared.map((p) => p.name));
  for (const name of Object.keys(given)) {
    if (!known.has(name)) {
      const list = declared.map((p) => p.name).join(', ');
      problems.push({ parameter: name, message: declared.length ? `this query takes no such parameter (it takes ${list})` : 'this query takes no parameters' });
    }
  }
  const driver: Record<string, unknown> = {};
  const nodes: { parameter: string; id: string }[] = [];
  for (const param of declared) {
    const raw = given[param.name];
    if (raw === undefined || raw === null) {
      if (param.default === undefined) {
        problems.push({ parameter: param.name, message: `required (${param.type}${param.description ? `: ${param.description}` : ''})` });
        continue;
      }
      if (param.default === null) {
        driver[param.name] = null;
        continue;
      }
    }
    const checked = checkParamValue(param.type, raw ?? param.default);
    if (!checked.ok) {
      problems.push({ parameter: param.name, message: checked.message });
      continue;
    }
    driver[param.name] = toDriverValue(param.type, checked.value);
    if (param.type === 'node') nodes.push({ parameter: param.name, id: checked.value as string });
  }
  if (problems.length) throw paramError(problems);
  return { driver, nodes };
}

/**
 * Validates the parameters of ad-hoc Cypher: every `$name` the text uses needs a value, no value may go unused,
 * declared types are checked and converted, the rest pass as JSON with whole numbers as Integers.
 */
export function prepareAdHoc(used: readonly string[], given: Record<string, unknown>, types: Record<string, ParamType>): PreparedParams {
  const problems: ParamProblem[] = [];
  const usedSet = new Set(used);
  for (const name of new Set([...Object.keys(given), ...Object.keys(types)])) {
    if (!usedSet.has(name)) problems.push({ parameter: name, message: `the query does not use $${name}` });
  }
  const driver: Record<string, unknown> = {};
  const nodes: { parameter: string; id: string }[] = [];
  for (const name of used) {
    const raw = given[name];
    if (raw === undefined) {
      problems.push({ parameter: name, message: `the query uses $${name} but no value was given` });
      continue;
    }
    const type = types[name];
    if (!type || raw === null) {
      driver[name] = inferDriverValue(raw);
      continue;
    }
    const checked = checkParamValue(type, raw);
    if (!checked.ok) {
      problems.push({ parameter: name, message: checked.message });
      continue;
    }
    driver[name] = toDriverValue(type, checked.value);
    if (type === 'node') nodes.push({ parameter: name, id: checked.value as string });
  }
  if (problems.length) throw paramError(problems);
  return { driver, nodes };
}
