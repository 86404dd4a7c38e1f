"""A picture of a graph as one self-contained HTML page: summary, timeline, contact network, event table.

The page is plain HTML and SVG computed here, with a little inline CSS and vanilla
JavaScript (filter by leader and type, details on click); it loads nothing from the
network. The same graph always gives byte-identical HTML: everything is sorted and
the network layout is computed deterministically.
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import json
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from html import escape
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from .extract.english import is_english
from .fileio import atomic_write, check_output, read_graph
from .readback import entity_record
from .readback import events as read_events
from .validate import Report, validate_graph
from .vocab import ACTOR_CLASSES, KG

# Event types in display order, with a name and a colour (Okabe-Ito, readable by colour-blind readers).
TYPES = {
    "PhoneCall": ("phone call", "#0072B2"),
    "VideoCall": ("video call", "#56B4E9"),
    "Call": ("call (kind not stated)", "#7A7A7A"),
    "Visit": ("visit", "#D55E00"),
    "Meeting": ("meeting", "#CC79A7"),
    "Summit": ("summit", "#009E73"),
}
UNKNOWN_TYPE = ("other", "#444444")
PRECISION_NAMES = {"day": "day", "month": "known to the month", "year": "known to the year"}
KIND_OF = {v: k for k, v in ACTOR_CLASSES.items()}

_ARABIC = re.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]")
_LETTER = re.compile(r"[^\W\d_]")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")

# Geometry of the two pictures, in SVG user units.
TL_WIDTH, TL_LEFT, TL_RIGHT, TL_TOP, TL_LANE = 1160, 20, 20, 34, 24
NET_WIDTH, NET_HEIGHT, NET_MARGIN = 760, 480, 90
NET_NAMED = 40  # the network names at most this many participants, the busiest
NET_COUNTED = 80  # with more pairs than this, lines carry no count badge (the count is in the tooltip)
CHAR_WIDTH = 6.4  # average width of a character of the 11px label font, for packing labels into lanes
MAX_LABELLED = 300  # the timeline names the participants of at most this many events


@dataclass
class ReportSummary:
    """What `kg report` tells the user it wrote."""

    events: int
    participants: int
    edges: int
    conforms: bool | None  # None: not validated
    violations: int


# ---------------------------------------------------------------- text helpers
def esc(text) -> str:
    """Escape text for HTML and SVG, quotes included.

    >>> esc('<b a="1">&')
    '&lt;b a=&quot;1&quot;&gt;&amp;'
    """
    return escape("" if text is None else str(text), quote=True)


def is_arabic(text: str | None) -> bool:
    """True when most letters of ``text`` are Arabic script.

    >>> is_arabic("شي جين بينغ"), is_arabic("Xi Jinping"), is_arabic("Xi شي")
    (True, False, False)
    """
    letters = _LETTER.findall(text or "")
    return bool(letters) and sum(1 for c in letters if _ARABIC.match(c)) * 2 > len(letters)


def bidi(text: str | None) -> str:
    """The direction attributes for a run of text: Arabic is right-to-left, English left-to-right,
    anything else decides by itself.

    >>> bidi("التقى الرئيس نظيره"), bidi("Xi met Putin."), bidi("2025")
    (' lang="ar" dir="rtl"', ' lang="en" dir="ltr"', ' dir="auto"')
    """
    if is_arabic(text):
        return ' lang="ar" dir="rtl"'
    return ' lang="en" dir="ltr"' if _LETTER.search(text or "") and is_english(text) else ' dir="auto"'


def span(text: str | None, cls: str = "") -> str:
    """An HTML span of text with the right direction."""
    c = f' class="{cls}"' if cls else ""
    return f"<span{c}{bidi(text)}>{esc(text)}</span>"


def type_name(t: str | None) -> str:
    return TYPES[t][0] if t in TYPES else (t or UNKNOWN_TYPE[0])


def type_colour(t: str | None) -> str:
    return TYPES.get(t or "", UNKNOWN_TYPE)[1]


# ---------------------------------------------------------------- dates
@dataclass(frozen=True)
class Span:
    """The days an event's date covers: one day, a month or a year."""

    start: dt.date
    end: dt.date  # exclusive
    precision: str


def date_span(value: str | None) -> Span | None:
    """The span of days a YYYY, YYYY-MM or YYYY-MM-DD date covers (None when undated or unreadable).

    >>> date_span("2025-09")
    Span(start=datetime.date(2025, 9, 1), end=datetime.date(2025, 10, 1), precision='month')
    >>> date_span("2025-01-21").precision, date_span("2023").end
    ('day', datetime.date(2024, 1, 1))
    """
    m = _DATE.match(value or "")
    if not m:
        return None
    y, mo, d = (int(x) if x else None for x in m.groups())
    try:
        if d is not None:
            start = dt.date(y, mo, d)
            return Span(start, start + dt.timedelta(days=1), "day")
        if mo is not None:
            return Span(dt.date(y, mo, 1), dt.date(y, mo, calendar.monthrange(y, mo)[1]) + dt.timedelta(days=1), "month")
        return Span(dt.date(y, 1, 1), dt.date(y + 1, 1, 1), "year")
    except (ValueError, OverflowError):
        return None


def _add_months(d: dt.date, n: int) -> dt.date:
    k = d.year * 12 + d.month - 1 + n
    return dt.date(k // 12, k % 12 + 1, 1)


def ticks(lo: dt.date, hi: dt.date) -> list[tuple[dt.date, str]]:
    """Axis ticks between two dates: days, months or years, at most about a dozen."""
    days = (hi - lo).days
    if days <= 75:
        step = next(s for s in (1, 2, 7, 14, 28) if days / s <= 12)
        first = lo if step < 7 else lo + dt.timedelta(days=(7 - lo.weekday()) % 7)  # weeks start on Monday
        out, d = [], first
        while d <= hi:
            out.append((d, d.isoformat()))
            d += dt.timedelta(days=step)
        return out
    months = days / 30.44
    step = next((s for s in (1, 2, 3, 6, 12, 24, 60, 120, 300, 600, 1200) if months / s <= 12), 1200)
    d = dt.date(lo.year, lo.month, 1)
    while (d.month - 1) % min(step, 12) or (step >= 12 and d.year % (step // 12)) or d < lo:
        d = _add_months(d, 1)
    out = []
    while d <= hi:
        out.append((d, str(d.year) if step >= 12 else f"{d.year}-{d.month:02d}"))
        d = _add_months(d, step)
    return out


# ---------------------------------------------------------------- reading the graph
def _key(node, qid: str | None) -> str:
    """A participant's token for the page (safe in attributes and selectors): its Wikidata id, else a hash."""
    if qid and re.fullmatch(r"Q[1-9][0-9]*", qid):
        return qid
    return "n" + hashlib.sha1(str(node).encode("utf-8")).hexdigest()[:10]


def participants_of(g: Graph, node) -> list[dict]:
    """An event's participants with a stable key, their kind and their role (host, visitor)."""
    out = []
    hosts, visitors = set(g.objects(node, KG.host)), set(g.objects(node, KG.visitor))
    for p in g.objects(node, KG.participant):
        rec = entity_record(g, p)
        kinds = sorted(KIND_OF[t] for t in g.objects(p, RDF.type) if t in KIND_OF)
        role = "host" if p in hosts else "visitor" if p in visitors else None
        out.append(rec | {"key": _key(p, rec["wikidata"]), "kind": kinds[0] if kinds else None, "role": role})
    out.sort(key=lambda r: (r["label"], r["key"]))
    return out


def articles_of(g: Graph) -> dict[str, dict]:
    """Article metadata by article id (and by IRI, as evidence records may name either)."""
    out = {}
    for a in sorted(g.subjects(RDF.type, KG.Article)):
        aid = str(g.value(a, KG.articleId) or str(a).rsplit("/", 1)[-1])
        rec = {"id": aid}
        for name, prop in (("title", KG.title), ("url", KG.url), ("outlet", KG.outlet),
                           ("published", KG.published), ("language", KG.language)):
            v = g.value(a, prop)
            rec[name] = str(v) if v is not None else None
        out[aid] = out[str(a)] = rec
    return out


def build_info(g: Graph) -> dict:
    """What the graph's kg:Build node(s) record; a union of graphs may hold several."""
    builds = sorted(g.subjects(RDF.type, KG.Build))

    def values(prop):
        return sorted({str(v) for b in builds for v in g.objects(b, prop)})

    def total(prop):
        nums = [int(v) for b in builds for v in g.objects(b, prop) if str(v).lstrip("-").isdigit()]
        return sum(nums) if nums else None

    return {"builds": len(builds), "kg_version": values(KG.kgVersion), "extractor": values(KG.extractorVersion),
            "articles_read": total(KG.articlesRead), "articles_skipped": total(KG.articlesSkipped),
            "event_count": total(KG.eventCount), "data_as_of": values(KG.dataAsOf), "build_time": values(KG.buildTime),
            "articles_in_graph": len(set(g.subjects(RDF.type, KG.Article)))}


def report_events(g: Graph) -> list[dict]:
    """The events as `kg events` reads them, each with an index, keyed participants and its date span."""
    out = []
    for i, e in enumerate(read_events(g)):
        e = dict(e)
        e["index"] = i
        e["participants"] = participants_of(g, URIRef(e["id"]))
        e["span"] = date_span(e["date"])
        out.append(e)
    return out


# ---------------------------------------------------------------- network
def network(events: list[dict]) -> tuple[dict[str, dict], dict[tuple[str, str], dict]]:
    """Nodes (participants) and edges (pairs of participants with the events they share)."""
    nodes: dict[str, dict] = {}
    edges: dict[tuple[str, str], dict] = {}
    for e in events:
        keys = []
        for p in e["participants"]:
            n = nodes.setdefault(p["key"], {"key": p["key"], "label": p["label"], "label_ar": p["label_ar"],
                                            "wikidata": p["wikidata"], "kind": p["kind"], "events": []})
            n["events"].append(e["index"])
            keys.append(p["key"])
        keys = sorted(set(keys))
        for i, a in enumerate(keys):
            for b in keys[i + 1:]:
                edge = edges.setdefault((a, b), {"events": [], "types": Counter()})
                edge["events"].append(e["index"])
                edge["types"][e["type"]] += 1
    order = list(TYPES)
    for edge in edges.values():
        edge["dominant"] = min(edge["types"], key=lambda t: (-edge["types"][t], order.index(t) if t in order else 99, t or ""))
    return nodes, edges


def layout(keys: list[str], edges: dict[tuple[str, str], dict], width: float, height: float,
           margin: float, iterations: int = 300) -> dict[str, tuple[float, float]]:
    """Node positions: a Fruchterman-Reingold force layout started from a circle, with no randomness.

    >>> layout(["a"], {}, 200, 100, 10)
    {'a': (100.0, 50.0)}
    """
    n = len(keys)
    if n == 0:
        return {}
    cx, cy = width / 2, height / 2
    if n == 1:
        return {keys[0]: (round(cx, 1), round(cy, 1))}
    pos = {k: [math.cos(2 * math.pi * i / n - math.pi / 2), math.sin(2 * math.pi * i / n - math.pi / 2)]
           for i, k in enumerate(keys)}
    if n <= 150:  # quadratic per step: bigger graphs keep the circle
        k = math.sqrt(4.0 / n)
        weights = {pair: 1 + math.log(len(e["events"])) for pair, e in edges.items()}
        for step in range(iterations):
            temp = 0.1 * (1 - step / iterations) + 0.002
            disp = {key: [0.0, 0.0] for key in keys}
            for i, a in enumerate(keys):
                pa = pos[a]
                for b in keys[i + 1:]:
                    pb = pos[b]
                    dx, dy = pa[0] - pb[0], pa[1] - pb[1]
                    d2 = dx * dx + dy * dy or 1e-9
                    f = k * k / d2
                    disp[a][0] += dx * f
                    disp[a][1] += dy * f
                    disp[b][0] -= dx * f
                    disp[b][1] -= dy * f
            for (a, b), w in weights.items():
                pa, pb = pos[a], pos[b]
                dx, dy = pa[0] - pb[0], pa[1] - pb[1]
                d = math.sqrt(dx * dx + dy * dy) or 1e-9
                f = d * w / k
                disp[a][0] -= dx * f
                disp[a][1] -= dy * f
                disp[b][0] += dx * f
                disp[b][1] += dy * f
            for key in keys:  # a little gravity keeps unconnected parts on the page
                p, dv = pos[key], disp[key]
                dv[0] -= p[0] * 0.3 * k
                dv[1] -= p[1] * 0.3 * k
                d = math.sqrt(dv[0] * dv[0] + dv[1] * dv[1]) or 1e-9
                p[0] += dv[0] / d * min(d, temp)
                p[1] += dv[1] / d * min(d, temp)
    xs, ys = [p[0] for p in pos.values()], [p[1] for p in pos.values()]
    spanx, spany = (max(xs) - min(xs)) or 1.0, (max(ys) - min(ys)) or 1.0
    sx, sy = (width - 2 * margin) / spanx, (height - 2 * margin) / spany
    scale_x = min(sx, sy * 1.6)  # keep the shape, though a somewhat wider picture fits the page better
    scale_y = min(sy, scale_x)
    ox = cx - (min(xs) + max(xs)) / 2 * scale_x
    oy = cy - (min(ys) + max(ys)) / 2 * scale_y
    return {key: (round(ox + p[0] * scale_x, 1), round(oy + p[1] * scale_y, 1)) for key, p in pos.items()}


# ---------------------------------------------------------------- rendering pieces
def _names(e: dict) -> str:
    return " – ".join(p["label"] for p in e["participants"]) or "(no participants)"


def _event_title(e: dict) -> str:
    """One line about an event, for tooltips."""
    parts = [e["date"] or "undated", type_name(e["type"]), _names(e)]
    if e["place"]:
        parts.append("in " + e["place"]["label"])
    if e["status"] == "planned":
        parts.append("(planned)")
    return " · ".join(parts)


def _data_attrs(e: dict) -> str:
    keys = " ".join(p["key"] for p in e["participants"])
    return f' data-ev="{e["index"]}" data-p="{esc(keys)}" data-type="{esc(e["type"] or "")}"'


def render_timeline(events: list[dict]) -> str:
    """The events on a date axis, one mark per event, packed into lanes so labels do not overlap."""
    dated = [e for e in events if e["span"]]
    undated = len(events) - len(dated)
    if not dated:
        return '<p class="empty">No dated events to draw.</p>'
    lo = min(e["span"].start for e in dated)
    hi = max(e["span"].end for e in dated)
    days = max((hi - lo).days, 30)
    pad = dt.timedelta(days=max(2, round(days * 0.03)))
    lo, hi = lo - pad, hi + pad
    total = (hi - lo).days
    inner = TL_WIDTH - TL_LEFT - TL_RIGHT

    def x(d: dt.date) -> float:
        return round(TL_LEFT + (d - lo).days / total * inner, 1)

    labelled = len(dated) <= MAX_LABELLED  # beyond that, names are in the tooltips only, and the lanes stay few
    marks, lanes = [], []  # lanes: the right end of the last mark or label in each lane
    for e in sorted(dated, key=lambda e: (e["span"].start, e["span"].end, e["index"])):
        sp = e["span"]
        x0, x1 = x(sp.start), x(sp.end)
        if sp.precision == "day":
            x0 = x1 = round((x0 + x1) / 2, 1)
        label = _names(e) + (" · " + e["place"]["label"] if e["place"] else "") if labelled else ""
        w = len(label) * CHAR_WIDTH
        # a label sits inside a span wide enough to hold it, else after the mark, else (at the right edge) before it
        if sp.precision != "day" and x1 - x0 >= min(w + 8, 120):
            text_x, anchor, left, right = x0 + 5, "start", x0, max(x1, x0 + 5 + w)
        elif x1 + 8 + w <= TL_WIDTH - 4 or not label:
            text_x, anchor, left, right = x1 + 8, "start", x0, x1 + 8 + w
        else:
            text_x, anchor, left, right = x0 - 8, "end", x0 - 8 - w, x1
        left, right = left - 7, right + (10 if label else 7)
        lane = next((i for i, end in enumerate(lanes) if end <= left), None)
        if lane is None:
            lane = len(lanes)
            lanes.append(right)
        else:
            lanes[lane] = right
        marks.append((e, lane, x0, x1, text_x, anchor, label))

    lane_height = TL_LANE if labelled else 17
    height = TL_TOP + len(lanes) * lane_height + 34
    axis_y = height - 26
    out = [f'<svg id="timeline-svg" class="timeline" viewBox="0 0 {TL_WIDTH} {height}" width="{TL_WIDTH}" '
           f'height="{height}" role="img" aria-label="Timeline of {len(dated)} dated events">',
           '<defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
           '<rect width="6" height="6" fill="#fff" fill-opacity="0"/><line x1="0" y1="0" x2="0" y2="6" stroke="#000" '
           'stroke-opacity=".18" stroke-width="3"/></pattern></defs>']
    for d, text in ticks(lo, hi):
        tx = x(d)
        out.append(f'<line class="grid" x1="{tx}" y1="{TL_TOP - 14}" x2="{tx}" y2="{axis_y}"/>'
                   f'<text class="tick" x="{tx}" y="{axis_y + 16}" text-anchor="middle">{esc(text)}</text>')
    out.append(f'<line class="axis" x1="{TL_LEFT}" y1="{axis_y}" x2="{TL_WIDTH - TL_RIGHT}" y2="{axis_y}"/>')
    for e, lane, x0, x1, text_x, anchor, label in marks:
        sp = e["span"]
        y = TL_TOP + lane * lane_height
        colour = type_colour(e["type"])
        planned = e["status"] == "planned"
        cls = "ev" + (" planned" if planned else "")
        out.append(f'<g class="{cls}"{_data_attrs(e)} data-precision="{sp.precision}" '
                   f'data-start="{sp.start.isoformat()}" data-end="{sp.end.isoformat()}" tabindex="0">')
        title = _event_title(e) + ("" if sp.precision == "day" else f" · date {PRECISION_NAMES[sp.precision]}")
        ar = " – ".join(p["label_ar"] for p in e["participants"] if p["label_ar"])
        out.append(f"<title>{esc(title)}{esc(chr(10) + ar) if ar else ''}</title>")
        dash = ' stroke-dasharray="3 2"' if planned else ""
        if sp.precision == "day":
            fill = "#fff" if planned else colour
            out.append(f'<circle class="mark" cx="{x0}" cy="{y}" r="6" fill="{fill}" stroke="{colour}" stroke-width="2"{dash}/>')
        else:
            w = round(max(x1 - x0, 4), 1)
            opacity = ".30" if sp.precision == "month" else ".16"
            out.append(f'<rect class="mark span" x="{x0}" y="{y - 7}" width="{w}" height="14" rx="3" fill="{colour}" '
                       f'fill-opacity="{opacity}" stroke="{colour}" stroke-width="1.5"{dash}/>')
            if sp.precision == "year":
                out.append(f'<rect x="{x0}" y="{y - 7}" width="{w}" height="14" rx="3" fill="url(#hatch)" pointer-events="none"/>')
            # the span's edges, so a reader sees where the stated period starts and ends
            out.append(f'<line x1="{x0}" y1="{y - 10}" x2="{x0}" y2="{y + 10}" stroke="{colour}" stroke-width="2"/>'
                       f'<line x1="{x1}" y1="{y - 10}" x2="{x1}" y2="{y + 10}" stroke="{colour}" stroke-width="2"/>')
        if label:
            end = ' text-anchor="end"' if anchor == "end" else ""
            out.append(f'<text class="label" x="{round(text_x, 1)}" y="{y + 4}"{end}>{esc(label)}</text>')
        out.append("</g>")
    out.append("</svg>")
    note = f'<p class="note">{undated} undated event(s) are not on the axis; they are in the table.</p>' if undated else ""
    return "".join(out) + note


def render_network(events: list[dict]) -> tuple[str, int, int]:
    """The contact network as SVG, with the number of nodes and edges drawn."""
    nodes, edges = network(events)
    if not nodes:
        return '<p class="empty">No participants to draw.</p>', 0, 0
    keys = sorted(nodes, key=lambda k: (-len(nodes[k]["events"]), nodes[k]["label"], k))
    pos = layout(keys, edges, NET_WIDTH, NET_HEIGHT, NET_MARGIN)
    by_index = {e["index"]: e for e in events}
    most = max(len(e["events"]) for e in edges.values()) if edges else 1
    out = [f'<svg id="network-svg" class="network" viewBox="0 0 {NET_WIDTH} {NET_HEIGHT}" width="{NET_WIDTH}" '
           f'height="{NET_HEIGHT}" role="img" aria-label="Contact network of {len(nodes)} participants">']
    counted = len(edges) <= NET_COUNTED
    for (a, b), edge in sorted(edges.items()):
        (x1, y1), (x2, y2) = pos[a], pos[b]
        n = len(edge["events"])
        width = round(1.5 + 8 * math.sqrt((n - 1) / max(most - 1, 1)), 1) if most > 1 else 2.5
        colour = type_colour(edge["dominant"])
        mix = ", ".join(f"{type_name(t)} {c}" for t, c in sorted(edge["types"].items(), key=lambda tc: (-tc[1], tc[0] or "")))
        lines = [f"{nodes[a]['label']} – {nodes[b]['label']}: {n} event(s) ({mix})"]
        lines += [_event_title(by_index[i]) for i in edge["events"]]
        mx, my = round((x1 + x2) / 2, 1), round((y1 + y2) / 2, 1)
        out.append(f'<g class="edge" data-a="{a}" data-b="{b}" data-p="{a} {b}" data-evs="{" ".join(map(str, edge["events"]))}" '
                   f'data-type="{esc(edge["dominant"] or "")}" data-weight="{n}" tabindex="0"><title>{esc(chr(10).join(lines))}</title>'
                   f'<line class="hit" x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" stroke-width="{max(width, 12)}"/>'
                   f'<line class="link" x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" stroke="{colour}" stroke-width="{width}"/>'
                   + (f'<circle class="count-bg" cx="{mx}" cy="{my}" r="9"/>'
                      f'<text class="count" x="{mx}" y="{my + 4}" text-anchor="middle">{n}</text>' if counted else "")
                   + "</g>")
    # on a crowded page the dots get smaller and only the busiest participants are named (all are in the tooltips)
    biggest = 20 if len(nodes) <= 20 else max(8.0, 20 * math.sqrt(20 / len(nodes)))
    busiest = max(len(n["events"]) for n in nodes.values())
    named = set(keys[:NET_NAMED])
    for key in sorted(nodes):
        node = nodes[key]
        x, y = pos[key]
        r = round(5 + (biggest - 5) * math.sqrt(len(node["events"]) / busiest), 1)
        lines = [node["label"] + (f" ({node['wikidata']})" if node["wikidata"] else "") + f": {len(node['events'])} event(s)"]
        if node["label_ar"]:
            lines.insert(1, node["label_ar"])
        shape = (f'<circle class="dot" cx="{x}" cy="{y}" r="{r}"/>' if node["kind"] in (None, "Person")
                 else f'<rect class="dot" x="{round(x - r, 1)}" y="{round(y - r, 1)}" width="{2 * r}" height="{2 * r}" rx="3"/>')
        ar_label = node["label_ar"] if node["label_ar"] and node["label_ar"] != node["label"] else None
        names = _node_labels(x, y, r, _label_angle(key, pos, edges), node["label"], ar_label) if key in named else ""
        out.append(f'<g class="node" data-key="{key}" data-p="{key}" data-evs="{" ".join(map(str, node["events"]))}" tabindex="0">'
                   f'<title>{esc(chr(10).join(lines))}</title>{shape}{names}</g>')
    out.append("</svg>")
    return "".join(out), len(nodes), len(edges)


def _label_angle(key: str, pos: dict[str, tuple[float, float]], edges: dict[tuple[str, str], dict]) -> float:
    """The direction (radians, SVG's y down) of the widest gap between a node's edges: where its name fits best."""
    x, y = pos[key]
    angles = sorted(math.atan2(pos[o][1] - y, pos[o][0] - x) for pair in edges for o in pair if key in pair and o != key)
    if not angles:
        return math.pi / 2  # below
    gaps = [((angles[(i + 1) % len(angles)] - a) % (2 * math.pi) or 2 * math.pi, a) for i, a in enumerate(angles)]
    # prefer below, then the sides, when gaps are about as wide
    width, start = max(gaps, key=lambda ga: (round(ga[0], 1), -abs(math.sin(ga[1] + ga[0] / 2) - 1)))
    return start + width / 2


def _node_labels(x: float, y: float, r: float, angle: float, en: str, ar: str | None) -> str:
    """A node's English name and Arabic name beneath it, placed on the side the angle points to."""
    c, s = math.cos(angle), math.sin(angle)
    if abs(c) < 0.5:  # above or below, centred
        anchor, lx = "middle", x
        top = y + r + 14 if s > 0 else y - r - (20 if ar else 6)
    else:
        anchor, lx = ("start", x + r + 5) if c > 0 else ("end", x - r - 5)
        top = y + (-2 if ar else 4)
    out = [_svg_text("name", lx, top, anchor, en)]
    if ar:
        out.append(_svg_text("name-ar", lx, top + 14, anchor, ar))
    return "".join(out)


def _svg_text(cls: str, x: float, y: float, anchor: str, text: str) -> str:
    if is_arabic(text):  # a right-to-left run: its start is on the right
        anchor = {"start": "end", "end": "start"}.get(anchor, anchor)
        return (f'<text class="{cls}" x="{round(x, 1)}" y="{round(y, 1)}" text-anchor="{anchor}" direction="rtl" '
                f'lang="ar">{esc(text)}</text>')
    return f'<text class="{cls}" x="{round(x, 1)}" y="{round(y, 1)}" text-anchor="{anchor}">{esc(text)}</text>'


def _participant_cell(p: dict) -> str:
    en = span(p["label"], "en")
    ar = span(p["label_ar"], "ar") if p["label_ar"] and p["label_ar"] != p["label"] else ""
    qid = ""
    if p["wikidata"]:
        qid = (f' <a class="qid" href="https://www.wikidata.org/wiki/{esc(p["wikidata"])}">{esc(p["wikidata"])}</a>'
               if p["key"] == p["wikidata"] else f' <span class="qid">{esc(p["wikidata"])}</span>')
    role = f' <span class="role">{esc(p["role"])}</span>' if p.get("role") else ""
    return f'<li data-p="{p["key"]}">{en}{qid}{role}{"<br>" + ar if ar else ""}</li>'


def _sources_cell(e: dict, articles: dict[str, dict]) -> str:
    by_source: dict[str, list[str]] = defaultdict(list)
    for ev in e["evidence"]:
        art = articles.get(ev["source"])
        by_source[art["id"] if art else ev["source"]].append(ev["text"])
    out = []
    for sid in sorted(set(e["sources"]) | set(by_source)):
        art = articles.get(sid) or {"id": sid}
        head = f'<code>{esc(sid)}</code>'
        meta = [m for m in (art.get("outlet"), art.get("published")) if m]
        if meta:
            head += " · " + " · ".join(span(m) for m in meta)
        if art.get("title"):
            title = span(art["title"], "title")
            head += " · " + (f'<a href="{esc(art["url"])}">{title}</a>' if _linkable(art.get("url")) else title)
        elif _linkable(art.get("url")):
            head += f' · <a href="{esc(art["url"])}">link</a>'
        quotes = "".join(f'<blockquote class="evidence"{bidi(t)}>{esc(t)}</blockquote>' for t in sorted(set(by_source.get(sid, []))))
        out.append(f'<div class="source"><div class="src-head">{head}</div>{quotes}</div>')
    return "".join(out) or "—"


def _linkable(url: str | None) -> bool:
    """Only web addresses become links (never javascript: or data: URLs from a graph)."""
    return bool(url) and re.match(r"https?://", url, re.I) is not None


def render_table(events: list[dict], articles: dict[str, dict]) -> str:
    """Every event with date, type, participants, place, status, sources and evidence."""
    if not events:
        return '<p class="empty">No events in this graph.</p>'
    rows = []
    for e in events:
        sp = e["span"]
        date = esc(e["date"] or "undated")
        if sp and sp.precision != "day":
            date += f'<br><span class="precision">{esc(PRECISION_NAMES[sp.precision])}</span>'
        place = "—"
        if e["place"]:
            pl = e["place"]
            place = span(pl["label"], "en")
            if pl.get("label_ar") and pl["label_ar"] != pl["label"]:
                place += "<br>" + span(pl["label_ar"], "ar")
        extra = f'<br><span class="precision">duration {esc(e["duration"])}</span>' if e.get("duration") else ""
        rows.append(
            f'<tr id="ev-{e["index"]}"{_data_attrs(e)}>'
            f'<td class="date">{date}</td>'
            f'<td><span class="chip" style="--c:{type_colour(e["type"])}">{esc(type_name(e["type"]))}</span>{extra}</td>'
            f'<td><ul class="people">{"".join(_participant_cell(p) for p in e["participants"])}</ul></td>'
            f'<td>{place}</td>'
            f'<td><span class="status {esc(e["status"] or "")}">{esc(e["status"] or "?")}</span></td>'
            f'<td class="sources">{_sources_cell(e, articles)}</td></tr>')
    return ('<table id="event-table"><thead><tr><th>date</th><th>type</th><th>participants</th><th>place</th>'
            '<th>status</th><th>sources and evidence</th></tr></thead><tbody>' + "".join(rows) + "</tbody></table>")


def render_header(title: str, events: list[dict], build: dict, validation: Report | None) -> str:
    """The summary: counts by type, date range, articles read, validation status, build version."""
    counts = Counter(e["type"] for e in events)
    chips = "".join(
        f'<label class="chip toggle" style="--c:{type_colour(t)}"><input type="checkbox" data-type-toggle="{esc(t or "")}" '
        f'checked> {esc(type_name(t))} <b>{counts[t]}</b></label>'
        for t in sorted(counts, key=lambda t: (list(TYPES).index(t) if t in TYPES else 99, t or "")))
    dated = sorted(e["date"] for e in events if e["span"])
    undated = len(events) - len(dated)
    date_range = (f"{esc(dated[0])} – {esc(dated[-1])}" if dated else "no dated events") + (
        f' <span class="muted">({undated} undated)</span>' if undated else "")
    read = build["articles_read"]
    articles = (f"{read}" if read is not None else '<span class="muted">not recorded</span>')
    if build["articles_skipped"]:
        articles += f' <span class="muted">({build["articles_skipped"]} skipped)</span>'
    articles += f' <span class="muted">· {build["articles_in_graph"]} cited in the graph</span>'
    if validation is None:
        valid = '<span class="muted">not run (--no-validate)</span>'
    elif validation.conforms:
        valid = '<span class="ok">✔ conforms</span> <span class="muted">to ontology/shapes.ttl</span>'
    else:
        items = "".join(f"<li>{esc(v.message)} <code>{esc(v.focus)}</code></li>" for v in validation.violations[:50])
        more = f"<li>… and {len(validation.violations) - 50} more</li>" if len(validation.violations) > 50 else ""
        valid = (f'<details class="bad"><summary>✘ {len(validation.violations)} violation(s) of ontology/shapes.ttl'
                 f'</summary><ul>{items}{more}</ul></details>')
    version = ", ".join(f"kg {v}" for v in build["kg_version"]) or '<span class="muted">no kg:Build node</span>'
    if build["extractor"]:
        version += f' <span class="muted">· extractor {esc(", ".join(build["extractor"]))}</span>'
    if build["data_as_of"]:
        version += f' <span class="muted">· data as of {esc(", ".join(build["data_as_of"]))}</span>'
    if build["build_time"]:
        version += f' <span class="muted">· built {esc(", ".join(build["build_time"]))}</span>'
    recorded = build["event_count"]
    count = f"{len(events)}"
    if recorded is not None and recorded != len(events):
        count += f' <span class="muted">(the build recorded {recorded})</span>'
    rows = [("events", count), ("by type", chips or "—"), ("date range", date_range), ("articles read", articles),
            ("validation", valid), ("build", version)]
    dl = "".join(f'<div class="stat" data-stat="{esc(k)}"><dt>{esc(k)}</dt><dd>{v}</dd></div>' for k, v in rows)
    return f'<header id="summary"><h1>{esc(title)}</h1><dl class="stats">{dl}</dl></header>'


def _leader_options(events: list[dict]) -> str:
    nodes, _ = network(events)
    keys = sorted(nodes, key=lambda k: (-len(nodes[k]["events"]), nodes[k]["label"], k))
    opts = ['<option value="">all participants</option>']
    for k in keys:
        n = nodes[k]
        text = n["label"] + (f" · {n['label_ar']}" if n["label_ar"] and n["label_ar"] != n["label"] else "")
        opts.append(f'<option value="{k}" dir="auto">{esc(text)} ({len(n["events"])})</option>')
    return "".join(opts)


def _json_island(events: list[dict]) -> str:
    """Event summaries for the details panel, as JSON that cannot end the script element early."""
    data = [{"i": e["index"], "date": e["date"] or "undated", "type": type_name(e["type"]), "colour": type_colour(e["type"]),
             "status": e["status"] or "?", "people": _names(e),
             "people_ar": " – ".join(p["label_ar"] for p in e["participants"] if p["label_ar"]),
             "place": e["place"]["label"] if e["place"] else "",
             "precision": e["span"].precision if e["span"] else None} for e in events]
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def legend() -> str:
    items = "".join(f'<span class="key"><svg width="14" height="14"><circle cx="7" cy="7" r="5" fill="{c}"/></svg>'
                    f"{esc(n)}</span>" for n, c in TYPES.values())
    marks = ('<span class="key"><svg width="16" height="14"><circle cx="8" cy="7" r="5" fill="#555"/></svg>exact day</span>'
             '<span class="key"><svg width="34" height="14"><rect x="1" y="1" width="32" height="12" rx="3" fill="#555" '
             'fill-opacity=".3" stroke="#555"/></svg>month (the whole month is drawn)</span>'
             '<span class="key"><svg width="34" height="14"><rect x="1" y="1" width="32" height="12" rx="3" fill="#555" '
             'fill-opacity=".16" stroke="#555"/><rect x="1" y="1" width="32" height="12" fill="url(#hatch)"/></svg>'
             'year</span><span class="key"><svg width="16" height="14"><circle cx="8" cy="7" r="5" fill="#fff" '
             'stroke="#555" stroke-width="2" stroke-dasharray="3 2"/></svg>planned</span>')
    return f'<div class="legend">{items}{marks}</div>'


def render_html(g: Graph, title: str = "kg report", validation: Report | None = None, validate: bool = True) -> str:
    """The whole report page for a graph (validated here unless a report is given or ``validate`` is false)."""
    return _render(g, title, validation, validate)[0]


def _render(g: Graph, title: str, validation: Report | None, validate: bool) -> tuple[str, ReportSummary]:
    if validation is None and validate:
        validation = validate_graph(g)
    events = report_events(g)
    articles = articles_of(g)
    build = build_info(g)
    net, n_nodes, n_edges = render_network(events)
    body = (
        render_header(title, events, build, validation)
        + '<nav class="controls"><label>leader <select id="leader-filter">' + _leader_options(events) + "</select></label>"
        + ' <button type="button" id="clear">show all</button> <span id="shown" class="muted"></span></nav>'
        + '<section id="timeline"><h2>Timeline</h2>' + legend() + '<div class="scroll">' + render_timeline(events)
        + "</div></section>"
        + f'<section id="network"><h2>Contact network <span class="muted">{n_nodes} participants, {n_edges} pairs; '
        + 'line width: number of events; colour: the most frequent type</span></h2><div class="net-row">'
        + '<div class="scroll">' + net + '</div><aside id="details" aria-live="polite"><p class="muted">'
        + "Hover over or click a line or a person to see their events.</p></aside></div></section>"
        + f'<section id="events"><h2>Events <span class="muted">{len(events)}</span></h2>'
        + render_table(events, articles) + "</section>"
    )
    summary = ReportSummary(len(events), n_nodes, n_edges, validation.conforms if validation else None,
                            len(validation.violations) if validation else 0)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en" dir="ltr"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        "<meta name=\"generator\" content=\"kg report\">"
        f"<title>{esc(title)}</title><style>{CSS}</style></head>\n"
        f'<body>{body}\n<script type="application/json" id="kg-data">{_json_island(events)}</script>\n'
        f"<script>{JS}</script>\n</body></html>\n"
    ), summary


def write_report(paths: list[Path], output: Path, title: str | None = None, validate: bool = True) -> ReportSummary:
    """Read graph file(s), render their report and write it atomically to ``output``."""
    check_output(output, paths)
    g = read_graph(*paths)
    title = title or "kg report: " + ", ".join(Path(p).name for p in paths)
    html, summary = _render(g, title, None, validate)
    atomic_write(Path(output), html.encode("utf-8"))
    return summary


CSS = """
:root{--ink:#1d1d1f;--muted:#6b6b70;--line:#e2e2e6;--bg:#fafafb}
*{box-sizing:border-box}
body{margin:0 auto;max-width:1220px;padding:18px 22px 60px;font:14px/1.45 "Noto Sans","DejaVu Sans",system-ui,sans-serif;color:var(--ink);background:#fff}
[lang=ar]{font-family:"Noto Naskh Arabic","Noto Sans Arabic","DejaVu Sans",serif;unicode-bidi:isolate}
h1{font-size:22px;margin:0 0 10px}
h2{font-size:17px;margin:26px 0 8px;border-bottom:1px solid var(--line);padding-bottom:4px}
h2 .muted{font-size:13px;font-weight:normal}
.muted{color:var(--muted)}
.stats{display:grid;grid-template-columns:repeat(auto-fit,minmax(260px,1fr));gap:8px;margin:0}
.stat{background:var(--bg);border:1px solid var(--line);border-radius:8px;padding:7px 10px}
.stat dt{font-size:11px;text-transform:uppercase;letter-spacing:.05em;color:var(--muted)}
.stat dd{margin:2px 0 0}
.stat[data-stat="by type"]{grid-column:span 2}
.chip{display:inline-block;border-radius:11px;padding:1px 9px;margin:2px 3px 2px 0;background:color-mix(in srgb,var(--c) 16%,#fff);border:1px solid var(--c);white-space:nowrap;font-size:13px}
.chip.toggle{cursor:pointer}
.chip input{margin:0 2px 0 0;vertical-align:-1px;accent-color:var(--c)}
.ok{color:#0a7c3e;font-weight:600}
.bad summary{color:#b00020;font-weight:600;cursor:pointer}
.controls{margin:14px 0 0;position:sticky;top:0;background:#fff;padding:6px 0;z-index:2;border-bottom:1px solid var(--line)}
.controls select{font:inherit;max-width:420px}
.legend{display:flex;flex-wrap:wrap;gap:4px 14px;font-size:12px;color:var(--muted);margin-bottom:4px}
.legend .key{display:inline-flex;align-items:center;gap:4px}
.scroll{overflow-x:auto}
svg text{font:11px "Noto Sans","DejaVu Sans",sans-serif;fill:var(--ink);paint-order:stroke;stroke:#fff;stroke-width:3px;stroke-linejoin:round}
.timeline .grid{stroke:#eee}.timeline .axis{stroke:#999}.timeline .tick{fill:var(--muted)}
.ev,.edge,.node{cursor:pointer;transition:opacity .15s}
.ev:hover .mark,.ev:focus .mark,.ev.sel .mark{stroke:#000;stroke-width:2.5}
.ev:hover .label,.ev.sel .label{font-weight:bold}
.off{opacity:.1}
tr.off{display:none}
.net-row{display:flex;gap:14px;align-items:flex-start;flex-wrap:wrap}
.network .hit{stroke:transparent}
.network .link{stroke-linecap:round;stroke-opacity:.85}
.edge:hover .link,.edge:focus .link,.edge.sel .link{stroke-opacity:1;filter:drop-shadow(0 0 2px #0006)}
.network .count-bg{fill:#fff;stroke:#bbb}
.network .count{font-size:10px;fill:#333}
.network .dot{fill:#2b2d42;stroke:#fff;stroke-width:2}
.node:hover .dot,.node.sel .dot{fill:#000;stroke:#f5b700;stroke-width:3}
.network .name{font-size:12px;font-weight:600}
.network .name-ar{font-size:12px}
#details{flex:1 1 300px;min-width:280px;max-height:480px;overflow:auto;border:1px solid var(--line);border-radius:8px;padding:8px 12px;background:var(--bg)}
#details h3{font-size:14px;margin:2px 0 6px}
#details ol{padding-left:18px;margin:0}
#details li{margin:3px 0}
#details a{color:inherit}
table{border-collapse:collapse;width:100%;font-size:13px}
th{text-align:left;background:var(--bg);position:sticky;top:38px}
th,td{border-bottom:1px solid var(--line);padding:6px 8px;vertical-align:top}
td.date{white-space:nowrap}
.precision{font-size:11px;color:var(--muted)}
tr.sel td{background:#fff7d6}
ul.people{list-style:none;margin:0;padding:0;min-width:190px}
ul.people li{margin:0 0 2px}
span.ar,blockquote[lang=ar]{font-size:15px}
.qid{font-size:11px;color:var(--muted)}
.role{font-size:11px;background:#eee;border-radius:3px;padding:0 4px}
.status.planned{color:#8a5a00;font-style:italic}
.source{margin:0 0 6px}
.src-head{font-size:12px;color:var(--muted)}
blockquote.evidence{margin:3px 0 0;padding:3px 8px;border-inline-start:3px solid var(--line);background:var(--bg)}
.empty{color:var(--muted);font-style:italic}
"""

# Filter by leader and type, details on click. Data is read from the JSON island and written with
# textContent only, so no name from the graph is ever parsed as HTML.
JS = r"""
(function(){
  "use strict";
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var byIndex = {}; data.forEach(function(e){ byIndex[e.i] = e; });
  var leader = document.getElementById("leader-filter");
  var details = document.getElementById("details");
  var shown = document.getElementById("shown");
  var toggles = Array.prototype.slice.call(document.querySelectorAll("[data-type-toggle]"));
  function all(sel){ return Array.prototype.slice.call(document.querySelectorAll(sel)); }
  function has(el, key){ return (" " + (el.getAttribute("data-p") || "") + " ").indexOf(" " + key + " ") >= 0; }
  function typesOn(){
    var on = {}; toggles.forEach(function(t){ if (t.checked) on[t.getAttribute("data-type-toggle")] = true; });
    return on;
  }
  function apply(){
    var key = leader.value, on = typesOn(), visible = {}, count = 0;
    all("tr[data-ev]").forEach(function(el){
      var ok = (!key || has(el, key)) && on[el.getAttribute("data-type")];
      el.classList.toggle("off", !ok);
      if (ok) { visible[el.getAttribute("data-ev")] = true; count++; }
    });
    all(".ev").forEach(function(el){ el.classList.toggle("off", !visible[el.getAttribute("data-ev")]); });
    all(".edge").forEach(function(el){
      var evs = el.getAttribute("data-evs").split(" ").filter(function(i){ return visible[i]; });
      el.classList.toggle("off", !evs.length);
    });
    all(".node").forEach(function(el){
      var evs = el.getAttribute("data-evs").split(" ").filter(function(i){ return visible[i]; });
      el.classList.toggle("off", !evs.length);
    });
    shown.textContent = "showing " + count + " of " + data.length + " events";
  }
  function show(heading, indices){
    details.textContent = "";
    var h = document.createElement("h3"); h.textContent = heading; details.appendChild(h);
    var ol = document.createElement("ol");
    indices.forEach(function(i){
      var e = byIndex[i]; if (!e) return;
      var li = document.createElement("li");
      var sw = document.createElement("span"); sw.className = "chip"; sw.style.setProperty("--c", e.colour);
      sw.textContent = e.type; li.appendChild(sw);
      var a = document.createElement("a"); a.href = "#ev-" + e.i;
      a.textContent = e.date + (e.precision && e.precision !== "day" ? " (" + e.precision + ")" : "") + " · " + e.people
        + (e.place ? " · " + e.place : "") + (e.status === "planned" ? " · planned" : "");
      a.addEventListener("click", function(){ select([String(e.i)]); });
      li.appendChild(a);
      if (e.people_ar) {
        var ar = document.createElement("div"); ar.lang = "ar"; ar.dir = "rtl"; ar.textContent = e.people_ar;
        li.appendChild(ar);
      }
      ol.appendChild(li);
    });
    details.appendChild(ol);
  }
  function select(indices){
    var set = {}; indices.forEach(function(i){ set[i] = true; });
    all("[data-ev]").forEach(function(el){ el.classList.toggle("sel", !!set[el.getAttribute("data-ev")]); });
  }
  function bind(el, heading){
    var indices = function(){ return el.getAttribute("data-evs").split(" "); };
    el.addEventListener("mouseenter", function(){ show(heading(), indices()); });
    el.addEventListener("focus", function(){ show(heading(), indices()); });
    el.addEventListener("click", function(){
      all(".edge.sel, .node.sel").forEach(function(o){ o.classList.remove("sel"); });
      el.classList.add("sel"); show(heading(), indices()); select(indices());
    });
  }
  all(".edge").forEach(function(el){
    bind(el, function(){ return el.querySelector("title").textContent.split("\n")[0]; });
  });
  all(".node").forEach(function(el){
    bind(el, function(){ return el.querySelector("title").textContent.split("\n")[0]; });
  });
  all(".ev").forEach(function(el){
    el.addEventListener("click", function(){
      var i = el.getAttribute("data-ev"); select([i]); show(byIndex[i].date + " · " + byIndex[i].type, [i]);
      var row = document.getElementById("ev-" + i); if (row) row.scrollIntoView({block: "center"});
    });
  });
  // #leader=KEY in the address opens the page filtered, and the filter is kept in the address
  var m = /(?:^#|&)leader=([A-Za-z0-9]+)/.exec(location.hash);
  if (m && leader.querySelector('option[value="' + m[1] + '"]')) leader.value = m[1];
  leader.addEventListener("change", function(){
    try { history.replaceState(null, "", leader.value ? "#leader=" + leader.value : location.pathname); } catch (e) {}
    apply();
  });
  toggles.forEach(function(t){ t.addEventListener("change", apply); });
  document.getElementById("clear").addEventListener("click", function(){
    leader.value = ""; toggles.forEach(function(t){ t.checked = true; }); select([]); apply();
  });
  apply();
  document.documentElement.setAttribute("data-kg-ready", String(data.length));
})();
"""
