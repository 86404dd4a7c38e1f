"""The dates and places stage: when and where one event happened, from its scope and its sentence.

A date is the closest one in the trigger's scope that no clause about something else holds
(a relative clause, a temporal clause, the announcement of a plan), resolved against the
publication date; else an offset from the sentence's last dated event, else the last date
when the sentence continues the previous one. A place follows "في"/"إلى" near the trigger;
a dateline ("موسكو - (وكالات)") is where the report was filed.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import replace
from typing import TYPE_CHECKING

from ..models import OCCURRED, DateValue, Entity, Mention
from .entities import Hit
from .lexwords import cached, recalled, without_conjunction, word_list, word_map
from .normalize import alternation, normalize

if TYPE_CHECKING:
    from .dates import DateMention
    from .frames import Frame
    from .names import PersonRef, PlaceRef, SentenceNames
    from .reading import Reading

PLACE_PREPOSITIONS = {normalize(w) for w in ("في", "إلى", "بمدينة", "بالعاصمة", "مدينة", "العاصمة", "لدى", "الى",
                                              # "القمة التي تستضيفها أستانا": the host city of a summit
                                              "تستضيفها", "يستضيفها", "تستضيف", "يستضيف", "تحتضنها", "تحتضن", "يحتضن",
                                              "استضافت", "استضاف", "احتضنت", "احتضن")}
DATELINE_TAIL = re.compile(r"\s*(?:[-–—:(/]|[،,]\s*\d|في\s+\d)")
DATE_REACH = 12  # words after the trigger within which its date is told


def find_dateline(ctx: Reading, hits: list[Hit]) -> Entity | None:
    """"موسكو - (وكالات)", "القاهرة في 5 مايو (أ ش أ)": a place opening a line, then a dash, a
    bracket or "في" and a date, is where the report was filed."""
    starts = ctx.t.kept_starts
    for h in hits:
        if h.kind != "entity" or ctx.gaz.entries[h.value].kind not in ("Place", "Country"):
            continue
        k = bisect.bisect_right(starts, h.start) - 1
        if k < 0 or ctx.text[starts[k]:h.start - len(h.prefix)].strip():
            continue
        if DATELINE_TAIL.match(ctx.text, h.end + len(h.suffix)):
            return ctx.gaz.entity(ctx.gaz.site(h.value))
    return None


DATELINE_DAY_AFTER = re.compile(r"\s*(?:[-–—(/]|\n|$)")  # "باريس 6 مايو 2024 (شينخوا)", "دبي، 3 مارس 2025 - "


def dateline_day(ctx: Reading, dates: list[DateMention], hits: list[Hit]) -> dt.date | None:
    """The full date a report's first line opens with, after at most a place and "في", and before the agency
    or a dash ("باريس 6 مايو 2024 (شينخوا)", "القاهرة في 5 مايو 2024 (أ ش أ) -"): the day it was filed.
    A line that names a person or an event before its date is a sentence, no dateline."""
    for a, b in ctx.t.kept[:3]:  # a headline may come first
        for d in dates:
            if d.start < a:
                continue
            if d.start >= b or d.start - a > 60:
                break
            if d.kind != "abs" or d.value is None or d.value.precision != "day":
                continue
            # "باريس 6 مايو 2024", "روما - بوابة الوسط | الأربعاء 07 يونيو 2023": a place, an outlet, a weekday
            head = re.sub(r"[،,|/\-–—()]", " ", ctx.text[a:d.start]).split()
            if len(head) <= 5 and DATELINE_DAY_AFTER.match(ctx.text, d.end) and ctx.text[a:d.start].strip() \
                    and 1900 <= d.value.start().year <= 2100 \
                    and not any(a <= h.start < d.start and (h.kind in ("trigger", "talks_verb") or (
                        h.kind in ("entity", "short") and ctx.gaz.entries[h.value].kind == "Person")) for h in hits):
                return d.value.start()
            break
    return None


DURING_IT = re.compile(r"\s*(?:خلالها|خلاله|خلالهما|اثناءها|اثناءه)(?!\w)")  # "التقى خلالها": during the event told before
IN_NEXT_EVENT = re.compile(r"(?<!\w)(?:في|خلال)\s*$")  # a scope that ends where the next event word is


def pick_date(ctx: Reading, t, a, b, zones, dates, future, single, sentence_idx, s0, persons, s1=None) -> DateValue | None:
    pub = ctx.article.published
    shifted = days_after_previous(ctx, t, s0, b)
    if shifted is not None:
        return shifted
    zones = event_date_zones(ctx, t, b, zones)
    cands = candidates(ctx, t, a, b, zones, dates, single, persons)
    if not cands:  # "كما تلقى أمس، اتصالا من Z": the day stands between the verb and its object
        cands = [d for d in dates if s0 <= d.end <= a and ctx.t.tokens_between(d.end, t.start) <= 1]
    if not cands and DURING_IT.match(ctx.text, t.end + len(t.suffix)) and ctx.text[t.start:t.start + 1] not in "يت":
        # "زار الهند الشهر الماضي، حيث شارك في القمة والتقى خلالها مودي": the day of the event told before it
        # (not "جولة تستمر أربعة أيام يلتقي خلالها": what is to come over the days of a tour)
        told = next((m for m in reversed(this_sentence(ctx, s0)) if m.date is not None), None)
        if told is not None:
            return told.date
    if not cands and t.value != "Visit" and IN_NEXT_EVENT.search(ctx.text, a, b):
        # "بحث X مع Y في اتصال هاتفي مساء أمس": the talks are the call told next, on its day
        cands = [d for d in dates if d.start >= b and ctx.t.tokens_between(b, d.start) <= 5]
    if not cands and linked_to_clause_before(ctx, t, s0):
        # "جولة بدأها الثلاثاء في إسرائيل، حيث التقى نتنياهو", "شهدت أمس لقاءات، أبرزها اللقاء الذي ...":
        # the event hangs on the clause before, and has its day
        cands = [d for d in dates if s0 <= d.end <= a][-1:]
    if cands:
        best = min(cands, key=lambda d: (d.start < t.start, abs(d.start - t.end)))
        if best.kind == "same_day":
            return same_day(ctx, s0, best.offset)
        if best.kind == "same_year":
            return same_year(ctx, s0, best, dates)
        if best.kind == "same_month":
            told = told_before(ctx, s0, best, dates)
            return told.at_most_month() if told is not None else None
        value = best.resolve(pub, future)
        if value is not None:
            return value
    relative = relative_to_previous(ctx, t, s0)
    if relative is not None:
        return relative
    if t.prefix.startswith("و") and ctx.text[t.start:t.end] in ctx.m.verbs:
        # "حين زار أنقرة في يونيو والتقى أردوغان": a verb joined to the sentence's event shares its day
        told = next((m for m in reversed(this_sentence(ctx, s0)) if m.status == OCCURRED), None)
        if told is not None and told.date is not None and not future:
            return told.date
    inside = None if future else inside_reported_event(ctx, s0, s1 or b)  # "... خلال الزيارة" may follow the scope
    if inside is not None:
        return inside
    if continues(ctx, s0) and ctx.state.last_date is not None and sentence_idx - ctx.state.last_date_sentence <= 3:
        return ctx.state.last_date
    if pub is not None and not future and LIVE_ENTRY.match(ctx.text, s0):
        return DateValue.of(pub.year, pub.month, pub.day)  # "13:40 — السيسي يعقد لقاء ...": a live page's entry of its day
    return None


LIVE_ENTRY = re.compile(r"\s*\d{1,2}[:.]\d{2}\s*[—–-]")  # "13:40 —" opening a line of a live page


def also_dated(ctx: Reading, s0: int, first: int) -> None:
    """"كما تلقى ... اتصالا هاتفيا من Z": a held event of the sentence with no day of its own, after "also",
    is one more of what the report told, on the day of the last held event of that kind before the sentence
    ("also" adds a call to the calls, not to a date said in passing, nor to one recalled with "وكان ... قد").
    ``first``: the sentence's first mention."""
    opener = ctx.text[s0:s0 + 12].split()[:1]
    if not opener or opener[0] not in word_list(ctx.m, "also_openers"):
        return
    for k in range(first, len(ctx.mentions)):
        m = ctx.mentions[k]
        if m.date is not None or m.status != OCCURRED:
            continue
        last = next((x for x in reversed(ctx.mentions[:first]) if x.date is not None and x.status == OCCURRED
                     and x.family == m.family and not recalled(ctx.m, normalize(x.evidence))), None)
        if last is not None:
            ctx.mentions[k] = replace(m, date=last.date)


def continues(ctx: Reading, s0: int) -> bool:
    """Whether the sentence opens as what came next ("ثم", "وبعد ذلك", "وفي وقت لاحق، استقبل"), or tells
    it as later early on ("كما تلقى الرئيس في وقت لاحق اتصالا")."""
    opener = ctx.text[s0:s0 + 30].strip()
    if any(opener.startswith(o) and not opener[len(o):len(o) + 1].isalnum()
           for o in word_list(ctx.m, "continuation_openers")):
        return True
    head = " " + " ".join(ctx.text[s0:s0 + 120].split()[:8]).replace("،", " ") + " "
    return any(f" {w} " in head for w in word_list(ctx.m, "later_markers"))


def event_date_zones(ctx: Reading, t: Hit, b: int, zones) -> list[tuple[int, int]]:
    """The frame's zones whose dates are not the event's, with relative clauses about other nouns and
    what follows "ثم" ("يزور الرياض أولا، ثم يتوجه إلى قطر غدا": the next step, with its own day)."""
    zones = zones + relative_clauses(ctx, t, b)
    then = re.search(r"(?<!\w)ثم(?!\w)", ctx.text[t.end:b])
    return zones + [(t.end + then.start(), b)] if then else zones


def gathering_follows(ctx: Reading, t: Hit) -> bool:
    """"قمة ألاسكا التي جمعت X وY", "اللقاء الذي جمع X وY", "اللقاء بين X وY": the event word, or its name,
    then a clause naming who it brought together."""
    words = ctx.text[t.end + len(t.suffix):t.end + len(t.suffix) + 60].split()[:4]
    if words and words[0] == "بين":
        return True  # "اللقاء بين X وY"
    gathering = word_list(ctx.m, "gathering_clauses")
    return any(" ".join(words[k:k + 2]) in gathering for k in range(3))


def candidates(ctx: Reading, t: Hit, a: int, b: int, zones, dates, single: bool, persons) -> list[DateMention]:
    """The dates told of the event in its scope: outside the excluded zones, and after the trigger
    only within reach (a sentence of one event: anywhere in the sentence)."""
    # "the meeting" is dated close by, if at all; not when a clause of its own tells it ("الاستقبال الذي خص به X Y ...")
    reach = DATE_REACH // 2 if "ال" in t.prefix and not gathering_follows(ctx, t) else DATE_REACH
    cands = [d for d in dates if a <= d.start < b and not any(z0 <= d.start < z1 for z0, z1 in zones)
             and not (d.start > t.end and distance(ctx, t, d.start, persons) > reach)]
    if not cands and single:
        cands = [d for d in dates if not any(z0 <= d.start < z1 for z0, z1 in zones)
                 and not (d.start > t.end and distance(ctx, t, d.start, persons) > reach)]
    return cands


def told_day(ctx: Reading, frame: Frame, dates, single: bool, persons) -> int | None:
    """"وصل أمس" and "التقى اليوم" in an article with no publication date: days that cannot be
    resolved but are not the same day (-1 and 0)."""
    t = frame.trigger
    cands = [d for d in candidates(ctx, t, frame.start, frame.end, event_date_zones(ctx, t, frame.end, frame.date_zones),
                                   dates, single, persons)
             if d.kind == "rel_day" or (d.kind == "weekday" and (d.offset or d.direction == "today"))]  # "أمس الثلاثاء"
    if not cands:
        return None
    return min(cands, key=lambda d: (d.start < t.start, abs(d.start - t.end))).offset


def linked_to_clause_before(ctx: Reading, t: Hit, s0: int) -> bool:
    """Whether a linking word ("حيث", "أبرزها", "من بينها") stands right before the trigger."""
    head = ctx.text[max(s0, t.start - len(t.prefix) - 16):t.start - len(t.prefix)].split()
    links = word_list(ctx.m, "clause_links")
    return any(" ".join(head[-n:]).lstrip("،,") in links for n in (1, 2) if len(head) >= n)


def this_sentence(ctx: Reading, s0: int) -> list[Mention]:
    """The mentions told so far in the sentence that starts at ``s0``, in text order."""
    first = ctx.nt.orig_span(s0, s0 + 1)[0]
    k = len(ctx.mentions)
    while k > 0 and ctx.mentions[k - 1].start >= first:
        k -= 1
    return ctx.mentions[k:]


def sentence_summit(ctx: Reading, s0: int) -> Mention | None:
    """The summit told earlier in this sentence, if any."""
    return next((m for m in reversed(this_sentence(ctx, s0)) if m.type == "Summit"), None)


def same_day(ctx: Reading, s0: int, offset: int = 0) -> DateValue | None:
    """"في اليوم نفسه": the day of the last event told in this sentence, else the last day told before;
    "في اليوم التالي" (``offset`` 1) the day after it, when that is a day."""
    day = next((m.date for m in reversed(this_sentence(ctx, s0)) if m.date is not None), ctx.state.last_date)
    if not offset or day is None:
        return day
    if day.precision != "day":
        return None
    d = day.start() + dt.timedelta(days=offset)
    return DateValue.of(d.year, d.month, d.day)


def same_year(ctx: Reading, s0: int, d: DateMention, dates: list[DateMention]) -> DateValue | None:
    """"في يونيو من العام نفسه": that month (and day) of the year of the date told last before it."""
    told = told_before(ctx, s0, d, dates)
    if told is None:
        return None
    return DateValue.of(told.start().year, d.month, d.day)


def told_before(ctx: Reading, s0: int, d: DateMention, dates: list[DateMention]) -> DateValue | None:
    """The date told last before ``d``: in its sentence, else of the sentence's events, else before it."""
    pub = ctx.article.published
    return next((v for x in reversed(dates) if s0 <= x.end <= d.start and (v := x.resolve(pub)) is not None), None) \
        or next((m.date for m in reversed(this_sentence(ctx, s0)) if m.date is not None), None) or ctx.state.last_date


def distance(ctx: Reading, t: Hit, pos: int, persons: list[PersonRef]) -> int:
    """Words from the trigger to ``pos``, not counting names, titles and honorifics between."""
    return unnamed_words(ctx, t.end, pos)


def unnamed_words(ctx: Reading, a: int, b: int) -> int:
    """Words between positions ``a`` and ``b`` of the sentence, names not counted."""
    return sum(1 for k in range(ctx.t.tok(a - 1) + 1, ctx.t.tok(b)) if k not in ctx.name_tokens)


def relative_clauses(ctx: Reading, t: Hit, b: int) -> list[tuple[int, int]]:
    """"اتفاقية الإطار الموقعة عام 2008", "المؤتمر الذي عقد في كانون الثاني": a date in a
    relative clause about another noun is not the event's (one right after the trigger is)."""
    zones = []
    rel = word_list(ctx.m, "relative_pronouns")
    words = list(re.finditer(r"\S+", ctx.text[t.end:b]))
    adjectives = 3 if "ال" in t.prefix or ctx.text.startswith("ال", t.start) else 1  # a definite event noun's
    for k, m in enumerate(words):
        if m.group(0).strip("،,") not in rel:
            continue
        if k <= adjectives and all(w.group(0).startswith("ال") for w in words[:k]):
            continue  # "الزيارة (التاريخية) التي قام بها ...", "القمة العربية الطارئة التي عقدت ...": the event itself
        if k + 1 < len(words) and f"{m.group(0)} {words[k + 1].group(0)}" in word_list(ctx.m, "gathering_clauses"):
            continue  # "قمة جنيف التي جمعت X وY": so does a clause of who it brought together
        start = t.end + m.start()
        brk = re.search(r"[،,؛;]", ctx.text[start:b])
        zones.append((start, start + brk.start() if brk else b))
    return zones


def day_offset_patterns(ctx: Reading) -> tuple[re.Pattern, re.Pattern]:
    """"بعد يومين من" right before an event word, and "بعد يومين" (not followed by "من") after one
    (`relative_day_offsets`), compiled once per matcher."""
    def build():
        units = alternation(word_map(ctx.m, "relative_day_offsets"))
        return (re.compile(rf"(بعد|قبل)\s+(?:نحو\s+)?({units})\s+من\s+$"),
                re.compile(rf"(?<!\w)بعد\s+({units})(?!\w)(?!\s+من(?!\w))"))
    return cached(ctx.m, "_day_offsets", build)


def day_offset(ctx: Reading, unit: str) -> int:
    return word_map(ctx.m, "relative_day_offsets")[" ".join(unit.split())]


def day_precise_before(ctx: Reading, s0: int) -> Mention | None:
    """The last event of the sentence told so far with a day."""
    return next((m for m in reversed(this_sentence(ctx, s0)) if m.date is not None and m.date.precision == "day"), None)


def relative_to_previous(ctx: Reading, t: Hit, s0: int) -> DateValue | None:
    """"بعد يوم واحد من لقائه": a day-precise offset from the last dated event of the sentence."""
    m = day_offset_patterns(ctx)[0].search(ctx.text[max(s0, t.start - 40):t.start])
    if not m:
        return None
    last = day_precise_before(ctx, s0)
    # "وتأتي الزيارة بعد أسبوعين من اتصال": the sentence's subject is the event the article reports
    anchor = last.date if last is not None else reported_event_day(ctx, s0, t.start - len(m.group(0)))
    if anchor is None:
        return None
    days = day_offset(ctx, m.group(2))
    # X happened "one day after" the event told in this sentence... read back: the event is earlier
    try:
        d = anchor.start() + dt.timedelta(days=-days if m.group(1) == "بعد" else days)
    except OverflowError:  # a day before 1 January of year 1 or after 9999
        return None
    return DateValue.of(d.year, d.month, d.day)


def days_after_previous(ctx: Reading, t: Hit, s0: int, b: int) -> DateValue | None:
    """"التقى Y في الثاني من فبراير، قبل أن يتوجه إلى أنقرة حيث استقبله Z بعد يومين": so many days after
    the event told before it in the sentence, with a day."""
    m = day_offset_patterns(ctx)[1].search(ctx.text, t.end, b)
    days = day_offset(ctx, m.group(1)) if m else 0
    last = day_precise_before(ctx, s0) if days else None
    if last is None:
        return None
    d = last.date.start() + dt.timedelta(days=days)
    return DateValue.of(d.year, d.month, d.day)


def inside_reported_event(ctx: Reading, s0: int, b: int) -> DateValue | None:
    """"قطع ترامب الاجتماع لإجراء اتصال هاتفي مع بوتين", "وفي ختام المحادثات اتصل ...": an event told as
    inside the one the article reports (the definite "the meeting", "the talks") is of that event's day,
    the first event told in the past with a day, before this sentence."""
    found = _inside_pattern(ctx).search(ctx.text, s0, b)
    if not found or re.match(r"\s+(?:التي|الذي)(?!\S)", ctx.text[found.end():found.end() + 8]):
        return None  # "خلال الزيارة التي قام بها العام الماضي": another visit, described
    if recalled(ctx.m, ctx.text[s0:found.start()]):
        return None  # "وكان X قد التقى Y خلال الزيارة": recalled, not told inside today's event
    return _reported_day(ctx, s0, word_map(ctx.m, "reported_event_nouns")[" ".join(found.group(1).split())])


def reported_event_day(ctx: Reading, s0: int, b: int) -> DateValue | None:
    """The day of the reported event a definite noun of the sentence, before ``b``, refers to
    ("وتأتي الزيارة بعد ..."): the first held event of its kind dated before the sentence."""
    nouns = word_map(ctx.m, "reported_event_nouns")
    words = ctx.text[s0:b].split()
    for k in range(len(words)):
        for n in (2, 1):
            types = nouns.get(" ".join(words[k:k + n]))
            if types:
                return _reported_day(ctx, s0, types)
        # "وتأتي زيارة ميلوني بعد يومين من ...": a visit named by its visitor, the subject of "comes"
        if k and words[k] == "زياره" and words[k - 1] in word_list(ctx.m, "comes_verbs"):
            return _reported_day(ctx, s0, ["Visit"])
    return None


def _reported_day(ctx: Reading, s0: int, types) -> DateValue | None:
    first = ctx.nt.orig_span(s0, s0 + 1)[0]
    for m in ctx.mentions:
        if m.start >= first:
            break
        if (m.type in types and m.status == OCCURRED and not m.partial and m.date is not None
                and m.date.precision == "day"):
            return m.date
    return None


def _inside_pattern(ctx: Reading) -> re.Pattern:
    """"خلال الاجتماع", "قطع المحادثات": a word of being inside, then the reported event's noun."""
    return cached(ctx.m, "_inside", lambda: re.compile(
        rf"(?<!\S)[وف]?(?:{alternation(word_list(ctx.m, 'inside_event_words'))})\s+"
        rf"({alternation(word_map(ctx.m, 'reported_event_nouns'))})(?![\w])"))


def of_something_else(ctx: Reading, p: PlaceRef, persons: list[PersonRef]) -> bool:
    """"الحرب في أوكرانيا", "السفير في القاهرة": "في" and the place qualify the noun before them; a title
    that names a person of the sentence ("التقى الرئيس الفرنسي في باريس") is the one met, not an office there."""
    lo = max(0, p.start - 40)
    words = list(re.finditer(r"\S+", ctx.text[lo:p.start]))
    if len(words) < 2 or words[-1].group(0) != "في":
        return False
    return any(re.sub(r"(هما|هم|ها|ه)$", "", w.group(0)) in ctx.m.place_blockers
               and not any(q.start <= lo + w.start() < q.end for q in persons) for w in words[-3:-1])


def pick_place(ctx: Reading, t: Hit, places: list[PlaceRef], inside, persons: list[PersonRef], scope_start: int,
               sideline: bool = False, also: tuple[Hit, ...] = ()) -> Entity | None:
    """Where the event happened: a place after "في"/"إلى" (or the object of "زار") near the trigger, or
    near another visit word of its scope (``also``); on the sidelines of a summit, where the summit is held,
    however far the sentence tells it."""
    preps = PLACE_PREPOSITIONS
    for p in places:
        if not inside(p):
            continue
        if of_something_else(ctx, p, persons):
            continue
        if p.end <= t.start and ctx.t.tokens_between(p.end, t.start) > 3 and ctx.t.tokens_between(scope_start, p.start) > 2:
            continue  # before the trigger only when fronted ("وفي موسكو، التقى") or close
        reach = 25 if t.value == "Summit" else 10  # "قمة منظمة شنغهاي للتعاون ... في أستانا"
        if p.start > t.end and distance(ctx, t, p.start, persons) > reach and not sideline and not any(
                u.end <= p.start and distance(ctx, u, p.start, persons) <= reach for u in also):
            continue
        # the object of "زار" is where; not a country named in the guest's title after "استقبل" ("رئيس وزراء جمهورية
        # باكستان الإسلامية")
        if p.preposition in preps or (t.value == "Visit" and p.start >= t.end and distance(ctx, t, p.start, persons) <= 3
                                      and not (p.entity.kind == "Country" and ctx.text[t.start:t.end] in ctx.m.host_triggers)) \
                or hosts_event(ctx, p, t):
            return p.entity if p.entity.kind != "Country" else within(ctx, p, places, inside, persons)
    return None


def hosts_event(ctx: Reading, p: PlaceRef, t: Hit) -> bool:
    """"شهد قصر الاتحادية اليوم لقاء ...", "احتضنت الدوحة قمة ...": the place is the subject of a verb of
    witnessing or hosting the event word that follows it."""
    word = without_conjunction(ctx.t.word_before(p.start))
    return p.end <= t.start and word in word_list(ctx.m, "venue_verbs") and ctx.t.tokens_between(p.end, t.start) <= 3


def within(ctx: Reading, p: PlaceRef, places: list[PlaceRef], inside, persons: list[PersonRef]) -> Entity:
    """"زيارة إلى المملكة ...، حين استقبله الملك في الرياض": a city of that country told later in the
    scope is where, more exactly."""
    country = p.entity.key
    return next((q.entity for q in places if q.start > p.end and inside(q) and q.entity.kind != "Country"
                 and q.preposition in PLACE_PREPOSITIONS and ctx.gaz.country_key(q.entity.key) == country
                 and not of_something_else(ctx, q, persons)), p.entity)


DURATION_CUE = re.compile(r"(?:لمده|استمرت|استمر|دامت|دام)\s+((?:\S+\s+){0,2}?)(?=\d|ساع|نصف|ربع|دقيق)")
HOURS = re.compile(r"^(?:(\d+)\s+(?:ساعات|ساعه)|(ساعتين|ساعتان)|(ساعه))")
MINUTES = re.compile(r"^\s*و?\s*(?:(\d+)\s+(?:دقيقه|دقائق)|(نصف)(?:\s+ساعه)?|(ربع)(?:\s+ساعه)?)")


def parse_duration(text: str) -> int | None:
    """Duration in minutes from normalized text.

    >>> parse_duration("تحدثا لمده ساعه و25 دقيقه")
    85
    >>> parse_duration("استمرت المكالمه 40 دقيقه")
    40
    >>> parse_duration("استمرت اكثر من ساعه ونصف") is None
    True
    """
    m = DURATION_CUE.search(text)
    if not m:
        return None
    if re.search(r"اكثر من|اقل من|زهاء|نحو|قرابه|حوالي|ما يزيد", m.group(1)):
        return None
    rest = text[m.end():m.end() + 40]
    minutes = 0
    h = HOURS.match(rest)
    if h:
        minutes = 60 * (int(h.group(1)) if h.group(1) else 2 if h.group(2) else 1)
        rest = rest[h.end():]
    mm = MINUTES.match(rest)
    if mm:
        minutes += int(mm.group(1)) if mm.group(1) else 30 if mm.group(2) else 15
    return minutes or None


def visited_then(ctx: Reading, b: int, s1: int, places: list[PlaceRef]) -> Entity | None:
    """"التقى X بـ Y آخر مرة في مايو، عندما زار الصين": a meeting told with the visit it was held on is where
    that visit went (the place right after the visit word)."""
    when = cached(ctx.m, "_when_visited", lambda: re.compile(
        r"[\s،,]*و?(?:" + alternation(word_list(ctx.m, "during_words") | word_list(ctx.m, "when_words"))
        + r")\s+(?:زار|زيارته|زيارتها|زياره)(?!\w)\s*(?:الي\s+)?"))
    # the scope ends before the connective ("، عندما زار") or after it ("خلال زيارته", a trigger of its own)
    m = when.match(ctx.text, b, s1) or when.match(ctx.text, ctx.t.tokens[max(0, ctx.t.tok(b) - 1)], s1)
    if m is None:
        return None
    return next((p.entity for p in places if m.end() <= p.start <= m.end() + 3), None)  # "للصين"


def locate(ctx: Reading, frame: Frame, names: SentenceNames, cues: list[Hit], dates: list[DateMention],
           single: bool, sentence_idx: int) -> None:
    """Fill in the frame's date, place and organizer; a date after publication makes it planned."""
    t, a, b = frame.trigger, frame.start, frame.end
    frame.date = pick_date(ctx, t, a, b, frame.date_zones, dates, frame.future, single, sentence_idx, frame.s0, names.persons,
                           frame.s1)
    if frame.date is None and frame.like is not None and not frame.future:
        frame.date = frame.like.date  # "كما تلقى اتصالا مماثلا": told with the last call, of its day
    pub = ctx.article.published
    if frame.date is not None and pub is not None and frame.date.start() > pub:
        frame.future = True
    if pub is None and frame.date is None:
        frame.told_day = told_day(ctx, frame, dates, single, names.persons)
    sideline = any(c.kind == "summit_context" and "هامش" in ctx.text[c.start:c.end] for c in cues
                   if a <= c.start < b)
    frame.place = pick_place(ctx, t, names.places, frame.inside, names.persons, a, sideline, frame.also)
    if frame.place is None and t.value in ("Meeting", "Talks"):
        frame.place = visited_then(ctx, b, frame.s1, names.places)
    summit = sentence_summit(ctx, frame.s0) if sideline else None
    if summit is not None:  # "شارك X في القمة ...، والتقى على هامشها Y": when and where the summit was
        frame.date = frame.date or summit.date
        frame.place = frame.place or summit.place
    frame.organizer = next((o.entity for o in names.orgs if frame.inside(o) and o.start >= t.end
                            and ctx.t.tokens_between(t.end, o.start) <= 3), None)
