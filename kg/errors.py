"""The library's errors; the CLI maps them to messages and exit codes."""


class KgError(Exception):
    """Base class: a problem the user can act on, with a message that says how."""

    exit_code = 2


class InputError(KgError):
    """An input file or record cannot be used (unreadable, empty, malformed)."""

    def __init__(self, source: str, reason: str):
        self.source = source
        self.reason = reason
        super().__init__(f"{source}: {reason}")


class DataError(KgError):
    """A data file shipped with kg or given by the user (gazetteer, manifest) is malformed."""


class OutputError(KgError):
    """An output file cannot or must not be written (a directory, unwritable, one of the inputs)."""


class GraphReadError(KgError):
    """A graph file cannot be read or parsed."""


class ValidationFailed(KgError):
    """A graph does not conform to the SHACL shapes."""

    exit_code = 1

    def __init__(self, report_text: str):
        self.report_text = report_text
        super().__init__("the graph does not conform to ontology/shapes.ttl:\n" + report_text)


class QueryError(KgError):
    """A SPARQL query cannot be run: empty, malformed, or an update."""


class ModelError(KgError):
    """A graph holds triples the Neo4j property-graph model cannot store without loss."""


class ConnectionFailed(KgError):
    """The graph database cannot be reached, or refused the credentials or the database name."""

    exit_code = 3


class ServerError(KgError):
    """The graph database rejected a query or a schema change."""

    exit_code = 3
