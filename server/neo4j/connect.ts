import type { Config } from '../config';
import { createDriver, Database } from './database';
import { embeddedPassword, portAnswers, startEmbeddedNeo4j, type EmbeddedNeo4j } from './embedded';

export interface Logger {
  info(obj: object | string, msg?: string): void;
  warn(obj: object | string, msg?: string): void;
  error(obj: object | string, msg?: string): void;
  debug(obj: object | string, msg?: string): void;
}

export interface Connection {
  db: Database;
  /** Present when the app started its own Neo4j. */
  embedded: { uri: string; user: string; version: string; pid: () => number } | undefined;
  close(): Promise<void>;
}

/**
 * Connects to the user's Neo4j when NEO4J_URI is set, otherwise starts the embedded one and keeps it running:
 * if its JVM dies, it is started again on the same port and the driver reconnects by itself.
 */
export async function connect(config: Config, log: Logger, opts: { attach?: boolean } = {}): Promise<Connection> {
  if (opts.attach && !config.neo4j.uri) {
    const running = await attachToRunning(config);
    if (running) return running;
  }
  if (config.neo4j.uri) {
    const driver = createDriver(config.neo4j.uri, config.neo4j.user, config.neo4j.password ?? '');
    const db = new Database(driver, config.neo4j.uri, config.neo4j.database, config.queryTimeoutMs);
    return { db, embedded: undefined, close: () => db.close() };
  }

  const options = {
    port: config.embedded.port,
    dataDir: config.embedded.dataDir,
    heap: config.embedded.heap,
    pageCache: config.embedded.pageCache,
    txMax: config.embedded.txMax,
    java: config.embedded.java,
    password: config.neo4j.password,
    log: (line: string) => log.debug({ neo4j: line }, 'neo4j'),
  };
  let current: EmbeddedNeo4j = await startEmbeddedNeo4j(options);
  let closing = false;
  let restarts = 0;

  const supervise = (instance: EmbeddedNeo4j): void => {
    void instance.exited.then(async (code) => {
      if (closing || instance !== current) return;
      log.error({ code }, 'The embedded Neo4j stopped unexpectedly; starting it again');
      while (!closing && restarts < 5) {
        restarts += 1;
        await new Promise((r) => setTimeout(r, 1_000 * restarts));
        try {
          current = await startEmbeddedNeo4j(options);
          log.info({ uri: current.uri }, 'The embedded Neo4j is back');
          restarts = 0;
          supervise(current);
          return;
        } catch (err) {
          log.error({ err }, 'Restarting the embedded Neo4j failed');
        }
      }
    });
  };
  supervise(current);

  const driver = createDriver(current.uri, current.user, current.password);
  const db = new Database(driver, current.uri, 'neo4j', config.queryTimeoutMs);
  return {
    db,
    embedded: { uri: current.uri, user: current.user, version: current.version, pid: () => current.pid },
    async close() {
      closing = true;
      await db.close();
      await current.stop();
    },
  };
}

/** Command-line tools use the embedded Neo4j of a running app instead of starting a second one on the same data. */
async function attachToRunning(config: Config): Promise<Connection | undefined> {
  if (!(await portAnswers(config.embedded.port))) return undefined;
  const uri = `bolt://127.0.0.1:${config.embedded.port}`;
  const password = embeddedPassword(config.embedded.dataDir, config.neo4j.password);
  const db = new Database(createDriver(uri, 'neo4j', password), uri, 'neo4j', config.queryTimeoutMs);
  return { db, embedded: undefined, close: () => db.close() };
}
