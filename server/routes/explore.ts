import type { AppContext } from '../context';
import { defineRoute } from '../http/route';
import { ExpandBody, Neighbourhood, NeighboursQuery, NodeParams } from '../../contract/explore';
import { neighbours, type NeighbourFilters } from '../services/explore';

/** GET /api/nodes/:id/neighbours and POST /api/expand: paged neighbourhoods, MENTIONS left out unless asked for. */
export function exploreRoutes(ctx: AppContext) {
  // Labels and types were checked against the model by the contract's schemas (the OpenAPI document lists them).
  const filters = (input: { types?: string[] | undefined; labels?: string[] | undefined; limit: number; offset: number; asOf?: string | undefined; includeMentions: boolean }): NeighbourFilters => ({
    types: input.types ?? null,
    labels: input.labels ?? null,
    limit: input.limit,
    offset: input.offset,
    asOf: input.asOf ?? null,
    includeMentions: input.includeMentions,
  });
  return [
    defineRoute({
      method: 'get',
      path: '/api/nodes/:id/neighbours',
      tag: 'explore',
      access: 'viewer',
      summary: 'Neighbours of one node, paged',
      description:
        'Filter by relationship types and neighbour labels; `asOf` keeps only facts that held on that date. Pages count distinct neighbours ' +
        '(best connected first) and bring the relationships between the node and each of them, at most 10 per neighbour (`relationshipsLeftOut` ' +
        'counts the rest; the node detail lists them all). A hub\'s ranking is remembered while its degree is unchanged. MENTIONS (article ↔ entity) are left out ' +
        'unless `types` names MENTIONS or `includeMentions=true`.',
      params: NodeParams,
      query: NeighboursQuery,
      response: Neighbourhood,
      errors: { 404: 'No node has this id.' },
      handler: async ({ params, query }) => neighbours(ctx.db, [params.id], filters(query)),
    }),
    defineRoute({
      method: 'post',
      path: '/api/expand',
      tag: 'explore',
      access: 'viewer',
      summary: 'Neighbours of several nodes, paged',
      description: 'The neighbourhood of a set of nodes, with the same filters and paging as GET /api/nodes/{id}/neighbours.',
      body: ExpandBody,
      response: Neighbourhood,
      errors: { 404: 'One of the ids names no node.' },
      handler: async ({ body }) => neighbours(ctx.db, [...new Set(body.ids)], filters(body)),
    }),
  ];
}
