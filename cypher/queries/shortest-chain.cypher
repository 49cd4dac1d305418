// name: shortest-chain
// title: De kortaste kedjorna mellan två entiteter
// title@en: The shortest chains between two entities
// description: De kortaste kedjorna av fakta som förbinder två entiteter, varken via artiklar, via namnposter
//   eller längs omnämnanden – så att varje steg är ett uttalat faktum. KommITS når regeringen i två steg,
//   genom digitaliseringsförstudien som båda var part i.
// description@en: The shortest chains of facts that connect two entities, passing neither through articles
//   nor through name records, nor along mentions — so every step is a stated fact. KommITS reaches
//   Regeringen in two steps, through the digitalisation study both were party to.
// param: from node = actor-kommits  "Där kedjan börjar"
// param@en: from "Where the chain starts"
// param: to node = actor-regeringen  "Där kedjan slutar"
// param@en: to "Where the chain ends"
// param: limit integer = 5  "Högst så här många kedjor"
// param@en: limit "At most this many chains"
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
