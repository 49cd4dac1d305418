import { useTranslation } from 'react-i18next';
import { formatValue } from './format';

/** The "Egenskaper" (properties) section of a node or edge panel; renders nothing when there are no properties. */
export function PropertyList({ entries }: { entries: [string, unknown][] }) {
  const { t } = useTranslation('components');
  if (entries.length === 0) return null;
  return (
    <div className="section">
      <h3>{t('properties.title')}</h3>
      <dl className="properties">
        {entries.map(([k, v]) => (
          <div key={k}>
            {/* The stored name stays reachable on hover for analysts who write Cypher. */}
            <dt title={k}>{t(`properties.names.${k}`, { defaultValue: k })}</dt>
            <dd>{formatValue(v)}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
