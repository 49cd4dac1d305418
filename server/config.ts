import { resolve } from 'node:path';
import { z } from 'zod';
import { ROLES, type AuthMode, type Role } from '../contract/auth';
import { AUTH_MODE_SETTINGS, AuthModeError, resolveAuthMode, type AuthModeSetting } from './auth/mode';

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

  // ─── Sign-in (docs/auth-design.md) ───
  AUTH_MODE: z.enum(AUTH_MODE_SETTINGS).default('auto'),
  ALLOWED_HOSTS: z
    .string()
    .regex(/^\s*(?:(?:\*\.)?[A-Za-z0-9.:[\]-]+\s*(?:,\s*|$))*$/, 'host names separated by commas, e.g. graph.example.org,*.intra.example.org')
    .default(''),
  SESSION_HOURS: z.coerce.number().positive().max(24 * 366).default(12),
  COOKIE_SECURE: flag.default(false),
  TRUST_PROXY: z
    .string()
    .regex(/^(true|false|\d{1,2}|[0-9A-Fa-f.:/,\s]+|loopback|linklocal|uniquelocal)$/, 'true, false, a number of proxies, or their addresses (e.g. 10.0.0.1,10.0.0.0/8)')
    .default('false'),
  AUTH_SECRET_FILE: z.string().min(1).default('.data/auth-secret'),
  SIGNIN_RATE: positiveInt.max(100_000).default(20),
  LOCKOUT_AFTER: positiveInt.max(1_000).default(10),
  LOCKOUT_MINUTES: z.coerce.number().positive().max(7 * 24 * 60).default(15),
  PUBLIC_URL: z.url({ protocol: /^https?$/, error: 'the address users reach the app at, e.g. https://graph.example.org' }).optional(),
  OIDC_ISSUER: z.url({ protocol: /^https?$/, error: 'the identity provider’s issuer URL, e.g. https://login.example.org/realms/staff' }).optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_ROLE_CLAIM: z.string().min(1).default('roles'),
  OIDC_ROLE_MAP: z
    .string()
    .regex(
      new RegExp(`^\\s*(?:[^=,]+=\\s*(?:${ROLES.join('|')})\\s*(?:,\\s*|$))*$`),
      `claim values and roles as value=role pairs separated by commas, e.g. grp-analysts=analyst,grp-admins=admin (roles: ${ROLES.join(', ')})`,
    )
    .default(''),
  OIDC_DEFAULT_ROLE: z.enum([...ROLES, 'none']).default('viewer'),
  OIDC_LABEL: z.string().min(1).max(100).default('Single sign-on'),
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
  /** Sign-in, sessions and their limits (docs/auth-design.md). */
  readonly auth: AuthConfig;
  /** Single sign-on through OpenID Connect; undefined unless OIDC_ISSUER is set. */
  readonly oidc: OidcConfig | undefined;
}

export interface AuthConfig {
  /** What AUTH_MODE asked for. */
  readonly setting: AuthModeSetting;
  /** The mode the app runs in, from AUTH_MODE and HOST. */
  readonly mode: AuthMode;
  /** Host names (lower case, no port) requests may name besides the loopback ones; `*.x` allows every subdomain of x. */
  readonly allowedHosts: readonly string[];
  readonly sessionHours: number;
  /** Always mark the session cookie Secure (it is anyway when the request came over HTTPS). */
  readonly cookieSecure: boolean;
  /** Express's `trust proxy` setting: whom to believe for X-Forwarded-For/-Proto/-Host. */
  readonly trustProxy: boolean | number | string;
  /** The file holding the password pepper and signing key (created 0600 on first use). */
  readonly secretFile: string;
  /** Sign-in attempts allowed per client address per 5 minutes. */
  readonly signinRate: number;
  /** Wrong passwords in a row that lock an account … */
  readonly lockoutAfter: number;
  /** … for this many minutes. */
  readonly lockoutMinutes: number;
  /** The address users reach the app at (no trailing slash), when it is not what they typed into HOST/PORT. */
  readonly publicUrl: string | undefined;
}

export interface OidcConfig {
  readonly issuer: string;
  readonly clientId: string;
  /** Undefined for a public client (PKCE only). */
  readonly clientSecret: string | undefined;
  /** The claim holding the user's groups or roles (a string or an array of strings). */
  readonly roleClaim: string;
  /** Claim value → role. A claim value equal to a role's name maps to that role without an entry. */
  readonly roleMap: Readonly<Record<string, Role>>;
  /** The role of a user none of whose claim values maps; `none` refuses them. */
  readonly defaultRole: Role | 'none';
  /** The sign-in button's text. */
  readonly label: string;
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
    auth: Object.freeze({
      setting: e.AUTH_MODE,
      mode: authMode(e.AUTH_MODE, e.HOST),
      allowedHosts: Object.freeze(list(e.ALLOWED_HOSTS).map(withoutPort)),
      sessionHours: e.SESSION_HOURS,
      cookieSecure: e.COOKIE_SECURE,
      trustProxy: trustProxy(e.TRUST_PROXY),
      secretFile: resolve(cwd, e.AUTH_SECRET_FILE),
      signinRate: e.SIGNIN_RATE,
      lockoutAfter: e.LOCKOUT_AFTER,
      lockoutMinutes: e.LOCKOUT_MINUTES,
      publicUrl: e.PUBLIC_URL?.replace(/\/+$/, ''),
    }),
    oidc: oidcConfig(e),
  };
  if (config.neo4j.uri && !config.neo4j.password) {
    throw new ConfigError('Invalid configuration:\n  NEO4J_PASSWORD: required when NEO4J_URI points at your own Neo4j');
  }
  return Object.freeze(config);
}

/** A host name as ALLOWED_HOSTS compares it: lower case, without a port (a bare IPv6 address keeps its colons). */
function withoutPort(host: string): string {
  const h = host.toLowerCase();
  return /^[^:]+:\d+$|^\[.*\]:\d+$/.test(h) ? h.replace(/:\d+$/, '') : h;
}

function list(value: string): string[] {
  return value.split(',').map((s) => s.trim()).filter(Boolean);
}

function authMode(setting: AuthModeSetting, host: string): AuthMode {
  try {
    return resolveAuthMode(setting, host);
  } catch (err) {
    if (err instanceof AuthModeError) throw new ConfigError(`Invalid configuration:\n  AUTH_MODE: ${err.message}`);
    throw err;
  }
}

function trustProxy(value: string): boolean | number | string {
  if (value === 'true' || value === 'false') return value === 'true';
  if (/^\d+$/.test(value)) return Number(value);
  return list(value).join(',');
}

function oidcConfig(e: Env): OidcConfig | undefined {
  if (!e.OIDC_ISSUER) {
    const stray = (['OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'] as const).filter((k) => e[k] !== undefined);
    if (stray.length) throw new ConfigError(`Invalid configuration:\n  OIDC_ISSUER: required when ${stray.join(' and ')} ${stray.length > 1 ? 'are' : 'is'} set (the identity provider's issuer URL)`);
    return undefined;
  }
  if (!e.OIDC_CLIENT_ID) throw new ConfigError('Invalid configuration:\n  OIDC_CLIENT_ID: required when OIDC_ISSUER is set (the client id the identity provider gave this app)');
  const roleMap: Record<string, Role> = {};
  for (const pair of list(e.OIDC_ROLE_MAP)) {
    const at = pair.lastIndexOf('=');
    roleMap[pair.slice(0, at).trim()] = pair.slice(at + 1).trim() as Role;
  }
  return Object.freeze({
    issuer: e.OIDC_ISSUER,
    clientId: e.OIDC_CLIENT_ID,
    clientSecret: e.OIDC_CLIENT_SECRET,
    roleClaim: e.OIDC_ROLE_CLAIM,
    roleMap: Object.freeze(roleMap),
    defaultRole: e.OIDC_DEFAULT_ROLE,
    label: e.OIDC_LABEL,
  });
}
