/**
 * After a force-directed layout: disconnected parts side by side (never stacked on each other), and lone nodes
 * in a tidy grid beside them, spaced by their label sizes. Pure geometry; GraphView measures and applies it.
 */
import { intersects, type Box } from './labels';

/** One connected part of the graph: its box (nodes and labels) and whether it must stay where it is. */
export interface Part {
  id: string;
  box: Box;
  /** Holds a pinned or user-placed node: the part stays, the others are packed around it. */
  fixed?: boolean;
}

/** A lone node to put in the grid: its box (body and label) around its current position. */
export interface Lone {
  id: string;
  w: number;
  h: number;
}

export interface PackOptions {
  /** Space between parts, in model units. */
  gap: number;
  /** Width / height of the screen the result will be fitted to. */
  aspect: number;
}

const width = (b: Box) => b.x2 - b.x1;
const height = (b: Box) => b.y2 - b.y1;

/**
 * Shifts (dx, dy) for each part so that none overlaps another: fixed parts (or else the largest part) stay,
 * the rest fill shelves to the right of and below them, largest first, in rows about as wide as the screen's
 * aspect asks for.
 */
export function packParts(parts: readonly Part[], opts: PackOptions): Map<string, { dx: number; dy: number }> {
  const shifts = new Map<string, { dx: number; dy: number }>();
  if (parts.length === 0) return shifts;
  const byArea = [...parts].sort((a, b) => width(b.box) * height(b.box) - width(a.box) * height(a.box) || (a.id < b.id ? -1 : 1));
  const anchors = byArea.some((p) => p.fixed) ? byArea.filter((p) => p.fixed) : [byArea[0]!];
  const free = byArea.filter((p) => !anchors.includes(p));
  for (const a of anchors) shifts.set(a.id, { dx: 0, dy: 0 });
  if (free.length === 0) return shifts;

  const main = anchors.reduce<Box>((u, p) => union(u, p.box), { ...anchors[0]!.box });
  const totalArea = parts.reduce((s, p) => s + (width(p.box) + opts.gap) * (height(p.box) + opts.gap), 0);
  const widestFree = Math.max(...free.map((p) => width(p.box)));
  // At least room for the widest other part beside the anchors, so the first one always sits next to them.
  const rowWidth = Math.max(width(main) + opts.gap + widestFree, Math.sqrt(totalArea * Math.max(0.3, opts.aspect)));
  const placed: Box[] = anchors.map((a) => a.box);

  // Shelf packing: the first shelf starts right of the anchors and is as tall as they are; later shelves go below.
  let x = main.x2 + opts.gap;
  let y = main.y1;
  let shelfBottom = main.y2;
  const left = main.x1;
  const right = main.x1 + rowWidth;
  for (const p of free) {
    const w = width(p.box);
    const h = height(p.box);
    const inFirstShelf = y === main.y1;
    if (x + w > right && x > left + (inFirstShelf ? width(main) + opts.gap : 0)) {
      x = left;
      y = shelfBottom + opts.gap;
      shelfBottom = y + h;
    }
    let target: Box = { x1: x, y1: y, x2: x + w, y2: y + h };
    // A fixed part can reach into a shelf; step past it rather than on top of it.
    for (let guard = 0; guard < 200 && placed.some((b) => intersects(b, target)); guard++) {
      const blocker = placed.find((b) => intersects(b, target))!;
      target = { x1: blocker.x2 + opts.gap, y1: y, x2: blocker.x2 + opts.gap + w, y2: y + h };
    }
    shifts.set(p.id, { dx: target.x1 - p.box.x1, dy: target.y1 - p.box.y1 });
    placed.push(target);
    x = target.x2 + opts.gap;
    shelfBottom = Math.max(shelfBottom, target.y2);
  }
  return shifts;
}

/**
 * Lone nodes as one block: a grid with cells as wide as the widest label and as tall as the tallest, columns
 * chosen so the block is about as wide as `aspect` asks for. Positions are relative to the block's top left
 * corner and name each cell's centre; the block's size is returned with them.
 */
export function loneGrid(lone: readonly Lone[], gap: number, aspect = 1.6): { positions: Map<string, { x: number; y: number }>; w: number; h: number } {
  const positions = new Map<string, { x: number; y: number }>();
  if (lone.length === 0) return { positions, w: 0, h: 0 };
  const cellW = Math.max(...lone.map((l) => l.w)) + gap;
  const cellH = Math.max(...lone.map((l) => l.h)) + gap;
  const cols = Math.max(1, Math.min(lone.length, Math.round(Math.sqrt((lone.length * aspect * cellH) / cellW))));
  const sorted = [...lone].sort((a, b) => (a.id < b.id ? -1 : 1));
  sorted.forEach((l, i) => {
    const c = i % cols;
    const r = Math.floor(i / cols);
    positions.set(l.id, { x: c * cellW + cellW / 2, y: r * cellH + cellH / 2 });
  });
  const rows = Math.ceil(lone.length / cols);
  return { positions, w: cols * cellW - gap, h: rows * cellH - gap };
}

export function union(a: Box, b: Box): Box {
  return { x1: Math.min(a.x1, b.x1), y1: Math.min(a.y1, b.y1), x2: Math.max(a.x2, b.x2), y2: Math.max(a.y2, b.y2) };
}
