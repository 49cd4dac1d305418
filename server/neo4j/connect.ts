import type { Config } from '../config';
import { createDriver, Database } from './database';
import { embeddedPassword, portAnswers, PortBusyError, prepareStandby, startEmbeddedNeo4j, type EmbeddedNeo4j, type Standby } from './embedded';

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
 * if its JVM dies, it is started again on the same port (for as long as the app runs) and the driver
 * reconnects by itself.
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
  // A warm standby JVM, prepared a while after each start (not during it: both would compete for the CPU).
  let standby: Standby | undefined;
  let standbyTimer: NodeJS.Timeout | undefined;
  const scheduleStandby = (): void => {
    if (!config.embedded.standby) return;
    clearTimeout(standbyTimer);
    standbyTimer = setTimeout(() => {
      if (closing || standby) return;
      const spare = prepareStandby(options);
      standby = spare;
      void spare.warm.then((warm) => {
        if (warm) log.info({ pid: spare.pid }, 'A standby Neo4j JVM is warm');
        else if (standby === spare && !closing) {
          log.warn('The standby Neo4j JVM ended; a restart will start a new JVM');
          standby = undefined;
        }
      });
    }, STANDBY_DELAY_MS);
    standbyTimer.unref();
  };
  const driver = createDriver(current.uri, current.user, current.password);
  const db = new Database(driver, current.uri, 'neo4j', config.queryTimeoutMs);

  // Supervision never gives up while the app runs: a JVM that dies is started again at once, then with
  // backoff capped at RESTART_BACKOFF_MS (for instance while another process holds the Bolt port). Until it
  // is back every request is answered 503 at once instead of waiting on connection timeouts.
  const supervise = (instance: EmbeddedNeo4j): void => {
    void instance.exited.then(async (code) => {
      if (closing || instance !== current) return;
      log.error({ code }, 'The embedded Neo4j stopped unexpectedly; starting it again');
      const since = Date.now();
      for (let attempt = 1; !closing; attempt++) {
        db.markRestarting(attempt);
        const spare = standby;
        standby = undefined;
        try {
          current = spare ? await spare.activate() : await startEmbeddedNeo4j(options);
          if (closing) {
            await current.stop();
            return;
          }
          log.info({ uri: current.uri, attempt, ms: Date.now() - since, fromStandby: Boolean(spare) }, 'The embedded Neo4j is back');
          db.markUp();
          supervise(current);
          scheduleStandby();
          return;
        } catch (err) {
          if (spare && err instanceof PortBusyError) standby = spare;
          const wait = restartDelay(attempt);
          log.error({ err, attempt, retryInMs: wait }, 'Restarting the embedded Neo4j failed');
          await new Promise((r) => setTimeout(r, wait));
        }
      }
    });
  };
  supervise(current);
  scheduleStandby();

  return {
    db,
    embedded: { uri: current.uri, user: current.user, version: current.version, pid: () => current.pid },
    async close() {
      closing = true;
      clearTimeout(standbyTimer);
      await standby?.discard();
      await db.close();
      await current.stop();
    },
  };
}

/** How long after a start of the embedded Neo4j its standby JVM is prepared. */
export const STANDBY_DELAY_MS = 15_000;

/** Longest pause between two restart attempts of the embedded Neo4j. */
export const RESTART_BACKOFF_MS = 5_000;

/** Pause after failed attempt `n` (1-based): 250 ms, doubling, capped at RESTART_BACKOFF_MS. */
export function restartDelay(attempt: number): number {
  return Math.min(RESTART_BACKOFF_MS, 250 * 2 ** (attempt - 1));
}

/** Command-line tools use the embedded Neo4j of a running app instead of starting a second one on the same data. */
async function attachToRunning(config: Config): Promise<Connection | undefined> {
  if (!(await portAnswers(config.embedded.port))) return undefined;
  const uri = `bolt://127.0.0.1:${config.embedded.port}`;
  const password = embeddedPassword(config.embedded.dataDir, config.neo4j.password);
  const db = new Database(createDriver(uri, 'neo4j', password), uri, 'neo4j', config.queryTimeoutMs);
  return { db, embedded: undefined, close: () => db.close() };
}
