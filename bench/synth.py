"""Synthetic event graphs with exactly kg's shape, and a perturbed next version of them.

The graphs are made by kg.graph from kg.models records, so IRIs, mentions,
labels and the build node look exactly like the output of `kg build`.

    python bench/synth.py --triples 1000000 --change 0.01 --out /tmp/synth
    # -> /tmp/synth/old.nt and /tmp/synth/new.nt
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time
from dataclasses import dataclass, replace
from pathlib import Path

from kg.export import export_graph
from kg.graph import BuildInfo, event_iri, events_graph
from kg.models import Article, DateValue, Entity, Event, Mention

TYPES = ("PhoneCall", "VideoCall", "Call", "Visit", "Meeting", "Summit")
TRIGGER = {"PhoneCall": "اتصالا هاتفيا", "VideoCall": "اتصال عبر الفيديو", "Call": "اتصالا",
           "Visit": "زيارة", "Meeting": "لقاء", "Summit": "قمة"}


@dataclass
class World:
    """The entities and articles synthetic events draw from."""

    persons: list[Entity]
    places: list[Entity]
    articles: list[Article]


def world(n_events: int, rng: random.Random) -> World:
    n_persons = max(20, n_events // 20)
    persons = [Entity(f"Q{9_000_000 + i}", "Person", f"Leader {i}", f"الرئيس {i}", f"Q{9_000_000 + i}")
               for i in range(n_persons)]
    persons += [Entity(f"name:زعيم {i}", "Person", None, f"زعيم {i}") for i in range(n_persons // 10)]
    places = [Entity(f"Q{8_000_000 + i}", rng.choice(["Place", "Country"]), f"Place {i}", f"مكان {i}", f"Q{8_000_000 + i}")
              for i in range(max(10, n_events // 100))]
    start = dt.date(2015, 1, 1)
    articles = [Article(f"a{i:07d}", "", start + dt.timedelta(days=rng.randrange(3650)), "ar",
                        f"https://news.example/{i}", f"Article {i}", rng.choice(["Outlet A", "Outlet B", "Outlet C"]))
                for i in range(max(5, n_events // 2))]
    return World(persons, places, articles)


def random_date(rng: random.Random) -> DateValue:
    y, m, d = rng.randrange(2015, 2026), rng.randrange(1, 13), rng.randrange(1, 29)
    r = rng.random()
    return DateValue.of(y) if r < 0.05 else DateValue.of(y, m) if r < 0.2 else DateValue.of(y, m, d)


def mention(w: World, rng: random.Random, type_: str, people: tuple[Entity, ...]) -> Mention:
    art = rng.choice(w.articles)
    start = rng.randrange(0, 5000)
    evidence = f"أجرى {people[0].label_ar} {TRIGGER[type_]} مع {people[1].label_ar} وبحثا العلاقات الثنائية"
    return Mention(art.id, type_, people, evidence, start, start + len(evidence), TRIGGER[type_])


def random_event(w: World, rng: random.Random) -> Event:
    type_ = rng.choice(TYPES)
    people = tuple(rng.sample(w.persons, rng.randrange(3, 6) if type_ == "Summit" else 2))
    status = "planned" if rng.random() < 0.1 else "occurred"
    roles = {people[0].key: "visitor", people[1].key: "host"} if type_ == "Visit" else {}
    place = rng.choice(w.places) if rng.random() < 0.7 else None
    mentions = [mention(w, rng, type_, people) for _ in range(rng.randrange(1, 4))]
    return Event(type_, people, random_date(rng), status, mentions, place=place, roles=roles)


def events(n: int, w: World, rng: random.Random) -> list[Event]:
    """``n`` events with distinct IRIs (a collision would merge two events' triples)."""
    out, seen = [], set()
    while len(out) < n:
        e = random_event(w, rng)
        iri = event_iri(e)
        if iri not in seen:
            seen.add(iri)
            out.append(e)
    return out


def perturb(old: list[Event], w: World, rng: random.Random, fraction: float) -> tuple[list[Event], dict]:
    """A next version: ``fraction`` of the events refined, moved, re-sourced, extended, removed or added."""
    new = list(old)
    n = max(1, round(len(old) * fraction))
    picks = rng.sample(range(len(old)), n)
    kinds = ("refine", "place", "source", "participant", "remove", "add")
    counts = dict.fromkeys(kinds, 0)
    taken = {event_iri(e) for e in old}
    removed = set()
    for i, idx in enumerate(picks):
        kind = kinds[i % len(kinds)]
        e = old[idx]
        if kind == "refine" and e.date and e.date.precision != "day":
            d = e.date.start()
            changed = replace(e, date=DateValue.of(d.year, d.month, rng.randrange(1, 29)))
        elif kind in ("refine", "place"):
            kind = "place"
            changed = replace(e, place=rng.choice([p for p in w.places if p != e.place]))
        elif kind == "source":
            changed = replace(e, mentions=e.mentions + [mention(w, rng, e.type, e.participants)])
        elif kind == "participant":
            extra = rng.choice([p for p in w.persons if p not in e.participants])
            changed = replace(e, participants=e.participants + (extra,),
                              mentions=[replace(m, participants=m.participants + (extra,)) for m in e.mentions])
        elif kind == "remove":
            removed.add(idx)
            counts[kind] += 1
            continue
        else:
            changed = random_event(w, rng)
            while event_iri(changed) in taken:
                changed = random_event(w, rng)
            new.append(changed)
            taken.add(event_iri(changed))
            counts[kind] += 1
            continue
        if event_iri(changed) in taken and event_iri(changed) != event_iri(e):
            continue  # the change would collide with another event: skip it
        taken.add(event_iri(changed))
        new[idx] = changed
        counts[kind] += 1
    return [e for i, e in enumerate(new) if i not in removed], counts


def graph_of(evs: list[Event], w: World):
    used = {m.article_id for e in evs for m in e.mentions}
    arts = [a for a in w.articles if a.id in used]
    info = BuildInfo(inputs=[(f"synthetic/{a.id}.txt", f"{i:064x}") for i, a in enumerate(arts[:100])],
                     articles_read=len(arts), data_as_of=max(a.published for a in arts).isoformat())
    return events_graph(evs, arts, info)


def triples_per_event(seed: int) -> float:
    rng = random.Random(seed)
    w = world(2000, rng)
    return len(graph_of(events(2000, w, rng), w)) / 2000


def generate(out: Path, *, triples: int = 0, n_events: int = 0, change: float = 0.01, seed: int = 7,
             fmt: str = "nt") -> dict:
    """Write ``old.<fmt>`` and ``new.<fmt>`` under ``out``; returns what was made."""
    if not n_events:
        n_events = max(10, round(triples / triples_per_event(seed)))
    rng = random.Random(seed)
    w = world(n_events, rng)
    old = events(n_events, w, rng)
    new, counts = perturb(old, w, rng, change)
    ext = {"turtle": "ttl", "nt": "nt", "jsonld": "jsonld", "trig": "trig"}[fmt]
    made = {"events": n_events, "changes": counts}
    for name, evs in (("old", old), ("new", new)):
        g = graph_of(evs, w)
        made[f"{name}_triples"] = len(g)
        made[name] = out / f"{name}.{ext}"
        export_graph(g, made[name], fmt)
    return made


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--triples", type=int, default=1_000_000, help="about this many triples per graph")
    ap.add_argument("--events", type=int, default=0, help="exactly this many events (overrides --triples)")
    ap.add_argument("--change", type=float, default=0.01, help="fraction of events changed in new")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--format", default="nt", choices=["nt", "turtle", "trig", "jsonld"])
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    made = generate(args.out, triples=args.triples, n_events=args.events, change=args.change, seed=args.seed,
                    fmt=args.format)
    print(f"{made['old']} ({made['old_triples']} triples), {made['new']} ({made['new_triples']} triples), "
          f"{made['events']} events, changes {made['changes']}, {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
