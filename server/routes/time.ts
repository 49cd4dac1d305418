import type { AppContext } from '../context';
import { defineRoute } from '../http/route';
import { TimeDiff, TimeDiffQuery, Timeline, TimelineQuery } from '../../contract/explore';
import { timeDiff, timeline } from '../services/time';

/** GET /api/time/diff: what changed in the graph between two dates; GET /api/time/timeline: what happened when. */
export function timeRoutes(ctx: AppContext) {
  return [
    defineRoute({
      method: 'get',
      path: '/api/time/diff',
      tag: 'time',
      access: 'viewer',
      summary: 'What changed between two dates',
      description:
        'Facts and entities that hold on `to` but not on `from` (added) and the other way round (removed), and actors whose name changed. ' +
        'Each node in added/removed carries properties.diff: "added"/"removed", or "context" for an unchanged end of a changed fact.',
      query: TimeDiffQuery,
      response: TimeDiff,
      handler: async ({ query }) => timeDiff(ctx.db, query.from, query.to),
    }),
    defineRoute({
      method: 'get',
      path: '/api/time/timeline',
      tag: 'time',
      access: 'viewer',
      summary: 'The time span of the data, its articles and dated facts',
      description:
        'The earliest and latest date in the data (the range a date picker should offer), the articles by publication date ' +
        '(thinned evenly to `limit` on a large corpus) and how many facts start or end per day (per month when there are many days).',
      query: TimelineQuery,
      response: Timeline,
      handler: async ({ query }) => timeline(ctx.db, query.limit),
    }),
  ];
}
