/**
 * The ingest screens behind `#/ingest…`, loaded on demand: the add form or the review of a draft. Their store
 * lives as long as the page, so an unfinished form or review survives a trip to the explorer and back.
 */
import { AddArticle } from './AddArticle';
import { FACT_TYPE_SPECS } from './model';
import { Review } from './Review';
import { navigate, type IngestRoute } from './route';
import { IngestStore } from './store';
import { IngestContext } from './useIngest';
import './ingest.css';

const store = new IngestStore(navigate, undefined, FACT_TYPE_SPECS);

/** The screen for an ingest route. */
export default function IngestScreen({ route }: { route: IngestRoute }) {
  return <IngestContext.Provider value={store}>{route.screen === 'add' ? <AddArticle /> : <Review key={route.draftId} draftId={route.draftId} />}</IngestContext.Provider>;
}
