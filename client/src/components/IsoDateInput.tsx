import type { InputHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A date typed as ISO `yyyy-mm-dd` text: the same in every locale, unlike `<input type="date">`, whose display
 * follows the browser (mm/dd/yyyy in en-US). Callers check the value with `dateProblem()` from timeScale.ts.
 */
export function IsoDateInput({ invalid, ...rest }: Omit<InputHTMLAttributes<HTMLInputElement>, 'type'> & { invalid?: boolean }) {
  const { t } = useTranslation('time');
  return (
    <input
      type="text"
      inputMode="numeric"
      autoComplete="off"
      spellCheck={false}
      className="tc-input"
      placeholder={t('control.placeholder')}
      pattern="\d{4}-\d{2}-\d{2}"
      maxLength={10}
      size={10}
      aria-invalid={invalid ? true : undefined}
      {...rest}
    />
  );
}
