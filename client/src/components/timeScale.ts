/** The time slider's scale: one step per month from January 2017 to December 2024, and one more step for "now". */
export const FIRST_YEAR = 2017;
export const LAST_YEAR = 2024;
export const MONTHS = (LAST_YEAR - FIRST_YEAR + 1) * 12;
/** The slider position meaning "now" (no date). */
export const NOW_STEP = MONTHS;

/** Slider step → ISO date (first of the month), or null for "now". */
export function stepToDate(step: number): string | null {
  if (step >= NOW_STEP) return null;
  const s = Math.max(0, Math.floor(step));
  const year = FIRST_YEAR + Math.floor(s / 12);
  const month = (s % 12) + 1;
  return `${year}-${String(month).padStart(2, '0')}-01`;
}

/** ISO date → the slider step of its month (clamped to the scale); null → "now". */
export function dateToStep(date: string | null): number {
  if (!date) return NOW_STEP;
  const m = /^(\d{4})-(\d{2})/.exec(date);
  if (!m) return NOW_STEP;
  const step = (Number(m[1]) - FIRST_YEAR) * 12 + Number(m[2]) - 1;
  return Math.max(0, Math.min(MONTHS - 1, step));
}
