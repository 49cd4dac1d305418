import { describe, expect, it } from 'vitest';
import { perTransaction } from '../../../server/neo4j/embedded';

describe('the embedded database’s memory cap for one transaction', () => {
  it('is three quarters of the cap for all transactions, in any unit', () => {
    expect(perTransaction('512m')).toBe(`${384 * 1024}k`);
    expect(perTransaction('2g')).toBe(`${1536 * 1024}k`);
    expect(perTransaction('4000k')).toBe('3000k');
  });
});
