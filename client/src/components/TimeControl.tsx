import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../i18n';
import { IsoDateInput } from './IsoDateInput';
import { clampDate, dateProblem, fromDay, todayIso, toDay, type DateProblem, type DateRange } from './timeScale';
import './Timeline.css';

export interface TimeControlProps {
  /** The chosen date (yyyy-mm-dd), or null for today. */
  asOf: string | null;
  /** The data's span (GET /api/time/timeline → range); null while unknown or for an empty database. */
  range: DateRange | null;
  /** A view for the date is being fetched. */
  loading: boolean;
  /** A new date was chosen; null means today ("Nu"). */
  onChange(date: string | null): void;
}

/**
 * The graph as of a date: the date typed as ISO yyyy-mm-dd (never the browser's locale), a slider over the
 * data's span with one step past its end for "now", a "Nu" button, and the date in words.
 */
export function TimeControl({ asOf, range, loading, onChange }: TimeControlProps) {
  const { t } = useTranslation('time');
  const id = useId();
  const [text, setText] = useState(asOf ?? '');
  const [problem, setProblem] = useState<{ kind: DateProblem; value: string } | null>(null);
  const [sliderDay, setSliderDay] = useState<number | null>(null);
  const settle = useRef<ReturnType<typeof setTimeout> | null>(null);
  // Enter then blur applies once, even before the new date comes back as `asOf`.
  const sent = useRef<string | null>(asOf);

  useEffect(() => {
    sent.current = asOf;
    setText(asOf ?? '');
    setProblem(null);
    setSliderDay(null);
  }, [asOf]);
  useEffect(() => () => void (settle.current && clearTimeout(settle.current)), []);

  const emit = (date: string | null) => {
    sent.current = date;
    onChange(date);
  };
  const apply = () => {
    const value = text.trim();
    if (value === '') {
      setProblem(null);
      if (sent.current !== null) emit(null);
      return;
    }
    const kind = dateProblem(value);
    if (kind) {
      setProblem({ kind, value });
      return;
    }
    setProblem(null);
    if (value !== sent.current) emit(value);
  };

  // The slider covers the data's span day by day, and one step past its end means "now".
  const minDay = range ? toDay(range.min) : 0;
  const maxDay = range ? toDay(range.max) : 0;
  const nowStep = maxDay + 1;
  const position = sliderDay ?? (asOf && range ? toDay(clampDate(asOf, range)) : nowStep);
  const sliderDate = (day: number) => (day >= nowStep ? null : fromDay(day));

  const onSlide = (day: number) => {
    setSliderDay(day);
    const date = sliderDate(day);
    setText(date ?? '');
    setProblem(null);
    // While the thumb moves, wait for it to rest before asking for the view.
    if (settle.current) clearTimeout(settle.current);
    settle.current = setTimeout(() => {
      if (date !== sent.current) emit(date);
    }, 250);
  };

  const shown = asOf ? formatDate(asOf, 'long') : t('control.today', { date: formatDate(todayIso(), 'long') });
  const describe = (day: number) => {
    const date = sliderDate(day);
    return date ? formatDate(date, 'long') : t('control.today', { date: formatDate(todayIso(), 'long') });
  };
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;

  return (
    <div className="time-control tc" data-testid="time-control" role="group" aria-label={t('control.group')}>
      <div className="tc-field">
        <label htmlFor={`${id}-input`} className="time-label tc-label">
          {t('control.label')}
        </label>
        <IsoDateInput
          id={`${id}-input`}
          value={text}
          invalid={!!problem}
          aria-describedby={problem ? errorId : hintId}
          title={t('control.hint')}
          onChange={(e) => {
            setText(e.target.value);
            if (problem) setProblem(null);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              apply();
            } else if (e.key === 'Escape') {
              setText(asOf ?? '');
              setProblem(null);
            }
          }}
          onBlur={apply}
          data-testid="asof-input"
        />
        <span id={hintId} className="tc-visually-hidden">
          {t('control.hint')}
        </span>
      </div>
      {range && (
        <div className="tc-slider">
          <span className="tick tc-tick" aria-hidden="true">
            {range.min.slice(0, 4)}
          </span>
          <input
            type="range"
            min={minDay}
            max={nowStep}
            step={1}
            value={position}
            aria-label={t('control.slider')}
            aria-valuetext={describe(position)}
            onChange={(e) => onSlide(Number(e.target.value))}
            data-testid="time-slider"
          />
          <span className="tick tc-tick" aria-hidden="true">
            {t('control.nowTick')}
          </span>
        </div>
      )}
      <button type="button" className="tc-now" onClick={() => {
          setText('');
          setProblem(null);
          if (sent.current !== null || asOf !== null) emit(null);
        }} aria-pressed={asOf === null} title={t('control.nowTitle')} data-testid="asof-now">
        {t('control.now')}
      </button>
      <output className="time-value tc-value" data-testid="time-value" aria-live="polite">
        {shown}
      </output>
      {loading && (
        <span className="tc-loading" role="status">
          <span className="tc-spinner" aria-hidden="true" />
          {t('control.loading')}
        </span>
      )}
      {problem && (
        <p id={errorId} className="tc-error" role="alert" data-testid="asof-error">
          {problem.kind === 'format' ? t('control.errorFormat') : t('control.errorCalendar', { value: problem.value })}
        </p>
      )}
    </div>
  );
}
