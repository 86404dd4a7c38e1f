"""The frames stage: one event frame per trigger scope, with its role slots still open.

A frame says what kind of event a trigger tells (a call turned video call by its
modifier), whether it is planned, and which parts of the scope are not about it: the
speakers, attributions and temporal clauses whose names are not participants, and the
clauses whose dates are not the event's. Mentions of an event already told ("this
visit"), negated, hypothetical and habitual ones make no frame.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..models import FAMILY, OCCURRED, PLANNED, DateValue, Entity, Mention
from .dates_places import DATE_REACH, distance, unnamed_words
from .entities import Hit
from .lexwords import cached, word_list
from .normalize import alternation

if TYPE_CHECKING:
    from .dates import DateMention
    from .names import SentenceNames
    from .reading import Reading
    from .triggers import Scope

ORDINALS = {"اول", "ثاني", "ثالث", "رابع", "اخر", "اولى", "الاولى"}


@dataclass
class Frame:
    """One event as a trigger's scope tells it; the participants, date and place are filled in later."""

    trigger: Hit
    start: int  # the scope
    end: int
    s0: int  # the sentence
    s1: int
    before: list[Hit]  # cues in the scope before the trigger, and after it
    after: list[Hit]
    zones: list[tuple[int, int]]  # spans whose names are not participants
    date_zones: list[tuple[int, int]]  # spans whose dates are not the event's
    etype: str
    future: bool
    denied: bool
    candidates: list[Entity] = field(default_factory=list)  # persons named in the scope, in order
    date: DateValue | None = None
    place: Entity | None = None
    organizer: Entity | None = None
    like: Mention | None = None  # the event this one is told as similar to ("اتصالا مماثلا")
    told_day: int | None = None  # "أمس" in an article with no publication date: -1
    tail: tuple[int, int] | None = None  # the scope's clause again, after a relative clause of its own
    also: tuple[Hit, ...] = ()  # the other visit words of the scope

    def inside(self, x) -> bool:
        """Whether a name (or any span with a start) is in the scope and outside the excluded zones."""
        if not (self.start <= x.start < self.end or (self.tail and self.tail[0] <= x.start < self.tail[1])):
            return False
        return not any(z0 <= x.start < z1 for z0, z1 in self.zones)


def frame_for(ctx: Reading, scope: Scope, s0: int, s1: int, names: SentenceNames, cues: list[Hit],
              dates: list[DateMention], prev: Mention | None) -> Frame | None:
    """The frame of one scope, or None when the scope tells no new event."""
    t, a, b = scope.trigger, scope.start, scope.end
    before = [c for c in cues if a <= c.start < t.start]
    after = [c for c in cues if t.end <= c.start < b]
    if no_event(ctx, t, before, after):
        return None
    denied = any(c.kind == "denial" and s0 <= c.start < t.start for c in cues)
    zones, date_zones = excluded_zones(ctx, t, a, b, cues, dates)
    frame = Frame(t, a, b, s0, s1, before, after, zones, date_zones, event_type(ctx, t, cues, a, b), False, denied,
                  tail=scope.tail, also=scope.also)
    frame.like = similar_to(ctx, frame)
    if frame.like is not None and frame.etype in ("Call", "Talks"):
        frame.etype = frame.like.type  # "كما تلقى سموه اتصالا مماثلا": a phone call like the last one
    for p in names.persons:
        if frame.inside(p) and p.entity.key not in {e.key for e in frame.candidates} and (not p.plural or near(ctx, t, p)):
            frame.candidates.append(p.entity)
    frame.future = planned(ctx, frame, dates, prev)
    if frame.future:  # "أفادت الرئاسة، اليوم الثلاثاء، بأن X ستزور ...": the day is the announcement's
        frame.date_zones = frame.date_zones + announcement_zones(ctx, t, s0, cues)
    return frame


PLURAL_REACH = 4  # words between the event word and "رؤساء X وY" naming its participants
HABITUAL_REACH = 5  # words between the event word and "عدة مرات", "الدورية"
FUTURE_PERIOD_REACH = 6  # words from the event word to "خلال الأيام المقبلة"


def near(ctx: Reading, t: Hit, p) -> bool:
    """Whether a person stands within PLURAL_REACH words of the event word, names not counted
    ("قادة X وY ... أصدروا بيانا دعوا فيه إلى استئناف المحادثات": the leaders are not at the talks)."""
    a, b = (t.end, p.start) if p.start >= t.end else (p.end, t.start)
    return unnamed_words(ctx, a, b) <= PLURAL_REACH


def no_event(ctx: Reading, t: Hit, before: list[Hit], after: list[Hit]) -> bool:
    """A reference to an event already told, a negated, hypothetical or habitual one."""
    def near_before(kind, n):
        return any(c.kind == kind and ctx.t.tokens_between(c.end, t.start) <= n for c in before)

    # a reference to an event already told ("this visit", "that call", "هذه أول زيارة")
    for c in before:
        if c.kind == "demonstrative":
            gap = ctx.text[c.end:t.start].split()
            if not gap or (len(gap) == 1 and gap[0] in ORDINALS):
                return True
    if any(c.kind == "demonstrative" and ctx.t.tokens_between(t.end, c.start) <= 0 for c in after):
        return True
    if near_before("negator", 3) or near_before("hypothetical", ctx.lex.get("hypothetical_window", 6)):
        return True
    # "ولم يتلق الرئيس تبون أي اتصال": the names between a negating particle and the event word do not count
    # (not a verb of refusal, which has an object of its own: "رفض X الاتهامات خلال لقائه Y")
    if any(c.kind == "negator" and ctx.text[c.start:c.end] in NEGATING_PARTICLES
           and unnamed_words(ctx, c.end, t.start) <= 2 for c in before):
        return True
    if any(c.kind == "cancel" and cancelled(ctx, c, t) for c in before):
        return True
    # "التقيا عدة مرات", "اجتماعاتهما الدورية": habitual when said of the event word in its clause,
    # not of another noun further on ("، قبل تولي بلادها الرئاسة الدورية")
    return near_before("habitual", HABITUAL_REACH) or any(
        c.kind == "habitual" and distance(ctx, t, c.start, ()) <= HABITUAL_REACH
        and not re.search(r"[،,؛;]", ctx.text[t.end:c.start]) for c in after)


def cancelled(ctx: Reading, c: Hit, t: Hit) -> bool:
    """"ألغى الرئيس X زيارته", "أعلن تأجيل زيارة", "اعتذر X عن حضور القمة": the event word is the object of a
    verb that calls it off (between them only names and `cancel_fillers`, in one clause)."""
    if re.search(r"[،,؛;.]", ctx.text[c.end:t.start]):
        return False
    fillers = word_list(ctx.m, "cancel_fillers")
    for m in re.finditer(r"\S+", ctx.text[c.end:t.start - len(t.prefix)]):
        if ctx.t.tok(c.end + m.start()) not in ctx.name_tokens and m.group(0) not in fillers:
            return False
    return True


def similar_to(ctx: Reading, frame: Frame) -> Mention | None:
    """"اتصالا مماثلا", "لقاء مماثلا": the last event told of that kind, which this one is like."""
    t = frame.trigger
    words = ctx.text[t.end + len(t.suffix):t.end + len(t.suffix) + 30].split()[:2]
    if not any(w.strip("،,.") in word_list(ctx.m, "similar_words") for w in words):
        return None
    family = FAMILY.get(frame.etype, "talks")
    return next((m for m in reversed(ctx.mentions) if m.status == OCCURRED
                 and (m.family == family or "talks" in (m.family, family))), None)


def event_type(ctx: Reading, t: Hit, cues: list[Hit], a: int, b: int) -> str:
    """The trigger's type, turned by a modifier near it ("by phone", "by video")."""
    etype = t.value
    if etype == "Talks" and ctx.phone_only:
        etype = "PhoneCall"  # "تحدث إلى X" in an article whose only events are phone calls
    mods = [c for c in cues if c.kind == "modifier" and a <= c.start < b and -2 <= words_to(ctx, t, c.start) <= 8]
    if mods and etype in ("Call", "Talks", "Meeting"):
        etype = min(mods, key=lambda c: abs(c.start - t.end)).value
    return etype


def words_to(ctx: Reading, t: Hit, pos: int) -> int:
    """How many words on from the trigger ``pos`` is (1: the next word; negative: before it), not counting
    the names between: "اتصل ترامب بالرئيس الروسي فلاديمير بوتين هاتفيا" has "هاتفيا" close to "اتصل"."""
    lo, hi = ctx.t.tok(t.end - 1), ctx.t.tok(pos)
    return hi - lo if hi <= lo else 1 + distance(ctx, t, pos, ())


NEGATING_PARTICLES = ("لم", "لن", "لا", "ليس")  # normalized
DURING_IT = re.compile(r"\s+(?:خلال|اثناء)(?:ها|ه|هما)(?!\w)")  # normalized text


def planned(ctx: Reading, frame: Frame, dates: list[DateMention], prev: Mention | None) -> bool:
    """Whether the frame tells a planned event: a future prefix or marker, or a day ahead."""
    t, a, b, s0 = frame.trigger, frame.start, frame.end, frame.s0
    future = "س" in t.prefix
    # "من المقرر أن يتباحث ... قبل أن يستقبله": what comes before or after a plan is planned too
    if prev is not None and prev.status == PLANNED and re.search(r"(?:قبل|بعد)\s+(?:ان|أن)\s*$", ctx.text[max(s0, t.start - len(t.prefix) - 12):t.start - len(t.prefix)]):
        future = True
    # "في زيارة رسمية يلتقي خلالها X": what is told as held during a planned event of its sentence is planned
    if prev is not None and prev.status == PLANNED and prev.start >= s0 and DURING_IT.match(ctx.text, t.end):
        future = True
    window = ctx.lex.get("future_window", 10)
    # "دعا X، خلال لقائه Y، إلى ...": a call made during the event is no invitation to it
    during = ctx.t.word_before(t.start - len(t.prefix)) in word_list(ctx.m, "during_words")
    if any(c.kind == "future" and ctx.t.tokens_between(c.end, t.start) <= window
           and not (during and ctx.text[c.start:c.end] in word_list(ctx.m, "call_verbs")) for c in frame.before):
        future = True
    # "القمة المقبلة", "زيارته المرتقبة"; not "التعاون خلال الأشهر المقبلة", a time after the event word
    if any(c.kind == "future_after" and ctx.t.tokens_between(t.end, c.start) <= 3
           and ctx.t.word_before(c.start) not in word_list(ctx.m, "period_nouns") for c in frame.after):
        future = True
    # "يلتقي بوتين ترامب في بودابست خلال الأسابيع المقبلة": a period ahead, said of the event in its clause
    # (not "وبحثا التعاون في الأيام المقبلة": what they discussed, after a verb of discussion or as its object)
    if t.value != "Talks" and any(c.kind == "future_period" and distance(ctx, t, c.start, ()) <= FUTURE_PERIOD_REACH
           and not re.search(r"[،,؛;]", ctx.text[t.end:c.start])
           and not any(h.kind == "talks_verb" and t.end <= h.start < c.start for h in frame.after)
           for c in frame.after):
        future = True
    # "يزور X غدا", "الثلاثاء المقبل": a day ahead of the text's own day is planned, dated or not
    if any(a <= d.start < b and not any(z0 <= d.start < z1 for z0, z1 in frame.date_zones)
           and abs(ctx.t.tokens_between(t.end, d.start) if d.start >= t.end else ctx.t.tokens_between(d.end, t.start)) <= DATE_REACH
           and ((d.kind in ("rel_day", "rel_week", "rel_month", "rel_year", "month_rel_year", "weekday") and d.offset > 0) or d.direction == "next")
           for d in dates):
        future = True
    return future


def excluded_zones(ctx: Reading, t: Hit, a: int, b: int, cues: list[Hit], dates: list[DateMention]):
    """Spans whose names are not participants (speakers, attributions, senders, temporal
    clauses), and the spans whose dates are not the event's."""
    zones, date_zones = [], []
    clause_ends = [a + m.start() for m in re.finditer(r"[،,؛;]", ctx.text[a:b])]

    def clause_end(pos):
        return next((min(e, b) for e in clause_ends if e > pos), b)

    comps = [c for c in cues if c.kind == "complementizer" and a <= c.start < b]
    for c in cues:
        if not (a <= c.start < b):
            continue
        if c.kind in ("attribution", "non_participant") or (c.kind == "presence" and t.value != "Summit"):
            # "بحضور وزير الخارجية": those present at a leaders' meeting are not its parties (at a summit they are)
            end = clause_end(c.end)
            if c.kind != "attribution":  # "مرفوقا بـ X، و Y، و Z": the list goes on, up to the event word
                while end < b and re.match(r"[،,]\s*و", ctx.text[end:end + 4]):
                    if end < t.start < clause_end(end + 1):
                        break  # "برقية من X، واتصالا من Y": the next clause is the event's own
                    end = clause_end(end + 1)
            joined = partaking(ctx).search(ctx.text, c.end, end)
            if joined is not None:  # "في غياب X وبمشاركة Y": those taking part are not left out
                end = joined.start()
            span = (c.start, end)
            if not (span[0] <= t.start < span[1]):
                zones.append(span)
                date_zones.append(span)
            elif c.kind == "non_participant" and c.end <= t.start:
                # "وغاب عن القمة X": the event word inside the clause of the absent; they are not at it
                zones.extend([(c.start, t.start), (t.end, end)])
        elif c.kind == "temporal" and not (c.end <= t.start and ctx.t.tokens_between(c.end, t.start) == 0):
            if any(c.end <= d.start <= c.end + 1 or d.start <= c.start < d.end for d in dates) or \
                    any(ctx.text.startswith(w, c.end + 1) and not ctx.text[c.end + 1 + len(w):c.end + 2 + len(w)].isalnum()
                        for w in word_list(ctx.m, "temporal_adverbs")):
                continue  # "استقبل X بعد ظهر اليوم Y", "قبل يومين", "بعد ذلك": a time, not a clause about something else
            # "بعد ساعات من تنصيب ترامب": names in a temporal clause are not participants
            span = (c.start, min(clause_end(c.end), t.start if c.end <= t.start else b))
            zones.append(span)
            date_zones.append(span)
        elif c.kind == "reporting":
            comp = next((x for x in comps if x.start > c.end), None)
            # "قال إن لقاءه مع ...": the speaker is the one who met
            if comp is not None and t.start > comp.start and t.suffix not in ("ه", "ها") \
                    and not comp.suffix and ctx.text[comp.start:comp.end] not in ("انه", "انها"):
                zones.append((c.start, comp.start))
    return zones, date_zones


def partaking(ctx: Reading) -> re.Pattern:
    """"بمشاركة", "بحضور" (`partaking_cues`): what opens a list of those who take part."""
    return cached(ctx.m, "_partaking", lambda: re.compile(
        rf"(?<![\w])(?:{alternation(word_list(ctx.m, 'partaking_cues'))})(?![\w])"))


def announcement_zones(ctx: Reading, t: Hit, s0: int, cues: list[Hit]) -> list[tuple[int, int]]:
    """From a reporting verb before the trigger to the "that" which opens the clause of the trigger."""
    zones = []
    for c in cues:
        if c.kind == "reporting" and s0 <= c.start < t.start:
            comp = next((x for x in cues if x.kind == "complementizer" and c.end <= x.start < t.start), None)
            if comp is not None:
                zones.append((c.start, comp.start))
    return zones
