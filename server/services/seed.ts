import type { Database } from '../neo4j/database';
import type { Logger } from '../neo4j/connect';
import { loadSeedDirectory } from '../seed/load';

/** Loads the seed corpus when the database holds no articles or entities yet; an existing graph is left alone. */
export async function seedIfEmpty(db: Database, dir: string, log: Logger): Promise<boolean> {
  // Saved queries live in the same database, so only the graph's own labels say whether it is empty.
  const result = await db.read<{ n: unknown }>('RETURN EXISTS { MATCH (:Article) } OR EXISTS { MATCH (:Entity) } AS n');
  if (result.records[0]?.get('n') === true) return false;
  const counts = await loadSeedDirectory(db.driver, dir, { database: db.database });
  log.info(counts, 'Seeded the empty database');
  return true;
}
