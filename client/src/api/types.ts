/**
 * The API contract as the client sees it: the server's own zod schemas, imported as types only, so both
 * ends share one contract. Only `ApiError` (how the client reports any failure) is the client's own.
 */
import type { Evidence, Graph, GraphEdge, GraphNode } from '../../../contract/graph';
import type { HealthResponse } from '../../../contract/health';
import type {
  ArticleDetail,
  ArticleHit,
  ArticleList,
  ArticleSearchResponse,
  Fact,
  GraphResponse,
  Neighbourhood,
  NodeDetail,
  PathsResponse,
  RoleEntry,
  SchemaResponse,
  SearchHit,
  SearchResponse,
  TimeDiff,
  Timeline,
  TimelineArticle,
} from '../../../contract/explore';
import type { ParamType, QueryParam, QuerySummary, RunResult, SaveQueryBody } from '../../../contract/queries';

export type { Evidence, Graph, GraphEdge, GraphNode, HealthResponse };
export type { ArticleHit, ArticleSearchResponse, PathsResponse, SchemaResponse, SearchHit, SearchResponse, TimeDiff };
export type { QueryParam, QuerySummary, RunResult };

export type NodeDetails = NodeDetail;
export type NodeFact = Fact;
export type NodeRole = RoleEntry;
export type PagedGraph = Neighbourhood;
export type OverviewResponse = GraphResponse;
export type ArticleSummary = ArticleList['articles'][number];
export type ArticleResponse = ArticleDetail;
export type ArticleMention = ArticleDetail['mentions'][number];
export type ArticleQuote = ArticleDetail['quotes'][number];
export type QueryParamType = ParamType;
/** GET /api/time/timeline (range null for an empty database; `articles` thinned to `limit` past `articleTotal`). */
export type TimelineResponse = Timeline;
export type { TimelineArticle };
/** Who may see a saved query: its owner only, or everyone signed in (issue 14). */
export type QueryVisibility = 'private' | 'shared';
/** The body of POST /api/queries as the client sends it (params may be left out; visibility defaults to private). */
export type QueryInput = Omit<SaveQueryBody, 'params' | 'visibility'> & { params: QueryParam[]; visibility?: QueryVisibility };
/**
 * A query as listed, with the ownership the server computes for the asker. Optional here so the client works
 * against a server that does not send them (then a saved query is editable by an analyst, as before).
 */
export type OwnedQuery = QuerySummary & { owner?: string | null; visibility?: QueryVisibility; canEdit?: boolean };


/** Every failure the client shows: the server's error code (or a client-side one) and a sentence for the user. */
export interface ApiError {
  code: string;
  message: string;
  status: number;
  details?: unknown;
}
