import type { NextFunction, Request, Response, Router } from 'express';
import { z } from 'zod';
import { AppError, MethodNotAllowedError, ValidationError } from '../errors';
import { authorize } from '../auth/principal';
import type { Access } from '../../contract/auth';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** One API operation: its zod contract (used to validate and to generate OpenAPI) and its handler. */
export interface RouteSpec<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType> {
  method: Method;
  /** Express path, e.g. `/api/nodes/:id`. */
  path: string;
  summary: string;
  description?: string;
  tag: string;
  /** Who may call it: `public`, or the lowest role allowed (docs/auth-design.md has the matrix). */
  access: Access;
  params?: P;
  query?: Q;
  body?: B;
  response: R;
  /** The media type of a successful answer that is not JSON (the handler writes it to `res` itself), e.g. text/csv. */
  contentType?: string;
  /** Status of a successful answer (default 200). */
  status?: number;
  /** Errors this operation can answer with, for the docs: status → meaning. */
  errors?: Record<number, string>;
  handler: (input: { params: z.infer<P>; query: z.infer<Q>; body: z.infer<B>; req: Request; res: Response }) => Promise<z.input<R>>;
}

// The registry holds specs of different shapes; their generics are erased here on purpose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRoute = RouteSpec<any, any, any, any>;

/** Identity helper that keeps the spec's types for the handler. */
export function defineRoute<P extends z.ZodType = z.ZodObject<{}>, Q extends z.ZodType = z.ZodObject<{}>, B extends z.ZodType = z.ZodUnknown, R extends z.ZodType = z.ZodUnknown>(
  spec: RouteSpec<P, Q, B, R>,
): RouteSpec<P, Q, B, R> {
  return spec;
}

/** Renders zod issues as one sentence that names each offending parameter. */
export function describeIssues(where: string, error: z.ZodError): { message: string; details: { parameter: string; message: string }[] } {
  const details = error.issues.map((issue) => ({
    parameter: issue.path.length ? issue.path.map(String).join('.') : where,
    message: issue.message,
  }));
  const message = details.map((d) => `${where} "${d.parameter}": ${d.message}`).join('; ');
  return { message, details };
}

function parsePart<T extends z.ZodType>(schema: T | undefined, value: unknown, where: string): z.infer<T> | undefined {
  if (!schema) return undefined;
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const { message, details } = describeIssues(where, parsed.error);
    throw new ValidationError(message, details);
  }
  return parsed.data;
}

/**
 * The parsed JSON body of a request to an operation that requires one. No body at all (or an empty one) is a
 * 400; a body the JSON parser left alone because its Content-Type is not JSON is a 415.
 */
function requiredBody(req: Request): unknown {
  const length = req.headers['content-length'];
  const sent = req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
  if (req.body !== undefined && sent) return req.body;
  if (!sent) throw new ValidationError('This operation needs a JSON body (Content-Type: application/json); the request has none.', [{ parameter: 'body', message: 'missing' }]);
  throw new AppError('VALIDATION_FAILED', 415, `The body must be JSON sent with Content-Type: application/json (it came as ${req.headers['content-type'] ?? 'no Content-Type'}).`, [
    { parameter: 'body', message: 'not JSON' },
  ]);
}

/** Mounts routes on a router: parse → handler → respond; every error goes to the error middleware. */
export function mountRoutes(router: Router, routes: AnyRoute[]): void {
  for (const route of routes) {
    router[route.method](route.path, (req: Request, res: Response, next: NextFunction) => {
      (async () => {
        authorize(req, route.access);
        const params = parsePart(route.params, req.params, 'path parameter');
        const query = parsePart(route.query, req.query, 'query parameter');
        const body = route.body ? parsePart(route.body, requiredBody(req), 'body field') : undefined;
        const result = await route.handler({ params, query, body, req, res });
        if (!res.headersSent) res.status(route.status ?? 200).json(result);
      })().catch(next);
    });
  }
  // A known path with a method it does not answer: 405 with `Allow`, not a 404 that says the path is unknown.
  const methods = new Map<string, Set<string>>();
  for (const route of routes) methods.set(route.path, (methods.get(route.path) ?? new Set()).add(route.method.toUpperCase()));
  for (const [path, allowed] of methods) {
    const allow = [...allowed, ...(allowed.has('GET') ? ['HEAD'] : [])].sort();
    router.all(path, (req: Request, res: Response, next: NextFunction) => {
      if (req.method === 'OPTIONS') {
        res.setHeader('Allow', [...allow, 'OPTIONS'].join(', ')).status(204).end();
        return;
      }
      res.setHeader('Allow', allow.join(', '));
      next(new MethodNotAllowedError(allow, req.method, req.path));
    });
  }
}
