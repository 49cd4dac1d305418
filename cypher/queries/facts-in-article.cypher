// name: facts-in-article
// title: Alla fakta en artikel belägger, med citat
// title@en: Every fact an article states, with its quote
// description: De fakta som en artikel är belägg för, i den ordning citaten står i texten: vem, vad, vem eller
//   vad, och den exakta meningen. Ett snabbt sätt att läsa vad grafen hämtat ur en artikel.
// description@en: The facts that an article is evidence for, in the order their quotes appear in the text:
//   who, what, whom, and the exact sentence. A quick way to read what the graph took from one article.
// param: article node = article-001  "Artikeln (ett Article-id, t.ex. article-001)"
// param@en: article "The article (an Article id, e.g. article-001)"
MATCH (article:Article {id: $article})
MATCH (a)-[r]->(b)
WHERE NOT r:MENTIONS AND article.id IN r.evidenceArticles
UNWIND [i IN range(0, size(r.evidenceArticles) - 1) WHERE r.evidenceArticles[i] = article.id] AS i
WITH article, a, r, b, min(r.evidenceStarts[i]) AS start, head(collect(r.evidenceQuotes[i])) AS quote
RETURN start,
       coalesce(a.name, a.title, a.id) AS subject,
       type(r) AS fact,
       coalesce(b.name, b.value, b.title, b.id) AS object,
       quote,
       a, r, b
ORDER BY start, fact
