import { useTranslation } from 'react-i18next';
import type { QueryParam, QueryParamType } from '../api/types';
import { SearchBox } from '../components/SearchBox';
import { cypherParamRef } from '../../../contract/cypherText';
import type { RawValue } from './queryState';

interface Props {
  params: QueryParam[];
  raw: Record<string, RawValue>;
  errors: Record<string, string>;
  onChange(name: string, value: RawValue): void;
  /** For ad-hoc Cypher the analyst picks each parameter's type. */
  onTypeChange?(name: string, type: QueryParamType): void;
  /** A parameter's help text in the UI language (library queries carry both); defaults to its description. */
  describe?(p: QueryParam): string | undefined;
}

/** The key under `query:params.type` of each type's word. */
const TYPE_KEYS: Record<QueryParamType, string> = {
  string: 'string',
  integer: 'integer',
  float: 'float',
  boolean: 'boolean',
  date: 'date',
  node: 'node',
  'list<string>': 'listString',
  'list<integer>': 'listInteger',
};
export const PARAM_TYPES = Object.keys(TYPE_KEYS) as QueryParamType[];

/** One typed input per query parameter: date fields, number fields, node autocomplete, lists as comma text. */
export function ParamForm({ params, raw, errors, onChange, onTypeChange, describe = (p) => p.description }: Props) {
  const { t } = useTranslation('query');
  const typeLabel = (type: QueryParamType) => t(`params.type.${TYPE_KEYS[type]}`);
  if (!params.length) return <p className="muted small">{t('params.none')}</p>;
  return (
    <div className="param-form" data-testid="param-form">
      {params.map((p) => {
        const id = `param-${p.name}`;
        const value = raw[p.name] ?? '';
        const err = errors[p.name];
        const help = describe(p);
        const ref = cypherParamRef(p.name);
        const common = {
          id,
          'aria-invalid': err ? true : undefined,
          'aria-describedby': err ? `${id}-error` : help ? `${id}-desc` : undefined,
          'data-testid': `param-${p.name}`,
        };
        return (
          <div key={p.name} className={`field${err ? ' invalid' : ''}`}>
            <label htmlFor={id} className="field-label">
              <span className="mono">{ref}</span> <span className="muted small">{typeLabel(p.type)}</span>
            </label>
            {onTypeChange && (
              <select aria-label={t('params.typeFor', { param: ref })} value={p.type} onChange={(e) => onTypeChange(p.name, e.target.value as QueryParamType)} className="param-type" data-testid={`param-${p.name}-type`}>
                {PARAM_TYPES.map((type) => (
                  <option key={type} value={type}>
                    {typeLabel(type)}
                  </option>
                ))}
              </select>
            )}
            {p.type === 'boolean' ? (
              <input type="checkbox" {...common} checked={value === true} onChange={(e) => onChange(p.name, e.target.checked)} />
            ) : p.type === 'date' ? (
              // ISO text rather than <input type="date">, which shows the browser's locale (mm/dd/yyyy) whatever the UI language.
              <input type="text" inputMode="numeric" {...common} value={String(value)} onChange={(e) => onChange(p.name, e.target.value)} placeholder={t('params.datePlaceholder')} className="mono date-input" size={12} />
            ) : p.type === 'integer' || p.type === 'float' ? (
              <input type="number" {...common} step={p.type === 'integer' ? 1 : 'any'} value={String(value)} onChange={(e) => onChange(p.name, e.target.value)} />
            ) : p.type === 'node' ? (
              <div className="node-param">
                <SearchBox label={t('params.nodeFor', { param: ref })} placeholder={t('params.searchNode')} testId={`param-${p.name}-search`} requestKey={`param-${p.name}`} onChoose={(h) => onChange(p.name, h.id)} />
                <input type="text" {...common} value={String(value)} onChange={(e) => onChange(p.name, e.target.value)} placeholder={t('params.nodeId')} className="mono" />
              </div>
            ) : (
              <input type="text" {...common} value={String(value)} onChange={(e) => onChange(p.name, e.target.value)} placeholder={p.type.startsWith('list') ? t('params.listPlaceholder') : undefined} />
            )}
            {help && (
              <p id={`${id}-desc`} className="muted small">
                {help}
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
