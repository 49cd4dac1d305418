// name: timeline
// title: Timeline of facts by date
// description: Every fact dated between two dates, in order: its date (the date it took effect, or the
//   publication date of the earliest article that states it), what happened, between whom, and the first
//   quote. The handshake (6 Dec 2017), the start of Digg (1 Sep 2018) and the renaming to SKR (27 Nov 2019)
//   all appear on it.
// param: from date = 2011-01-01  "First date (inclusive)"
// param: to date = 2024-12-31  "Last date (inclusive)"
// param: types list<string> = null  "Only these relationship types (all fact types when empty)"
// param: limit integer = 200  "At most this many facts"
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
