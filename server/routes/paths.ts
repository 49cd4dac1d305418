import type { AppContext } from '../context';
import { defineRoute } from '../http/route';
import { PathsQuery, PathsResponse } from '../../contract/explore';
import { shortestPaths } from '../services/paths';

/** GET /api/paths: the shortest connections between two nodes, with the evidence of every edge. */
export function pathRoutes(ctx: AppContext) {
  return [
    defineRoute({
      method: 'get',
      path: '/api/paths',
      tag: 'explore',
      access: 'viewer',
      summary: 'Shortest paths between two nodes',
      description:
        'All shortest paths up to `maxLength` (at most 10) relationships, at most `limit` of them. `avoid=Article` keeps paths from running ' +
        'through articles; MENTIONS are never used unless `includeMentions=true`. Each edge on a path comes with its evidence. ' +
        'With `asOf` actors on the paths are named as they were called on that date (today\'s name in `properties.currentName`).',
      query: PathsQuery,
      response: PathsResponse,
      errors: { 404: '`from` or `to` names no node.' },
      handler: async ({ query }) =>
        shortestPaths(ctx.db, query.from, query.to, { maxLength: query.maxLength, avoid: query.avoid ?? null, limit: query.limit, includeMentions: query.includeMentions, asOf: query.asOf ?? null }),
    }),
  ];
}
