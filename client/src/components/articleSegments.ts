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

/** Cuts `text` at every span boundary; each run knows which mention, quote and focus cover it. */
export function segmentText(text: string, mentions: readonly Span[], quotes: readonly Span[], focus: Span | null): Segment[] {
  const clamp = (n: number) => Math.max(0, Math.min(text.length, n));
  const cuts = new Set<number>([0, text.length]);
  for (const s of [...mentions, ...quotes, ...(focus ? [focus] : [])]) {
    cuts.add(clamp(s.start));
    cuts.add(clamp(s.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const covers = (s: Span, a: number, b: number) => s.start <= a && s.end >= b && s.end > s.start;
  const out: Segment[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const a = points[i]!;
    const b = points[i + 1]!;
    if (b <= a) continue;
    const m = mentions.findIndex((s) => covers(s, a, b));
    out.push({
      start: a,
      end: b,
      text: text.slice(a, b),
      mention: m >= 0 ? m : null,
      quote: quotes.some((s) => covers(s, a, b)),
      focus: !!focus && covers(focus, a, b),
    });
  }
  return out;
}
