import type { AppContext } from '../context';
import { defineRoute } from '../http/route';
import { TimeDiff, TimeDiffQuery } from '../../contract/explore';
import { timeDiff } from '../services/time';

/** GET /api/time/diff: what changed in the graph between two dates. */
export function timeRoutes(ctx: AppContext) {
  return [
    defineRoute({
      method: 'get',
      path: '/api/time/diff',
      tag: 'time',
      summary: 'What changed between two dates',
      description:
        'Facts and entities that hold on `to` but not on `from` (added) and the other way round (removed), and actors whose name changed. ' +
        'Each node in added/removed carries properties.diff: "added"/"removed", or "context" for an unchanged end of a changed fact.',
      query: TimeDiffQuery,
      response: TimeDiff,
      handler: async ({ query }) => timeDiff(ctx.db, query.from, query.to),
    }),
  ];
}
