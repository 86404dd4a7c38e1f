"""A semantic diff of two graph files: events added, removed and changed field by field.

Both files are parsed by pyoxigraph and written back as canonical N-Triples
lines, so the triples that changed are a set difference. Only the events,
mentions and entities those triples touch are then looked at closely.

Events are matched across versions by their deterministic IRIs. An event
whose IRI changed is still the same event when

1. its date-independent identity (``graph.event_key``: type family, sorted
   participants, status) is the same and the two dates are compatible
   (``2025-01`` became ``2025-01-21``), or
2. it has the same type family and compatible dates and shares evidence with
   the other (the same article and character span), so a participant added or
   resolved by a better extractor is a change, not a removal plus an addition.

Graphs with blank nodes (made by other tools) are canonicalized with
rdflib.compare first: correct, but slower. Blank nodes then appear under
their canonical labels.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path

from rdflib import BNode, Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from .errors import DataError, GraphReadError
from .export import curie
from .models import FAMILY, DateValue
from .query import load_store
from .readback import SPECIFICITY, TYPE_OF
from .vocab import ACTOR_CLASSES, BASE, EVENT_CLASSES, ID, KG, WD

EVENT_IRI = re.compile(re.escape(str(ID)) + r"event/(?P<family>[^/]+)/(?P<date>[^/]+)/(?P<key>[0-9a-f]+)(?P<planned>-planned)?\Z")
SKOLEM = BASE + ".well-known/genid/"  # blank nodes of canonicalized graphs, as IRIs while diffing
_SKOLEM_NT = re.compile("<" + re.escape(SKOLEM) + r"([A-Za-z0-9_]+)>")
_ANY_LOCAL = re.compile(r"[^\s]+\Z")
EVENT_TYPES = {str(iri) for iri in EVENT_CLASSES.values()}
ACTOR_TYPES = {str(iri): name for name, iri in ACTOR_CLASSES.items()}
TYPE = str(RDF.type)


# ---------------------------------------------------------------- what users see

@dataclass
class Change:
    """One field of a changed event or entity: ``old`` → ``new``, or values ``added`` / ``removed``."""

    field: str
    old: str | None = None
    new: str | None = None
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


@dataclass
class EventView:
    """An event as a user reads it: type, date, status, who, where, from which articles."""

    id: str
    type: str | None
    date: str | None
    status: str | None
    participants: dict[str, str]  # IRI -> display label
    host: dict[str, str]
    visitor: dict[str, str]
    place: dict[str, str]
    organizer: dict[str, str]
    duration: str | None
    sources: list[str]  # article ids
    evidence: dict[tuple, str]  # (article id, start, end) -> sentence
    label: str | None = None

    @property
    def family(self) -> str | None:
        m = EVENT_IRI.match(self.id)
        return FAMILY.get(self.type) or (m.group("family") if m else None)

    def summary(self) -> dict:
        return {"id": public(self.id), "type": self.type, "date": self.date, "status": self.status,
                "participants": [{"id": public(k), "label": v} for k, v in sorted(self.participants.items())],
                "place": next(iter(self.place.values()), None), "sources": self.sources}


@dataclass
class EventChange:
    old: EventView
    new: EventView
    changes: list[Change]


@dataclass
class EntityView:
    id: str
    kind: str
    label: str


@dataclass
class GraphDiff:
    """Everything `kg diff` reports; render it with ``render_text``, ``render_markdown``, ``to_json`` or ``to_rdf_patch``."""

    old_path: str
    new_path: str
    added_events: list[EventView] = field(default_factory=list)
    removed_events: list[EventView] = field(default_factory=list)
    changed_events: list[EventChange] = field(default_factory=list)
    added_entities: list[EntityView] = field(default_factory=list)
    removed_entities: list[EntityView] = field(default_factory=list)
    changed_entities: list[tuple[EntityView, list[Change]]] = field(default_factory=list)
    classes: dict[str, tuple[int, int]] = field(default_factory=dict)  # class -> (old count, new count)
    event_counts: tuple[int, int] = (0, 0)
    triple_counts: tuple[int, int] = (0, 0)
    other: dict[str, tuple[int, int]] = field(default_factory=dict)  # subject class -> (triples added, removed)
    added_triples: list[str] = field(default_factory=list)  # N-Triples lines
    removed_triples: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def identical(self) -> bool:
        return not self.added_triples and not self.removed_triples


# ---------------------------------------------------------------- reading a version

class Snapshot:
    """One version of a graph: a pyoxigraph store for lookups and its triples as canonical N-Triples lines."""

    def __init__(self, path: Path, store):
        import pyoxigraph as ox

        self.path = path
        self.store = store
        data = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
        # canonical N-Triples put a blank node at a line's start or after "> "; a literal may look alike, so only a hint
        self._maybe_blank = data.startswith(b"_:") or b"\n_:" in data or b"> _:" in data
        self.lines = set(data.split(b"\n"))
        self.lines.discard(b"")
        self._ox = ox
        self._types: dict[str, set[str]] = {}

    @classmethod
    def load(cls, path: Path) -> "Snapshot":
        return cls(Path(path), load_store(path))

    @classmethod
    def canonical(cls, path: Path) -> "Snapshot":
        """Blank nodes renamed by rdflib.compare's canonical labels, then written as skolem IRIs."""
        import pyoxigraph as ox
        from rdflib.compare import to_canonical_graph

        from .fileio import read_graph

        g = to_canonical_graph(read_graph(path))
        skolem = Graph()
        for t in g:
            skolem.add(tuple(URIRef(SKOLEM + str(x)) if isinstance(x, BNode) else x for x in t))
        store = ox.Store()
        store.load(input=skolem.serialize(format="nt", encoding="utf-8"), format=ox.RdfFormat.N_TRIPLES)
        return cls(Path(path), store)

    def has_blank_nodes(self) -> bool:
        return self._maybe_blank and bool(self.store.query("ASK { ?s ?p ?o FILTER(isBlank(?s) || isBlank(?o)) }"))

    # lookups, all in the default graph (the union of the file's graphs)
    def objects(self, s: str, p: str) -> list:
        ox = self._ox
        return [q.object for q in self.store.quads_for_pattern(ox.NamedNode(s), ox.NamedNode(p), None, ox.DefaultGraph())]

    def subjects(self, p: str, o: str) -> list[str]:
        ox = self._ox
        return [q.subject.value for q in self.store.quads_for_pattern(None, ox.NamedNode(p), ox.NamedNode(o), ox.DefaultGraph())]

    def iris(self, s: str, p: str) -> list[str]:
        return sorted(o.value for o in self.objects(s, p) if type(o).__name__ == "NamedNode")

    def value(self, s: str, p: str) -> str | None:
        values = sorted(o.value for o in self.objects(s, p))
        return values[0] if values else None

    def types(self, s: str) -> set[str]:
        if s not in self._types:
            self._types[s] = set(self.iris(s, TYPE))
        return self._types[s]

    def is_event(self, s: str) -> bool:
        return bool(self.types(s) & EVENT_TYPES)

    def label(self, s: str) -> str:
        labels = {}
        for lit in sorted(self.objects(s, str(RDFS.label)), key=lambda x: x.value):
            labels.setdefault(getattr(lit, "language", None), lit.value)
        name = labels.get("en") or labels.get("ar") or labels.get(None) or next(iter(labels.values()), None)
        wd = next((o[len(str(WD)):] for o in self.iris(s, str(OWL.sameAs)) if o.startswith(str(WD))), None)
        name = name or short(s)
        return f"{name} ({wd})" if wd and wd not in name else name

    def labelled(self, s: str, p: str) -> dict[str, str]:
        return {o: self.label(o) for o in self.iris(s, p)}

    def article_id(self, art: str) -> str:
        return self.value(art, str(KG.articleId)) or art.rsplit("/", 1)[-1]

    def event(self, s: str) -> EventView:
        types = {TYPE_OF[URIRef(t)] for t in self.types(s) if URIRef(t) in TYPE_OF}
        status = self.value(s, str(KG.status))
        evidence = {}
        for m in self.iris(s, str(KG.mention)):
            art = self.value(m, str(KG.article))
            span = (self.article_id(art) if art else "?", int(self.value(m, str(KG.startOffset)) or 0),
                    int(self.value(m, str(KG.endOffset)) or 0))
            evidence[span] = self.value(m, str(KG.evidence)) or ""
        labels = [o.value for o in self.objects(s, str(RDFS.label)) if getattr(o, "language", None) in ("en", None)]
        return EventView(
            id=s, type=next((t for t in SPECIFICITY if t in types), None),
            date=self.value(s, str(KG.date)), status=status.rsplit("#", 1)[-1] if status else None,
            participants=self.labelled(s, str(KG.participant)), host=self.labelled(s, str(KG.host)),
            visitor=self.labelled(s, str(KG.visitor)), place=self.labelled(s, str(KG.place)),
            organizer=self.labelled(s, str(KG.organizer)), duration=self.value(s, str(KG.duration)),
            sources=sorted({self.article_id(a) for a in self.iris(s, str(KG.source))}),
            evidence=evidence, label=min(labels) if labels else None)

    def events_of_mention(self, m: str) -> list[str]:
        return self.subjects(str(KG.mention), m)

    def class_counts(self) -> dict[str, int]:
        rows = self.store.query("SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?c } GROUP BY ?c")
        return {row["c"].value: int(row["n"].value) for row in rows if type(row["c"]).__name__ == "NamedNode"}

    def event_count(self) -> int:
        values = " ".join(f"<{t}>" for t in sorted(EVENT_TYPES))
        rows = list(self.store.query(f"SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {{ VALUES ?t {{ {values} }} ?e a ?t }}"))
        return int(rows[0]["n"].value)


def public(iri: str) -> str:
    """An IRI as JSON shows it: blank nodes of canonicalized graphs by their label, other IRIs in full."""
    return "_:" + iri[len(SKOLEM):] if iri.startswith(SKOLEM) else iri


def short(iri: str) -> str:
    """An IRI as text output shows it (kg's prefixes, blank nodes by label)."""
    if iri.startswith(SKOLEM):
        return public(iri)
    return curie(iri, _ANY_LOCAL) or iri


def _read_pair(old: Path, new: Path) -> tuple[Snapshot, Snapshot]:
    for p in (old, new):
        if not Path(p).is_file():
            raise GraphReadError(f"{p}: no such file")
    with ThreadPoolExecutor(2) as pool:  # pyoxigraph parses without the GIL: both files at once
        a, b = pool.map(Snapshot.load, (old, new))
    return a, b


def _parse_lines(lines) -> list[tuple[str, str, object]]:
    import pyoxigraph as ox

    if not lines:
        return []
    quads = ox.parse(input=b"\n".join(lines), format=ox.RdfFormat.N_TRIPLES)
    return [(q.subject.value, q.predicate.value, q.object) for q in quads]


# ---------------------------------------------------------------- comparing

def _compatible(a: str | None, b: str | None) -> bool:
    if a is None or b is None or a == b:
        return True
    try:
        return DateValue.parse(a).compatible(DateValue.parse(b))
    except ValueError:
        return False


def _identity(iri: str) -> tuple | None:
    m = EVENT_IRI.match(iri)
    return (m.group("family"), m.group("key"), bool(m.group("planned"))) if m else None


def match_events(removed: list[EventView], added: list[EventView]) -> list[tuple[EventView, EventView]]:
    """Pairs (old, new) of events whose IRIs differ but that are the same event (see the module's doc)."""
    by_identity, by_span = defaultdict(list), defaultdict(list)
    for j, e in enumerate(added):
        by_identity[_identity(e.id)].append(j)
        for span in e.evidence:
            by_span[span].append(j)
    candidates = []
    for i, o in enumerate(removed):
        ident = _identity(o.id)
        near = set(by_identity.get(ident, []) if ident else []) | {j for s in o.evidence for j in by_span.get(s, [])}
        for j in near:
            n = added[j]
            same_key = ident is not None and ident == _identity(n.id)
            shared = len(set(o.evidence) & set(n.evidence))
            if o.family != n.family or not _compatible(o.date, n.date) or not (same_key or shared):
                continue
            score = (same_key, shared, len(set(o.participants) & set(n.participants)))
            candidates.append((score, o.id, n.id, i, j))
    candidates.sort(key=lambda c: (tuple(-x for x in c[0]), c[1], c[2]))
    used_old, used_new, pairs = set(), set(), []
    for _, _, _, i, j in candidates:
        if i not in used_old and j not in used_new:
            used_old.add(i)
            used_new.add(j)
            pairs.append((removed[i], added[j]))
    return pairs


def _set_change(name: str, old: dict | list, new: dict | list) -> Change | None:
    if isinstance(old, dict):
        added = sorted(new[k] for k in set(new) - set(old))
        removed = sorted(old[k] for k in set(old) - set(new))
    else:
        added, removed = sorted(set(new) - set(old)), sorted(set(old) - set(new))
    return Change(name, added=added, removed=removed) if added or removed else None


def _evidence_text(span: tuple, text: str) -> str:
    return f"{span[0]}:{span[1]}-{span[2]} {text}"


def event_changes(o: EventView, n: EventView) -> list[Change]:
    """Field by field: what differs between two versions of one event."""
    changes = []
    if o.id != n.id:
        changes.append(Change("id", short(o.id), short(n.id)))
    for name in ("type", "date", "status", "duration"):
        if getattr(o, name) != getattr(n, name):
            changes.append(Change(name, getattr(o, name), getattr(n, name)))
    for name in ("participants", "host", "visitor"):
        if c := _set_change(name, getattr(o, name), getattr(n, name)):
            changes.append(c)
    for name in ("place", "organizer"):
        a, b = getattr(o, name), getattr(n, name)
        if set(a) != set(b):
            changes.append(Change(name, ", ".join(sorted(a.values())) or None, ", ".join(sorted(b.values())) or None))
    if c := _set_change("sources", o.sources, n.sources):
        changes.append(c)
    old_ev = {_evidence_text(s, t) for s, t in o.evidence.items()}
    new_ev = {_evidence_text(s, t) for s, t in n.evidence.items()}
    if c := _set_change("evidence", old_ev, new_ev):
        changes.append(c)
    if not changes and o.label != n.label:
        changes.append(Change("label", o.label, n.label))
    return changes


def diff_files(old: Path, new: Path) -> GraphDiff:
    """Compare two graph files (any RDF format kg reads) at the level of events and entities."""
    a, b = _read_pair(old, new)
    result = GraphDiff(str(old), str(new))
    if a.has_blank_nodes() or b.has_blank_nodes():
        result.notes.append("blank nodes found: matched with rdflib.compare (canonical labels), which is slower")
        with ThreadPoolExecutor(2) as pool:
            a, b = pool.map(Snapshot.canonical, (old, new))
    removed_lines, added_lines = a.lines - b.lines, b.lines - a.lines
    result.removed_triples = sorted(x.decode("utf-8") for x in removed_lines)
    result.added_triples = sorted(x.decode("utf-8") for x in added_lines)
    counts_a, counts_b = a.class_counts(), b.class_counts()
    result.classes = {c: (counts_a.get(c, 0), counts_b.get(c, 0)) for c in sorted(set(counts_a) | set(counts_b))}
    result.event_counts = (a.event_count(), b.event_count())
    result.triple_counts = (len(a.lines), len(b.lines))
    if result.identical:
        return result
    removed, added = _parse_lines(removed_lines), _parse_lines(added_lines)
    _events(result, a, b, removed, added)
    _entities(result, a, b, removed, added)
    _other(result, a, b, removed, added)
    return result


def _touched_events(side: Snapshot, triples) -> set[str]:
    touched = set()
    for s in {t[0] for t in triples}:
        types = side.types(s)
        if types & EVENT_TYPES:
            touched.add(s)
        elif str(KG.Mention) in types or side.objects(s, str(KG.article)):
            touched.update(e for e in side.events_of_mention(s) if side.is_event(e))
    return touched


def _events(result: GraphDiff, a: Snapshot, b: Snapshot, removed, added) -> None:
    old_ids, new_ids = _touched_events(a, removed), _touched_events(b, added)
    # an event touched on one side only is still looked at on the other
    new_ids |= {e for e in old_ids if b.is_event(e)}
    old_ids |= {e for e in new_ids if a.is_event(e)}
    both = sorted(old_ids & new_ids)
    gone = [a.event(e) for e in sorted(old_ids - new_ids)]
    came = [b.event(e) for e in sorted(new_ids - old_ids)]
    pairs = match_events(gone, came)
    paired_old, paired_new = {o.id for o, _ in pairs}, {n.id for _, n in pairs}
    changed = [(a.event(e), b.event(e)) for e in both] + pairs
    for o, n in changed:
        changes = event_changes(o, n) or [_triple_change(a, b, o.id, n.id, removed, added)]
        result.changed_events.append(EventChange(o, n, changes))
    result.changed_events.sort(key=lambda c: (c.new.date or "", c.new.type or "", c.new.id))
    result.removed_events = sorted((e for e in gone if e.id not in paired_old), key=lambda e: (e.date or "", e.id))
    result.added_events = sorted((e for e in came if e.id not in paired_new), key=lambda e: (e.date or "", e.id))


def _triple_change(a: Snapshot, b: Snapshot, old_id: str, new_id: str, removed, added) -> Change:
    """For a change no field shows (a mention's trigger, an extractor version): the predicates that changed."""
    near_old = {old_id, *a.iris(old_id, str(KG.mention))}
    near_new = {new_id, *b.iris(new_id, str(KG.mention))}
    return Change("triples", added=sorted({short(p) for s, p, _ in added if s in near_new}),
                  removed=sorted({short(p) for s, p, _ in removed if s in near_old}))


def _entities(result: GraphDiff, a: Snapshot, b: Snapshot, removed, added) -> None:
    def kind(side, s):
        return next((ACTOR_TYPES[t] for t in sorted(side.types(s)) if t in ACTOR_TYPES), None)

    subjects = {t[0] for t in removed} | {t[0] for t in added}
    for s in sorted(subjects):
        ka, kb = kind(a, s), kind(b, s)
        if ka and not kb:
            result.removed_entities.append(EntityView(s, ka, a.label(s)))
        elif kb and not ka:
            result.added_entities.append(EntityView(s, kb, b.label(s)))
        elif ka and kb:
            changes = [Change("label", a.label(s), b.label(s))] if a.label(s) != b.label(s) else []
            if ka != kb:
                changes.append(Change("class", ka, kb))
            if changes:
                result.changed_entities.append((EntityView(s, kb, b.label(s)), changes))


def _other(result: GraphDiff, a: Snapshot, b: Snapshot, removed, added) -> None:
    """Triples outside events, mentions and entities, counted by their subject's class (build, articles…)."""
    skip = {e.id for e in result.added_events + result.removed_events}
    skip |= {x.id for c in result.changed_events for x in (c.old, c.new)}
    counts: dict = defaultdict(lambda: [0, 0])
    for side, triples, col in ((b, added, 0), (a, removed, 1)):
        for s, _, _ in triples:
            types = side.types(s)
            if s in skip or types & (EVENT_TYPES | set(ACTOR_TYPES) | {str(KG.Mention)}):
                continue
            cls = min((short(t) for t in types), default="(untyped)")
            counts[cls][col] += 1
    result.other = {k: tuple(v) for k, v in sorted(counts.items())}


# ---------------------------------------------------------------- rendering

def _event_line(e: EventView) -> str:
    status = " (planned)" if e.status == "planned" else ""
    return f"{(e.type or '?') + status:<19} {e.date or 'undated':<10}  {', '.join(sorted(e.participants.values()))}"


def _change_lines(c: Change, clip: int | None = 100) -> list[str]:
    def cut(s: str) -> str:
        return s if clip is None or len(s) <= clip else s[: clip - 1] + "…"

    if c.added or c.removed:
        return [f"{c.field}: + {cut(v)}" for v in c.added] + [f"{c.field}: - {cut(v)}" for v in c.removed]
    return [f"{c.field}: {c.old or '—'} → {c.new or '—'}"]


def _summary(d: GraphDiff) -> str:
    (eo, en) = d.event_counts
    return (f"events: {len(d.added_events)} added, {len(d.removed_events)} removed, {len(d.changed_events)} changed "
            f"({eo} → {en}); entities: {len(d.added_entities)} added, {len(d.removed_entities)} removed; "
            f"triples: +{len(d.added_triples)} -{len(d.removed_triples)}")


def render_text(d: GraphDiff) -> str:
    """The readable report: one line per event (+ added, - removed, ~ changed) and its changed fields."""
    if d.identical:
        return f"{d.old_path} and {d.new_path} hold the same graph ({d.triple_counts[0]} triples, {d.event_counts[0]} events)\n"
    out = [f"--- {d.old_path}", f"+++ {d.new_path}", _summary(d), ""]
    for e in d.added_events:
        out += [f"+ {_event_line(e)}", f"    {short(e.id)}"]
    for e in d.removed_events:
        out += [f"- {_event_line(e)}", f"    {short(e.id)}"]
    for c in d.changed_events:
        out.append(f"~ {_event_line(c.new)}")
        out += [f"    {line}" for ch in c.changes for line in _change_lines(ch)]
    if d.added_entities or d.removed_entities or d.changed_entities:
        out.append("")
        out += [f"+ {e.kind:<19} {e.label}" for e in d.added_entities]
        out += [f"- {e.kind:<19} {e.label}" for e in d.removed_entities]
        for e, changes in d.changed_entities:
            out.append(f"~ {e.kind:<19} {e.label}")
            out += [f"    {line}" for ch in changes for line in _change_lines(ch)]
    if d.classes:
        out += ["", f"{'class':<24} {'old':>9} {'new':>9} {'change':>8}"]
        out += [f"{short(c):<24} {o:>9} {n:>9} {format(n - o, '+') if n != o else '':>8}".rstrip()
                for c, (o, n) in d.classes.items()]
    if d.other:
        out += ["", "other triples: " + ", ".join(f"{c} +{x} -{y}" for c, (x, y) in d.other.items())]
    return "\n".join(out) + "\n"


def render_markdown(d: GraphDiff) -> str:
    """Release notes: sections of bullet lists and a table of counts."""
    out = [f"## Graph changes: `{Path(d.old_path).name}` → `{Path(d.new_path).name}`", ""]
    if d.identical:
        return "\n".join(out + ["No changes.", ""])
    out += [_summary(d), ""]

    def bullet(e: EventView) -> str:
        status = " (planned)" if e.status == "planned" else ""
        return f"- **{e.type}**{status}, {e.date or 'undated'}: {', '.join(sorted(e.participants.values()))}"

    for title, events in (("Added events", d.added_events), ("Removed events", d.removed_events)):
        if events:
            out += [f"### {title}", ""] + [bullet(e) for e in events] + [""]
    if d.changed_events:
        out += ["### Changed events", ""]
        for c in d.changed_events:
            out.append(bullet(c.new))
            out += [f"  - {line}" for ch in c.changes for line in _change_lines(ch)]
        out.append("")
    if d.added_entities or d.removed_entities or d.changed_entities:
        out += ["### Entities", ""]
        out += [f"- added {e.kind} {e.label}" for e in d.added_entities]
        out += [f"- removed {e.kind} {e.label}" for e in d.removed_entities]
        out += [f"- changed {e.kind} {e.label}: " + "; ".join(line for ch in changes for line in _change_lines(ch))
                for e, changes in d.changed_entities]
        out.append("")
    out += ["### Counts", "", "| class | old | new | change |", "| --- | ---: | ---: | ---: |"]
    out += [f"| `{short(c)}` | {o} | {n} | {n - o:+d} |" for c, (o, n) in d.classes.items()]
    return "\n".join(out) + "\n"


def _change_json(c: Change) -> dict:
    return {k: v for k, v in asdict(c).items() if v not in (None, [])}


def _entity_json(e: EntityView) -> dict:
    return {"id": public(e.id), "kind": e.kind, "label": e.label}


def to_json(d: GraphDiff) -> str:
    """The diff as one JSON object (stable keys, sorted lists)."""
    doc = {
        "old": d.old_path, "new": d.new_path, "identical": d.identical,
        "events": {
            "count": {"old": d.event_counts[0], "new": d.event_counts[1]},
            "added": [e.summary() for e in d.added_events],
            "removed": [e.summary() for e in d.removed_events],
            "changed": [{"old": c.old.summary(), "new": c.new.summary(), "changes": [_change_json(ch) for ch in c.changes]}
                        for c in d.changed_events],
        },
        "entities": {
            "added": [_entity_json(e) for e in d.added_entities],
            "removed": [_entity_json(e) for e in d.removed_entities],
            "changed": [_entity_json(e) | {"changes": [_change_json(ch) for ch in changes]}
                        for e, changes in d.changed_entities],
        },
        "classes": {c: {"old": o, "new": n} for c, (o, n) in d.classes.items()},
        "triples": {"added": len(d.added_triples), "removed": len(d.removed_triples)},
        "other": {c: {"added": x, "removed": y} for c, (x, y) in d.other.items()},
        "notes": d.notes,
    }
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"


def _patch_term_line(line: str) -> str:
    return _SKOLEM_NT.sub(r"_:\1", line)


def to_rdf_patch(d: GraphDiff) -> str:
    """RDF Patch (https://afs.github.io/rdf-patch/): one transaction deleting then adding triples."""
    rows = ["TX ."]
    rows += ["D " + _patch_term_line(t) for t in d.removed_triples]
    rows += ["A " + _patch_term_line(t) for t in d.added_triples]
    rows.append("TC .")
    return "\n".join(rows) + "\n"


_PATCH_BNODE = re.compile(r'(?<![<"\w])_:([A-Za-z0-9_]+)')


def apply_patch(graph: Graph, patch: str) -> Graph:
    """Apply an RDF Patch of triples to ``graph`` in place (blank nodes keep their labels); returns it."""
    adds, deletes, open_tx = [], [], False
    for n, row in enumerate(patch.splitlines(), 1):
        row = row.strip()
        if not row or row.startswith("#"):
            continue
        code, _, rest = row.partition(" ")
        if code == "TX":
            open_tx = True
        elif code in ("TC", "TA"):
            if code == "TA":
                adds, deletes = [], []
            open_tx = False
        elif code in ("A", "D"):
            (adds if code == "A" else deletes).append(_PATCH_BNODE.sub(lambda m: f"<{SKOLEM}{m.group(1)}>", rest))
        elif code not in ("H", "PA", "PD"):
            raise DataError(f"RDF Patch line {n}: unknown row {code!r}; expected H, TX, TC, TA, PA, PD, A or D")
    if open_tx:
        raise DataError("RDF Patch: the transaction is not closed (no TC row)")

    def parse(rows: list[str]) -> list[tuple]:
        g = Graph().parse(data="\n".join(rows), format="nt") if rows else Graph()
        return [tuple(BNode(x[len(SKOLEM):]) if isinstance(x, URIRef) and str(x).startswith(SKOLEM) else x for x in t)
                for t in g]

    for t in parse(deletes):
        graph.remove(t)
    for t in parse(adds):
        graph.add(t)
    return graph
