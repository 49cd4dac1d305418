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

/** An ISO calendar date (YYYY-MM-DD) that exists. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  }, 'a real calendar date');
