import { describe, expect, it } from 'vitest';
import { intersects, isHub, labelRank, placeLabels, type Box, type LabelCandidate } from '../../../client/src/graph/labels';

const box = (x: number, y: number, w = 100, h = 20): Box => ({ x1: x, y1: y, x2: x + w, y2: y + h });

function keptBoxes(candidates: LabelCandidate[], kept: Set<string>): Box[] {
  return candidates.filter((c) => kept.has(c.id)).map((c) => c.box);
}

describe('label level of detail (greedy placement)', () => {
  it('never keeps two labels whose boxes intersect', () => {
    // Given a crowd of labels on a tight grid, many overlapping
    const candidates: LabelCandidate[] = [];
    for (let i = 0; i < 200; i++) candidates.push({ id: `n${i}`, box: box((i % 20) * 37, Math.floor(i / 20) * 13), rank: (i * 7919) % 101 });
    // When placed
    const kept = placeLabels(candidates);
    // Then no two kept boxes intersect, and a fair share is kept
    const boxes = keptBoxes(candidates, kept);
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(intersects(boxes[i]!, boxes[j]!)).toBe(false);
    expect(kept.size).toBeGreaterThan(10);
  });

  it('lets the higher-ranked label win a conflict', () => {
    const kept = placeLabels([
      { id: 'leaf-topic', box: box(0, 0), rank: labelRank({ kind: 'Topic', degree: 1 }) },
      { id: 'actor-skr', box: box(50, 5), rank: labelRank({ kind: 'Actor', degree: 20 }) },
    ]);
    expect([...kept]).toEqual(['actor-skr']);
  });

  it('always keeps selected, pinned, path and hovered labels, even over a better-ranked one', () => {
    const kept = placeLabels([
      { id: 'hub', box: box(0, 0), rank: 3020 },
      { id: 'selected-leaf', box: box(10, 5), rank: 1001, always: true },
      { id: 'hovered-leaf', box: box(500, 0), rank: 1, always: true },
    ]);
    expect(kept.has('selected-leaf')).toBe(true);
    expect(kept.has('hovered-leaf')).toBe(true);
    expect(kept.has('hub')).toBe(false);
  });

  it("skips a label that would cover another node's body, but not its own", () => {
    const obstacles = [
      { id: 'a', box: box(40, -30, 20, 20) },
      { id: 'b', box: box(80, 5, 10, 10) },
      { id: 'c', box: box(300, 5, 10, 10) },
    ];
    const kept = placeLabels(
      [
        { id: 'a', owner: 'a', box: box(0, 0), rank: 10 },
        { id: 'c', owner: 'c', box: box(260, 0), rank: 5 },
      ],
      obstacles,
    );
    // a's label crosses b's body; c's label only crosses c itself
    expect([...kept]).toEqual(['c']);
  });

  it("places a hub's name across other nodes' bodies, never across another label", () => {
    const obstacles = [{ id: 'x', box: box(30, 5, 10, 10) }];
    const kept = placeLabels(
      [
        { id: 'hub', owner: 'hub', box: box(0, 0), rank: 3012, overBodies: true },
        { id: 'other', owner: 'other', box: box(60, 0), rank: 3001, overBodies: true },
      ],
      obstacles,
    );
    expect([...kept]).toEqual(['hub']);
    expect(isHub({ kind: 'Actor', degree: 12 })).toBe(true);
    expect(isHub({ kind: 'Topic', degree: 12 })).toBe(false);
  });

  it('keeps labels apart by the margin asked for', () => {
    const touching = [
      { id: 'a', box: box(0, 0), rank: 2 },
      { id: 'b', box: box(101, 0), rank: 1 },
    ];
    expect(placeLabels(touching).size).toBe(2);
    expect([...placeLabels(touching, [], 2)]).toEqual(['a']);
  });

  it('ranks actors, people and agreements before roles and documents, and those before topics; then by links', () => {
    const actor = labelRank({ kind: 'Actor', degree: 1 });
    expect(actor).toBeGreaterThan(labelRank({ kind: 'Role', degree: 30 }));
    expect(labelRank({ kind: 'Document', degree: 1 })).toBeGreaterThan(labelRank({ kind: 'Topic', degree: 30 }));
    expect(labelRank({ kind: 'Actor', degree: 9 })).toBeGreaterThan(actor);
  });

  it('answers the same whatever order the candidates come in', () => {
    const candidates: LabelCandidate[] = Array.from({ length: 60 }, (_, i) => ({ id: `n${i}`, box: box((i * 53) % 400, (i * 29) % 120), rank: i % 5 }));
    const a = placeLabels(candidates);
    const b = placeLabels([...candidates].reverse());
    expect([...a].sort()).toEqual([...b].sort());
  });
});
