import { randomUUID } from 'node:crypto';
import neo4j from 'neo4j-driver';
import { ValidationError } from '../errors';
import type { Database } from '../neo4j/database';
import type { Logger } from '../neo4j/connect';
import type { AuditAction, AuditEntry, AuditList } from '../../contract/auth';

/** What happened, as the caller knows it; `id` and `at` are added when it is recorded. */
export interface AuditEventInput {
  /** The user name; "local" in open mode, "cli" for npm run user. */
  actor: string;
  /** The actor's role at the time; "" when nobody is signed in (a failed sign-in). */
  role: string;
  action: AuditAction;
  /** What it was done to: a user name, a saved query's name, a draft id or an article id. */
  target: string;
  /** A short human-readable note, e.g. the accepted article's title. */
  detail?: string;
}

/** GET /api/audit's filter (AuditQuery once parsed): newest first, strictly before `before` when given. */
export interface AuditFilter {
  limit?: number;
  before?: string | undefined;
  action?: AuditAction | undefined;
  actor?: string | undefined;
}

const SCHEMA = [
  'CREATE CONSTRAINT audit_event_id IF NOT EXISTS FOR (e:AuditEvent) REQUIRE e.id IS UNIQUE',
  'CREATE RANGE INDEX audit_event_at IF NOT EXISTS FOR (e:AuditEvent) ON (e.at)',
];

/** Events read per round trip when the whole trail is exported. */
const EXPORT_BATCH = 1_000;

/**
 * Microseconds since the epoch, strictly increasing within the process: events recorded in the same
 * millisecond still get distinct, ordered times, so paging by `before` never skips one.
 */
let lastMicros = 0;
function nextMicros(): number {
  lastMicros = Math.max(Date.now() * 1_000, lastMicros + 1);
  return lastMicros;
}

/** An ISO 8601 UTC time with six fractional digits, e.g. 2025-03-01T09:30:00.123456Z. */
export function isoMicros(micros: number): string {
  const ms = Math.floor(micros / 1_000);
  const sub = String(micros - ms * 1_000).padStart(3, '0');
  return new Date(ms).toISOString().replace(/Z$/, `${sub}Z`);
}

/**
 * An ISO date-time with any offset and precision (AuditQuery's `before`) as the UTC microsecond text events are
 * stored with, rounded up: events have whole microseconds, so `at < before` keeps its meaning. Neo4j would
 * refuse some offsets zod accepts (beyond ±18:00); JavaScript reads them all.
 */
export function utcMicros(iso: string): string {
  const m = /^(.*T\d\d:\d\d(?::\d\d)?)(?:\.(\d+))?(Z|[+-]\d\d:?\d\d)$/i.exec(iso);
  const seconds = m ? Date.parse(`${m[1]}${m[3]}`) : Number.NaN;
  if (!m || Number.isNaN(seconds)) throw new ValidationError(`query parameter "before": "${iso}" is not an ISO date-time; pass the \`next\` of the previous page.`, [{ parameter: 'before', message: 'not an ISO date-time' }]);
  const digits = m[2] ?? '';
  const micros = Number(digits.slice(0, 6).padEnd(6, '0')) + (/[1-9]/.test(digits.slice(6)) ? 1 : 0);
  // Microseconds stay exact as JavaScript numbers only within about ±285 years of 1970; every event lies
  // between these bounds anyway, so a cursor beyond them means the same as the bound.
  return isoMicros(Math.min(Math.max(seconds * 1_000 + micros, FIRST_MICROS), LAST_MICROS));
}

const FIRST_MICROS = Date.parse('1900-01-01T00:00:00Z') * 1_000;
const LAST_MICROS = Date.parse('2200-01-01T00:00:00Z') * 1_000;

/** A stored `at` (a Neo4j DateTime, in UTC as recorded) as the fixed-width ISO text the API answers. */
function atText(value: unknown): string {
  if (neo4j.isDateTime(value)) {
    const offset = value.timeZoneOffsetSeconds === undefined ? 0 : Number(value.timeZoneOffsetSeconds);
    const millis = value.toStandardDate().getTime();
    if (offset === 0) return isoMicros(millis * 1_000 + Math.floor((Number(value.nanosecond) % 1_000_000) / 1_000));
    return new Date(millis).toISOString();
  }
  return String(value ?? '');
}

function toEntry(props: Record<string, unknown>): AuditEntry {
  return {
    id: String(props['id'] ?? ''),
    at: atText(props['at']),
    actor: String(props['actor'] ?? ''),
    role: String(props['role'] ?? ''),
    action: String(props['action'] ?? '') as AuditAction,
    target: String(props['target'] ?? ''),
    detail: String(props['detail'] ?? ''),
  };
}

/**
 * The audit trail: (:AuditEvent {id, at, actor, role, action, target, detail}) nodes in Neo4j, written after
 * an action has succeeded. Recording never throws: a failed write is logged and the action's answer stands.
 */
export class AuditLog {
  private ready: Promise<void> | undefined;

  constructor(
    private readonly db: Database,
    private readonly log: Logger,
  ) {}

  /** Creates the id constraint and the index on `at` once; retried on the next call if it failed. */
  init(): Promise<void> {
    this.ready ??= (async () => {
      for (const statement of SCHEMA) await this.db.write(statement, {}, { timeoutMs: 30_000 });
    })().catch((err: unknown) => {
      this.ready = undefined;
      throw err;
    });
    return this.ready;
  }

  /** Records one event. Never throws: the action it describes already happened, and its answer must not fail. */
  async record(event: AuditEventInput): Promise<void> {
    const entry = { id: randomUUID(), at: isoMicros(nextMicros()), actor: event.actor, role: event.role, action: event.action, target: event.target, detail: event.detail ?? '' };
    try {
      await this.init();
      await this.db.write(
        `CREATE (:AuditEvent {id: $id, at: datetime($at), actor: $actor, role: $role, action: $action, target: $target, detail: $detail})`,
        entry,
        { metadata: { app: 'explorer', purpose: 'audit' } },
      );
    } catch (err) {
      this.log.error({ err, audit: entry }, 'An audit event could not be written; the action itself succeeded');
    }
  }

  /** One page of the trail, newest first; `next` is the `at` to pass as `before` for the following page, or null. */
  async list(filter: AuditFilter = {}): Promise<AuditList> {
    await this.init();
    const limit = Math.max(1, Math.min(filter.limit ?? 100, 500));
    const result = await this.db.read<{ event: Record<string, unknown> }>(
      `MATCH (e:AuditEvent)
       WHERE ($before IS NULL OR e.at < datetime($before))
         AND ($action IS NULL OR e.action = $action)
         AND ($actor IS NULL OR e.actor = $actor)
       RETURN properties(e) AS event
       ORDER BY e.at DESC, e.id DESC
       LIMIT $fetch`,
      { before: filter.before === undefined ? null : utcMicros(filter.before), action: filter.action ?? null, actor: filter.actor ?? null, fetch: neo4j.int(limit + 1) },
    );
    const entries = result.records.map((r) => toEntry(r.get('event')));
    const more = entries.length > limit;
    if (more) entries.length = limit;
    return { entries, next: more ? entries[entries.length - 1]!.at : null };
  }

  /** The whole trail, oldest first, read in batches so an export of a long trail never holds it all at once. */
  async *all(): AsyncIterable<AuditEntry> {
    await this.init();
    let after: { at: unknown; id: string } | null = null;
    for (;;) {
      const result: { records: { get(key: 'event'): Record<string, unknown> }[] } = await this.db.read<{ event: Record<string, unknown> }>(
        `MATCH (e:AuditEvent)
         WHERE $after IS NULL OR e.at > $after.at OR (e.at = $after.at AND e.id > $after.id)
         RETURN properties(e) AS event
         ORDER BY e.at, e.id
         LIMIT $batch`,
        { after, batch: neo4j.int(EXPORT_BATCH) },
      );
      for (const record of result.records) yield toEntry(record.get('event'));
      if (result.records.length < EXPORT_BATCH) return;
      const last = result.records[result.records.length - 1]!.get('event');
      after = { at: last['at'], id: String(last['id']) };
    }
  }
}
