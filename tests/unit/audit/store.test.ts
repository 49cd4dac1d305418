import { describe, expect, it } from 'vitest';
import { isoMicros, utcMicros } from '../../../server/audit/store';
import { AuditQuery } from '../../../contract/auth';

describe('audit event times', () => {
  it('are ISO 8601 UTC with six fractional digits, so events within one millisecond still order', () => {
    const ms = Date.UTC(2025, 2, 1, 9, 30, 0, 123);
    expect(isoMicros(ms * 1000)).toBe('2025-03-01T09:30:00.123000Z');
    expect(isoMicros(ms * 1000 + 456)).toBe('2025-03-01T09:30:00.123456Z');
    expect(isoMicros(ms * 1000 + 1) > isoMicros(ms * 1000)).toBe(true);
  });

  it('are accepted back as `before`, the cursor of the next page', () => {
    expect(AuditQuery.safeParse({ before: isoMicros(Date.UTC(2025, 0, 1) * 1000 + 7) }).success).toBe(true);
  });
});

describe('the `before` cursor', () => {
  it('is read in any offset and precision as the UTC microsecond time events are stored with', () => {
    expect(utcMicros('2025-03-01T09:30:00.123456Z')).toBe('2025-03-01T09:30:00.123456Z');
    expect(utcMicros('2025-03-01T11:30:00.5+02:00')).toBe('2025-03-01T09:30:00.500000Z');
    expect(utcMicros('2025-03-01T09:30:00+23:59')).toBe('2025-02-28T09:31:00.000000Z');
  });

  it('rounds a finer time up, so an event at the same microsecond still comes before it', () => {
    expect(utcMicros('2025-03-01T09:30:00.1234561Z')).toBe('2025-03-01T09:30:00.123457Z');
    expect(utcMicros('2025-03-01T09:30:00.1234560Z')).toBe('2025-03-01T09:30:00.123456Z');
  });
});

describe('the `before` cursor at the edges of the calendar', () => {
  it('keeps to the years 1900–2200, where microseconds are exact and every event lies', () => {
    expect(utcMicros('0000-01-01T00:00:00+01:00')).toBe('1900-01-01T00:00:00.000000Z');
    expect(utcMicros('9999-12-31T23:59:59-05:00')).toBe('2200-01-01T00:00:00.000000Z');
    expect(utcMicros('2199-12-31T23:59:59.999999Z')).toBe('2199-12-31T23:59:59.999999Z');
  });
});
