import { describe, expect, it } from 'vitest';
import { intersects, type Box } from '../../../client/src/graph/labels';
import { edgeLengthFor } from '../../../client/src/graph/layoutOptions';
import { loneGrid, packParts } from '../../../client/src/graph/packing';
import { contrastRatio, DARK_THEME, LIGHT_THEME, readableOn } from '../../../client/src/graph/style';

const shifted = (b: Box, s: { dx: number; dy: number }): Box => ({ x1: b.x1 + s.dx, y1: b.y1 + s.dy, x2: b.x2 + s.dx, y2: b.y2 + s.dy });

describe('packing disconnected parts', () => {
  it('puts parts side by side without overlap, the largest staying where it was', () => {
    // Given three parts laid out on top of each other, as a force layout leaves them
    const parts = [
      { id: 'main', box: { x1: -300, y1: -200, x2: 300, y2: 200 } },
      { id: 'pair', box: { x1: -50, y1: -20, x2: 50, y2: 20 } },
      { id: 'triple', box: { x1: -80, y1: -40, x2: 80, y2: 40 } },
    ];
    const shifts = packParts(parts, { gap: 40, aspect: 1.6 });
    expect(shifts.get('main')).toEqual({ dx: 0, dy: 0 });
    const placed = parts.map((p) => shifted(p.box, shifts.get(p.id)!));
    for (let i = 0; i < placed.length; i++) for (let j = i + 1; j < placed.length; j++) expect(intersects(placed[i]!, placed[j]!)).toBe(false);
    // The next largest sits beside the main part, at its top, not below it
    expect(placed[2]!.x1).toBeGreaterThanOrEqual(300);
    expect(placed[2]!.y1).toBe(-200);
  });

  it('keeps parts that hold fixed nodes in place and packs the others around them', () => {
    const parts = [
      { id: 'big', box: { x1: 0, y1: 0, x2: 500, y2: 500 } },
      { id: 'pinned', box: { x1: 100, y1: 100, x2: 200, y2: 160 }, fixed: true },
    ];
    const shifts = packParts(parts, { gap: 20, aspect: 1 });
    expect(shifts.get('pinned')).toEqual({ dx: 0, dy: 0 });
    expect(intersects(shifted(parts[0]!.box, shifts.get('big')!), parts[1]!.box)).toBe(false);
  });

  it('lays lone nodes out in a tidy grid with cells as wide as the widest label', () => {
    const lone = Array.from({ length: 10 }, (_, i) => ({ id: `n${i}`, w: i === 3 ? 180 : 90, h: 40 }));
    const { positions, w, h } = loneGrid(lone, 10, 1.6);
    const boxes = lone.map((l) => {
      const p = positions.get(l.id)!;
      return { x1: p.x - l.w / 2, y1: p.y - l.h / 2, x2: p.x + l.w / 2, y2: p.y + l.h / 2 };
    });
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(intersects(boxes[i]!, boxes[j]!)).toBe(false);
    expect(w).toBeGreaterThan(h);
    expect(new Set([...positions.values()].map((p) => p.y)).size).toBeLessThan(lone.length);
  });
});

describe('layout tuned for this graph', () => {
  it('draws a person and their role close, a topic far', () => {
    expect(edgeLengthFor('HOLDS')).toBeLessThan(edgeLengthFor('SUPPORTS'));
    expect(edgeLengthFor('SUPPORTS')).toBeLessThan(edgeLengthFor('ABOUT'));
    expect(edgeLengthFor('AT')).toBeLessThan(edgeLengthFor('MENTIONS'));
  });
});

describe('canvas colours', () => {
  it('reads labels at 4.5:1 or better on the canvas in both themes', () => {
    for (const t of [LIGHT_THEME, DARK_THEME]) {
      expect(contrastRatio(t.label, t.bg)).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(t.edgeLabel, t.bg)).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(t.tooltipFg, t.tooltipBg)).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('replaces a label colour that would not read on its background', () => {
    expect(readableOn('#999999', '#ffffff')).toBe('#111111');
    expect(readableOn('#777777', '#11151c')).toBe('#f5f5f5');
    expect(readableOn('#1b2130', '#fafbfc')).toBe('#1b2130');
    expect(readableOn('rgb(27, 33, 48)', 'rgb(250, 251, 252)')).toBe('rgb(27, 33, 48)');
  });
});
