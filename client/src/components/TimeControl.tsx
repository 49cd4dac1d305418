import { useEffect, useState } from 'react';
import { FIRST_YEAR, LAST_YEAR, NOW_STEP, dateToStep, stepToDate } from './timeScale';

interface Props {
  asOf: string | null;
  loading: boolean;
  onChange(date: string | null): void;
}

const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];

function describe(date: string | null): string {
  if (!date) return 'Nu';
  const [y, m, d] = date.split('-');
  return `${Number(d)} ${MONTH_NAMES[Number(m) - 1]} ${y}`;
}

/** The graph as of a date: a month slider 2017–2024 plus "now", and an exact date field. */
export function TimeControl({ asOf, loading, onChange }: Props) {
  const [step, setStep] = useState(dateToStep(asOf));
  const [exact, setExact] = useState(asOf ?? '');
  useEffect(() => {
    setStep(dateToStep(asOf));
    setExact(asOf ?? '');
  }, [asOf]);

  // While the thumb moves, wait for it to rest before asking the server.
  useEffect(() => {
    const date = stepToDate(step);
    if (date === asOf || (date && asOf && dateToStep(asOf) === step)) return;
    const t = setTimeout(() => onChange(date), 250);
    return () => clearTimeout(t);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [step]);

  return (
    <div className="time-control" data-testid="time-control" role="group" aria-label="Tidpunkt">
      <label htmlFor="time-slider" className="time-label">
        Per datum
      </label>
      <span className="tick" aria-hidden="true">
        {FIRST_YEAR}
      </span>
      <input
        id="time-slider"
        type="range"
        min={0}
        max={NOW_STEP}
        step={1}
        value={step}
        onChange={(e) => setStep(Number(e.target.value))}
        aria-valuetext={describe(stepToDate(step))}
        data-testid="time-slider"
        list="time-years"
      />
      <datalist id="time-years">
        {Array.from({ length: LAST_YEAR - FIRST_YEAR + 1 }, (_, i) => (
          <option key={i} value={i * 12} />
        ))}
      </datalist>
      <span className="tick" aria-hidden="true">
        nu
      </span>
      <input
        type="date"
        aria-label="Exakt datum"
        value={exact}
        min={`${FIRST_YEAR}-01-01`}
        max={`${LAST_YEAR}-12-31`}
        onChange={(e) => {
          setExact(e.target.value);
          if (/^\d{4}-\d{2}-\d{2}$/.test(e.target.value)) onChange(e.target.value);
        }}
        data-testid="time-date"
      />
      <button type="button" onClick={() => onChange(null)} disabled={!asOf} data-testid="time-now">
        Nu
      </button>
      <output className="time-value" data-testid="time-value" aria-live="polite">
        {loading ? '…' : describe(asOf)}
      </output>
    </div>
  );
}
