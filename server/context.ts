import type { Config } from './config';
import type { Database } from './neo4j/database';
import type { Logger } from './neo4j/connect';

/** What every route module is built from. */
export interface AppContext {
  config: Config;
  db: Database;
  log: Logger;
  /** True when the app runs its own Neo4j. */
  embedded: boolean;
}
