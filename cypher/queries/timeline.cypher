// name: timeline
// title: Tidslinje över fakta efter datum
// title@en: Timeline of facts by date
// description: Varje faktum daterat mellan två datum, i ordning: dess datum (då det trädde i kraft, eller
//   publiceringsdatum för den tidigaste artikel som anger det), vad som hände, mellan vilka, och det första
//   citatet. Handslaget (6 dec 2017), Diggs start (1 sep 2018) och namnbytet till SKR (27 nov 2019) finns
//   alla med.
// description@en: Every fact dated between two dates, in order: its date (the date it took effect, or the
//   publication date of the earliest article that states it), what happened, between whom, and the first
//   quote. The handshake (6 Dec 2017), the start of Digg (1 Sep 2018) and the renaming to SKR (27 Nov 2019)
//   all appear on it.
// param: from date = 2011-01-01  "Första datum (inräknat)"
// param@en: from "First date (inclusive)"
// param: to date = 2024-12-31  "Sista datum (inräknat)"
// param@en: to "Last date (inclusive)"
// param: types list<string> = null  "Bara dessa relationstyper (alla faktatyper om tomt)"
// param@en: types "Only these relationship types (all fact types when empty)"
// param: limit integer = 200  "Högst så här många fakta"
// param@en: limit "At most this many facts"
MATCH (a)-[r]->(b)
WHERE NOT r:MENTIONS
  AND ($types IS NULL OR size($types) = 0 OR type(r) IN $types)
WITH a, r, b, coalesce(r.validFrom, r.firstSeen) AS date
WHERE date >= $from AND date <= $to
RETURN date,
       CASE WHEN r.validFrom IS NULL THEN 'reported' ELSE 'effective' END AS dated,
       coalesce(a.name, a.title, a.id) AS subject,
       type(r) AS fact,
       coalesce(b.name, b.value, b.title, b.id) AS object,
       r.evidenceQuotes[0] AS quote,
       r.evidenceArticles[0] AS article,
       a, r, b
ORDER BY date, subject, fact
LIMIT $limit
