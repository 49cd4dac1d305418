import { Neo4jError } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { AppError, DatabaseUnavailableError } from '../../../server/errors';
import { toAppError } from '../../../server/neo4j/errors';

describe('driver errors as API errors', () => {
  it('answers an exhausted connection pool (a driver error with no server code) as 503, not 500', () => {
    const err = toAppError(new Neo4jError('Connection acquisition timed out in 2000 ms. Pool status: Active conn count = 100, Idle conn count = 0.', 'N/A', '50N42', 'error: general processing exception - unexpected error'));
    expect(err).toBeInstanceOf(DatabaseUnavailableError);
    expect((err as DatabaseUnavailableError).status).toBe(503);
  });
});

describe('memory errors', () => {
  const pool = (setting: string) =>
    toAppError(new Neo4jError(`The allocation of an extra 2.0 MiB would use more than the limit 384.0 MiB. Currently using 383.1 MiB. ${setting} threshold reached`, 'Neo.TransientError.General.MemoryPoolOutOfMemoryError', '50N42', 'error'));

  it('refuses a query over the cap on one transaction as 422, naming the setting and the amount', () => {
    const err = pool('db.memory.transaction.max') as AppError;
    expect(err.status).toBe(422);
    expect(err.code).toBe('QUERY_MEMORY_LIMIT');
    expect(err.message).toContain('db.memory.transaction.max = 384.0 MiB');
  });

  it('answers the cap on all transactions together as 503: it passes when others finish', () => {
    const err = pool('dbms.memory.transaction.total.max') as AppError;
    expect(err.status).toBe(503);
  });
});
