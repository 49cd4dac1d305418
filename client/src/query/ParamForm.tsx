import type { QueryParam, QueryParamType } from '../api/types';
import { SearchBox } from '../components/SearchBox';
import type { RawValue } from './queryState';

interface Props {
  params: QueryParam[];
  raw: Record<string, RawValue>;
  errors: Record<string, string>;
  onChange(name: string, value: RawValue): void;
  /** For ad-hoc Cypher the analyst picks each parameter's type. */
  onTypeChange?(name: string, type: QueryParamType): void;
}

const TYPE_LABELS: Record<QueryParamType, string> = {
  string: 'text',
  integer: 'heltal',
  float: 'tal',
  boolean: 'ja/nej',
  date: 'datum',
  node: 'nod',
  'list<string>': 'lista av text',
  'list<integer>': 'lista av heltal',
};
export const PARAM_TYPES = Object.keys(TYPE_LABELS) as QueryParamType[];

/** One typed input per query parameter: date fields, number fields, node autocomplete, lists as comma text. */
export function ParamForm({ params, raw, errors, onChange, onTypeChange }: Props) {
  if (!params.length) return <p className="muted small">Frågan har inga parametrar.</p>;
  return (
    <div className="param-form" data-testid="param-form">
      {params.map((p) => {
        const id = `param-${p.name}`;
        const value = raw[p.name] ?? '';
        const err = errors[p.name];
        const common = {
          id,
          'aria-invalid': err ? true : undefined,
          'aria-describedby': err ? `${id}-error` : p.description ? `${id}-desc` : undefined,
          'data-testid': `param-${p.name}`,
        };
        return (
          <div key={p.name} className={`field${err ? ' invalid' : ''}`}>
            <label htmlFor={id} className="field-label">
              <span className="mono">${p.name}</span> <span className="muted small">{TYPE_LABELS[p.type]}</span>
            </label>
            {onTypeChange && (
              <select aria-label={`Typ för $${p.name}`} value={p.type} onChange={(e) => onTypeChange(p.name, e.target.value as QueryParamType)} className="param-type">
                {PARAM_TYPES.map((t) => (
                  <option key={t} value={t}>
                    {TYPE_LABELS[t]}
                  </option>
                ))}
              </select>
            )}
            {p.type === 'boolean' ? (
              <input type="checkbox" {...common} checked={value === true} onChange={(e) => onChange(p.name, e.target.checked)} />
            ) : p.type === 'date' ? (
              <input type="date" {...common} value={String(value)} onChange={(e) => onChange(p.name, e.target.value)} />
            ) : p.type === 'integer' || p.type === 'float' ? (
              <input type="number" {...common} step={p.type === 'integer' ? 1 : 'any'} value={String(value)} onChange={(e) => onChange(p.name, e.target.value)} />
            ) : p.type === 'node' ? (
              <div className="node-param">
                <SearchBox label={`Nod för $${p.name}`} placeholder="Sök nod …" testId={`param-${p.name}-search`} requestKey={`param-${p.name}`} onChoose={(h) => onChange(p.name, h.id)} />
                <input type="text" {...common} value={String(value)} onChange={(e) => onChange(p.name, e.target.value)} placeholder="nod-id" className="mono" />
              </div>
            ) : (
              <input type="text" {...common} value={String(value)} onChange={(e) => onChange(p.name, e.target.value)} placeholder={p.type.startsWith('list') ? 'värden, kommaseparerade' : undefined} />
            )}
            {p.description && (
              <p id={`${id}-desc`} className="muted small">
                {p.description}
              </p>
            )}
            {err && (
              <p id={`${id}-error`} className="error-text small" role="alert">
                {err}
              </p>
            )}
          </div>
        );
      })}
    </div>
  );
}
