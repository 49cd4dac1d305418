/** The window sign-in attempts per client address are counted over. */
export const SIGNIN_WINDOW_MS = 5 * 60_000;

/** Addresses remembered at most; past it the oldest are forgotten (a flood of addresses cannot fill memory). */
const MAX_CLIENTS = 50_000;

/** Whether an attempt may go ahead, and if not, how long to wait. */
export type Admission = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * At most `limit` sign-in attempts per client address in any `windowMs` (a sliding window over the attempts'
 * times, kept in memory: a restart forgets them, which the per-account lock-out in Neo4j does not).
 */
export class SignInRateLimiter {
  private readonly attempts = new Map<string, number[]>();

  constructor(
    readonly limit: number,
    readonly windowMs = SIGNIN_WINDOW_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts an attempt from `client`, or refuses it when the window is full (refused attempts are not counted). */
  take(client: string): Admission {
    const now = this.now();
    const since = now - this.windowMs;
    const times = (this.attempts.get(client) ?? []).filter((t) => t > since);
    if (times.length >= this.limit) {
      this.attempts.set(client, times);
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((times[0]! + this.windowMs - now) / 1000)) };
    }
    times.push(now);
    // Re-inserting moves the address to the end, so the map's order is least recently seen first.
    this.attempts.delete(client);
    this.attempts.set(client, times);
    if (this.attempts.size > MAX_CLIENTS) this.forgetOldest();
    return { allowed: true };
  }

  /** How many addresses are remembered (for tests). */
  get size(): number {
    return this.attempts.size;
  }

  /** Forgets the least recently seen tenth of the addresses. */
  private forgetOldest(): void {
    for (const client of this.attempts.keys()) {
      if (this.attempts.size <= MAX_CLIENTS * 0.9) break;
      this.attempts.delete(client);
    }
  }
}
