// The timeline between two leaders: every event both took part in, with roles, place and sources.
:param a => 'Vladimir Putin';
:param b => 'Xi Jinping';

MATCH (x:Actor) WHERE $a IN [x.name, x.name_ar, x.wikidata]
MATCH (y:Actor) WHERE $b IN [y.name, y.name_ar, y.wikidata]
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
