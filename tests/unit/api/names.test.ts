import { describe, expect, it } from 'vitest';
import { nameAt, type NameSpan } from '../../../server/services/names';

const SKL: NameSpan = { value: 'Sveriges Kommuner och Landsting', short: 'SKL', start: '2017-06-14', end: '2019-11-27' };
const SKR: NameSpan = { value: 'Sveriges Kommuner och Regioner', short: 'SKR', start: '2019-11-27', end: null };

describe('the name an actor bore on a date', () => {
  it('is SKL before the rename and SKR from the day of it (validTo is exclusive)', () => {
    expect(nameAt([SKR, SKL], '2018-06-01')?.short).toBe('SKL');
    expect(nameAt([SKR, SKL], '2019-11-26')?.short).toBe('SKL');
    expect(nameAt([SKR, SKL], '2019-11-27')?.short).toBe('SKR');
    expect(nameAt([SKR, SKL], '2020-06-01')?.short).toBe('SKR');
  });

  it('is the earliest known name for a date before every name, not an anachronistic later one', () => {
    expect(nameAt([SKR, SKL], '2010-01-01')?.short).toBe('SKL');
  });

  it('is null when no name is known or the last one has ended', () => {
    expect(nameAt([], '2020-01-01')).toBeNull();
    expect(nameAt([SKL], '2021-01-01')).toBeNull();
  });
});
