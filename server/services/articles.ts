import { NotFoundError } from '../errors';
import type { Database } from '../neo4j/database';
import { toPlain } from '../neo4j/values';
import type { ArticleDetail, ArticleList } from '../../contract/explore';

// Evidence lists cannot be indexed, so fact counts come from one pass over the relationships that carry them,
// joined to the articles here (a join in Cypher over two lists is quadratic: minutes at 10 000 articles).
const FACT_COUNTS = `
  MATCH ()-[r]->() WHERE r.evidenceArticles IS NOT NULL
  UNWIND r.evidenceArticles AS articleId
  RETURN articleId, count(DISTINCT r) AS facts`;

const ARTICLE_LIST = `
  MATCH (a:Article)
  CALL (a) {
    OPTIONAL MATCH (a)-[m:MENTIONS]->()
    RETURN count(m) AS entityCount, sum(size(coalesce(m.starts, []))) AS mentionCount
  }
  RETURN a { .id, .title, .outlet, .file, published: toString(a.published) } AS article, entityCount, mentionCount
  ORDER BY a.published, a.id`;

/** Every article with its counts of mentions and facts, oldest first. */
export async function listArticles(db: Database): Promise<ArticleList> {
  const [counts, result] = await Promise.all([db.read(FACT_COUNTS), db.read(ARTICLE_LIST)]);
  const facts = new Map<string, number>(counts.records.map((r) => [String(r.get('articleId')), Number(toPlain(r.get('facts')))]));
  return {
    articles: result.records.map((r) => {
      const a = toPlain(r.get('article')) as { id: string; title: string; outlet: string | null; file: string; published: string };
      return {
        ...a,
        file: a.file ?? '',
        mentionCount: Number(toPlain(r.get('mentionCount'))),
        entityCount: Number(toPlain(r.get('entityCount'))),
        factCount: facts.get(a.id) ?? 0,
      };
    }),
  };
}

const ARTICLE_DETAIL = `
  MATCH (a:Article {id: $id})
  CALL (a) {
    OPTIONAL MATCH (a)-[m:MENTIONS]->(e)
    RETURN collect({ entityId: coalesce(e.id, elementId(e)), name: coalesce(e.name, e.title, e.id), labels: labels(e), starts: m.starts, ends: m.ends }) AS mentions
  }
  CALL (a) {
    OPTIONAL MATCH (x)-[r]->(y) WHERE a.id IN r.evidenceArticles
    RETURN collect({
      factId: coalesce(r.id, elementId(r)), type: type(r),
      articles: r.evidenceArticles, quotes: r.evidenceQuotes, starts: r.evidenceStarts, ends: r.evidenceEnds,
      from: { id: coalesce(x.id, elementId(x)), name: coalesce(x.name, x.title, x.value, x.id) },
      to: { id: coalesce(y.id, elementId(y)), name: coalesce(y.name, y.title, y.value, y.id) }
    }) AS quotes
  }
  RETURN a { .id, .title, .outlet, .file, .text, published: toString(a.published) } AS article, mentions, quotes`;

interface MentionRow {
  entityId: string;
  name: string;
  labels: string[];
  starts: number[] | null;
  ends: number[] | null;
}
interface QuoteRow {
  factId: string;
  type: string;
  articles: string[] | null;
  quotes: string[];
  starts: number[];
  ends: number[];
  from: { id: string; name: string };
  to: { id: string; name: string };
}

/** One article's text with every mention span and every evidence quote in it, in reading order; 404 when unknown. */
export async function articleDetail(db: Database, id: string): Promise<ArticleDetail> {
  const record = (await db.read(ARTICLE_DETAIL, { id })).records[0];
  if (!record) throw new NotFoundError(`No article has the id "${id}". GET /api/articles lists them.`, { ids: [id] });
  const article = toPlain(record.get('article')) as ArticleDetail['article'];
  const text = article.text ?? '';
  const mentions = (toPlain(record.get('mentions')) as MentionRow[]).flatMap((m) =>
    (m.starts ?? []).map((start, i) => {
      const end = m.ends?.[i] ?? start;
      return { entityId: m.entityId, name: m.name, labels: m.labels, start, end, surface: text.slice(start, end) };
    }),
  );
  // OPTIONAL MATCH without a fact still collects one map of nulls: an article that is evidence for nothing.
  const quotes = (toPlain(record.get('quotes')) as QuoteRow[]).flatMap((q) =>
    (q.articles ?? []).flatMap((articleId, i) =>
      articleId === id ? [{ factId: q.factId, type: q.type, start: q.starts[i] ?? 0, end: q.ends[i] ?? 0, quote: q.quotes[i] ?? '', from: q.from, to: q.to }] : [],
    ),
  );
  mentions.sort((a, b) => a.start - b.start || a.end - b.end);
  quotes.sort((a, b) => a.start - b.start || a.end - b.end || a.factId.localeCompare(b.factId));
  return { article: { ...article, file: article.file ?? '', text }, mentions, quotes };
}
