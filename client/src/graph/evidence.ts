import type { ArticleSummary, Evidence, GraphEdge } from '../api/types';
import { zipEvidence } from '../../../contract/evidence';

/** The quotes stored on a fact relationship, completed with each article's title, outlet and date. */
export function edgeEvidence(edge: GraphEdge, articles: ReadonlyMap<string, ArticleSummary>): Evidence[] {
  return zipEvidence(edge.properties, articles);
}
