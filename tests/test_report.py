"""`kg report`: the HTML page's structure, determinism, escaping, date precision, RTL, and a real browser."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest
from rdflib.namespace import RDF
from selectolax.lexbor import LexborHTMLParser

from kg import __version__
from kg.cli import app
from kg.fileio import read_graph
from kg.graph import BuildInfo, events_graph
from kg.models import Article, DateValue, Entity, Event, Mention
from kg.report import date_span, render_html
from kg.vocab import KG

HOSTILE = '<script>alert("x")</script> & "Bob\'s" <b>'
HOSTILE_AR = 'بوتين </script><img src=x onerror=alert(1)>'


def parse(html: str) -> LexborHTMLParser:
    return LexborHTMLParser(html)


def person(key: str, en: str | None, ar: str | None = None, qid: str | None = None) -> Entity:
    return Entity(key=key, kind="Person", label_en=en, label_ar=ar, wikidata=qid)


PUTIN = person("Q7747", "Vladimir Putin", "فلاديمير بوتين", "Q7747")
XI = person("Q15031", "Xi Jinping", "شي جين بينغ", "Q15031")
TRUMP = person("Q22686", "Donald Trump", "دونالد ترامب", "Q22686")
ODD = person("name:odd", HOSTILE, HOSTILE_AR)


def event(type_: str, people: tuple[Entity, ...], date: str | None, status: str = "occurred",
          evidence: str = "أجرى الرئيس اتصالا هاتفيا مع نظيره.", article: str = "a1") -> Event:
    m = Mention(article_id=article, type=type_, participants=people, evidence=evidence, start=0, end=len(evidence),
                date=DateValue(date) if date else None, status=status)
    return Event(type=type_, participants=people, date=DateValue(date) if date else None, status=status, mentions=[m])


def small_graph(events: list[Event], title: str = "عنوان الخبر", url: str = "https://example.org/a1"):
    articles = [Article(id="a1", text="...", published=dt.date(2025, 11, 30), language="ar", url=url,
                        title=title, outlet="Example News")]
    return events_graph(events, articles, BuildInfo(inputs=[("a1.txt", "0" * 64)], articles_read=1, data_as_of="2025-11-30"))


# ---------------------------------------------------------------- the seeds, without a browser
@pytest.fixture(scope="module")
def seeds_html(seeds_graph) -> str:
    return render_html(read_graph(seeds_graph), title="seeds")


def test_every_event_is_in_the_timeline_the_network_and_the_table(seeds_html, seeds_events):
    page = parse(seeds_html)
    dated = [e for e in seeds_events if date_span(e["date"])]
    assert len(page.css("#timeline-svg g.ev")) == len(dated) > 0
    assert len(page.css("#event-table tbody tr")) == len(seeds_events)
    people = {p["wikidata"] or p["label"] for e in seeds_events for p in e["participants"]}
    assert len(page.css("#network-svg g.node")) == len(people)
    pairs = {tuple(sorted({p["wikidata"] or p["label"] for p in e["participants"]}))[i:i + 2]
             for e in seeds_events for i in range(len(e["participants"]) - 1)}
    assert page.css("#network-svg g.edge") and len(pairs) > 0
    # an edge's weight is the number of events its two participants share
    for edge in page.css("#network-svg g.edge"):
        a, b = edge.attributes["data-a"], edge.attributes["data-b"]
        shared = [e for e in seeds_events if {a, b} <= {p["wikidata"] for p in e["participants"]}]
        assert int(edge.attributes["data-weight"]) == len(shared) == len(edge.attributes["data-evs"].split())


def test_summary_header(seeds_html, seeds_graph, seeds_events):
    page = parse(seeds_html)
    stat = {n.attributes["data-stat"]: n.css_first("dd").text(separator=" ") for n in page.css("#summary .stat")}
    assert stat["events"].split()[0] == str(len(seeds_events))
    by_type = {t.attributes["data-type-toggle"]: int(t.parent.css_first("b").text()) for t in page.css("[data-type-toggle]")}
    assert by_type == {t: sum(1 for e in seeds_events if e["type"] == t) for t in {e["type"] for e in seeds_events}}
    dates = sorted(e["date"] for e in seeds_events if e["date"])
    assert f"{dates[0]} – {dates[-1]}" in stat["date range"]
    g = read_graph(seeds_graph)
    read = next(g.objects(next(g.subjects(RDF.type, KG.Build)), KG.articlesRead))
    assert stat["articles read"].split()[0] == str(read)
    assert "conforms" in stat["validation"]
    assert f"kg {__version__}" in stat["build"]


def test_the_same_graph_gives_byte_identical_html(seeds_graph, seeds_html, runner, tmp_path):
    assert render_html(read_graph(seeds_graph), title="seeds") == seeds_html
    a, b = tmp_path / "a.html", tmp_path / "b.html"
    for out in (a, b):
        result = runner.invoke(app, ["report", str(seeds_graph), "-o", str(out)])
        assert result.exit_code == 0, result.output
    assert a.read_bytes() == b.read_bytes()


def test_the_page_loads_nothing_from_the_network(seeds_html):
    page = parse(seeds_html)
    assert not page.css("link, img, iframe, object, embed, [src]")
    assert "@import" not in seeds_html and not re.search(r"url\((?!#)", seeds_html)
    assert [s.attributes.get("type") for s in page.css("script")] == ["application/json", None]
    assert all(a.attributes["href"].startswith(("#", "https://")) for a in page.css("a[href]"))


def test_arabic_is_right_to_left_beside_english(seeds_html, seeds_events):
    page = parse(seeds_html)
    assert page.css_first("html").attributes["lang"] == "en" and page.css_first("html").attributes["dir"] == "ltr"
    arabic = re.compile(r"[\u0600-\u06FF]")
    rows = page.css("#event-table tbody tr")
    for row, e in zip(rows, seeds_events):
        for p, li in zip(e["participants"], row.css("ul.people li")):
            assert li.css_first("span.en").text() == p["label"]
            if p["label_ar"]:
                ar = li.css_first("span.ar")
                assert ar.text() == p["label_ar"] and ar.attributes["dir"] == "rtl" and ar.attributes["lang"] == "ar"
        quotes = row.css("blockquote.evidence")
        assert sorted(q.text() for q in quotes) == sorted({ev["text"] for ev in e["evidence"]})
        for q in quotes:
            if arabic.search(q.text()):
                assert q.attributes["dir"] == "rtl" and q.attributes["lang"] == "ar"
    for name in page.css("#network-svg text.name-ar"):
        assert name.attributes["direction"] == "rtl" and name.attributes["lang"] == "ar"


# ---------------------------------------------------------------- hand-made graphs
def test_hostile_names_are_escaped_everywhere():
    g = small_graph([event("PhoneCall", (ODD, XI), "2025-11-02", evidence=HOSTILE_AR + " " + HOSTILE)],
                    title=HOSTILE, url="javascript:alert(1)")
    html = render_html(g, title=HOSTILE)
    page = parse(html)
    assert len(page.css("script")) == 2 and not page.css("img")
    assert all(b.parent.attributes.get("class") == "chip toggle" for b in page.css("b"))  # only the page's own <b>
    assert "javascript:" not in html
    assert not [n for n in page.root.traverse() if any(k.startswith("on") for k in (n.attributes or {}))]
    assert page.css_first("title").text() == HOSTILE and page.css_first("h1").text() == HOSTILE
    assert HOSTILE in [s.text() for s in page.css("span.en")]
    assert HOSTILE_AR in [s.text() for s in page.css("span.ar")]
    assert HOSTILE in [n.text() for n in page.css("#network-svg text.name")]
    assert any(HOSTILE in o.text() for o in page.css("#leader-filter option"))
    island = page.css_first("script#kg-data").text()
    assert "</" not in island and "<" not in island
    assert json.loads(island)[0]["people"] == f"{HOSTILE} – Xi Jinping"
    # keys used in attributes and selectors are tokens, never names
    for node in page.css("[data-p]"):
        assert re.fullmatch(r"[A-Za-z0-9 ]*", node.attributes["data-p"])


def test_month_and_year_dates_are_drawn_as_spans_on_the_same_axis():
    g = small_graph([
        event("Meeting", (PUTIN, XI), "2025-09"),
        event("PhoneCall", (TRUMP, XI), "2025-09-01"),
        event("PhoneCall", (TRUMP, PUTIN), "2025-10-01"),
        event("Visit", (XI, PUTIN), "2026", status="planned"),
    ])
    page = parse(render_html(g))
    marks = {m.attributes["data-precision"] + ":" + m.attributes["data-start"]: m for m in page.css("#timeline-svg g.ev")}
    assert set(marks) == {"month:2025-09-01", "day:2025-09-01", "day:2025-10-01", "year:2026-01-01"}
    month = marks["month:2025-09-01"]
    assert month.attributes["data-end"] == "2025-10-01"
    rect = month.css_first("rect.span")
    x0, width = float(rect.attributes["x"]), float(rect.attributes["width"])
    first, next_first = (float(marks[k].css_first("circle").attributes["cx"]) for k in ("day:2025-09-01", "day:2025-10-01"))
    day = (next_first - first) / 30
    # the month covers its 30 days: from the start of 1 September to the start of 1 October
    assert abs(x0 - (first - day / 2)) < 0.2 and abs(x0 + width - (next_first - day / 2)) < 0.2
    year = marks["year:2026-01-01"]
    assert float(year.css_first("rect.span").attributes["width"]) > 11 * width
    assert "planned" in year.attributes["class"] and year.css_first("rect.span").attributes["stroke-dasharray"]
    assert not marks["day:2025-09-01"].css("rect.span")
    cells = {r.css_first("td.date").text(separator=" ") for r in page.css("#event-table tbody tr")}
    assert "2025-09 known to the month" in cells and "2026 known to the year" in cells


def test_undated_events_are_in_the_table_and_counted(tmp_path):
    g = small_graph([event("PhoneCall", (PUTIN, XI), "2025-01-21"), event("PhoneCall", (TRUMP, XI), None)])
    page = parse(render_html(g))
    assert len(page.css("#timeline-svg g.ev")) == 1 and len(page.css("#event-table tbody tr")) == 2
    assert "1 undated" in page.css_first("#timeline").text() and "(1 undated)" in page.css_first("#summary").text()


def test_network_edge_colour_follows_the_dominant_type():
    g = small_graph([event("PhoneCall", (PUTIN, XI), "2025-01-21"), event("PhoneCall", (PUTIN, XI), "2025-02-21"),
                     event("Visit", (PUTIN, XI), "2025-03-21"), event("Summit", (PUTIN, XI, TRUMP), "2025-04-21")])
    page = parse(render_html(g))
    edges = {(e.attributes["data-a"], e.attributes["data-b"]): e for e in page.css("#network-svg g.edge")}
    assert set(edges) == {("Q15031", "Q22686"), ("Q15031", "Q7747"), ("Q22686", "Q7747")}
    px = edges[("Q15031", "Q7747")]
    assert px.attributes["data-weight"] == "4" and px.attributes["data-type"] == "PhoneCall"
    assert edges[("Q22686", "Q7747")].attributes["data-type"] == "Summit"
    widths = {k: float(e.css_first("line.link").attributes["stroke-width"]) for k, e in edges.items()}
    assert widths[("Q15031", "Q7747")] > widths[("Q22686", "Q7747")]
    assert "4 event(s)" in px.css_first("title").text()


def test_violations_are_shown_in_the_header(seeds_graph):
    g = read_graph(seeds_graph)
    ev = next(g.subjects(RDF.type, KG.PhoneCall))
    g.remove((ev, KG.status, None))
    header = parse(render_html(g)).css_first("#summary [data-stat=validation]")
    assert re.search(r"✘ \d+ violation\(s\)", header.text()) and "exactly one status" in header.text()


def test_an_empty_graph_still_gives_a_page():
    page = parse(render_html(events_graph([], [])))
    assert "No events" in page.css_first("#events").text() and "no kg:Build node" in page.css_first("#summary").text()


def test_cli_report(runner, seeds_graph, tmp_path):
    out = tmp_path / "sub" / "report.html"
    result = runner.invoke(app, ["report", str(seeds_graph), "-o", str(out), "--title", "Seeds"])
    assert result.exit_code == 0, result.output
    assert re.search(r"written .*report\.html \(\d+ events, \d+ participants, \d+ pairs; validation conforms\)",
                     " ".join(result.output.split()))
    assert parse(out.read_text(encoding="utf-8")).css_first("h1").text() == "Seeds"
    quick = runner.invoke(app, ["report", str(seeds_graph), "-o", str(out), "--no-validate"])
    assert quick.exit_code == 0 and "validation not run" in quick.output
    assert "not run" in parse(out.read_text(encoding="utf-8")).css_first("[data-stat=validation]").text()
    missing = runner.invoke(app, ["report", str(tmp_path / "nope.ttl"), "-o", str(out)])
    assert missing.exit_code == 2 and "nope.ttl: no such file" in missing.output
    assert "Example" in runner.invoke(app, ["report", "--help"]).output


# ---------------------------------------------------------------- a real browser
def find_chromium() -> str | None:
    for name in (os.environ.get("KG_CHROMIUM"), "chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        if name and shutil.which(name):
            return shutil.which(name)
    return None


def chromium(binary: str, profile: Path, *args: str) -> subprocess.CompletedProcess:
    """Headless Chromium with a fresh profile and no way to reach the network (every host name fails to resolve)."""
    cmd = [binary, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
           "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
           "--host-resolver-rules=MAP * ~NOTFOUND", "--hide-scrollbars", f"--user-data-dir={profile}", *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=60)


def png_info(path: Path) -> tuple[int, int, int]:
    """Width, height, and the number of distinct byte values of the decoded pixels (a blank page has few)."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    idat, pos = b"", 8
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        if kind == b"IDAT":
            idat += data[pos + 8:pos + 8 + length]
        pos += 12 + length
    return width, height, len(set(zlib.decompress(idat)))


@pytest.mark.slow
def test_seeds_report_in_headless_chromium(runner, seeds_graph, seeds_events, tmp_path):
    binary = find_chromium()
    if binary is None:
        pytest.skip("no chromium binary on PATH (install Debian's chromium: apt-get install -y chromium; or set KG_CHROMIUM)")
    html = tmp_path / "report.html"
    (tmp_path / "profile").mkdir()
    assert runner.invoke(app, ["report", str(seeds_graph), "-o", str(html)]).exit_code == 0

    dom = chromium(binary, tmp_path / "profile", "--dump-dom", html.as_uri())
    assert dom.returncode == 0, dom.stderr[-2000:]
    page = parse(dom.stdout)
    # the script ran: it marks the page ready and counts what the filter shows
    assert page.css_first("html").attributes.get("data-kg-ready") == str(len(seeds_events))
    assert page.css_first("#shown").text() == f"showing {len(seeds_events)} of {len(seeds_events)} events"
    assert len(page.css("#timeline-svg g.ev")) > 0
    assert len(page.css("#network-svg g.node")) > 0 and len(page.css("#network-svg g.edge")) > 0
    assert len(page.css("#event-table tbody tr")) == len(seeds_events)

    # the leader filter, opened from the address: only that leader's events stay in the table
    leader = "Q22686" if any(p["wikidata"] == "Q22686" for e in seeds_events for p in e["participants"]) else \
        page.css("#leader-filter option")[1].attributes["value"]
    filtered = chromium(binary, tmp_path / "profile", "--dump-dom", html.as_uri() + "#leader=" + leader)
    rows = parse(filtered.stdout).css("#event-table tbody tr")
    kept = [r for r in rows if "off" not in r.attributes.get("class", "")]
    expected = [e for e in seeds_events if any(p["wikidata"] == leader for p in e["participants"])]
    assert 0 < len(kept) == len(expected) < len(rows)

    # clicking a line of the network lists that pair's events in the details panel (a copy of the page clicks)
    clicker = tmp_path / "click.html"
    clicker.write_text(html.read_text(encoding="utf-8").replace(
        "</body>", '<script>document.querySelector("#network-svg g.edge").dispatchEvent(new MouseEvent("click"))</script></body>'),
        encoding="utf-8")
    clicked = parse(chromium(binary, tmp_path / "profile", "--dump-dom", clicker.as_uri()).stdout)
    edge = clicked.css_first("#network-svg g.edge")
    assert "sel" in edge.attributes["class"]
    listed = [a.attributes["href"] for a in clicked.css("#details li a")]
    assert listed == ["#ev-" + i for i in edge.attributes["data-evs"].split()]
    assert len(clicked.css("#event-table tr.sel")) == len(listed)

    shot = tmp_path / "report.png"
    result = chromium(binary, tmp_path / "profile", "--window-size=1280,1500", f"--screenshot={shot}", html.as_uri())
    assert result.returncode == 0 and shot.is_file(), result.stderr[-2000:]
    width, height, distinct = png_info(shot)
    assert (width, height) == (1280, 1500) and distinct > 100
