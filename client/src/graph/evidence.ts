import type { ArticleSummary, Evidence, GraphEdge } from '../api/types';

/** The quotes stored on a fact relationship (parallel lists), completed with each article's title and date. */
export function edgeEvidence(edge: GraphEdge, articles: ReadonlyMap<string, ArticleSummary>): Evidence[] {
  const p = edge.properties;
  const ids = Array.isArray(p.evidenceArticles) ? (p.evidenceArticles as unknown[]) : [];
  const quotes = Array.isArray(p.evidenceQuotes) ? (p.evidenceQuotes as unknown[]) : [];
  const starts = Array.isArray(p.evidenceStarts) ? (p.evidenceStarts as unknown[]) : [];
  const ends = Array.isArray(p.evidenceEnds) ? (p.evidenceEnds as unknown[]) : [];
  return ids.map((id, i) => {
    const articleId = String(id);
    const a = articles.get(articleId);
    return {
      articleId,
      articleTitle: a?.title ?? articleId,
      outlet: a?.outlet ?? null,
      published: a?.published ?? '',
      quote: String(quotes[i] ?? ''),
      start: Number(starts[i] ?? 0),
      end: Number(ends[i] ?? 0),
    };
  });
}
