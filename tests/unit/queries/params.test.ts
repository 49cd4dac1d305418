import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../server/errors';
import { checkParamValue, prepareAdHoc, prepareDeclared } from '../../../server/queries/params';
import type { QueryParam } from '../../../contract/queries';

const declared: QueryParam[] = [
  { name: 'actor', type: 'node', default: 'actor-skr' },
  { name: 'limit', type: 'integer', default: 25 },
  { name: 'asOf', type: 'date' },
  { name: 'weight', type: 'float', default: 0.5 },
  { name: 'kinds', type: 'list<string>', default: null },
  { name: 'years', type: 'list<integer>', default: [2017] },
  { name: 'strict', type: 'boolean', default: false },
];

function thrown(fn: () => unknown): ValidationError {
  try {
    fn();
  } catch (err) {
    if (err instanceof ValidationError) return err;
    throw err;
  }
  throw new Error('expected a ValidationError');
}

describe('query parameters', () => {
  it('converts declared values for the driver: integers to Integer, dates to Date, floats to numbers', () => {
    const { driver, nodes } = prepareDeclared(declared, { asOf: '2018-06-01', limit: '10', years: '2017,2020', weight: 2 });
    expect(neo4j.isInt(driver['limit'])).toBe(true);
    expect((driver['limit'] as { toNumber(): number }).toNumber()).toBe(10);
    expect(neo4j.isDate(driver['asOf'])).toBe(true);
    expect(String(driver['asOf'])).toBe('2018-06-01');
    expect(driver['weight']).toBe(2);
    expect((driver['years'] as unknown[]).every((y) => neo4j.isInt(y))).toBe(true);
    expect(driver['kinds']).toBeNull();
    expect(driver['strict']).toBe(false);
    expect(nodes).toEqual([{ parameter: 'actor', id: 'actor-skr' }]);
  });

  it('answers with every bad parameter named: missing, wrong type, unknown', () => {
    const err = thrown(() => prepareDeclared(declared, { limit: 'lots', colour: 'red' }));
    expect(err.status).toBe(400);
    expect(err.message).toContain('parameter "colour": this query takes no such parameter');
    expect(err.message).toContain('parameter "limit": expected a whole number, got "lots"');
    expect(err.message).toContain('parameter "asOf": required (date)');
    expect(err.details).toEqual(expect.arrayContaining([expect.objectContaining({ parameter: 'limit' })]));
  });

  it('refuses dates that do not exist and numbers where whole numbers are needed', () => {
    expect(checkParamValue('date', '2019-02-29')).toMatchObject({ ok: false });
    expect(checkParamValue('date', '2020-02-29')).toEqual({ ok: true, value: '2020-02-29' });
    expect(checkParamValue('integer', 2.5)).toMatchObject({ ok: false });
    expect(checkParamValue('list<integer>', [1, 'x'])).toMatchObject({ ok: false });
    expect(checkParamValue('boolean', 'yes')).toMatchObject({ ok: false });
  });

  it('passes ad-hoc JSON with whole numbers as Integers, and checks declared types', () => {
    const { driver } = prepareAdHoc(['n', 'name', 'when', 'ids'], { n: 3, name: 'SKR', when: '2018-01-01', ids: [1, 2.5] }, { when: 'date' });
    expect(neo4j.isInt(driver['n'])).toBe(true);
    expect(driver['name']).toBe('SKR');
    expect(neo4j.isDate(driver['when'])).toBe(true);
    expect(neo4j.isInt((driver['ids'] as unknown[])[0])).toBe(true);
    expect((driver['ids'] as unknown[])[1]).toBe(2.5);
  });

  it('names ad-hoc parameters the text uses but that have no value, and values it does not use', () => {
    const err = thrown(() => prepareAdHoc(['actor'], { acter: 'actor-skr' }, {}));
    expect(err.message).toContain('parameter "acter": the query does not use $acter');
    expect(err.message).toContain('parameter "actor": the query uses $actor but no value was given');
  });
});
