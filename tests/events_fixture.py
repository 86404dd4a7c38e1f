"""Small graphs with known events, made by kg.graph from kg.models records (the shape `kg build` writes)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from rdflib import Graph

from kg.export import export_graph
from kg.graph import BuildInfo, events_graph
from kg.models import Article, DateValue, Entity, Event, Mention

XI = Entity("Q15031", "Person", "Xi Jinping", "شي جين بينغ", "Q15031")
PUTIN = Entity("Q7747", "Person", "Vladimir Putin", "فلاديمير بوتين", "Q7747")
TRUMP = Entity("Q22686", "Person", "Donald Trump", "دونالد ترامب", "Q22686")
KIM = Entity("Q56226", "Person", "Kim Jong Un", "كيم جونغ أون", "Q56226")
LEADER = Entity("name:الزعيم الروسي", "Person", None, "الزعيم الروسي")
BEIJING = Entity("Q956", "Place", "Beijing", "بكين", "Q956")
MOSCOW = Entity("Q649", "Place", "Moscow", "موسكو", "Q649")

ARTICLES = [
    Article("a1", "", dt.date(2025, 1, 21), "ar", "https://news.example/a1", "One", "Outlet One"),
    Article("a2", "", dt.date(2023, 3, 21), "ar", "https://news.example/a2", "Two", "Outlet Two"),
    Article("a3", "", dt.date(2025, 9, 4), "ar", None, "Three", "Outlet Three"),
]


def event(type_: str, people, date: str | None, spans, place=None, status="occurred", roles=None) -> Event:
    mentions = [Mention(art, type_, tuple(people), f"evidence of {type_} in {art} at {start}", start, start + 40, "trigger")
                for art, start in spans]
    return Event(type_, tuple(people), DateValue(date) if date else None, status, mentions, place=place,
                 roles=roles or {})


def base_events() -> dict[str, Event]:
    """Five events of Xi Jinping: a month-dated call, a visit, a phone call, a three-way meeting, a planned visit."""
    return {
        "call": event("Call", [XI, PUTIN], "2025-01", [("a1", 10)], place=BEIJING),
        "visit": event("Visit", [XI, PUTIN], "2023-03-20", [("a2", 100)], place=MOSCOW,
                       roles={XI.key: "visitor", PUTIN.key: "host"}),
        "phone": event("PhoneCall", [XI, TRUMP], "2025-01-17", [("a1", 300), ("a3", 50)]),
        "meeting": event("Meeting", [XI, PUTIN, KIM], "2025-09-03", [("a3", 500)], place=BEIJING),
        "planned": event("Visit", [XI, LEADER], "2026", [("a2", 700)], place=MOSCOW, status="planned",
                         roles={XI.key: "visitor"}),
    }


def graph_of(events) -> Graph:
    info = BuildInfo(inputs=[("in/a1.txt", "1" * 64)], articles_read=3, data_as_of="2025-09-04")
    return events_graph(list(events), ARTICLES, info)


def write(events, path: Path, fmt: str | None = None) -> Path:
    export_graph(graph_of(events), path, fmt)
    return path

