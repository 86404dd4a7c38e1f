"""One event per real event: merge mentions within and across articles.

Within an article, mentions with the same type family, participants and
status and compatible dates are one event; an undated mention joins the
article's dated event with the same participants; a mention with fewer
participants than its type needs ("Putin said during the call") joins the
latest event that includes them. Across articles, events with the same key
and compatible dates merge, and an article's undated mention joins a dated
event reported by another article in the month before it was published.
What stays undated is written as an undated event (floating mentions of one
type family and the same participants are one event): kg never invents a date,
and a call between two named leaders is an event even when its day is unknown.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Iterable

from ..models import FAMILY, GENERIC, OCCURRED, PLANNED, DateValue, Entity, Event, Mention, dates_near

CROSS_ARTICLE_WINDOW = dt.timedelta(days=31)


@dataclass
class Cluster:
    family: str  # call, meeting, summit or talks
    keys: frozenset
    status: str
    date: DateValue | None
    mentions: list[Mention] = field(default_factory=list)
    published: dt.date | None = None
    place_hint: Entity | None = None  # where the visit this meeting happened during took place

    def add(self, m: Mention):
        self.mentions.append(m)
        if m.date is not None and (self.date is None or len(m.date.value) > len(self.date.value)):
            self.date = m.date

    def accepts_date(self, d: DateValue | None) -> bool:
        return d is None or self.date is None or self.date.compatible(d)


def _keys(m: Mention) -> frozenset:
    return frozenset(p.key for p in m.participants)


def _family_ok(cluster_family: str, family: str) -> bool:
    return cluster_family == family or "talks" in (cluster_family, family) and {cluster_family, family} <= {"call", "meeting", "talks"}


@dataclass
class MergeReport:
    events: list[Event]
    undated: tuple[int, int]  # (events written without a date, undated mentions of dated articles left out)
    dropped_partial: int




def _absorb_visits(clusters: list[Cluster]) -> list[Cluster]:
    """A visit lasts days: an arrival ("وصل X إلى ...") joins the meeting of the same visit told in
    the same article (same or more participants, within a week), which keeps its own date."""
    out = list(clusters)
    for a in sorted(clusters, key=lambda c: (len(c.keys), c.date.value)):
        if a.family != "meeting" or any(m.type != "Visit" for m in a.mentions):
            continue
        options = [b for b in out if b is not a and b.family == "meeting" and b.status == a.status
                   and a.keys <= b.keys and a.date.near(b.date)
                   and all(_same_country(b, m) for m in a.mentions)]  # not the visitor's next stop
        if not options:
            continue
        target = max(options, key=lambda b: (len(b.keys), any(m.type != "Visit" for m in b.mentions),
                                             -abs((b.date.start() - a.date.start()).days)))
        target.mentions.extend(a.mentions)
        out.remove(a)
    return out


def _join_lone_visitors(dated: list[Cluster], floating: list[Cluster]) -> tuple[list[Cluster], list[Cluster]]:
    """"وصل X إلى الرياض" and "استقبل Y ضيفه X" are one visit: a visit told with the visitor alone
    joins the article's visit or meeting that includes the visitor, whichever of the two is dated
    giving the date (dates must agree, or be a week apart at most when both are days)."""
    everything = dated + floating
    for lone in sorted(everything, key=lambda c: (c.date is None, c.date.value if c.date else "")):
        if len(lone.keys) != 1 or lone.family != "meeting" or lone not in everything:
            continue
        options = [c for c in everything if c is not lone and c.family in ("meeting", "talks")
                   and c.status in (lone.status, OCCURRED) and lone.keys < c.keys and dates_near(lone.date, c.date)]
        if not options:
            continue
        # of the visitor's stops, the one in the country the arrival names ("وصل إلى أبوظبي ... واستقبله" before
        # "ثم انتقل إلى الرياض، حيث استقبله")
        target = min(options, key=lambda c: (not all(_same_country(c, m) for m in lone.mentions), c.date is None,
                                             len(c.keys), c.date.value if c.date else ""))
        date = target.date if target.date is not None else lone.date
        for m in lone.mentions:
            target.add(m)
        target.date = date if target.date is None or date is None or len(target.date.value) >= len(date.value) else date
        everything.remove(lone)
    return [c for c in everything if c.date is not None], [c for c in everything if c.date is None]


def _occurred_wins(dated: list[Cluster], floating: list[Cluster]) -> tuple[list[Cluster], list[Cluster]]:
    """An event announced as planned and reported as held in the same article is one event, held:
    the planned cluster joins the occurred one with the same participants (dates agreeing, or a
    week apart at most); the held event's date wins, else the announced one stays."""
    everything = dated + floating
    for planned in [c for c in everything if c.status == PLANNED]:
        options = [c for c in everything if c.status == OCCURRED and _family_ok(c.family, planned.family)
                   and c.keys == planned.keys and dates_near(c.date, planned.date)]
        # "يبدأ X الأربعاء زيارة ..." then "استقبل Y الضيفَ X": the same visitor's visit, whoever received him
        by_visitor = [c for c in everything if c.status == OCCURRED and c.family == planned.family == "meeting"
                      and _visitors(planned) and _visitors(c) == _visitors(planned) and dates_near(c.date, planned.date)
                      and all(_same_country(c, m) for m in planned.mentions)]  # not the visitor's next stop
        if not options and len(by_visitor) == 1:
            options = by_visitor
            planned.mentions = [replace(m, partial=True) for m in planned.mentions]  # who was announced is not who met
        if not options:
            continue
        target = min(options, key=lambda c: (c.date is None, c.date.value if c.date else ""))
        date = target.date or planned.date
        target.mentions.extend(planned.mentions)
        target.date = date
        everything.remove(planned)
    return [c for c in everything if c.date is not None], [c for c in everything if c.date is None]


def _received_wins(dated: list[Cluster], floating: list[Cluster]) -> tuple[list[Cluster], list[Cluster]]:
    """"بدأ X زيارة تلبية لدعوة من Y" and "استقبل Z الضيف X" in one article are one visit, hosted by Z:
    a held visit whose host is only its inviter joins the held visit of the same visitor, that week,
    whose host received him, and the inviter is no participant."""
    everything = dated + floating
    def inviter_only(c: Cluster) -> bool:
        hosts = {k for m in c.mentions for k, r in m.roles.items() if r == "host"}
        return bool(hosts) and all(k in m.invited for m in c.mentions for k in hosts if k in m.roles)
    for c in [c for c in everything if c.family == "meeting" and c.status == OCCURRED and inviter_only(c)]:
        options = [o for o in everything if o is not c and o.family == "meeting" and o.status == OCCURRED
                   and _visitors(o) and _visitors(o) == _visitors(c) and not inviter_only(o) and dates_near(o.date, c.date)]
        if len(options) != 1:
            continue
        target = options[0]
        for m in c.mentions:
            target.mentions.append(replace(m, partial=True))
        target.date = target.date or c.date
        everything.remove(c)
    return [c for c in everything if c.date is not None], [c for c in everything if c.date is None]


def _same_country(c: Cluster, m: Mention) -> bool:
    told = {x.place_country for x in c.mentions if x.place_country and not x.weak_place}
    return not told or m.place_country is None or m.weak_place or m.place_country in told


def _same_day(c: Cluster, m: Mention) -> bool:
    told = {x.told_day for x in c.mentions if x.told_day is not None}
    return not told or m.told_day is None or m.told_day in told


def _visitors(c: Cluster) -> set[str]:
    return {k for m in c.mentions if m.type == "Visit" for k, r in m.roles.items() if r == "visitor"}


def _one_summit(dated: list[Cluster], floating: list[Cluster]) -> tuple[list[Cluster], list[Cluster]]:
    """An article tells a summit in several sentences, naming different leaders at it: summit
    clusters of one status whose dates agree, or that are all undated, are one summit of all they
    name (an undated mention in a dated article may be of another summit: it joins none)."""
    everything = dated + floating
    summits = sorted((c for c in everything if c.family == "summit"),
                     key=lambda c: (c.date is None, -(len(c.date.value) if c.date else 0)))
    kept: list[Cluster] = []
    for c in summits:
        target = next((k for k in kept if k.status == c.status and (c.date is None) == (k.date is None)
                       and (c.date is None or k.date.compatible(c.date))), None)
        if target is None:
            kept.append(c)
            continue
        for m in c.mentions:
            target.add(m)
        target.keys = target.keys | c.keys
        everything.remove(c)
    return [c for c in everything if c.date is not None], [c for c in everything if c.date is None]


def _summit_in_progress(dated: list[Cluster], floating: list[Cluster]) -> tuple[list[Cluster], list[Cluster]]:
    """A dated article that reports a summit as held without its dates tells one in progress or
    just ended: it is dated to the publication month, the precision a multi-day summit has."""
    if any(c.family == "summit" for c in dated):
        return dated, floating
    held = [c for c in floating if c.family == "summit" and c.status == OCCURRED and c.published is not None]
    if len(held) != 1:
        return dated, floating
    summit = held[0]
    summit.date = DateValue.of(summit.published.year, summit.published.month)
    return dated + [summit], [c for c in floating if c is not summit]


def _place_of(c: Cluster) -> Entity | None:
    """The first place the cluster's mentions tell (not one only the dateline gives)."""
    told = [m.place for m in c.mentions if m.place is not None and not m.weak_place]
    return told[0] if told else None


def _unplaced_meeting(c: Cluster) -> bool:
    """A meeting or talks the text does not place (a visit places itself)."""
    return (c.family in ("meeting", "talks") and c.place_hint is None and _place_of(c) is None
            and not any(m.type == "Visit" for m in c.mentions))


def _hint_place(c: Cluster, near: list[Cluster]) -> None:
    """The one place of the clusters ``c`` happened near, if they tell one."""
    places = {p.key: p for p in map(_place_of, near)}
    if len(places) == 1:
        c.place_hint = next(iter(places.values()))


def _place_during_visits(clusters: list[Cluster]) -> None:
    """A meeting the text does not place, with a visitor during that visitor's visit (within three days), is
    where the visit is: "وصل X إلى طوكيو ... ويتباحث اليوم مع رئيس الحكومة"."""
    visits = [c for c in clusters if any(m.type == "Visit" for m in c.mentions) and _place_of(c) is not None]
    for c in filter(_unplaced_meeting, clusters):
        _hint_place(c, [v for v in visits if _visitors(v) & c.keys and dates_near(v.date, c.date, 3)])


def _place_at_summits(clusters: list[Cluster]) -> None:
    """A held meeting the text does not place, within three days of the day of the article's held summit, is
    where the summit was: "التقى بوتين مساء الثلاثاء رامافوزا" in a report of the summit that closed in Kazan on
    Thursday (one summit of that time and place)."""
    summits = [c for c in clusters if c.family == "summit" and c.status == OCCURRED and c.date is not None
               and c.date.precision == "day" and _place_of(c) is not None]
    for c in clusters:
        if c.status == OCCURRED and c.date is not None and _unplaced_meeting(c):
            _hint_place(c, [s for s in summits if dates_near(s.date, c.date, 3)])


def merge_article(mentions: list[Mention]) -> tuple[list[Cluster], list[Cluster], int]:
    """Clusters of one article: (dated or joined clusters, undated clusters, dropped partial mentions)."""
    clusters: list[Cluster] = []
    full = [m for m in mentions if not m.partial]
    typed = [m for m in full if m.family != "talks"]
    talks = [m for m in full if m.family == "talks"]
    for group in (typed, talks):
        for m in group:
            if m.date is None:
                continue
            target = next((c for c in clusters if _family_ok(c.family, m.family) and c.keys == _keys(m)
                           and c.status == m.status and c.accepts_date(m.date)), None)
            if target is None:
                target = Cluster(m.family, _keys(m), m.status, None, published=m.published)
                clusters.append(target)
            if target.family == "talks" and m.family != "talks":
                target.family = m.family
            target.add(m)
    clusters = _absorb_visits(clusters)
    floating: list[Cluster] = []
    for m in typed + talks:
        if m.date is not None:
            continue
        options = [c for c in clusters if _family_ok(c.family, m.family) and c.keys == _keys(m) and c.status == m.status
                   # "استقبل X اليوم Y" on an undated page is not the meeting "they had held in December 2023"
                   and not (m.told_day is not None and all(x.recalled for x in c.mentions))]
        if options:
            best = max(options, key=lambda c: (c.date.value if c.date else ""))
            best.add(m)
            continue
        # "وسبق الاجتماع الثلاثي لقاء ثنائي جمع X و Y": a meeting of some of the participants of
        # the article's one dated meeting happened that day too
        wider = [c for c in clusters if c.family == "meeting" and m.family in ("meeting", "talks")
                 and c.status == m.status and _keys(m) < c.keys and c.date.precision == "day"]
        if len(wider) == 1 and len(_keys(m)) >= 2:
            own = Cluster("meeting", _keys(m), m.status, None, published=m.published)
            own.add(m)
            own.date = wider[0].date
            clusters.append(own)
            continue
        # undated tellings of one pair are one event, unless they place it in different countries
        # or on different days ("وصل أمس" and "التقى اليوم" in an article with no date)
        # (two readings of one sentence as one kind of event are one telling, whatever they say of where: two
        # would be two events with one name)
        options = [c for c in floating if _family_ok(c.family, m.family) and c.keys == _keys(m)
                   and c.status == m.status and ((_same_country(c, m) and _same_day(c, m))
                                                 or any(x.start == m.start and x.type == m.type for x in c.mentions))]
        # of two undated events of the pair (a visit and, on another day, talks), the one of its kind
        target = next((c for c in options if any(x.type == m.type for x in c.mentions)), options[0] if options else None)
        if target is None:
            target = Cluster(m.family, _keys(m), m.status, None, published=m.published)
            floating.append(target)
        target.add(m)
    clusters, floating = _join_lone_visitors(clusters, floating)
    clusters, floating = _occurred_wins(clusters, floating)
    clusters, floating = _received_wins(clusters, floating)
    clusters, floating = _one_summit(clusters, floating)
    clusters, floating = _summit_in_progress(clusters, floating)
    _place_during_visits(clusters + floating)
    _place_at_summits(clusters)
    dropped = 0
    # where each mention was told, by what survives the copies the steps above make ("partial" set on a
    # planned visit's mentions): a copy has its original's place in the text
    order = {_told_at(m): i for i, m in enumerate(mentions)}
    for m in (m for m in mentions if m.partial):
        options = [c for c in clusters + floating if _family_ok(c.family, m.family) and _keys(m) <= c.keys
                   and c.status == m.status and c.accepts_date(m.date)]
        if not options:
            dropped += 1
            continue
        def last_before(c: Cluster) -> int:
            here = order[_told_at(m)]
            return max((order[_told_at(x)] for x in c.mentions if order[_told_at(x)] < here), default=-1)

        target = max(options, key=last_before)
        target.mentions.append(m)
    return clusters, floating, dropped


def _told_at(m: Mention) -> tuple:
    return m.article_id, m.start, m.end, m.trigger, m.type, tuple(p.key for p in m.participants)


def group_key(c: Cluster) -> tuple:
    """Clusters that may merge share participants and status (families are settled inside); a summit
    told with its place is one summit whoever each article names at it: summits share the country."""
    if c.family == "summit":
        country = next((m.place_country for m in c.mentions if m.place_country and not m.weak_place), None)
        if country:
            return ((f"@summit in {country}",), c.status)
    return (tuple(sorted(c.keys)), c.status)


def article_clusters(mentions: list[Mention]) -> tuple[list[tuple[tuple, Cluster, bool]], int]:
    """One article's clusters, keyed for the cross-article group-by: (key, cluster, dated)."""
    dated, floating, dropped = merge_article(mentions)
    return [(group_key(c), c, True) for c in dated] + [(group_key(c), c, False) for c in floating], dropped


def _order(c: Cluster) -> tuple:
    first = min(c.mentions, key=lambda m: (m.article_id, m.start))
    return (first.article_id, first.start, c.family)


@dataclass
class Target:
    """What the merge of a group looks at in a cluster others join, without their mentions: its
    family, date and articles, and the clusters that joined it (``handles``: the clusters themselves,
    or where they are kept), in the order they joined."""

    family: str
    date: DateValue | None
    handles: list
    articles: set = field(default_factory=set)
    cluster: Cluster | None = None  # an undated event's first cluster, with the mentions joined so far


def plan_group(dated: Iterable[tuple[object, Cluster]], floating: Iterable[tuple[object, Cluster]]
               ) -> tuple[list[Target], tuple[int, int]]:
    """Which clusters of one key make one event: ``dated`` most precise first, ``floating`` (undated) in
    text order, each as (handle, cluster). Returns the targets, then (undated events, undated mentions
    left out). Only each target's family, date and articles are held, so the clusters may stream from disk."""
    merged: list[Target] = []
    # most precise first, so a month-precise cluster joins the day-precise one
    for h, c in dated:
        target = next((t for t in merged if _family_ok(t.family, c.family) and t.date.compatible(c.date)), None)
        if target is None:
            merged.append(Target(c.family, c.date, [h], {m.article_id for m in c.mentions}))
            continue
        if target.family == "talks":
            target.family = c.family
        for m in c.mentions:  # as Cluster.add: the most precise date told wins
            if m.date is not None and len(m.date.value) > len(target.date.value):
                target.date = m.date
        target.handles.append(h)
        target.articles.update(m.article_id for m in c.mentions)
    undated: list[Target] = []
    left = 0
    for h, f in floating:
        pub = f.published
        options = []
        for t in merged:
            if not _family_ok(t.family, f.family) or pub is None:
                continue
            if f.mentions[0].article_id in t.articles:
                continue
            start = t.date.start()
            if -CROSS_ARTICLE_WINDOW <= start - pub <= dt.timedelta(days=1):  # no overflow at year 1 or 9999
                options.append(t)
        if options:
            best = min(options, key=lambda t: (abs((pub - t.date.start()).days), t.date.value))
            best.handles.append(h)
            best.articles.update(m.article_id for m in f.mentions)
            continue
        if pub is not None:
            # a dated article's undated mention that joins nothing refers back to an event told
            # elsewhere or in passing; only an undated article's events are written without a date
            left += len(f.mentions)
            continue
        target = next((t for t in undated if _family_ok(t.family, f.family)
                       and t.cluster.mentions[0].article_id == f.mentions[0].article_id
                       and all(_same_country(t.cluster, m) and _same_day(t.cluster, m) for m in f.mentions)), None)
        if target is None:
            undated.append(Target(f.family, None, [h], cluster=replace(f, mentions=list(f.mentions))))
            continue
        if target.family == "talks":
            target.family = f.family
        target.cluster.mentions.extend(f.mentions)
        target.handles.append(h)
    return merged + undated, (len(undated), left)


def joined(t: Target, clusters: list[Cluster]) -> Cluster:
    """The cluster of a target's event, from the clusters that joined it, in that order."""
    own = clusters[0]
    return Cluster(t.family, own.keys, own.status, t.date or own.date, [m for c in clusters for m in c.mentions],
                   own.published, own.place_hint)


def merge_group(items: list[tuple[Cluster, bool]]) -> tuple[list[Event], int]:
    """Merge the clusters of one key across articles: (events, (undated events, undated mentions left out)).

    The result does not depend on the order of ``items``, so the group-by can run anywhere.
    """
    dated = sorted((c for c, is_dated in items if is_dated),
                   key=lambda c: (-len(c.date.value), c.date.value) + _order(c))
    floating = sorted((c for c, is_dated in items if not is_dated), key=_order)
    targets, counts = plan_group(((c, c) for c in dated), ((f, f) for f in floating))
    return [_event(joined(t, t.handles)) for t in targets], counts


def event_order(e: Event) -> tuple:
    """A total order: undated events of one type and pair differ by their articles."""
    first = e.mentions[0] if e.mentions else None
    return (e.date.value if e.date else "", e.type, [p.key for p in e.participants], e.status, e.sources,
            (first.article_id, first.start) if first else ("", 0))


def merge(mentions: list[Mention]) -> MergeReport:
    """Events from all mentions of all articles, in a deterministic order."""
    by_article: dict[str, list[Mention]] = {}
    for m in mentions:
        by_article.setdefault(m.article_id, []).append(m)
    groups: dict[tuple, list[tuple[Cluster, bool]]] = {}
    dropped = 0
    for art in sorted(by_article):
        keyed, d = article_clusters(by_article[art])
        dropped += d
        for key, cluster, is_dated in keyed:
            groups.setdefault(key, []).append((cluster, is_dated))
    events, undated = merge_groups(groups)
    return MergeReport(events, undated, dropped)


def merge_groups(groups: dict[tuple, list]) -> tuple[list[Event], int]:
    """Every group merged, the events in their deterministic order: (events, (undated events written,
    undated mentions of dated articles left out))."""
    events: list[Event] = []
    undated = left = 0
    for key in sorted(groups):
        evs, (u, n) = merge_group(groups[key])
        events.extend(evs)
        undated, left = undated + u, left + n
    events.sort(key=event_order)
    return events, (undated, left)


def _pick_entity(candidates: list[Entity]) -> Entity:
    return min(candidates, key=lambda e: (e.label_en or "", e.label_ar or "", e.wikidata or ""))


def _event(c: Cluster) -> Event:
    mentions = sorted(c.mentions, key=lambda m: (m.article_id, m.start, m.end, m.type))
    family = c.family if c.family != "talks" else "meeting"
    types = {m.type for m in mentions if FAMILY.get(m.type) == family}
    if family == "call":
        specific = types & {"PhoneCall", "VideoCall"}
        etype = specific.pop() if len(specific) == 1 else "Call"
    elif family == "meeting":
        etype = "Visit" if "Visit" in types else "Meeting"
    else:
        etype = GENERIC[family]
    people: dict[str, list[Entity]] = {}
    for m in mentions:
        if m.partial:
            continue
        for p in m.participants:
            people.setdefault(p.key, []).append(p)
    participants = tuple(_pick_entity(v) for _, v in sorted(people.items()))
    roles: dict[str, str] = {}
    if etype == "Visit":
        # who hosted whom, first from the tellings that name both and give the day (a headline that names only the
        # guest, "جلالة الملك يستقبل رئيس الحكومة الإسبانية", knows less)
        for m in sorted(mentions, key=lambda m: (len(m.roles) < 2, m.date is None)):
            for k, r in sorted(m.roles.items()):
                if k in people and k not in roles and r not in roles.values():
                    roles[k] = r
    # a dated mention with all participants says more about where than a passing one
    places: Counter = Counter()
    for m in mentions:
        if m.place is not None and not m.weak_place:
            places[m.place.key] += 1 + (not m.partial) + (m.date is not None) + (m.status == c.status)
    if not places and c.place_hint is not None:  # a meeting during a visit
        places[c.place_hint.key] = 1
    if not places:  # only the dateline says where
        places.update(m.place.key for m in mentions if m.place is not None)
    place = None
    if places:
        first = {k: min((i for i, m in enumerate(mentions) if m.place and m.place.key == k), default=len(mentions))
                 for k in places}
        top = max(places.items(), key=lambda kv: (kv[1], -first[kv[0]]))[0]
        # "زار سورية ... والتقيا في قاعدة حميميم بريف اللاذقية": a city told inside the country is more exact
        inside = {m.place.key for m in mentions if m.place and m.place.kind != "Country" and not m.weak_place
                  and m.place_country == top and m.place.key != top}
        if inside and any(m.place and m.place.key == top and m.place.kind == "Country" for m in mentions):
            top = max(inside, key=lambda k: (places[k], -first[k]))
        told = [m.place for m in mentions if m.place and m.place.key == top]
        place = _pick_entity(told) if told else c.place_hint
    organizer = next((m.organizer for m in mentions if m.organizer is not None), None)
    duration = next((m.duration_minutes for m in mentions if m.duration_minutes), None)
    return Event(type=etype, participants=participants, date=c.date, status=c.status, mentions=mentions,
                 place=place, roles=roles, organizer=organizer, duration_minutes=duration)
