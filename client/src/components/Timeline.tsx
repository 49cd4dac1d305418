import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TimelineArticle, TimelineResponse as TimelineData } from '../api/types';
import { formatDate, formatNumber } from '../i18n';
import { addMonths, axisTicks, clampDate, dateScale, paddedRange, todayIso, toDay } from './timeScale';
import './Timeline.css';

export interface TimelineProps {
  /** GET /api/time/timeline; null while it loads (or failed). */
  data: TimelineData | null;
  loading?: boolean;
  /** A sentence to show when the timeline could not be loaded. */
  error?: string | null;
  /** The chosen date (yyyy-mm-dd), or null for today. */
  asOf: string | null;
  /** A date was chosen on the axis, by the marker or by an article (its publication date). */
  onChoose(date: string | null): void;
}

const HEIGHT = 96;
const PAD_X = 18;
const ARTICLE_Y = 20;
const ARTICLE_STEP = 10;
const STRIP_TOP = 34;
const STRIP_HEIGHT = 26;
const AXIS_Y = 64;
const MIN_GAP_PX = 7;

interface Placed {
  article: TimelineArticle;
  x: number;
  lane: number;
}

/** Articles at about the same place stack upwards (three lanes), so each stays visible and clickable. */
function placeArticles(articles: TimelineArticle[], x: (d: string) => number): Placed[] {
  const laneEnds = [-Infinity, -Infinity, -Infinity];
  return articles.map((article) => {
    const ax = x(article.published);
    let lane = laneEnds.findIndex((end) => ax - end >= MIN_GAP_PX);
    if (lane === -1) lane = laneEnds.indexOf(Math.min(...laneEnds));
    laneEnds[lane] = ax;
    return { article, x: ax, lane };
  });
}

/** Width of the element, kept up to date. */
function useWidth<T extends HTMLElement>(): [React.RefObject<T | null>, number] {
  const ref = useRef<T | null>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    setWidth(el.clientWidth);
    const observer = new ResizeObserver(() => setWidth(el.clientWidth));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}

/**
 * The data on a time axis: articles as marks (hover or focus for the title, click or Enter to go to their
 * date), dated facts as a density strip, and the "as of" date as a marker that can be dragged, clicked to
 * anywhere, or moved with the arrow keys (a month; a year with Shift or Page Up/Down; Home/End).
 */
export function Timeline({ data, loading = false, error = null, asOf, onChoose }: TimelineProps) {
  const { t } = useTranslation('time');
  const [boxRef, width] = useWidth<HTMLDivElement>();
  const [preview, setPreview] = useState<string | null>(null);
  const [tip, setTip] = useState<{ x: number; text: string } | null>(null);
  const dragging = useRef(false);
  const commit = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => setPreview(null), [asOf]);
  useEffect(() => () => void (commit.current && clearTimeout(commit.current)), []);

  const today = todayIso();
  const range = useMemo(() => (data?.range ? paddedRange(data.range, today) : null), [data?.range, today]);
  const scale = useMemo(() => (range && width > 0 ? dateScale(range, PAD_X, width - PAD_X) : null), [range, width]);
  const months = t('timeline.months', { returnObjects: true }) as string[];

  const body = (() => {
    if (error) return <p className="timeline-message timeline-error" role="alert">{error}</p>;
    if (!data) return <p className="timeline-message">{loading ? t('timeline.loading') : ''}</p>;
    if (!range) return <p className="timeline-message">{t('timeline.empty')}</p>;
    if (!scale) return null;

    const shown = preview ?? asOf;
    const markerDate = clampDate(shown ?? today, range);
    const markerX = scale.x(markerDate);
    const pxPerYear = (width - 2 * PAD_X) / Math.max(1, (toDay(range.max) - toDay(range.min)) / 365.25);
    const ticks = axisTicks(range, pxPerYear);
    const placed = placeArticles(data.articles, scale.x);
    const maxCount = Math.max(1, ...data.facts.map((f) => f.count));
    const monthly = data.bucket === 'month';
    const barWidth = Math.max(3, monthly ? pxPerYear / 12 - 1 : pxPerYear / 365.25);
    const markerLabel = shown ? formatDate(shown, 'long') : t('control.today', { date: formatDate(today, 'long') });

    const dateAt = (e: PointerEvent<SVGSVGElement>) => {
      const box = e.currentTarget.getBoundingClientRect();
      return scale.date(e.clientX - box.left);
    };
    const onPointerDown = (e: PointerEvent<SVGSVGElement>) => {
      if (e.button !== 0) return;
      dragging.current = true;
      e.currentTarget.setPointerCapture(e.pointerId);
      setPreview(dateAt(e));
    };
    const onPointerMove = (e: PointerEvent<SVGSVGElement>) => {
      if (dragging.current) setPreview(dateAt(e));
    };
    const onPointerUp = (e: PointerEvent<SVGSVGElement>) => {
      if (!dragging.current) return;
      dragging.current = false;
      const date = dateAt(e);
      setPreview(date);
      if (date !== asOf) onChoose(date);
    };
    const onKeyDown = (e: KeyboardEvent<SVGSVGElement>) => {
      const step = e.shiftKey ? 12 : 1;
      const moves: Record<string, () => string> = {
        ArrowLeft: () => addMonths(markerDate, -step),
        ArrowDown: () => addMonths(markerDate, -step),
        ArrowRight: () => addMonths(markerDate, step),
        ArrowUp: () => addMonths(markerDate, step),
        PageDown: () => addMonths(markerDate, -12),
        PageUp: () => addMonths(markerDate, 12),
        Home: () => range.min,
        End: () => range.max,
      };
      const move = moves[e.key];
      if (!move) return;
      e.preventDefault();
      const date = clampDate(move(), range);
      setPreview(date);
      // Keys repeat: ask for the view once the marker rests.
      if (commit.current) clearTimeout(commit.current);
      commit.current = setTimeout(() => date !== asOf && onChoose(date), 400);
    };

    const articleText = (a: TimelineArticle) =>
      a.outlet
        ? t('timeline.article', { title: a.title, outlet: a.outlet, date: formatDate(a.published, 'long') })
        : t('timeline.articleNoOutlet', { title: a.title, date: formatDate(a.published, 'long') });

    return (
      <>
        <svg
          className="timeline-svg"
          width={width}
          height={HEIGHT}
          role="group"
          aria-label={t('timeline.title')}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={() => (dragging.current = false)}
        >
          {/* The axis with its marker is the slider; the article marks are buttons beside it, not inside it. */}
          <g
            className="timeline-slider"
            role="slider"
            tabIndex={0}
            aria-label={t('timeline.label')}
            aria-valuemin={toDay(range.min)}
            aria-valuemax={toDay(range.max)}
            aria-valuenow={toDay(markerDate)}
            aria-valuetext={markerLabel}
            onKeyDown={onKeyDown}
            data-testid="timeline-track"
          >
            <rect className="timeline-bg" x={1} y={1} width={width - 2} height={HEIGHT - 2} rx={4} />
            <g className="timeline-density" aria-hidden="true">
              {data.facts.map((f) => {
                const h = Math.max(2, Math.sqrt(f.count / maxCount) * STRIP_HEIGHT);
                return (
                  <rect key={f.date} x={scale.x(f.date) - barWidth / 2} y={STRIP_TOP + STRIP_HEIGHT - h} width={barWidth} height={h} rx={1}>
                    <title>
                      {monthly
                        ? t('timeline.factCountMonth', { count: f.count, month: `${months[Number(f.date.slice(5, 7)) - 1]} ${f.date.slice(0, 4)}` })
                        : t('timeline.factCount', { count: f.count, date: formatDate(f.date, 'long') })}
                    </title>
                  </rect>
                );
              })}
            </g>
            <line className="timeline-axis" x1={PAD_X} x2={width - PAD_X} y1={AXIS_Y} y2={AXIS_Y} />
            <g className="timeline-ticks" aria-hidden="true">
              {ticks.map((tick) => {
                const x = scale.x(tick.date);
                return (
                  <g key={tick.date}>
                    <line x1={x} x2={x} y1={AXIS_Y} y2={AXIS_Y + (tick.major ? 6 : 3)} className={tick.major ? 'major' : 'minor'} />
                    {(tick.major || pxPerYear >= 240) && (
                      <text x={x} y={AXIS_Y + 18} className={tick.major ? 'major' : 'minor'} textAnchor="middle">
                        {tick.major ? tick.year : months[tick.month - 1]}
                      </text>
                    )}
                  </g>
                );
              })}
            </g>
            <g className="timeline-marker" aria-hidden="true">
              <line x1={markerX} x2={markerX} y1={2} y2={AXIS_Y} />
              <path d={`M ${markerX - 6} ${AXIS_Y} L ${markerX + 6} ${AXIS_Y} L ${markerX} ${AXIS_Y - 8} Z`} />
            </g>
          </g>
          <g className="timeline-articles">
            {placed.map(({ article, x, lane }) => {
              const text = articleText(article);
              return (
                <g
                  key={article.id}
                  className="timeline-article"
                  role="button"
                  tabIndex={0}
                  aria-label={`${text}. ${t('timeline.choose', { date: formatDate(article.published, 'long') })}`}
                  data-testid="timeline-article"
                  data-id={article.id}
                  data-date={article.published}
                  onPointerDown={(e) => e.stopPropagation()}
                  onClick={() => onChoose(article.published)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter' || e.key === ' ') {
                      e.preventDefault();
                      e.stopPropagation();
                      onChoose(article.published);
                    }
                  }}
                  onMouseEnter={() => setTip({ x, text })}
                  onMouseLeave={() => setTip(null)}
                  onFocus={() => setTip({ x, text })}
                  onBlur={() => setTip(null)}
                >
                  <rect className="timeline-article-hit" x={x - 6} y={ARTICLE_Y + 10 - (lane + 1) * ARTICLE_STEP - 2} width={12} height={ARTICLE_STEP + 4} />
                  <rect className="timeline-article-mark" x={x - 3} y={ARTICLE_Y + 10 - (lane + 1) * ARTICLE_STEP + 1} width={6} height={ARTICLE_STEP - 2} rx={1.5} />
                </g>
              );
            })}
          </g>
        </svg>
        {tip && (
          <div className="timeline-tip" role="tooltip" style={{ left: Math.max(4, Math.min(width - 264, tip.x - 130)) }}>
            {tip.text}
          </div>
        )}
      </>
    );
  })();

  return (
    <section className="timeline" data-testid="timeline" aria-label={t('timeline.title')} aria-busy={loading || undefined}>
      <header className="timeline-head">
        <h2 className="timeline-title">{t('timeline.title')}</h2>
        <span className="timeline-legend" aria-hidden="true">
          <span className="timeline-key timeline-key-article" /> {t('timeline.articles')}
          <span className="timeline-key timeline-key-fact" /> {t('timeline.facts')}
        </span>
        <span className="timeline-asof" data-testid="timeline-asof">
          {(preview ?? asOf) ? t('timeline.marker', { date: formatDate((preview ?? asOf)!, 'long') }) : t('timeline.markerNow')}
        </span>
        {data && data.articleTotal > data.articles.length && (
          <span className="timeline-note">{t('timeline.thinned', { shown: formatNumber(data.articles.length), total: formatNumber(data.articleTotal) })}</span>
        )}
      </header>
      <div className="timeline-box" ref={boxRef}>
        {body}
      </div>
    </section>
  );
}
