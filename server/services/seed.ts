import type { Database } from '../neo4j/database';
import type { Logger } from '../neo4j/connect';
import { loadSeedDirectory } from '../seed/load';

/** Loads the seed corpus when the database holds no nodes yet; an existing graph is left alone. */
export async function seedIfEmpty(db: Database, dir: string, log: Logger): Promise<boolean> {
  const result = await db.read<{ n: unknown }>('MATCH (n) RETURN count(n) > 0 AS n');
  if (result.records[0]?.get('n') === true) return false;
  const counts = await loadSeedDirectory(db.driver, dir, { database: db.database });
  log.info(counts, 'Seeded the empty database');
  return true;
}
