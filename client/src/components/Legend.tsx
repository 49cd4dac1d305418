import { KIND_STYLES, KNOWN_KINDS, kindStyle } from '../graph/kinds';
import { ShapeIcon } from './ShapeIcon';

/** Which colour and shape stands for which kind, for the kinds present in the view. */
export function Legend({ kinds, open }: { kinds: string[]; open: boolean }) {
  const shown = kinds.length ? [...KNOWN_KINDS.filter((k) => kinds.includes(k)), ...kinds.filter((k) => !(k in KIND_STYLES))] : KNOWN_KINDS;
  return (
    <details className="legend" data-testid="legend" open={open}>
      <summary>Teckenförklaring</summary>
      <div className="legend-items">
      {shown.map((k) => {
        const s = kindStyle(k);
        return (
          <span key={k} className="legend-item">
            <ShapeIcon shape={s.shape} colour={s.colour} size={13} />
            {s.label}
          </span>
        );
      })}
      <span className="legend-item">
        <svg width="22" height="10" aria-hidden="true">
          <line x1="0" y1="5" x2="22" y2="5" stroke="#9AA3B2" strokeWidth="4" />
        </svg>
        linjens tjocklek = antal belägg
      </span>
      </div>
    </details>
  );
}
