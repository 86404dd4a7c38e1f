"""From one article's text to event mentions: who, what kind, when, where.

The stages, each a module with plain data between them:

- ``text``: the article normalized, its words, kept lines and sentences (``ArticleText``);
- one automaton pass over the article for names, titles, triggers and cues
  (``entities.Matcher``) and one for dates (``dates.find_dates``);
- ``names``: per sentence, titles resolved to persons (by name, or by the role a
  country's office holder had on the date), places, organizations (``SentenceNames``);
- ``triggers``: the sentence's event words and one scope per event (``Scope``);
- ``frames``: one frame per scope: type (by phone, by video), status (planned;
  negated, hypothetical and habitual mentions make none), the zones whose names or
  dates are not the event's (``Frame``);
- ``dates_places``: the frame's date (resolved against the publication date), place
  and duration;
- ``resolve``: participants by coreference, pairs of a list, a summit's leaders, a
  visit's roles, as ``Mention`` objects.

This module runs them over an article and keeps the article's memory up to date
between sentences. All words and phrases come from ``kg/data/ar/lexicon.json``.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import replace

from ..models import FAMILY, OCCURRED, Article, DateValue, Mention, dates_near
from .dates import DateMention, find_dates
from .dates_places import IN_NEXT_EVENT, also_dated, continues, dateline_day, find_dateline, locate, pick_place
from .english import extract_english, is_english
from .entities import NAME_LAYER, Hit, Matcher, matcher_for
from .frames import event_type, frame_for
from .lexwords import recalled, word_list
from .normalize import normalize
from .names import sentence_names
from .reading import Reading
from .resolve import (attended_summits, is_leader, join_attendance, participants, place_summits, resolve_frame,
                      sideline_summits)
from .triggers import TRIGGER_KINDS, find_triggers, trigger_scopes


def read_article(ctx: Reading) -> list[Mention]:
    """Every event mention of the article, sentence by sentence."""
    hits = ctx.m.hits(ctx.text)
    if not any(h.kind in TRIGGER_KINDS for h in hits):  # no event word: no event (most of a day's news)
        return []
    # a short form ("شي") counts once the full name appears anywhere in the article itself
    ctx.state.seen = {h.value for h in hits if h.kind == "entity" and ctx.t.in_kept(h.start)}
    ctx.state.countries = {ctx.gaz.country_key(h.value) for h in hits if h.kind in ("entity", "demonym")
                           and ctx.gaz.entries[h.value].kind in ("Country", "Place") and ctx.t.in_kept(h.start)}
    ctx.dateline = find_dateline(ctx, hits)
    dates = find_dates(ctx.text)
    if ctx.article.published is None:  # "باريس 6 مايو 2024 (شينخوا)": the report's own day, where a page gave none
        day = dateline_day(ctx, dates, hits)
        if day is not None:
            ctx.article = replace(ctx.article, published=day)
    kinds = {h.value for h in hits if h.kind == "trigger"}
    ctx.phone_only = "PhoneCall" in kinds and not kinds & {"Meeting", "Visit", "Summit", "VideoCall"}
    # an undated article's office holders are looked up on the day its named people held office together
    ctx.era = None if ctx.article.published else ctx.gaz.era(
        k for k in ctx.state.seen if ctx.gaz.entries[k].kind == "Person")
    hit_starts, date_starts = [h.start for h in hits], [d.start for d in dates]
    for idx, (s0, s1) in enumerate(ctx.t.sentences()):
        hi, di = bisect_left(hit_starts, s0), bisect_left(date_starts, s0)
        hj, dj = bisect_left(hit_starts, s1, hi), bisect_left(date_starts, s1, di)
        read_sentence(ctx, idx, s0, s1, [h for h in hits[hi:hj] if h.end <= s1],
                      [d for d in dates[di:dj] if d.end <= s1])
    return during_the_visit(ctx, lead_on_publication_day(ctx, place_summits(ctx, join_attendance(ctx, ctx.mentions))))


def during_the_visit(ctx: Reading, mentions: list[Mention]) -> list[Mention]:
    """"كما استقبل سمو ولي العهد الرئيس الضيف": in a dated report of a visit, a meeting of the visitor
    with another of the hosts, told as held and with no day of its own, is of the visit's day."""
    if ctx.article.published is None:
        return mentions
    pub = ctx.article.published
    reported = DateValue.of(pub.year, pub.month, pub.day)
    visits = [m for m in mentions if m.type == "Visit" and m.status == OCCURRED and m.date is not None
              and m.date.precision == "day" and not m.partial
              and dates_near(m.date, reported)]  # a visit months ago is not the one reported
    if len(visits) != 1:
        return mentions  # one visit the article reports, or nothing to go by
    visit = visits[0]
    visitor = next((k for k, r in visit.roles.items() if r == "visitor"), None)
    out = []
    for m in mentions:
        keys = {p.key for p in m.participants}
        host = next((p for p in m.participants if p.key != visitor), None) if visitor in keys and len(keys) == 2 else None
        if (host is not None and m.date is None and m.status == OCCURRED and not m.partial and m.family == "meeting"
                and keys != {p.key for p in visit.participants}
                and is_leader(ctx, host, visit.date)  # in office that day
                and not recalled(ctx.m, normalize(m.evidence))):  # "سبق لسموه أن التقى ...": another time
            m = replace(m, date=visit.date)
        out.append(m)
    return out


def lead_on_publication_day(ctx: Reading, mentions: list[Mention]) -> list[Mention]:
    """"اختتمت قمة بايدن وبوتين في جنيف": the event a dated report opens with, told in the past and
    with no day of its own nor dated anywhere else in the article, happened on the day of the report;
    so did what the next sentences tell as coming next ("ثم", "وفي وقت لاحق")."""
    pub = ctx.article.published
    if pub is None:
        return mentions
    dated = {m.contact for m in mentions if m.date is not None}
    day = DateValue.of(pub.year, pub.month, pub.day)
    out, lead_dated = [], False
    for m in mentions:
        if (m.date is None and m.start < ctx.lead_end and m.status == OCCURRED and not m.partial
                and m.contact not in dated):
            m = replace(m, date=day.at_most_month() if m.type == "Summit" else day)  # a summit lasts days
            lead_dated = True
        elif (lead_dated and m.date is None and m.status == OCCURRED and not m.partial
              and 0 < ctx.continuing.get(m.start, 99) - ctx.lead_sentence <= 2):
            m = replace(m, date=day)  # "وفي وقت لاحق، استقبل ...": what came next after the lead, that day
        out.append(m)
    return out


def read_sentence(ctx: Reading, idx: int, s0: int, s1: int, hits: list[Hit], dates: list[DateMention]) -> None:
    """The stages over one sentence; its mentions are appended to the article's."""
    names = sentence_names(ctx, hits, dates, s0, s1)
    ctx.name_tokens = names.name_tokens
    if not any(h.kind in TRIGGER_KINDS for h in hits):  # most sentences tell no event: names and dates only
        remember_date(ctx, idx, None, dates)
        return
    cues = [h for h in hits if h.kind not in NAME_LAYER and h.kind != "trigger"]
    found = find_triggers(ctx, hits, cues, s1, s0)
    scopes = trigger_scopes(ctx, found.triggers, cues, dates, s0, s1)
    prev: Mention | None = None
    dated_in_sentence: DateValue | None = None
    first = len(ctx.mentions)
    told: list[int] = []  # where each scope's mentions begin in ctx.mentions (they end where the next begin)
    for k, scope in enumerate(scopes):
        frame = frame_for(ctx, scope, s0, s1, names, cues, dates, prev)
        told.append(len(ctx.mentions))
        if frame is None:
            continue
        if frame.etype == "Talks" and k + 1 < len(scopes):
            frame.etype = talks_by(ctx, scope, scopes[k + 1], cues)
        locate(ctx, frame, names, cues, dates, single=len(scopes) == 1, sentence_idx=idx)
        people = participants(ctx, frame, names, prev, idx)
        for mention in resolve_frame(ctx, frame, people, names):
            if frame.told_day is not None:
                mention = replace(mention, told_day=frame.told_day)
            if mention.date is None and ctx.state.last_date is None and continues(ctx, s0):
                ctx.continuing[mention.start] = idx  # the lead may yet be given its day
            ctx.mentions.append(mention)
            prev = mention
            if mention.date is not None:
                dated_in_sentence = mention.date
            remember(ctx, mention)
    during_dated(ctx, scopes, told + [len(ctx.mentions)])
    also_dated(ctx, s0, first)
    ctx.mentions.extend(sideline_summits(ctx, found.sideline, ctx.mentions[first:], s0, s1))
    ctx.mentions.extend(attended_summits(ctx, found.attended, ctx.mentions[first:], s0, s1))
    for t in found.context:  # "استقبل X قبل انطلاق القمة المنعقدة في شرم الشيخ"
        place = pick_place(ctx, t, names.places, lambda p: True, names.persons, s0)
        if place is not None:
            ctx.state.summit_places[place.key] = place
    if len(ctx.mentions) > first:
        if ctx.last_sentence < 0 and idx <= 1 and not recalled(ctx.m, ctx.text[s0:found.triggers[0].start]):
            ctx.lead_end = ctx.nt.orig_span(s0, s1)[1]  # the article opens with this event
            ctx.lead_sentence = idx
        ctx.last_sentence = idx
    remember_date(ctx, idx, dated_in_sentence, dates)


def talks_by(ctx: Reading, scope, following, cues: list[Hit]) -> str:
    """"بحث X مع Y في اتصال هاتفي": talks whose scope ends in "في" or "خلال" right where a call's word
    stands were that call (by phone, by video)."""
    t = following.trigger
    if not IN_NEXT_EVENT.search(ctx.text, scope.start, scope.end) or ctx.t.tokens_between(scope.end, t.start) > 0:
        return "Talks"
    etype = event_type(ctx, t, cues, following.start, following.end)
    return etype if FAMILY.get(etype) == "call" else "Talks"


def during_dated(ctx: Reading, scopes, told: list[int]) -> None:
    """"كما التقى الرئيسان في حميميم خلال الزيارة التي قام بها بوتين إلى سورية في كانون الأول": an
    event with no day of its own, told during the next event of the sentence, is of that event's date.
    The mentions of scope ``i`` are ``ctx.mentions[told[i]:told[i + 1]]``."""
    during = word_list(ctx.m, "during_words")
    for i in range(len(scopes) - 1):
        t2 = scopes[i + 1].trigger
        if ctx.t.word_before(t2.start - len(t2.prefix)) not in during:
            continue
        dated = next((m for m in ctx.mentions[told[i + 1]:told[i + 2]] if m.date is not None and m.status == OCCURRED),
                     None)
        if dated is None:
            continue
        for k in range(told[i], told[i + 1]):
            m = ctx.mentions[k]
            if m.date is None and m.status == OCCURRED:
                ctx.mentions[k] = replace(m, date=dated.date)


def remember(ctx: Reading, mention: Mention) -> None:
    """The last visit (for "his guest") and the last pairs of persons (for "the two leaders")."""
    if mention.type == "Visit":
        ctx.state.last_visit = mention
    pair = tuple(p for p in mention.participants if p.kind == "Person")
    if len(pair) == 2:  # "the two leaders" refers back to a pair, not to a group
        keys = {p.key for p in pair}
        ctx.state.pairs = [q for q in ctx.state.pairs if {p.key for p in q} != keys][-5:] + [pair]


def remember_date(ctx: Reading, idx: int, dated: DateValue | None, dates: list[DateMention]) -> None:
    """"the same day" later on refers to the last event's date, else to the sentence's first date."""
    sentence_date = dated
    if sentence_date is None:
        for d in dates:
            if d.kind != "same_day":
                sentence_date = d.resolve(ctx.article.published)
                if sentence_date:
                    break
    if sentence_date is not None:
        ctx.state.last_date = sentence_date
        ctx.state.last_date_sentence = idx


def extract_article(article: Article, matcher: Matcher | None = None) -> list[Mention]:
    """Event mentions in one article, read with the knowledge of its language."""
    matcher = matcher or matcher_for()
    lang = (article.language or "").lower()
    # the tag decides, unless the script says otherwise: Arabic script tagged "en" is read as Arabic
    if (not lang or lang.startswith("en")) and is_english(article.text):
        return extract_english(article, matcher.gaz)
    return read_article(Reading.of(article, matcher))
