import { useTranslation } from 'react-i18next';
import { TimeControl } from '../components/TimeControl';
import { Timeline } from '../components/Timeline';
import { errorMessage } from '../i18n/errors';
import { selectView } from './selectors';
import { useExplorer, useExplorerStore } from './useExplorer';

/** Under the canvas: the date the graph is shown as of, and the timeline of articles and facts on request. */
export function TimeBar() {
  const { t } = useTranslation('app');
  const x = useExplorerStore();
  const view = useExplorer(selectView);
  const loading = useExplorer((s) => s.viewLoad.state === 'loading');
  const timeline = useExplorer((s) => s.timeline);
  const open = useExplorer((s) => s.timelineOpen);
  const data = timeline?.state === 'ready' ? timeline.data : null;
  return (
    <section className="time-bar" aria-label={t('time.label')} data-testid="time-bar">
      <div className="time-bar-row">
        <TimeControl asOf={view.asOf} range={data?.range ?? null} loading={loading} onChange={x.setAsOf} />
        <span className="spacer" />
        <button type="button" onClick={x.toggleTimeline} aria-expanded={open} aria-controls="timeline-strip" data-testid="toggle-timeline">
          {open ? t('time.hideTimeline') : t('time.showTimeline')}
        </button>
      </div>
      {open && (
        <div id="timeline-strip" className="timeline-strip">
          <Timeline data={data} loading={timeline?.state === 'loading'} error={timeline?.state === 'error' ? errorMessage(timeline.error) : null} asOf={view.asOf} onChoose={x.setAsOf} />
        </div>
      )}
    </section>
  );
}
