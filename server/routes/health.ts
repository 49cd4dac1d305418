import { HealthResponse } from '../../contract/health';
import type { AppContext } from '../context';
import { defineRoute } from '../http/route';


/** GET /api/health: 200 with the Neo4j version and URI, or 503 within 2 s when the database does not answer. */
export function healthRoutes(ctx: AppContext) {
  return [
    defineRoute({
      method: 'get',
      path: '/api/health',
      tag: 'system',
      access: 'public',
      summary: 'Is the database answering?',
      description: 'Answers 200 with the Neo4j version and URI (never the password), or 503 within 2 seconds when the database does not answer.',
      response: HealthResponse,
      handler: async () => {
        const info = await ctx.db.info(1_800);
        return { status: 'ok' as const, neo4j: { ...info, embedded: ctx.embedded } };
      },
    }),
  ];
}
