// name: shortest-chain
// title: The shortest chains between two entities
// description: The shortest chains of facts that connect two entities, passing neither through articles
//   nor through name records, nor along mentions — so every step is a stated fact. KommITS reaches
//   Regeringen in two steps, through the digitalisation study both were party to.
// param: from node = actor-kommits  "Where the chain starts"
// param: to node = actor-regeringen  "Where the chain ends"
// param: limit integer = 5  "At most this many chains"
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH chain = allShortestPaths((a)-[*..8]-(b))
WHERE all(r IN relationships(chain) WHERE NOT r:MENTIONS)
  AND all(n IN nodes(chain) WHERE n:Entity)
WITH chain
LIMIT $limit
RETURN length(chain) AS steps,
       [n IN nodes(chain) | n.name] AS through,
       [r IN relationships(chain) | type(r)] AS facts,
       chain
ORDER BY steps
