/**
 * Cuts a draft's text into runs for the review screen: each run knows the mention covering it (the shortest,
 * where a name sits inside a longer one), the facts whose evidence covers it, and whether it belongs to the
 * focused proposal or to the reviewer's selection. Offsets are JS string indices, end exclusive.
 */
import type { Span } from './review';
import { covers, cutAtSpans } from '../components/articleSegments';

export interface ReviewRun {
  start: number;
  end: number;
  text: string;
  mention: number | null;
  facts: string[];
  focus: boolean;
  selected: boolean;
}

/** Splits `text` at every boundary of the given spans. */
export function reviewRuns(text: string, mentions: readonly Span[], evidence: readonly { key: string; span: Span }[], focus: readonly Span[], selection: Span | null): ReviewRun[] {
  return cutAtSpans(text, [...mentions, ...evidence.map((e) => e.span), ...focus, ...(selection ? [selection] : [])], (a, b) => {
    let mention: number | null = null;
    mentions.forEach((m, idx) => {
      if (!covers(m, a, b)) return;
      const cur = mention === null ? null : mentions[mention]!;
      if (!cur || m.end - m.start < cur.end - cur.start) mention = idx;
    });
    return {
      start: a,
      end: b,
      text: text.slice(a, b),
      mention,
      facts: [...new Set(evidence.filter((e) => covers(e.span, a, b)).map((e) => e.key))],
      focus: focus.some((s) => covers(s, a, b)),
      selected: !!selection && covers(selection, a, b),
    };
  });
}

/** Offsets of a DOM selection inside the article text, read from the runs' `data-start` attributes; null when it is not inside. */
export function selectionSpan(root: HTMLElement, sel: Selection | null): Span | null {
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const range = sel.getRangeAt(0);
  const at = (node: Node, offset: number): number | null => {
    if (!root.contains(node)) return null;
    // A text node inside a run: the run's start plus the offset within it (runs hold one text node each, possibly nested in <mark>).
    if (node.nodeType === Node.TEXT_NODE) {
      const run = node.parentElement?.closest<HTMLElement>('[data-start]');
      if (!run) return null;
      let before = 0;
      const walker = document.createTreeWalker(run, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n && n !== node; n = walker.nextNode()) before += n.textContent?.length ?? 0;
      return Number(run.dataset['start']) + before + offset;
    }
    // An element boundary: the start of the child at `offset`, or the end of the text when past the last one.
    const el = node as Element;
    const child = el.childNodes[offset];
    if (child) {
      const run = (child.nodeType === Node.ELEMENT_NODE ? (child as HTMLElement) : child.parentElement)?.closest<HTMLElement>('[data-start]') ?? (child as HTMLElement).querySelector?.<HTMLElement>('[data-start]');
      return run ? Number(run.dataset['start']) : null;
    }
    const runs = el.querySelectorAll<HTMLElement>('[data-end]');
    const last = runs[runs.length - 1];
    return last ? Number(last.dataset['end']) : null;
  };
  const start = at(range.startContainer, range.startOffset);
  const end = at(range.endContainer, range.endOffset);
  if (start === null || end === null || end <= start) return null;
  return { start, end };
}

/** A span without the whitespace at its ends, so a dragged selection still gives a clean quote. */
export function trimSpan(text: string, s: Span): Span {
  let { start, end } = s;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}
