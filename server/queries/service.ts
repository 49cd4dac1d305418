import type { Config } from '../config';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import type { Database } from '../neo4j/database';
import type { CheckResult, QueryParam, QuerySummary, RunCypherBody, RunResult, SaveQueryBody, UpdateQueryBody } from '../../contract/queries';
import { checkReadOnly } from './guard';
import { titleFromName, type QueryDefinition } from './header';
import { loadLibrary } from './library';
import { checkParamValue, prepareAdHoc, prepareDeclared, type ParamProblem } from './params';
import { checkNodeIds, runReadOnly, type RunLimits } from './runner';
import { SavedQueryStore } from './store';

export interface RunRequest {
  timeoutMs?: number | undefined;
  maxRows?: number | undefined;
  /** Shown by SHOW TRANSACTIONS, to find a slow query's request in the log. */
  requestId?: string | undefined;
}

function librarySummary(q: QueryDefinition): QuerySummary {
  return { name: q.name, title: q.title, description: q.description, ...(q.i18n ? { i18n: q.i18n } : {}), source: 'library', params: q.params, cypher: q.cypher };
}

/** The library, the analysts' saved queries and the read-only runner, behind one interface for the routes and the CLI. */
export class QueryService {
  readonly library: ReadonlyMap<string, QueryDefinition>;
  readonly store: SavedQueryStore;

  constructor(
    private readonly db: Database,
    private readonly config: Pick<Config, 'cypherTimeoutMs' | 'cypherMaxRows'>,
    library: QueryDefinition[] = loadLibrary(),
  ) {
    this.library = new Map(library.map((q) => [q.name, q]));
    this.store = new SavedQueryStore(db);
  }

  /** A request may ask for a shorter timeout or fewer rows than configured, never for more. */
  limits(request: RunRequest = {}): RunLimits {
    return {
      timeoutMs: Math.min(request.timeoutMs ?? this.config.cypherTimeoutMs, this.config.cypherTimeoutMs),
      maxRows: Math.min(request.maxRows ?? this.config.cypherMaxRows, this.config.cypherMaxRows),
    };
  }

  /** Library queries first (in file order), then saved ones by name. */
  async list(): Promise<QuerySummary[]> {
    return [...[...this.library.values()].map(librarySummary), ...(await this.store.list())];
  }

  async get(name: string): Promise<QuerySummary> {
    const library = this.library.get(name);
    if (library) return librarySummary(library);
    const saved = await this.store.get(name);
    if (!saved) throw new NotFoundError(`There is no query named "${name}". GET /api/queries lists them.`);
    return saved;
  }

  async save(body: SaveQueryBody): Promise<QuerySummary> {
    this.refuseLibraryName(body.name, 'saved');
    const checked = await this.checkDefinition(body);
    return this.store.create(checked);
  }

  async update(name: string, body: UpdateQueryBody): Promise<QuerySummary> {
    this.refuseLibraryName(name, 'changed');
    if (body.name !== undefined && body.name !== name) {
      throw new ValidationError(`body field "name": a saved query cannot be renamed ("${name}" → "${body.name}"); save it under the new name and delete the old one.`, [
        { parameter: 'name', message: 'differs from the name in the path' },
      ]);
    }
    const checked = await this.checkDefinition({ ...body, name });
    return this.store.update(checked);
  }

  async remove(name: string): Promise<void> {
    this.refuseLibraryName(name, 'deleted');
    if (!(await this.store.remove(name))) throw new NotFoundError(`There is no saved query named "${name}".`);
  }

  /** Runs a library or saved query with its declared parameters. */
  async run(name: string, given: Record<string, unknown>, request: RunRequest = {}): Promise<RunResult> {
    const query = this.library.get(name) ?? (await this.store.get(name));
    if (!query) throw new NotFoundError(`There is no query named "${name}". GET /api/queries lists them.`);
    const prepared = prepareDeclared(query.params, given);
    const limits = this.limits(request);
    const checked = await checkReadOnly(this.db, query.cypher, limits);
    await checkNodeIds(this.db, prepared.nodes);
    return runReadOnly(this.db, checked.statement, prepared.driver, limits, this.metadata(request, name));
  }

  /** Runs ad-hoc Cypher, refused unless it is one read-only statement. */
  async runCypher(body: RunCypherBody, request: RunRequest = {}): Promise<RunResult> {
    const limits = this.limits({ ...request, timeoutMs: body.timeoutMs ?? request.timeoutMs, maxRows: body.maxRows ?? request.maxRows });
    const checked = await checkReadOnly(this.db, body.cypher, limits);
    const prepared = prepareAdHoc(checked.parameters, body.params, body.paramTypes);
    await checkNodeIds(this.db, prepared.nodes);
    return runReadOnly(this.db, checked.statement, prepared.driver, limits, this.metadata(request, 'ad-hoc'));
  }

  /** Plans Cypher without running it: refusals as for a run, else the parameters it uses. */
  async check(cypher: string): Promise<CheckResult> {
    const checked = await checkReadOnly(this.db, cypher, this.limits());
    return { queryType: checked.queryType, parameters: checked.parameters };
  }

  private metadata(request: RunRequest, query: string): Record<string, string> {
    return { query, ...(request.requestId ? { requestId: request.requestId } : {}) };
  }

  private refuseLibraryName(name: string, verb: string): void {
    if (this.library.has(name)) {
      throw new ConflictError(`"${name}" is a library query (cypher/queries/${name}.cypher); library queries cannot be ${verb} here. Save a copy under another name.`, {
        source: 'library',
      });
    }
  }

  /** A query is saved only if it parses, is read-only, and its declared params match the $params it uses. */
  private async checkDefinition(body: SaveQueryBody) {
    const checked = await checkReadOnly(this.db, body.cypher, this.limits());
    const problems: ParamProblem[] = [];
    const declared = new Map<string, QueryParam>();
    body.params.forEach((p, i) => {
      if (declared.has(p.name)) problems.push({ parameter: `params.${i}.name`, message: `"${p.name}" is declared twice` });
      declared.set(p.name, p);
      if (p.default !== undefined && p.default !== null) {
        const fits = checkParamValue(p.type, p.default);
        if (!fits.ok) problems.push({ parameter: `params.${i}.default`, message: `the default of "${p.name}" does not fit its type ${p.type}: ${fits.message}` });
      }
      if (!checked.parameters.includes(p.name)) problems.push({ parameter: `params.${i}`, message: `"${p.name}" is declared but the query never uses $${p.name}` });
    });
    for (const used of checked.parameters) {
      if (!declared.has(used)) problems.push({ parameter: 'params', message: `the query uses $${used} but params declares no "${used}"` });
    }
    if (problems.length) {
      throw new ValidationError(problems.map((p) => `body field "${p.parameter}": ${p.message}`).join('; '), problems);
    }
    return { name: body.name, title: body.title ?? titleFromName(body.name), description: body.description, cypher: body.cypher.trim(), params: body.params };
  }
}
