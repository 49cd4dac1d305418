import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCorpus, startQueryApp, type QueryApp } from './harness';

/**
 * Issue 13: a query that needs more memory than one transaction may use would fail the same way on every try,
 * so it is refused as the query's fault (422, naming the limit), not answered "busy; try again" (503). The test
 * database runs with a 512 MB cap for all transactions, so one may use 384 MB.
 */
let app: QueryApp;

beforeAll(async () => {
  await seedCorpus();
  app = await startQueryApp();
});

afterAll(async () => {
  await app?.close();
});

describe('a query over the per-query memory limit', () => {
  it('answers 422 QUERY_MEMORY_LIMIT naming the setting and the amount, at once rather than after retries, and the next query runs', async () => {
    const answer = await app.post('/api/cypher/run', { cypher: "WITH reduce(s = '', x IN range(1, 200) | s + 'åäöxxxxxxx') AS s UNWIND range(1, 400000) AS i RETURN size(collect(s + i)) AS n" });
    expect(answer.status, JSON.stringify(answer.body)).toBe(422);
    expect(answer.body.error.code).toBe('QUERY_MEMORY_LIMIT');
    // The driver retries transient errors for a while; this one would fail the same on every try.
    expect(answer.ms).toBeLessThan(15_000);
    expect(answer.body.error.message).toMatch(/db\.memory\.transaction\.max = 384(\.0)? MiB/);
    expect(answer.body.error.message).toMatch(/add LIMIT, aggregate, or collect less/);

    const after = await app.post('/api/cypher/run', { cypher: 'MATCH (a:Actor) RETURN count(a) AS n' });
    expect(after.status).toBe(200);
  });
});
