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
from typing import Any

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


@dataclass(frozen=True, order=True)
class Rel:
    """One relationship; ``(start, type, end)`` is its identity, ``props`` its properties as sorted pairs."""

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
    try:
        return term.n3()
    except Exception:  # pragma: no cover - every rdflib term has n3()
        return str(term)


def _plain(o) -> bool:
    return isinstance(o, Literal) and o.language is None and o.datatype in (None, XSD.string)


def _encode(kind: str, o) -> Any:
    """The property value of literal ``o``; ValueError when it could not be given back unchanged."""
    if not isinstance(o, Literal):
        raise ValueError("expected a literal")
    if kind == TEXT:
        if not _plain(o):
            raise ValueError("expected a plain string")
        return str(o)
    if kind == INTEGER:
        if o.datatype != XSD.integer or not isinstance(o.value, int):
            raise ValueError("expected an xsd:integer")
        if not INT_RANGE[0] <= o.value <= INT_RANGE[1]:
            raise ValueError("integer out of Neo4j's 64-bit range")
        value = o.value
    elif kind == DAY:
        if o.datatype != XSD.date or not _DAY.match(str(o)):
            raise ValueError("expected an xsd:date YYYY-MM-DD")
        dt.date.fromisoformat(str(o))
        value = str(o)
    elif kind == DATETIME:
        if o.datatype != XSD.dateTime:
            raise ValueError("expected an xsd:dateTime")
        value = str(o)
    elif kind == DURATION:
        if o.datatype != XSD.duration:
            raise ValueError("expected an xsd:duration")
        value = str(o)
    else:  # pragma: no cover - the table only names the kinds above
        raise ValueError(kind)
    if _decode(kind, value) != o:
        raise ValueError("would not read back unchanged")
    return value


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

    >>> from rdflib import Literal
    >>> from rdflib.namespace import XSD
    >>> encode_date(Literal("2025-09", datatype=XSD.gYearMonth))
    ('2025-09-01', 'month')
    """
    if not isinstance(o, Literal) or o.datatype not in DATE_TYPES:
        raise ValueError("expected xsd:date, xsd:gYearMonth or xsd:gYear")
    precision = DATE_TYPES[o.datatype]
    text = str(o)
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
    """The property graph of an event graph; raises ModelError naming every triple it cannot keep exactly."""
    labels_of = class_labels()
    errors = _Errors()
    pg = PropertyGraph()
    props: dict[str, dict] = {}
    labels: dict[str, frozenset] = {}
    langs: dict[str, set] = {}
    roles: dict[tuple[str, str], set] = {}
    participants: set[tuple[str, str]] = set()

    def put(s, p, o, key: str, value):
        d = props.setdefault(str(s), {})
        if key in d and d[key] != value:
            errors.add(s, p, o, f"a second value for {key!r}; the model keeps one")
        d[key] = value

    for s, p, o in g:
        if isinstance(s, BNode) or isinstance(o, BNode):
            errors.add(s, p, o, "blank nodes have no uri to key a node by")
            continue
        subject = str(s)
        props.setdefault(subject, {})
        if p == RDF.type:
            name = str(o)[len(KG_NS):] if str(o).startswith(KG_NS) else None
            if name not in labels_of:
                errors.add(s, p, o, "not a class of the kg ontology")
            elif subject in labels:
                errors.add(s, p, o, "a second class; the model keeps one class per node")
            else:
                labels[subject] = frozenset(labels_of[name])
        elif p in RELATIONSHIPS:
            if not isinstance(o, URIRef):
                errors.add(s, p, o, "expected an IRI")
                continue
            type_, reverse = RELATIONSHIPS[p]
            start, end = (str(o), subject) if reverse else (subject, str(o))
            props.setdefault(str(o), {})
            if p == KG.participant:
                participants.add((start, end))
            else:
                pg.rels.add(Rel(start, type_, end))
        elif p in ROLES:
            if not isinstance(o, URIRef):
                errors.add(s, p, o, "expected an IRI")
                continue
            roles.setdefault((str(o), subject), set()).add(ROLES[p])
        elif p == RDFS.label:
            if not isinstance(o, Literal) or not (o.language in LABELS or _plain(o)):
                errors.add(s, p, o, "labels are kept in English (name), Arabic (name_ar) or untagged (label)")
                continue
            put(s, p, o, LABELS[o.language], str(o))
        elif p == SKOS.altLabel:
            if not isinstance(o, Literal) or o.language not in ALT_LABELS:
                errors.add(s, p, o, "alternative labels are kept in English (aliases) or Arabic (aliases_ar)")
                continue
            props[subject].setdefault(ALT_LABELS[o.language], []).append(str(o))
        elif p == KG.date:
            try:
                iso, precision = encode_date(o)
            except ValueError as exc:
                errors.add(s, p, o, str(exc))
                continue
            put(s, p, o, EVENT_DATE, iso)
            put(s, p, o, DATE_PRECISION, precision)
        elif p in (KG.evidence, KG.trigger):
            if not isinstance(o, Literal) or not (o.language or _plain(o)):
                errors.add(s, p, o, "expected a string, with or without a language tag")
                continue
            langs.setdefault(subject, set()).add(o.language)
            if p == KG.evidence:
                put(s, p, o, EVIDENCE, str(o))
            else:
                props[subject].setdefault(TRIGGERS, []).append(str(o))
        elif p == KG.status:
            if o not in STATUS_NAMES:
                errors.add(s, p, o, f"the status is one of {', '.join('kg:' + k for k in STATUS)}")
                continue
            put(s, p, o, STATUS_PROP, STATUS_NAMES[o])
        elif p == OWL.sameAs:
            qid = str(o)[len(str(WD)):] if isinstance(o, URIRef) and str(o).startswith(str(WD)) else ""
            if not _WIKIDATA.match(qid):
                errors.add(s, p, o, "only Wikidata identities (wd:Q…) are kept")
                continue
            put(s, p, o, WIKIDATA, qid)
        elif p in PROPERTIES:
            key, kind = PROPERTIES[p]
            try:
                put(s, p, o, key, _encode(kind, o))
            except ValueError as exc:
                errors.add(s, p, o, str(exc))
        else:
            errors.add(s, p, o, "this property has no place in the model")

    for subject, found in langs.items():
        if len(found) > 1:
            errors.add(URIRef(subject), KG.evidence, Literal(", ".join(sorted(map(str, found)))),
                       "evidence and triggers of one mention must share a language tag")
        elif None not in found:
            props[subject][LANG] = next(iter(found))
    for (actor, event), found in roles.items():
        if (actor, event) not in participants:
            errors.add(URIRef(event), KG.host, URIRef(actor), "a host or visitor must also be a kg:participant")
        elif len(found) > 1:
            errors.add(URIRef(event), KG.host, URIRef(actor), "both host and visitor")
    errors.raise_any(len(g))

    for actor, event in participants:
        role = next(iter(roles.get((actor, event), ())), None)
        pg.rels.add(rel(actor, "PARTICIPATED_IN", event, role=role))
    names = {frozenset(chain): name for name, chain in labels_of.items()}
    for uri, d in props.items():
        for key in (TRIGGERS, *ALT_LABELS.values()):
            if key in d:
                d[key] = sorted(d[key])
        node_labels = labels.get(uri, frozenset())
        if "Event" in node_labels:
            d[EVENT_TYPE] = names[node_labels]
        pg.nodes[uri] = Node(uri, node_labels, d)
    return pg


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
