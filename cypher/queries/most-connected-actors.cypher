// name: most-connected-actors
// title: De mest sammanlänkade aktörerna
// title@en: The most connected actors
// description: Aktörer rangordnade efter hur många fakta som knyter dem till resten av grafen (omnämnanden i
//   artiklar räknas inte), med antalet olika grannar och antalet artiklar som nämner dem. SKR kommer först.
// description@en: Actors ranked by how many facts tie them to the rest of the graph (article mentions not
//   counted), with the number of distinct neighbours and of articles that mention them. SKR comes first.
// param: limit integer = 10  "Hur många aktörer"
// param@en: limit "How many actors"
MATCH (a:Actor)
WITH a,
     COUNT { (a)-[r]-() WHERE NOT r:MENTIONS } AS facts,
     COUNT { MATCH (a)-[r]-(n) WHERE NOT r:MENTIONS RETURN DISTINCT n } AS neighbours,
     COUNT { MATCH (art:Article)-[:MENTIONS]->(a) RETURN DISTINCT art } AS articles
WHERE facts > 0
RETURN a.id AS id,
       a.name AS actor,
       a.kind AS kind,
       facts,
       neighbours,
       articles,
       a AS node
ORDER BY facts DESC, neighbours DESC, actor
LIMIT $limit
