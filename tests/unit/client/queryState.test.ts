import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../../client/src/api/types';
import { coerceParams, cypherParamNames, describeRunState, rawFromValues, stateFromError, stateFromResult, validQueryName } from '../../../client/src/query/queryState';

const result = (over: Partial<RunResult>): RunResult => ({
  columns: ['n'],
  rows: [{ n: 1 }],
  graph: { nodes: [], edges: [] },
  counters: {},
  timeMs: 3,
  rowCount: 1,
  truncated: false,
  queryType: 'r',
  limits: { timeoutMs: 10_000, maxRows: 1000 },
  ...over,
});

describe('query run state', () => {
  it('tells done, empty and truncated answers apart', () => {
    expect(stateFromResult('q', result({})).status).toBe('done');
    expect(stateFromResult('q', result({ rows: [], rowCount: 0 })).status).toBe('empty');
    expect(stateFromResult('q', result({ truncated: true })).status).toBe('truncated');
  });

  it('reports a write as refused with the read-only explanation, and a 504 as a timeout', () => {
    const refused = stateFromError('q', { code: 'WRITE_REFUSED', message: 'The query writes.', status: 422 });
    expect(refused.status).toBe('refused');
    expect(describeRunState(refused)).toMatch(/försökte skriva.*läsrätt/);
    expect(stateFromError('q', { code: 'QUERY_TIMEOUT', message: 'Too slow', status: 504 }).status).toBe('timeout');
    expect(stateFromError('q', { code: 'INTERNAL', message: 'x', status: 500 }).status).toBe('error');
  });
});

describe('typed parameter form', () => {
  const params = [
    { name: 'person', type: 'node' as const },
    { name: 'asOf', type: 'date' as const, default: '2019-11-27' },
    { name: 'limit', type: 'integer' as const, default: 10 },
    { name: 'types', type: 'list<string>' as const, default: ['HOLDS', 'AT'] },
    { name: 'strict', type: 'boolean' as const, default: false },
  ];

  it('converts filled-in fields to typed values, using defaults for untouched ones', () => {
    const { values, errors } = coerceParams(params, { person: 'person-lena-micko', limit: '25' });
    expect(errors).toEqual({});
    expect(values).toEqual({ person: 'person-lena-micko', asOf: '2019-11-27', limit: 25, types: ['HOLDS', 'AT'], strict: false });
  });

  it('names each invalid field with a message in Swedish', () => {
    const { errors } = coerceParams(params, { person: '', asOf: '2019-02-30', limit: '2.5' });
    expect(errors).toEqual({ person: 'Välj en nod.', asOf: 'Ange ett datum som ÅÅÅÅ-MM-DD.', limit: 'Ange ett heltal.' });
  });

  it('turns stored values back into what the form shows', () => {
    expect(rawFromValues(params, { types: ['A', 'B'], strict: true })).toEqual({ person: '', asOf: '2019-11-27', limit: '10', types: 'A, B', strict: true });
  });

  it('finds the $parameters of a Cypher text, ignoring strings and comments', () => {
    expect(cypherParamNames("MATCH (n {id: $id}) // $notThis\nWHERE n.name <> '$nor' RETURN n LIMIT $limit, $id")).toEqual(['id', 'limit']);
  });

  it('accepts kebab-case query names only', () => {
    expect(validQueryName('roller-per-aktor')).toBe(true);
    expect(validQueryName('Roller per aktör')).toBe(false);
  });
});
