import { formatValue } from './format';

/** The "Egenskaper" section of a node or edge panel; renders nothing when there are no properties. */
export function PropertyList({ entries }: { entries: [string, unknown][] }) {
  if (entries.length === 0) return null;
  return (
    <div className="section">
      <h3>Egenskaper</h3>
      <dl className="properties">
        {entries.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{formatValue(v)}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
