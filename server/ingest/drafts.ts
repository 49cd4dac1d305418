import { Neo4jError } from 'neo4j-driver';
import type { ManagedTransaction } from 'neo4j-driver';
import { DraftUnreadableError, DuplicateDraftError, NotFoundError } from '../errors';
import type { Database } from '../neo4j/database';
import { Proposal } from '../../contract/ingest';

/**
 * Drafts are kept in Neo4j as (:IngestDraft) nodes holding the proposal as JSON, so they survive restarts and
 * travel with the database. They carry neither `Entity` nor `Article`, which every explorer query selects on,
 * and the catalog hides their label and the keys only they use, so nothing of a draft shows until it is accepted.
 */
export const DRAFT_LABEL = 'IngestDraft';
/** Property keys only drafts use (the whole proposal as JSON, its counts and time); /api/schema leaves them out with the label. */
export const DRAFT_ONLY_KEYS = ['draftJson', 'draftMentions', 'draftFacts', 'draftCreatedAt'] as const;

const CONSTRAINTS = [
  `CREATE CONSTRAINT ingest_draft_id IF NOT EXISTS FOR (d:${DRAFT_LABEL}) REQUIRE d.id IS UNIQUE`,
  // One draft per text: a second submission of the same text is refused even when two arrive at once.
  `CREATE CONSTRAINT ingest_draft_sha256 IF NOT EXISTS FOR (d:${DRAFT_LABEL}) REQUIRE d.sha256 IS UNIQUE`,
];

/** A short row for the list of drafts. */
export interface DraftRow {
  id: string;
  title: string;
  published: string | null;
  createdAt: string;
  outlet: string | null;
  mentions: number;
  facts: number;
}

function parseDraft(json: unknown, id: string): Proposal {
  try {
    return Proposal.parse(JSON.parse(String(json)));
  } catch {
    // A draft written by an older version, or edited by hand: say so rather than answer half a proposal.
    throw new DraftUnreadableError(id);
  }
}

/** The (:IngestDraft) nodes: create, read, list, delete. Each call is a transaction of its own. */
export class DraftStore {
  private ready: Promise<void> | undefined;

  constructor(private readonly db: Database) {}

  /** Creates the constraints once; retried on the next call if that failed. */
  init(): Promise<void> {
    this.ready ??= (async () => {
      for (const statement of CONSTRAINTS) await this.db.write(statement, {}, { timeoutMs: 30_000 });
    })().catch((err: unknown) => {
      this.ready = undefined;
      throw err;
    });
    return this.ready;
  }

  /** Stores a proposal; a text already held by a draft answers 409 DUPLICATE_DRAFT. */
  async create(proposal: Proposal): Promise<void> {
    await this.init();
    try {
      await this.db.write(
        `CREATE (d:${DRAFT_LABEL} {id: $id, sha256: $sha256, title: $title, published: $published, outlet: $outlet, draftCreatedAt: $createdAt,
                                   draftMentions: $mentions, draftFacts: $facts, draftJson: $json})`,
        {
          id: proposal.id,
          sha256: proposal.sha256,
          title: proposal.title,
          published: proposal.published,
          outlet: proposal.outlet,
          createdAt: proposal.createdAt,
          mentions: proposal.mentions.length,
          facts: proposal.facts.length,
          json: JSON.stringify(proposal),
        },
      );
    } catch (err) {
      if (err instanceof Neo4jError && err.code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
        const other = await this.findBySha(proposal.sha256);
        if (other) throw new DuplicateDraftError(other.id, other.title);
      }
      throw err;
    }
  }

  /** The draft holding this text, if any. */
  async findBySha(sha256: string): Promise<{ id: string; title: string } | undefined> {
    await this.init();
    const result = await this.db.read<{ id: string; title: string }>(`MATCH (d:${DRAFT_LABEL} {sha256: $sha256}) RETURN d.id AS id, d.title AS title`, { sha256 });
    const record = result.records[0];
    return record ? { id: record.get('id'), title: record.get('title') } : undefined;
  }

  /** One draft; an unknown id answers 404. */
  async get(id: string): Promise<Proposal> {
    await this.init();
    const result = await this.db.read<{ json: unknown }>(`MATCH (d:${DRAFT_LABEL} {id: $id}) RETURN d.draftJson AS json`, { id });
    const record = result.records[0];
    if (!record) throw new NotFoundError(`There is no draft "${id}": it was accepted or discarded, or never existed. GET /api/ingest/proposals lists the drafts.`, { id });
    return parseDraft(record.get('json'), id);
  }

  /** Every draft, newest first. */
  async list(): Promise<DraftRow[]> {
    await this.init();
    const result = await this.db.read(
      `MATCH (d:${DRAFT_LABEL})
       RETURN d.id AS id, d.title AS title, d.published AS published, d.draftCreatedAt AS createdAt, d.outlet AS outlet,
              coalesce(d.draftMentions, 0) AS mentions, coalesce(d.draftFacts, 0) AS facts
       ORDER BY createdAt DESC, id`,
    );
    return result.records.map((r) => ({
      id: String(r.get('id')),
      title: String(r.get('title')),
      published: (r.get('published') as string | null) ?? null,
      createdAt: String(r.get('createdAt')),
      outlet: (r.get('outlet') as string | null) ?? null,
      mentions: Number(r.get('mentions')),
      facts: Number(r.get('facts')),
    }));
  }

  /** Deletes a draft; an unknown id answers 404. */
  async remove(id: string): Promise<void> {
    await this.init();
    const result = await this.db.write<{ deleted: unknown }>(`MATCH (d:${DRAFT_LABEL} {id: $id}) DELETE d RETURN count(*) AS deleted`, { id });
    if (Number(result.records[0]?.get('deleted') ?? 0) === 0) throw new NotFoundError(`There is no draft "${id}" to discard.`, { id });
  }
}

/** Deletes the draft inside a caller's transaction (accept); answers whether it was still there. */
export async function deleteDraftIn(tx: ManagedTransaction, id: string): Promise<boolean> {
  const result = await tx.run(`MATCH (d:${DRAFT_LABEL} {id: $id}) DELETE d RETURN count(*) AS deleted`, { id });
  return Number(result.records[0]?.get('deleted') ?? 0) > 0;
}
