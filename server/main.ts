import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import { pino } from 'pino';
import { createApp } from './app';
import { ConfigError, loadConfig } from './config';
import { connect, type Connection } from './neo4j/connect';
import { applySchema } from './neo4j/schema';
import { seedIfEmpty } from './services/seed';
import { createAuthServices, type AuthServices } from './auth/services';
import { listenAddress } from './auth/mode';
import { WARM_UP_HEADER } from './auth/middleware';

/** Starts the explorer: Neo4j (embedded unless NEO4J_URI is set), schema, seed when empty, API and UI. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  const log = pino({ level: config.logLevel, base: undefined });

  if (!config.neo4j.uri) console.log(`Starting the embedded Neo4j (data in ${config.embedded.dataDir}) …`);
  let connection: Connection | undefined;
  let auth: AuthServices | undefined;
  let server: Server | undefined;
  let stopping = false;
  const shutdown = async (signal: string, code = 0) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'Shutting down');
    const force = setTimeout(() => process.exit(code || 1), 40_000);
    force.unref();
    // Stop accepting, let requests in flight finish (5 s at most), then stop the database.
    if (server) {
      const closed = new Promise<void>((resolve) => server!.close(() => resolve()));
      server.closeIdleConnections();
      await Promise.race([closed, new Promise((r) => setTimeout(r, 5_000).unref())]);
      server.closeAllConnections();
    }
    await connection?.close().catch((err: unknown) => log.error({ err }, 'Closing the database failed'));
    log.info('Stopped');
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  try {
    connection = await connect(config, log);
    const info = await connection.db.info(30_000);
    const statements = await applySchema(connection.db);
    log.info({ statements }, 'Schema applied');
    if (config.seed.onStart && (await seedIfEmpty(connection.db, config.seed.dir, log))) {
      console.log(`Loaded the articles from ${config.seed.dir} into the empty database.`);
    }
    auth = createAuthServices(connection.db, config, log);
    await auth.users.init();
    await auth.audit.init();
    if (config.auth.mode === 'signin') {
      auth.secret.value();
      if (!config.oidc && !(await auth.users.hasEnabledUser())) {
        console.error(signInNeedsUsersMessage(config.host));
        await connection.close().catch(() => {});
        process.exit(1);
      }
    }
    if (connection.embedded) {
      console.log(`Neo4j ${info.version} (embedded) on ${connection.embedded.uri} — user "${connection.embedded.user}", password in ${config.embedded.dataDir}/explorer-password unless NEO4J_PASSWORD is set.`);
    } else {
      console.log(`Using your Neo4j ${info.version} at ${info.uri}, database "${info.database}".`);
    }
  } catch (err) {
    console.error(`Could not start: ${err instanceof Error ? err.message : String(err)}`);
    await connection?.close().catch(() => {});
    process.exit(1);
  }

  let app;
  try {
    app = createApp({ config, db: connection.db, log, embedded: Boolean(connection.embedded), auth }, log);
  } catch (err) {
    // e.g. a saved-query library file that does not parse: say which, without a stack trace.
    console.error(`Could not start: ${err instanceof Error ? err.message : String(err)}`);
    await connection.close().catch(() => {});
    process.exit(1);
  }
  server = app.listen(config.port, config.host, () => {
    const address = server!.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const local = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host.includes(':') ? `[${config.host}]` : config.host;
    // The first page asks for these; on a cold JVM their plans take seconds to compile, so they are asked once
    // here and the first analyst gets warm answers instead of a time-out. In signin mode they carry a one-time
    // token (held only in this process) that lets them read as a viewer.
    auth!.warmUpToken = randomBytes(32).toString('base64url');
    void warmUp(`http://${local}:${port}`, log, auth!.warmUpToken).then(() => {
      auth!.warmUpToken = undefined;
      console.log(`Explorer running at ${listenAddress(config.host, port)}  (API docs: http://${local}:${port}/api/docs)`);
      console.log(modeLine(config));
    });
  });
  server.on('error', (err) => {
    console.error(`Could not listen on ${config.host}:${config.port}: ${err.message}. Set PORT to a free port.`);
    void shutdown('listen-error', 1);
  });
}

/** Why the app will not start in signin mode with nobody to sign in, and what to do. */
function signInNeedsUsersMessage(host: string): string {
  return [
    `Sign-in is required (HOST=${host} is not a loopback address, or AUTH_MODE=signin), but nobody can sign in yet: there is no enabled user and no identity provider.`,
    'Add an admin, then start again:',
    '  npm run user -- add NAME --role admin',
    'or configure single sign-on with OIDC_ISSUER=… and OIDC_CLIENT_ID=… (see the README, "Users and sign-in").',
    'To use the app on this computer only, without sign-in, set HOST=127.0.0.1.',
  ].join('\n');
}

function modeLine(config: { auth: { mode: string; setting: string }; host: string; oidc: unknown }): string {
  if (config.auth.mode === 'open') {
    return `Open mode: no sign-in, for this computer only (HOST=${config.host}); whoever opens it acts as admin. Set AUTH_MODE=signin to require sign-in here too.`;
  }
  const why = config.auth.setting === 'signin' ? 'AUTH_MODE=signin' : `HOST=${config.host} is reachable from other computers`;
  return `Sign-in required (${why}): local accounts${config.oidc ? ' and single sign-on' : ''}; manage users with npm run user.`;
}

/** Paths the start page requests, asked once before the app says it runs. */
const WARM_UP_PATHS = [
  '/api/schema',
  '/api/articles',
  '/api/time/timeline',
  '/api/queries',
  '/api/graph?limit=60&labels=Actor,Person,Role,Agreement,Document',
  '/api/graph?limit=500',
  '/api/search?q=SKR&limit=10',
  '/api/nodes/actor-skr',
];

/** Asks the start page's requests once (in parallel, 30 s at most, failures ignored: they are only a warm-up). */
async function warmUp(base: string, log: { debug(obj: object, msg: string): void }, token: string): Promise<void> {
  const started = Date.now();
  const headers = { 'x-request-id': 'warm-up', [WARM_UP_HEADER]: token };
  await Promise.all(WARM_UP_PATHS.map((path) => fetch(base + path, { signal: AbortSignal.timeout(30_000), headers }).then((r) => r.arrayBuffer(), () => undefined)));
  log.debug({ ms: Date.now() - started }, 'Warmed up');
}

void main();
