"""SHACL validation as a report object (never raises on violations), by one of several engines.

pyshacl is the reference. Other engines are offered only where a test shows they report
the same violations as pyshacl on valid and deliberately broken graphs
(tests/test_validate_engines.py; speeds in bench/RESULTS.md). Every violation names the
events and articles it concerns, so a report on a million-article graph can be acted on.
Validation can run on chunks of events (``batches``, ``validate_chunk``) whose reports
``Report.merge`` combines into the report of the whole graph.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable

from rdflib import BNode, Graph, URIRef
from rdflib.namespace import RDF, SH

from .errors import KgError
from .vocab import EVENT_CLASSES, KG, SHAPES_FILE


@dataclass(frozen=True)
class Violation:
    """One failed constraint, with the events and source articles it concerns (IRIs, sorted)."""

    focus: str
    path: str
    message: str
    value: str = ""
    constraint: str = ""  # the SHACL constraint component, e.g. "MinCount"
    events: tuple[str, ...] = ()
    articles: tuple[str, ...] = ()

    def key(self) -> tuple[str, str, str, str, str]:
        """What makes two violations the same, whichever chunk or engine found them."""
        return (self.message, self.focus, self.path, self.value, self.constraint)


@dataclass
class Report:
    conforms: bool
    violations: list[Violation] = field(default_factory=list)

    @classmethod
    def merge(cls, reports: Iterable[Report]) -> Report:
        """One report from the reports of chunks: a violation seen in several chunks once,
        with the events and articles of every chunk; order independent of the chunks'."""
        conforms, found = True, {}
        for report in reports:
            conforms = conforms and report.conforms
            for v in report.violations:
                seen = found.get(v.key())
                found[v.key()] = v if seen is None else replace(
                    seen, events=_union(seen.events, v.events), articles=_union(seen.articles, v.articles))
        return cls(conforms, sorted(found.values(), key=Violation.key))

    def text(self, limit: int = 50) -> str:
        if self.conforms:
            return "conforms to ontology/shapes.ttl"
        lines = [f"{len(self.violations)} violation(s) of ontology/shapes.ttl:"]
        lines += [_describe(v) for v in self.violations[:limit]]
        if len(self.violations) > limit:
            lines.append(f"  ... and {len(self.violations) - limit} more")
        return "\n".join(lines)


def _describe(v: Violation, shown: int = 3) -> str:
    """A violation as a few indented lines; long lists of events or articles are cut to `shown`."""
    def listed(names: tuple[str, ...]) -> str:
        more = f" (and {len(names) - shown} more)" if len(names) > shown else ""
        return ", ".join(names[:shown]) + more

    parts = [f"  - {v.message}", f"focus: {v.focus}"]
    parts += [f"path: {v.path}"] if v.path else []
    parts += [f"value: {v.value}"] if v.value else []
    parts += [f"event: {listed(v.events)}"] if v.events else []
    parts += [f"article: {listed(v.articles)}"] if v.articles else []
    return "\n      ".join(parts)


def _union(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted(set(a) | set(b)))


@lru_cache(maxsize=1)
def shapes() -> Graph:
    return Graph().parse(SHAPES_FILE, format="turtle")


# ---------------------------------------------------------------- engines
# An engine validates an rdflib Graph and returns (conforms, findings); a finding is
# (focus, path, message, value, constraint) as plain strings: IRIs bare, literals by
# their lexical form, constraint components by local name without "ConstraintComponent".

Finding = tuple[str, str, str, str, str]


BLANK = "_:blank"  # every blank node, named alike: engines label them differently and kg makes none


def _component(iri: str) -> str:
    """'http://www.w3.org/ns/shacl#MinCountConstraintComponent' -> 'MinCount'."""
    return iri.rsplit("#", 1)[-1].removesuffix("ConstraintComponent")


def _term(node) -> str:
    return "" if node is None else BLANK if isinstance(node, BNode) else str(node)


@lru_cache(maxsize=1)
def _messages() -> frozenset[str]:
    return frozenset(str(m) for m in shapes().objects(None, SH.message))


def _message(text: str | None, constraint: str) -> str:
    """The shape's sh:message; where the shape gives none, one message whichever engine ran
    (each engine words its own default differently)."""
    return text if text in _messages() else f"{constraint} constraint violated"


def _finding(focus: str, path: str, message: str | None, value: str, component_iri: str) -> Finding:
    constraint = _component(component_iri)
    return (focus, path, _message(message, constraint), value, constraint)


def _findings_of_report_graph(results: Graph) -> list[Finding]:
    """Findings from a SHACL validation report graph (pyshacl's, and engines that mimic it)."""
    findings = []
    for result in results.subjects(RDF.type, SH.ValidationResult):
        path, message = results.value(result, SH.resultPath), results.value(result, SH.resultMessage)
        findings.append(_finding(_term(results.value(result, SH.focusNode)),
                                 _term(path) if isinstance(path, URIRef) else "",
                                 str(message) if message is not None else None,
                                 _term(results.value(result, SH.value)),
                                 _term(results.value(result, SH.sourceConstraintComponent))))
    return findings


def _pyshacl(data: Graph) -> tuple[bool, list[Finding]]:
    """The reference: pyshacl, no inference, all results."""
    from pyshacl import validate  # imported lazily: it is slow to import

    conforms, results, _ = validate(data, shacl_graph=shapes(), inference="none", advanced=False,
                                    allow_warnings=True, abort_on_first=False)
    return bool(conforms), _findings_of_report_graph(results)


def _ntriples_term(text: str | None, plain: str | None = None) -> str:
    """An engine's N-Triples term as kg's plain string: '<iri>' -> 'iri', a blank node -> BLANK,
    a literal -> its lexical form (`plain`, as the engine gives it)."""
    if not text:
        return ""
    if text.startswith("_:"):
        return BLANK
    return text[1:-1] if text.startswith("<") else (plain or "")


@lru_cache(maxsize=1)
def _rust_shapes():
    import shacl

    return shacl.Shapes.from_file(str(SHAPES_FILE))


def _rust_shacl(data: Graph | str) -> tuple[bool, list[Finding]]:
    """The `shacl` package (a SHACL engine in Rust), fed the graph as N-Triples."""
    from .export import nt_text

    text = data if isinstance(data, str) else nt_text(data)
    return _rust_findings(_rust_shapes().validate_text(text, format="ntriples", allow_warnings=True))


def _rust_shacl_file(path: Path) -> tuple[bool, list[Finding]]:
    """The `shacl` package reading a Turtle or N-Triples file itself, some ten times faster than rdflib."""
    return _rust_findings(_rust_shapes().validate_file(str(path), allow_warnings=True))


def _rust_findings(report) -> tuple[bool, list[Finding]]:
    return bool(report.conforms), [
        _finding(_ntriples_term(r.focus_node), _ntriples_term(r.path), r.message,
                 _ntriples_term(r.value, r.value_plain), r.component_iri)
        for r in report.results]


ENGINES: dict[str, tuple[Callable[[Graph], tuple[bool, list[Finding]]], str]] = {
    # name: (engine, the module it needs, for the error when it is missing)
    "pyshacl": (_pyshacl, "pyshacl"),
    "shacl": (_rust_shacl, "shacl"),
}
AUTO = "auto"  # the default: shacl where it is installed (kg[fast-shacl]), else pyshacl
DEFAULT_ENGINE = AUTO
TEXT_ENGINES = {"shacl"}  # also validate N-Triples text (validate_chunk) ...
FILE_ENGINES = {"shacl": (_rust_shacl_file, (".ttl", ".nt"))}  # ... and read these files themselves


def resolve(name: str) -> str:
    """The engine a name stands for ('auto': shacl where installed, else pyshacl), or an error
    that lists the known names or says how to install the engine."""
    if name == AUTO:
        return "shacl" if _installed("shacl") else "pyshacl"
    if name not in ENGINES:
        raise KgError(f"unknown SHACL engine {name!r}; known engines: {', '.join(sorted([AUTO, *ENGINES]))}")
    if not _installed(ENGINES[name][1]):
        raise KgError(f"the SHACL engine {name!r} is not installed; pip install 'kg[fast-shacl]' "
                      f"(or pip install {ENGINES[name][1]})")
    return name


def engine(name: str) -> Callable[[Graph], tuple[bool, list[Finding]]]:
    """The function of the named engine (see resolve)."""
    return ENGINES[resolve(name)][0]


def _installed(module: str) -> bool:
    from importlib.util import find_spec

    return find_spec(module) is not None


# ---------------------------------------------------------------- reports
def validate_graph(data: Graph, batched: bool = False, engine_name: str = DEFAULT_ENGINE) -> Report:
    """Validate a graph against ontology/shapes.ttl, whole or in batches of events.

    Whole-graph validation grows linearly here (bench/RESULTS.md), so it is the default;
    batches bound the memory an engine needs and can run in parallel.
    """
    if batched:
        return Report.merge(validate_chunk(b, engine_name) for b in batches(data))
    return validate_chunk(data, engine_name)


def validate_chunk(chunk: Graph | str, engine_name: str = DEFAULT_ENGINE) -> Report:
    """Validate one chunk: some events with their mentions, actors, places and articles (closed
    over what the shapes look at, as ``batches`` makes them), as a Graph or as N-Triples text.
    Combine the reports of a graph's chunks with ``Report.merge``.

    Text goes straight to an engine that reads it (TEXT_ENGINES) and is parsed into a Graph
    only when there are violations to name events and articles for.
    """
    name = resolve(engine_name)
    run = ENGINES[name][0]
    if isinstance(chunk, str) and name in TEXT_ENGINES:
        conforms, findings = run(chunk)
        return Report(True) if conforms and not findings else report_of(_parse_nt(chunk), conforms, findings)
    data = _parse_nt(chunk) if isinstance(chunk, str) else chunk
    return report_of(data, *run(data))


def validate_file(path: Path, engine_name: str = DEFAULT_ENGINE) -> Report:
    """Validate a graph file; an engine that reads the file itself (FILE_ENGINES) does, and the
    file is parsed by rdflib only to name the events and articles of violations, if any."""
    from .fileio import read_graph

    run_file, suffixes = FILE_ENGINES.get(resolve(engine_name), (None, ()))
    if Path(path).suffix.lower() not in suffixes:
        return validate_graph(read_graph(path), engine_name=engine_name)
    try:
        conforms, findings = run_file(path)
    except (OSError, ValueError):  # missing, or refused by its parser: rdflib says why (a line), or reads it
        return validate_graph(read_graph(path), engine_name=engine_name)
    return Report(True) if conforms and not findings else report_of(read_graph(path), conforms, findings)


def _parse_nt(text: str) -> Graph:
    return Graph().parse(data=text, format="nt")


def report_of(data: Graph, conforms: bool, findings: list[Finding]) -> Report:
    """An engine's findings on `data` as a Report: each with its events and articles, one
    violation per key, sorted."""
    return Report.merge([Report(conforms, [_with_context(data, f) for f in findings])])


def _with_context(data: Graph, finding: Finding) -> Violation:
    focus, path, message, value, constraint = finding
    events, articles = context(data, _node(focus))
    return Violation(focus, path, message, value, constraint, events, articles)


def _node(text: str):
    """The graph node a finding's focus names; a blank node cannot be found again (see BLANK)."""
    return None if text == BLANK else URIRef(text)


def _is_event(data: Graph, node) -> bool:
    return (node, KG.source, None) in data or (node, KG.mention, None) in data or any(
        (node, RDF.type, t) in data for t in EVENT_CLASSES.values())


def context(data: Graph, node) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The events and articles a violation on `node` concerns, as sorted IRIs.

    An event: itself and its sources. A mention: the events that cite it and its own
    article. An article: the events citing it and itself. Anything else (an actor, a
    place): the events that point at it and their sources. A blank node (None): nothing.
    """
    if node is None:
        return (), ()
    events = {node} if _is_event(data, node) else {s for s, _ in data.subject_predicates(node)
                                                    if _is_event(data, s)}
    articles = set(data.objects(node, KG.article)) if (None, KG.mention, node) in data else set()
    if (node, RDF.type, KG.Article) in data:
        articles = {node}
    articles = articles or {a for e in events for a in data.objects(e, KG.source)}
    return _iris(events), _iris(articles)


def _iris(nodes) -> tuple[str, ...]:
    return tuple(sorted(str(n) for n in nodes if isinstance(n, URIRef)))


def batches(data: Graph, events_per_batch: int = 2000):
    """Subgraphs that together hold every triple, each closed over what its shapes look at:
    a batch of events with their mentions, actors, places and articles; then the rest."""
    events = sorted({s for t in EVENT_CLASSES.values() for s in data.subjects(RDF.type, t)})
    covered: set = set()

    def closure(nodes) -> Graph:
        sub = Graph()
        todo, seen = list(nodes), set()
        while todo:
            n = todo.pop()
            if n in seen:
                continue
            seen.add(n)
            for p, o in data.predicate_objects(n):
                sub.add((n, p, o))
                if isinstance(o, URIRef) and p != RDF.type and p not in (KG.status,) and (o, None, None) in data:
                    todo.append(o)
        covered.update(seen)
        return sub

    for i in range(0, len(events), events_per_batch):
        yield closure(events[i:i + events_per_batch])
    rest = [s for s in set(data.subjects()) if s not in covered]
    if rest or not events:
        yield closure(sorted(rest))
