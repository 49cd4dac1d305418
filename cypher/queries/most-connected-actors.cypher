// name: most-connected-actors
// title: The most connected actors
// description: Actors ranked by how many facts tie them to the rest of the graph (article mentions not
//   counted), with the number of distinct neighbours and of articles that mention them. SKR comes first.
// param: limit integer = 10  "How many actors"
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
