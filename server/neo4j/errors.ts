import { Neo4jError } from 'neo4j-driver';
import { AppError, DatabaseUnavailableError, QueryRejectedError, QueryTimeoutError } from '../errors';

const UNAVAILABLE = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'Neo.TransientError.General.DatabaseUnavailable',
  'Neo.ClientError.Database.DatabaseNotFound',
  'Neo.ClientError.Security.Unauthorized',
  'Neo.ClientError.Security.AuthenticationRateLimit',
]);

const TIMEOUT = new Set([
  'Neo.ClientError.Transaction.TransactionTimedOut',
  'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
  'Neo.TransientError.Transaction.LockClientStopped',
  'Neo.ClientError.Transaction.TransactionMarkedAsFailed',
]);

/** The limit a memory error names ("… more than the limit 384.0 MiB … db.memory.transaction.max threshold reached"). */
function memoryLimitOf(message: string): string {
  const limit = /limit (\d+(?:\.\d+)? ?[KMGT]i?B)/i.exec(message)?.[1];
  const setting = /([a-z]+(?:\.[a-z_]+)+) threshold/i.exec(message)?.[1] ?? 'db.memory.transaction.max';
  return limit ? `${setting} = ${limit}` : setting;
}

/**
 * Whether a memory-pool error came from the cap on one transaction rather than the cap on all of them. Neo4j 5
 * answers both with MemoryPoolOutOfMemoryError (and GQL status 50N42); only the setting its message names tells
 * them apart, so this one check reads the message.
 */
function isPerTransactionLimit(message: string): boolean {
  return /(^|[^.\w])db\.memory\.transaction\.max threshold/.test(message);
}

/** Maps a driver error to the API's error family by its code, never by its message text. */
export function toAppError(err: unknown, context: { timeoutMs?: number } = {}): unknown {
  if (err instanceof AppError) return err;
  if (!(err instanceof Neo4jError)) return err;
  const code = err.code;
  if (UNAVAILABLE.has(code)) {
    const auth = code.startsWith('Neo.ClientError.Security');
    return new DatabaseUnavailableError(
      auth
        ? 'The database refused the configured credentials. Check NEO4J_USER and NEO4J_PASSWORD.'
        : undefined,
      { neo4jCode: code },
    );
  }
  if (TIMEOUT.has(code) || code === 'Neo.TransientError.Transaction.Terminated' || code === 'Neo.ClientError.Transaction.Terminated') {
    const limit = context.timeoutMs ? ` of ${context.timeoutMs} ms` : '';
    return new QueryTimeoutError(`The query ran past its time limit${limit} and was cancelled on the server.`, { neo4jCode: code });
  }
  if (code === 'Neo.ClientError.Statement.AccessMode' || code === 'Neo.ClientError.Security.Forbidden') {
    return new QueryRejectedError('WRITE_REFUSED', 'The query tried to write or administer the database; queries here run read-only.', { neo4jCode: code });
  }
  if (code.startsWith('Neo.ClientError.Statement.') || code.startsWith('Neo.ClientError.Procedure.')) {
    return new QueryRejectedError('CYPHER_ERROR', `The database rejected the query: ${err.message}`, { neo4jCode: code });
  }
  // One transaction over its memory cap would fail the same way every time: refuse it as the query's fault,
  // naming the limit (the server's message names the setting and the amount), rather than "try again".
  if (code === 'Neo.ClientError.General.TransactionOutOfMemoryError' || (code === 'Neo.TransientError.General.MemoryPoolOutOfMemoryError' && isPerTransactionLimit(err.message))) {
    return new QueryRejectedError('QUERY_MEMORY_LIMIT', `The query needs more memory than one query may use on this database (${memoryLimitOf(err.message)}). Return fewer rows or smaller values: add LIMIT, aggregate, or collect less.`, {
      neo4jCode: code,
    });
  }
  // The driver's own failures carry no server code: above all, no free connection within the acquisition
  // timeout. Admission control keeps requests below the pool size, so this is the database being slow or away.
  if (code === 'N/A') {
    return new DatabaseUnavailableError('The database did not give the explorer a connection in time; try again in a moment.', { neo4jCode: code });
  }
  if (code.startsWith('Neo.TransientError.')) {
    return new DatabaseUnavailableError('The database is busy; try again in a moment.', { neo4jCode: code });
  }
  return err;
}
