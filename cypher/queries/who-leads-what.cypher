// name: who-leads-what
// title: Vem som är ordförande för eller leder vad
// title@en: Who chairs or leads what
// description: Varje ledande roll i artiklarna – ordförande, ministrar, generaldirektörer, avdelningschefer
//   och utredningsledare – med personen, organisationen och när artiklarna placerar dem där. Bengt Kjellson,
//   generaldirektör för Lantmäteriet, är ordförande i den nya myndighetens organisationskommitté.
// description@en: Every leadership role in the articles — chairs, ministers, directors-general, heads of
//   department and study leads — with the person, the organisation and when the articles place them there.
//   Bengt Kjellson, director-general of Lantmäteriet, chairs the organisation committee of the new agency.
// param: kinds list<string> = chair,minister,director-general,head-of-department,study-lead  "Vilka rollslag som tas med"
// param@en: kinds "Role kinds to include"
MATCH (person:Person)-[holds:HOLDS]->(role:Role)-[at:AT]->(org:Actor)
WHERE role.kind IN $kinds
RETURN person.name AS person,
       role.title AS title,
       role.kind AS kind,
       org.name AS organisation,
       coalesce(holds.validFrom, holds.firstSeen) AS from,
       holds.validTo AS until,
       holds.status AS status,
       holds.evidenceQuotes[0] AS quote,
       person AS personNode, holds, role, at, org
ORDER BY organisation, from, person
