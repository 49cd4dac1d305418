// name: names-over-time
// title: En organisations namn över tid
// title@en: An organisation's names over time
// description: De namn en organisation har burit och när, ur dess NAMED-fakta: SKR hette
//   "Sveriges Kommuner och Landsting" (SKL) till den 27 november 2019 och "Sveriges Kommuner och Regioner" (SKR) därefter.
// description@en: The names an organisation has borne and when, from its NAMED facts: SKR was
//   "Sveriges Kommuner och Landsting" (SKL) until 27 November 2019 and "Sveriges Kommuner och Regioner" (SKR) after.
// param: organisation node = actor-skr  "Organisationen (ett Actor-id)"
// param@en: organisation "The organisation (an Actor id)"
MATCH (org:Actor {id: $organisation})-[named:NAMED]->(n:Name)
RETURN n.value AS name,
       n.short AS short,
       named.validFrom AS validFrom,
       named.validTo AS validTo,
       named.evidenceQuotes AS quotes,
       org, named, n
ORDER BY coalesce(named.validFrom, named.firstSeen)
