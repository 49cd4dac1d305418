import { z } from 'zod';
import { Graph } from './graph';
import { bodyInt, codePoints, text } from './wire';

/** The types a query parameter can declare; values are checked and converted to driver types before a run. */
export const PARAM_TYPES = ['string', 'integer', 'float', 'boolean', 'date', 'node', 'list<string>', 'list<integer>'] as const;
export const ParamType = z.enum(PARAM_TYPES).describe('node = the `id` of a node in the graph, checked to exist; date = YYYY-MM-DD');
export type ParamType = z.infer<typeof ParamType>;

/** A JSON value a parameter may take or default to; `null` as a default makes the parameter optional. */
export const ParamValue = z.union([z.string(), z.number(), z.boolean(), z.array(z.string()), z.array(z.number()), z.null()]);
export type ParamValue = z.infer<typeof ParamValue>;

/** Query names are kebab-case, like the library's file names. */
export const QueryName = z
  .string()
  .max(64, 'at most 64 characters')
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'kebab-case: lower-case letters, digits and single hyphens, e.g. "my-partners"');

/**
 * A Cypher parameter name as written after `$` without backticks: Unicode letters (å, ä, ö …), digits and _,
 * not starting with a digit — Cypher's identifier rules, so `$aktör` is one parameter, not `$akt` + "ör".
 */
export const PARAM_NAME_PATTERN = /^[\p{ID_Start}_][\p{ID_Continue}]*$/u;

export const ParamName = z
  .string()
  .regex(PARAM_NAME_PATTERN, 'a Cypher parameter name: letters (å, ä, ö too), digits and _, not starting with a digit')
  .refine((v) => codePoints(v) <= 100, 'at most 100 characters')
  .meta({ maxLength: 100 });

export const QueryParam = z.strictObject({
  name: ParamName,
  type: ParamType,
  default: ParamValue.optional().describe('Used when a run gives no value; null makes the parameter optional'),
  description: text(500).optional(),
});
export type QueryParam = z.infer<typeof QueryParam>;

export const QuerySource = z.enum(['library', 'saved']);

/** A query's texts in English; `title` and `description` beside them are Swedish (the UI's first language). */
export const QueryTranslations = z.object({
  en: z.object({
    title: z.string(),
    description: z.string(),
    params: z.record(z.string(), z.string()).optional().describe('English description of each parameter that has one, by name'),
  }),
});
export type QueryTranslations = z.infer<typeof QueryTranslations>;

/** Who sees a saved query besides its owner: nobody (`private`) or everyone signed in (`shared`). */
export const QueryVisibility = z.enum(['private', 'shared']);
export type QueryVisibility = z.infer<typeof QueryVisibility>;

export const QuerySummary = z.object({
  name: z.string(),
  title: z.string().describe('Swedish for library queries; saved queries keep the words their author wrote'),
  description: z.string().describe('Swedish for library queries; saved queries keep the words their author wrote'),
  i18n: QueryTranslations.optional().describe('The English title, description and parameter descriptions (library queries)'),
  source: QuerySource.describe('library: a curated file in cypher/queries (read-only); saved: an analyst query kept in Neo4j'),
  params: z.array(QueryParam),
  cypher: z.string(),
  createdAt: z.string().optional().describe('ISO date-time, saved queries only'),
  updatedAt: z.string().optional().describe('ISO date-time, saved queries only'),
  owner: z.string().nullable().describe('The user who saved it; null for library queries and for queries saved before queries had owners'),
  visibility: QueryVisibility.describe('private: only its owner sees it; shared: everyone signed in. Library queries and queries without an owner are shared'),
  canEdit: z.boolean().describe('Whether the asker may change or delete it: its owner (an analyst or above); for a query without an owner, admins'),
});
export type QuerySummary = z.infer<typeof QuerySummary>;

export const QueryList = z.object({ queries: z.array(QuerySummary) });
export type QueryList = z.infer<typeof QueryList>;

const CypherText = text(20_000, { nonBlank: true, trim: true, message: 'the Cypher text is empty' });

/** POST /api/queries: an analyst's own query. */
export const SaveQueryBody = z.strictObject({
  name: QueryName,
  title: text(200, { nonBlank: true, trim: true }).optional(),
  description: text(2_000, { nonBlank: true, trim: true, message: 'say what the query answers' }),
  cypher: CypherText,
  params: z.array(QueryParam).max(30).default([]),
  visibility: QueryVisibility.default('private').describe('private (the default): only you see it; shared: everyone signed in may see, run and copy it'),
});
export type SaveQueryBody = z.infer<typeof SaveQueryBody>;

/** PUT /api/queries/:name: replaces title, description, Cypher and params; the name stays. */
export const UpdateQueryBody = SaveQueryBody.extend({
  name: QueryName.optional().describe('If given, must equal the name in the path'),
  visibility: QueryVisibility.optional().describe('private or shared; left out, the query keeps the visibility it has'),
});
export type UpdateQueryBody = z.infer<typeof UpdateQueryBody>;

export const QueryNameParams = z.object({ name: QueryName });

const Limits = {
  timeoutMs: bodyInt(1, 600_000).optional().describe('Ask for a shorter time limit than the server’s (never a longer one)'),
  maxRows: bodyInt(1, 100_000).optional().describe('Ask for fewer rows than the server’s cap (never more)'),
};

/** POST /api/queries/:name/run */
export const RunQueryBody = z.strictObject({
  params: z.record(z.string(), z.unknown()).default({}),
  ...Limits,
});
export type RunQueryBody = z.infer<typeof RunQueryBody>;

/** POST /api/cypher/run: ad-hoc Cypher, always run read-only. */
export const RunCypherBody = z.strictObject({
  cypher: CypherText,
  params: z.record(z.string(), z.unknown()).default({}),
  paramTypes: z.record(z.string(), ParamType).default({}).describe('Declared types for some parameters; others pass as JSON, whole numbers as integers'),
  ...Limits,
});
export type RunCypherBody = z.infer<typeof RunCypherBody>;

/** POST /api/cypher/check */
export const CheckCypherBody = z.strictObject({ cypher: CypherText });
export const CheckResult = z.object({
  queryType: z.string().describe('"r" for a read-only query; anything else is refused before this answer'),
  parameters: z.array(z.string()).describe('The $parameters the text uses'),
});
export type CheckResult = z.infer<typeof CheckResult>;

export const RunResult = z.object({
  columns: z.array(z.string()),
  rows: z.array(z.record(z.string(), z.unknown())).describe('One object per row, values as plain JSON (nodes as {id, labels, properties})'),
  graph: Graph.describe('Every node and relationship found anywhere in the rows; relationships come with both end nodes'),
  counters: z.record(z.string(), z.number()),
  timeMs: z.number(),
  rowCount: z.number().int(),
  truncated: z.boolean().describe('True when the row cap was reached and the rest of the stream was not read'),
  queryType: z.string(),
  limits: z.object({ timeoutMs: z.number().int(), maxRows: z.number().int() }).describe('The limits this run had'),
});
export type RunResult = z.infer<typeof RunResult>;
