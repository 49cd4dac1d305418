import { describe, expect, it } from 'vitest';
import { Lane, OverloadedError, laneOf } from '../../../server/http/admission';

const limits = { concurrency: 2, queue: 2, waitMs: 200, perClient: 0 };

describe('admission lane', () => {
  it('admits up to its concurrency at once and queues the rest in arrival order', async () => {
    const lane = new Lane('explorer', limits);
    const a = await lane.acquire('x');
    await lane.acquire('y');
    const order: string[] = [];
    const third = lane.acquire('z').then((r) => (order.push('third'), r));
    const fourth = lane.acquire('w').then((r) => (order.push('fourth'), r));
    expect(lane.stats()).toEqual({ running: 2, waiting: 2 });
    a();
    (await third)();
    (await fourth)();
    expect(order).toEqual(['third', 'fourth']);
  });

  it('sheds a request at once with 503 and Retry-After when the queue is full', async () => {
    const lane = new Lane('explorer', limits);
    await lane.acquire('a');
    await lane.acquire('b');
    void lane.acquire('c').catch(() => {});
    void lane.acquire('d').catch(() => {});
    const started = Date.now();
    const err = await lane.acquire('e').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OverloadedError);
    expect((err as OverloadedError).status).toBe(503);
    expect((err as OverloadedError).retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(Date.now() - started).toBeLessThan(50);
  });

  it('sheds a waiting request with 503 when no slot frees within the deadline, and forgets it', async () => {
    const lane = new Lane('explorer', limits);
    await lane.acquire('a');
    await lane.acquire('b');
    const err = await lane.acquire('c').catch((e: unknown) => e);
    expect((err as OverloadedError).status).toBe(503);
    expect(lane.stats()).toEqual({ running: 2, waiting: 0 });
  });

  it('refuses one client past its own share with 429 while another client is still admitted', async () => {
    const lane = new Lane('Cypher', { concurrency: 3, queue: 4, waitMs: 200, perClient: 1 });
    const release = await lane.acquire('analyst-1');
    const err = await lane.acquire('analyst-1').catch((e: unknown) => e);
    expect((err as OverloadedError).status).toBe(429);
    expect((err as OverloadedError).code).toBe('TOO_MANY_QUERIES');
    await expect(lane.acquire('analyst-2')).resolves.toBeTypeOf('function');
    release();
    await expect(lane.acquire('analyst-1')).resolves.toBeTypeOf('function');
  });

  it('releasing twice frees one slot only', async () => {
    const lane = new Lane('explorer', { ...limits, concurrency: 1 });
    const release = await lane.acquire('a');
    release();
    release();
    await lane.acquire('b');
    expect(lane.stats().running).toBe(1);
  });
});

describe('which lane a request takes', () => {
  it('puts analysts\' Cypher runs in their own lane and leaves health and docs unmetered', () => {
    expect(laneOf('POST', '/api/cypher/run')).toBe('cypher');
    expect(laneOf('POST', '/api/queries/agreement-points/run')).toBe('cypher');
    expect(laneOf('GET', '/api/graph')).toBe('explorer');
    expect(laneOf('POST', '/api/cypher/check')).toBe('explorer');
    expect(laneOf('GET', '/api/health')).toBeNull();
    expect(laneOf('GET', '/assets/index.js')).toBeNull();
  });
});
