import type { Config } from './config';
import type { Database } from './neo4j/database';
import type { Logger } from './neo4j/connect';
import type { AuthServices } from './auth/services';

/** What every route module is built from. */
export interface AppContext {
  config: Config;
  db: Database;
  log: Logger;
  /** True when the app runs its own Neo4j. */
  embedded: boolean;
  /**
   * Sign-in: mode, users, sessions, limits and the audit trail. Built by server/main.ts; when a caller leaves it
   * out (tests, tools), `authOf(ctx)` (server/auth/services.ts) builds it on first use — read it through that.
   */
  auth?: AuthServices;
}
