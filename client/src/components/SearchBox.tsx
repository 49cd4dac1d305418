import { useEffect, useId, useRef, useState } from 'react';
import { api, isAborted, toApiError } from '../api/client';
import type { SearchHit } from '../api/types';
import { kindStyle, primaryKind } from '../graph/kinds';

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
}

/** A name search with autocomplete: debounced, ranked by the server, keyboard-driven (ARIA combobox). */
export function SearchBox({ onChoose, placeholder, label, testId, requestKey, initialValue = '', keepChoice = false, labels }: Props) {
  const [text, setText] = useState(initialValue);
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [status, setStatus] = useState<'idle' | 'loading' | 'error'>('idle');
  const [error, setError] = useState('');
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
      api
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
          setError(toApiError(err).message);
          setOpen(true);
        });
    }, 180);
    return () => clearTimeout(t);
  }, [text, requestKey, labelKey]);

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
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open && active >= 0 ? optionId(active) : undefined}
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
      <ul id={listId} role="listbox" className="combobox-list" hidden={!open} aria-label={label}>
        {status === 'error' && <li className="combobox-empty">Sökningen misslyckades: {error}</li>}
        {status !== 'error' && open && hits.length === 0 && <li className="combobox-empty">Inga träffar för ”{text.trim()}”.</li>}
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
              <span className="hit-kind">{style.label}</span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
