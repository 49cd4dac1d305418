import neo4j, { type Driver, type QueryResult, type RecordShape } from 'neo4j-driver';
import { DatabaseUnavailableError } from '../errors';
import { toAppError } from './errors';

export interface DatabaseInfo {
  uri: string;
  database: string;
  version: string;
  edition: string;
}

export interface RunOptions {
  /** Server-side transaction timeout; the server cancels the query after it. */
  timeoutMs?: number;
  /** Free-form metadata shown by `SHOW TRANSACTIONS`, e.g. the request id. */
  metadata?: Record<string, string>;
}

/** Builds a driver tuned so that an outage fails fast instead of retrying for half a minute. */
export function createDriver(uri: string, user: string, password: string): Driver {
  return neo4j.driver(uri, neo4j.auth.basic(user, password), {
    connectionTimeout: 2_000,
    connectionAcquisitionTimeout: 2_000,
    // The driver retries a failed transaction after ~1 s (±20 % jitter) while less than this has elapsed; 500 ms
    // allows exactly one retry, so an outage answers 503 in ~1.2 s. At 1 000 ms a second retry (2 s later) could
    // follow, and requests took up to 3.6 s to fail.
    maxTransactionRetryTime: 500,
    disableLosslessIntegers: false,
    userAgent: 'digiforv-explorer/0.1',
  });
}

/**
 * Starts a query with `Error.stackTraceLimit` at 0. The driver records the caller's stack trace for every query
 * (`new Error().stack`, to put it on a later error); formatting it — with source maps, as `npm start` runs —
 * took ~4 % of the server's CPU under load (a profile at 10 connections). The errors keep their code and
 * message, which is all toAppError reads; only the JavaScript frames of a failed read are lost.
 */
function runWithoutCallerStack<T>(start: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return start();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/** Whether the database can be asked at all; `restarting` while the embedded Neo4j is being started again. */
export type Availability = { state: 'up' } | { state: 'restarting'; since: string; attempt: number };

/** Fetch every record in the first PULL: the app reads whole (small, capped) results, so more PULLs are only round trips. */
const FETCH_ALL = -1;

/** The one place that runs Cypher for the app: reads are auto-commit reads in READ sessions (clusters route them to readers). */
export class Database {
  private availability: Availability = { state: 'up' };

  constructor(
    readonly driver: Driver,
    readonly uri: string,
    readonly database: string,
    readonly defaultTimeoutMs: number,
  ) {}

  /**
   * Runs a read query as an auto-commit transaction in a READ session, with a timeout. One round trip (RUN and
   * PULL pipelined, all records at once) instead of a managed transaction's BEGIN … COMMIT: the explorer's
   * reads went ~1.5–2× faster through the driver this way (1 to 50 concurrent callers). A read is one statement, so it
   * needs no transaction around it; the driver's bookmark manager keeps it causally after the app's writes,
   * and the driver retries it on a fresh connection when a pooled one turns out to be dead.
   */
  async read<R extends RecordShape = RecordShape>(cypher: string, params: Record<string, unknown> = {}, options: RunOptions = {}): Promise<QueryResult<R>> {
    this.assertAvailable();
    const timeoutMs = options.timeoutMs ?? this.defaultTimeoutMs;
    const session = this.driver.session({
      database: this.database,
      defaultAccessMode: neo4j.session.READ,
      bookmarkManager: this.driver.executeQueryBookmarkManager,
      fetchSize: FETCH_ALL,
    });
    try {
      return await runWithoutCallerStack(() => session.run<R>(cypher, params, { timeout: timeoutMs, ...(options.metadata ? { metadata: options.metadata } : {}) }));
    } catch (err) {
      throw toAppError(err, { timeoutMs });
    } finally {
      await session.close();
    }
  }

  /** Runs a write query in a managed write transaction with a timeout (retried by the driver on transient errors). */
  async write<R extends RecordShape = RecordShape>(cypher: string, params: Record<string, unknown> = {}, options: RunOptions = {}): Promise<QueryResult<R>> {
    this.assertAvailable();
    const timeoutMs = options.timeoutMs ?? this.defaultTimeoutMs;
    try {
      return await this.driver.executeQuery<QueryResult<R>>(cypher, params, {
        database: this.database,
        routing: 'WRITE',
        transactionConfig: { timeout: timeoutMs, ...(options.metadata ? { metadata: options.metadata } : {}) },
      });
    } catch (err) {
      throw toAppError(err, { timeoutMs });
    }
  }

  /** Called by the supervisor of the embedded Neo4j: until `markUp`, every query fails at once with 503. */
  markRestarting(attempt: number): void {
    this.availability = { state: 'restarting', since: this.availability.state === 'restarting' ? this.availability.since : new Date().toISOString(), attempt };
  }

  markUp(): void {
    this.availability = { state: 'up' };
  }

  get status(): Availability {
    return this.availability;
  }

  /** Throws at once while the database is known to be away, instead of waiting on connection timeouts. */
  assertAvailable(): void {
    const a = this.availability;
    if (a.state === 'restarting') {
      throw new DatabaseUnavailableError(`The embedded Neo4j stopped and is being started again (attempt ${a.attempt}, since ${a.since}); try again in a few seconds.`, a);
    }
  }

  /** Asks the server who it is; fails within `withinMs` when it does not answer. */
  async info(withinMs = 1_800): Promise<DatabaseInfo> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new DatabaseUnavailableError(`The database at ${this.uri} did not answer within ${withinMs} ms.`)), withinMs);
    });
    try {
      const result = await Promise.race([
        this.read<{ version: string; edition: string }>(
          'CALL dbms.components() YIELD name, versions, edition WHERE name = "Neo4j Kernel" RETURN versions[0] AS version, edition',
          {},
          { timeoutMs: withinMs },
        ),
        deadline,
      ]);
      const record = result.records[0];
      return { uri: this.uri, database: this.database, version: record?.get('version') ?? 'unknown', edition: record?.get('edition') ?? 'unknown' };
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    await this.driver.close();
  }
}
