// Events with their sources and evidence sentences, one row per mention, for events dated within a range.
// Dates are Cypher dates: a month or a year counts from its first day (see datePrecision).
:param from => '2025-01-01';
:param to => '2025-12-31';

MATCH (e:Event)-[:HAS_MENTION]->(m:Mention)-[:IN_ARTICLE]->(article:Article)
WHERE e.date >= date($from) AND e.date <= date($to)
RETURN left(toString(e.date), CASE e.datePrecision WHEN 'year' THEN 4 WHEN 'month' THEN 7 ELSE 10 END) AS date,
       e.name AS event,
       article.articleId AS article,
       article.outlet AS outlet,
       article.url AS url,
       m.evidence AS evidence,
       m.startOffset AS startOffset,
       m.endOffset AS endOffset
ORDER BY e.date, e.uri, article, startOffset;
