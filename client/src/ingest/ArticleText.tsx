import { memo, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { kindLabel, kindStyle } from '../graph/kinds';
import { focusedItem, itemSpans, mentionLabel, mentionMark, type ReviewMark, type ReviewState } from './review';
import { reviewRuns, selectionSpan, trimSpan } from './reviewText';

const MARK_ICON: Record<ReviewMark, string> = { proposed: '', accepted: '✓', rejected: '✕' };

interface Props {
  review: ReviewState;
  onSelect(span: { start: number; end: number } | null): void;
  onMention(index: number): void;
}

/**
 * The draft's text with every proposal on it: names underlined in their kind's colour (dashed while proposed,
 * solid with ✓ when accepted, dotted and faded with ✕ when rejected), fact evidence tinted, the focused
 * proposal marked and scrolled into view. Selecting text reports the span, for a fact's evidence.
 */
export const ArticleText = memo(function ArticleText({ review, onSelect, onMention }: Props) {
  const { t } = useTranslation('ingest');
  const rootRef = useRef<HTMLDivElement>(null);
  const p = review.proposal;
  const focus = focusedItem(review);
  const focusSpans = useMemo(() => (focus ? itemSpans(review, focus) : []), [review, focus]);
  const evidence = useMemo(() => Object.values(review.facts).flatMap((f) => f.evidence.map((span) => ({ key: f.key, span }))), [review.facts]);
  const runs = useMemo(() => reviewRuns(p.text, p.mentions, evidence, focusSpans, review.selection), [p, evidence, focusSpans, review.selection]);

  // The focused proposal's first span comes into view inside the text pane (never by scrolling the page).
  const focusKey = focusSpans.map((s) => `${s.start}-${s.end}`).join(',');
  useEffect(() => {
    const pane = rootRef.current?.closest<HTMLElement>('.review-text');
    const el = rootRef.current?.querySelector<HTMLElement>('.focus-run');
    if (!pane || !el) return;
    const top = el.getBoundingClientRect().top - pane.getBoundingClientRect().top;
    if (top < 48 || top > pane.clientHeight - 48) pane.scrollTo({ top: pane.scrollTop + top - pane.clientHeight / 3, behavior: 'smooth' });
  }, [focusKey]);

  const readSelection = () => {
    const root = rootRef.current;
    if (!root) return;
    const span = selectionSpan(root, window.getSelection());
    onSelect(span ? trimSpan(p.text, span) : null);
  };

  const factMarks = (keys: string[]): ReviewMark => {
    const ds = keys.map((k) => review.facts[k]?.decision);
    if (ds.includes('accept')) return 'accepted';
    if (ds.every((d) => d === 'reject')) return 'rejected';
    return 'proposed';
  };

  // Which run ends a mention: its state icon goes there.
  const lastRunOf = new Map<number, number>();
  runs.forEach((r, i) => r.mention !== null && lastRunOf.set(r.mention, i));

  return (
    <div ref={rootRef} className="article-text review-article" data-testid="review-article" onMouseUp={readSelection} onKeyUp={(e) => e.shiftKey && readSelection()}>
      {runs.map((r, i) => {
        const classes: string[] = [];
        const attrs: Record<string, string> = {};
        let title: string | undefined;
        if (r.facts.length) {
          classes.push('evidence-run', `evidence-${factMarks(r.facts)}`);
          attrs['data-facts'] = r.facts.join(' ');
        }
        if (r.focus) classes.push('focus-run');
        if (r.selected) classes.push('selected-run');
        if (r.mention !== null) {
          const m = p.mentions[r.mention]!;
          const mark = mentionMark(review, r.mention);
          const label = mentionLabel(review, r.mention);
          classes.push('review-mention', `mention-${mark}`);
          if (lastRunOf.get(r.mention) === i && MARK_ICON[mark]) {
            classes.push('mention-end');
            attrs['data-icon'] = MARK_ICON[mark];
          }
          attrs['data-mention'] = String(r.mention);
          title = t('text.mentionTitle', { surface: m.surface, kind: kindLabel(label), state: t(`state.${mark}`) });
          const index = r.mention;
          return (
            <span
              key={r.start}
              className={classes.join(' ')}
              style={{ borderBottomColor: kindStyle(label).colour }}
              data-start={r.start}
              data-end={r.end}
              title={title}
              onClick={(e) => {
                // A click that ends a text selection is a selection, not a jump.
                if (window.getSelection()?.isCollapsed !== false) {
                  e.stopPropagation();
                  onMention(index);
                }
              }}
              {...attrs}
            >
              {r.text}
            </span>
          );
        }
        return (
          <span key={r.start} className={classes.join(' ') || undefined} data-start={r.start} data-end={r.end} {...attrs}>
            {r.text}
          </span>
        );
      })}
    </div>
  );
});
