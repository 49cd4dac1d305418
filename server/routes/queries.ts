import { z } from 'zod';
import type { AppContext } from '../context';
import { defineRoute } from '../http/route';
import { QueryService } from '../queries/service';
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
  'Refused (422): WRITE_REFUSED (CREATE, MERGE, SET, REMOVE, DELETE, write procedures, schema changes, CALL … IN TRANSACTIONS), ADMIN_REFUSED (users, roles, databases, SHOW TRANSACTIONS/SETTINGS, TERMINATE), LOAD_CSV_REFUSED, PROCEDURE_REFUSED (procedures off the read-only list), MULTIPLE_STATEMENTS, CYPHER_SYNTAX, CYPHER_ERROR.';

const RUN_ERRORS = {
  400: 'A parameter is missing, unknown, of the wrong type, or names no node',
  422: REFUSALS,
  503: 'The database is not answering',
  504: 'QUERY_TIMEOUT: the query ran past its time limit and was cancelled on the server',
};

/** /api/queries* and /api/cypher*: the curated library, analysts' saved queries, and the read-only runner. */
export function queryRoutes(ctx: AppContext) {
  const service = new QueryService(ctx.db, ctx.config);
  const requestId = (req: { id?: unknown }) => (req.id === undefined ? undefined : String(req.id));
  return [
    defineRoute({
      method: 'get',
      path: '/api/queries',
      tag: 'queries',
      summary: 'List the library and saved queries',
      description: 'Library queries (curated files in cypher/queries, read-only) first, then analysts’ saved queries by name; each with its typed parameters and its Cypher.',
      response: QueryList,
      handler: async () => ({ queries: await service.list() }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/queries/:name',
      tag: 'queries',
      summary: 'One query',
      params: QueryNameParams,
      response: QuerySummary,
      errors: { 404: 'No query has that name' },
      handler: async ({ params }) => service.get(params.name),
    }),
    defineRoute({
      method: 'post',
      path: '/api/queries',
      tag: 'queries',
      summary: 'Save an analyst query',
      description: `Saved only if the Cypher parses, is read-only, and the declared params match the $parameters it uses. ${REFUSALS}`,
      body: SaveQueryBody,
      response: QuerySummary,
      status: 201,
      errors: { 400: 'Invalid body, or params that do not match the Cypher', 409: 'The name is taken (by a library or a saved query)', 422: REFUSALS },
      handler: async ({ body }) => service.save(body),
    }),
    defineRoute({
      method: 'put',
      path: '/api/queries/:name',
      tag: 'queries',
      summary: 'Update a saved query',
      description: 'Replaces title, description, Cypher and params, checked as when saving. Library queries cannot be changed.',
      params: QueryNameParams,
      body: UpdateQueryBody,
      response: QuerySummary,
      errors: { 400: 'Invalid body', 404: 'No saved query has that name', 409: 'A library query', 422: REFUSALS },
      handler: async ({ params, body }) => service.update(params.name, body),
    }),
    defineRoute({
      method: 'delete',
      path: '/api/queries/:name',
      tag: 'queries',
      summary: 'Delete a saved query',
      description: 'Library queries are never deleted (409).',
      params: QueryNameParams,
      response: z.undefined(),
      status: 204,
      errors: { 404: 'No saved query has that name', 409: 'A library query' },
      handler: async ({ params, res }) => {
        await service.remove(params.name);
        res.status(204).end();
        return undefined;
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/queries/:name/run',
      tag: 'queries',
      summary: 'Run a library or saved query',
      description: 'Parameters are checked against their declared types (node ids must exist) and converted; the query runs in a read transaction with a time limit and a row cap.',
      params: QueryNameParams,
      body: RunQueryBody,
      response: RunResult,
      errors: { ...RUN_ERRORS, 404: 'No query has that name' },
      handler: async ({ params, body, req }) => service.run(params.name, body.params, { timeoutMs: body.timeoutMs, maxRows: body.maxRows, requestId: requestId(req) }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/cypher/run',
      tag: 'queries',
      summary: 'Run ad-hoc Cypher, read-only',
      description: `One statement, planned first with EXPLAIN and refused unless read-only, then run in a read transaction so that the database refuses writes as well. ${REFUSALS}`,
      body: RunCypherBody,
      response: RunResult,
      errors: RUN_ERRORS,
      handler: async ({ body, req }) => service.runCypher(body, { requestId: requestId(req) }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/cypher/check',
      tag: 'queries',
      summary: 'Check Cypher without running it',
      description: `Plans the text with EXPLAIN: answers the parameters it uses, or the refusal a run would get. ${REFUSALS}`,
      body: CheckCypherBody,
      response: CheckResult,
      errors: { 422: REFUSALS },
      handler: async ({ body }) => service.check(body.cypher),
    }),
  ];
}
