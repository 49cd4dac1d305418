import { resolve } from 'node:path';
import { z } from 'zod';

const port = z.coerce.number().int().min(1).max(65535);
const size = z.string().regex(/^\d+[kmg]$/i, 'a size such as 512m or 2g');
const flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const positiveInt = z.coerce.number().int().positive();

/** Every environment variable the app reads, with its default. The README's configuration table mirrors this. */
export const EnvSchema = z.object({
  PORT: port.default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  CORS_ORIGINS: z.string().default(''),
  NEO4J_URI: z
    .string()
    .regex(/^(bolt|neo4j)(\+s|\+ssc)?:\/\/.+/, 'a bolt://, bolt+s://, neo4j:// or neo4j+s:// URI')
    .optional(),
  NEO4J_USER: z.string().min(1).default('neo4j'),
  NEO4J_PASSWORD: z.string().min(8, 'at least 8 characters (Neo4j refuses shorter passwords)').optional(),
  NEO4J_DATABASE: z.string().regex(/^[A-Za-z][A-Za-z0-9.-]{0,62}$/, 'a Neo4j database name').default('neo4j'),
  NEO4J_EMBEDDED_PORT: port.default(7687),
  NEO4J_EMBEDDED_DATA: z.string().min(1).default('.data/neo4j'),
  NEO4J_EMBEDDED_HEAP: size.default('512m'),
  NEO4J_EMBEDDED_PAGECACHE: size.default('256m'),
  NEO4J_EMBEDDED_TX_MAX: size.default('384m'),
  NEO4J_JAVA: z.string().min(1).optional(),
  NEO4J_EMBEDDED_STANDBY: flag.default(true),
  SEED_DIR: z.string().min(1).default('seed'),
  SEED_ON_START: flag.default(true),
  QUERY_TIMEOUT_MS: positiveInt.max(600_000).default(5_000),
  CYPHER_TIMEOUT_MS: positiveInt.max(600_000).default(15_000),
  CYPHER_MAX_ROWS: positiveInt.max(100_000).default(1_000),
  EXPLORER_CONCURRENCY: positiveInt.max(1_000).default(8),
  CYPHER_CONCURRENCY: positiveInt.max(1_000).default(1),
  CYPHER_PER_CLIENT: positiveInt.max(1_000).default(2),
  ADMISSION_QUEUE: positiveInt.max(100_000).default(200),
  ADMISSION_WAIT_MS: positiveInt.max(60_000).default(1_000),
  /** Which extractor proposes mentions, entities and facts for an ingested article (server/ingest/extractors.ts). */
  EXTRACTOR: z.enum(['rules-sv']).default('rules-sv'),
});
type Env = z.infer<typeof EnvSchema>;

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly logLevel: Env['LOG_LEVEL'];
  readonly corsOrigins: readonly string[];
  readonly neo4j: {
    /** Undefined when the app starts its own embedded Neo4j. */
    readonly uri: string | undefined;
    readonly user: string;
    readonly password: string | undefined;
    readonly database: string;
  };
  readonly embedded: {
    readonly port: number;
    readonly dataDir: string;
    readonly heap: string;
    readonly pageCache: string;
    readonly txMax: string;
    readonly java: string | undefined;
    /** Keep a warm standby JVM so a restart after a crash takes seconds (costs a second JVM's memory). */
    readonly standby: boolean;
  };
  readonly seed: { readonly dir: string; readonly onStart: boolean };
  readonly queryTimeoutMs: number;
  readonly cypherTimeoutMs: number;
  readonly cypherMaxRows: number;
  /** Admission control (server/http/admission.ts): requests at once per lane, queue length and wait. */
  readonly admission: {
    readonly explorerConcurrency: number;
    readonly cypherConcurrency: number;
    readonly cypherPerClient: number;
    readonly queue: number;
    readonly waitMs: number;
  };
  /** The ingestion extractor's name, e.g. `rules-sv`. */
  readonly extractor: Env['EXTRACTOR'];
}

export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
}

/** Validates the environment once; a bad value throws a ConfigError naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  // Empty strings count as unset, as in most shells' `VAR= npm start`.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message} (got ${JSON.stringify(present[String(i.path[0])])})`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const config: Config = {
    port: e.PORT,
    host: e.HOST,
    logLevel: e.LOG_LEVEL,
    corsOrigins: e.CORS_ORIGINS.split(',').map((s) => s.trim()).filter(Boolean),
    neo4j: { uri: e.NEO4J_URI, user: e.NEO4J_USER, password: e.NEO4J_PASSWORD, database: e.NEO4J_DATABASE },
    embedded: {
      port: e.NEO4J_EMBEDDED_PORT,
      dataDir: resolve(cwd, e.NEO4J_EMBEDDED_DATA),
      heap: e.NEO4J_EMBEDDED_HEAP,
      pageCache: e.NEO4J_EMBEDDED_PAGECACHE,
      txMax: e.NEO4J_EMBEDDED_TX_MAX,
      java: e.NEO4J_JAVA,
      standby: e.NEO4J_EMBEDDED_STANDBY,
    },
    seed: { dir: resolve(cwd, e.SEED_DIR), onStart: e.SEED_ON_START },
    queryTimeoutMs: e.QUERY_TIMEOUT_MS,
    cypherTimeoutMs: e.CYPHER_TIMEOUT_MS,
    cypherMaxRows: e.CYPHER_MAX_ROWS,
    admission: {
      explorerConcurrency: e.EXPLORER_CONCURRENCY,
      cypherConcurrency: e.CYPHER_CONCURRENCY,
      cypherPerClient: e.CYPHER_PER_CLIENT,
      queue: e.ADMISSION_QUEUE,
      waitMs: e.ADMISSION_WAIT_MS,
    },
    extractor: e.EXTRACTOR,
  };
  if (config.neo4j.uri && !config.neo4j.password) {
    throw new ConfigError('Invalid configuration:\n  NEO4J_PASSWORD: required when NEO4J_URI points at your own Neo4j');
  }
  return Object.freeze(config);
}
