// name: topics-by-attention
// title: Ämnena som flest aktörer tar ställning till
// title@en: The topics most actors take a position on
// description: Ämnen, tjänster och dokument rangordnade efter hur många olika aktörer som stöder, kritiserar,
//   begär, föreslår, åtar sig eller prioriterar dem, med vem som gör vad. Den samlande digitaliseringsmyndighet
//   som föreslogs 2017 får ställningstaganden från både utredningen och SKL; Mina meddelanden får fyra från
//   SKL ensamt.
// description@en: Topics, services and documents ranked by how many different actors support, criticise,
//   request, propose, commit to or prioritise them, with who does what. The unifying digital agency proposed
//   in 2017 draws positions from both the inquiry and SKL; Mina meddelanden draws four from SKL alone.
// param: limit integer = 15  "Hur många ämnen"
// param@en: limit "How many topics"
MATCH (actor:Entity)-[s:SUPPORTS|CRITICISES|REQUESTS|PROPOSES|COMMITS_TO|PRIORITISES]->(topic:Entity)
WITH topic, collect(DISTINCT actor) AS actors, collect(s) AS stances
RETURN topic.name AS topic,
       [l IN labels(topic) WHERE l <> 'Entity'][0] AS kind,
       size(actors) AS actorCount,
       size(stances) AS positions,
       [s IN stances | startNode(s).name + ' ' + type(s)] AS who,
       topic AS topicNode, actors, stances
ORDER BY actorCount DESC, positions DESC, topic
LIMIT $limit
