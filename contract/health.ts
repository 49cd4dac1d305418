import { z } from 'zod';

/** GET /api/health's answer. */
export const HealthResponse = z.object({
  status: z.literal('ok'),
  neo4j: z.object({
    uri: z.string(),
    database: z.string(),
    version: z.string(),
    edition: z.string(),
    embedded: z.boolean(),
  }),
});
export type HealthResponse = z.infer<typeof HealthResponse>;
