import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../../../client/src/i18n';
import type { RunResult } from '../../../client/src/api/types';
import { coerceParams, cypherParamNames, describeRunState, paramDescription, queryDescription, queryTitle, rawFromValues, stateFromError, stateFromResult, validQueryName } from '../../../client/src/query/queryState';

afterEach(() => void i18n.changeLanguage('sv'));

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
    expect(describeRunState(refused)).toMatch(/försökte ändra i grafen.*bara för läsning/);
    void i18n.changeLanguage('en');
    expect(describeRunState(refused)).not.toMatch(/[åäö]/);
    expect(describeRunState(refused)).toMatch(/read/i);
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

  it('says the same in English when the UI is in English', () => {
    void i18n.changeLanguage('en');
    const { errors } = coerceParams(params, { person: '', asOf: '2019-02-30', limit: '2.5' });
    expect(errors).toEqual({ person: 'Choose a node.', asOf: 'Enter a date as YYYY-MM-DD.', limit: 'Enter a whole number.' });
    expect(describeRunState(stateFromResult('q', result({ rowCount: 2, rows: [{}, {}] })))).toBe('“q”: 2 rows, 0 nodes in the graph (3 ms).');
  });

  it('counts one row in the singular', () => {
    expect(describeRunState(stateFromResult('q', result({})))).toBe('”q”: 1 rad, 0 noder i grafen (3 ms).');
  });

  it("shows a library query's title, description and parameter help in the UI language, a saved one's as written", () => {
    const library = { name: 'timeline', title: 'Tidslinje', description: 'Fakta i datumordning', i18n: { en: { title: 'Timeline', description: 'Facts by date', params: { from: 'First date' } } } };
    const from = { name: 'from', type: 'date' as const, description: 'Första datum' };
    expect([queryTitle(library, 'sv'), queryDescription(library, 'sv'), paramDescription(library, from, 'sv')]).toEqual(['Tidslinje', 'Fakta i datumordning', 'Första datum']);
    expect([queryTitle(library, 'en'), queryDescription(library, 'en'), paramDescription(library, from, 'en')]).toEqual(['Timeline', 'Facts by date', 'First date']);
    const saved = { name: 'mina-roller', title: 'Mina roller', description: 'Egna' };
    expect(queryTitle(saved, 'en')).toBe('Mina roller');
    expect(queryTitle({ name: 'x', title: '' }, 'sv')).toBe('x');
  });

  it('turns stored values back into what the form shows', () => {
    expect(rawFromValues(params, { types: ['A', 'B'], strict: true })).toEqual({ person: '', asOf: '2019-11-27', limit: '10', types: 'A, B', strict: true });
  });

  it('finds the $parameters of a Cypher text, ignoring strings and comments', () => {
    expect(cypherParamNames("MATCH (n {id: $id}) // $notThis\nWHERE n.name <> '$nor' RETURN n LIMIT $limit, $id")).toEqual(['id', 'limit']);
  });

  it('reads parameter names with å, ä, ö whole, and backtick-quoted ones ($aktör is not $akt)', () => {
    expect(cypherParamNames('MATCH (a {id: $aktör})-[:AT]-(o) WHERE o.område = $`område` RETURN a LIMIT $gräns')).toEqual(['aktör', 'område', 'gräns']);
  });

  it('accepts kebab-case query names only', () => {
    expect(validQueryName('roller-per-aktor')).toBe(true);
    expect(validQueryName('Roller per aktör')).toBe(false);
  });
});
