import type { AppContext } from '../context';
import { defineRoute } from '../http/route';
import { ArticleDetail, ArticleList, ArticleParams } from '../../contract/explore';
import { articleDetail, listArticles } from '../services/articles';

/** GET /api/articles and GET /api/articles/:id (text with every mention and quote span). */
export function articleRoutes(ctx: AppContext) {
  return [
    defineRoute({
      method: 'get',
      path: '/api/articles',
      tag: 'articles',
      access: 'viewer',
      summary: 'All source articles',
      description: 'Each article with its number of mention spans, distinct entities and facts it is evidence for; oldest first.',
      response: ArticleList,
      handler: async () => listArticles(ctx.db),
    }),
    defineRoute({
      method: 'get',
      path: '/api/articles/:id',
      tag: 'articles',
      access: 'viewer',
      summary: 'One article with its highlights',
      description: 'The full text with every entity mention span and every evidence quote span (JS string offsets, end exclusive), in reading order.',
      params: ArticleParams,
      response: ArticleDetail,
      errors: { 404: 'No article has this id.' },
      handler: async ({ params }) => articleDetail(ctx.db, params.id),
    }),
  ];
}
