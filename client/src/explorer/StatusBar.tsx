import { useTranslation } from 'react-i18next';
import { formatDate } from '../i18n';
import { selectDerived, selectView } from './selectors';
import { useExplorer, useExplorerStore } from './useExplorer';

/** Counts of what is drawn, the date, a capped overview's "load more", and the shortcuts. */
export function StatusBar() {
  const { t } = useTranslation('app');
  const x = useExplorerStore();
  const view = useExplorer(selectView);
  const d = useExplorer(selectDerived);
  const info = useExplorer((s) => s.overviewInfo);
  const hiddenCount = d.nodeTotal - d.visibleNodes.length;
  return (
    <div className="statusbar" data-testid="statusbar">
      <span data-testid="view-counts">
        {t('status.nodes', { count: d.visibleNodes.length })} · {t('status.edges', { count: d.visibleEdgeCount })}
        {hiddenCount > 0 ? ` ${t('status.hidden', { count: hiddenCount })}` : ''}
      </span>
      {view.asOf && <span className="asof-badge">{t('status.asOf', { date: formatDate(view.asOf) })}</span>}
      {view.base === 'start' && <span className="muted">{t('status.startView')}</span>}
      {view.base === 'overview' && info?.truncated && (
        <span className="truncated" data-testid="overview-truncated">
          {t('status.truncated', { shown: d.nodeTotal, total: info.nodes })}{' '}
          <button type="button" className="link-button" onClick={x.overviewMore} data-testid="overview-more">
            {t('status.more', { count: Math.max(0, info.nodes - d.nodeTotal) })}
          </button>
        </span>
      )}
      <span className="spacer" />
      <span className="muted small hint">{t('status.hint')}</span>
    </div>
  );
}
