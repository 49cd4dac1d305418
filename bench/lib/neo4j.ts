/** Throw-away embedded Neo4j instances for the benchmarks: free port, temp directory, the app's schema. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { createDriver, Database } from '../../server/neo4j/database';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../server/neo4j/embedded';
import { applySchema } from '../../server/neo4j/schema';
import { freePort } from '../../tests/support/ports';

export interface BenchNeo4j {
  instance: EmbeddedNeo4j;
  uri: string;
  password: string;
  version: string;
  driver: Driver;
  db: Database;
  /** Stops the JVM and deletes its data directory. */
  dispose(): Promise<void>;
}

export interface BenchNeo4jSizes {
  heap: string;
  pageCache: string;
  txMax: string;
}

export const DEFAULT_SIZES: BenchNeo4jSizes = { heap: '2g', pageCache: '3g', txMax: '1500m' };

/** Starts an empty embedded Neo4j with the app's constraints and indexes already online. */
export async function startBenchNeo4j(sizes: BenchNeo4jSizes = DEFAULT_SIZES): Promise<BenchNeo4j> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'explorer-bench-neo4j-'));
  const password = 'bench-password-1';
  const instance = await startEmbeddedNeo4j({ port, dataDir, password, startTimeoutMs: 180_000, ...sizes });
  const driver = createDriver(instance.uri, 'neo4j', password);
  // Long loads and exports need more than the app's 5 s default.
  const db = new Database(driver, instance.uri, 'neo4j', 600_000);
  await applySchema(db);
  return {
    instance,
    uri: instance.uri,
    password,
    version: instance.version,
    driver,
    db,
    async dispose() {
      await driver.close().catch(() => {});
      await instance.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Node and relationship counts from the count store (constant time). */
export async function countGraph(driver: Driver): Promise<{ nodes: number; relationships: number }> {
  const { records } = await driver.executeQuery('CALL () { MATCH (n) RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships } RETURN nodes, relationships', {}, { database: 'neo4j', routing: 'READ' });
  return { nodes: Number(records[0]!.get('nodes')), relationships: Number(records[0]!.get('relationships')) };
}
