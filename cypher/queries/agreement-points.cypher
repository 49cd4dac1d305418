// name: agreement-points
// title: An agreement's points and who is party to each
// description: The numbered points of an agreement, their wording, what each is about and the parties to
//   each point. The handshake of 6 December 2017 between SKL and the government has five points.
// param: agreement node = agreement-handslag-2017  "The agreement (an Agreement id)"
MATCH (agreement:Agreement {id: $agreement})-[hp:HAS_POINT]->(point:AgreementPoint)
OPTIONAL MATCH (party:Entity)-[pt:PARTY_TO]->(point)
WITH agreement, hp, point, collect(party) AS partyNodes, collect(pt) AS partyLinks
OPTIONAL MATCH (point)-[ab:ABOUT]->(topic:Entity)
WITH agreement, hp, point, partyNodes, partyLinks, collect(topic) AS topics, collect(ab) AS aboutLinks
RETURN point.number AS number,
       point.text AS text,
       [p IN partyNodes | p.name] AS parties,
       [t IN topics | t.name] AS about,
       agreement, hp, point AS pointNode, partyNodes, partyLinks, topics, aboutLinks
ORDER BY number
