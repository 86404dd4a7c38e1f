// Who talked to whom most: pairs of actors by the number of events (that took place) they share,
// split into calls, meetings (visits included) and summits.
MATCH (a:Actor)-[:PARTICIPATED_IN]->(e:Event {status: 'occurred'})<-[:PARTICIPATED_IN]-(b:Actor)
WHERE a.uri < b.uri
RETURN coalesce(a.name, a.name_ar, a.label) AS a,
       coalesce(b.name, b.name_ar, b.label) AS b,
       count(DISTINCT e) AS events,
       sum(CASE WHEN e:Call THEN 1 ELSE 0 END) AS calls,
       sum(CASE WHEN e:Meeting THEN 1 ELSE 0 END) AS meetings,
       sum(CASE WHEN e:Summit THEN 1 ELSE 0 END) AS summits
ORDER BY events DESC, a, b
LIMIT 25;
