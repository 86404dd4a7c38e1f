"""Atomic writes and graph file reading shared by every command."""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path
from typing import Iterable

from rdflib import Dataset, Graph

from .errors import GraphReadError, OutputError

TMP_MARK = ".kgtmp-"
_UMASK = os.umask(0o022)  # read once (os.umask can only be read by setting it) and put back
os.umask(_UMASK)

FORMATS = {  # our name -> (rdflib format, file extensions)
    "turtle": ("turtle", (".ttl", ".turtle")),
    "nt": ("nt", (".nt", ".ntriples")),
    "jsonld": ("json-ld", (".jsonld", ".json")),
    "trig": ("trig", (".trig",)),
    "nquads": ("nquads", (".nq", ".nquads")),
    "xml": ("xml", (".rdf", ".owl", ".xml")),
}
QUAD_FORMATS = ("trig", "nquads")


def format_for(path: Path, explicit: str | None = None, *, default: str | None = "turtle") -> str:
    """Our format name for a path, from an explicit choice or the file extension.

    An extension that names no format gives ``default``; with ``default=None`` it is an error
    (an output file is never written in a format its name does not say).
    """
    if explicit:
        if explicit not in FORMATS:
            raise GraphReadError(f"unknown format {explicit!r}; use one of: {', '.join(FORMATS)}")
        return explicit
    suffix = path.suffix.lower()
    for name, (_, exts) in FORMATS.items():
        if suffix in exts:
            return name
    if default is None:
        known = ", ".join(e for _, exts in FORMATS.values() for e in exts)
        raise OutputError(f"{path}: the extension {suffix or '(none)'!r} names no graph format; "
                          f"use one of {known} or say which with --format")
    return default


TEXT_SUFFIXES = (".txt", ".html", ".htm", ".jsonl")  # what kg reads as articles


def check_output(output: Path, inputs: Iterable[Path] = (), *, article_inputs: bool = False) -> None:
    """Refuse, before any work, an output that cannot or must not be written.

    A directory, a folder that cannot be created or written, one of the input files, or
    (when the inputs are article folders) an article file inside one of them.
    """
    output = Path(output)
    if output.is_dir():
        raise OutputError(f"{output}: is a directory; give a file name, e.g. {output / 'graph.ttl'}")
    parent = output.parent
    while not parent.exists() and parent != parent.parent:
        parent = parent.parent
    if not parent.is_dir():
        raise OutputError(f"{output}: cannot be created ({parent} is not a directory)")
    if not os.access(parent, os.W_OK | os.X_OK) or (output.exists() and not os.access(output, os.W_OK)):
        raise OutputError(f"{output}: not writable (permission denied)")
    real = output.resolve()
    for p in map(Path, inputs):
        src = p.resolve()
        if src == real:
            raise OutputError(f"{output}: is also an input; write the output to another file")
        if article_inputs and src.is_dir() and src in real.parents and real.suffix.lower() in TEXT_SUFFIXES:
            raise OutputError(f"{output}: is inside the input folder {p} and would be read as an article; "
                              "write the output elsewhere")


def _temp_pid(name: str) -> int | None:
    """The process id in a temporary file's name (``.graph.ttl.kgtmp-<pid>-<random>``)."""
    pid = name.rsplit(TMP_MARK, 1)[1].split("-", 1)[0]
    return int(pid) if pid.isdigit() else None


def process_alive(pid: int) -> bool:
    """Whether a process of that id runs (one of another user counts as running)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists, but belongs to someone else
        return True
    return True


def clean_stale_temps(target: Path) -> list[Path]:
    """Remove temporary files that a killed earlier run left beside ``target``.

    A temporary file whose process is still running (another kg writing the same
    target) is left alone; the last rename wins.
    """
    removed = []
    if target.parent.is_dir():
        for p in target.parent.glob(f".{target.name}{TMP_MARK}*"):
            pid = _temp_pid(p.name)
            if pid is not None and pid != os.getpid() and process_alive(pid):
                continue
            try:
                p.unlink()
                removed.append(p)
            except OSError:
                pass
    return removed


def atomic_write(target: Path, data: bytes | Iterable[bytes]) -> None:
    """Write ``data`` (bytes, or pieces of it) to ``target`` so that readers see the old file or the new one, never half.

    The temporary file is created new with an unpredictable name (O_CREAT|O_EXCL, as
    ``mkstemp`` does): a link planted beside the target is never followed.
    """
    target = Path(target)
    tmp = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        clean_stale_temps(target)
        fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}{TMP_MARK}{os.getpid()}-")
        tmp = Path(name)
        with os.fdopen(fd, "wb") as fh:
            if isinstance(data, (bytes, bytearray)):
                fh.write(data)
            else:
                for piece in data:
                    fh.write(piece)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o666 & ~_UMASK)  # mkstemp makes 0600; the output gets the usual mode
        os.replace(tmp, target)
        tmp = None
    except OSError as exc:
        raise OutputError(f"{target}: cannot be written ({exc.strerror or exc})") from exc
    finally:
        if tmp is not None and tmp.is_file():
            tmp.unlink()


def read_graph(*paths: Path, fmt: str | None = None) -> Graph:
    """Parse one or more graph files (format from the extension) into one graph (the union of all named graphs)."""
    g = Graph()
    for path in paths:
        path = Path(path)
        if not path.is_file():
            raise GraphReadError(f"{path}: no such file")
        name = format_for(path, fmt)
        try:
            if name in QUAD_FORMATS:  # a plain Graph would keep the default graph only
                ds = Dataset()
                ds.parse(path, format=FORMATS[name][0])
                for s, p, o, _ in ds.quads((None, None, None, None)):
                    g.add((s, p, o))
                continue
            g.parse(path, format=FORMATS[name][0])
        except Exception as exc:  # rdflib raises many parser-specific errors
            raise GraphReadError(f"{path}: cannot be read as {name}: {parser_reason(exc)}") from exc
    return g


_BAD_SYNTAX = re.compile(r"at line (\d+) of <[^>]*>:\s*Bad syntax \((.*?)\) at \^", re.DOTALL)


def parser_reason(exc: Exception) -> str:
    """What a parser said, on one line: rdflib's Turtle errors put the line first and the reason after.

    >>> parser_reason(SyntaxError('at line 3 of <>:\\nBad syntax (newline found in string literal) at ^ in:\\n"..."'))
    'line 3: newline found in string literal'
    """
    text = str(exc)
    m = _BAD_SYNTAX.search(text)
    if m:
        return f"line {m.group(1)}: {m.group(2)}"
    return next((ln.strip() for ln in text.splitlines() if ln.strip()), type(exc).__name__)
