// name: names-over-time
// title: An organisation's names over time
// description: The names an organisation has borne and when, from its NAMED facts: SKR was
//   "Sveriges Kommuner och Landsting" (SKL) until 27 November 2019 and "Sveriges Kommuner och Regioner" (SKR) after.
// param: organisation node = actor-skr  "The organisation (an Actor id)"
MATCH (org:Actor {id: $organisation})-[named:NAMED]->(n:Name)
RETURN n.value AS name,
       n.short AS short,
       named.validFrom AS validFrom,
       named.validTo AS validTo,
       named.evidenceQuotes AS quotes,
       org, named, n
ORDER BY coalesce(named.validFrom, named.firstSeen)
