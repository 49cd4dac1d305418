import { randomUUID } from 'node:crypto';
import neo4j, { Neo4jError } from 'neo4j-driver';
import type { AuditLog } from '../audit/store';
import { ConflictError, DuplicateArticleError, DuplicateDraftError, NotFoundError, ValidationError } from '../errors';
import type { Database } from '../neo4j/database';
import type { Logger } from '../neo4j/connect';
import { exportSources } from '../seed/export';
import { toGraphRows, writeRows, type GraphRows } from '../seed/load';
import { SeedValidationError, formatProblem, validateSources, type SeedSources } from '../seed/validate';
import { toAppError } from '../neo4j/errors';
import { type AcceptBody, type AcceptResult, type ConvertBody, type ConvertResult, type IngestInput, Proposal, type ProposedFact, type ProposedMention, type PublishedHint } from '../../contract/ingest';
import type { z } from 'zod';
import type { Principal } from '../../contract/auth';
import { AcceptProblems, buildAcceptance, isEntityLabel, mergeIntoExistingFacts, type AcceptProblem } from './accept';
import { convertSource } from './convert';
import { deleteDraftIn, DRAFT_LABEL, DraftStore, type DraftRow } from './drafts';
import { articleWithSha, findNearDuplicates } from './duplicates';
import type { Extraction, Extractor } from './extractor';
import { loadGraphLookup } from './graphLookup';
import { findPublishedHint } from './rules/dates';
import { checkArticleText, textSha256, type TextProblem } from './text';

/** Where the review of a draft opens in the app (hash route of the client). */
export function reviewPath(draftId: string): string {
  return `/#/ingest/${draftId}`;
}

function textProblems(problems: TextProblem[], where = 'body field'): ValidationError {
  return new ValidationError(
    problems.map((p) => `${where} "${p.field}": ${p.message}`).join('; '),
    problems.map((p) => ({ parameter: p.field, message: p.message })),
  );
}

function acceptProblems(problems: AcceptProblem[]): ValidationError {
  const shown = problems.slice(0, 30).map((p) => `${p.parameter}: ${p.message}`);
  const more = problems.length > shown.length ? [`… and ${problems.length - shown.length} more`] : [];
  return new ValidationError(`The article cannot be accepted as decided (${problems.length} problem${problems.length === 1 ? '' : 's'}); nothing was written. ${[...shown, ...more].join('; ')}`, problems);
}

/**
 * Keeps only what holds verbatim at its offsets: a proposal whose span does not hold its words would put a
 * wrong highlight in front of the reviewer. Drops are logged; they mean the extractor has a bug.
 */
export function keepVerbatim(text: string, extraction: Extraction, log?: Logger): Extraction {
  const holds = (start: number, end: number, words: string) => Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end > start && end <= text.length && text.slice(start, end) === words;
  const mentions: ProposedMention[] = extraction.mentions.filter((m) => holds(m.start, m.end, m.surface));
  const facts: ProposedFact[] = [];
  for (const f of extraction.facts) {
    const evidence = f.evidence.filter((e) => holds(e.start, e.end, e.quote));
    if (evidence.length) facts.push(evidence.length === f.evidence.length ? f : { ...f, evidence });
  }
  const hint: PublishedHint | null = extraction.publishedHint && holds(extraction.publishedHint.start, extraction.publishedHint.end, extraction.publishedHint.quote) ? extraction.publishedHint : null;
  const dropped = extraction.mentions.length - mentions.length + (extraction.facts.length - facts.length) + (extraction.publishedHint && !hint ? 1 : 0);
  if (dropped > 0) log?.warn({ dropped }, 'the extractor proposed spans that do not hold their words at their offsets; they were left out');
  // New entities nothing refers to any more would only clutter the review.
  const used = new Set<unknown>([...mentions.map((m) => m.newEntity?.key), ...facts.flatMap((f) => [f.from, f.to, ...Object.values(f.properties)])]);
  const entities = extraction.entities.filter((e) => used.has(e.key));
  return { entities, mentions, facts, publishedHint: hint };
}

/** Options of one proposal run, for the CLI and tests. */
export interface IngestServiceOptions {
  extractor: Extractor;
  log?: Logger;
  /** Where drafts made, discarded and accepted are recorded, with the principal who did it. */
  audit?: AuditLog;
}

/** Ingestion: proposals from the extractor kept as drafts, reviewed, and accepted into the graph as the seed loader would write them. */
export class IngestService {
  readonly drafts: DraftStore;
  private readonly extractor: Extractor;
  private readonly log: Logger | undefined;
  private readonly audit: AuditLog | undefined;

  constructor(
    private readonly db: Database,
    options: IngestServiceOptions,
  ) {
    this.drafts = new DraftStore(db);
    this.extractor = options.extractor;
    this.log = options.log;
    this.audit = options.audit;
  }

  /** Records what `by` did in the audit trail (when the service has one and knows who asked). */
  private async record(by: Principal | undefined, action: 'ingest.draft' | 'ingest.discard' | 'ingest.accept', target: string, detail: string): Promise<void> {
    if (by) await this.audit?.record({ actor: by.name, role: by.role, action, target, detail });
  }

  /** Runs the extractor on a new article and stores the proposal as a draft; refuses a text already in the graph or in a draft. */
  async propose(input: IngestInput, by?: Principal): Promise<Proposal> {
    const problems = checkArticleText(input.text);
    if (problems.length) throw textProblems(problems);
    const sha256 = textSha256(input.text);
    const article = await articleWithSha(this.db, sha256);
    if (article) throw new DuplicateArticleError(article.id, article.title);
    const draft = await this.drafts.findBySha(sha256);
    if (draft) throw new DuplicateDraftError(draft.id, draft.title);

    const graph = await loadGraphLookup(this.db);
    const extraction = keepVerbatim(input.text, await this.extractor.extract({ text: input.text, title: input.title, ...(input.published ? { published: input.published } : {}) }, graph), this.log);
    const published = input.published ?? extraction.publishedHint?.date ?? null;
    const duplicates = await findNearDuplicates(this.db, { title: input.title, text: input.text, published });
    const proposal = Proposal.parse({
      id: `draft-${randomUUID()}`,
      title: input.title,
      text: input.text,
      published,
      publishedHint: extraction.publishedHint,
      outlet: input.outlet ?? null,
      url: input.url ?? null,
      sha256,
      createdAt: new Date().toISOString(),
      extractor: this.extractor.name,
      duplicates,
      entities: extraction.entities,
      mentions: extraction.mentions,
      facts: extraction.facts,
    } satisfies Proposal);
    await this.drafts.create(proposal);
    await this.record(by, 'ingest.draft', proposal.id, proposal.title);
    return proposal;
  }

  get(id: string): Promise<Proposal> {
    return this.drafts.get(id);
  }

  list(): Promise<DraftRow[]> {
    return this.drafts.list();
  }

  /** Discards a draft; an unknown id answers 404. */
  async remove(id: string, by?: Principal): Promise<void> {
    const title = by && this.audit ? (await this.db.read<{ title: unknown }>(`MATCH (d:${DRAFT_LABEL} {id: $id}) RETURN d.title AS title`, { id })).records[0]?.get('title') : undefined;
    await this.drafts.remove(id);
    await this.record(by, 'ingest.discard', id, typeof title === 'string' ? title : '');
  }

  /** A file's content as article text, with the title and publication date it gives itself. */
  convert(body: z.infer<typeof ConvertBody>): z.infer<typeof ConvertResult> {
    const { text, title } = convertSource(body.format, body.content);
    const problems = checkArticleText(text, 'content');
    if (problems.length) throw textProblems(problems);
    // The date rule of the Swedish rules: it needs neither the graph nor a full extraction.
    return { text, title, publishedHint: findPublishedHint(text) };
  }

  /**
   * Accepts a draft as decided: the article, its mentions, the new entities and the accepted facts are built in
   * the seed format, validated together with the whole graph by the seed validator, and written in one
   * transaction that also deletes the draft. Any problem: 400 listing each, nothing written.
   */
  async accept(id: string, decisions: AcceptBody, by?: Principal): Promise<AcceptResult> {
    const draft = await this.drafts.get(id);
    const article = await articleWithSha(this.db, draft.sha256);
    if (article) throw new DuplicateArticleError(article.id, article.title);

    const sources = await exportSources(this.db.driver, this.db.database);
    const entityLabels = new Map(
      sources.entitiesFiles.flatMap((f) => f.data.entities).flatMap((e) => (isEntityLabel(e.label) ? [[e.id, e.label] as const] : [])),
    );
    const takenIds = new Set<string>([
      ...sources.entitiesFiles.flatMap((f) => f.data.entities.flatMap((e) => [e.id, ...(e.label === 'Actor' ? (e.names ?? []).map((n) => n.id) : [])])),
      ...sources.articleFiles.flatMap((f) => [f.data.article.id, ...f.data.facts.map((x) => x.id)]),
    ]);
    let acceptance;
    try {
      acceptance = buildAcceptance(draft, decisions, { entityLabels, takenIds });
    } catch (err) {
      if (err instanceof AcceptProblems) throw acceptProblems(err.problems);
      throw err;
    }

    const articlePath = `ingest/${acceptance.articleId}.yaml`;
    const entitiesPath = `ingest/${acceptance.articleId}-entities.yaml`;
    // A statement the graph already has gains this article's evidence instead of a second relationship.
    const { articleFiles, articleFile, merged } = mergeIntoExistingFacts(sources.articleFiles, acceptance);
    const withArticle: SeedSources = {
      entitiesFiles: [...sources.entitiesFiles, ...(acceptance.newEntities.length ? [{ path: entitiesPath, data: { entities: acceptance.newEntities } }] : [])],
      articleFiles: [...articleFiles, { path: articlePath, name: `${acceptance.articleId}.yaml`, data: articleFile }],
      texts: new Map([...sources.texts, [acceptance.file, { text: draft.text, sha256: draft.sha256 }]]),
    };
    let corpus;
    try {
      corpus = validateSources(withArticle, 'ingest');
    } catch (err) {
      if (err instanceof SeedValidationError) {
        throw acceptProblems(err.problems.map((p) => ({ parameter: p.file === articlePath || p.file === entitiesPath ? p.entry || 'article' : formatProblem(p), message: p.message })));
      }
      throw err;
    }

    const newEntityIds = new Set(acceptance.newEntities.map((e) => e.id));
    const mergedIds = new Map(merged.map((m) => [m.key, m.id]));
    const factIds = acceptance.facts.map((f) => ({ key: f.key, id: mergedIds.get(f.key) ?? f.id }));
    const newFactIds = new Set(factIds.map((f) => f.id));
    const all = toGraphRows(corpus);
    const rows: GraphRows = {
      entities: all.entities.map((b) => ({ label: b.label, rows: b.rows.filter((r) => newEntityIds.has(r.id)) })).filter((b) => b.rows.length > 0),
      names: [],
      articles: all.articles.filter((r) => r.id === acceptance.articleId),
      facts: all.facts.map((b) => ({ ...b, rows: b.rows.filter((r) => newFactIds.has(r.id)) })).filter((b) => b.rows.length > 0),
      mentions: all.mentions.filter((r) => r.from === acceptance.articleId),
    };
    const newIds = [acceptance.articleId, ...newEntityIds];

    const session = this.db.driver.session({ database: this.db.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      await session.executeWrite(
        async (tx) => {
          if (!(await deleteDraftIn(tx, id))) throw new NotFoundError(`Draft "${id}" was accepted or discarded while you were reviewing it; nothing was written.`, { id });
          const clash = await tx.run('MATCH (n) WHERE (n:Entity OR n:Article) AND n.id IN $ids RETURN n.id AS id', { ids: newIds });
          if (clash.records.length) {
            throw new ConflictError(`The graph changed while the article was being accepted (${clash.records.map((r) => String(r.get('id'))).join(', ')} now exist); nothing was written. Accept again.`);
          }
          const same = await tx.run('MATCH (a:Article {sha256: $sha256}) RETURN a.id AS id, a.title AS title LIMIT 1', { sha256: draft.sha256 });
          if (same.records.length) throw new DuplicateArticleError(String(same.records[0]!.get('id')), String(same.records[0]!.get('title')));
          await writeRows(tx, rows);
        },
        { timeout: 120_000 },
      );
    } catch (err) {
      if (err instanceof Neo4jError && err.code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
        // A node outside the curated graph (no Entity label) holds one of the new ids; the write was undone.
        throw new ConflictError(`The database already holds a node with one of the new ids (${newIds.join(', ')}) outside the curated graph; nothing was written. Remove or rename that node and accept again.`);
      }
      throw toAppError(err, { timeoutMs: 120_000 });
    } finally {
      await session.close();
    }
    const mentions = rows.mentions.reduce((n, m) => n + (m.props['starts'] as unknown[]).length, 0);
    this.log?.info({ draft: id, article: acceptance.articleId, entities: newEntityIds.size, facts: newFactIds.size, mentions }, 'article accepted');
    await this.record(by, 'ingest.accept', acceptance.articleId, acceptance.articleFile.article.title);
    return {
      articleId: acceptance.articleId,
      createdEntities: acceptance.createdEntities,
      linkedEntities: acceptance.linkedEntities,
      mentions,
      facts: factIds,
      reviewedAt: acceptance.reviewedAt,
    };
  }
}
