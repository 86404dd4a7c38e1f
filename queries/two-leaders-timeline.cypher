// The timeline between two leaders: every event both took part in, with roles, place and sources.
:param a => 'Vladimir Putin';
:param b => 'Xi Jinping';

MATCH (x:Actor) WHERE x.name = $a OR x.name_ar = $a OR x.wikidata = $a
MATCH (y:Actor) WHERE y.name = $b OR y.name_ar = $b OR y.wikidata = $b
MATCH (x)-[rx:PARTICIPATED_IN]->(e:Event)<-[ry:PARTICIPATED_IN]-(y)
OPTIONAL MATCH (e)-[:TOOK_PLACE_IN]->(place:Place)
OPTIONAL MATCH (e)-[:REPORTED_IN]->(article:Article)
WITH e, rx, ry, place, collect(article.articleId) AS sources
RETURN left(toString(e.date), CASE e.datePrecision WHEN 'year' THEN 4 WHEN 'month' THEN 7 ELSE 10 END) AS date,
       e.type AS type,
       e.status AS status,
       rx.role AS roleA,
       ry.role AS roleB,
       coalesce(place.name, place.name_ar) AS place,
       sources
ORDER BY e.date, e.uri;
