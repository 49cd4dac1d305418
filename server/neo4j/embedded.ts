import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync, chmodSync } from 'node:fs';
import { createConnection } from 'node:net';
import { join, delimiter } from 'node:path';
import { createInterface } from 'node:readline';
import { ensureNeo4jJars } from '../../scripts/neo4j-jars.mjs';

export interface EmbeddedOptions {
  port: number;
  dataDir: string;
  heap: string;
  pageCache: string;
  txMax: string;
  /** Java binary; defaults to $JAVA_HOME/bin/java, then `java` on the PATH. */
  java?: string | undefined;
  /** Password for user neo4j; when unset one is generated on first start and kept in the data directory. */
  password?: string | undefined;
  startTimeoutMs?: number;
  log?: (line: string) => void;
}

export interface EmbeddedNeo4j {
  readonly uri: string;
  readonly user: 'neo4j';
  readonly password: string;
  readonly version: string;
  readonly pid: number;
  /** Resolves once the JVM has exited; a clean shutdown flushes the store. */
  stop(): Promise<void>;
  /** Resolves when the JVM exits for any reason. */
  readonly exited: Promise<number | null>;
}

export class EmbeddedStartError extends Error {
  readonly code = 'EMBEDDED_START_FAILED';
}

/** Another process listens on the Bolt port; nothing was started. */
export class PortBusyError extends EmbeddedStartError {}

const PASSWORD_FILE = 'explorer-password';

/** Reads the kept password or, on first start, generates one readable by its owner only. */
export function embeddedPassword(dataDir: string, configured?: string): string {
  if (configured) return configured;
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, PASSWORD_FILE);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const generated = randomBytes(18).toString('base64url');
  writeFileSync(file, generated + '\n', { mode: 0o600 });
  chmodSync(file, 0o600);
  return generated;
}

/** True when something accepts TCP connections on 127.0.0.1:port. */
export function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.setTimeout(1000, () => {
      socket.destroy();
      resolve(false);
    });
  });
}

/** Starts Neo4j in a child JVM on 127.0.0.1 and resolves when its Bolt connector accepts connections. */
export async function startEmbeddedNeo4j(options: EmbeddedOptions): Promise<EmbeddedNeo4j> {
  await refuseBusyPort(options.port);
  return launch(options, false).activate();
}

/**
 * A second JVM that has loaded and warmed the engine on a throw-away store and waits to be told to open the
 * real one. The supervisor keeps one ready, so a restart after the JVM died skips JVM start and class loading.
 */
export interface Standby {
  readonly pid: number;
  /** Resolves true once warm, false if the standby JVM ended first. */
  readonly warm: Promise<boolean>;
  /** Opens the real store on the configured port; rejects like `startEmbeddedNeo4j`. */
  activate(): Promise<EmbeddedNeo4j>;
  /** Lets an unused standby go. */
  discard(): Promise<void>;
}

/** Spawns a warm standby JVM for `options` (same data directory, port and password as the running one). */
export function prepareStandby(options: EmbeddedOptions): Standby {
  const launched = launch(options, true);
  return {
    pid: launched.pid,
    warm: launched.warm,
    // A busy port leaves the standby waiting, so the next attempt can still use it.
    activate: async () => {
      await refuseBusyPort(options.port);
      return launched.activate();
    },
    discard: launched.discard,
  };
}

async function refuseBusyPort(port: number): Promise<void> {
  if (await portAnswers(port)) {
    throw new PortBusyError(
      `Port ${port} on 127.0.0.1 is already in use, so the embedded Neo4j cannot listen there. ` +
        `Stop what runs there, set NEO4J_EMBEDDED_PORT to a free port, or point NEO4J_URI at that database.`,
    );
  }
}

interface Launched {
  pid: number;
  warm: Promise<boolean>;
  activate(): Promise<EmbeddedNeo4j>;
  discard(): Promise<void>;
}

/** The memory one transaction may use: three quarters of the cap for all of them ("512m" → "384m"). */
export function perTransaction(total: string): string {
  const m = /^(\d+)([kmg])$/i.exec(total);
  if (!m) return total;
  const unit = { k: 1, m: 1024, g: 1024 * 1024 }[m[2]!.toLowerCase() as 'k' | 'm' | 'g'];
  return `${Math.max(1, Math.floor((Number(m[1]) * unit * 3) / 4))}k`;
}

function launch(options: EmbeddedOptions, standby: boolean): Launched {
  const log = options.log ?? (() => {});
  const { lib, classes } = ensureNeo4jJars({ quiet: false });
  const password = embeddedPassword(options.dataDir, options.password);
  // The store is the analysts' data and the password file sits beside it: owner only.
  mkdirSync(options.dataDir, { recursive: true });
  chmodSync(options.dataDir, 0o700);
  const java = options.java ?? (process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin', 'java') : 'java');

  // The JVM inherits the umask, so every file Neo4j creates is readable by its owner only (0600, 0700).
  const umask = ownerOnlyUmask();
  const child: ChildProcessWithoutNullStreams = spawn(
    java,
    [
      // A standby grows its heap when it becomes the database instead of holding all of it while it waits.
      standby ? '-Xms64m' : `-Xms${options.heap}`,
      `-Xmx${options.heap}`,
      '-XX:+UseG1GC',
      '-XX:+ExitOnOutOfMemoryError',
      '-Dfile.encoding=UTF-8',
      '-cp',
      [join(lib, '*'), classes].join(delimiter),
      'EmbeddedNeo4j',
    ],
    {
      env: {
        ...process.env,
        EMBEDDED_HOME: options.dataDir,
        EMBEDDED_PORT: String(options.port),
        EMBEDDED_PASSWORD: password,
        EMBEDDED_PAGECACHE: options.pageCache,
        EMBEDDED_TX_MAX: options.txMax,
        EMBEDDED_TX_EACH: perTransaction(options.txMax),
        EMBEDDED_STANDBY: standby ? '1' : '0',
      },
      // stdin stays open: when this process dies, the pipe closes and the JVM stops itself. A standby also
      // reads its "START" line from it.
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  umask.restore();
  child.stdin.on('error', () => {});

  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  void exited.then(() => process.off('exit', killOnExit));

  const recent: string[] = [];
  const remember = (line: string) => {
    recent.push(line);
    if (recent.length > 40) recent.shift();
    log(line);
  };
  createInterface({ input: child.stderr }).on('line', remember);

  let onWarm: (warm: boolean) => void = () => {};
  const warm = new Promise<boolean>((resolve) => (onWarm = resolve));
  void exited.then(() => onWarm(false));
  let armTimer: () => void = () => {};
  const ready = new Promise<{ uri: string; version: string }>((resolve, reject) => {
    let timer: NodeJS.Timeout | undefined;
    const arm = () => {
      timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new EmbeddedStartError(`Neo4j did not start within ${(options.startTimeoutMs ?? 120_000) / 1000} s.\n${recent.join('\n')}`));
      }, options.startTimeoutMs ?? 120_000);
    };
    if (!standby) arm();
    armTimer = arm;
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(new EmbeddedStartError(`Could not run Java ("${java}"): ${err.message}. Install a JDK 17 or set NEO4J_JAVA.`));
    });
    void exited.then((code) => {
      clearTimeout(timer);
      const reason = recent.find((l) => l.startsWith('EMBEDDED_FAILED'))?.replace('EMBEDDED_FAILED ', '') ?? recent.slice(-15).join('\n');
      reject(new EmbeddedStartError(`Neo4j exited during start-up (exit code ${code}): ${reason}`));
    });
    createInterface({ input: child.stdout }).on('line', (line) => {
      const match = /^EMBEDDED_READY (\S+) (\S+)/.exec(line);
      if (match) {
        clearTimeout(timer);
        resolve({ uri: match[1]!, version: match[2]! });
      } else if (line === 'EMBEDDED_STANDBY') {
        onWarm(true);
      } else {
        remember(line);
      }
    });
  });
  // An unused standby that ends is not an error anyone waits for.
  ready.catch(() => {});

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.stdin.end();
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(timer);
    })();
    return stopping;
  };

  return {
    pid: child.pid ?? -1,
    warm,
    discard: stop,
    async activate() {
      if (standby) {
        armTimer();
        child.stdin.write('START\n');
      }
      const { uri, version } = await ready;
      return { uri, user: 'neo4j', password, version, pid: child.pid ?? -1, exited, stop };
    },
  };
}

/** Sets the process umask to 077 until `restore()`; a no-op where the umask cannot be set (worker threads). */
function ownerOnlyUmask(): { restore(): void } {
  try {
    const previous = process.umask(0o077);
    return { restore: () => void process.umask(previous) };
  } catch {
    return { restore: () => undefined };
  }
}
