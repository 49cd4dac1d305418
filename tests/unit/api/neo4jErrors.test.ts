import { Neo4jError } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { DatabaseUnavailableError } from '../../../server/errors';
import { toAppError } from '../../../server/neo4j/errors';

describe('driver errors as API errors', () => {
  it('answers an exhausted connection pool (a driver error with no server code) as 503, not 500', () => {
    const err = toAppError(new Neo4jError('Connection acquisition timed out in 2000 ms. Pool status: Active conn count = 100, Idle conn count = 0.', 'N/A', '50N42', 'error: general processing exception - unexpected error'));
    expect(err).toBeInstanceOf(DatabaseUnavailableError);
    expect((err as DatabaseUnavailableError).status).toBe(503);
  });
});
