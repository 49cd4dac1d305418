// name: agreements-of-actor
// title: Alla överenskommelser och punkter en aktör är part i
// title@en: Every agreement and point an actor is party to
// description: De överenskommelser (handslag, gemensam förstudie, initiativ) som en aktör är part i eller deltar
//   i, varje punkt med sin text, om aktören själv är part i punkten, och övriga parter. För SKR ingår alla
//   fem punkterna i handslaget med regeringen.
// description@en: The agreements (handshake, joint study, initiatives) an actor is party to or takes part in,
//   each point of them with its text, whether the actor is itself party to that point, and the other parties.
//   For SKR this includes all five points of the handshake with the government.
// param: actor node = actor-skr  "Aktören (ett Actor- eller Person-id)"
// param@en: actor "The actor (an Actor or Person id)"
MATCH (a:Entity {id: $actor})
MATCH (a)-[link:PARTY_TO|PARTICIPATES_IN]->(x)
WHERE x:Agreement OR x:AgreementPoint
OPTIONAL MATCH (parent:Agreement)-[:HAS_POINT]->(x)
WITH DISTINCT a, coalesce(parent, x) AS agreement
OPTIONAL MATCH (agreement)-[hp:HAS_POINT]->(point:AgreementPoint)
OPTIONAL MATCH (a)-[own:PARTY_TO]->(point)
OPTIONAL MATCH (other:Entity)-[op:PARTY_TO]->(point)
WHERE other <> a
WITH a, agreement, hp, point, own, collect(DISTINCT other.name) AS otherParties, collect(op) AS otherLinks
OPTIONAL MATCH (a)-[direct:PARTY_TO|PARTICIPATES_IN]->(agreement)
RETURN agreement.name AS agreement,
       coalesce(direct.validFrom, direct.firstSeen) AS from,
       point.number AS point,
       point.text AS text,
       own IS NOT NULL AS partyToPoint,
       otherParties,
       a AS actor, agreement AS agreementNode, point AS pointNode, direct, hp, own, otherLinks
ORDER BY agreement, point
