import type { Evidence } from './graph';

/** What an evidence entry shows of its article. */
export interface EvidenceArticle {
  title: string;
  outlet: string | null;
  published: string;
}

/**
 * Turns a fact relationship's parallel evidence lists (`evidenceArticles`, `evidenceQuotes`, `evidenceStarts`,
 * `evidenceEnds`, as plain JSON values) into Evidence entries. An article missing from `articles` still yields
 * its quote, with the article id as title, so no evidence is silently dropped. Free of dependencies, so the
 * server and the client share it.
 */
export function zipEvidence(properties: Record<string, unknown>, articles: ReadonlyMap<string, EvidenceArticle>): Evidence[] {
  const list = (key: string): unknown[] => (Array.isArray(properties[key]) ? (properties[key] as unknown[]) : []);
  const quotes = list('evidenceQuotes');
  const starts = list('evidenceStarts');
  const ends = list('evidenceEnds');
  return list('evidenceArticles').map((id, i) => {
    const articleId = String(id);
    const article = articles.get(articleId);
    return {
      articleId,
      articleTitle: article?.title ?? articleId,
      outlet: article?.outlet ?? null,
      published: article?.published ?? '',
      quote: String(quotes[i] ?? ''),
      start: Number(starts[i] ?? 0),
      end: Number(ends[i] ?? 0),
    };
  });
}
