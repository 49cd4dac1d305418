import { inject } from 'vitest';
import neo4j, { type Driver } from 'neo4j-driver';
import { Database } from '../../server/neo4j/database';
import { applySchema } from '../../server/neo4j/schema';

let driver: Driver | undefined;

/**
 * A driver connected to the real embedded Neo4j that the integration tests' global setup started. Unlike the
 * app's driver (which fails within 2 s so an outage answers 503 quickly), it waits and retries, so set-up
 * steps do not fail on a busy machine.
 */
export function getTestDriver(): Driver {
  driver ??= neo4j.driver(inject('neo4jUri'), neo4j.auth.basic('neo4j', inject('neo4jPassword')), {
    connectionTimeout: 30_000,
    connectionAcquisitionTimeout: 60_000,
    maxTransactionRetryTime: 30_000,
  });
  return driver;
}

/** The app's own Database wrapper around the test driver. */
export function getTestDatabase(timeoutMs = 5_000): Database {
  return new Database(getTestDriver(), inject('neo4jUri'), 'neo4j', timeoutMs);
}

/** Deletes every node and relationship and re-applies cypher/schema.cypher. */
export async function resetDatabase(): Promise<void> {
  const db = getTestDatabase(120_000);
  await db.write('MATCH (n) DETACH DELETE n');
  await applySchema(db);
}
