import type { AppContext } from '../context';
import { defineRoute } from '../http/route';
import { NodeDetail, NodeParams, NodeQuery } from '../../contract/explore';
import { nodeDetail } from '../services/nodes';

/** GET /api/nodes/:id: everything known about one node, every fact with its evidence. */
export function nodeRoutes(ctx: AppContext) {
  return [
    defineRoute({
      method: 'get',
      path: '/api/nodes/:id',
      tag: 'explore',
      access: 'viewer',
      summary: 'One node in detail',
      description:
        'Properties, all names (aliases and name history), degree by relationship type and direction, each fact with its evidence ' +
        '(quote, article, outlet, date, offsets), roles over time (held by a person, or at an organisation) and the articles that mention it. ' +
        'With `asOf` the node and the other ends of its facts carry the name of that date in `properties.name` (today\'s in `properties.currentName`).',
      params: NodeParams,
      query: NodeQuery,
      response: NodeDetail,
      errors: { 404: 'No node has this id.' },
      handler: async ({ params, query }) => nodeDetail(ctx.db, params.id, query.asOf ?? null),
    }),
  ];
}
