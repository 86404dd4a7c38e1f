"""Deliberately broken copies of a valid graph, one per constraint of ontology/shapes.ttl.

The breaks are read off the shapes file, not listed by hand: for every node shape, each
constraint of the shape and of each of its property shapes breaks a copy of the graph at
one of the shape's focus nodes. A constraint this module does not know how to break
raises, so a new kind of constraint in shapes.ttl fails the tests until it has a break.
Used by tests/test_validate_engines.py and bench/bench_validate.py.
"""

from __future__ import annotations

from typing import Iterator

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, SH, XSD
from rdflib.collection import Collection

from kg.validate import shapes
from kg.vocab import ID, KG

UNTYPED = ID["thing/untyped"]  # an IRI with no triples: of no class
IGNORED = {SH.path, SH.message, RDF.type, SH.property, SH.targetClass, SH.targetSubjectsOf,
           SH.qualifiedMinCount, SH.qualifiedMaxCount}


def breaks(valid: Graph) -> Iterator[tuple[str, str, URIRef | None, Graph]]:
    """(what was broken, the constraint component it must violate, the focus node broken
    (None: a blank node), the broken copy) for every constraint in shapes.ttl, in a fixed order."""
    sg = shapes()
    for shape in sorted(set(sg.subjects(RDF.type, SH.NodeShape))):
        foci = focus_nodes(sg, shape, valid)
        assert foci, f"no focus node of {shape} in the valid graph to break"
        for param in sorted(set(sg.predicates(shape)) - IGNORED):
            yield (f"{_local(shape)} {_local(param)}", component(param), None,
                   _break_node(sg, shape, param, foci[0], valid))
        for prop in sorted(sg.objects(shape, SH.property), key=lambda p: str(sg.value(p, SH.path))):
            path = sg.value(prop, SH.path)
            for param in sorted(set(sg.predicates(prop)) - IGNORED):
                focus = _focus_with(foci, path, valid, wanted=param not in (SH.maxCount, SH.qualifiedValueShape))
                for how, brk in BREAKERS[param]:
                    if brk is _ill_formed and (_compared(sg, prop, path) or not _datatype_of(sg, prop)):
                        continue  # pyshacl 0.40.1 raises TypeError comparing an ill-formed value (sh:lessThanOrEquals)
                    g = _copy(valid)
                    brk(g, sg, prop, focus, path)
                    yield f"{_local(shape)} {_local(path)} {_local(param)}{how}", component(param), focus, g


def component(param) -> str:
    """The constraint component a parameter's break shows up as, named as kg.validate names it."""
    name = _local(param)
    return "QualifiedMinCount" if param == SH.qualifiedValueShape else name[0].upper() + name[1:]


def focus_nodes(sg: Graph, shape, data: Graph) -> list:
    """A shape's focus nodes in `data`, sorted (targetClass and targetSubjectsOf, as shapes.ttl uses)."""
    nodes = {s for c in sg.objects(shape, SH.targetClass) for s in data.subjects(RDF.type, c)}
    nodes |= {s for p in sg.objects(shape, SH.targetSubjectsOf) for s in data.subjects(p, None)}
    return sorted(nodes)


def all_breaks(valid: Graph) -> Graph:
    """Every break at once, in one graph."""
    g = _copy(valid)
    for *_, broken in breaks(valid):
        for t in broken - valid:
            g.add(t)
        for t in valid - broken:
            g.remove(t)
    return g


def _copy(g: Graph) -> Graph:
    out = Graph()
    for t in g:
        out.add(t)
    return out


def _local(node) -> str:
    return str(node).rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _focus_with(foci: list, path, data: Graph, wanted: bool):
    """The first focus node with a value on `path` (when the break changes a value), else the first."""
    if wanted:
        return next((f for f in foci if (f, path, None) in data), foci[0])
    return foci[0]


def _break_node(sg: Graph, shape, param, focus, valid: Graph) -> Graph:
    """A node-level constraint: only sh:nodeKind sh:IRI, broken by a blank node with the focus's triples."""
    assert param == SH.nodeKind and sg.value(shape, param) == SH.IRI, f"no break for {param} on {shape}"
    g = _copy(valid)
    blank = BNode("broken")
    for p, o in valid.predicate_objects(focus):
        g.add((blank, p, o))
    return g


def _values(g: Graph, focus, path) -> list:
    return sorted(g.objects(focus, path))


def _set(g: Graph, focus, path, value) -> None:
    """Replace the first value on `path` by `value` (or add it where there is none)."""
    old = _values(g, focus, path)
    if old:
        g.remove((focus, path, old[0]))
    g.add((focus, path, value))


def _min_count(g, sg, prop, focus, path):
    g.remove((focus, path, None))


def _max_count(g, sg, prop, focus, path):
    """One value more than allowed: other nodes' values on the same path, or fresh ones."""
    limit = int(sg.value(prop, SH.maxCount))
    others = sorted({o for o in g.objects(None, path)} - set(_values(g, focus, path)))
    fresh = [Literal(f"P{n}D", datatype=XSD.duration) for n in range(1, limit + 3)]
    for value in (others + fresh)[:limit + 1 - len(_values(g, focus, path))]:
        g.add((focus, path, value))


def _datatype(g, sg, prop, focus, path):
    old = _values(g, focus, path)
    _set(g, focus, path, Literal(str(old[0]) if old else "1", datatype=XSD.string))


def _ill_formed(g, sg, prop, focus, path):
    """The right datatype with a lexical form it does not allow ('2024-02-30' as an xsd:date)."""
    _set(g, focus, path, Literal("2024-02-30", datatype=_datatype_of(sg, prop)))


def _datatype_of(sg: Graph, prop):
    """The property's sh:datatype, or the first one among its sh:or alternatives (None: no datatype)."""
    alternatives = Collection(sg, sg.value(prop, SH["or"])) if (prop, SH["or"], None) in sg else []
    return sg.value(prop, SH.datatype) or next(
        (d for a in alternatives for d in sg.objects(a, SH.datatype)), None)


def _compared(sg: Graph, prop, path) -> bool:
    """Whether the path takes part in a sh:lessThanOrEquals, on either side."""
    return (prop, SH.lessThanOrEquals, None) in sg or (None, SH.lessThanOrEquals, path) in sg


def _in(g, sg, prop, focus, path):
    _set(g, focus, path, KG.Event)  # a term of the ontology, never one of a list of allowed values


def _class(g, sg, prop, focus, path):
    _set(g, focus, path, UNTYPED)


def _node_kind(g, sg, prop, focus, path):
    _set(g, focus, path, Literal("not an IRI"))


def _pattern(g, sg, prop, focus, path):
    _set(g, focus, path, URIRef("http://www.wikidata.org/entity/P31"))


def _or(g, sg, prop, focus, path):
    """Fail every alternative: a string literal where datatypes are allowed, an untyped IRI for classes."""
    alternatives = Collection(sg, sg.value(prop, SH["or"]))
    datatypes = any((a, SH.datatype, None) in sg for a in alternatives)
    _set(g, focus, path, Literal("sometime", datatype=XSD.string) if datatypes else UNTYPED)


def _less_than_or_equals(g, sg, prop, focus, path):
    other = sg.value(prop, SH.lessThanOrEquals)
    end = int(g.value(focus, other))
    _set(g, focus, path, Literal(end + 1, datatype=XSD.integer))


def _qualified(g, sg, prop, focus, path):
    """Too few (qualifiedMinCount) and too many (qualifiedMaxCount) of the listed values:
    the focus gets none of them, and a second focus (the next one) gets two."""
    allowed = list(Collection(sg, sg.value(sg.value(prop, SH.qualifiedValueShape), SH["in"])))
    had = [v for v in _values(g, focus, path) if v in allowed]
    for v in had:
        g.remove((focus, path, v))
    second = next(s for s in sorted(g.subjects(path, None)) if s != focus and any(
        (s, path, v) in g for v in allowed))
    g.add((second, path, next(v for v in allowed if (second, path, v) not in g)))


BREAKERS = {  # a constraint parameter -> its breaks, each (what it does, beyond the parameter's name; how)
    SH.minCount: [("", _min_count)],
    SH.maxCount: [("", _max_count)],
    SH.datatype: [("", _datatype), (" ill-formed", _ill_formed)],
    SH["in"]: [("", _in)],
    SH["class"]: [("", _class)],
    SH.nodeKind: [("", _node_kind)],
    SH.pattern: [("", _pattern)],
    SH["or"]: [("", _or), (" ill-formed", _ill_formed)],
    SH.lessThanOrEquals: [("", _less_than_or_equals)],
    SH.qualifiedValueShape: [("", _qualified)],
}
