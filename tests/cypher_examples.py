"""The example Cypher files (queries/*.cypher) and what each should return, computed from the RDF graph.

Used by the tests against Neo4j (tests/test_neo4j_queries.py) and the Browser test. The expected
rows come from the graph with rdflib, never from a hard-coded extractor output.
"""

from __future__ import annotations

import ast
import datetime as dt
import re
from collections import Counter
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from kg.models import DateValue
from kg.vocab import EVENT_CLASSES, KG

QUERIES = Path(__file__).resolve().parent.parent / "queries"
TYPE_OF = {v: k for k, v in EVENT_CLASSES.items()}
_PARAM = re.compile(r"\s*:param\s+(\w+)\s*=>\s*(.+?)\s*;?\s*$")


def read_cypher(path: Path) -> tuple[dict, str]:
    """The ``:param`` defaults of a file and its query, as a user pastes them into Neo4j Browser."""
    params, lines = {}, []
    for line in path.read_text(encoding="utf-8").splitlines():
        m = _PARAM.match(line)
        if m:
            params[m.group(1)] = ast.literal_eval(m.group(2))  # a Cypher string or number literal
        else:
            lines.append(line)
    return params, "\n".join(lines).strip().rstrip(";").strip()


def name(g: Graph, node) -> str | None:
    labels = {lit.language: str(lit) for lit in g.objects(node, RDFS.label)}
    return labels.get("en") or labels.get("ar") or labels.get(None)


def qid(g: Graph, node) -> str | None:
    return next((str(o).rsplit("/", 1)[1] for o in g.objects(node, OWL.sameAs)), None)


class Events:
    """The graph's events as plain records."""

    def __init__(self, g: Graph):
        self.g = g
        self.items = {}
        for cls, type_ in TYPE_OF.items():
            for e in g.subjects(RDF.type, cls):
                date = g.value(e, KG.date)
                roles = {p: "host" for p in g.objects(e, KG.host)} | {p: "visitor" for p in g.objects(e, KG.visitor)}
                self.items[e] = {
                    "type": type_,
                    "status": str(g.value(e, KG.status)).split("#")[1],
                    "date": str(date) if date is not None else None,
                    "start": DateValue(str(date)).start() if date is not None else None,
                    "participants": set(g.objects(e, KG.participant)),
                    "roles": roles,
                    "place": g.value(e, KG.place),
                    "sources": sorted(str(g.value(a, KG.articleId)) for a in g.objects(e, KG.source)),
                    "name": name(g, e),
                }

    def of(self, actor) -> list:
        return [e for e, r in self.items.items() if actor in r["participants"]]

    def busiest_person(self):
        people = set(self.g.subjects(RDF.type, KG.Person))
        return max(sorted(people), key=lambda p: len(self.of(p)))

    def busiest_place(self):
        counts = Counter(r["place"] for r in self.items.values() if r["place"] is not None)
        return max(sorted(counts), key=counts.__getitem__) if counts else None

    def busiest_pair(self):
        pairs = Counter()
        for r in self.items.values():
            people = sorted(p for p in r["participants"] if (p, RDF.type, KG.Person) in self.g)
            pairs.update((a, b) for i, a in enumerate(people) for b in people[i + 1:])
        return max(sorted(pairs), key=pairs.__getitem__)


def leader_contacts(ev: Events, leader):
    rows = Counter()
    for e in ev.of(leader):
        r = ev.items[e]
        for other in r["participants"] - {leader}:
            rows[(r["date"], r["type"], r["status"], name(ev.g, other), qid(ev.g, other),
                  name(ev.g, r["place"]) if r["place"] is not None else None)] += 1
    return rows


def top_pairs(ev: Events):
    pairs: dict = {}
    for r in ev.items.values():
        if r["status"] != "occurred":
            continue
        ps = sorted(str(p) for p in r["participants"])
        for i, a in enumerate(ps):
            for b in ps[i + 1:]:
                c = pairs.setdefault((a, b), Counter())
                c["events"] += 1
                c["calls"] += r["type"] in ("Call", "PhoneCall", "VideoCall")
                c["meetings"] += r["type"] in ("Meeting", "Visit")
                c["summits"] += r["type"] == "Summit"
    return {(name(ev.g, URIRef(a)), name(ev.g, URIRef(b)), c["events"], c["calls"], c["meetings"], c["summits"])
            for (a, b), c in pairs.items()}


def events_in_place(ev: Events, place):
    return Counter((r["date"], r["type"], r["status"], name(ev.g, place),
                    tuple(sorted(name(ev.g, p) for p in r["participants"])))
                   for r in ev.items.values() if r["place"] == place)


def two_leaders(ev: Events, a, b):
    return Counter((r["date"], r["type"], r["status"], r["roles"].get(a), r["roles"].get(b),
                    name(ev.g, r["place"]) if r["place"] is not None else None, tuple(r["sources"]))
                   for r in ev.items.values() if {a, b} <= r["participants"])


def evidence_between(ev: Events, start: dt.date, end: dt.date):
    rows = Counter()
    for e, r in ev.items.items():
        if r["start"] is None or not start <= r["start"] <= end:
            continue
        for m in ev.g.objects(e, KG.mention):
            art = ev.g.value(m, KG.article)
            rows[(r["date"], r["name"], str(ev.g.value(art, KG.articleId)), str(ev.g.value(m, KG.evidence)),
                  int(ev.g.value(m, KG.startOffset)))] += 1
    return rows


def same(got, expected, what: str):
    """Equal and not empty, or fail showing the rows on each side only."""
    got, expected = Counter(got), Counter(expected)
    assert got, f"{what}: no rows"
    assert got == expected, (f"{what}:\n  only in the result: {sorted((got - expected).elements())}"
                             f"\n  only in the graph:  {sorted((expected - got).elements())}")


def start_of(date_text):
    return DateValue(date_text).start() if date_text else dt.date.max


def check(run, g: Graph) -> dict:
    """Run every example file with ``run(query, params)`` and compare with the graph; returns rows per file."""
    ev = Events(g)
    results = {}
    files = {p.name: read_cypher(p) for p in sorted(QUERIES.glob("*.cypher"))}
    assert set(files) == {"leader-contacts.cypher", "top-pairs.cypher", "events-in-place.cypher",
                          "two-leaders-timeline.cypher", "events-with-evidence.cypher"}, "a new example needs a check"

    params, q = files["leader-contacts.cypher"]
    leader = ev.busiest_person()
    rows = run(q, {**params, "leader": name(g, leader)})
    got = Counter((r["date"], r["type"], r["status"], r["counterpart"], r["wikidata"], r["place"]) for r in rows)
    same(got, leader_contacts(ev, leader), "leader-contacts")
    assert [start_of(r["date"]) for r in rows] == sorted(start_of(r["date"]) for r in rows)
    # the Wikidata id finds the same person
    if qid(g, leader):
        assert len(run(q, {"leader": qid(g, leader)})) == len(rows)
    results["leader-contacts.cypher"] = rows

    params, q = files["top-pairs.cypher"]
    rows = run(q, params)
    got = {(r["a"], r["b"], int(r["events"]), int(r["calls"]), int(r["meetings"]), int(r["summits"])) for r in rows}
    expected = top_pairs(ev)
    assert [int(r["events"]) for r in rows] == sorted((int(r["events"]) for r in rows), reverse=True)
    if len(expected) <= 25:
        same(got, expected, "top-pairs")
    else:
        assert got <= expected and len(got) == 25
    results["top-pairs.cypher"] = rows

    params, q = files["events-in-place.cypher"]
    place = ev.busiest_place()
    assert place is not None, "the seeds should place at least one event"
    rows = run(q, {**params, "place": name(g, place)})
    got = Counter((r["date"], r["type"], r["status"], r["place"], tuple(sorted(r["participants"]))) for r in rows)
    same(got, events_in_place(ev, place), "events-in-place")
    results["events-in-place.cypher"] = rows

    params, q = files["two-leaders-timeline.cypher"]
    a, b = ev.busiest_pair()
    rows = run(q, {**params, "a": name(g, a), "b": name(g, b)})
    got = Counter((r["date"], r["type"], r["status"], r["roleA"], r["roleB"], r["place"], tuple(sorted(r["sources"])))
                  for r in rows)
    same(got, two_leaders(ev, a, b), "two-leaders-timeline")
    assert [start_of(r["date"]) for r in rows] == sorted(start_of(r["date"]) for r in rows)
    results["two-leaders-timeline.cypher"] = rows

    params, q = files["events-with-evidence.cypher"]
    starts = sorted(r["start"] for r in ev.items.values() if r["start"])
    lo, hi = starts[len(starts) // 4], starts[(3 * len(starts)) // 4]
    rows = run(q, {**params, "from": lo.isoformat(), "to": hi.isoformat()})
    got = Counter((r["date"], r["event"], r["article"], r["evidence"], r["startOffset"]) for r in rows)
    same(got, evidence_between(ev, lo, hi), "events-with-evidence")
    results["events-with-evidence.cypher"] = rows
    return results
