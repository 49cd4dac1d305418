// name: quotes-of-person
// title: Vad en person sagt, artikel för artikel
// title@en: What a person said, article by article
// description: Allt en person citeras för, per artikel i datumordning, och de ställningstaganden som artiklarna
//   tillskriver personen (gjorda för dennes organisation). Lena Micko citeras i artikeln om remissen i juni
//   2017 och i artikeln om handslaget i december 2017.
// description@en: Everything a person is quoted saying, per article in date order, and the statements of
//   position the articles attribute to them (made for their organisation). Lena Micko is quoted in the
//   June 2017 consultation article and in the December 2017 handshake article.
// param: person node = person-lena-micko  "Personen (ett Person-id)"
// param@en: person "The person (a Person id)"
MATCH (person:Person {id: $person})-[quoted:QUOTED_IN]->(article:Article)
WITH person, quoted, article,
     [i IN range(0, size(quoted.evidenceQuotes) - 1) WHERE quoted.evidenceArticles[i] = article.id | quoted.evidenceQuotes[i]] AS quotes
OPTIONAL MATCH (org)-[s]->(target)
WHERE s.saidBy = person.id AND article.id IN s.evidenceArticles
WITH person, quoted, article, quotes, collect(type(s) + ' ' + target.name) AS statements, collect(s) AS statementRels, collect(org) + collect(target) AS statementNodes
RETURN article.published AS published,
       article.title AS article,
       size(quotes) AS quoteCount,
       quotes,
       statements,
       person AS personNode, quoted, article AS articleNode, statementRels, statementNodes
ORDER BY published
