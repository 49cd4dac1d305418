import { describe, expect, it } from 'vitest';
import type { Graph } from '../../../client/src/api/types';
import { INITIAL_VIEW, viewReducer } from '../../../client/src/state/view';
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

  it('redoes what was undone, and a new step after an undo drops the redo', () => {
    let h = viewReducer(INITIAL_VIEW, { type: 'overview', graph: g(['a']) });
    h = viewReducer(h, { type: 'merge', graph: g(['b']) });
    h = viewReducer(h, { type: 'merge', graph: g(['c']) });
    h = viewReducer(h, { type: 'undo' });
    h = viewReducer(h, { type: 'undo' });
    expect(Object.keys(h.present.graph.nodes)).toEqual(['a']);
    h = viewReducer(h, { type: 'redo' });
    expect(Object.keys(h.present.graph.nodes).sort()).toEqual(['a', 'b']);
    h = viewReducer(h, { type: 'redo' });
    expect(Object.keys(h.present.graph.nodes).sort()).toEqual(['a', 'b', 'c']);
    expect(viewReducer(h, { type: 'redo' })).toBe(h);
    h = viewReducer(h, { type: 'undo' });
    h = viewReducer(h, { type: 'remove', ids: ['a'] });
    expect(h.future).toEqual([]);
  });

  it('makes filters, the date and the layout undoable steps too', () => {
    let h = viewReducer(INITIAL_VIEW, { type: 'overview', graph: g(['a']) });
    h = viewReducer(h, { type: 'setFilters', filters: { hiddenKinds: ['Article'], hiddenTypes: [], articles: [] } });
    h = viewReducer(h, { type: 'setAsOf', asOf: '2019-06-01' });
    h = viewReducer(h, { type: 'setLayout', layout: 'grid' });
    expect(h.past).toHaveLength(3);
    h = viewReducer(h, { type: 'undo' });
    expect(h.present.layout).toBe('fcose');
    h = viewReducer(h, { type: 'undo' });
    expect(h.present.asOf).toBeNull();
    h = viewReducer(h, { type: 'undo' });
    expect(h.present.filters.hiddenKinds).toEqual([]);
    h = viewReducer(h, { type: 'redo' });
    expect(h.present.filters.hiddenKinds).toEqual(['Article']);
    // Setting what is already set is no step.
    expect(viewReducer(h, { type: 'setFilters', filters: { hiddenKinds: ['Article'], hiddenTypes: [], articles: [] } })).toBe(h);
  });

  it('clears the view as one undoable step', () => {
    let h = viewReducer(INITIAL_VIEW, { type: 'overview', graph: g(['a', 'b']) });
    h = viewReducer(h, { type: 'clear' });
    expect(h.present.graph.nodes).toEqual({});
    expect(h.present.base).toBe('custom');
    h = viewReducer(h, { type: 'undo' });
    expect(Object.keys(h.present.graph.nodes).sort()).toEqual(['a', 'b']);
  });

  it('jumps several steps back and forward (Back/Forward) keeping the order of the steps between', () => {
    let h = viewReducer(INITIAL_VIEW, { type: 'overview', graph: g(['a']) });
    for (const id of ['b', 'c', 'd']) h = viewReducer(h, { type: 'merge', graph: g([id]) });
    h = viewReducer(h, { type: 'jump', offset: -3 });
    expect(Object.keys(h.present.graph.nodes)).toEqual(['a']);
    h = viewReducer(h, { type: 'redo' });
    expect(Object.keys(h.present.graph.nodes).sort()).toEqual(['a', 'b']);
    h = viewReducer(h, { type: 'jump', offset: 2 });
    expect(Object.keys(h.present.graph.nodes).sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(h.past).toHaveLength(3);
    expect(h.future).toHaveLength(0);
  });

  it('keeps the start view and the whole network apart: switching between them is a step', () => {
    let h = viewReducer(INITIAL_VIEW, { type: 'overview', graph: g(['a']), base: 'start' });
    expect(h.present.base).toBe('start');
    h = viewReducer(h, { type: 'overview', graph: g(['a', 'b']), base: 'overview' });
    expect(h.past).toHaveLength(1);
    h = viewReducer(h, { type: 'undo' });
    expect(h.present.base).toBe('start');
  });

  it('replaces an overview by a newer overview in place (a date change is not an undo step)', () => {
    let h = viewReducer(INITIAL_VIEW, { type: 'overview', graph: g(['a']) });
    h = viewReducer(h, { type: 'overview', graph: g(['b']) });
    expect(h.past).toHaveLength(0);
    expect(Object.keys(h.present.graph.nodes)).toEqual(['b']);
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
