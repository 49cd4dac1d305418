import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { getTestDatabase } from '../../support/neo4j';
import { seedCorpus, startExplorer, type Explorer } from './harness';

interface Answer {
  status: number;
  retryAfter: string | null;
  code: string | undefined;
}

async function ask(base: string, path: string, init?: RequestInit): Promise<Answer> {
  const res = await fetch(`${base}${path}`, init);
  const text = await res.text();
  const body = text ? (JSON.parse(text) as { error?: { code: string } }) : {};
  return { status: res.status, retryAfter: res.headers.get('retry-after'), code: body.error?.code };
}

const runaway = (base: string) =>
  ask(base, '/api/cypher/run', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ cypher: 'UNWIND range(1, 300000000) AS x WITH x WHERE x % 7919 = 7918 RETURN count(x) AS n' }),
  });

describe('admission control', () => {
  beforeAll(seedCorpus);

  describe('the explorer lane, sized down to one request at a time', () => {
    let app: Explorer;
    beforeAll(async () => {
      app = await startExplorer(getTestDatabase(), inject('neo4jUri'), inject('neo4jPassword'), { EXPLORER_CONCURRENCY: '1', ADMISSION_QUEUE: '3', ADMISSION_WAIT_MS: '400' });
    });
    afterAll(() => app.close());

    it('sheds what it cannot take as 503 with Retry-After and a JSON error, never 500, and serves the rest', async () => {
      const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => ask(app.base, `/api/graph?limit=${50 + (i % 5)}`)));
      const statuses = new Set(answers.map((a) => a.status));
      expect([...statuses].every((s) => s === 200 || s === 503)).toBe(true);
      const shed = answers.filter((a) => a.status === 503);
      expect(shed.length).toBeGreaterThan(0);
      expect(answers.some((a) => a.status === 200)).toBe(true);
      for (const a of shed) {
        expect(a.code).toBe('OVERLOADED');
        expect(Number(a.retryAfter)).toBeGreaterThanOrEqual(1);
      }
    });

    it('does not meter the health check', async () => {
      const answers = await Promise.all([...Array.from({ length: 10 }, () => ask(app.base, '/api/graph')), ask(app.base, '/api/health')]);
      expect(answers.at(-1)!.status).toBe(200);
    });
  });

  describe('analysts\' Cypher', () => {
    let app: Explorer;
    beforeAll(async () => {
      app = await startExplorer(getTestDatabase(), inject('neo4jUri'), inject('neo4jPassword'), { CYPHER_CONCURRENCY: '2', CYPHER_PER_CLIENT: '1', CYPHER_TIMEOUT_MS: '4000' });
    });
    afterAll(() => app.close());

    it('refuses a second runaway from the same client with 429 at once, while the explorer keeps answering', async () => {
      const first = runaway(app.base);
      await new Promise((r) => setTimeout(r, 150));
      const started = Date.now();
      const second = await runaway(app.base);
      expect(second.status).toBe(429);
      expect(second.code).toBe('TOO_MANY_QUERIES');
      expect(Number(second.retryAfter)).toBeGreaterThanOrEqual(1);
      expect(Date.now() - started).toBeLessThan(1000);
      const search = await ask(app.base, '/api/search?q=Digg');
      expect(search.status).toBe(200);
      expect((await first).status).not.toBe(500);
    });
  });
});
