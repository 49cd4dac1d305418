import neo4j, { Neo4jError } from 'neo4j-driver';
import { ConflictError, NotFoundError } from '../errors';
import type { Database } from '../neo4j/database';
import { QueryParam, type QuerySummary, type QueryVisibility } from '../../contract/queries';

/** An analyst's query as stored; `params` is kept as a JSON string on the node. */
export interface SavedQueryInput {
  name: string;
  title: string;
  description: string;
  cypher: string;
  params: QueryParam[];
  visibility: QueryVisibility;
}

/** A saved query as read from Neo4j: everything but `canEdit`, which depends on who asks. */
export type StoredQuery = Omit<QuerySummary, 'canEdit'>;

const CONSTRAINT = 'CREATE CONSTRAINT saved_query_name IF NOT EXISTS FOR (q:SavedQuery) REQUIRE q.name IS UNIQUE';

function isoOf(value: unknown): string | undefined {
  if (neo4j.isDateTime(value)) return value.toStandardDate().toISOString();
  return typeof value === 'string' ? value : undefined;
}

function toSummary(props: Record<string, unknown>): StoredQuery {
  let params: QueryParam[] = [];
  try {
    params = QueryParam.array().parse(JSON.parse(String(props['params'] ?? '[]')));
  } catch {
    // A hand-edited node with unreadable params lists none; running it then names the missing ones.
  }
  const createdAt = isoOf(props['createdAt']);
  const updatedAt = isoOf(props['updatedAt']);
  // Queries saved before they had owners have none: they stay visible to everyone.
  const owner = typeof props['owner'] === 'string' && props['owner'] !== '' ? props['owner'] : null;
  return {
    name: String(props['name']),
    title: String(props['title'] ?? props['name']),
    description: String(props['description'] ?? ''),
    source: 'saved',
    params,
    cypher: String(props['cypher'] ?? ''),
    ...(createdAt ? { createdAt } : {}),
    ...(updatedAt ? { updatedAt } : {}),
    owner,
    visibility: owner === null || props['visibility'] === 'shared' ? 'shared' : 'private',
  };
}

/**
 * Analysts' queries, kept in Neo4j as (:SavedQuery) nodes so they survive restarts. These few writes are the
 * only ones the query feature makes; each is a write transaction of its own that touches SavedQuery nodes only.
 */
export class SavedQueryStore {
  private ready: Promise<void> | undefined;

  constructor(private readonly db: Database) {}

  /** Creates the uniqueness constraint on the name once; retried on the next call if it failed. */
  init(): Promise<void> {
    this.ready ??= this.db.write(CONSTRAINT, {}, { timeoutMs: 30_000 }).then(
      () => undefined,
      (err: unknown) => {
        this.ready = undefined;
        throw err;
      },
    );
    return this.ready;
  }

  /** Every saved query, whoever owns it: the service filters what the asker may see. */
  async list(): Promise<StoredQuery[]> {
    await this.init();
    const result = await this.db.read<{ q: Record<string, unknown> }>('MATCH (q:SavedQuery) RETURN properties(q) AS q ORDER BY q.name');
    return result.records.map((r) => toSummary(r.get('q')));
  }

  async get(name: string): Promise<StoredQuery | undefined> {
    await this.init();
    const result = await this.db.read<{ q: Record<string, unknown> }>('MATCH (q:SavedQuery {name: $name}) RETURN properties(q) AS q', { name });
    const record = result.records[0];
    return record ? toSummary(record.get('q')) : undefined;
  }

  /** Creates a query owned by `owner`; a name already saved answers 409. */
  async create(input: SavedQueryInput, owner: string): Promise<StoredQuery> {
    await this.init();
    try {
      const result = await this.db.write<{ q: Record<string, unknown> }>(
        `CREATE (q:SavedQuery {name: $name, title: $title, description: $description, cypher: $cypher, params: $params,
                               owner: $owner, visibility: $visibility, createdAt: datetime(), updatedAt: datetime()})
         RETURN properties(q) AS q`,
        { ...input, params: JSON.stringify(input.params), owner },
      );
      return toSummary(result.records[0]!.get('q'));
    } catch (err) {
      if (err instanceof Neo4jError && err.code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
        throw new ConflictError(`A saved query named "${input.name}" already exists. Choose another name, or if it is yours, update it with PUT /api/queries/${input.name}.`);
      }
      throw err;
    }
  }

  /**
   * Replaces a saved query's title, description, Cypher, params and visibility, provided it still has the owner
   * the caller checked (null: none); answers 404 if it is gone or changed hands meanwhile. A query without an
   * owner stays shared.
   */
  async update(input: SavedQueryInput, owner: string | null): Promise<StoredQuery> {
    await this.init();
    const result = await this.db.write<{ q: Record<string, unknown> }>(
      `MATCH (q:SavedQuery {name: $name})
       WHERE coalesce(q.owner, '') = $owner
       SET q.title = $title, q.description = $description, q.cypher = $cypher, q.params = $params, q.updatedAt = datetime(),
           q.visibility = CASE WHEN q.owner IS NULL THEN 'shared' ELSE $visibility END
       RETURN properties(q) AS q`,
      { ...input, params: JSON.stringify(input.params), owner: owner ?? '' },
    );
    const record = result.records[0];
    if (!record) throw new NotFoundError(`There is no saved query named "${input.name}".`);
    return toSummary(record.get('q'));
  }

  /** Deletes a saved query if it still has the owner the caller checked (null: none); answers whether it did. */
  async remove(name: string, owner: string | null): Promise<boolean> {
    await this.init();
    const result = await this.db.write<{ deleted: unknown }>(
      "MATCH (q:SavedQuery {name: $name}) WHERE coalesce(q.owner, '') = $owner DELETE q RETURN count(*) AS deleted",
      { name, owner: owner ?? '' },
    );
    return Number(result.records[0]?.get('deleted') ?? 0) > 0;
  }
}
