import type { NextFunction, Request, Response } from 'express';
import { AppError } from '../errors';

/**
 * Admission control: a bounded number of requests work against Neo4j at once, per class, and the rest wait in
 * a bounded queue for at most a deadline. What cannot be admitted is shed at once with 503 and `Retry-After`
 * (or 429 for one client over its own share of analysts' Cypher), so the driver's pool is never exhausted and
 * runaway ad-hoc queries cannot starve the explorer's own reads.
 */

export interface LaneLimits {
  /** Requests of this class running at once. */
  concurrency: number;
  /** Requests waiting for a slot; beyond it, shed at once. */
  queue: number;
  /** How long a request may wait for a slot before it is shed. */
  waitMs: number;
  /** Running plus waiting requests one client may have in this class (0 = no per-client limit). */
  perClient: number;
}

/** Thrown when a request cannot be admitted; rendered as 503 (or 429) with `Retry-After`. */
export class OverloadedError extends AppError {
  constructor(
    readonly retryAfterSeconds: number,
    status: 429 | 503,
    message: string,
  ) {
    super(status === 429 ? 'TOO_MANY_QUERIES' : 'OVERLOADED', status, message, { retryAfterSeconds });
  }
}

interface Waiter {
  client: string;
  admit: () => void;
  timer: NodeJS.Timeout;
}

/** One class of work: a counting semaphore with a FIFO queue, a deadline per waiter and a per-client cap. */
export class Lane {
  private running = 0;
  private readonly waiting: Waiter[] = [];
  private readonly perClient = new Map<string, number>();

  constructor(
    readonly name: string,
    readonly limits: LaneLimits,
  ) {}

  /** Running and queued requests, for /api/health and the tests. */
  stats(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }

  /** Resolves with a release function once a slot is free; rejects with OverloadedError when it will not be. */
  acquire(client: string): Promise<() => void> {
    const { concurrency, queue, waitMs, perClient } = this.limits;
    const mine = this.perClient.get(client) ?? 0;
    if (perClient > 0 && mine >= perClient) {
      return Promise.reject(new OverloadedError(Math.max(1, Math.ceil(waitMs / 1000)), 429, `You already have ${mine} ${this.name} request${mine === 1 ? '' : 's'} running or waiting (at most ${perClient} per client). Wait for ${mine === 1 ? 'it' : 'them'} to finish.`));
    }
    if (this.running < concurrency && this.waiting.length === 0) return Promise.resolve(this.enter(client));
    if (this.waiting.length >= queue) return Promise.reject(this.busy());
    this.perClient.set(client, mine + 1);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        client,
        admit: () => {
          clearTimeout(waiter.timer);
          this.leaveCount(client);
          resolve(this.enter(client));
        },
        timer: setTimeout(() => {
          const at = this.waiting.indexOf(waiter);
          if (at >= 0) this.waiting.splice(at, 1);
          this.leaveCount(client);
          reject(this.busy());
        }, waitMs),
      };
      this.waiting.push(waiter);
    });
  }

  private busy(): OverloadedError {
    return new OverloadedError(1, 503, `The explorer is busy (${this.name}: ${this.running} running, ${this.waiting.length} waiting); try again in a moment.`);
  }

  private enter(client: string): () => void {
    this.running++;
    this.perClient.set(client, (this.perClient.get(client) ?? 0) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.running--;
      this.leaveCount(client);
      const next = this.waiting.shift();
      if (next) next.admit();
    };
  }

  private leaveCount(client: string): void {
    const n = (this.perClient.get(client) ?? 1) - 1;
    if (n <= 0) this.perClient.delete(client);
    else this.perClient.set(client, n);
  }
}

export interface Admission {
  explorer: Lane;
  cypher: Lane;
}

/** Which lane a request belongs to: analysts' Cypher, the explorer's own reads, or none (health, docs, static files). */
export function laneOf(method: string, path: string): keyof Admission | null {
  if (!path.startsWith('/api/') || path === '/api/health' || path === '/api/openapi.json' || path === '/api/docs') return null;
  if (method === 'POST' && (path.startsWith('/api/cypher/run') || /^\/api\/queries\/[^/]+\/run\/?$/.test(path))) return 'cypher';
  return 'explorer';
}

/** Express middleware: admits a request into its lane and releases the slot when the response ends. */
export function admit(admission: Admission) {
  return (req: Request, res: Response, next: NextFunction) => {
    const lane = laneOf(req.method, req.path);
    if (!lane) return next();
    admission[lane].acquire(req.ip ?? 'unknown').then(
      (release) => {
        res.once('finish', release);
        res.once('close', release);
        next();
      },
      (err: unknown) => next(err),
    );
  };
}
