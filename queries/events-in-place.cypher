// All events in a place (a city, a building or a country), with their participants, in date order.
// Name the place in English, in Arabic or by Wikidata id.
:param place => 'Moscow';

MATCH (place:Place)
WHERE place.name = $place OR place.name_ar = $place OR place.wikidata = $place
MATCH (e:Event)-[:TOOK_PLACE_IN]->(place)
OPTIONAL MATCH (actor:Actor)-[:PARTICIPATED_IN]->(e)
WITH place, e, actor ORDER BY coalesce(actor.name, actor.name_ar, actor.label)
WITH place, e, collect(coalesce(actor.name, actor.name_ar, actor.label)) AS participants
RETURN left(toString(e.date), CASE e.datePrecision WHEN 'year' THEN 4 WHEN 'month' THEN 7 ELSE 10 END) AS date,
       e.type AS type,
       e.status AS status,
       coalesce(place.name, place.name_ar) AS place,
       participants
ORDER BY e.date, e.uri;
