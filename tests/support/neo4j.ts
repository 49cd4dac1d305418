import { inject } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { createDriver, Database } from '../../server/neo4j/database';
import { applySchema } from '../../server/neo4j/schema';

let driver: Driver | undefined;

/** A driver connected to the real embedded Neo4j that the integration tests' global setup started. */
export function getTestDriver(): Driver {
  driver ??= createDriver(inject('neo4jUri'), 'neo4j', inject('neo4jPassword'));
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
