import { describe, expect, it } from 'vitest';
import type { TimeDiff } from '../../../client/src/api/types';
import { diffItems, diffToMarks } from '../../../client/src/components/TimeDiffPanel';

const SKL = 'Sveriges Kommuner och Landsting';
const SKR = 'Sveriges Kommuner och Regioner';

// 2017-01-01 → 2020-01-01 in the seed's shape: DIGG appears with a fact to an unchanged ministry, a role ends,
// and SKL is renamed SKR.
const diff: TimeDiff = {
  from: '2017-01-01',
  to: '2020-01-01',
  added: {
    nodes: [
      { id: 'actor-digg', labels: ['Entity', 'Actor'], properties: { name: 'Myndigheten för digital förvaltning', diff: 'added' } },
      { id: 'actor-fi', labels: ['Entity', 'Actor'], properties: { name: 'Finansdepartementet', diff: 'context' } },
    ],
    edges: [{ id: 'fact-digg-part-of', source: 'actor-digg', target: 'actor-fi', type: 'PART_OF', properties: {} }],
  },
  removed: {
    nodes: [
      { id: 'person-x', labels: ['Entity', 'Person'], properties: { name: 'Anna Andersson', diff: 'context' } },
      { id: 'role-x', labels: ['Entity', 'Role'], properties: { title: 'generaldirektör', diff: 'context' } },
    ],
    edges: [{ id: 'fact-holds', source: 'person-x', target: 'role-x', type: 'HOLDS', properties: {} }],
  },
  renamed: [{ id: 'actor-skr', from: SKL, to: SKR, fromShort: 'SKL', toShort: 'SKR' }],
};

describe('diffToMarks: a time diff as canvas marks', () => {
  it('marks the entities and facts that appeared or disappeared, not the unchanged ends of a changed fact', () => {
    const marks = diffToMarks(diff);
    expect([...marks.appeared].sort()).toEqual(['actor-digg', 'fact-digg-part-of']);
    expect([...marks.disappeared]).toEqual(['fact-holds']);
    expect(marks.appeared.has('actor-fi')).toBe(false);
    expect(marks.disappeared.has('person-x')).toBe(false);
  });

  it('labels a rename by its short forms, so SKR reads "SKL → SKR"', () => {
    expect(diffToMarks(diff).renamed).toEqual(new Map([['actor-skr', { from: 'SKL', to: 'SKR' }]]));
  });

  it('falls back to the full names when a name has no short form', () => {
    const marks = diffToMarks({ ...diff, renamed: [{ id: 'actor-a', from: 'Gamla verket', to: 'Nya verket', fromShort: null, toShort: 'NV' }] });
    expect(marks.renamed.get('actor-a')).toEqual({ from: 'Gamla verket', to: 'Nya verket' });
  });

  it('gives empty marks for dates without changes', () => {
    const marks = diffToMarks({ from: '2019-01-01', to: '2019-01-02', added: { nodes: [], edges: [] }, removed: { nodes: [], edges: [] }, renamed: [] });
    expect(marks.appeared.size + marks.disappeared.size + marks.renamed.size).toBe(0);
  });
});

describe('diffItems: the diff as three lists', () => {
  it('lists new entities before new facts, a fact by the names of its ends, focusing its start node', () => {
    const items = diffItems(diff);
    expect(items.appeared.map((i) => [i.kind, i.focusId])).toEqual([
      ['node', 'actor-digg'],
      ['fact', 'actor-digg'],
    ]);
    expect(items.appeared[1]!.fact).toEqual({ source: 'Myndigheten för digital förvaltning', type: 'PART_OF', target: 'Finansdepartementet' });
    expect(items.disappeared.map((i) => i.fact)).toEqual([{ source: 'Anna Andersson', type: 'HOLDS', target: 'generaldirektör' }]);
  });

  it('lists the rename with both full names and both short forms', () => {
    expect(diffItems(diff).renamed).toEqual([
      { key: 'r:actor-skr', change: 'renamed', focusId: 'actor-skr', kind: 'rename', rename: { from: SKL, to: SKR, fromShort: 'SKL', toShort: 'SKR' } },
    ]);
  });
});
