import { describe, expect, it } from 'vitest';
import { addMonths, axisTicks, clampDate, dateProblem, dateScale, fromDay, paddedRange, toDay, todayIso } from '../../../client/src/components/timeScale';

describe('dates typed as yyyy-mm-dd', () => {
  it('accepts real calendar dates and says what is wrong with the others', () => {
    expect(dateProblem('2019-06-01')).toBeNull();
    expect(dateProblem('2020-02-29')).toBeNull();
    expect(dateProblem('2019-02-29')).toBe('calendar');
    expect(dateProblem('2019-13-01')).toBe('calendar');
    expect(dateProblem('06/01/2019')).toBe('format');
    expect(dateProblem('2019-6-1')).toBe('format');
    expect(dateProblem('')).toBe('format');
  });

  it('converts between dates and day numbers both ways', () => {
    expect(toDay('1970-01-02')).toBe(1);
    expect(fromDay(toDay('2019-11-27'))).toBe('2019-11-27');
    expect(toDay('2020-01-01') - toDay('2019-01-01')).toBe(365);
  });

  it("gives today's date as the analyst's calendar shows it", () => {
    expect(todayIso(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
  });
});

describe('the time axis', () => {
  const range = { min: '2011-01-01', max: '2024-07-25' };

  it('widens the data range to whole years, and to a chosen date outside it', () => {
    expect(paddedRange(range)).toEqual({ min: '2011-01-01', max: '2024-12-31' });
    expect(paddedRange(range, '2026-03-01', null)).toEqual({ min: '2011-01-01', max: '2026-12-31' });
  });

  it('steps by calendar months, keeping the day where the month has it', () => {
    expect(addMonths('2020-03-17', -1)).toBe('2020-02-17');
    expect(addMonths('2020-01-31', 1)).toBe('2020-02-29');
    expect(addMonths('2019-12-15', 1)).toBe('2020-01-15');
    expect(addMonths('2019-06-01', -12)).toBe('2018-06-01');
  });

  it('keeps a date inside the range', () => {
    expect(clampDate('2030-01-01', range)).toBe('2024-07-25');
    expect(clampDate('2000-01-01', range)).toBe('2011-01-01');
    expect(clampDate('2019-06-01', range)).toBe('2019-06-01');
  });

  it('maps dates to pixels and back, linearly', () => {
    const scale = dateScale({ min: '2019-01-01', max: '2020-01-01' }, 0, 365);
    expect(scale.x('2019-01-01')).toBe(0);
    expect(scale.x('2020-01-01')).toBe(365);
    expect(scale.date(scale.x('2019-06-01'))).toBe('2019-06-01');
    expect(scale.date(-50)).toBe('2019-01-01');
  });

  it('ticks every year, and months only when a year is wide enough', () => {
    const padded = paddedRange(range);
    const narrow = axisTicks(padded, 50);
    expect(narrow.filter((t) => t.major).map((t) => t.year)).toEqual([2011, 2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024]);
    expect(narrow.filter((t) => !t.major).map((t) => t.month).slice(0, 3)).toEqual([4, 7, 10]);
    expect(axisTicks(padded, 20).filter((t) => t.major).map((t) => t.year)).toEqual([2011, 2013, 2015, 2017, 2019, 2021, 2023]);
    expect(axisTicks({ min: '2019-01-01', max: '2019-12-31' }, 800).map((t) => t.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });
});
