/** Rectangles on the screen and the overlaps between them, for the label-readability checks. */

export interface Box {
  /** What the box belongs to, e.g. a node id. */
  id: string;
  /** Screen pixels, left/top inclusive. */
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** The text drawn in the box, for messages. */
  text?: string;
}

export interface Overlap {
  a: Box;
  b: Box;
  /** Width and height of the intersection in pixels. */
  w: number;
  h: number;
}

/**
 * Every pair of boxes whose intersection is wider and taller than `tolerance` pixels. Labels that merely
 * touch (anti-aliasing, a shared edge) are not an overlap a reader notices.
 */
export function overlaps(boxes: readonly Box[], tolerance = 1): Overlap[] {
  const sorted = [...boxes].sort((p, q) => p.x1 - q.x1);
  const out: Overlap[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i]!;
    for (let j = i + 1; j < sorted.length; j++) {
      const b = sorted[j]!;
      if (b.x1 >= a.x2 - tolerance) break; // sorted by x1: no later box can reach back into a
      const w = Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1);
      const h = Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1);
      if (w > tolerance && h > tolerance) out.push({ a, b, w, h });
    }
  }
  return out;
}

/** A one-line description of an overlap for a failure message. */
export function describeOverlap(o: Overlap): string {
  const name = (b: Box) => `${b.id}${b.text ? ` "${b.text}"` : ''}`;
  return `${name(o.a)} × ${name(o.b)} (${o.w.toFixed(0)}×${o.h.toFixed(0)} px)`;
}
