import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunResult } from '../../../contract/queries';
import { addTestUser } from '../api/harness';
import { Browser, passwordOf, startSigninApp, type SigninApp } from '../auth/support';
import { getTestDriver } from '../../support/neo4j';
import { seedCorpus } from './harness';

/**
 * Issue 14, protected data: analysts' Cypher may not read accounts, sessions, the audit trail or unreviewed
 * drafts. Naming them (labels User, Session, AuditEvent, IngestDraft; properties passwordHash, csrf) is refused
 * with 422 PROTECTED_DATA; a query that reaches them without naming them gets them left out of its answer.
 * The data is real: users added, signed in (sessions, audit events) and a draft made through the API.
 */

const PROTECTED_LABELS = ['User', 'Session', 'AuditEvent', 'IngestDraft'];

let app: SigninApp;
let analyst: Browser;

const run = (cypher: string, extra: Record<string, unknown> = {}) => analyst.post<RunResult & { error?: { code: string; message: string } }>('/api/cypher/run', { cypher, ...extra });

/** Every label anywhere in an answer: its graph and the nodes in its rows. */
function labelsIn(result: RunResult): string[] {
  const labels = new Set<string>(result.graph.nodes.flatMap((n) => n.labels));
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      const v = value as { labels?: unknown };
      if (Array.isArray(v.labels)) v.labels.forEach((l) => typeof l === 'string' && labels.add(l));
      Object.values(value).forEach(walk);
    }
  };
  result.rows.forEach(walk);
  return [...labels];
}

beforeAll(async () => {
  await seedCorpus();
  app = await startSigninApp();
  await addTestUser({ name: 'ada', role: 'admin', password: passwordOf('ada') }, app.secretFile);
  await addTestUser({ name: 'anna', role: 'analyst', password: passwordOf('anna') }, app.secretFile);
  const admin = await app.browser().signIn('ada', passwordOf('ada'));
  analyst = await app.browser().signIn('anna', passwordOf('anna'));
  const draft = await admin.post('/api/ingest/proposals', {
    title: 'Skyddat utkast',
    text: 'Skyddat utkast\n\nPublicerad: 6 december 2017\n\n– Det här är ett utkast som ingen analytiker ska se, säger Karin Lund, ordförande för SKR.',
  });
  expect(draft.status, JSON.stringify(draft.body).slice(0, 300)).toBe(201);
  // A relationship from the curated graph to a user: relationships touching protected nodes are withheld too.
  await getTestDriver().executeQuery("MATCH (a:Actor {id: 'actor-skr'}), (u:User {name: 'ada'}) CREATE (a)-[:WATCHED_BY]->(u)");
  const counts = await getTestDriver().executeQuery('UNWIND $labels AS l CALL (l) { MATCH (n) WHERE l IN labels(n) RETURN count(n) AS c } RETURN l, c', { labels: PROTECTED_LABELS });
  for (const r of counts.records) expect(Number(r.get('c')), `the test database holds ${r.get('l')} nodes`).toBeGreaterThan(0);
});
afterAll(async () => app?.close());

describe('Cypher that names protected data is refused with 422 PROTECTED_DATA', () => {
  const NAMING = [
    'MATCH (u:User) RETURN u.name',
    'MATCH (s:Session) RETURN s',
    'MATCH (e:AuditEvent) RETURN e.actor, e.action',
    'MATCH (d:IngestDraft) RETURN d.title',
    'MATCH (u:`User`) RETURN u',
    'MATCH (n:Actor|Session) RETURN n',
    'MATCH (n) RETURN n.passwordHash',
    "MATCH (n) RETURN n['PasswordHash']",
    "MATCH (n) RETURN n['csrf']",
    "MATCH (n) WHERE 'AuditEvent' IN labels(n) RETURN n.action",
    "MATCH (n) WHERE toLower(labels(n)[0]) = 'user' RETURN n.name",
  ];

  for (const cypher of NAMING) {
    it(`refuses ${cypher}`, async () => {
      const res = await run(cypher);
      expect(res.status).toBe(422);
      expect(res.body.error!.code).toBe('PROTECTED_DATA');
      expect(res.body.error!.message).toMatch(/queries here may not read them/);
      const check = await analyst.post('/api/cypher/check', { cypher });
      expect(check.status).toBe(422);
      expect(check.body.error.code).toBe('PROTECTED_DATA');
    });
  }

  it('keeps the more precise refusal for administration commands that name users', async () => {
    const res = await run("CREATE USER intruder SET PASSWORD 'secret-password-1'");
    expect(res.status).toBe(422);
    expect(res.body.error!.code).toBe('ADMIN_REFUSED');
  });

  it('refuses a parameter value that names protected data, as a dynamic label or key would use it', async () => {
    const res = await run('MATCH (n) WHERE $label IN labels(n) RETURN n.name AS name', { params: { label: 'User' } });
    expect(res.status).toBe(422);
    expect(res.body.error!.code).toBe('PROTECTED_DATA');
    const key = await run('MATCH (n) RETURN n[$key] AS secret', { params: { key: 'passwordHash' } });
    expect(key.status).toBe(422);
  });

  it('refuses to save a query that names protected data, and saves nothing', async () => {
    const res = await analyst.post('/api/queries', { name: 'who-are-the-users', description: 'Lists the users.', cypher: 'MATCH (u:User) RETURN u.name AS name', params: [] });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('PROTECTED_DATA');
    expect((await analyst.get('/api/queries/who-are-the-users')).status).toBe(404);
  });

  it('refuses to run a saved query that names protected data (saved before the rule existed)', async () => {
    await getTestDriver().executeQuery(
      "CREATE (:SavedQuery {name: 'old-session-peek', title: 'Sessions', description: 'From before.', cypher: 'MATCH (s:Session) RETURN s.csrf AS token', params: '[]'})",
    );
    const res = await analyst.post('/api/queries/old-session-peek/run', {});
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('PROTECTED_DATA');
  });
});

describe('answers leave protected data out', () => {
  it('leaves protected nodes out of MATCH (n) RETURN n, and keeps everything else', async () => {
    const total = await getTestDriver().executeQuery('MATCH (n) WHERE NOT any(l IN labels(n) WHERE l IN $labels) RETURN count(n) AS c', { labels: PROTECTED_LABELS });
    const res = await run('MATCH (n) RETURN n', { maxRows: 100_000 });
    expect(res.status).toBe(200);
    expect(labelsIn(res.body).filter((l) => PROTECTED_LABELS.includes(l))).toEqual([]);
    expect(res.body.rowCount).toBe(Number(total.records[0]!.get('c')));
    expect(labelsIn(res.body)).toEqual(expect.arrayContaining(['Actor', 'Article']));
  });

  it('drops whole rows whose node is protected, so its other columns do not leak either', async () => {
    const res = await run('MATCH (n) WHERE n.name IS NOT NULL RETURN n, n.name AS name, labels(n) AS labels', { maxRows: 100_000 });
    expect(res.status).toBe(200);
    const names = res.body.rows.map((r) => r['name']);
    expect(names).not.toContain('ada');
    expect(names).not.toContain('anna');
    expect(res.body.rows.flatMap((r) => r['labels'] as string[]).filter((l) => PROTECTED_LABELS.includes(l))).toEqual([]);
  });

  it('takes protected nodes out of lists, and relationships and paths touching them out of the answer', async () => {
    const listed = await run('MATCH (n) RETURN collect(n) AS all');
    expect(listed.status).toBe(200);
    expect(labelsIn(listed.body).filter((l) => PROTECTED_LABELS.includes(l))).toEqual([]);

    const rels = await run("MATCH (a:Actor {id: 'actor-skr'})-[r]->(x) RETURN type(r) AS type, r, x");
    expect(rels.status).toBe(200);
    expect(rels.body.rows.map((r) => r['type'])).not.toContain('WATCHED_BY');
    expect(rels.body.graph.edges.map((e) => e.type)).not.toContain('WATCHED_BY');
    expect(rels.body.rows.length).toBeGreaterThan(0);

    const onlyRel = await run("MATCH (:Actor {id: 'actor-skr'})-[r:WATCHED_BY]->() RETURN r");
    expect(onlyRel.body.rows).toEqual([]);
    expect(onlyRel.body.graph).toEqual({ nodes: [], edges: [] });

    const paths = await run("MATCH p = (:Actor {id: 'actor-skr'})-[:WATCHED_BY]->() RETURN p");
    expect(paths.body.rows).toEqual([]);
  });

  it('strips passwordHash and csrf from maps such as properties(n) of a node reached without naming it', async () => {
    const res = await run("MATCH (n) WHERE n.name = 'ada' RETURN properties(n) AS props");
    expect(res.status).toBe(200);
    expect(res.body.rows.length).toBeGreaterThan(0);
    for (const row of res.body.rows) {
      expect(Object.keys(row['props'] as object)).not.toContain('passwordHash');
    }
    const sessions = await run('MATCH (n) WHERE n.expiresAt IS NOT NULL RETURN properties(n) AS props');
    expect(sessions.body.rows.length).toBeGreaterThan(0);
    for (const row of sessions.body.rows) expect(Object.keys(row['props'] as object)).not.toContain('csrf');
  });
});
