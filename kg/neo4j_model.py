"""The event graph as a property graph for Cypher users, and back, with nothing lost either way.

An RDF graph built by ``kg build`` becomes nodes and relationships:

* every node has the label ``Resource`` and a unique ``uri``; its other labels
  are its ontology class and that class's kg superclasses
  (``:Event:Call:PhoneCall``, ``:Person:Actor``, ``:Country:Actor:Place``),
  read from ``ontology/kg.ttl``, never from the data;
* literals become properties: ``name`` / ``name_ar`` / ``label`` for English,
  Arabic and untagged ``rdfs:label``, ``wikidata`` for the ``owl:sameAs``
  Wikidata id, ``date`` (the first day of the stated period, stored as a Cypher
  ``date``) with ``datePrecision``, and so on (``PROPERTIES`` below);
* object properties become relationships in UPPER_SNAKE_CASE
  (``RELATIONSHIPS``): ``(:Person)-[:PARTICIPATED_IN {role}]->(:Event)``,
  ``(:Event)-[:TOOK_PLACE_IN]->(:Place)``, ``(:Event)-[:REPORTED_IN]->(:Article)``...

``to_property_graph`` refuses (``ModelError``) any triple it could not give
back exactly, so ``to_rdf(to_property_graph(g))`` is always isomorphic to ``g``.
This module is pure: no driver, no server.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, NamedTuple

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS, XSD

from .errors import ModelError
from .vocab import KG, ONTOLOGY_FILE, STATUS, WD

RESOURCE = "Resource"  # the label every node carries; (:Resource {uri}) is the key
KG_NS = str(KG._NS)
MAX_ERRORS_SHOWN = 5

# ---------------------------------------------------------------- the model, as tables

# kg object property -> (relationship type, True when the relationship points the other way)
RELATIONSHIPS = {
    KG.participant: ("PARTICIPATED_IN", True),  # (actor)-[:PARTICIPATED_IN {role}]->(event)
    KG.place: ("TOOK_PLACE_IN", False),
    KG.organizer: ("ORGANIZED_BY", False),
    KG.source: ("REPORTED_IN", False),
    KG.mention: ("HAS_MENTION", False),
    KG.article: ("IN_ARTICLE", False),
    KG.input: ("HAS_INPUT", False),
    KG.country: ("IN_COUNTRY", False),
}
# sub-properties of kg:participant, stored as the participation's role
ROLES = {KG.host: "host", KG.visitor: "visitor"}

TEXT, INTEGER, DAY, DATETIME, DURATION = "text", "integer", "day", "dateTime", "duration"
# datatype property -> (node property, kind)
PROPERTIES = {
    KG.articleId: ("articleId", TEXT),
    KG.url: ("url", TEXT),
    KG.outlet: ("outlet", TEXT),
    KG.title: ("title", TEXT),
    KG.language: ("language", TEXT),
    KG.sha256: ("sha256", TEXT),
    KG.extractorVersion: ("extractorVersion", TEXT),
    KG.kgVersion: ("kgVersion", TEXT),
    KG.path: ("path", TEXT),
    KG.startOffset: ("startOffset", INTEGER),
    KG.endOffset: ("endOffset", INTEGER),
    KG.articlesRead: ("articlesRead", INTEGER),
    KG.articlesSkipped: ("articlesSkipped", INTEGER),
    KG.eventCount: ("eventCount", INTEGER),
    KG.published: ("published", DAY),
    KG.dataAsOf: ("dataAsOf", DAY),
    KG.buildTime: ("buildTime", DATETIME),  # text: not every Bolt server has datetime()
    KG.duration: ("duration", DURATION),  # ISO 8601 text, e.g. PT1H30M
}
# rdfs:label by language tag -> property
LABELS = {"en": "name", "ar": "name_ar", None: "label"}
# skos:altLabel (the surface forms an entity was found under) by language tag -> list property
ALT_LABELS = {"en": "aliases", "ar": "aliases_ar"}
# properties with more than the one-literal-one-property shape
EVENT_DATE, DATE_PRECISION = "date", "datePrecision"
EVENT_TYPE = "type"  # on events: the most specific class (PhoneCall, Visit, ...), for display; derived from the labels
EVIDENCE, TRIGGERS, LANG = "evidence", "triggers", "lang"
STATUS_PROP, WIKIDATA = "status", "wikidata"

# properties stored as Cypher date values (written with date($iso), read with toString())
DATE_PROPERTIES = (EVENT_DATE, "published", "dataAsOf")
DATE_TYPES = {XSD.date: "day", XSD.gYearMonth: "month", XSD.gYear: "year"}
PRECISION_TYPES = {v: k for k, v in DATE_TYPES.items()}
PRECISION_LENGTH = {"day": 10, "month": 7, "year": 4}
STATUS_NAMES = {v: k for k, v in STATUS.items()}

_LABEL_NAME = re.compile(r"[A-Z][A-Za-z0-9]*\Z")
_REL_NAME = re.compile(r"[A-Z][A-Z0-9_]*\Z")
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
_WIKIDATA = re.compile(r"Q[1-9][0-9]*\Z")
INT_RANGE = (-(2**63), 2**63 - 1)


@lru_cache(maxsize=1)
def class_labels() -> dict[str, tuple[str, ...]]:
    """Each kg class's labels: its kg superclasses (most general first) and itself.

    >>> class_labels()["PhoneCall"]
    ('Event', 'Call', 'PhoneCall')
    >>> class_labels()["Country"]
    ('Actor', 'Place', 'Country')
    """
    onto = Graph().parse(ONTOLOGY_FILE, format="turtle")
    classes = {str(c)[len(KG_NS):] for c in onto.subjects(RDF.type, OWL.Class) if str(c).startswith(KG_NS)}
    parents = {c: {str(p)[len(KG_NS):] for p in onto.objects(KG[c], RDFS.subClassOf)} & classes for c in classes}

    def ancestors(c: str) -> set[str]:
        out: set[str] = set()
        for p in parents[c]:
            out |= {p} | ancestors(p)
        return out

    table = {}
    for c in sorted(classes):
        if not _LABEL_NAME.match(c):
            raise ModelError(f"{ONTOLOGY_FILE}: class kg:{c} cannot be a Neo4j label")
        up = ancestors(c)
        table[c] = tuple(sorted(up, key=lambda a: (len(ancestors(a)), a))) + (c,)
    return table


def all_labels() -> frozenset[str]:
    """Every label the model can give a node (besides ``Resource``)."""
    return frozenset(label for chain in class_labels().values() for label in chain)


def relationship_types() -> tuple[str, ...]:
    return tuple(sorted({t for t, _ in RELATIONSHIPS.values()}))


# ---------------------------------------------------------------- rows


@dataclass(frozen=True)
class Node:
    """One node: its key, its labels (without ``Resource``) and its properties (without ``uri``).

    Date properties (``DATE_PROPERTIES``) hold ISO ``YYYY-MM-DD`` text here; the
    loader stores them as Cypher dates.
    """

    uri: str
    labels: frozenset = frozenset()
    props: dict = field(default_factory=dict, hash=False, compare=True)


class Rel(NamedTuple):
    """One relationship; ``(start, type, end)`` is its identity, ``props`` its properties as sorted pairs.

    A named tuple (ordered, hashed and compared field by field, in C): a graph has millions.
    """

    start: str
    type: str
    end: str
    props: tuple = ()

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.start, self.type, self.end)


@dataclass
class PropertyGraph:
    """Nodes by uri and relationships: what the loader writes and what read-back returns."""

    nodes: dict[str, Node] = field(default_factory=dict)
    rels: set[Rel] = field(default_factory=set)

    def with_label(self, label: str) -> list[Node]:
        return [n for n in self.nodes.values() if label in n.labels]

    def __len__(self) -> int:
        return len(self.nodes) + len(self.rels)


def rel(start: str, type_: str, end: str, **props) -> Rel:
    return Rel(start, type_, end, tuple(sorted((k, v) for k, v in props.items() if v is not None)))


# ---------------------------------------------------------------- RDF -> property graph
#
# The conversion reads plain terms, not rdflib's: an IRI is a ``str``, a literal a ``Lit``, a blank node a
# ``Blank``. Comparing and hashing them is done in C, and a parser (pyoxigraph) can hand them over without
# building an rdflib term for each of the millions of triples of a large build.


class Lit(NamedTuple):
    """A literal as written: lexical form, datatype IRI (None for a plain string), language tag.

    A named tuple, made several times faster than a frozen dataclass: there is one per literal of the graph.
    """

    value: str
    datatype: str | None = None
    lang: str | None = None


class Blank(str):
    """A blank node, by its label."""


_XSD_STRING, _LANG_STRING = str(XSD.string), str(RDF.langString)
_XSD_INTEGER, _XSD_DATE, _XSD_DATETIME, _XSD_DURATION = map(str, (XSD.integer, XSD.date, XSD.dateTime, XSD.duration))
_INTEGER = re.compile(r"[+-]?[0-9]+\Z")
_RDF_TYPE, _RDFS_LABEL, _ALT_LABEL, _SAME_AS = map(str, (RDF.type, RDFS.label, SKOS.altLabel, OWL.sameAs))
_KG_DATE, _KG_EVIDENCE, _KG_TRIGGER, _KG_STATUS, _KG_PARTICIPANT = map(
    str, (KG.date, KG.evidence, KG.trigger, KG.status, KG.participant))
_RELATIONSHIPS = {str(p): v for p, v in RELATIONSHIPS.items()}
_ROLES = {str(p): v for p, v in ROLES.items()}
_PROPERTIES = {str(p): v for p, v in PROPERTIES.items()}
_STATUS_NAMES = {str(k): v for k, v in STATUS_NAMES.items()}
_DATE_TYPES = {str(k): v for k, v in DATE_TYPES.items()}
_WD = str(WD)


def plain_term(term):
    """An rdflib term as a plain term."""
    if isinstance(term, Literal):
        datatype = str(term.datatype) if term.datatype is not None else None
        return Lit(str(term), None if datatype == _XSD_STRING else datatype, term.language)
    if isinstance(term, BNode):
        return Blank(term)
    return str(term)


def rdflib_triples(g: Graph):
    """The triples of an rdflib graph as plain terms."""
    for s, p, o in g:
        yield plain_term(s), str(p), plain_term(o)


def oxigraph_triples(quads):
    """pyoxigraph triples or quads (their graph ignored) as plain terms; the caller removes duplicates."""
    import pyoxigraph as ox

    named, literal = ox.NamedNode, ox.Literal
    for q in quads:
        s, o = q.subject, q.object
        s = s.value if type(s) is named else Blank(s.value)
        if type(o) is named:
            o = o.value
        elif type(o) is literal:
            lang = o.language
            datatype = None if lang else o.datatype.value
            o = Lit(o.value, None if datatype == _XSD_STRING else datatype, lang)
        else:
            o = Blank(o.value)
        yield s, q.predicate.value, o


class _Errors:
    """Collects the triples that cannot be stored, to report them all at once."""

    def __init__(self):
        self.items: list[str] = []

    def add(self, s, p, o, reason: str):
        self.items.append(f"{_n3(s)} {_n3(p)} {_n3(o)}: {reason}")

    def raise_any(self, total: int):
        if not self.items:
            return
        shown = "\n  ".join(self.items[:MAX_ERRORS_SHOWN])
        more = f"\n  ... and {len(self.items) - MAX_ERRORS_SHOWN} more" if len(self.items) > MAX_ERRORS_SHOWN else ""
        raise ModelError(
            f"{len(self.items)} of {total} triples have no exact place in the Neo4j model "
            f"(kg load takes graphs written by kg build; see the README's Neo4j section):\n  {shown}{more}")


def _n3(term) -> str:
    """A plain term as Turtle would show it."""
    if isinstance(term, Blank):
        return f"_:{term}"
    if isinstance(term, Lit):
        tail = f"@{term.lang}" if term.lang else f"^^<{term.datatype}>" if term.datatype else ""
        return '"' + term.value.replace("\\", "\\\\").replace('"', '\\"') + '"' + tail
    return f"<{term}>"


def _plain(o) -> bool:
    return isinstance(o, Lit) and o.lang is None and o.datatype is None


def _encode(kind: str, o) -> Any:
    """The property value of literal ``o``; ValueError when it could not be given back unchanged."""
    if not isinstance(o, Lit):
        raise ValueError("expected a literal")
    if kind == TEXT:
        if not _plain(o):
            raise ValueError("expected a plain string")
        return o.value
    if kind == INTEGER:
        if o.datatype != _XSD_INTEGER or not _INTEGER.match(o.value):
            raise ValueError("expected an xsd:integer")
        value = int(o.value)
        if not INT_RANGE[0] <= value <= INT_RANGE[1]:
            raise ValueError("integer out of Neo4j's 64-bit range")
        return value  # "0012" is 12, as rdflib reads it too
    if kind == DAY:
        if o.datatype != _XSD_DATE or not _DAY.match(o.value):
            raise ValueError("expected an xsd:date YYYY-MM-DD")
        dt.date.fromisoformat(o.value)
    elif kind == DATETIME:
        if o.datatype != _XSD_DATETIME:
            raise ValueError("expected an xsd:dateTime")
    elif kind == DURATION:
        if o.datatype != _XSD_DURATION:
            raise ValueError("expected an xsd:duration")
    else:  # pragma: no cover - the table only names the kinds above
        raise ValueError(kind)
    return o.value  # text, given back with the same datatype


def _decode(kind: str, value) -> Literal:
    if kind == TEXT:
        return Literal(str(value))
    if kind == INTEGER:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError("not an integer")
        return Literal(value)
    datatype = {DAY: XSD.date, DATETIME: XSD.dateTime, DURATION: XSD.duration}[kind]
    if not isinstance(value, str):
        raise ValueError("not text")
    return Literal(value, datatype=datatype)


def encode_date(o) -> tuple[str, str]:
    """``kg:date`` literal -> (first day ISO, precision).

    >>> encode_date(Lit("2025-09", "http://www.w3.org/2001/XMLSchema#gYearMonth"))
    ('2025-09-01', 'month')
    """
    if not isinstance(o, Lit) or o.datatype not in _DATE_TYPES:
        raise ValueError("expected xsd:date, xsd:gYearMonth or xsd:gYear")
    precision = _DATE_TYPES[o.datatype]
    text = o.value
    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", text) or len(text) != PRECISION_LENGTH[precision]:
        raise ValueError(f"not a plain {precision} date")
    parts = [int(x) for x in text.split("-")] + [1, 1]
    return dt.date(*parts[:3]).isoformat(), precision


def decode_date(iso: str, precision: str) -> Literal:
    """(first day ISO, precision) -> ``kg:date`` literal.

    >>> str(decode_date("2025-09-01", "month"))
    '2025-09'
    """
    return Literal(str(iso)[:PRECISION_LENGTH[precision]], datatype=PRECISION_TYPES[precision])


def to_property_graph(g: Graph) -> PropertyGraph:
    """The property graph of an rdflib event graph; raises ModelError naming every triple it cannot keep exactly."""
    return property_graph(rdflib_triples(g))


class _Builder:
    """The property graph of a stream of plain-term triples, one triple at a time (``add``), then ``graph``.

    A triple seen twice is one triple (RDF graphs are sets), so list properties
    collect sets and relationships are a set.
    """

    def __init__(self):
        self.labels_of = class_labels()
        self.errors = _Errors()
        self.rels: set[Rel] = set()
        self.props: dict[str, dict] = {}
        self.labels: dict[str, frozenset] = {}
        self.langs: dict[str, set] = {}
        self.roles: dict[tuple[str, str], set] = {}
        self.participants: set[tuple[str, str]] = set()
        self.triples = 0

    def put(self, s, p, o, key: str, value):
        d = self.props.setdefault(s, {})
        if key in d and d[key] != value:
            self.errors.add(s, p, o, f"a second value for {key!r}; the model keeps one")
        d[key] = value

    def add(self, s, p: str, o) -> None:
        self.triples += 1
        if isinstance(s, Blank) or isinstance(o, Blank):
            self.errors.add(s, p, o, "blank nodes have no uri to key a node by")
            return
        props = self.props.setdefault(s, {})
        plain = _PROPERTIES.get(p)  # the most frequent predicates first, without the comparisons below
        if plain is not None:
            try:
                self.put(s, p, o, plain[0], _encode(plain[1], o))
            except ValueError as exc:
                self.errors.add(s, p, o, str(exc))
            return
        if p == _RDF_TYPE:
            self.add_class(s, p, o)
        elif p in _RELATIONSHIPS:
            if isinstance(o, Lit):
                self.errors.add(s, p, o, "expected an IRI")
                return
            type_, reverse = _RELATIONSHIPS[p]
            start, end = (o, s) if reverse else (s, o)
            self.props.setdefault(o, {})
            if p == _KG_PARTICIPANT:
                self.participants.add((start, end))
            else:
                self.rels.add(Rel(start, type_, end))
        elif p in _ROLES:
            if isinstance(o, Lit):
                self.errors.add(s, p, o, "expected an IRI")
                return
            self.roles.setdefault((o, s), set()).add(_ROLES[p])
        elif p == _RDFS_LABEL:
            if not isinstance(o, Lit) or not (o.lang in LABELS or _plain(o)):
                self.errors.add(s, p, o, "labels are kept in English (name), Arabic (name_ar) or untagged (label)")
                return
            self.put(s, p, o, LABELS[o.lang], o.value)
        elif p == _ALT_LABEL:
            if not isinstance(o, Lit) or o.lang not in ALT_LABELS:
                self.errors.add(s, p, o, "alternative labels are kept in English (aliases) or Arabic (aliases_ar)")
                return
            props.setdefault(ALT_LABELS[o.lang], set()).add(o.value)
        elif p == _KG_DATE:
            try:
                iso, precision = encode_date(o)
            except ValueError as exc:
                self.errors.add(s, p, o, str(exc))
                return
            self.put(s, p, o, EVENT_DATE, iso)
            self.put(s, p, o, DATE_PRECISION, precision)
        elif p in (_KG_EVIDENCE, _KG_TRIGGER):
            if not isinstance(o, Lit) or not (o.lang or _plain(o)):
                self.errors.add(s, p, o, "expected a string, with or without a language tag")
                return
            self.langs.setdefault(s, set()).add(o.lang)
            if p == _KG_EVIDENCE:
                self.put(s, p, o, EVIDENCE, o.value)
            else:
                props.setdefault(TRIGGERS, set()).add(o.value)
        else:
            self.add_value(s, p, o)

    def add_class(self, s: str, p: str, o) -> None:
        name = o[len(KG_NS):] if isinstance(o, str) and o.startswith(KG_NS) else None
        if name not in self.labels_of:
            self.errors.add(s, p, o, "not a class of the kg ontology")
        elif s in self.labels:
            self.errors.add(s, p, o, "a second class; the model keeps one class per node")
        else:
            self.labels[s] = frozenset(self.labels_of[name])

    def add_value(self, s: str, p: str, o) -> None:
        """The status, the Wikidata identity and the one-literal-one-property values."""
        if p == _KG_STATUS:
            if o not in _STATUS_NAMES:
                self.errors.add(s, p, o, f"the status is one of {', '.join('kg:' + k for k in STATUS)}")
                return
            self.put(s, p, o, STATUS_PROP, _STATUS_NAMES[o])
        elif p == _SAME_AS:
            qid = o[len(_WD):] if isinstance(o, str) and o.startswith(_WD) else ""
            if not _WIKIDATA.match(qid):
                self.errors.add(s, p, o, "only Wikidata identities (wd:Q…) are kept")
                return
            self.put(s, p, o, WIKIDATA, qid)
        elif p in _PROPERTIES:
            key, kind = _PROPERTIES[p]
            try:
                self.put(s, p, o, key, _encode(kind, o))
            except ValueError as exc:
                self.errors.add(s, p, o, str(exc))
        else:
            self.errors.add(s, p, o, "this property has no place in the model")

    def check(self) -> None:
        """Raise ModelError for every triple, and every combination of triples, the model cannot keep."""
        errors = self.errors
        for subject, found in self.langs.items():
            if len(found) > 1:
                errors.add(subject, _KG_EVIDENCE, Lit(", ".join(sorted(map(str, found)))),
                           "evidence and triggers of one mention must share a language tag")
            elif None not in found:
                self.props[subject][LANG] = next(iter(found))
        for (actor, event), found in self.roles.items():
            if (actor, event) not in self.participants:
                errors.add(event, str(KG.host), actor, "a host or visitor must also be a kg:participant")
            elif len(found) > 1:
                errors.add(event, str(KG.host), actor, "both host and visitor")
        errors.raise_any(self.triples)

    def graph(self) -> PropertyGraph:
        self.check()
        pg = PropertyGraph(rels=self.rels)
        for actor, event in self.participants:
            role = next(iter(self.roles.get((actor, event), ())), None)
            pg.rels.add(rel(actor, "PARTICIPATED_IN", event, role=role))
        names = {frozenset(chain): name for name, chain in self.labels_of.items()}
        for uri, d in self.props.items():
            for key in (TRIGGERS, *ALT_LABELS.values()):
                if key in d:
                    d[key] = sorted(d[key])
            node_labels = self.labels.get(uri, frozenset())
            if "Event" in node_labels:
                d[EVENT_TYPE] = names[node_labels]
            pg.nodes[uri] = Node(uri, node_labels, d)
        return pg


def property_graph(triples) -> PropertyGraph:
    """The property graph of plain-term triples (``rdflib_triples``, ``oxigraph_triples``); raises ModelError
    naming every triple it cannot keep exactly."""
    builder = _Builder()
    for s, p, o in triples:
        builder.add(s, p, o)
    return builder.graph()


# ---------------------------------------------------------------- property graph -> RDF

_CLASS_BY_LABELS = {frozenset(chain): name for name, chain in class_labels().items()}
_PROPERTY_KEYS = {key: (p, kind) for p, (key, kind) in PROPERTIES.items()}
_LABEL_KEYS = {v: k for k, v in LABELS.items()}
_ALT_LABEL_KEYS = {v: k for k, v in ALT_LABELS.items()}
_RELATIONSHIP_TYPES = {t: (p, reverse) for p, (t, reverse) in RELATIONSHIPS.items()}
_ROLE_PROPERTIES = {v: k for k, v in ROLES.items()}


def class_of(labels) -> tuple[str | None, set[str]]:
    """The kg class named by a node's labels, and the labels that are not the model's.

    >>> class_of({"Resource", "Event", "Call", "PhoneCall"})
    ('PhoneCall', set())
    """
    mine = {label for label in labels if label in all_labels()}
    extra = {label for label in labels if label not in mine and label != RESOURCE}
    return _CLASS_BY_LABELS.get(frozenset(mine)), extra | (mine if frozenset(mine) not in _CLASS_BY_LABELS else set())


def to_rdf(pg: PropertyGraph) -> tuple[Graph, Counter]:
    """The RDF graph of a property graph, and a count of what the model does not know (left out)."""
    from .graph import new_graph

    g = new_graph()
    ignored: Counter = Counter()
    for node in pg.nodes.values():
        s = URIRef(node.uri)
        cls, extra = class_of(node.labels)
        for label in extra:
            ignored[f"label :{label}"] += 1
        if cls:
            g.add((s, RDF.type, KG[cls]))
        d = node.props
        for key, value in d.items():
            if key == EVENT_TYPE and cls and "Event" in class_labels()[cls]:
                continue  # derived from the labels
            try:
                _add_property(g, s, key, value, d)
            except (ValueError, KeyError, TypeError):
                ignored[f"property {key}"] += 1
    for r in pg.rels:
        if r.type not in _RELATIONSHIP_TYPES:
            ignored[f"relationship :{r.type}"] += 1
            continue
        p, reverse = _RELATIONSHIP_TYPES[r.type]
        s, o = (URIRef(r.end), URIRef(r.start)) if reverse else (URIRef(r.start), URIRef(r.end))
        g.add((s, p, o))
        for key, value in r.props:
            if key == "role" and value in _ROLE_PROPERTIES and r.type == "PARTICIPATED_IN":
                g.add((s, _ROLE_PROPERTIES[value], o))
            else:
                ignored[f"relationship property {key}"] += 1
    return g, ignored


def _add_property(g: Graph, s: URIRef, key: str, value, d: dict) -> None:
    if key in _LABEL_KEYS:
        lang = _LABEL_KEYS[key]
        g.add((s, RDFS.label, Literal(_text(value), lang=lang)))
    elif key in _ALT_LABEL_KEYS:
        for t in value if isinstance(value, list) else [value]:
            g.add((s, SKOS.altLabel, Literal(_text(t), lang=_ALT_LABEL_KEYS[key])))
    elif key == EVENT_DATE:
        g.add((s, KG.date, decode_date(_text(value), d[DATE_PRECISION])))
    elif key == DATE_PRECISION:
        if value not in PRECISION_TYPES or EVENT_DATE not in d:
            raise ValueError(value)
    elif key == EVIDENCE:
        g.add((s, KG.evidence, Literal(_text(value), lang=d.get(LANG))))
    elif key == TRIGGERS:
        for t in value if isinstance(value, list) else [value]:
            g.add((s, KG.trigger, Literal(_text(t), lang=d.get(LANG))))
    elif key == LANG:
        if not (EVIDENCE in d or TRIGGERS in d):
            raise ValueError(value)
    elif key == STATUS_PROP:
        g.add((s, KG.status, STATUS[value]))
    elif key == WIKIDATA:
        if not _WIKIDATA.match(_text(value)):
            raise ValueError(value)
        g.add((s, OWL.sameAs, WD[value]))
    elif key in _PROPERTY_KEYS:
        p, kind = _PROPERTY_KEYS[key]
        g.add((s, p, _decode(kind, value)))
    else:
        raise KeyError(key)


def _text(value) -> str:
    if not isinstance(value, str):
        raise TypeError(value)
    return value
