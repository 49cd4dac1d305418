// name: agreement-points
// title: En överenskommelses punkter och vilka som är part i varje
// title@en: An agreement's points and who is party to each
// description: De numrerade punkterna i en överenskommelse, deras lydelse, vad varje punkt handlar om och
//   vilka som är part i den. Handslaget den 6 december 2017 mellan SKL och regeringen har fem punkter.
// description@en: The numbered points of an agreement, their wording, what each is about and the parties to
//   each point. The handshake of 6 December 2017 between SKL and the government has five points.
// param: agreement node = agreement-handslag-2017  "Överenskommelsen (ett Agreement-id)"
// param@en: agreement "The agreement (an Agreement id)"
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
