import { useTranslation } from 'react-i18next';
import { KIND_STYLES, KNOWN_KINDS, kindLabel, kindStyle } from '../graph/kinds';
import { ShapeIcon } from './ShapeIcon';

export interface LegendProps {
  /** Kinds present in the view (primary labels); empty = every known kind. */
  kinds: string[];
  /** Open at first; the reader can fold it away. */
  open: boolean;
  /** Told when the reader opens or folds the legend, for a parent that remembers it. */
  onToggle?(open: boolean): void;
  /** Show what an edge's thickness means (default on). */
  edgeWidth?: boolean;
  /** A dated view: explain the faded, undated items. */
  undated?: boolean;
  /** Two dates compared: explain the new / gone / renamed marks. */
  diff?: boolean;
  /** `list` stacks one entry a line (side panel); `row` wraps entries on a line (status bar). */
  layout?: 'list' | 'row';
}

/** Which colour and shape stands for which kind, for the kinds present in the view, and what the other marks mean. */
export function Legend({ kinds, open, onToggle, edgeWidth = true, undated = false, diff = false, layout = 'list' }: LegendProps) {
  const { t } = useTranslation('legend');
  // The marks are drawn on an actor, as the canvas draws them on any node.
  const actor = kindStyle('Actor').colour;
  const shown = kinds.length ? [...KNOWN_KINDS.filter((k) => kinds.includes(k)), ...kinds.filter((k) => !(k in KIND_STYLES))] : KNOWN_KINDS;
  return (
    <details
      className={`legend legend-${layout}`}
      data-testid="legend"
      open={open}
      onToggle={(e) => onToggle?.((e.currentTarget as HTMLDetailsElement).open)}
    >
      <summary>{t('title')}</summary>
      <div className="legend-body">
        <ul className="legend-items" aria-label={t('kinds')}>
          {shown.map((k) => {
            const s = kindStyle(k);
            return (
              <li key={k} className="legend-item">
                <ShapeIcon shape={s.shape} colour={s.colour} size={16} />
                {kindLabel(k)}
              </li>
            );
          })}
        </ul>
        {edgeWidth && (
          <ul className="legend-items legend-notes" aria-label={t('relations')}>
            <li className="legend-item">
              <svg width="24" height="12" viewBox="0 0 24 12" aria-hidden="true" focusable="false" className="legend-edge">
                <line x1="1" y1="3" x2="23" y2="3" strokeWidth="1.2" />
                <line x1="1" y1="9" x2="23" y2="9" strokeWidth="3.5" />
              </svg>
              {t('edgeWidth')}
            </li>
          </ul>
        )}
        {undated && (
          <ul className="legend-items legend-notes" aria-label={t('time')}>
            <li className="legend-item">
              <ShapeIcon shape="round-rectangle" colour={actor} size={16} ring="var(--graph-muted)" dashed muted />
              {t('undated')}
            </li>
          </ul>
        )}
        {diff && (
          <ul className="legend-items legend-notes" aria-label={t('diff')}>
            <li className="legend-item" data-change="appeared">
              <ShapeIcon shape="round-rectangle" colour={actor} size={16} ring="var(--graph-diff-appeared)" />
              {t('appeared')}
            </li>
            <li className="legend-item" data-change="disappeared">
              <ShapeIcon shape="round-rectangle" colour={actor} size={16} ring="var(--graph-diff-disappeared)" dashed muted />
              {t('disappeared')}
            </li>
            <li className="legend-item" data-change="renamed">
              <ShapeIcon shape="round-rectangle" colour={actor} size={16} ring="var(--graph-diff-renamed)" />
              {t('renamed')}
            </li>
          </ul>
        )}
      </div>
    </details>
  );
}
