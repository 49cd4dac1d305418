// name: single-article-organisations
// title: Organisationer som bara förekommer i en artikel
// title@en: Organisations that appear in only one article
// description: Aktörer som nämns i exakt en av artiklarna, med den artikeln och vad artiklarna säger om dem där
//   – organisationerna i korpusens utkant, som Lantmäteriet, Inera och SKL Kommentus, som bara förekommer i
//   artikeln om handslaget.
// description@en: Actors mentioned in exactly one of the articles, with that article and what the articles
//   say about them there — the organisations at the edge of the corpus, such as Lantmäteriet, Inera and
//   SKL Kommentus, which appear only in the handshake article.
// param: kinds list<string> = null  "Bara dessa aktörsslag (t.ex. agency, company); alla om tomt"
// param@en: kinds "Only these actor kinds (e.g. agency, company); all when empty"
MATCH (a:Actor)
WHERE $kinds IS NULL OR size($kinds) = 0 OR a.kind IN $kinds
MATCH (article:Article)-[m:MENTIONS]->(a)
WITH a, collect(article) AS articles, collect(m) AS mentions
WHERE size(articles) = 1
WITH a, articles[0] AS article, mentions[0] AS mention
RETURN a.name AS organisation,
       a.kind AS kind,
       article.id AS articleId,
       article.title AS title,
       article.published AS published,
       size(mention.starts) AS mentions,
       COUNT { (a)-[r]-() WHERE NOT r:MENTIONS } AS facts,
       a AS node, article, mention
ORDER BY published, organisation
