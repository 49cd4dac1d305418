// name: stances-of-actor
// title: Vad en aktör stöder, kritiserar, begär, föreslår eller åtar sig – med citaten
// title@en: What an actor supports, criticises, requests, proposes or commits to — with the quotes
// description: Varje ställningstagande en aktör (organisation eller person) gör i artiklarna: vad den stöder,
//   kritiserar, begär, föreslår, åtar sig eller prioriterar, vad det närmare bestämt gäller och hur långt det
//   går, vem som sade det för dess räkning, och de citerade meningarna med artikel och datum. SKR stöder till
//   exempel Mina meddelanden som ett första steg och kritiserar tjänsten som den fungerar i dag.
// description@en: Every statement of position an actor (organisation or person) makes in the articles: what it
//   supports, criticises, requests, proposes, commits to or prioritises, what exactly and how far, who said it on
//   its behalf, and the quoted sentences with their article and date. SKR, for one, supports Mina Meddelanden
//   as a first step and criticises it as it works now.
// param: actor node = actor-skr  "Aktören (ett Actor- eller Person-id)"
// param@en: actor "The actor (an Actor or Person id)"
// param: stances list<string> = SUPPORTS,CRITICISES,REQUESTS,PROPOSES,COMMITS_TO,PRIORITISES  "Vilka slags ställningstaganden"
// param@en: stances "Which kinds of statement"
MATCH (a:Entity {id: $actor})-[s]->(target)
WHERE type(s) IN $stances
OPTIONAL MATCH (speaker:Person {id: s.saidBy})
WITH a, s, target, speaker,
     [i IN range(0, size(s.evidenceQuotes) - 1) | s.evidenceArticles[i] + ': ' + s.evidenceQuotes[i]] AS quotes
RETURN type(s) AS stance,
       target.name AS about,
       [l IN labels(target) WHERE l <> 'Entity'][0] AS aboutKind,
       s.detail AS detail,
       s.degree AS degree,
       speaker.name AS saidBy,
       coalesce(s.validFrom, s.firstSeen) AS date,
       quotes,
       a AS actor, s AS statement, target, speaker
ORDER BY date, stance, about
