import { ResultDrawer as QueryResultDrawer } from '../query/ResultDrawer';
import { useExplorer, useExplorerStore } from './useExplorer';

/** A query's result table under the canvas (the graph part is drawn on the canvas), with a resizable split. */
export function ResultDrawer() {
  const x = useExplorerStore();
  const run = useExplorer((s) => s.run);
  const open = useExplorer((s) => s.tableOpen);
  return <QueryResultDrawer run={run} open={open} onOpenChange={x.setTableOpen} />;
}
