import { describe, expect, it } from 'vitest';
import type { Graph } from '../../../client/src/api/types';
import { INITIAL_VIEW, viewReducer } from '../../../client/src/state/view';
import { dateToStep, NOW_STEP, stepToDate } from '../../../client/src/components/timeScale';
import { segmentText } from '../../../client/src/components/articleSegments';

const g = (ids: string[]): Graph => ({ nodes: ids.map((id) => ({ id, labels: ['Entity', 'Actor'], properties: { name: id } })), edges: [] });

describe('exploration history', () => {
  it('undoes steps one at a time back to the overview', () => {
    let h = viewReducer(INITIAL_VIEW, { type: 'overview', graph: g(['a', 'b']) });
    h = viewReducer(h, { type: 'merge', graph: g(['c']) });
    h = viewReducer(h, { type: 'remove', ids: ['a'] });
    h = viewReducer(h, { type: 'togglePin', id: 'b' });
    expect(Object.keys(h.present.graph.nodes).sort()).toEqual(['b', 'c']);
    expect(h.present.pinned).toEqual(['b']);
    h = viewReducer(h, { type: 'undo' });
    expect(h.present.pinned).toEqual([]);
    h = viewReducer(h, { type: 'undo' });
    expect(Object.keys(h.present.graph.nodes).sort()).toEqual(['a', 'b', 'c']);
    h = viewReducer(h, { type: 'undo' });
    expect(h.present.base).toBe('overview');
    expect(viewReducer(h, { type: 'undo' })).toBe(h);
  });

  it('replaces an overview by a newer overview in place (a date change is not an undo step)', () => {
    let h = viewReducer(INITIAL_VIEW, { type: 'overview', graph: g(['a']) });
    h = viewReducer(h, { type: 'overview', graph: g(['b']) });
    expect(h.past).toHaveLength(0);
    expect(Object.keys(h.present.graph.nodes)).toEqual(['b']);
  });
});

describe('time slider scale', () => {
  it('steps by month from January 2017, with a last step meaning now', () => {
    expect(stepToDate(0)).toBe('2017-01-01');
    expect(stepToDate(dateToStep('2019-11-27'))).toBe('2019-11-01');
    expect(stepToDate(dateToStep('2019-12-15'))).toBe('2019-12-01');
    expect(stepToDate(NOW_STEP)).toBeNull();
    expect(dateToStep(null)).toBe(NOW_STEP);
  });
});

describe('article segments', () => {
  it('cuts the text at mention, quote and focus boundaries and marks each run', () => {
    const text = 'Lena Micko, ordförande i SKL, säger att handslaget är viktigt.';
    const segs = segmentText(text, [{ start: 0, end: 10 }, { start: 25, end: 28 }], [{ start: 30, end: 61 }], { start: 30, end: 61 });
    expect(segs.map((s) => s.text).join('')).toBe(text);
    expect(segs.find((s) => s.text === 'Lena Micko')!.mention).toBe(0);
    expect(segs.find((s) => s.text === 'SKL')!.mention).toBe(1);
    const focused = segs.filter((s) => s.focus).map((s) => s.text).join('');
    expect(focused).toBe('säger att handslaget är viktigt');
  });
});
