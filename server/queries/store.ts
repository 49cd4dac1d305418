import neo4j, { Neo4jError } from 'neo4j-driver';
import { ConflictError, NotFoundError } from '../errors';
import type { Database } from '../neo4j/database';
import { QueryParam, type QuerySummary } from '../../contract/queries';

/** An analyst's query as stored; `params` is kept as a JSON string on the node. */
export interface SavedQueryInput {
  name: string;
  title: string;
  description: string;
  cypher: string;
  params: QueryParam[];
}

const CONSTRAINT = 'CREATE CONSTRAINT saved_query_name IF NOT EXISTS FOR (q:SavedQuery) REQUIRE q.name IS UNIQUE';

function isoOf(value: unknown): string | undefined {
  if (neo4j.isDateTime(value)) return value.toStandardDate().toISOString();
  return typeof value === 'string' ? value : undefined;
}

function toSummary(props: Record<string, unknown>): QuerySummary {
  let params: QueryParam[] = [];
  try {
    params = QueryParam.array().parse(JSON.parse(String(props['params'] ?? '[]')));
  } catch {
    // A hand-edited node with unreadable params lists none; running it then names the missing ones.
  }
  const createdAt = isoOf(props['createdAt']);
  const updatedAt = isoOf(props['updatedAt']);
  return {
    name: String(props['name']),
    title: String(props['title'] ?? props['name']),
    description: String(props['description'] ?? ''),
    source: 'saved',
    params,
    cypher: String(props['cypher'] ?? ''),
    ...(createdAt ? { createdAt } : {}),
    ...(updatedAt ? { updatedAt } : {}),
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

  async list(): Promise<QuerySummary[]> {
    await this.init();
    const result = await this.db.read<{ q: Record<string, unknown> }>('MATCH (q:SavedQuery) RETURN properties(q) AS q ORDER BY q.name');
    return result.records.map((r) => toSummary(r.get('q')));
  }

  async get(name: string): Promise<QuerySummary | undefined> {
    await this.init();
    const result = await this.db.read<{ q: Record<string, unknown> }>('MATCH (q:SavedQuery {name: $name}) RETURN properties(q) AS q', { name });
    const record = result.records[0];
    return record ? toSummary(record.get('q')) : undefined;
  }

  /** Creates a query; a name already saved answers 409. */
  async create(input: SavedQueryInput): Promise<QuerySummary> {
    await this.init();
    try {
      const result = await this.db.write<{ q: Record<string, unknown> }>(
        `CREATE (q:SavedQuery {name: $name, title: $title, description: $description, cypher: $cypher, params: $params,
                               createdAt: datetime(), updatedAt: datetime()})
         RETURN properties(q) AS q`,
        { ...input, params: JSON.stringify(input.params) },
      );
      return toSummary(result.records[0]!.get('q'));
    } catch (err) {
      if (err instanceof Neo4jError && err.code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
        throw new ConflictError(`A saved query named "${input.name}" already exists. Choose another name, or update it with PUT /api/queries/${input.name}.`);
      }
      throw err;
    }
  }

  /** Replaces a saved query's title, description, Cypher and params; an unknown name answers 404. */
  async update(input: SavedQueryInput): Promise<QuerySummary> {
    await this.init();
    const result = await this.db.write<{ q: Record<string, unknown> }>(
      `MATCH (q:SavedQuery {name: $name})
       SET q.title = $title, q.description = $description, q.cypher = $cypher, q.params = $params, q.updatedAt = datetime()
       RETURN properties(q) AS q`,
      { ...input, params: JSON.stringify(input.params) },
    );
    const record = result.records[0];
    if (!record) throw new NotFoundError(`There is no saved query named "${input.name}".`);
    return toSummary(record.get('q'));
  }

  /** Deletes a saved query; answers whether there was one. */
  async remove(name: string): Promise<boolean> {
    await this.init();
    const result = await this.db.write<{ deleted: unknown }>('MATCH (q:SavedQuery {name: $name}) DELETE q RETURN count(*) AS deleted', { name });
    return Number(result.records[0]?.get('deleted') ?? 0) > 0;
  }
}
