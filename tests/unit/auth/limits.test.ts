import { describe, expect, it } from 'vitest';
import { SIGNIN_WINDOW_MS, SignInRateLimiter } from '../../../server/auth/limits';

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('the sign-in rate limit per client address', () => {
  it('allows SIGNIN_RATE attempts in five minutes and refuses the next with the seconds to wait', () => {
    const c = clock();
    const limiter = new SignInRateLimiter(20, SIGNIN_WINDOW_MS, c.now);
    for (let i = 0; i < 20; i++) {
      expect(limiter.take('10.0.0.1').allowed).toBe(true);
      c.advance(1_000);
    }
    const refused = limiter.take('10.0.0.1');
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: 5 * 60 - 20 });
  });

  it('counts each address on its own', () => {
    const limiter = new SignInRateLimiter(2);
    limiter.take('10.0.0.1');
    limiter.take('10.0.0.1');
    expect(limiter.take('10.0.0.1').allowed).toBe(false);
    expect(limiter.take('10.0.0.2').allowed).toBe(true);
  });

  it('allows attempts again as the old ones leave the window (sliding, not a fixed block)', () => {
    const c = clock();
    const limiter = new SignInRateLimiter(3, SIGNIN_WINDOW_MS, c.now);
    limiter.take('a');
    c.advance(60_000);
    limiter.take('a');
    limiter.take('a');
    expect(limiter.take('a').allowed).toBe(false);
    c.advance(SIGNIN_WINDOW_MS - 60_000 + 1);
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a').allowed).toBe(false);
  });

  it('does not count refused attempts, so waiting Retry-After is enough', () => {
    const c = clock();
    const limiter = new SignInRateLimiter(1, SIGNIN_WINDOW_MS, c.now);
    limiter.take('a');
    for (let i = 0; i < 50; i++) limiter.take('a');
    const wait = limiter.take('a');
    expect(wait.allowed).toBe(false);
    c.advance((wait as { retryAfterSeconds: number }).retryAfterSeconds * 1000);
    expect(limiter.take('a').allowed).toBe(true);
  });

  it('keeps its memory bounded when attempts come from very many addresses', () => {
    const limiter = new SignInRateLimiter(5);
    for (let i = 0; i < 60_000; i++) limiter.take(`10.${i >> 16}.${(i >> 8) & 255}.${i & 255}`);
    expect(limiter.size).toBeLessThanOrEqual(50_000);
  });
});
