import { z } from 'zod';

/**
 * Building blocks for request schemas whose OpenAPI description must say exactly what the server accepts:
 * JSON Schema counts string lengths in code points and reads query values as typed data, while zod counts
 * UTF-16 units and sees query strings. Each helper validates by the JSON Schema rule and, where zod's own
 * JSON Schema would say something else, registers the description the OpenAPI generator uses instead.
 */

/** JSON Schemas that replace what `z.toJSONSchema` would write for a schema (used by server/http/openapi.ts). */
export const wireSchemas = z.registry<{ jsonSchema: Record<string, unknown> }>();

/** Registers `jsonSchema` as the wire description of `schema` and returns the schema. */
export function describedAs<T extends z.ZodType>(schema: T, jsonSchema: Record<string, unknown>): T {
  wireSchemas.add(schema, { jsonSchema });
  return schema;
}

/** What String.prototype.trim removes (ECMAScript WhiteSpace and LineTerminator), spelt out so Python and JS regexes agree. */
const JS_SPACE = '\\t\\n\\v\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff';
/** Matches a text that holds at least one character trim() keeps. */
export const NOT_BLANK = new RegExp(`[^${JS_SPACE}]`);

/** Length in Unicode code points, as JSON Schema's minLength/maxLength count. */
export function codePoints(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/**
 * Text of at most `max` characters (code points) and at least `min`. `nonBlank`: must hold something besides
 * white space (`message` says what). `trim`: leading and trailing white space is removed after the checks, so
 * the limits apply to the text as sent.
 */
export function text(max: number, options: { min?: number; nonBlank?: boolean; trim?: boolean; message?: string } = {}) {
  const min = options.nonBlank ? Math.max(1, options.min ?? 1) : (options.min ?? 0);
  let schema = z.string().refine((v) => codePoints(v) <= max, `at most ${max.toLocaleString('en')} characters`);
  if (min > 0) schema = schema.refine((v) => codePoints(v) >= min, options.message ?? `at least ${min} character${min > 1 ? 's' : ''}`);
  if (options.nonBlank) schema = schema.regex(NOT_BLANK, options.message ?? 'must not be empty or only white space');
  const checked = options.trim ? schema.trim() : schema;
  return checked.meta({ maxLength: max, ...(min > 0 ? { minLength: min } : {}) });
}

/** A whole number in a query string or path: decimal digits only (no "1e2", "0x10", "" or " 5"), within bounds. */
export function queryInt(min: number, max: number) {
  const schema = z
    .string()
    .regex(/^-?\d{1,16}$/, 'a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min, `at least ${min}`).max(max, `at most ${max.toLocaleString('en')}`));
  return describedAs(schema, { type: 'integer', minimum: min, maximum: max });
}

/** A whole number in a JSON body, within bounds. */
export function bodyInt(min: number, max: number) {
  return z.number().int().min(min, `at least ${min}`).max(max, `at most ${max.toLocaleString('en')}`);
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A non-empty list of names from a closed set (the model's labels or relationship types): comma-separated
 * (`types=HOLDS,AT`), as repeated query parameters, or as a JSON array. Duplicates are dropped.
 */
export function nameList<const T extends readonly [string, ...string[]]>(values: T, noun: string) {
  const one = `(?:${values.map(escapeRegex).join('|')})`;
  const pattern = `^${one}(?:,${one})*$`;
  const known = new Set<string>(values);
  const schema = z.union([z.string(), z.array(z.string())]).superRefine((value, ctx) => {
    const items = Array.isArray(value) ? value : value.split(',');
    if (items.length === 0 || (items.length === 1 && items[0] === '')) {
      ctx.addIssue({ code: 'custom', message: `give at least one ${noun}` });
      return;
    }
    const unknown = [...new Set(items.filter((v) => !known.has(v)))];
    if (unknown.length === 0) return;
    const list = unknown.map((u) => (u === '' ? 'an empty name (two commas, or a comma at an end)' : `"${u}"`)).join(', ');
    ctx.addIssue({ code: 'custom', message: `unknown ${noun}${unknown.length > 1 ? 's' : ''} ${list}; known: ${[...values].sort().join(', ')}` });
  });
  describedAs(schema, {
    anyOf: [
      { type: 'string', pattern, description: `Comma-separated ${noun}s` },
      { type: 'array', minItems: 1, items: { type: 'string', enum: [...values] } },
    ],
  });
  return schema.transform((value) => [...new Set(Array.isArray(value) ? value : value.split(','))] as T[number][]);
}

/**
 * A non-empty comma-separated list of ids (`articles=article-001,article-002`), repeated parameters, or a JSON
 * array; no empty items, no white space around them.
 */
export function idList(maxItems: number) {
  const id = '[^,\\t\\n\\v\\f\\r ]+';
  const pattern = `^${id}(?:,${id})*$`;
  const regex = new RegExp(pattern);
  const item = /^[^,\t\n\v\f\r ]+$/;
  const schema = z.union([
    z.string().regex(regex, 'ids separated by commas, without spaces or empty items'),
    z.array(z.string().regex(item, 'an id without commas or spaces')).min(1, 'give at least one id').max(maxItems),
  ]);
  describedAs(schema, { anyOf: [{ type: 'string', pattern }, { type: 'array', minItems: 1, maxItems, items: { type: 'string', pattern: item.source } }] });
  return schema.transform((value) => [...new Set(Array.isArray(value) ? value : value.split(','))]);
}
