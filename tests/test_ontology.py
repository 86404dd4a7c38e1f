"""The ontology, the shapes and vocab.py agree."""

from rdflib import Graph
from rdflib.namespace import OWL, RDF, RDFS

from kg.vocab import KG, ONTOLOGY_FILE, SHAPES_FILE


def ontology() -> Graph:
    return Graph().parse(ONTOLOGY_FILE)


def test_every_vocab_term_is_declared_in_the_ontology():
    g = ontology()
    declared = {s for s in g.subjects(RDF.type, None) if str(s).startswith(str(KG._NS))}
    names = [n for n in KG.__annotations__]
    missing = [n for n in names if KG._NS[n] not in declared]
    assert missing == []


def test_every_ontology_term_is_in_vocab():
    g = ontology()
    declared = {str(s)[len(str(KG._NS)):] for s in g.subjects(RDF.type, None) if str(s).startswith(str(KG._NS))}
    assert declared - set(KG.__annotations__) == set()


def test_classes_have_english_and_arabic_labels():
    g = ontology()
    for cls in g.subjects(RDF.type, OWL.Class):
        langs = {lit.language for lit in g.objects(cls, RDFS.label)}
        assert {"en", "ar"} <= langs, cls


def test_event_hierarchy_and_codes():
    g = ontology()
    sub = lambda a, b: (KG[a], RDFS.subClassOf, KG[b]) in g  # noqa: E731
    assert sub("Call", "Event") and sub("PhoneCall", "Call") and sub("VideoCall", "Call")
    assert sub("Meeting", "Event") and sub("Visit", "Meeting") and sub("Summit", "Event")
    assert str(g.value(KG.PhoneCall, KG.cameoCode)) == "041"
    assert {str(c) for c in g.objects(KG.Visit, KG.cameoCode)} == {"042", "043"}
    assert all(g.value(KG[c], KG.ploverMode) for c in ("Call", "Meeting", "Visit", "Summit"))


def test_alignments_to_sem_schema_prov():
    g = ontology()
    supers = {str(o) for o in g.objects(KG.Event, RDFS.subClassOf)}
    assert any("semanticweb.cs.vu.nl/2009/11/sem/Event" in s for s in supers)
    assert any("schema.org/Event" in s for s in supers)
    assert any("prov#Entity" in s for s in supers)


def test_shapes_parse_and_every_constraint_has_a_message():
    from rdflib.namespace import SH
    g = Graph().parse(SHAPES_FILE)
    props = list(g.objects(None, SH.property))
    assert props
    assert all(g.value(p, SH.message) for p in props)
