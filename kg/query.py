"""SPARQL 1.1 queries over exported graph files, run by pyoxigraph.

pyoxigraph was chosen by measurement (bench/bench_query_diff.py, bench/RESULTS.md):
on a million triples it loads and answers a grouped count far faster than
rdflib's engine, which kg keeps for building graphs.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph

from .errors import GraphReadError, QueryError
from .export import curie, serialize_graph
from .fileio import format_for, parser_reason
from .vocab import PREFIXES

QUERY_FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")
UPDATE_FORMS = ("INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH")
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANGSTRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
_OXI_FORMATS = {"turtle": "TURTLE", "nt": "N_TRIPLES", "jsonld": "JSON_LD", "trig": "TRIG",
                "nquads": "N_QUADS", "xml": "RDF_XML"}
# white space and comments; a comment ends at a line feed or a carriage return (SPARQL 1.1, COMMENT)
_SPACE = re.compile(r"(?:\s+|#[^\r\n]*)*")
_PROLOGUE = re.compile(r"(?i)BASE(?:\s|#[^\r\n]*)*<[^>]*>|PREFIX(?:\s|#[^\r\n]*)*[^\s:#]*:(?:\s|#[^\r\n]*)*<[^>]*>")
_WORD = re.compile(r"[A-Za-z]+")
# what can hide the word SERVICE without it being the keyword: strings, IRIs, comments
_NOT_CODE = re.compile(r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n\r]|\\.)*"|\'(?:[^\'\\\n\r]|\\.)*\''
                       r'|<[^<>"{}|^`\\\s]*>|#[^\r\n]*')
_SERVICE = re.compile(r"(?<![\w:?$.\-])SERVICE(?![\w:\-])", re.IGNORECASE)
_ANY_LOCAL = re.compile(r"[^\s]+\Z")


@dataclass
class QueryResult:
    """What a query gave: rows for SELECT, a boolean for ASK, a graph for CONSTRUCT and DESCRIBE."""

    form: str
    variables: list[str] = field(default_factory=list)
    rows: list[tuple] = field(default_factory=list)  # pyoxigraph terms, None where unbound
    boolean: bool | None = None
    graph: Graph | None = None


def query_form(text: str) -> str:
    """The keyword after the prologue (BASE and PREFIX declarations, comments).

    >>> query_form("PREFIX kg: <https://w3id.org/kg-events/ontology#>  # events\\nselect * { ?s ?p ?o }")
    'SELECT'
    >>> query_form("INSERT DATA { <a> <b> <c> }")
    'INSERT'
    """
    pos = 0
    while True:
        pos = _SPACE.match(text, pos).end()
        m = _PROLOGUE.match(text, pos)
        if not m:
            break
        pos = m.end()
    m = _WORD.match(text, pos)
    return m.group(0).upper() if m else ""


def check_read_only(text: str) -> str:
    """The query's form; raises QueryError for an empty query or a SPARQL Update."""
    form = query_form(text)
    if not text[_SPACE.match(text).end():]:
        raise QueryError("the query is empty; give SELECT, ASK, CONSTRUCT or DESCRIBE")
    if form in UPDATE_FORMS:
        raise QueryError(f"{form} is a SPARQL Update; kg query only reads (SELECT, ASK, CONSTRUCT, DESCRIBE). "
                         "Exported files are not edited in place: change the articles and run kg build again.")
    return form


def uses_service(text: str) -> bool:
    """Whether a query calls a remote endpoint (SPARQL 1.1 federation, the SERVICE keyword).

    >>> uses_service('SELECT * { SERVICE <http://example.org/sparql> { ?s ?p ?o } }')
    True
    >>> uses_service('SELECT ?service { ?s ex:service "SERVICE" }  # no SERVICE here')
    False
    """
    return bool(_SERVICE.search(_NOT_CODE.sub(" ", text)))


def check_local(text: str, allow_service: bool = False) -> None:
    """Raises QueryError for a query that would reach the network, unless it is allowed."""
    if not allow_service and uses_service(text):
        raise QueryError("the query calls a remote endpoint (SERVICE); kg query reads local files only. "
                         "Give --allow-service to let it reach the network.")


def _oxi_format(name: str):
    import pyoxigraph as ox

    return getattr(ox.RdfFormat, _OXI_FORMATS[name], None)


def load_store(*paths: Path):
    """A pyoxigraph store holding the files; its default graph is the union of all their graphs.

    Triples of TriG and N-Quads files stay in their named graphs (for GRAPH
    queries) and are copied into the default graph too, so that a triple in
    two named graphs counts once, as in an RDF merge.
    """
    import pyoxigraph as ox

    store = ox.Store()
    quads = False
    for path in paths:
        path = Path(path)
        if not path.is_file():
            raise GraphReadError(f"{path}: no such file")
        name = format_for(path)
        fmt = _oxi_format(name)
        try:
            if fmt is None:  # an older pyoxigraph without this parser: rdflib reads, oxigraph stores
                from .fileio import read_graph
                data = read_graph(path).serialize(format="nt", encoding="utf-8")
                store.load(input=data, format=ox.RdfFormat.N_TRIPLES)
            else:
                store.load(path=str(path), format=fmt)
        except (SyntaxError, ValueError, OSError) as exc:
            raise GraphReadError(f"{path}: cannot be read as {name}: {parser_reason(exc)}") from exc
        quads = quads or name in ("trig", "nquads")
    if quads:
        store.update("INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
    return store


def run_query(store, text: str, *, allow_service: bool = False) -> QueryResult:
    """Run a read-only SPARQL query on a store made by ``load_store``; kg's prefixes are predeclared.

    A query with SERVICE (a remote endpoint) is refused unless ``allow_service``.
    """
    import pyoxigraph as ox

    form = check_read_only(text)
    check_local(text, allow_service)
    try:
        try:
            result = store.query(text, prefixes=PREFIXES)
        except TypeError:  # a pyoxigraph without predeclared prefixes: declare them in the query
            result = store.query("".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items()) + text)
        if isinstance(result, ox.QueryBoolean):
            return QueryResult("ASK", boolean=bool(result))
        if isinstance(result, ox.QuerySolutions):
            variables = [v.value for v in result.variables]
            return QueryResult("SELECT", variables, [tuple(sol[i] for i in range(len(variables))) for sol in result])
        data = result.serialize(format=ox.RdfFormat.N_TRIPLES).decode("utf-8")
    except SyntaxError as exc:
        raise QueryError(f"the query is not valid SPARQL 1.1: {exc}") from exc
    except (OSError, RuntimeError, ValueError) as exc:  # a remote endpoint failing, or the store
        raise QueryError(f"the query failed: {parser_reason(exc)}") from exc
    graph = Graph().parse(data=data, format="nt")
    return QueryResult(form if form in ("CONSTRUCT", "DESCRIBE") else "CONSTRUCT", graph=graph)


def query_files(paths: list[Path], text: str, *, allow_service: bool = False) -> QueryResult:
    """Load the files (their union) and run one read-only query over them."""
    check_read_only(text)
    check_local(text, allow_service)
    return run_query(load_store(*paths), text, allow_service=allow_service)


# ---------------------------------------------------------------- rendering

def display(term) -> str:
    """A term as a table shows it: prefixed IRIs, bare literal values, empty when unbound."""
    if term is None:
        return ""
    kind = type(term).__name__
    if kind == "NamedNode":
        return curie(term.value, _ANY_LOCAL) or term.value
    if kind == "BlankNode":
        return "_:" + term.value
    return term.value if kind == "Literal" else str(term)


def _json_term(term) -> dict:
    kind = type(term).__name__
    if kind == "NamedNode":
        return {"type": "uri", "value": term.value}
    if kind == "BlankNode":
        return {"type": "bnode", "value": term.value}
    if kind == "Literal":
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value not in (XSD_STRING, RDF_LANGSTRING):
            out["datatype"] = term.datatype.value
        return out
    return {"type": "literal", "value": str(term)}


def to_json(result: QueryResult) -> str:
    """SPARQL 1.1 Query Results JSON (https://www.w3.org/TR/sparql11-results-json/); JSON-LD for graphs."""
    if result.graph is not None:
        return serialize_graph(result.graph, "jsonld").decode("utf-8")
    if result.boolean is not None:
        return json.dumps({"head": {}, "boolean": result.boolean}) + "\n"
    bindings = [{v: _json_term(t) for v, t in zip(result.variables, row) if t is not None} for row in result.rows]
    return json.dumps({"head": {"vars": result.variables}, "results": {"bindings": bindings}},
                      ensure_ascii=False, indent=1) + "\n"


def to_csv(result: QueryResult) -> str:
    """SPARQL 1.1 Query Results CSV (https://www.w3.org/TR/sparql11-results-csv-tsv/); N-Triples for graphs."""
    if result.graph is not None:
        return serialize_graph(result.graph, "nt").decode("utf-8")
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    if result.boolean is not None:
        writer.writerow(["boolean"])
        writer.writerow(["true" if result.boolean else "false"])
        return buf.getvalue()
    writer.writerow(result.variables)
    for row in result.rows:
        writer.writerow(["" if t is None else ("_:" + t.value if type(t).__name__ == "BlankNode" else t.value)
                         for t in row])
    return buf.getvalue()


def to_turtle(result: QueryResult) -> str:
    """A graph result as Turtle with kg's prefixes."""
    from .export import bind_prefixes

    return serialize_graph(bind_prefixes(result.graph), "turtle").decode("utf-8")
