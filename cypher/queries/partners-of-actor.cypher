// name: partners-of-actor
// title: En aktörs samarbetspartner och genom vad
// title@en: An actor's partners and through what
// description: De organisationer en aktör samarbetar med, och genom vad: överenskommelser eller punkter i
//   överenskommelser som båda är part i (t.ex. SKR och regeringen genom handslaget den 6 december 2017), och
//   direkta band som COLLABORATES_WITH, SERVES, ADVISES, ESTABLISHED eller PREPARES. En rad per partner, med alla band.
// description@en: The organisations an actor works with, and through what: agreements or agreement points
//   both are party to (e.g. SKR and Regeringen through the handshake of 6 December 2017), and direct ties
//   such as COLLABORATES_WITH, SERVES, ADVISES, ESTABLISHED or PREPARES. One row per partner, with every link.
// param: actor node = actor-skr  "Aktören vars partner ska listas (ett Actor-id)"
// param@en: actor "The actor whose partners to list (an Actor id)"
// param: limit integer = 50  "Högst så här många partner"
// param@en: limit "At most this many partners"
MATCH (a:Actor {id: $actor})
CALL (a) {
  MATCH (a)-[mine:PARTY_TO]->(shared)<-[theirs:PARTY_TO]-(partner:Actor)
  WHERE partner <> a AND (shared:Agreement OR shared:AgreementPoint)
  OPTIONAL MATCH (agreement:Agreement)-[:HAS_POINT]->(shared)
  RETURN partner,
         CASE WHEN shared:AgreementPoint THEN 'party to ' + coalesce(agreement.name, '') + ', point ' + toString(shared.number)
              ELSE 'party to ' + shared.name END AS through,
         shared AS via, [mine, theirs] AS rels
  UNION
  MATCH (a)-[r:COLLABORATES_WITH|SERVES|ADVISES|ESTABLISHED|PREPARES]-(partner:Actor)
  RETURN partner,
         CASE WHEN startNode(r) = a THEN type(r) ELSE type(r) + ' (from ' + partner.name + ')' END AS through,
         null AS via, [r] AS rels
}
WITH a, partner, collect(DISTINCT through) AS through, collect(DISTINCT via) AS via, collect(rels) AS relLists
RETURN partner.id AS partnerId,
       partner.name AS partner,
       partner.kind AS kind,
       size(through) AS links,
       through,
       a AS actor,
       partner AS partnerNode,
       via AS agreements,
       reduce(all = [], rs IN relLists | all + rs) AS relationships
ORDER BY links DESC, partner
LIMIT $limit
