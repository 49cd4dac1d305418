/**
 * Splits an article's text into runs so the reader can highlight entity mentions (clickable), quotes that
 * back facts, and the one passage the user came for. Offsets are JS string indices, end exclusive.
 */
export interface Span {
  start: number;
  end: number;
}

export interface Segment {
  start: number;
  end: number;
  text: string;
  /** Index into the mentions array of the mention covering this run (the first one), if any. */
  mention: number | null;
  /** True if a fact's quote covers this run. */
  quote: boolean;
  /** True if the passage in focus covers this run. */
  focus: boolean;
}

/** Whether span `s` covers the whole run [a, b). */
export function covers(s: Span, a: number, b: number): boolean {
  return s.start <= a && s.end >= b && s.end > s.start;
}

/**
 * Cuts `text` at every boundary of `spans` (clamped to the text) and describes each non-empty run [a, b) with
 * `describe`. The article reader and the review screen both highlight overlapping spans this way.
 */
export function cutAtSpans<T>(text: string, spans: Iterable<Span>, describe: (a: number, b: number) => T): T[] {
  const clamp = (n: number) => Math.max(0, Math.min(text.length, n));
  const cuts = new Set<number>([0, text.length]);
  for (const s of spans) {
    cuts.add(clamp(s.start));
    cuts.add(clamp(s.end));
  }
  const points = [...cuts].sort((x, y) => x - y);
  const out: T[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const a = points[i]!;
    const b = points[i + 1]!;
    if (b > a) out.push(describe(a, b));
  }
  return out;
}

/** Cuts `text` at every span boundary; each run knows which mention, quote and focus cover it. */
export function segmentText(text: string, mentions: readonly Span[], quotes: readonly Span[], focus: Span | null): Segment[] {
  return cutAtSpans(text, [...mentions, ...quotes, ...(focus ? [focus] : [])], (a, b) => {
    const m = mentions.findIndex((s) => covers(s, a, b));
    return {
      start: a,
      end: b,
      text: text.slice(a, b),
      mention: m >= 0 ? m : null,
      quote: quotes.some((s) => covers(s, a, b)),
      focus: !!focus && covers(focus, a, b),
    };
  });
}
