import type { AppContext } from '../context';
import { defineRoute } from '../http/route';
import { ArticleSearchQuery, ArticleSearchResponse, SearchQuery, SearchResponse } from '../../contract/explore';
import { searchArticles, searchEntities } from '../services/search';

/** GET /api/search (entities by name or alias) and GET /api/search/articles (article text, with passages). */
export function searchRoutes(ctx: AppContext) {
  return [
    defineRoute({
      method: 'get',
      path: '/api/search',
      tag: 'search',
      access: 'viewer',
      summary: 'Find entities by name or alias',
      description:
        'Any name or alias, case- and accent-insensitive ("lantmateriet" finds Lantmäteriet, "skl" and "skr" the same actor), ' +
        'prefixes included for autocomplete ("digg", "Myndigheten för dig"). Exact names rank first. ' +
        'With `asOf` actors are named as they were called on that date (`name`; today\'s name in `currentName`).',
      query: SearchQuery,
      response: SearchResponse,
      handler: async ({ query }) => ({ query: query.q, hits: await searchEntities(ctx.db, query.q, query.limit, query.labels ?? null, query.asOf ?? null) }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/search/articles',
      tag: 'search',
      access: 'viewer',
      summary: 'Find articles by their text',
      description: 'Full-text search with Swedish stemming; each hit carries the passages (sentences) that hold the words, with offsets into the text.',
      query: ArticleSearchQuery,
      response: ArticleSearchResponse,
      handler: async ({ query }) => ({ query: query.q, hits: await searchArticles(ctx.db, query.q, query.limit) }),
    }),
  ];
}
