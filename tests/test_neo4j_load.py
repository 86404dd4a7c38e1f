"""The loader against a real Neo4j 5: counts, idempotence, versioned reload, the round trip, dates, rollback."""

import datetime as dt
import random

from neo4j.time import Date as CypherDate
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, XSD

from kg.errors import ServerError
from kg.fileio import read_graph
from kg.graph import events_graph
from kg.models import Article, DateValue, Entity, Event, Mention
from kg.neo4j_load import export_graph, load, read_back, row_bytes
from kg.neo4j_model import RELATIONSHIPS, to_property_graph
from kg.vocab import EVENT_CLASSES, KG

from .neo4j_server import wipe
from .test_neo4j_model import assert_isomorphic

pytestmark = pytest.mark.neo4j
EVENT_TYPES = set(EVENT_CLASSES.values())


def expected_counts(g: Graph) -> tuple[int, int]:
    """Nodes and relationships the model makes of ``g``, counted on the RDF side."""
    rel_triples = [(s, p, o) for s, p, o in g if p in RELATIONSHIPS]
    nodes = set(g.subjects()) | {o for _, _, o in rel_triples}
    return len(nodes), len(rel_triples)


class Recording:
    """A runner that notes the size of every query it passes on."""

    def __init__(self, runner):
        self.runner = runner
        self.sizes: list[int] = []
        self.queries: list[str] = []

    def run(self, query, params=None, *, write=False):
        self.sizes.append(len(query.encode("utf-8")) + row_bytes(params or {}))
        self.queries.append(query)
        return self.runner.run(query, params, write=write)

    def close(self):
        self.runner.close()


def test_seeds_load_counts_under_a_uniqueness_constraint_made_before_any_write(bolt, neo4j, seeds_graph):
    bolt.run("DROP CONSTRAINT kg_resource_uri IF EXISTS", write=True)
    g = read_graph(seeds_graph)
    rec = Recording(bolt)
    report = load(rec, g, neo4j.settings())
    nodes, rels = expected_counts(g)
    assert (report.totals.nodes, report.totals.relationships) == (nodes, rels)
    events = {str(s) for t in EVENT_TYPES for s in g.subjects(RDF.type, t)}
    assert set(report.added) == events and not report.changed and not report.removed
    assert report.key == "constraint"
    first_write = next(i for i, q in enumerate(rec.queries) if "MERGE" in q or "CREATE (" in q)
    assert any("CREATE CONSTRAINT" in q for q in rec.queries[:first_write])
    assert not any("MERGE" in q for q in rec.queries), "into an empty database everything is created"
    shown = bolt.run("SHOW CONSTRAINTS YIELD name, type, labelsOrTypes, properties "
                     "WHERE name = 'kg_resource_uri' RETURN type, labelsOrTypes, properties")
    assert shown == [{"type": "UNIQUENESS", "labelsOrTypes": ["Resource"], "properties": ["uri"]}]
    assert neo4j.alive()


def test_loading_twice_changes_nothing(bolt, neo4j, seeds_graph):
    g = read_graph(seeds_graph)
    first = load(bolt, g, neo4j.settings())
    second = load(bolt, g, neo4j.settings())
    assert second.totals == first.totals
    assert (second.added, second.changed, second.removed) == ([], [], [])
    assert second.nodes_deleted == second.relationships_deleted == 0
    labels = bolt.run("MATCH (n:Resource) RETURN n.uri AS uri, labels(n) AS labels ORDER BY uri")
    load(bolt, g, neo4j.settings())
    assert bolt.run("MATCH (n:Resource) RETURN n.uri AS uri, labels(n) AS labels ORDER BY uri") == labels


def test_round_trip_through_bolt_loses_nothing(bolt, neo4j, seeds_graph):
    g = read_graph(seeds_graph)
    load(bolt, g, neo4j.settings())
    back, ignored = export_graph(bolt)
    assert not ignored
    assert_isomorphic(g, back)
    # the parts most easily lost, checked by name: Arabic labels, partial dates, provenance
    assert any(o.language == "ar" for o in back.objects(None, None) if isinstance(o, Literal))
    assert {o.datatype for o in back.objects(None, KG.date)} == {o.datatype for o in g.objects(None, KG.date)}
    assert len(set(back.triples((None, KG.evidence, None)))) == len(set(g.triples((None, KG.evidence, None))))


def test_dates_are_cypher_dates(bolt, neo4j, seeds_graph):
    g = read_graph(seeds_graph)
    load(bolt, g, neo4j.settings())
    dated = {str(s): str(o) for s, o in g.subject_objects(KG.date)}
    assert dated
    rows = bolt.run("MATCH (e:Event) WHERE e.date IS NOT NULL "
                    "RETURN e.uri AS uri, e.date.year AS year, e.date.month AS month, e.datePrecision AS p "
                    "ORDER BY e.date, e.uri")
    assert {r["uri"]: r["year"] for r in rows} == {u: int(d[:4]) for u, d in dated.items()}
    assert all(r["month"] == (int(dated[r["uri"]][5:7]) if r["p"] != "year" else 1) for r in rows)
    starts = [DateValue(dated[r["uri"]]).start() for r in rows]
    assert starts == sorted(starts)  # ORDER BY e.date orders by time, not by text
    cut = sorted(starts)[len(starts) // 2].isoformat()
    later = bolt.run("MATCH (e:Event) WHERE e.date >= date($cut) RETURN count(e) AS n", {"cut": cut})[0]["n"]
    assert later == sum(s.isoformat() >= cut for s in starts)
    # stored as Neo4j DATE values, not text; the driver hands them over as dates
    types = bolt.run("MATCH (e:Event) WHERE e.date IS NOT NULL RETURN DISTINCT valueType(e.date) AS t, "
                     "valueType(e.datePrecision) AS p")
    assert types == [{"t": "DATE NOT NULL", "p": "STRING NOT NULL"}]
    sample = bolt.run("MATCH (e:Event) WHERE e.date IS NOT NULL RETURN e.date AS d LIMIT 1")[0]["d"]
    assert isinstance(sample, CypherDate)


def test_a_month_is_stored_as_its_first_day_with_its_precision_beside_it(bolt, neo4j):
    month = ev("Meeting", (B, C), "2025-02", [mention("a2", (B, C), "لقاء")])
    year = ev("Summit", (A, B), "2024", [mention("a2", (A, B), "قمة", 10)])
    g = events_graph([month, year], [A2])
    load(bolt, g, neo4j.settings())
    rows = bolt.run("MATCH (e:Event) RETURN toString(e.date) AS d, e.datePrecision AS p ORDER BY d")
    assert rows == [{"d": "2024-01-01", "p": "year"}, {"d": "2025-02-01", "p": "month"}]
    back, _ = export_graph(bolt)
    assert sorted(map(str, back.objects(None, KG.date))) == ["2024", "2025-02"]
    assert {o.datatype for o in back.objects(None, KG.date)} == {XSD.gYear, XSD.gYearMonth}


def test_an_event_without_a_date_loads_and_round_trips(bolt, neo4j):
    dated = ev("PhoneCall", (A, B), "2025-03-01", [mention("a1", (A, B), "اتصال")])
    undated = Event("Meeting", (B, C), None, "occurred", [mention("a1", (B, C), "لقاء", 30)])
    g = events_graph([dated, undated], [A1])
    assert len(set(g.subjects(KG.date, None))) == 1
    report = load(bolt, g, neo4j.settings())
    assert len(report.added) == 2
    rows = bolt.run("MATCH (e:Event) RETURN e.type AS t, e.date IS NULL AS undated, e.datePrecision AS p ORDER BY t")
    assert rows == [{"t": "Meeting", "undated": True, "p": None}, {"t": "PhoneCall", "undated": False, "p": "day"}]
    assert_isomorphic(g, export_graph(bolt)[0])
    again = load(bolt, g, neo4j.settings())
    assert not (again.added or again.changed or again.removed)


def test_a_failing_batch_is_rolled_back_whole_with_neo4js_own_message(bolt, neo4j):
    load(bolt, events_graph([], [A1]), neo4j.settings())  # the constraint, and one node
    taken = bolt.run("MATCH (n:Resource) RETURN n.uri AS u LIMIT 1")[0]["u"]
    with pytest.raises(ServerError) as info:
        bolt.run("UNWIND $rows AS u CREATE (:Resource {uri: u})", {"rows": ["urn:kg:new-1", "urn:kg:new-2", taken]},
                 write=True)
    assert "Neo.ClientError.Schema.ConstraintValidationFailed" in str(info.value)
    assert "already exists with label `Resource` and property `uri`" in str(info.value)
    assert bolt.run("MATCH (n:Resource) WHERE n.uri STARTS WITH 'urn:kg:new' RETURN count(n) AS n") == [{"n": 0}]


# ---------------------------------------------------------------- versions


def newer_build(g: Graph):
    """A next build of the same articles: one event dropped, one retyped and moved, one new."""
    events = sorted({s for t in EVENT_TYPES for s in g.subjects(RDF.type, t)})
    assert len(events) >= 3, "the seeds should give at least three events"
    removed, changed, template = events[0], events[1], events[2]
    new = Graph()
    for t in g:
        new.add(t)
    for m in g.objects(removed, KG.mention):
        new.remove((m, None, None))
    new.remove((removed, None, None))
    old_type = g.value(changed, RDF.type)
    new.set((changed, RDF.type, next(t for t in sorted(EVENT_TYPES) if t != old_type)))
    places = sorted(set(g.objects(None, KG.place)))
    other = next((p for p in places if p != g.value(changed, KG.place)), None)
    new.remove((changed, KG.place, None))
    if other is not None:
        new.add((changed, KG.place, other))
    added = URIRef(str(template) + "-new")
    for p, o in g.predicate_objects(template):
        if p != KG.mention:
            new.add((added, p, o))
    mention = sorted(g.objects(template, KG.mention))[0]
    copy = URIRef(str(mention) + "-new")
    for p, o in g.predicate_objects(mention):
        new.add((copy, p, o))
    new.add((added, KG.mention, copy))
    return new, str(added), str(changed), str(removed)


def test_a_newer_build_updates_changed_events_and_removes_vanished_ones(bolt, neo4j, seeds_graph):
    old = read_graph(seeds_graph)
    new, added, changed, removed = newer_build(old)
    load(bolt, old, neo4j.settings())
    report = load(bolt, new, neo4j.settings())
    assert (report.added, report.changed, report.removed) == ([added], [changed], [removed])
    assert report.nodes_deleted >= 1  # the removed event (and its mentions)
    back, _ = export_graph(bolt)
    assert_isomorphic(new, back)
    new_type = new.value(URIRef(changed), RDF.type).split("#")[1]
    labels = bolt.run("MATCH (e:Resource {uri: $u}) RETURN labels(e) AS l, e.type AS t", {"u": changed})[0]
    assert labels["t"] == new_type and set(labels["l"]) == {"Resource", *to_property_graph(new).nodes[changed].labels}
    again = load(bolt, new, neo4j.settings())
    assert (again.added, again.changed, again.removed) == ([], [], []) and again.totals == report.totals


A, B, C, D = (Entity(f"Q{n}", "Person", f"Leader {n}", f"الزعيم {n}", f"Q{n}") for n in (101, 102, 103, 104))
CITY1, CITY2 = (Entity(f"Q{n}", "Place", f"City {n}", f"مدينة {n}", f"Q{n}") for n in (201, 202))
A1 = Article("a1", "", dt.date(2025, 3, 1), "ar")
A2 = Article("a2", "", dt.date(2025, 3, 2), "ar")


def ev(type_, people, date, mentions, place=None):
    return Event(type_, people, DateValue.parse(date), "occurred", mentions, place=place)


def mention(article, people, text, start=0):
    return Mention(article, "Call", people, text, start, start + len(text), trigger="اتصال")


def test_a_build_of_some_articles_only_touches_what_they_report(bolt, neo4j):
    e1 = ev("PhoneCall", (A, D), "2025-03-01", [mention("a1", (A, D), "اتصال أول")], place=CITY2)
    e2 = ev("PhoneCall", (A, B), "2025-03-01", [mention("a1", (A, B), "اتصال ثان"), mention("a2", (A, B), "اتصال", 50)],
            place=CITY1)
    e3 = ev("Meeting", (B, C), "2025-02", [mention("a2", (B, C), "لقاء")])
    load(bolt, events_graph([e1, e2, e3], [A1, A2]), neo4j.settings())

    # a newer build of article a1 alone: e1 is gone, e2 is now a video call in another city
    e2_a1 = ev("VideoCall", (A, B), "2025-03-01", [mention("a1", (A, B), "اتصال ثان بالفيديو")], place=CITY2)
    report = load(bolt, events_graph([e2_a1], [A1]), neo4j.settings())

    from kg.graph import event_iri
    assert report.removed == [str(event_iri(e1))]
    assert report.changed == [str(event_iri(e2))]
    assert report.added == []
    # e2 keeps what article a2 said about it; e3, reported only in a2, is untouched;
    # D and CITY1, linked to nothing any more, are gone
    e2_now = ev("VideoCall", (A, B), "2025-03-01", e2_a1.mentions + e2.mentions[1:], place=CITY2)
    expected = events_graph([e2_now, e3], [A1, A2])
    back, _ = export_graph(bolt)
    assert_isomorphic(expected, back)


def test_role_changes_are_updates_not_duplicates(bolt, neo4j):
    visit = Event("Visit", (A, B), DateValue.parse("2025-04-02"), "occurred", [mention("a1", (A, B), "زيارة")],
                  roles={A.key: "visitor", B.key: "host"})
    load(bolt, events_graph([visit], [A1]), neo4j.settings())
    swapped = Event("Visit", (A, B), DateValue.parse("2025-04-02"), "occurred", [mention("a1", (A, B), "زيارة")],
                    roles={A.key: "host", B.key: "visitor"})
    report = load(bolt, events_graph([swapped], [A1]), neo4j.settings())
    assert len(report.changed) == 1
    roles = bolt.run("MATCH (p:Person)-[r:PARTICIPATED_IN]->(:Visit) RETURN p.wikidata AS who, r.role AS role "
                     "ORDER BY who")
    assert roles == [{"who": "Q101", "role": "host"}, {"who": "Q102", "role": "visitor"}]


# ---------------------------------------------------------------- a bigger graph


def synthetic(n_events: int, seed: int = 3) -> Graph:
    rng = random.Random(seed)
    people = [Entity(f"Q{1000 + i}", "Person", f"Leader {i}", f"الرئيس {i}", f"Q{1000 + i}") for i in range(60)]
    places = [Entity(f"Q{5000 + i}", "Country" if i % 3 else "Place", f"Place {i}", f"مكان {i}", f"Q{5000 + i}")
              for i in range(20)]
    articles = [Article(f"s{i:04d}", "", dt.date(2024, 1, 1) + dt.timedelta(days=i % 700), "ar") for i in range(n_events // 3)]
    events, seen = [], set()
    from kg.graph import event_iri
    while len(events) < n_events:
        who = tuple(rng.sample(people, 2))
        day = dt.date(2020, 1, 1) + dt.timedelta(days=rng.randrange(2000))
        date = rng.choice([day.isoformat(), day.isoformat()[:7], day.isoformat()[:4]])
        ms = [mention(rng.choice(articles).id, who, f"أجرى {who[0].label_ar} اتصالا مع {who[1].label_ar} {k}", k)
              for k in range(rng.randrange(1, 3))]
        e = ev(rng.choice(["PhoneCall", "Visit", "Meeting", "Summit"]), who, date, ms, place=rng.choice(places + [None]))
        if event_iri(e) not in seen:
            seen.add(event_iri(e))
            events.append(e)
    return events_graph(events, articles)


def test_a_few_thousand_events_in_large_batches(bolt, neo4j):
    g = synthetic(800)
    settings = neo4j.settings(batch_rows=5000, batch_bytes=50_000_000)
    first = load(bolt, g, settings)
    assert (first.totals.nodes, first.totals.relationships) == expected_counts(g)
    again = load(bolt, g, settings)
    assert again.totals == first.totals and not (again.added or again.changed or again.removed)
    back, ignored = export_graph(bolt)
    assert not ignored
    assert_isomorphic(g, back)
    # small batches store the same property graph
    wipe(bolt)
    load(bolt, g, neo4j.settings(batch_rows=97))
    assert read_back(bolt) == to_property_graph(g)


# ---------------------------------------------------------------- digests


def test_an_identical_reload_reads_the_digests_and_writes_no_data(bolt, neo4j, seeds_graph):
    g = read_graph(seeds_graph)
    load(bolt, g, neo4j.settings())
    stored = bolt.run("MATCH (n:Resource) WHERE n.kgDigest IS NULL RETURN count(n) AS n")
    assert stored == [{"n": 0}], "every node is stored with its digest"
    rec = Recording(bolt)
    again = load(rec, g, neo4j.settings())
    assert (again.added, again.changed, again.removed) == ([], [], [])
    assert not [q for q in rec.queries if "$rows" in q], "nothing is probed or written node by node"
    assert "kgDigest" not in {k for n in read_back(bolt).nodes.values() for k in n.props}
    assert not [q for q in rec.queries if q.startswith("CREATE INDEX")], "the indexes are there: none is made again"


def test_an_index_dropped_behind_kgs_back_is_made_again_by_the_next_load(bolt, neo4j, seeds_graph):
    g = read_graph(seeds_graph)
    load(bolt, g, neo4j.settings())
    names = "SHOW INDEXES YIELD name WHERE name STARTS WITH 'kg_' RETURN name ORDER BY name"
    made = bolt.run(names)
    assert {"name": "kg_person_name"} in made and {"name": "kg_event_date"} in made
    bolt.run("DROP INDEX kg_person_name", write=True)
    rec = Recording(bolt)
    load(rec, g, neo4j.settings())
    assert [q for q in rec.queries if q.startswith("CREATE INDEX")] == [
        "CREATE INDEX kg_person_name IF NOT EXISTS FOR (n:Person) ON (n.name)"]
    assert bolt.run(names) == made


def test_what_is_changed_behind_kgs_back_is_found_by_the_digest_or_the_number_of_relationships(bolt, neo4j,
                                                                                                  seeds_graph):
    g = read_graph(seeds_graph)
    load(bolt, g, neo4j.settings())
    clean = read_back(bolt)
    # a relationship deleted changes its ends' number of relationships
    bolt.run("MATCH (:Person)-[x:PARTICIPATED_IN]->(:Event) WITH x LIMIT 1 DELETE x", write=True)
    # a property changed together with its digest removed: the node is checked in full
    bolt.run("MATCH (e:Event) WITH e LIMIT 1 SET e.status = 'hearsay' REMOVE e.kgDigest", write=True)
    assert read_back(bolt) != clean
    load(bolt, g, neo4j.settings())
    assert read_back(bolt) == clean
    assert bolt.run("MATCH (n:Resource) WHERE n.kgDigest IS NULL RETURN count(n) AS n") == [{"n": 0}]
