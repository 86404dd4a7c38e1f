"""Deterministic serialization of graphs in the standard RDF formats."""

from __future__ import annotations

from rdflib import Graph

from .fileio import FORMATS


def serialize_graph(graph: Graph, fmt: str = "turtle") -> bytes:
    """Bytes of ``graph`` in format ``fmt``; the same graph always gives the same bytes."""
    rdflib_name = FORMATS[fmt][0]
    if fmt in ("nt", "nquads"):
        text = graph.serialize(format=rdflib_name, encoding="utf-8").decode("utf-8")
        lines = sorted(line for line in text.splitlines() if line.strip())
        return ("\n".join(lines) + "\n").encode("utf-8")
    data = graph.serialize(format=rdflib_name, encoding="utf-8")
    return data if isinstance(data, bytes) else data.encode("utf-8")
