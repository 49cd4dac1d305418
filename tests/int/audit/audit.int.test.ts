import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditLog } from '../../../server/audit/store';
import type { Logger } from '../../../server/neo4j/connect';
import type { AuditEntry, AuditList } from '../../../contract/auth';
import type { AcceptResult, Proposal } from '../../../contract/ingest';
import { addTestUser, seedCorpus } from '../api/harness';
import { Browser, passwordOf, send, startSigninApp, type SigninApp } from '../auth/support';
import { newArticle } from '../ingest/support';
import { getTestDatabase, getTestDriver, resetDatabase } from '../../support/neo4j';

/**
 * Issue 14, the audit trail: who did what, when, kept as (:AuditEvent) nodes; read by admins a page at a time
 * (GET /api/audit) or whole as CSV (GET /api/audit.csv). Recording never makes the action it records fail.
 */

/** A logger that keeps what was logged, to see that a failed audit write is reported. */
function recordingLog(): Logger & { errors: unknown[] } {
  const errors: unknown[] = [];
  return { errors, info() {}, warn() {}, debug() {}, error: (obj: object | string) => void errors.push(obj) };
}

const PARSE_CSV = /("(?:[^"]|"")*"|[^,\r\n]*)(,|\r\n|$)/y;

/** Reads RFC 4180 text into records of cells. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  PARSE_CSV.lastIndex = 0;
  while (PARSE_CSV.lastIndex < text.length) {
    const m = PARSE_CSV.exec(text);
    if (!m) throw new Error(`not CSV at ${PARSE_CSV.lastIndex}`);
    const raw = m[1]!;
    record.push(raw.startsWith('"') ? raw.slice(1, -1).replace(/""/g, '"') : raw);
    if (m[2] !== ',') {
      records.push(record);
      record = [];
    }
  }
  return records;
}

describe('the audit log in Neo4j', () => {
  let audit: AuditLog;

  beforeAll(async () => {
    await resetDatabase();
    audit = new AuditLog(getTestDatabase(), recordingLog());
  });

  it('records an event with an id and a time, and lists it newest first with filters by action and actor', async () => {
    await audit.record({ actor: 'anna', role: 'analyst', action: 'query.create', target: 'first', detail: 'Första' });
    await audit.record({ actor: 'bo', role: 'curator', action: 'ingest.accept', target: 'article-x', detail: 'Ärende' });
    await audit.record({ actor: 'anna', role: 'analyst', action: 'query.delete', target: 'first' });
    const all = await audit.list();
    expect(all.entries.map((e) => `${e.actor} ${e.action} ${e.target}`)).toEqual(['anna query.delete first', 'bo ingest.accept article-x', 'anna query.create first']);
    expect(all.entries[0]).toMatchObject({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/), detail: '' });
    expect(all.next).toBeNull();
    expect((await audit.list({ actor: 'anna' })).entries.map((e) => e.action)).toEqual(['query.delete', 'query.create']);
    expect((await audit.list({ action: 'ingest.accept' })).entries.map((e) => e.actor)).toEqual(['bo']);
  });

  it('pages with `before` = `next` without skipping or repeating events recorded within one millisecond', async () => {
    await resetDatabase();
    await Promise.all(Array.from({ length: 25 }, (_, i) => audit.record({ actor: 'anna', role: 'analyst', action: 'query.update', target: `q-${i}` })));
    const seen: AuditEntry[] = [];
    let before: string | undefined;
    for (let page = 0; page < 10; page++) {
      const list: AuditList = await audit.list({ limit: 7, ...(before ? { before } : {}) });
      seen.push(...list.entries);
      if (!list.next) break;
      before = list.next;
    }
    expect(seen).toHaveLength(25);
    expect(new Set(seen.map((e) => e.id)).size).toBe(25);
    expect(seen.map((e) => e.at)).toEqual([...seen.map((e) => e.at)].sort().reverse());
  });

  it('exports the whole trail oldest first, in batches, even when many events share one time', async () => {
    await resetDatabase();
    await getTestDriver().executeQuery(
      "UNWIND range(1, 1005) AS i CREATE (:AuditEvent {id: 'bulk-' + right('0000' + toString(i), 4), at: datetime('2025-01-01T00:00:00Z'), actor: 'cli', role: 'admin', action: 'user.add', target: 'u' + i, detail: ''})",
    );
    await audit.record({ actor: 'ada', role: 'admin', action: 'user.update', target: 'last' });
    const exported: AuditEntry[] = [];
    for await (const e of audit.all()) exported.push(e);
    expect(exported).toHaveLength(1006);
    expect(new Set(exported.map((e) => e.id)).size).toBe(1006);
    expect(exported[0]!.id).toBe('bulk-0001');
    expect(exported.at(-1)!.target).toBe('last');
  });

  it('never throws when the write fails: the error is logged and the action stands', async () => {
    const log = recordingLog();
    const db = getTestDatabase();
    const broken = new AuditLog(db, log);
    db.markRestarting(1);
    await expect(broken.record({ actor: 'anna', role: 'analyst', action: 'query.create', target: 'lost' })).resolves.toBeUndefined();
    expect(log.errors).toHaveLength(1);
    expect(JSON.stringify(log.errors[0])).toContain('lost');
  });
});

describe('GET /api/audit and /api/audit.csv, for admins', () => {
  let app: SigninApp;
  let ada: Browser;
  let carl: Browser;

  beforeAll(async () => {
    await seedCorpus();
    app = await startSigninApp();
    for (const [name, role] of [['ada', 'admin'], ['anna', 'analyst'], ['carl', 'curator'], ['vera', 'viewer']] as const) {
      await addTestUser({ name, role, password: passwordOf(name) }, app.secretFile);
    }
    ada = await app.browser().signIn('ada', passwordOf('ada'));
    carl = await app.browser().signIn('carl', passwordOf('carl'));
  });
  afterAll(async () => app?.close());

  it('answers 401 without a session and 403 FORBIDDEN below admin', async () => {
    for (const path of ['/api/audit', '/api/audit.csv']) {
      expect((await app.browser().get(path)).status, path).toBe(401);
      for (const name of ['anna', 'carl', 'vera']) {
        const res = await (await app.browser().signIn(name, passwordOf(name))).get(path);
        expect(res.status, `${name} ${path}`).toBe(403);
        expect(res.body.error).toMatchObject({ code: 'FORBIDDEN', details: { required: 'admin' } });
      }
    }
  });

  it('lists a curator adding, discarding and accepting articles, with the accepted article’s id and title', async () => {
    const first = newArticle({ first: 'Greta', last: 'Granskad' });
    const kept = await carl.post<Proposal>('/api/ingest/proposals', first);
    expect(kept.status, JSON.stringify(kept.body).slice(0, 300)).toBe(201);
    const second = newArticle({ first: 'Pelle', last: 'Kastad' }, 'e-legitimation');
    const dropped = await carl.post<Proposal>('/api/ingest/proposals', second);
    expect(dropped.status).toBe(201);
    expect((await carl.call('DELETE', `/api/ingest/proposals/${dropped.body.id}`)).status).toBe(204);
    const accepted = await carl.post<AcceptResult>(`/api/ingest/proposals/${kept.body.id}/accept`, {});
    expect(accepted.status, JSON.stringify(accepted.body).slice(0, 300)).toBe(201);

    const trail = await ada.get<AuditList>('/api/audit?actor=carl');
    expect(trail.status).toBe(200);
    const ingest = trail.body.entries.filter((e) => e.action.startsWith('ingest.')).map((e) => ({ action: e.action, role: e.role, target: e.target, detail: e.detail }));
    expect(ingest).toEqual([
      { action: 'ingest.accept', role: 'curator', target: accepted.body.articleId, detail: first.title },
      { action: 'ingest.discard', role: 'curator', target: dropped.body.id, detail: second.title },
      { action: 'ingest.draft', role: 'curator', target: dropped.body.id, detail: second.title },
      { action: 'ingest.draft', role: 'curator', target: kept.body.id, detail: first.title },
    ]);
    expect((await ada.get<AuditList>('/api/audit?action=ingest.accept')).body.entries.map((e) => e.target)).toEqual([accepted.body.articleId]);
  });

  it('pages through the trail with limit and next, and refuses a bad filter with 400', async () => {
    const page = await ada.get<AuditList>('/api/audit?limit=2');
    expect(page.body.entries).toHaveLength(2);
    expect(page.body.next).toBe(page.body.entries[1]!.at);
    const rest = await ada.get<AuditList>(`/api/audit?limit=500&before=${encodeURIComponent(page.body.next!)}`);
    const all = await ada.get<AuditList>('/api/audit?limit=500');
    expect([...page.body.entries, ...rest.body.entries].map((e) => e.id)).toEqual(all.body.entries.map((e) => e.id));
    expect((await ada.get('/api/audit?action=query.rename')).status).toBe(400);
    expect((await ada.get('/api/audit?limit=0')).status).toBe(400);
    expect((await ada.get('/api/audit?before=yesterday')).status).toBe(400);
  });

  it('exports everything as a dated CSV attachment: BOM, header row, RFC 4180 quoting, å ä ö, formulas defused', async () => {
    const anna = await app.browser().signIn('anna', passwordOf('anna'));
    const saved = await anna.post('/api/queries', {
      name: 'formula-title',
      title: '=HYPERLINK("http://evil.example","Öppna, nu")',
      description: 'A title a spreadsheet would run.',
      cypher: 'MATCH (a:Actor) RETURN count(a) AS n',
      params: [],
    });
    expect(saved.status).toBe(201);

    const res = await send(app.base, 'GET', '/api/audit.csv', { headers: { cookie: ada.cookie! } });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="audit-${new Date().toISOString().slice(0, 10)}.csv"`);
    const text = res.body as string;
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const records = parseCsv(text.slice(1));
    expect(records[0]).toEqual(['at', 'actor', 'role', 'action', 'target', 'detail']);
    const json = await ada.get<AuditList>('/api/audit?limit=500');
    expect(records.length - 1).toBe(json.body.entries.length);
    expect(records.slice(1).map((r) => r[0])).toEqual(json.body.entries.map((e) => e.at).reverse());

    const formula = records.find((r) => r[3] === 'query.create' && r[4] === 'formula-title');
    expect(formula).toEqual([expect.any(String), 'anna', 'analyst', 'query.create', 'formula-title', `'=HYPERLINK("http://evil.example","Öppna, nu") (private)`]);
    expect(text).toContain('"\'=HYPERLINK(""http://evil.example"",""Öppna, nu"") (private)"');
    const signins = records.filter((r) => r[3] === 'signin').map((r) => r[1]);
    expect(signins).toEqual(expect.arrayContaining(['ada', 'carl', 'anna']));
  });
});
