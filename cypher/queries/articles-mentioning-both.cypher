// name: articles-mentioning-both
// title: Artiklar som nämner två entiteter tillsammans
// title@en: Articles that mention two given entities together
// description: Artiklarna där båda entiteterna nämns, hur ofta var och en förekommer, orden som används om dem
//   och de fakta som knyter ihop dem i artikeln. SKR och regeringen nämns tillsammans i artikeln om handslaget
//   (001) och i artikeln om digitaliseringsförstudien (003).
// description@en: The articles in which both entities are mentioned, with how often each occurs, the words
//   used for them and the facts that tie the two together in that article. SKR and Regeringen are mentioned
//   together in the handshake article (001) and in the digitalisation-study article (003).
// param: first node = actor-skr  "Den ena entitetens id"
// param@en: first "One entity id"
// param: second node = actor-regeringen  "Den andra entitetens id"
// param@en: second "The other entity id"
MATCH (first:Entity {id: $first}), (second:Entity {id: $second})
MATCH (article:Article)-[m1:MENTIONS]->(first), (article)-[m2:MENTIONS]->(second)
OPTIONAL MATCH (first)-[fact]-(second)
WHERE article.id IN fact.evidenceArticles
WITH article, first, second, m1, m2, collect(fact) AS facts
RETURN article.id AS articleId,
       article.title AS title,
       article.published AS published,
       size(m1.starts) AS firstMentions,
       size(m2.starts) AS secondMentions,
       reduce(seen = [], s IN m1.surface | CASE WHEN s IN seen THEN seen ELSE seen + s END) AS firstAs,
       reduce(seen = [], s IN m2.surface | CASE WHEN s IN seen THEN seen ELSE seen + s END) AS secondAs,
       [f IN facts | type(f)] AS directFacts,
       article, first, second, m1, m2, facts
ORDER BY published
