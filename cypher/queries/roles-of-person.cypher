// name: roles-of-person
// title: En persons roller över tid
// title@en: A person's roles over time
// description: Varje roll en person har i artiklarna – titeln, organisationen, datumen (uttryckliga eller, om
//   sådana saknas, datumet för den tidigaste artikel som säger det) och meningarna som säger det.
//   Lena Micko: ordförande för SKL (numera SKR), sedd från juni 2017.
// description@en: Every role a person holds in the articles — the title, the organisation, the dates (explicit
//   or, failing those, the date of the earliest article that says so) and the sentences that say it.
//   Lena Micko: ordförande for SKL (now SKR), seen from June 2017.
// param: person node = person-lena-micko  "Personen (ett Person-id)"
// param@en: person "The person (a Person id)"
MATCH (person:Person {id: $person})-[holds:HOLDS]->(role:Role)
OPTIONAL MATCH (role)-[at:AT]->(org:Actor)
RETURN role.title AS title,
       org.name AS organisation,
       coalesce(holds.validFrom, holds.firstSeen) AS from,
       holds.validTo AS until,
       holds.evidenceArticles AS articles,
       holds.evidenceQuotes AS quotes,
       person, holds, role, at, org
ORDER BY from, title
