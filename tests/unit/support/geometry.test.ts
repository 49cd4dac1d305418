import { describe, expect, it } from 'vitest';
import { overlaps, type Box } from '../../support/geometry';

const box = (id: string, x1: number, y1: number, w: number, h: number): Box => ({ id, x1, y1, x2: x1 + w, y2: y1 + h });

describe('overlaps', () => {
  it('finds two labels drawn over each other', () => {
    const found = overlaps([box('a', 0, 0, 100, 20), box('b', 50, 10, 100, 20)]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ w: 50, h: 10 });
    expect([found[0]!.a.id, found[0]!.b.id].sort()).toEqual(['a', 'b']);
  });

  it('does not count labels that only touch, or overlap by a pixel of anti-aliasing', () => {
    expect(overlaps([box('a', 0, 0, 100, 20), box('b', 100, 0, 100, 20)])).toEqual([]);
    expect(overlaps([box('a', 0, 0, 100, 20), box('b', 99, 0, 100, 20)])).toEqual([]);
    expect(overlaps([box('a', 0, 0, 100, 20), box('b', 0, 19.5, 100, 20)])).toEqual([]);
  });

  it('does not count labels side by side in x but apart in y', () => {
    expect(overlaps([box('a', 0, 0, 100, 20), box('b', 10, 40, 100, 20)])).toEqual([]);
  });

  it('finds a small label inside a large one, and every pair among three stacked labels', () => {
    expect(overlaps([box('big', 0, 0, 300, 60), box('small', 100, 20, 20, 10)])).toHaveLength(1);
    expect(overlaps([box('a', 0, 0, 100, 20), box('b', 5, 2, 100, 20), box('c', 10, 4, 100, 20)])).toHaveLength(3);
  });

  it('keeps looking past a box that ends early when sorted by left edge', () => {
    // b starts after a but ends before c starts; a still overlaps c.
    expect(overlaps([box('a', 0, 0, 500, 20), box('b', 10, 100, 10, 10), box('c', 300, 5, 50, 10)]).map((o) => [o.a.id, o.b.id])).toEqual([['a', 'c']]);
  });
});
