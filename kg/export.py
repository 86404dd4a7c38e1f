"""Deterministic serialization of graphs in the standard RDF formats.

Every format is written the same way for the same graph: subjects, predicates
and objects sorted, and the prefixes of ``vocab.PREFIXES`` always bound to the
same namespaces. JSON-LD carries a context that makes it read like plain JSON
(``"participant": ["kgid:person/Q7747"]``, ``"label": {"ar": …, "en": …}``);
TriG and N-Quads put each source article's claims in a named graph called by
the article's IRI, so provenance survives in any quad store.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from functools import lru_cache
from itertools import groupby
from operator import itemgetter
from pathlib import Path
from typing import Iterator

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, OWL, XSD

from .fileio import FORMATS, atomic_write, check_output, format_for, read_graph
from .vocab import KG, PREFIXES

# Turtle's PN_LOCAL is wider than this; this subset is valid in Turtle, TriG, SPARQL and JSON-LD alike.
_LOCAL = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*\Z")
_TERM = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
_BNODE = re.compile(r"[A-Za-z0-9_]+\Z")
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
# longest namespace first, so that a namespace nested in another gets its own prefix
_BY_LENGTH = sorted(PREFIXES.items(), key=lambda kv: -len(kv[1]))
KG_NS = str(KG._NS)
RDF_TYPE = RDF.type  # looked up once: a namespace attribute costs a call each time


def bind_prefixes(graph: Graph) -> Graph:
    """Bind kg's prefixes on ``graph`` (replacing whatever a parsed file declared for them)."""
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns, override=True, replace=True)
    return graph


@lru_cache(maxsize=1 << 16)  # predicates, classes and actors come back again and again
def curie(iri: str, safe: re.Pattern = _LOCAL) -> str | None:
    """``kg:Call`` for a kg IRI whose local part is safe to write as a prefixed name, else None.

    >>> curie("https://w3id.org/kg-events/ontology#Call")
    'kg:Call'
    >>> curie("https://w3id.org/kg-events/id/person/Q7747") is None
    True
    """
    for prefix, ns in _BY_LENGTH:
        if iri.startswith(ns) and safe.match(iri[len(ns):]):
            return f"{prefix}:{iri[len(ns):]}"
    return None


def term_key(term) -> tuple:
    """A total order on RDF terms: IRIs, then blank nodes, then literals."""
    if isinstance(term, Literal):
        return (2, str(term), str(term.datatype or ""), term.language or "")
    return (1 if isinstance(term, BNode) else 0, str(term), "", "")


# ---------------------------------------------------------------- Turtle-family terms

def _bnode(term: BNode) -> str:
    label = str(term)
    return "_:" + (label if _BNODE.match(label) else "b" + label.encode("utf-8").hex())


# every escape a Turtle/N-Triples string needs, as one table for str.translate
_STRING_TABLE = {**{c: f"\\u{c:04X}" for c in (*range(0x20), 0x7F)}, **{ord(k): v for k, v in _ESCAPES.items()}}


def _string(text: str) -> str:
    r"""A string literal's quoted form.

    >>> print(_string('say "hi"\n'))
    "say \"hi\"\n"
    """
    return '"' + text.translate(_STRING_TABLE) + '"'


def turtle_term(term) -> str:
    """One term in Turtle/TriG syntax with kg's prefixes.

    >>> from rdflib import Literal
    >>> turtle_term(Literal("2025-01", datatype=XSD.gYearMonth))
    '"2025-01"^^xsd:gYearMonth'
    """
    if isinstance(term, Literal):
        text = str(term)
        if term.language:
            return _string(text) + "@" + term.language
        dt = term.datatype
        if dt is None or dt == XSD.string:
            return _string(text)
        if dt == XSD.integer and re.fullmatch(r"-?(0|[1-9][0-9]*)", text):
            return text
        if dt == XSD.boolean and text in ("true", "false"):
            return text
        return _string(text) + "^^" + turtle_term(URIRef(dt))
    if isinstance(term, BNode):
        return _bnode(term)
    return curie(str(term)) or f"<{term}>"


def turtle_block(s, preds: dict, indent: str) -> str:
    """One subject and its predicates (each with a set of objects), Turtle style: ``s a C ; p o1, o2 .``"""
    lines = []
    for p in sorted(preds, key=lambda p: (p != RDF_TYPE, str(p))):
        objs = (",\n" + indent + " " * 8).join(turtle_term(o) for o in sorted(preds[p], key=term_key))
        lines.append(("a" if p == RDF_TYPE else turtle_term(p)) + " " + objs)
    return indent + turtle_term(s) + " " + (" ;\n" + indent + "    ").join(lines) + " ."


def _blocks(triples, indent: str) -> Iterator[str]:
    """Triples grouped by subject, Turtle style, one block at a time.

    From a Graph the blocks are read off its subject index, so writing a large
    graph costs little memory beyond the graph itself.
    """
    if isinstance(triples, Graph):
        graph = triples
        subjects = sorted(set(graph.subjects()), key=term_key)

        def preds_of(s):
            preds: dict = defaultdict(set)
            for p, o in graph.predicate_objects(s):
                preds[p].add(o)
            return preds
    else:
        by_subject: dict = defaultdict(lambda: defaultdict(set))
        for s, p, o in triples:
            by_subject[s][p].add(o)
        subjects = sorted(by_subject, key=term_key)
        preds_of = by_subject.__getitem__
    for s in subjects:
        yield turtle_block(s, preds_of(s), indent)


PREFIX_LINES = "\n".join(f"@prefix {p}: <{ns}> ." for p, ns in sorted(PREFIXES.items()))


def nt_term(term) -> str:
    """One term in N-Triples syntax (always one line, whatever the literal holds)."""
    if isinstance(term, Literal):
        text = _string(str(term))
        if term.language:
            return text + "@" + term.language
        if term.datatype is None or term.datatype == XSD.string:
            return text
        return f"{text}^^<{term.datatype}>"
    return _bnode(term) if isinstance(term, BNode) else f"<{term}>"


def nt_text(triples) -> str:
    """Triples as N-Triples lines, in the order given (what an engine reading N-Triples is fed)."""
    return "".join(f"{nt_term(s)} {nt_term(p)} {nt_term(o)} .\n" for s, p, o in triples)


# ---------------------------------------------------------------- named graphs per article

def article_partition(graph: Graph) -> dict:
    """Triples by the named graph they belong to: ``None`` for the default graph, else an article IRI.

    An article's graph holds the article's description, the mentions found in
    it and every event it reports (an event reported by two articles is in
    both); actors, the build record and the rest stay in the default graph.
    """
    home: dict = {}
    for art in graph.subjects(RDF.type, KG.Article):
        home[art] = {art}
    for mention, art in graph.subject_objects(KG.article):
        home.setdefault(mention, set()).add(art)
    for event, art in graph.subject_objects(KG.source):
        home.setdefault(event, set()).add(art)
    parts: dict = defaultdict(list)
    for t in graph:
        for g in home.get(t[0], (None,)):
            parts[g].append(t)
    return parts


def _trig(graph: Graph) -> str:
    parts = article_partition(graph)
    chunks = []
    if None in parts:
        chunks.append("\n\n".join(_blocks(parts[None], "")))
    for name in sorted((g for g in parts if g is not None), key=term_key):
        chunks.append(turtle_term(name) + " {\n" + "\n\n".join(_blocks(parts[name], "    ")) + "\n}")
    return PREFIX_LINES + "\n\n" + "\n\n".join(chunks) + "\n"


def _nquads(graph: Graph) -> str:
    lines = []
    for name, triples in article_partition(graph).items():
        suffix = " ." if name is None else f" {nt_term(name)} ."
        lines.extend(f"{nt_term(s)} {nt_term(p)} {nt_term(o)}{suffix}" for s, p, o in triples)
    return "\n".join(sorted(lines)) + "\n"


# ---------------------------------------------------------------- JSON-LD

NAMED = {str(RDFS.label): "label", str(OWL.sameAs): "sameAs"}  # readable terms for the common non-kg properties
RESERVED = {*NAMED.values(), *PREFIXES}
_ANY_LOCAL = re.compile(r"[^\s\"<>]+\Z")


def _kg_local(iri: str) -> str | None:
    local = iri[len(KG_NS):]
    if iri.startswith(KG_NS) and _TERM.match(local) and local not in RESERVED:
        return local
    return None


def _json_iri(term) -> str:
    return _bnode(term) if isinstance(term, BNode) else curie(str(term), _ANY_LOCAL) or str(term)


def _json_value(o):
    if not isinstance(o, Literal):
        return {"@id": _json_iri(o)}
    text = str(o)
    if o.language:
        return {"@value": text, "@language": o.language}
    dt = o.datatype
    if dt is None or dt == XSD.string:
        return text
    if dt == XSD.integer and re.fullmatch(r"0|-?[1-9][0-9]{0,14}", text):
        return int(text)  # a JSON number reads back as the same xsd:integer
    if dt == XSD.boolean and text in ("true", "false"):
        return text == "true"
    return {"@value": text, "@type": _json_iri(URIRef(dt))}


def _one_or_many(values: list):
    return values[0] if len(values) == 1 else values


def _json_property(p, objs: list) -> tuple[str, str, dict | None]:
    """The key a property is written under, how its values are written, and its context entry."""
    iri = str(p)
    if iri in NAMED:
        key, definition = NAMED[iri], {"@id": curie(iri)}
    elif _kg_local(iri):
        key, definition = _kg_local(iri), {}  # resolved through @vocab
    else:
        return curie(iri) or iri, "plain", None  # values carry their own types
    if all(not isinstance(o, Literal) for o in objs):
        return key, "id", definition | {"@type": "@id"}
    if any(o.language for o in objs) and all(o.language or o.datatype in (None, XSD.string) for o in objs):
        return key, "lang", definition | {"@container": "@language"}
    return key, "plain", definition or None


def _json_context(objects: dict) -> tuple[dict, dict]:
    """The context, and how each predicate is written, from each predicate's objects (or a sample
    of them holding every kind of term the predicate has: IRI, language string, each datatype)."""
    context: dict = {"@vocab": KG_NS, **PREFIXES}
    shape = {}
    for p, objs in objects.items():
        if p == RDF.type and all(not isinstance(o, Literal) for o in objs):
            continue  # written as @type
        key, kind, definition = _json_property(p, objs)
        shape[p] = (key, kind)
        if definition:
            context[key] = definition
    return context, shape


def _json_node(s, preds: dict, shape: dict) -> dict:
    """One node of ``@graph``: ``preds`` maps each predicate to its objects."""
    node: dict = {"@id": _json_iri(s)}
    for p, objs in preds.items():
        objs = sorted(set(objs), key=term_key)
        if p not in shape:
            node["@type"] = _one_or_many([_kg_local(str(o)) or _json_iri(o) for o in objs])
            continue
        key, kind = shape[p]
        if kind == "id":
            node[key] = _one_or_many([_json_iri(o) for o in objs])
        elif kind == "lang":
            by_lang: dict = defaultdict(list)
            for o in objs:
                by_lang[o.language or "@none"].append(str(o))
            node[key] = {lang: _one_or_many(v) for lang, v in by_lang.items()}
        else:
            node[key] = _one_or_many([_json_value(o) for o in objs])
    return node


def _jsonld(graph: Graph) -> str:
    objects: dict = defaultdict(list)
    nodes: dict = defaultdict(lambda: defaultdict(list))
    for s, p, o in graph:
        objects[p].append(o)
        nodes[s][p].append(o)
    context, shape = _json_context(objects)
    out = [_json_node(s, nodes[s], shape) for s in sorted(nodes, key=term_key)]
    return json.dumps({"@context": context, "@graph": out}, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


# ---------------------------------------------------------------- streamed, subject by subject

# A *source* tells a graph subject by subject without holding it: ``described(order)`` gives every
# subject once with a dict of its predicates to sets of objects, sorted as ``term_key`` sorts IRIs
# (``"term"``) or as N-Triples lines sort (``"nt"``); ``spool()`` a ``kg.spill.Spool`` to sort
# TriG's blocks by named graph in; ``graph()`` the whole rdflib Graph, for RDF/XML only
# (kg.spill.SpilledGraph, kg.graph.EventTriples). All subjects are IRIs.
# The writers below give the bytes ``serialize_graph`` gives for the graph of those triples.

def _nt_lines(s, preds: dict, homes=(None,)) -> list[str]:
    head = nt_term(s)
    suffixes = [" ." if g is None else f" {nt_term(g)} ." for g in homes]
    return sorted(f"{head} {nt_term(p)} {nt_term(o)}{suffix}" for p, objs in preds.items() for o in objs
                  for suffix in suffixes)


def _homes(s, preds: dict) -> set:
    """The named graphs ``article_partition`` puts ``s``'s triples in, from s's own triples."""
    homes = {s} if KG.Article in preds.get(RDF.type, ()) else set()
    homes |= preds.get(KG.article, set()) | preds.get(KG.source, set())
    return homes or {None}


def _described(source, order: str, tally: list[int]) -> Iterator[tuple]:
    """Each subject with its predicates, in ``order``; ``tally[0]`` counts their triples."""
    for s, preds in source.described(order):
        tally[0] += sum(map(len, preds.values()))
        yield s, preds


def _stream_turtle(source, tally: list[int]) -> Iterator[str]:
    yield PREFIX_LINES + "\n"
    for s, preds in _described(source, "term", tally):
        yield "\n" + turtle_block(s, preds, "") + "\n"


def _stream_lines(source, tally: list[int], quads: bool) -> Iterator[str]:
    # sorting subjects by "<iri> " sorts their lines as sorting all lines would: each line starts
    # with it, and no subject's is a prefix of another's
    written = False
    for s, preds in _described(source, "nt", tally):
        for line in _nt_lines(s, preds, _homes(s, preds) if quads else (None,)):
            written = True
            yield line + "\n"
    if not written:
        yield "\n"


def _stream_trig(source, tally: list[int]) -> Iterator[str]:
    """Each subject's block goes to a spool under each graph it is in (the default graph as ""),
    read back by graph, then subject."""
    with source.spool() as spool:
        for s, preds in _described(source, "term", tally):
            for g in _homes(s, preds):
                spool.add("" if g is None else str(g), str(s), turtle_block(s, preds, "" if g is None else "    "))
        yield PREFIX_LINES + "\n\n"
        sep = ""
        for g, rows in groupby(spool, key=itemgetter(0)):
            if g:
                yield sep + turtle_term(URIRef(g)) + " {\n"
            for i, (_, block) in enumerate(rows):
                yield ("\n\n" if i else "") + block
            yield "\n}" if g else ""
            sep = "\n\n"
    yield "\n"


def _term_kind(o) -> tuple:
    """What ``_json_property`` looks at in an object: IRI or literal, language, datatype."""
    return (isinstance(o, Literal), bool(getattr(o, "language", None)), getattr(o, "datatype", None))


def _stream_jsonld(source, tally: list[int]) -> Iterator[str]:
    samples: dict = defaultdict(dict)  # predicate -> one object of each kind it has
    subjects = 0
    for _, preds in _described(source, "term", tally):
        subjects += 1
        for p, objs in preds.items():
            for o in objs:
                samples[p].setdefault(_term_kind(o), o)
    context, shape = _json_context({p: list(kinds.values()) for p, kinds in samples.items()})
    dump = lambda value: json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True)  # noqa: E731
    if not subjects:
        yield dump({"@context": context, "@graph": []}) + "\n"
        return
    yield dump({"@context": context})[:-2] + ',\n  "@graph": [\n'
    sep = ""
    for s, preds in source.described("term"):
        node = dump(_json_node(s, preds, shape))
        yield sep + "    " + node.replace("\n", "\n    ")
        sep = ",\n"
    yield "\n  ]\n}\n"


STREAMED = {
    "turtle": _stream_turtle,
    "nt": lambda source, tally: _stream_lines(source, tally, quads=False),
    "nquads": lambda source, tally: _stream_lines(source, tally, quads=True),
    "trig": _stream_trig,
    "jsonld": _stream_jsonld,
}


def iter_streamed(source, fmt: str = "turtle", tally: list[int] | None = None,
                  piece: int = 1 << 20) -> Iterator[bytes]:
    """The bytes ``serialize_graph`` gives for ``source``'s triples, in pieces of about ``piece`` bytes.

    Every format but RDF/XML is written subject by subject from the source, so memory
    holds one subject at a time (TriG and JSON-LD first read every subject once, for
    the named graphs and the context). ``tally[0]``, when given, counts the triples written.
    RDF/XML is rdflib's: it needs the whole graph, and
    its order follows the order the graph was filled in.
    """
    tally = tally if tally is not None else [0]
    if fmt not in STREAMED:
        graph = bind_prefixes(source.graph())
        tally[0] += len(graph)
        yield serialize_graph(graph, fmt)
        return
    buf: list[str] = []
    size = 0
    for text in STREAMED[fmt](source, tally):
        buf.append(text)
        size += len(text)
        if size >= piece:
            yield "".join(buf).encode("utf-8")
            buf, size = [], 0
    if buf:
        yield "".join(buf).encode("utf-8")


def export_streamed(source, output: Path, fmt: str | None = None, tally: list[int] | None = None) -> str:
    """Write ``source``'s triples to ``output`` atomically (as ``export_graph`` would); returns the format.

    ``tally[0]`` counts the triples written.
    """
    name = format_for(Path(output), fmt, default=None)
    atomic_write(Path(output), iter_streamed(source, name, tally))
    return name


# ---------------------------------------------------------------- entry points

def iter_serialized(graph: Graph, fmt: str = "turtle") -> Iterator[bytes]:
    """``serialize_graph`` in pieces: Turtle is written subject by subject, without a copy of the graph."""
    if fmt != "turtle":
        yield serialize_graph(graph, fmt)
        return
    # our own writer: rdflib's Turtle serializer needs minutes for a few hundred thousand triples
    yield (PREFIX_LINES + "\n").encode("utf-8")
    for block in _blocks(graph, ""):
        yield ("\n" + block + "\n").encode("utf-8")


def serialize_graph(graph: Graph, fmt: str = "turtle") -> bytes:
    """Bytes of ``graph`` in format ``fmt``; the same graph always gives the same bytes."""
    if fmt == "turtle":
        return b"".join(iter_serialized(graph, fmt))
    if fmt == "trig":
        return _trig(graph).encode("utf-8")
    if fmt == "nquads":
        return _nquads(graph).encode("utf-8")
    if fmt == "jsonld":
        return _jsonld(graph).encode("utf-8")
    if fmt == "nt":
        lines = sorted(f"{nt_term(s)} {nt_term(p)} {nt_term(o)} ." for s, p, o in graph)
        return ("\n".join(lines) + "\n").encode("utf-8")
    rdflib_name = FORMATS[fmt][0]
    data = graph.serialize(format=rdflib_name, encoding="utf-8")
    return data if isinstance(data, bytes) else data.encode("utf-8")


def export_graph(graph: Graph, output: Path, fmt: str | None = None) -> str:
    """Write ``graph`` to ``output`` atomically, in ``fmt`` or the format its extension names; returns the format."""
    name = format_for(Path(output), fmt, default=None)
    atomic_write(Path(output), iter_serialized(bind_prefixes(graph), name))
    return name


def export_files(paths: list[Path], output: Path, fmt: str | None = None) -> tuple[str, int]:
    """Convert graph files (their union) to ``output``; returns the format written and the triple count."""
    check_output(output, paths)
    format_for(Path(output), fmt, default=None)
    graph = read_graph(*paths)
    return export_graph(graph, output, fmt), len(graph)
