import { z } from 'zod';
import { Evidence, Graph, GraphEdge, GraphNode, IsoDate } from './graph';
import { FACT_TYPE_NAMES, MENTIONS, NODE_LABELS } from './model';
import { bodyInt, idList, nameList, queryInt, text } from './wire';

/**
 * Contracts of the read-only explorer API (search, nodes, neighbourhoods, paths, overview, time, articles,
 * schema). Requests are validated with these schemas and OpenAPI is generated from them; the client imports
 * the response types with `import type`.
 */

// ─── Shared request pieces ───────────────────────────────────────────────────────────────────────

/** `true`/`false`/`1`/`0` in a query string. */
export const QueryFlag = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1')
  .describe('true or false');

/** A node id as it appears on the wire (`actor-skr`), or an elementId for a node without one. */
export const NodeId = text(200, { nonBlank: true, trim: true, message: 'a node id such as "actor-skr"' });

/** Relationship types a filter may name: the model's fact types and MENTIONS. */
const RELATIONSHIP_TYPE_NAMES: [string, ...string[]] = [...FACT_TYPE_NAMES, MENTIONS];

export const LabelList = nameList(NODE_LABELS, 'label').describe('Node labels of the model, comma-separated (e.g. "Actor,Person")');
export const TypeList = nameList(RELATIONSHIP_TYPE_NAMES, 'relationship type').describe('Relationship types of the model, comma-separated (e.g. "HOLDS,AT")');
export const AsOf = IsoDate.describe('Show the graph as it was on this date (YYYY-MM-DD): only facts that held then, names of that time');
/** `asOf` where only names change: actors are called what they were called on that date. */
export const NamesAsOf = IsoDate.describe('Name actors as they were called on this date (YYYY-MM-DD): SKL before 2019-11-27, SKR after');

export const PageLimit = queryInt(1, 200);
export const PageOffset = queryInt(0, 100_000);

// ─── Search ──────────────────────────────────────────────────────────────────────────────────────

export const SearchQuery = z.object({
  q: text(200, { nonBlank: true, trim: true, message: 'the text to search for' }).describe('Any name or alias; accents and case do not matter, a prefix is enough'),
  limit: queryInt(1, 50).default(10),
  labels: LabelList.optional(),
  asOf: NamesAsOf.optional(),
});

export const SearchHit = z.object({
  id: z.string(),
  name: z.string(),
  labels: z.array(z.string()),
  kind: z.string().nullable(),
  aliases: z.array(z.string()),
  score: z.number(),
  currentName: z.string().optional().describe("With `asOf`, today's name of an actor that was called otherwise then (`name` is the name of that date)"),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const SearchResponse = z.object({ query: z.string(), hits: z.array(SearchHit) });
export type SearchResponse = z.infer<typeof SearchResponse>;

export const ArticleSearchQuery = z.object({
  q: text(200, { nonBlank: true, trim: true, message: 'the text to search for' }).describe('Words of the article text; Swedish inflections match ("handslaget" finds "handslag")'),
  limit: queryInt(1, 50).default(10),
});

export const Span = z.object({ start: z.number().int(), end: z.number().int() });

export const Passage = z.object({
  text: z.string(),
  start: z.number().int().describe('Offset of the passage in the article text (JS string index)'),
  end: z.number().int().describe('Exclusive end offset'),
  matches: z.array(Span).describe('The matched words, as offsets into the article text'),
});
export type Passage = z.infer<typeof Passage>;

export const ArticleHit = z.object({
  articleId: z.string(),
  title: z.string(),
  outlet: z.string().nullable(),
  published: z.string(),
  score: z.number(),
  passages: z.array(Passage),
});
export type ArticleHit = z.infer<typeof ArticleHit>;

export const ArticleSearchResponse = z.object({ query: z.string(), hits: z.array(ArticleHit) });
export type ArticleSearchResponse = z.infer<typeof ArticleSearchResponse>;

// ─── Node detail ─────────────────────────────────────────────────────────────────────────────────

export const NodeParams = z.object({ id: NodeId });
export const NodeQuery = z.object({ asOf: NamesAsOf.optional() });

export const Direction = z.enum(['out', 'in']);
export type Direction = z.infer<typeof Direction>;

export const NameHistoryEntry = z.object({
  value: z.string(),
  short: z.string().nullable(),
  validFrom: z.string().nullable().describe('ISO date; null when the text gives no start'),
  validTo: z.string().nullable().describe('ISO date, exclusive; null while the name is in use'),
});

export const DegreeEntry = z.object({ type: z.string(), direction: Direction, count: z.number().int() });

export const Fact = z.object({ edge: GraphEdge, direction: Direction, other: GraphNode, evidence: z.array(Evidence) });
export type Fact = z.infer<typeof Fact>;

export const NodeRef = z.object({ id: z.string(), name: z.string() });

export const RoleEntry = z.object({
  roleId: z.string(),
  title: z.string(),
  organisation: NodeRef.nullable().describe('The organisation, named as it was called when the role is first attested'),
  person: NodeRef.nullable(),
  validFrom: z.string().nullable().describe('ISO date: the stated start, else the date of the first article that attests it'),
  validTo: z.string().nullable(),
  evidence: z.array(Evidence),
});
export type RoleEntry = z.infer<typeof RoleEntry>;

export const MentionedIn = z.object({
  articleId: z.string(),
  title: z.string(),
  outlet: z.string().nullable(),
  published: z.string(),
  count: z.number().int(),
});

export const NodeDetail = z.object({
  node: GraphNode,
  names: z.array(z.string()),
  nameHistory: z.array(NameHistoryEntry),
  degree: z.array(DegreeEntry),
  facts: z.array(Fact),
  roles: z.array(RoleEntry),
  mentionedIn: z.array(MentionedIn),
  totals: z
    .object({ facts: z.number().int(), roles: z.number().int(), mentionedIn: z.number().int() })
    .describe('How many facts, roles and mentioning articles there are; the lists stop at 300 facts, 200 roles and 200 articles'),
});
export type NodeDetail = z.infer<typeof NodeDetail>;

// ─── Neighbourhood / expand ──────────────────────────────────────────────────────────────────────

const neighbourFilters = {
  types: TypeList.optional(),
  labels: LabelList.optional().describe('Only neighbours with one of these labels'),
  asOf: AsOf.optional(),
};

export const NeighboursQuery = z.object({
  ...neighbourFilters,
  limit: PageLimit.default(25).describe('Neighbours per page (at most 200)'),
  offset: PageOffset.default(0),
  includeMentions: QueryFlag.default(false).describe('Also follow MENTIONS (article ↔ entity); implied by types=MENTIONS'),
});
export type NeighboursQuery = z.infer<typeof NeighboursQuery>;

export const ExpandBody = z.strictObject({
  ids: z.array(NodeId).min(1, 'at least one node id').max(100),
  ...neighbourFilters,
  limit: bodyInt(1, 200).default(25).describe('Neighbours per page (at most 200)'),
  offset: bodyInt(0, 100_000).default(0),
  includeMentions: z.boolean().default(false),
});
export type ExpandBody = z.infer<typeof ExpandBody>;

export const Neighbourhood = z.object({
  graph: Graph,
  total: z.number().int().describe('Distinct neighbours matching the filters'),
  offset: z.number().int(),
  returned: z.number().int().describe('Neighbours on this page'),
  hasMore: z.boolean(),
  relationshipsLeftOut: z
    .number()
    .int()
    .describe('Relationships between the seeds and the neighbours on this page that are not in the graph: at most 10 come along per neighbour (the node detail lists them all)'),
});
export type Neighbourhood = z.infer<typeof Neighbourhood>;

// ─── Paths ───────────────────────────────────────────────────────────────────────────────────────

export const PathsQuery = z.object({
  from: NodeId,
  to: NodeId,
  maxLength: queryInt(1, 10).default(6),
  avoid: LabelList.optional().describe('Paths never pass through nodes with these labels (e.g. "Article")'),
  limit: queryInt(1, 25).default(3),
  includeMentions: QueryFlag.default(false).describe('Let paths use MENTIONS (article ↔ entity)'),
  asOf: NamesAsOf.optional(),
});
export type PathsQuery = z.infer<typeof PathsQuery>;

export const PathEntry = z.object({ nodeIds: z.array(z.string()), edgeIds: z.array(z.string()), length: z.number().int() });

export const PathsResponse = z.object({
  paths: z.array(PathEntry),
  graph: Graph,
  evidence: z.record(z.string(), z.array(Evidence)).describe('Evidence of each edge along the paths, by edge id'),
});
export type PathsResponse = z.infer<typeof PathsResponse>;

// ─── Overview graph ──────────────────────────────────────────────────────────────────────────────

export const GraphQuery = z.object({
  labels: LabelList.optional().describe('Only nodes with one of these labels (default: Entity and Article nodes)'),
  types: TypeList.optional().describe('Only relationships of these types, and the nodes they connect (default: every type but MENTIONS)'),
  articles: idList(500).optional().describe('Only facts whose evidence includes one of these article ids (each must name an article)'),
  asOf: AsOf.optional(),
  limit: queryInt(1, 2000).default(500).describe('At most this many nodes (the best connected first)'),
  includeMentions: QueryFlag.default(false),
});
export type GraphQuery = z.infer<typeof GraphQuery>;

export const GraphResponse = z.object({
  graph: Graph,
  truncated: z.boolean(),
  totals: z
    .object({
      nodes: z.number().int(),
      edges: z.number().int().nullable().describe('null for an as-of view of a large graph past the cap: counting would read every relationship'),
    })
    .describe('Sizes before the cap'),
});
export type GraphResponse = z.infer<typeof GraphResponse>;

// ─── Time ────────────────────────────────────────────────────────────────────────────────────────

export const TimeDiffQuery = z.object({ from: IsoDate, to: IsoDate });

export const Rename = z.object({
  id: z.string(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  fromShort: z.string().nullable(),
  toShort: z.string().nullable(),
});

export const TimeDiff = z.object({
  from: z.string(),
  to: z.string(),
  added: Graph.describe('Facts and entities that hold at `to` but not at `from`; end nodes that did not change carry properties.diff = "context"'),
  removed: Graph.describe('Facts and entities that hold at `from` but no longer at `to`'),
  renamed: z.array(Rename),
});
export type TimeDiff = z.infer<typeof TimeDiff>;

export const TimelineQuery = z.object({
  limit: queryInt(1, 2000).default(500).describe('At most this many articles, spread evenly over time when there are more'),
});

export const TimelineArticle = z.object({ id: z.string(), title: z.string(), published: z.string().describe('ISO date'), outlet: z.string().nullable() });
export type TimelineArticle = z.infer<typeof TimelineArticle>;

export const TimelineBucket = z.object({
  date: z.string().describe('ISO date: the day, or the first of the month when `bucket` is "month"'),
  count: z.number().int().describe('Facts that start (validFrom, else firstSeen) or end (validTo) in this bucket'),
});
export type TimelineBucket = z.infer<typeof TimelineBucket>;

export const Timeline = z.object({
  range: z
    .object({ min: z.string(), max: z.string() })
    .nullable()
    .describe('Earliest and latest date in the data (article publication, fact and entity validFrom/validTo/firstSeen); null for an empty database'),
  articles: z.array(TimelineArticle).describe('Articles by publication date, oldest first'),
  articleTotal: z.number().int().describe('How many articles there are; more than `articles` holds when the list was thinned to `limit`'),
  facts: z.array(TimelineBucket).describe('Dated facts per bucket, oldest first; buckets without facts are left out'),
  bucket: z.enum(['day', 'month']).describe('Bucket size of `facts`: days, or months when the facts span more than 400 distinct days'),
});
export type Timeline = z.infer<typeof Timeline>;

// ─── Articles ────────────────────────────────────────────────────────────────────────────────────

export const ArticleSummary = z.object({
  id: z.string(),
  title: z.string(),
  outlet: z.string().nullable(),
  published: z.string(),
  file: z.string(),
  mentionCount: z.number().int().describe('Mention spans in the text'),
  entityCount: z.number().int().describe('Distinct entities mentioned'),
  factCount: z.number().int().describe('Facts with evidence in this article'),
});

export const ArticleList = z.object({ articles: z.array(ArticleSummary) });
export type ArticleList = z.infer<typeof ArticleList>;

export const ArticleParams = z.object({ id: text(200, { nonBlank: true, trim: true, message: 'an article id such as "article-001"' }) });

export const MentionSpan = z.object({
  entityId: z.string(),
  name: z.string(),
  labels: z.array(z.string()),
  start: z.number().int(),
  end: z.number().int(),
  surface: z.string(),
});

export const QuoteSpan = z.object({
  factId: z.string(),
  type: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  quote: z.string(),
  from: NodeRef,
  to: NodeRef,
});

export const ArticleDetail = z.object({
  article: z.object({ id: z.string(), title: z.string(), outlet: z.string().nullable(), published: z.string(), file: z.string(), text: z.string() }),
  mentions: z.array(MentionSpan),
  quotes: z.array(QuoteSpan),
});
export type ArticleDetail = z.infer<typeof ArticleDetail>;

// ─── Schema ──────────────────────────────────────────────────────────────────────────────────────

export const SchemaResponse = z.object({
  labels: z.array(z.object({ label: z.string(), count: z.number().int() })),
  relationshipTypes: z.array(z.object({ type: z.string(), count: z.number().int() })),
  propertyKeys: z.array(z.string()),
});
export type SchemaResponse = z.infer<typeof SchemaResponse>;
