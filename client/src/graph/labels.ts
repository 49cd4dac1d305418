/**
 * Level of detail for the network's labels, as pure functions: which labels to draw so that no two drawn
 * labels overlap each other or another node's body. GraphView measures the boxes (Cytoscape's label bounding
 * boxes in model coordinates) and applies the answer; everything here is plain geometry, tested without a DOM.
 */

/** An axis-aligned box: x1 ≤ x2, y1 ≤ y2. */
export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** One label that may be drawn. `owner` is the node it belongs to (its own body never blocks it). */
export interface LabelCandidate {
  id: string;
  box: Box;
  /** Higher wins a conflict. */
  rank: number;
  /** Selected, pinned, on the path, hovered or focused: always drawn, and placed before every other label. */
  always?: boolean;
  owner?: string;
  /** A hub's name may cross other nodes' bodies (it still never overlaps another label). */
  overBodies?: boolean;
}

/** A node's body, which no label of another node may cover. */
export interface Obstacle {
  id: string;
  box: Box;
}

/** True when two boxes share more than an edge (touching boxes do not overlap). */
export function intersects(a: Box, b: Box): boolean {
  return a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
}

/** The box grown by `by` on every side (a margin, so kept labels do not sit glued together). */
export function inflate(b: Box, by: number): Box {
  return { x1: b.x1 - by, y1: b.y1 - by, x2: b.x2 + by, y2: b.y2 + by };
}

/** Candidates in placement order: always-shown first, then by rank (highest first), then by id for a stable answer. */
export function placementOrder(candidates: readonly LabelCandidate[]): LabelCandidate[] {
  return [...candidates].sort((a, b) => {
    if (!!a.always !== !!b.always) return a.always ? -1 : 1;
    if (b.rank !== a.rank) return b.rank - a.rank;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
}

/**
 * Greedy label placement: in placement order, keep a label unless its box overlaps a label already kept or the
 * body of a node other than its owner. Always-shown labels are kept whatever they overlap (they still block
 * later ones). Returns the ids of the labels to draw. A uniform grid keeps this near-linear for large views.
 */
export function placeLabels(candidates: readonly LabelCandidate[], obstacles: readonly Obstacle[] = [], margin = 0): Set<string> {
  const kept = new Set<string>();
  const cell = gridCellSize(candidates, obstacles);
  const labels = new SpatialGrid(cell);
  const bodies = new SpatialGrid(cell);
  obstacles.forEach((o) => bodies.insert(o.id, o.box));
  for (const c of placementOrder(candidates)) {
    if (!isFiniteBox(c.box)) continue;
    const box = margin ? inflate(c.box, margin) : c.box;
    if (!c.always) {
      if (labels.any(box, () => true)) continue;
      if (!c.overBodies && bodies.any(c.box, (id) => id !== c.owner)) continue;
    }
    kept.add(c.id);
    labels.insert(c.id, box);
  }
  return kept;
}

/** What a node is, for the order in which its label earns its place. */
export interface RankInput {
  kind: string;
  degree: number;
}

/** A hub whose name is placed even across other nodes' bodies: a well-connected actor, person or agreement. */
export function isHub(n: RankInput): boolean {
  return (KIND_TIER[n.kind] ?? 1) >= 3 && n.degree >= HUB_DEGREE;
}

export const HUB_DEGREE = 6;

/** Kinds whose names an analyst reads first: who acts and what binds them. */
const KIND_TIER: Record<string, number> = {
  Actor: 3,
  Person: 3,
  Agreement: 3,
  Role: 2,
  Document: 2,
  Service: 2,
  Event: 2,
  Place: 1,
  Topic: 1,
  AgreementPoint: 1,
  Article: 1,
  Name: 0,
};

/** Importance of a node's label: its kind's tier first (actors, people, agreements), then how connected it is. */
export function labelRank(n: RankInput): number {
  return (KIND_TIER[n.kind] ?? 1) * 1000 + Math.min(999, Math.max(0, n.degree));
}

function isFiniteBox(b: Box): boolean {
  return Number.isFinite(b.x1) && Number.isFinite(b.y1) && Number.isFinite(b.x2) && Number.isFinite(b.y2);
}

/** A cell about the size of a typical label, so each box lands in a handful of cells. */
function gridCellSize(candidates: readonly LabelCandidate[], obstacles: readonly Obstacle[]): number {
  let sum = 0;
  let n = 0;
  for (const { box } of [...candidates, ...obstacles]) {
    if (!isFiniteBox(box)) continue;
    sum += Math.max(box.x2 - box.x1, box.y2 - box.y1);
    n++;
  }
  return n > 0 ? Math.max(1, sum / n) : 100;
}

class SpatialGrid {
  private cells = new Map<string, { id: string; box: Box }[]>();
  constructor(private readonly size: number) {}

  private keys(b: Box): string[] {
    const out: string[] = [];
    const x1 = Math.floor(b.x1 / this.size);
    const x2 = Math.floor(b.x2 / this.size);
    const y1 = Math.floor(b.y1 / this.size);
    const y2 = Math.floor(b.y2 / this.size);
    // A pathological box (far larger than the cell) is filed under one coarse key range, capped.
    if ((x2 - x1 + 1) * (y2 - y1 + 1) > 4096) return ['*'];
    for (let x = x1; x <= x2; x++) for (let y = y1; y <= y2; y++) out.push(`${x},${y}`);
    return out;
  }

  insert(id: string, box: Box): void {
    for (const k of this.keys(box)) {
      const list = this.cells.get(k);
      if (list) list.push({ id, box });
      else this.cells.set(k, [{ id, box }]);
    }
  }

  /** Whether any stored box that passes `accept` intersects `box`. */
  any(box: Box, accept: (id: string) => boolean): boolean {
    const keys = this.keys(box);
    const star = this.cells.get('*');
    if (star?.some((o) => accept(o.id) && intersects(o.box, box))) return true;
    if (keys[0] === '*') {
      for (const list of this.cells.values()) if (list.some((o) => accept(o.id) && intersects(o.box, box))) return true;
      return false;
    }
    for (const k of keys) {
      const list = this.cells.get(k);
      if (list?.some((o) => accept(o.id) && intersects(o.box, box))) return true;
    }
    return false;
  }
}
