import { z } from 'zod';
import type { AppContext } from '../context';
import { defineRoute } from '../http/route';
import { QueryService } from '../queries/service';
import { authOf } from '../auth/services';
import { requirePrincipal } from '../auth/principal';
import {
  CheckCypherBody,
  CheckResult,
  QueryList,
  QueryNameParams,
  QuerySummary,
  RunCypherBody,
  RunQueryBody,
  RunResult,
  SaveQueryBody,
  UpdateQueryBody,
} from '../../contract/queries';

const REFUSALS =
  'Refused (422): PROTECTED_DATA (names the labels User, Session, AuditEvent or IngestDraft or the properties passwordHash or csrf, in any case, or passes one as a parameter value), WRITE_REFUSED (CREATE, MERGE, SET, REMOVE, DELETE, write procedures, schema changes, CALL … IN TRANSACTIONS), ADMIN_REFUSED (users, roles, databases, SHOW TRANSACTIONS/SETTINGS, TERMINATE), LOAD_CSV_REFUSED, PROCEDURE_REFUSED (procedures off the read-only list), MULTIPLE_STATEMENTS, CYPHER_SYNTAX, CYPHER_ERROR.';

const WITHHELD =
  'Rows that hold a node labelled User, Session, AuditEvent or IngestDraft, or a relationship or path touching one, are left out of the answer, and maps lose the keys passwordHash and csrf.';

const RUN_ERRORS = {
  400: 'A parameter is missing, unknown, of the wrong type, or names no node',
  422: REFUSALS,
  503: 'The database is not answering',
  504: 'QUERY_TIMEOUT: the query ran past its time limit and was cancelled on the server',
};

/** /api/queries* and /api/cypher*: the curated library, analysts' saved queries, and the read-only runner. */
export function queryRoutes(ctx: AppContext) {
  const service = new QueryService(ctx.db, ctx.config, { audit: authOf(ctx).audit });
  const requestId = (req: { id?: unknown }) => (req.id === undefined ? undefined : String(req.id));
  return [
    defineRoute({
      method: 'get',
      path: '/api/queries',
      tag: 'queries',
      access: 'viewer',
      summary: 'List the library and saved queries',
      description:
        'Library queries (curated files in cypher/queries, read-only) first, then the saved queries you may see by name: shared ones, ones saved before queries had owners, and your own private ones. Each with its typed parameters, its Cypher, its owner and whether you may change it (`canEdit`).',
      response: QueryList,
      handler: async ({ req }) => ({ queries: await service.list(requirePrincipal(req)) }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/queries/:name',
      tag: 'queries',
      access: 'viewer',
      summary: 'One query',
      params: QueryNameParams,
      response: QuerySummary,
      errors: { 404: 'No query has that name, or it is another user’s private query' },
      handler: async ({ params, req }) => service.get(requirePrincipal(req), params.name),
    }),
    defineRoute({
      method: 'post',
      path: '/api/queries',
      tag: 'queries',
      access: 'analyst',
      summary: 'Save an analyst query',
      description: `Saved with you as its owner, private unless \`visibility\` is "shared"; only if the Cypher parses, is read-only, and the declared params match the $parameters it uses. ${REFUSALS}`,
      body: SaveQueryBody,
      response: QuerySummary,
      status: 201,
      errors: { 400: 'Invalid body, or params that do not match the Cypher', 409: 'The name is taken (by a library or a saved query)', 422: REFUSALS },
      handler: async ({ body, req }) => service.save(requirePrincipal(req), body),
    }),
    defineRoute({
      method: 'put',
      path: '/api/queries/:name',
      tag: 'queries',
      access: 'analyst',
      summary: 'Update a saved query',
      description:
        'Replaces title, description, Cypher and params (and visibility, if given), checked as when saving. Only the owner may (admins too for a query saved before queries had owners); library queries cannot be changed.',
      params: QueryNameParams,
      body: UpdateQueryBody,
      response: QuerySummary,
      errors: {
        400: 'Invalid body',
        403: 'NOT_OWNER: the query is someone else’s (admins included: save a copy under another name)',
        404: 'No saved query has that name, or it is another user’s private query',
        409: 'A library query',
        422: REFUSALS,
      },
      handler: async ({ params, body, req }) => service.update(requirePrincipal(req), params.name, body),
    }),
    defineRoute({
      method: 'delete',
      path: '/api/queries/:name',
      tag: 'queries',
      access: 'analyst',
      summary: 'Delete a saved query',
      description: 'Only the owner may (admins too for a query saved before queries had owners). Library queries are never deleted (409).',
      params: QueryNameParams,
      response: z.undefined(),
      status: 204,
      errors: {
        403: 'NOT_OWNER: the query is someone else’s',
        404: 'No saved query has that name, or it is another user’s private query',
        409: 'A library query',
      },
      handler: async ({ params, req, res }) => {
        await service.remove(requirePrincipal(req), params.name);
        res.status(204).end();
        return undefined;
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/queries/:name/run',
      tag: 'queries',
      access: 'viewer',
      summary: 'Run a library or saved query',
      description: `Parameters are checked against their declared types (node ids must exist) and converted; the query runs in a read transaction with a time limit and a row cap. ${WITHHELD}`,
      params: QueryNameParams,
      body: RunQueryBody,
      response: RunResult,
      errors: { ...RUN_ERRORS, 404: 'No query has that name, or it is another user’s private query' },
      handler: async ({ params, body, req }) => service.run(requirePrincipal(req), params.name, body.params, { timeoutMs: body.timeoutMs, maxRows: body.maxRows, requestId: requestId(req) }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/cypher/run',
      tag: 'queries',
      access: 'analyst',
      summary: 'Run ad-hoc Cypher, read-only',
      description: `One statement, planned first with EXPLAIN and refused unless read-only, then run in a read transaction so that the database refuses writes as well. ${WITHHELD} ${REFUSALS}`,
      body: RunCypherBody,
      response: RunResult,
      errors: RUN_ERRORS,
      handler: async ({ body, req }) => service.runCypher(body, { requestId: requestId(req) }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/cypher/check',
      tag: 'queries',
      access: 'analyst',
      summary: 'Check Cypher without running it',
      description: `Plans the text with EXPLAIN: answers the parameters it uses, or the refusal a run would get. ${REFUSALS}`,
      body: CheckCypherBody,
      response: CheckResult,
      errors: { 422: REFUSALS },
      handler: async ({ body }) => service.check(body.cypher),
    }),
  ];
}
