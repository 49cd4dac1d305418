// name: spokespeople-of-organisation
// title: Vem som talat för en organisation, i vilken roll och när
// title@en: Who spoke for an organisation, in which role, and when
// description: Personerna som har en roll i en organisation (eller i någon av dess enheter), med rolltitel,
//   de datum artiklarna anger, artiklarna de citeras i och hur många av organisationens ställningstaganden de
//   gjort. För SKR: Lena Micko som ordförande (2017) och Jenny Birkestad som chef för digitalisering (2020).
// description@en: The people who hold a role at an organisation (or at one of its units), with the role title,
//   the dates the articles give, the articles they are quoted in and how many of the organisation's statements
//   they made. For SKR: Lena Micko as ordförande (2017) and Jenny Birkestad as head of digitalisation (2020).
// param: organisation node = actor-skr  "Organisationen (ett Actor-id)"
// param@en: organisation "The organisation (an Actor id)"
MATCH (org:Actor {id: $organisation})
MATCH (person:Person)-[holds:HOLDS]->(role:Role)-[at:AT]->(unit:Actor)
WHERE unit = org OR (unit)-[:PART_OF*1..3]->(org)
OPTIONAL MATCH (person)-[quoted:QUOTED_IN]->(article:Article)
WITH org, person, holds, role, at, unit, quoted, article
ORDER BY article.published
WITH org, person, holds, role, at, unit,
     collect(DISTINCT article.id + ' (' + toString(article.published) + ')') AS quotedIn,
     collect(quoted) AS quotedRels,
     collect(article) AS articles
RETURN person.name AS person,
       role.title AS role,
       unit.name AS organisation,
       coalesce(holds.validFrom, holds.firstSeen) AS from,
       holds.validTo AS until,
       quotedIn,
       COUNT { MATCH (org)-[s]->() WHERE s.saidBy = person.id } AS statementsForOrganisation,
       holds.evidenceQuotes AS evidence,
       person AS personNode, role AS roleNode, unit AS unitNode, holds, at, quotedRels, articles
ORDER BY from, person
