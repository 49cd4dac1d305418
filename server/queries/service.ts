import type { Config } from '../config';
import type { AuditLog } from '../audit/store';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import type { Database } from '../neo4j/database';
import type { Principal } from '../../contract/auth';
import type { CheckResult, QueryParam, QuerySummary, QueryVisibility, RunCypherBody, RunResult, SaveQueryBody, UpdateQueryBody } from '../../contract/queries';
import { checkReadOnly } from './guard';
import { titleFromName, type QueryDefinition } from './header';
import { loadLibrary } from './library';
import { canSee, requireOwner, summaryFor } from './ownership';
import { checkParamValue, prepareAdHoc, prepareDeclared, type ParamProblem } from './params';
import { refuseProtectedValues } from './protected';
import { checkNodeIds, runReadOnly, type RunLimits } from './runner';
import { SavedQueryStore, type StoredQuery } from './store';

export interface RunRequest {
  timeoutMs?: number | undefined;
  maxRows?: number | undefined;
  /** Shown by SHOW TRANSACTIONS, to find a slow query's request in the log. */
  requestId?: string | undefined;
}

function librarySummary(q: QueryDefinition): QuerySummary {
  return {
    name: q.name,
    title: q.title,
    description: q.description,
    ...(q.i18n ? { i18n: q.i18n } : {}),
    source: 'library',
    params: q.params,
    cypher: q.cypher,
    owner: null,
    visibility: 'shared',
    canEdit: false,
  };
}

export interface QueryServiceOptions {
  /** The curated queries; cypher/queries by default. */
  library?: QueryDefinition[];
  /** Where saving, changing and deleting a query is recorded; nothing is recorded without one. */
  audit?: AuditLog;
}

/**
 * The library, the analysts' saved queries and the read-only runner, behind one interface for the routes and
 * the CLI. Every call that touches saved queries takes the asking principal: it decides which saved queries
 * exist for them (server/queries/ownership.ts) and becomes the owner of what they save.
 */
export class QueryService {
  readonly library: ReadonlyMap<string, QueryDefinition>;
  readonly store: SavedQueryStore;
  private readonly audit: AuditLog | undefined;

  constructor(
    private readonly db: Database,
    private readonly config: Pick<Config, 'cypherTimeoutMs' | 'cypherMaxRows'>,
    options: QueryServiceOptions = {},
  ) {
    this.library = new Map((options.library ?? loadLibrary()).map((q) => [q.name, q]));
    this.store = new SavedQueryStore(db);
    this.audit = options.audit;
  }

  /** A request may ask for a shorter timeout or fewer rows than configured, never for more. */
  limits(request: RunRequest = {}): RunLimits {
    return {
      timeoutMs: Math.min(request.timeoutMs ?? this.config.cypherTimeoutMs, this.config.cypherTimeoutMs),
      maxRows: Math.min(request.maxRows ?? this.config.cypherMaxRows, this.config.cypherMaxRows),
    };
  }

  /** Library queries first (in file order), then the saved ones `asker` may see, by name. */
  async list(asker: Principal): Promise<QuerySummary[]> {
    const saved = (await this.store.list()).filter((q) => canSee(q, asker)).map((q) => summaryFor(q, asker));
    return [...[...this.library.values()].map(librarySummary), ...saved];
  }

  /** One query; another user's private query answers 404 as if it did not exist. */
  async get(asker: Principal, name: string): Promise<QuerySummary> {
    const library = this.library.get(name);
    if (library) return librarySummary(library);
    return summaryFor(await this.visibleSaved(asker, name, `There is no query named "${name}". GET /api/queries lists them.`), asker);
  }

  /** Saves a query owned by `asker`, private unless the body says shared. */
  async save(asker: Principal, body: SaveQueryBody): Promise<QuerySummary> {
    this.refuseLibraryName(body.name, 'saved');
    const checked = await this.checkDefinition(body, body.visibility ?? 'private');
    const saved = await this.store.create(checked, asker.name);
    await this.record(asker, 'query.create', saved);
    return summaryFor(saved, asker);
  }

  /** Replaces a saved query; its owner only (admins for one without an owner), else 403 NOT_OWNER. */
  async update(asker: Principal, name: string, body: UpdateQueryBody): Promise<QuerySummary> {
    this.refuseLibraryName(name, 'changed');
    if (body.name !== undefined && body.name !== name) {
      throw new ValidationError(`body field "name": a saved query cannot be renamed ("${name}" → "${body.name}"); save it under the new name and delete the old one.`, [
        { parameter: 'name', message: 'differs from the name in the path' },
      ]);
    }
    const current = await this.visibleSaved(asker, name, `There is no saved query named "${name}".`);
    requireOwner(current, asker, 'changed');
    const checked = await this.checkDefinition({ ...body, name }, body.visibility ?? current.visibility);
    const updated = await this.store.update(checked, current.owner);
    await this.record(asker, 'query.update', updated);
    return summaryFor(updated, asker);
  }

  /** Deletes a saved query; its owner only (admins for one without an owner), else 403 NOT_OWNER. */
  async remove(asker: Principal, name: string): Promise<void> {
    this.refuseLibraryName(name, 'deleted');
    const current = await this.visibleSaved(asker, name, `There is no saved query named "${name}".`);
    requireOwner(current, asker, 'deleted');
    if (!(await this.store.remove(name, current.owner))) throw new NotFoundError(`There is no saved query named "${name}".`);
    await this.record(asker, 'query.delete', current);
  }

  /** Runs a library query or a saved one `asker` may see, with its declared parameters. */
  async run(asker: Principal, name: string, given: Record<string, unknown>, request: RunRequest = {}): Promise<RunResult> {
    const query = this.library.get(name) ?? (await this.visibleSaved(asker, name, `There is no query named "${name}". GET /api/queries lists them.`));
    refuseProtectedValues(given);
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
    refuseProtectedValues(body.params);
    const prepared = prepareAdHoc(checked.parameters, body.params, body.paramTypes);
    await checkNodeIds(this.db, prepared.nodes);
    return runReadOnly(this.db, checked.statement, prepared.driver, limits, this.metadata(request, 'ad-hoc'));
  }

  /** Plans Cypher without running it: refusals as for a run, else the parameters it uses. */
  async check(cypher: string): Promise<CheckResult> {
    const checked = await checkReadOnly(this.db, cypher, this.limits());
    return { queryType: checked.queryType, parameters: checked.parameters };
  }

  /** A saved query `asker` may see; 404 with `missing` for one that does not exist or is another user's private one. */
  private async visibleSaved(asker: Principal, name: string, missing: string): Promise<StoredQuery> {
    const saved = await this.store.get(name);
    if (!saved || !canSee(saved, asker)) throw new NotFoundError(missing);
    return saved;
  }

  /** Records a change to a saved query in the audit trail (never fails the change itself). */
  private async record(asker: Principal, action: 'query.create' | 'query.update' | 'query.delete', query: StoredQuery): Promise<void> {
    await this.audit?.record({ actor: asker.name, role: asker.role, action, target: query.name, detail: `${query.title} (${query.visibility})` });
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
  private async checkDefinition(body: Omit<SaveQueryBody, 'visibility'>, visibility: QueryVisibility) {
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
    return { name: body.name, title: body.title ?? titleFromName(body.name), description: body.description, cypher: body.cypher.trim(), params: body.params, visibility };
  }
}
