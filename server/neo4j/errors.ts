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
