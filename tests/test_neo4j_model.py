"""The RDF <-> property-graph model (pure: no server): labels, properties, refusals, the round trip."""

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic
from rdflib.namespace import OWL, RDF, RDFS, SKOS, XSD

from kg.errors import ModelError
from kg.fileio import read_graph
from kg.graph import BuildInfo, events_graph
from kg.models import Article, DateValue, Entity, Event, Mention
from kg.neo4j_load import batches, node_query, rel_query, relabel_query, row_bytes, safe_uri
from kg.neo4j_model import (ALT_LABELS, LABELS, PROPERTIES, RELATIONSHIPS, ROLES, PropertyGraph, Node, class_labels,
                            relationship_types, to_property_graph, to_rdf)
from kg.vocab import ID, KG, ONTOLOGY_FILE, WD


def assert_isomorphic(expected: Graph, actual: Graph):
    """Isomorphic, or fail showing the triples on each side only."""
    if isomorphic(expected, actual):
        return
    _, only_expected, only_actual = graph_diff(to_isomorphic(expected), to_isomorphic(actual))
    lines = [f"- {t[0].n3()} {t[1].n3()} {t[2].n3()}" for t in sorted(only_expected)[:20]]
    lines += [f"+ {t[0].n3()} {t[1].n3()} {t[2].n3()}" for t in sorted(only_actual)[:20]]
    pytest.fail("graphs differ (- expected only, + actual only):\n" + "\n".join(lines))


def test_seeds_round_trip_through_the_model(seeds_graph):
    g = read_graph(seeds_graph)
    pg = to_property_graph(g)
    back, ignored = to_rdf(pg)
    assert not ignored
    assert_isomorphic(g, back)


def test_labels_come_from_the_ontology():
    onto = Graph().parse(ONTOLOGY_FILE)
    kg_classes = {str(c).split("#")[1] for c in onto.subjects(RDF.type, OWL.Class) if str(c).startswith(str(KG._NS))}
    table = class_labels()
    assert set(table) == kg_classes
    for name, chain in table.items():
        assert chain[-1] == name
        for parent in chain[:-1]:  # every label above the class is one of its kg superclasses
            assert onto.query(f"ASK {{ <{KG[name]}> <{RDFS.subClassOf}>+ <{KG[parent]}> }}").askAnswer, (name, parent)
    assert table["PhoneCall"] == ("Event", "Call", "PhoneCall")
    assert table["Visit"] == ("Event", "Meeting", "Visit")
    assert set(table["Country"]) == {"Actor", "Place", "Country"}


def test_every_ontology_property_has_a_place_in_the_model():
    onto = Graph().parse(ONTOLOGY_FILE)
    declared = {p for t in (OWL.ObjectProperty, OWL.DatatypeProperty) for p in onto.subjects(RDF.type, t)
                if str(p).startswith(str(KG._NS))}
    special = {KG.date, KG.evidence, KG.trigger, KG.status}  # stored with a shape of their own
    assert declared == set(RELATIONSHIPS) | set(ROLES) | set(PROPERTIES) | special


def test_relationship_types_are_upper_snake_case():
    for t in relationship_types():
        assert t.isupper() and " " not in t and t.replace("_", "").isalpha(), t


def test_event_node_shape(seeds_graph):
    pg = to_property_graph(read_graph(seeds_graph))
    events = pg.with_label("Event")
    assert events
    for e in events:
        assert e.props["type"] in e.labels
        assert e.props["status"] in ("occurred", "planned")
        if "date" in e.props:
            assert dt.date.fromisoformat(e.props["date"])  # a full date: the first day of the stated period
            assert e.props["datePrecision"] in ("day", "month", "year")
    people = pg.with_label("Person")
    assert any("wikidata" in p.props and "name" in p.props and "name_ar" in p.props for p in people)
    participations = [r for r in pg.rels if r.type == "PARTICIPATED_IN"]
    assert participations and all("Event" in pg.nodes[r.end].labels for r in participations)
    assert all("Actor" in pg.nodes[r.start].labels for r in participations)
    assert {r.type for r in pg.rels} >= {"PARTICIPATED_IN", "REPORTED_IN", "HAS_MENTION", "IN_ARTICLE"}


def e(key, kind="Person", en=None, ar=None, wd=None, surface=None):
    return Entity(key, kind, en, ar, wd, surface=surface) if surface else Entity(key, kind, en, ar, wd)


PUTIN = e("Q7747", en="Vladimir Putin", ar="فلاديمير بوتين", wd="Q7747")
XI = e("Q15031", en="Xi Jinping", ar="شي جين بينغ", wd="Q15031")
UNNAMED = e("name:الزعيم", ar="الزعيم")
BARE = e("name:x")  # neither English nor Arabic: an untagged label
MOSCOW = e("Q649", "Place", "Moscow", "موسكو", "Q649")
RUSSIA = e("Q159", "Country", "Russia", "روسيا", "Q159")
SCO = e("Q485207", "Organization", "SCO", "منظمة شنغهاي للتعاون", "Q485207")


def small_graph(precision_dates=("2025-01-21", "2025-09", "2023"), extra=()):
    arts = [Article("a1", "", dt.date(2025, 1, 21), "ar", "https://x.example/1", "عنوان", "Outlet"),
            Article("a2", "", dt.date(2025, 9, 30), "en")]
    events = []
    for i, d in enumerate(precision_dates):
        people = (PUTIN, XI) if i % 2 == 0 else (XI, UNNAMED, BARE)
        m = Mention("a1" if i % 2 == 0 else "a2", "PhoneCall", people, f"جملة \"الدليل\" {i}\nسطر", 10 * i, 10 * i + 5,
                    trigger="اتصال")
        events.append(Event(["PhoneCall", "Visit", "Summit"][i % 3], people, DateValue.parse(d), "occurred", [m],
                            place=[MOSCOW, RUSSIA, None][i % 3], roles={XI.key: "visitor", UNNAMED.key: "host"},
                            organizer=SCO if i == 2 else None, duration_minutes=90 if i == 0 else None))
    events.extend(extra)
    return events_graph(events, arts, BuildInfo([("x.txt", "0" * 64)], 2, 0, "2025-09-30", "2025-10-01T10:00:00Z"))


def test_partial_dates_build_time_roles_and_untagged_labels_round_trip():
    g = small_graph()
    pg = to_property_graph(g)
    dates = {n.props["date"]: n.props["datePrecision"] for n in pg.with_label("Event")}
    assert dates == {"2025-01-21": "day", "2025-09-01": "month", "2023-01-01": "year"}
    assert {dict(r.props).get("role") for r in pg.rels if r.type == "PARTICIPATED_IN"} == {None, "host", "visitor"}
    assert any(n.props.get("label") == "name:x" for n in pg.nodes.values())
    back, ignored = to_rdf(pg)
    assert not ignored
    assert_isomorphic(g, back)


def test_refuses_what_it_could_not_give_back():
    s = ID["person/x"]
    for triple, reason in [
        ((s, RDFS.label, Literal("Poutine", lang="fr")), "labels are kept"),
        ((s, URIRef("http://example.org/p"), Literal("x")), "no place in the model"),
        ((s, KG.startOffset, Literal("12")), "xsd:integer"),
        ((s, KG.published, Literal("2025-01", datatype=XSD.gYearMonth)), "xsd:date"),
        ((s, KG.date, Literal("2025-01-01T10:00:00", datatype=XSD.dateTime)), "xsd:date, xsd:gYearMonth"),
        ((s, OWL.sameAs, URIRef("http://dbpedia.org/resource/X")), "Wikidata"),
        ((s, RDF.type, URIRef("https://schema.org/Person")), "not a class of the kg ontology"),
        ((BNode(), RDFS.label, Literal("x")), "blank nodes"),
        ((s, KG.status, KG.Call), "status is one of"),
    ]:
        g = Graph()
        g.add(triple)
        with pytest.raises(ModelError, match=reason):
            to_property_graph(g)


def test_refuses_two_values_where_the_model_keeps_one_and_lists_every_problem():
    g = Graph()
    s = ID["person/x"]
    g.add((s, RDFS.label, Literal("A", lang="en")))
    g.add((s, RDFS.label, Literal("B", lang="en")))
    g.add((s, RDF.type, KG.Person))
    g.add((s, RDF.type, KG.Country))
    for i in range(7):
        g.add((s, URIRef(f"http://example.org/p{i}"), Literal(i)))
    with pytest.raises(ModelError) as info:
        to_property_graph(g)
    text = str(info.value)
    assert "9 of 11 triples" in text and "... and 4 more" in text


def test_a_host_must_be_a_participant():
    g = Graph()
    ev = ID["event/x"]
    g.add((ev, RDF.type, KG.Visit))
    g.add((ev, KG.host, ID["person/y"]))
    with pytest.raises(ModelError, match="must also be a kg:participant"):
        to_property_graph(g)


def test_unknown_labels_properties_and_relationships_are_counted_not_invented():
    pg = PropertyGraph({"u": Node("u", frozenset({"Person", "Actor", "Celebrity"}), {"name": "A", "mood": "x"}),
                        "v": Node("v", frozenset({"Event", "Call"}), {"type": "Call", "status": "occurred"})})
    from kg.neo4j_model import Rel
    pg.rels.add(Rel("u", "KNOWS", "v"))
    g, ignored = to_rdf(pg)
    assert ignored == {"label :Celebrity": 1, "property mood": 1, "relationship :KNOWS": 1}
    assert (URIRef("u"), RDF.type, KG.Person) in g and (URIRef("v"), RDF.type, KG.Call) in g
    assert len(g) == 4  # two types, one label, one status


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(["PhoneCall", "VideoCall", "Call", "Visit", "Meeting", "Summit"]),
                          st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31)),
                          st.sampled_from(["day", "month", "year"]),
                          st.text(min_size=1, max_size=40),
                          st.sampled_from(["occurred", "planned"])), min_size=1, max_size=6))
def test_round_trip_of_generated_graphs(specs):
    events = []
    for i, (type_, day, precision, evidence, status) in enumerate(specs):
        date = DateValue.of(day.year, *( (day.month, day.day) if precision == "day" else
                                         (day.month,) if precision == "month" else ()))
        people = (PUTIN, e(f"name:{i}", ar=f"شخص {i}", surface=f"ش{i}"))
        m = Mention("a1", type_, people, evidence, i, i + len(evidence), trigger=evidence[:3])
        events.append(Event(type_, people, date, status, [m], roles={PUTIN.key: "host"} if type_ == "Visit" else {}))
    g = events_graph(events, [Article("a1", "", dt.date(2025, 1, 1), "ar")])
    back, ignored = to_rdf(to_property_graph(g))
    assert not ignored
    assert_isomorphic(g, back)


def test_alt_labels_keep_their_language():
    g = small_graph()
    g.add((ID["person/Q7747"], SKOS.altLabel, Literal("بوتن", lang="ar")))
    pg = to_property_graph(g)
    assert pg.nodes[str(ID["person/Q7747"])].props["aliases_ar"] == ["بوتن"]
    assert set(ALT_LABELS) == {"en", "ar"} and set(LABELS) == {"en", "ar", None}
    assert_isomorphic(g, to_rdf(pg)[0])


# ---------------------------------------------------------------- batching and query text


def test_batches_respect_rows_and_bytes():
    rows = [{"uri": f"u{i}", "text": "نص" * (i % 7)} for i in range(500)]
    for max_rows, max_bytes in [(80, 3000), (1000, 3000), (7, 100_000), (1000, 400)]:
        got = list(batches(rows, max_rows, max_bytes, fixed=200))
        assert [r for b in got for r in b] == rows
        for b in got:
            assert len(b) <= max_rows
            assert 200 + sum(row_bytes(r) + 1 for r in b) <= max_bytes


def test_a_row_over_the_byte_limit_is_an_error_not_a_crash():
    from kg.errors import KgError
    with pytest.raises(KgError, match="raise --batch-bytes"):
        list(batches([{"text": "x" * 5000}], 80, 3000))


def test_queries_only_take_labels_and_types_from_the_model():
    q = node_query(("Event", "Call", "PhoneCall"))
    assert "MERGE (n:Resource:Event:Call:PhoneCall {uri: r.uri})" in q and "SET n = r.props" in q
    assert "$" not in q.replace("$rows", "")  # every value is a parameter
    q = node_query(("Event", "Call", "PhoneCall"), new=True)
    assert "CREATE (n:Resource:Event:Call:PhoneCall {uri: r.uri})" in q and "MERGE" not in q
    q = relabel_query(("PhoneCall",), ("VideoCall",))
    assert "REMOVE n:PhoneCall" in q and "SET n:VideoCall" in q
    with pytest.raises(ValueError):
        node_query(("Event", "Robert'); DROP"))
    with pytest.raises(ValueError):
        relabel_query(("Event`) DETACH DELETE n //",), ())
    with pytest.raises(ValueError):
        rel_query("KNOWS")
    with pytest.raises(ValueError):
        node_query(("Event", "Robert'); DROP"), new=True)


def test_safe_uri_drops_credentials():
    assert safe_uri("neo4j+s://user:p4ss@host.example:7687/db") == "neo4j+s://host.example:7687/db"
    assert "p4ss" not in safe_uri("bolt://:p4ss@h")


def test_wikidata_entities_keep_their_id():
    g = small_graph()
    pg = to_property_graph(g)
    assert pg.nodes[str(ID["person/Q7747"])].props["wikidata"] == "Q7747"
    assert (ID["person/Q7747"], OWL.sameAs, WD.Q7747) in to_rdf(pg)[0]


# ---------------------------------------------------------------- reading files with pyoxigraph


def test_a_file_read_by_pyoxigraph_gives_the_property_graph_rdflib_gives(seeds_graph, tmp_path):
    from kg.neo4j_load import read_property_graph

    assert read_property_graph([seeds_graph]) == to_property_graph(read_graph(seeds_graph))
    # two files: their union, a triple in both counted once (an alias is not listed twice)
    g = small_graph()
    half = sorted(g)
    first, second = tmp_path / "a.ttl", tmp_path / "b.nt"
    Graph().__iadd__(half[: len(half) // 2 + 5]).serialize(first, format="turtle")
    Graph().__iadd__(half[len(half) // 2:]).serialize(second, format="nt", encoding="utf-8")
    assert read_property_graph([first, second]) == to_property_graph(g)


def test_a_file_read_by_pyoxigraph_is_refused_as_rdflib_refuses_it(tmp_path):
    from kg.errors import GraphReadError
    from kg.neo4j_load import read_property_graph

    s = ID["person/x"]
    padded = tmp_path / "padded.nt"  # rdflib reads "0012" as 12, and so does the model
    padded.write_text(f'{s.n3()} {KG.startOffset.n3()} "0012"^^{XSD.integer.n3()} .\n', encoding="utf-8")
    assert read_property_graph([padded]).nodes[str(s)].props == {"startOffset": 12}
    assert read_property_graph([padded]) == to_property_graph(read_graph(padded))
    for triple, reason in [((s, KG.startOffset, Literal("twelve", datatype=XSD.integer)), "xsd:integer"),
                           ((s, RDFS.label, Literal("Poutine", lang="fr")), "labels are kept"),
                           ((s, OWL.sameAs, URIRef("http://dbpedia.org/resource/X")), "Wikidata")]:
        path = tmp_path / "one.nt"
        path.write_text(f"{triple[0].n3()} {triple[1].n3()} {triple[2].n3()} .\n", encoding="utf-8")
        with pytest.raises(ModelError, match=reason):
            read_property_graph([path])
    bad = tmp_path / "bad.ttl"
    bad.write_text('<urn:a> <urn:b> "no end .\n', encoding="utf-8")
    with pytest.raises(GraphReadError, match="bad.ttl: cannot be read as turtle"):
        read_property_graph([bad])
    with pytest.raises(GraphReadError, match="no such file"):
        read_property_graph([tmp_path / "absent.ttl"])


# ---------------------------------------------------------------- a commit cut off


class CutOffCommits:
    """A runner over a dict that loses the connection during some commits (``stored``: whether that commit
    went through) and answers the loader's count of stored rows; records the writes that were sent."""

    def __init__(self, cuts: dict[int, bool]):
        self.cuts, self.stored, self.sent = cuts, {}, []

    def run(self, query, params=None, *, write=False):
        from kg.neo4j_load import CommitUnknown

        rows = params["rows"]
        keys = [r.get("uri") or (r["s"], query.split("[x:")[1].split("]")[0], r["o"]) for r in rows]
        if not write:
            return [{"n": sum(k in self.stored for k in keys)}]
        # a new node's row also carries the relationships it owns, created with it
        keys += [(r["uri"], t, o if isinstance(o, str) else o["o"]) for r in rows if "uri" in r
                 for t, owned in r.items() if t not in ("uri", "props") for o in owned]
        assert not any(k in self.stored for k in keys), "a row was created twice"
        self.sent.append(keys)
        committed = self.cuts.pop(len(self.sent) - 1, None)
        if committed is not False:
            self.stored.update(dict.fromkeys(keys))
        if committed is not None:
            raise CommitUnknown("lost the connection while a transaction was committing")
        return []


def test_a_batch_whose_commit_was_cut_off_is_sent_again_only_if_it_is_not_stored():
    from kg.neo4j_load import Neo4jSettings, write

    pg = to_property_graph(small_graph())
    settings = Neo4jSettings(batch_rows=7)
    clean = CutOffCommits({})
    write(clean, pg, settings)
    assert len(clean.stored) == len(pg.nodes) + len(pg.rels) and len(clean.sent) > 4
    # the 2nd batch was stored before the connection went, the 4th was not: only the 4th is sent twice
    cut = CutOffCommits({1: True, 3: False})
    write(cut, pg, settings)
    assert cut.stored == clean.stored
    assert cut.sent == clean.sent[:4] + [clean.sent[3]] + clean.sent[4:]
