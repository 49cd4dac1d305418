import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isAborted, toApiError } from '../api/client';
import type { ApiError, SearchHit } from '../api/types';
import { kindLabel, kindStyle, primaryKind } from '../graph/kinds';
import { useExplorer, useExplorerStore } from '../explorer/useExplorer';
import { errorMessage } from '../i18n/errors';

interface Props {
  /** Called with the chosen hit (Enter, click). */
  onChoose(hit: SearchHit): void;
  placeholder?: string;
  label: string;
  testId: string;
  /** Requests of different boxes must not cancel each other. */
  requestKey: string;
  initialValue?: string;
  /** Keep the chosen name in the box (a form field) instead of clearing it (the main search). */
  keepChoice?: boolean;
  labels?: string[];
  /** Names as borne on this date (yyyy-mm-dd); null or absent for today's names. */
}

/** A name search with autocomplete: debounced, ranked by the server, keyboard-driven (ARIA combobox). */
export function SearchBox({ onChoose, placeholder, label, testId, requestKey, initialValue = '', keepChoice = false, labels }: Props) {
  const store = useExplorerStore();
  // Names as borne on the chosen date; a new date asks again.
  const asOf = useExplorer((s) => s.history.present.asOf);
  const { t } = useTranslation('components');
  const [text, setText] = useState(initialValue);
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [status, setStatus] = useState<'idle' | 'loading' | 'error'>('idle');
  const [error, setError] = useState<ApiError | null>(null);
  const listId = useId();
  const typed = useRef(false);
  const labelKey = labels?.join(',') ?? '';

  useEffect(() => setText(initialValue), [initialValue]);

  useEffect(() => {
    if (!typed.current) return;
    const q = text.trim();
    if (q.length < 1) {
      setHits([]);
      setOpen(false);
      return;
    }
    setStatus('loading');
    const t = setTimeout(() => {
      store
        .search(q, { limit: 10, key: requestKey, labels: labelKey ? labelKey.split(',') : undefined })
        .then((r) => {
          setHits(r.hits);
          setActive(r.hits.length ? 0 : -1);
          setOpen(true);
          setStatus('idle');
        })
        .catch((err) => {
          if (isAborted(err)) return;
          setStatus('error');
          setError(toApiError(err));
          setOpen(true);
        });
    }, 180);
    return () => clearTimeout(t);
  }, [text, requestKey, labelKey, store, asOf]);

  const choose = (hit: SearchHit | undefined) => {
    if (!hit) return;
    onChoose(hit);
    typed.current = false;
    setText(keepChoice ? hit.name : '');
    setOpen(false);
    setHits([]);
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      if (!open && hits.length) setOpen(true);
      setActive((a) => Math.min(hits.length - 1, a + 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(0, a - 1));
    } else if (e.key === 'Enter') {
      if (open && hits.length) {
        e.preventDefault();
        choose(hits[active] ?? hits[0]);
      }
    } else if (e.key === 'Escape') {
      if (open) {
        e.stopPropagation();
        setOpen(false);
      } else {
        setText('');
      }
    }
  };

  const optionId = (i: number) => `${listId}-opt-${i}`;
  return (
    <div className="combobox" data-testid={testId}>
      <label className="visually-hidden" htmlFor={`${listId}-input`}>
        {label}
      </label>
      <input
        id={`${listId}-input`}
        type="search"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        aria-autocomplete="list"
        aria-expanded={open && hits.length > 0 && status !== 'error'}
        aria-controls={listId}
        aria-activedescendant={open && hits.length > 0 && active >= 0 ? optionId(active) : undefined}
        placeholder={placeholder}
        value={text}
        onChange={(e) => {
          typed.current = true;
          setText(e.target.value);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onFocus={() => hits.length && setOpen(true)}
        data-testid={`${testId}-input`}
      />
      {status === 'loading' && <span className="combobox-spinner" aria-hidden="true" />}
      {/* Messages sit outside the listbox: a listbox may hold options only. */}
      {open && status === 'error' && (
        <div className="combobox-list combobox-message error-text" role="alert" data-testid={`${testId}-error`}>
          {t('search.failed')} {error ? errorMessage(error) : ''}
        </div>
      )}
      {open && status === 'idle' && hits.length === 0 && (
        <div className="combobox-list combobox-message combobox-empty" data-testid={`${testId}-empty`}>
          {t('search.noHits', { q: text.trim() })}
        </div>
      )}
      <span className="visually-hidden" role="status" aria-live="polite">
        {status === 'loading' ? t('search.searching') : open && hits.length > 0 ? t('search.hits', { count: hits.length }) : ''}
      </span>
      <ul id={listId} role="listbox" className="combobox-list" hidden={!open || hits.length === 0 || status === 'error'} aria-label={label}>
        {hits.map((hit, i) => {
          const kind = primaryKind(hit.labels);
          const style = kindStyle(kind);
          const alias = hit.aliases.find((a) => a.toLowerCase().includes(text.trim().toLowerCase()) && a !== hit.name);
          return (
            <li
              key={hit.id}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : ''}
              onMouseDown={(e) => {
                e.preventDefault();
                choose(hit);
              }}
              onMouseEnter={() => setActive(i)}
              data-testid="search-option"
              data-id={hit.id}
            >
              <span className="kind-dot" style={{ background: style.colour }} aria-hidden="true" />
              <span className="hit-name">{hit.name}</span>
              {alias && <span className="hit-alias">({alias})</span>}
              <span className="hit-kind">{kindLabel(kind)}</span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
