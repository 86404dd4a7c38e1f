"""Atomic writes and graph file reading shared by every command."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable

from rdflib import Dataset, Graph

from .errors import GraphReadError

TMP_MARK = ".kgtmp-"

FORMATS = {  # our name -> (rdflib format, file extensions)
    "turtle": ("turtle", (".ttl", ".turtle")),
    "nt": ("nt", (".nt", ".ntriples")),
    "jsonld": ("json-ld", (".jsonld", ".json")),
    "trig": ("trig", (".trig",)),
    "nquads": ("nquads", (".nq", ".nquads")),
    "xml": ("xml", (".rdf", ".owl", ".xml")),
}
QUAD_FORMATS = ("trig", "nquads")


def format_for(path: Path, explicit: str | None = None) -> str:
    """Our format name for a path, from an explicit choice or the file extension."""
    if explicit:
        if explicit not in FORMATS:
            raise GraphReadError(f"unknown format {explicit!r}; use one of: {', '.join(FORMATS)}")
        return explicit
    suffix = path.suffix.lower()
    for name, (_, exts) in FORMATS.items():
        if suffix in exts:
            return name
    return "turtle"


def temp_path(target: Path) -> Path:
    """The temporary file a write goes through: hidden, beside the target, named for it."""
    return target.with_name(f".{target.name}{TMP_MARK}{os.getpid()}")


def _alive(pid: int) -> bool:
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
            pid = p.name.rsplit(TMP_MARK, 1)[1]
            if pid.isdigit() and int(pid) != os.getpid() and _alive(int(pid)):
                continue
            try:
                p.unlink()
                removed.append(p)
            except OSError:
                pass
    return removed


def atomic_write(target: Path, data: bytes | Iterable[bytes]) -> None:
    """Write ``data`` (bytes, or pieces of it) to ``target`` so that readers see the old file or the new one, never half."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    clean_stale_temps(target)
    tmp = temp_path(target)
    try:
        with open(tmp, "wb") as fh:
            if isinstance(data, (bytes, bytearray)):
                fh.write(data)
            else:
                for piece in data:
                    fh.write(piece)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    finally:
        if tmp.exists():
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
            raise GraphReadError(f"{path}: cannot be read as {name}: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}") from exc
    return g
