// A leader's contacts over time: every event of one leader, one row per counterpart, in date order.
// Name the leader in English, in Arabic or by Wikidata id, then run both statements: Neo4j Browser
// and cypher-shell run them one after the other.
:param leader => 'Xi Jinping';

MATCH (leader:Person)
WHERE leader.name = $leader OR leader.name_ar = $leader OR leader.wikidata = $leader
MATCH (leader)-[:PARTICIPATED_IN]->(e:Event)<-[:PARTICIPATED_IN]-(other:Actor)
WHERE other <> leader
OPTIONAL MATCH (e)-[:TOOK_PLACE_IN]->(place:Place)
RETURN left(toString(e.date), CASE e.datePrecision WHEN 'year' THEN 4 WHEN 'month' THEN 7 ELSE 10 END) AS date,
       e.type AS type,
       e.status AS status,
       coalesce(other.name, other.name_ar, other.label) AS counterpart,
       other.wikidata AS wikidata,
       coalesce(place.name, place.name_ar) AS place
ORDER BY e.date, e.uri, counterpart;
