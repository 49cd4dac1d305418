import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fromRoot } from './paths';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import type { Logger as PinoLogger } from 'pino';
import type { AppContext } from './context';
import { AppError, NotFoundError, ValidationError, type ErrorBody } from './errors';
import { buildOpenApi } from './http/openapi';
import { mountRoutes, type AnyRoute } from './http/route';
import { apiDocsPage } from './http/docs';
import { Lane, OverloadedError, admit, type Admission } from './http/admission';
import type { Config } from './config';
import { healthRoutes } from './routes/health';
import { searchRoutes } from './routes/search';
import { nodeRoutes } from './routes/nodes';
import { exploreRoutes } from './routes/explore';
import { pathRoutes } from './routes/paths';
import { graphRoutes } from './routes/graph';
import { timeRoutes } from './routes/time';
import { articleRoutes } from './routes/articles';
import { schemaRoutes } from './routes/schema';
import { queryRoutes } from './routes/queries';
import { auditRoutes } from './routes/audit';
import { ingestRoutes, INGEST_JSON_LIMIT } from './routes/ingest';
import { isUtf8 } from './ingest/text';
import { authentication } from './auth/middleware';
import { authRoutes } from './routes/auth';
import { oidcRoutes } from './routes/oidc';

export const CLIENT_DIST = fromRoot('dist');

/** Every API route, in the order the docs list them. Route modules add themselves here. */
export function allRoutes(ctx: AppContext): AnyRoute[] {
  return [...healthRoutes(ctx), ...searchRoutes(ctx), ...nodeRoutes(ctx), ...exploreRoutes(ctx), ...pathRoutes(ctx), ...graphRoutes(ctx), ...timeRoutes(ctx), ...articleRoutes(ctx), ...schemaRoutes(ctx), ...queryRoutes(ctx), ...ingestRoutes(ctx), ...authRoutes(ctx), ...oidcRoutes(ctx), ...auditRoutes(ctx)];
}

function allowCors(origins: readonly string[]) {
  return (req: Request, res: Response, next: NextFunction) => {
    const origin = req.headers.origin;
    if (origin && origins.includes(origin)) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Vary', 'Origin');
      res.setHeader('Access-Control-Allow-Methods', 'GET,POST,PUT,PATCH,DELETE');
      res.setHeader('Access-Control-Allow-Headers', 'Content-Type,X-Request-Id,X-CSRF-Token');
      if (req.method === 'OPTIONS') {
        res.status(204).end();
        return;
      }
    }
    next();
  };
}

/** Builds the Express app: security headers, request ids and logging, the API, its docs, and the built UI. */
export function createApp(ctx: AppContext, logger: PinoLogger): express.Express {
  const app = express();
  app.disable('x-powered-by');
  // Whom to believe for X-Forwarded-For/-Proto/-Host: the client address the sign-in limit counts, and HTTPS for
  // the Secure cookie behind a TLS-terminating proxy.
  app.set('trust proxy', ctx.config.auth.trustProxy);
  app.set('query parser', 'extended');
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          'img-src': ["'self'", 'data:', 'blob:'],
          'worker-src': ["'self'", 'blob:'],
        },
      },
    }),
  );
  app.use(
    pinoHttp({
      logger,
      genReqId: (req, res) => {
        const incoming = req.headers['x-request-id'];
        const id = typeof incoming === 'string' && /^[\w.-]{1,64}$/.test(incoming) ? incoming : randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
      // No synchronous write per successful answer on the hot path: answers below 400 are logged at debug
      // (LOG_LEVEL=debug shows them), refusals and errors as before.
      customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'debug'),
      serializers: { req: (req) => ({ id: req.id, method: req.method, url: req.url }), res: (res) => ({ statusCode: res.statusCode }) },
    }),
  );
  app.use(allowCors(ctx.config.corsOrigins));
  // Host and Origin checks, then who is asking (open mode's local admin, or a session's user) and CSRF.
  app.use(authentication(ctx));
  // Articles are submitted whole (up to 1 MB of text): the ingest routes read larger bodies, and refuse one
  // that is not UTF-8 rather than let the parser replace the bad bytes.
  app.use(
    '/api/ingest',
    express.json({
      limit: INGEST_JSON_LIMIT,
      verify: (_req, _res, buf) => {
        if (!isUtf8(buf)) throw new ValidationError('The request body is not valid UTF-8. Send the article as UTF-8 text (convert the file from its character set first).');
      },
    }),
  );
  app.use(express.json({ limit: '256kb' }));
  app.use(refuseDeepJson(MAX_JSON_DEPTH));
  app.use(admit(admissionFor(ctx.config)));

  const routes = allRoutes(ctx);
  const api = express.Router();
  mountRoutes(api, routes);
  const openapi = buildOpenApi(
    routes,
    {
      title: 'Digital förvaltning — graph explorer API',
      version: '0.1.0',
      description:
        'Exploration of the knowledge graph of the articles, every fact with its evidence. ' +
        (ctx.config.auth.mode === 'open'
          ? 'This server runs in open mode (loopback, one person): nobody signs in and every caller has the admin role; x-required-role says what each operation needs once sign-in is on.'
          : 'Sign in with POST /api/auth/signin (or single sign-on); the session cookie kg_session then authenticates, and every POST, PUT, PATCH and DELETE repeats the session’s CSRF token in X-CSRF-Token (403 CSRF_FAILED otherwise). No session on a protected operation: 401 UNAUTHENTICATED; a role below x-required-role: 403 FORBIDDEN. A Host header this server does not answer to: 403 HOST_REFUSED; a write from another site’s page: 403 ORIGIN_REFUSED.'),
    },
    { mode: ctx.config.auth.mode },
  );
  api.get('/api/openapi.json', (_req, res) => {
    res.json(openapi);
  });
  api.get('/api/docs', (_req, res) => {
    res.type('html').send(apiDocsPage(openapi));
  });
  api.use('/api', (req, _res, next) => next(new NotFoundError(`There is no API endpoint ${req.method} ${req.originalUrl}. See /api/docs.`)));
  app.use(api);

  if (existsSync(CLIENT_DIST)) {
    app.use(express.static(CLIENT_DIST, { index: false, maxAge: '1h' }));
    app.get(/^(?!\/api\/).*/, (_req, res) => {
      res.sendFile(join(CLIENT_DIST, 'index.html'));
    });
  }

  app.use((err: unknown, req: Request, res: Response, _next: NextFunction) => {
    const requestId = String(req.id ?? '');
    let status = 500;
    let body: ErrorBody;
    if (err instanceof AppError) {
      status = err.status;
      body = { error: { code: err.code, message: err.message, ...(err.details === undefined ? {} : { details: err.details }), requestId } };
    } else if (isBodyParserError(err)) {
      status = err.status;
      body = { error: { code: err.type === 'entity.too.large' ? 'PAYLOAD_TOO_LARGE' : 'VALIDATION_FAILED', message: bodyErrorMessage(err.type, err.limit), requestId } };
    } else if (isClientHttpError(err)) {
      // Express's own refusals, e.g. a path whose %-escapes do not decode to UTF-8 (`/api/nodes/%E0`).
      status = err.status;
      body = { error: { code: 'VALIDATION_FAILED', message: clientErrorMessage(err), requestId } };
    } else {
      req.log.error({ err }, 'unhandled error');
      body = { error: { code: 'INTERNAL', message: 'Something went wrong on the server. The request id helps find it in the log.', requestId } };
    }
    // Load shed, database away, sign-ins limited or an account locked: tell clients when to come back.
    if (status === 503 || status === 429 || status === 423) res.setHeader('Retry-After', String(retryAfterOf(err)));
    if (status >= 500 && status !== 500) req.log.warn({ code: body.error.code }, body.error.message);
    res.status(status).json(body);
  });
  return app;
}

/** The two admission lanes, sized from the configuration. */
export function admissionFor(config: Config): Admission {
  const { explorerConcurrency, cypherConcurrency, cypherPerClient, queue, waitMs } = config.admission;
  return {
    explorer: new Lane('explorer', { concurrency: explorerConcurrency, queue, waitMs, perClient: 0 }),
    cypher: new Lane('Cypher', { concurrency: cypherConcurrency, queue: Math.min(queue, 4 * cypherConcurrency), waitMs, perClient: cypherPerClient }),
  };
}

/** Seconds a client should wait before asking again, from errors that know it (1 otherwise). */
function retryAfterOf(err: unknown): number {
  if (err instanceof OverloadedError) return err.retryAfterSeconds;
  const seconds = typeof err === 'object' && err !== null ? (err as { retryAfterSeconds?: unknown }).retryAfterSeconds : undefined;
  return typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : 1;
}

function isBodyParserError(err: unknown): err is { status: number; type: string; limit?: number } {
  return typeof err === 'object' && err !== null && 'type' in err && 'status' in err && typeof (err as { status: unknown }).status === 'number';
}

/** How deep a JSON body may nest (objects and arrays); no request the API documents comes near it. */
export const MAX_JSON_DEPTH = 32;

/** Refuses a JSON body nested deeper than `max` levels with a 400, before any handler walks it. */
function refuseDeepJson(max: number) {
  return (req: Request, _res: Response, next: NextFunction) => {
    if (req.body !== null && typeof req.body === 'object' && jsonDepth(req.body, max) > max) {
      next(new ValidationError(`The request body nests deeper than ${max} levels of objects and arrays.`));
      return;
    }
    next();
  };
}

/** The nesting depth of a parsed JSON value, counted without recursion and stopping once past `max`. */
export function jsonDepth(value: unknown, max: number): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    deepest = Math.max(deepest, depth);
    if (deepest > max) return deepest;
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, depth + 1]);
  }
  return deepest;
}

function bodyErrorMessage(type: string, limit?: number): string {
  if (type === 'entity.too.large') return `The request body is larger than ${limit && limit >= 1024 * 1024 ? `${limit / (1024 * 1024)} MB` : `${(limit ?? 256 * 1024) / 1024} kB`}.`;
  if (type === 'encoding.unsupported') return 'The request body uses a Content-Encoding the server does not read (use gzip, deflate or none).';
  if (type === 'entity.parse.failed') return 'The request body is not valid JSON.';
  return 'The request body could not be read: it does not decompress, or it does not match its Content-Length.';
}

function clientErrorMessage(err: { message: string; code?: unknown }): string {
  if (typeof err.code === 'string' && err.code.startsWith('Z_')) return bodyErrorMessage('decompression');
  if (err instanceof URIError || /decode/i.test(err.message)) return 'The URL has a %-escape that does not decode to UTF-8 text; encode the path with encodeURIComponent.';
  return 'The request is malformed.';
}

/** An error from Express or its parsers that carries a 4xx status (http-errors style). */
function isClientHttpError(err: unknown): err is { status: number; message: string; code?: unknown } {
  if (typeof err !== 'object' || err === null) return false;
  const status = (err as { status?: unknown; statusCode?: unknown }).status ?? (err as { statusCode?: unknown }).statusCode;
  return typeof status === 'number' && status >= 400 && status < 500;
}
