import { z } from 'zod';

/** The one graph shape every endpoint answers with; the client maps it to Cytoscape elements in one place. */
export const GraphNode = z.object({
  id: z.string().describe('Stable id from the data (e.g. "actor-skr"), or the elementId for nodes without one'),
  labels: z.array(z.string()),
  properties: z.record(z.string(), z.unknown()),
});
export type GraphNode = z.infer<typeof GraphNode>;

export const GraphEdge = z.object({
  id: z.string().describe('The fact id for fact relationships, else the elementId'),
  source: z.string(),
  target: z.string(),
  type: z.string(),
  properties: z.record(z.string(), z.unknown()),
});
export type GraphEdge = z.infer<typeof GraphEdge>;

export const Graph = z.object({ nodes: z.array(GraphNode), edges: z.array(GraphEdge) });
export type Graph = z.infer<typeof Graph>;

/** One quoted sentence that supports a fact, located in its article. */
export const Evidence = z.object({
  articleId: z.string(),
  articleTitle: z.string(),
  outlet: z.string().nullable(),
  published: z.string().describe('ISO date'),
  quote: z.string(),
  start: z.number().int(),
  end: z.number().int(),
});
export type Evidence = z.infer<typeof Evidence>;

/** Comma-separated list in a query string (`?types=HOLDS,AT`), or repeated parameters. */
export const csvList = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter(Boolean));

const YEAR = '(?:[0-9]{3}[1-9]|[0-9]{2}[1-9][0-9]|[0-9][1-9][0-9]{2}|[1-9][0-9]{3})';
const LEAP_YEAR = '(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)';
const MONTH_DAY = '(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))';

/**
 * A calendar date as YYYY-MM-DD that exists (leap days included), years 0001–9999. One regular expression,
 * so the OpenAPI document's `pattern` admits exactly the dates the server accepts ([0-9], not \d, which
 * matches other scripts' digits in Python).
 */
export const ISO_DATE_PATTERN = new RegExp(`^(?:${YEAR}-${MONTH_DAY}|${LEAP_YEAR}-02-29)$`);

/** An ISO calendar date (YYYY-MM-DD) that exists. */
export const IsoDate = z.string().regex(ISO_DATE_PATTERN, 'a real calendar date as YYYY-MM-DD (years 0001–9999)').meta({ format: 'date' });
