import type { AppContext } from '../context';
import { defineRoute } from '../http/route';
import { GraphQuery, GraphResponse } from '../../contract/explore';
import { overview } from '../services/graph';

/** GET /api/graph: the overview (or a filtered subgraph), capped, optionally as of a date. */
export function graphRoutes(ctx: AppContext) {
  return [
    defineRoute({
      method: 'get',
      path: '/api/graph',
      tag: 'explore',
      access: 'viewer',
      summary: 'Overview graph',
      description:
        'Every entity and article (other labels such as Name only when `labels` names them) and fact, capped at `limit` nodes, best connected first. Filters: `labels`, ' +
        '`types`, `articles` (facts whose evidence includes one of them). With `asOf` only facts and entities that held on that date, and ' +
        'actors named as they were then (`properties.name`; today\'s name in `properties.currentName`).',
      query: GraphQuery,
      response: GraphResponse,
      handler: async ({ query }) =>
        overview(ctx.db, {
          labels: query.labels ?? null,
          types: query.types ?? null,
          articles: query.articles ?? null,
          asOf: query.asOf ?? null,
          limit: query.limit,
          includeMentions: query.includeMentions,
        }),
    }),
  ];
}
