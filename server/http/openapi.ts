import { z } from 'zod';
import { wireSchemas } from '../../contract/wire';
import type { AnyRoute } from './route';
import { CSRF_HEADER, SESSION_COOKIE, type AuthMode } from '../../contract/auth';

// Keys of zod's own description that a registered wire schema keeps: what it says about the value, not its shape.
const KEPT_KEYS = new Set(['default', 'description', 'title', 'examples']);

/** The JSON Schema of a zod schema as it travels: registered wire schemas (contract/wire.ts) replace zod's. */
export function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  return z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
    override: (ctx) => {
      const target = ctx.jsonSchema as Record<string, unknown>;
      // zod leaves out the default of a transforming schema when describing its input (the default is an
      // output value); a wire schema says what the default means on the wire, so it is put back.
      const def = (ctx.zodSchema as unknown as { _zod: { def: { type: string; innerType?: z.core.$ZodType; defaultValue?: unknown } } })._zod.def;
      if (io === 'input' && def.type === 'default' && def.innerType && wireSchemas.has(def.innerType) && !('default' in target)) target['default'] = def.defaultValue;
      const wire = wireSchemas.get(ctx.zodSchema);
      if (!wire) return;
      for (const key of Object.keys(target)) if (!KEPT_KEYS.has(key)) delete target[key];
      Object.assign(target, structuredClone(wire.jsonSchema));
    },
  }) as Record<string, unknown>;
}

function parameters(schema: z.ZodType | undefined, where: 'path' | 'query'): unknown[] {
  if (!schema) return [];
  const json = jsonSchema(schema, 'input') as { properties?: Record<string, Record<string, unknown>>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, prop]) => ({
    name,
    in: where,
    required: where === 'path' || (json.required ?? []).includes(name),
    ...(typeof prop['description'] === 'string' ? { description: prop['description'] } : {}),
    schema: prop,
  }));
}

const errorSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: { code: { type: 'string' }, message: { type: 'string' }, details: {}, requestId: { type: 'string' } },
    },
  },
};

const retryAfter = { 'Retry-After': { description: 'Seconds to wait before asking again', required: true, schema: { type: 'string', pattern: '^[0-9]+$' } } };

function errorResponse(description: string, headers?: Record<string, unknown>): Record<string, unknown> {
  return { description, ...(headers ? { headers } : {}), content: { 'application/json': { schema: errorSchema } } };
}

/** How sign-in is described: the session cookie, and the CSRF header every write of a session repeats. */
export const SECURITY_SCHEMES = {
  cookieAuth: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: 'The session cookie POST /api/auth/signin sets (HttpOnly).' },
  csrfToken: { type: 'apiKey', in: 'header', name: CSRF_HEADER, description: 'The csrfToken of GET /api/auth/me or of the sign-in answer; required on POST, PUT, PATCH and DELETE with a session.' },
};

const WRITES = new Set(['post', 'put', 'patch', 'delete']);

/**
 * An operation's security: none for public ones; the session cookie (and on writes the CSRF header) for the
 * others — in signin mode. In open mode (loopback, one person) nothing is asked for, and the document says so
 * rather than promise a refusal the server does not make; `x-required-role` is given in both.
 */
function security(route: AnyRoute, mode: AuthMode): Record<string, unknown> {
  if (route.access === 'public') return { 'x-required-role': 'public' };
  const requirement = WRITES.has(route.method) ? { cookieAuth: [], csrfToken: [] } : { cookieAuth: [] };
  return { ...(mode === 'signin' ? { security: [requirement] } : {}), 'x-required-role': route.access };
}

/**
 * Builds the OpenAPI 3.1 document from the same zod schemas that validate the requests. `mode` is the app's
 * sign-in mode (default `signin`, the document of a server that asks who is calling).
 */
export function buildOpenApi(routes: AnyRoute[], info: { title: string; version: string; description: string }, options: { mode?: AuthMode } = {}): Record<string, unknown> {
  const mode = options.mode ?? 'signin';
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = route.path.replace(/:([A-Za-z_]+)/g, '{$1}');
    const status = route.status ?? 200;
    // Answers every operation can give, whatever it declares: the parsers' and admission's, and the database's.
    const responses: Record<string, unknown> = {
      [String(status)]:
        status === 204
          ? { description: 'Done; no content' }
          : status >= 300 && status < 400
            ? { description: 'Sends the browser on; Location says where', headers: { Location: { schema: { type: 'string' } } } }
            : { description: 'Success', content: { [route.contentType ?? 'application/json']: { schema: jsonSchema(route.response, 'output') } } },
      400: errorResponse('A parameter is invalid, or the URL has a %-escape that is not UTF-8; the message names the parameter.'),
      503: errorResponse('The database is not answering, or the server is busy (OVERLOADED): ask again after Retry-After.', retryAfter),
      504: errorResponse('The database did not answer within the time limit.'),
      403: errorResponse(
        route.access !== 'public' && mode === 'signin'
          ? `FORBIDDEN: this needs the ${route.access} role or higher (details: required, role); CSRF_FAILED, HOST_REFUSED, ORIGIN_REFUSED: see the API description.`
          : 'HOST_REFUSED: the Host header names a host this server does not answer to; ORIGIN_REFUSED: a write sent from another site.',
      ),
    };
    if (route.access !== 'public' && mode === 'signin') responses[401] = errorResponse('UNAUTHENTICATED: sign in first (POST /api/auth/signin); the session is missing, expired or ended.');
    if (route.body) {
      responses[413] = errorResponse('PAYLOAD_TOO_LARGE: the body is larger than the server reads.');
      responses[415] = errorResponse('The body is not JSON (send Content-Type: application/json), or uses a Content-Encoding other than gzip, deflate or none.');
    }
    for (const [code, description] of Object.entries(route.errors ?? {})) {
      responses[code] = errorResponse(description, code === '429' || code === '423' || code === '503' ? retryAfter : undefined);
    }
    (paths[path] ??= {})[route.method] = {
      operationId: `${route.method}${path.replace(/\{([^}]+)\}/g, 'By-$1').replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : ''))}`,
      summary: route.summary,
      ...(route.description ? { description: route.description } : {}),
      tags: [route.tag],
      parameters: [...parameters(route.params, 'path'), ...parameters(route.query, 'query')],
      ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(route.body, 'input') } } } } : {}),
      responses,
      ...security(route, mode),
    };
  }
  return { openapi: '3.1.0', info, paths, components: { securitySchemes: SECURITY_SCHEMES } };
}
