"""SHACL validation with pyshacl, as a report object (never raises on violations)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SH

from .vocab import SHAPES_FILE


@dataclass
class Violation:
    focus: str
    path: str
    message: str
    value: str = ""


@dataclass
class Report:
    conforms: bool
    violations: list[Violation] = field(default_factory=list)

    def text(self, limit: int = 50) -> str:
        if self.conforms:
            return "conforms to ontology/shapes.ttl"
        lines = [f"{len(self.violations)} violation(s) of ontology/shapes.ttl:"]
        for v in self.violations[:limit]:
            lines.append(f"  - {v.message}\n      focus: {v.focus}" + (f"\n      path: {v.path}" if v.path else "")
                         + (f"\n      value: {v.value}" if v.value else ""))
        if len(self.violations) > limit:
            lines.append(f"  ... and {len(self.violations) - limit} more")
        return "\n".join(lines)


@lru_cache(maxsize=1)
def shapes() -> Graph:
    return Graph().parse(SHAPES_FILE, format="turtle")


def _short(node) -> str:
    return str(node) if node is not None else ""




def batches(data: Graph, events_per_batch: int = 2000):
    """Subgraphs that together hold every triple, each closed over what its shapes look at:
    a batch of events with their mentions, actors, places and articles; then the rest."""
    from .vocab import EVENT_CLASSES, KG

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


def validate_graph(data: Graph, batched: bool = False) -> Report:
    """Validate a graph against ontology/shapes.ttl, whole or in batches of events.

    Whole-graph validation grows linearly here (bench/RESULTS.md), so it is the default;
    batches bound the memory pyshacl needs and can run in parallel.
    """
    if batched:
        reports = [validate_graph(b, batched=False) for b in batches(data)]
        violations = sorted({(v.focus, v.path, v.message, v.value): v for r in reports for v in r.violations}.values(),
                            key=lambda v: (v.message, v.focus, v.path, v.value))
        return Report(all(r.conforms for r in reports), violations)
    from pyshacl import validate  # imported lazily: it is slow to import

    conforms, results, _ = validate(data, shacl_graph=shapes(), inference="none", advanced=False,
                                    allow_warnings=True, abort_on_first=False)
    violations = []
    for result in results.subjects(RDF.type, SH.ValidationResult):
        message = results.value(result, SH.resultMessage)
        violations.append(Violation(
            focus=_short(results.value(result, SH.focusNode)),
            path=_short(results.value(result, SH.resultPath)) if isinstance(results.value(result, SH.resultPath), URIRef) else "",
            message=str(message) if message else "constraint violated",
            value=_short(results.value(result, SH.value)),
        ))
    violations.sort(key=lambda v: (v.message, v.focus, v.path, v.value))
    return Report(bool(conforms), violations)
