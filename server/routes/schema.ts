import type { AppContext } from '../context';
import { defineRoute } from '../http/route';
import { SchemaResponse } from '../../contract/explore';
import { catalogFor } from '../services/catalog';

/** GET /api/schema: labels, relationship types and property keys of the database. */
export function schemaRoutes(ctx: AppContext) {
  const catalog = catalogFor(ctx.db);
  return [
    defineRoute({
      method: 'get',
      path: '/api/schema',
      tag: 'schema',
      access: 'viewer',
      summary: 'Labels, relationship types and property keys',
      description: 'Every label and relationship type with its count, and every property key, as the database reports them.',
      response: SchemaResponse,
      handler: async () => catalog.describe(),
    }),
  ];
}
