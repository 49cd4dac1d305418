// name: graph-as-of
// title: Grafen som den såg ut ett visst datum
// title@en: The graph as it stood on a date
// description: De fakta som gällde ett visst datum – i kraft (eller först rapporterade) då och ännu inte
//   upphörda – mellan entiteter, med varje organisation under det namn den bar den dagen. Den 2018-06-01 heter
//   SKR fortfarande SKL och Digg finns ännu inte; den 2020-06-01 heter förbundet SKR.
// description@en: The facts that held on a given date — in effect (or first reported) by then and not yet
//   ended — between entities, with each organisation under the name it bore that day. On 2018-06-01 SKR
//   is still SKL and Digg does not yet exist; on 2020-06-01 the association is SKR.
// param: asOf date = 2018-06-01  "Datumet"
// param@en: asOf "The date"
// param: limit integer = 500  "Högst så här många fakta"
// param@en: limit "At most this many facts"
MATCH (a:Entity)-[r]->(b:Entity)
WHERE NOT r:MENTIONS
  AND coalesce(r.validFrom, r.firstSeen) <= $asOf
  AND (r.validTo IS NULL OR r.validTo > $asOf)
  AND (a.validFrom IS NULL OR a.validFrom <= $asOf)
  AND (b.validFrom IS NULL OR b.validFrom <= $asOf)
WITH a, r, b
ORDER BY coalesce(r.validFrom, r.firstSeen), r.id
LIMIT $limit
OPTIONAL MATCH (a)-[na:NAMED]->(aName:Name)
WHERE coalesce(na.validFrom, date('0001-01-01')) <= $asOf AND (na.validTo IS NULL OR na.validTo > $asOf)
OPTIONAL MATCH (b)-[nb:NAMED]->(bName:Name)
WHERE coalesce(nb.validFrom, date('0001-01-01')) <= $asOf AND (nb.validTo IS NULL OR nb.validTo > $asOf)
RETURN coalesce(aName.short, aName.value, a.name) AS subject,
       type(r) AS fact,
       coalesce(bName.short, bName.value, b.name) AS object,
       coalesce(r.validFrom, r.firstSeen) AS since,
       a, r, b
