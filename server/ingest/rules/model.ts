import type { EntityCandidate, NewEntity } from '../../../contract/ingest';
import type { GraphLookup, KnownEntity } from '../extractor';
import { nameSimilarity, normalizeName } from './text';

/** What a span of text is taken to name: a known entity, a new one of this article, or several candidates. */
export type Target = { type: 'known'; id: string } | { type: 'new'; key: string } | { type: 'ambiguous'; candidates: EntityCandidate[] };

/** A span the rules found, before overlaps are settled. */
export interface Found {
  start: number;
  end: number;
  target: Target;
  confidence: number;
  rule: string;
  /** Breaks ties between equally long overlapping spans; higher wins. */
  priority: number;
}

type NewEntityInput = Omit<NewEntity, 'key' | 'maybeSameAs'> & { maybeSameAs?: EntityCandidate[]; at?: string };

/** The new entities of one extraction, each once: a second proposal of the same name and label returns the first key. */
export class NewEntities {
  private readonly byKey = new Map<string, NewEntity & { at?: string }>();
  private readonly byIdentity = new Map<string, string>();

  /** Registers a proposed entity, or returns the key of the same one proposed before (raising its confidence). */
  add(input: NewEntityInput): string {
    const identity = `${input.label}|${normalizeName(input.name)}|${input.at ?? ''}`;
    const existing = this.byIdentity.get(identity);
    if (existing) {
      const e = this.byKey.get(existing)!;
      e.confidence = Math.max(e.confidence, input.confidence);
      return existing;
    }
    const key = `new-${this.byKey.size + 1}`;
    this.byKey.set(key, { ...input, key, maybeSameAs: input.maybeSameAs ?? [] });
    this.byIdentity.set(identity, key);
    return key;
  }

  get(key: string): (NewEntity & { at?: string }) | undefined {
    return this.byKey.get(key);
  }

  all(): (NewEntity & { at?: string })[] {
    return [...this.byKey.values()];
  }
}

/** Every name an entity is known by: display name, aliases, and official names with their shorts. */
export function namesOf(e: KnownEntity): string[] {
  return [...new Set([e.name, ...e.aliases, ...e.names.flatMap((n) => (n.short ? [n.value, n.short] : [n.value]))])];
}

/** A company's name without its legal form: "Inera AB" is Inera. */
function withoutLegalForm(name: string): string {
  return name.replace(/[ \u00a0]+(?:AB|Aktiebolag|\(publ\))(?:[ \u00a0]+\(publ\))?$/u, '');
}

/**
 * Existing entities of `labels` that a new name may be the same as, best first, scored 0–1 by how alike the
 * best pair of names is. Only candidates scoring at least `threshold` are returned.
 */
export function candidatesFor(name: string, labels: readonly string[], graph: GraphLookup, threshold = 0.75, limit = 5): EntityCandidate[] {
  const out: EntityCandidate[] = [];
  for (const e of graph.entities) {
    if (!labels.includes(e.label)) continue;
    let best = 0;
    for (const n of namesOf(e)) best = Math.max(best, nameSimilarity(withoutLegalForm(name), withoutLegalForm(n)));
    if (best >= threshold) out.push({ id: e.id, name: e.name, label: e.label, score: Math.round(best * 100) / 100 });
  }
  return out.sort((a, b) => b.score - a.score).slice(0, limit);
}

/** A lookup of the snapshot's entities by id. */
export function indexById(graph: GraphLookup): Map<string, KnownEntity> {
  return new Map(graph.entities.map((e) => [e.id, e]));
}

/** What a target is, for rules that need to know (an anaphor wants an agency, a role wants an organisation). */
export interface TargetInfo {
  label: string;
  kind: string;
  name: string;
}

/** Settles overlapping spans: the longest wins, then the higher priority, then the leftmost. */
export function settle<T extends Found>(found: readonly T[]): T[] {
  const sorted = [...found].sort((a, b) => b.end - b.start - (a.end - a.start) || b.priority - a.priority || a.start - b.start);
  const size = found.reduce((m, f) => Math.max(m, f.end), 0);
  const covered = new Uint8Array(size);
  const taken: T[] = [];
  for (const f of sorted) {
    let free = true;
    for (let i = f.start; i < f.end && free; i++) if (covered[i]) free = false;
    if (!free) continue;
    covered.fill(1, f.start, f.end);
    taken.push(f);
  }
  return taken.sort((a, b) => a.start - b.start);
}

/** The key under which a target is grouped: its id, its new-entity key, or null when ambiguous. */
export function targetRef(t: Target): string | null {
  return t.type === 'known' ? t.id : t.type === 'new' ? t.key : null;
}

/** Fast look-ups over settled (sorted, non-overlapping) spans, so that long texts stay linear-ish. */
export class SpanIndex<T extends { start: number; end: number }> {
  private readonly spans: T[];
  private readonly byStart = new Map<number, T>();

  constructor(spans: readonly T[]) {
    this.spans = [...spans].sort((a, b) => a.start - b.start);
    for (const s of this.spans) this.byStart.set(s.start, s);
  }

  /** Index of the first span that ends after `at`. */
  private firstEndingAfter(at: number): number {
    let lo = 0;
    let hi = this.spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.spans[mid]!.end <= at) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Whether any span overlaps [start, end). */
  overlaps(start: number, end: number): boolean {
    const s = this.spans[this.firstEndingAfter(start)];
    return s !== undefined && s.start < end;
  }

  /** The span that holds offset `at`. */
  covering(at: number): T | undefined {
    const s = this.spans[this.firstEndingAfter(at)];
    return s && s.start <= at ? s : undefined;
  }

  /** The span that starts exactly at `at`. */
  startingAt(at: number): T | undefined {
    return this.byStart.get(at);
  }

  /** Spans that end at or before `at`, latest first. */
  *before(at: number): Generator<T> {
    let i = this.firstEndingAfter(at) - 1;
    // Spans are disjoint and sorted, so those ending by `at` are exactly the ones before this index (and maybe it).
    const next = this.spans[i + 1];
    if (next && next.end <= at) i++;
    for (; i >= 0; i--) yield this.spans[i]!;
  }

  all(): readonly T[] {
    return this.spans;
  }
}
