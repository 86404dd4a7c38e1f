"""The triggers stage: a sentence's event words, and how they divide it into one scope per event.

Plain trigger words come from the automaton; phrasal ones are made here ("بحث ... مع" is
talks, "مؤتمر عبر الفيديو" a video call). A summit word next to a meeting ("على هامش قمة")
is where the meeting happened, kept aside so the summit can be told as its own event.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .dates import grammar
from .dates_places import distance, gathering_follows
from .entities import Hit, longest_non_overlapping
from .lexwords import without_conjunction, word_list

if TYPE_CHECKING:
    from .dates import DateMention
    from .reading import Reading

TRIGGER_KINDS = ("trigger", "talks_verb", "mod_trigger")  # the hits a trigger is made of
HOSTED_REACH = 4  # words from a host verb to the summit it hosts ("استضافت الرياض أمس القمة")


@dataclass
class SentenceTriggers:
    """A sentence's event triggers in text order, and the summits it names as the context of another
    event: on whose sidelines leaders met, that leaders travel to attend, or any summit so named."""

    triggers: list[Hit]
    sideline: list[Hit]
    context: list[Hit]
    attended: list[Hit]


@dataclass
class Scope:
    """The part of a sentence [start, end) that tells the event of one trigger."""

    trigger: Hit
    start: int
    end: int
    tail: tuple[int, int] | None = None  # after a relative clause inside it, the scope's clause again
    also: tuple[Hit, ...] = ()  # the group's other visit words ("زيارة ... حين استقبله")


def trigger_scopes(ctx: Reading, triggers: list[Hit], cues: list[Hit], dates: list[DateMention],
                   s0: int, s1: int) -> list[Scope]:
    """One scope per event: consecutive visit words share one, and a scope ends at the clause break
    before the next event's trigger or at a reporting verb after its own."""
    groups = group_triggers(ctx, triggers, cues, dates)
    cuts = [boundary(ctx, triggers[g[-1]], triggers[h[0]], cues) for g, h in zip(groups, groups[1:])]
    starts = [s0] + [start for start, _ in cuts]
    ends = starts[1:] + [s1]
    scopes = []
    for k, (group, a, b) in enumerate(zip(groups, starts, ends)):
        reporting = [c.start for c in cues if c.kind in ("reporting", "contrast") and triggers[group[-1]].end <= c.start < b]
        if reporting:
            b = reporting[0]  # "..., and X said that ...", "أما الثانية ...": a new clause about something else
        scopes.append(Scope(triggers[group[0]], a, b, also=tuple(triggers[g] for g in group[1:])))
        if k and cuts[k - 1][1]:
            closing(ctx, scopes[-2], scopes[-1])
    return scopes


def closing(ctx: Reading, main: Scope, clause: Scope) -> None:
    """"محادثات مع X، الذي يقوم بزيارة للصين، في بكين": the comma that closes a relative clause
    given a scope of its own returns to the clause before it; what follows is ``main``'s again."""
    brk = re.search(r"[،,]", ctx.text[clause.trigger.end:clause.end])
    if brk is None:
        return
    close = clause.trigger.end + brk.start()
    main.tail = (close + 1, clause.end)
    clause.end = close


def find_triggers(ctx: Reading, hits: list[Hit], cues: list[Hit], s1: int, s0: int = 0) -> SentenceTriggers:
    """Event words of the sentence [s0, s1), with the phrasal ones ("بحث ... مع", "مؤتمر عبر الفيديو")."""
    mods = [c for c in cues if c.kind == "modifier"]
    plain = [h for h in hits if h.kind == "trigger"
             # "عبر تقنية الاتصال المرئي" is how, not another event
             and not any(m.start <= h.start < m.end and (m.end - m.start) > (h.end - h.start) for m in mods)]
    extra = talks_verbs(ctx, hits, plain, s1) + modifier_triggers(ctx, hits, mods)
    triggers = longest_non_overlapping(plain + extra)
    # "استضافت مصر السبت الماضي قمة القاهرة": a host verb before a summit word hosts the summit, no visit
    triggers = [t for t in triggers if not hosts_summit(ctx, t, triggers, hits)]
    # "حضر اللقاء X وY": those who attended the meeting told already, not a meeting of their own
    triggers = [t for t in triggers if not any(c.kind == "presence" and c.start <= t.start and t.end <= c.end
                                               and c.end - c.start > t.end - t.start for c in cues)]
    # "لقاءات مع": plural meetings are an event word only with whom they were held right after
    triggers = [t for t in triggers if not ctx.text[t.start:t.end].endswith(" مع") or person_follows(ctx, t, hits)]
    # "شارك في افتتاح الاجتماع الوزاري لمنتدى ... إلى جانب X وY": a gathering of many, not a meeting of two
    triggers = [t._replace(value="Summit") if t.value in ("Meeting", "Talks") and ministerial(ctx, t) else t
                for t in triggers]
    others = [t for t in triggers if t.value != "Summit"]
    kept = []
    sideline, named, attended = [], [], []
    for t in triggers:
        if t.value == "Summit" and day_of_gathering(ctx, t):
            named.append(t)  # "وفي اليوم الثاني للقمة، الأربعاء، عقد X لقاءات": a day of the summit, when, not what
            continue
        if t.value == "Summit" and ctx.text[t.start:t.end] in word_list(ctx.m, "summit_level"):
            # "اجتماع مجلس الجامعة على مستوى القمة": the meeting before it is the summit
            meeting = next((k for k in reversed(kept) if k.value in ("Meeting", "Talks")
                            and ctx.t.tokens_between(k.end, t.start) <= 8), None)
            if meeting is not None:
                kept[kept.index(meeting)] = meeting._replace(value="Summit")
            continue
        if t.value == "Summit" and others and not their_own(ctx, t, cues, s0):
            if context_before(ctx, t, cues) or any(o.start < t.start for o in others):
                if context_before(ctx, t, cues, lambda w: "هامش" in w):
                    sideline.append(t)
                named.append(t)
                if context_before(ctx, t, cues, lambda w: w in word_list(ctx.m, "attendance_cues")):
                    attended.append(t)
                continue  # "على هامش قمة": the summit is where a meeting happened
        if t.value != "Summit" and "ال" in t.prefix and not t.suffix and len(triggers) > 1 \
                and context_before(ctx, t, cues, lambda w: "هامش" in w):
            continue  # "وعلى هامش الزيارة، أجرى الوزيران مباحثات": the visit told already, where the talks were
        kept.append(t)
    return SentenceTriggers(kept, sideline, named, attended)


def day_of_gathering(ctx: Reading, t: Hit) -> bool:
    """"اليوم الثاني للقمة", "في اليوم الأخير من القمة", "ثاني أيام القمة": a summit word that tells which of
    its days something happened on."""
    words = ctx.text[max(0, t.start - len(t.prefix) - 30):t.start - len(t.prefix)].split()
    if words and words[-1] == "من":
        words = words[:-1]
    elif not t.prefix.endswith("ل"):
        return False
    ordinals = grammar().day_ordinals
    return len(words) >= 2 and (
        (without_conjunction(words[-2]) in ("اليوم", "يوم") and words[-1].removeprefix("ال") in ordinals)
        or (words[-1] == "ايام" and t.prefix == "" and ordinals & {words[-2]}))


def ministerial(ctx: Reading, t: Hit) -> bool:
    """"الاجتماع الوزاري": a meeting of ministers, which leaders may open but do not hold."""
    return not t.suffix and ctx.t.word_after(t.end) in word_list(ctx.m, "ministerial_level")


PERSON_HITS = ("title", "counterpart", "guest", "honorific", "dual", "honorific_ref")


def met_in(ctx: Reading, h: Hit, hits: list[Hit], s1: int) -> int | None:
    """"بحث X وY في بكين ...": two leaders as the verb's subjects, then where they were, is a meeting; the
    place must follow the names at once (not "بحث X وY الأوضاع في غزة", a topic). Where the place starts."""
    after = [x for x in hits if h.end <= x.start < s1 and (x.kind in ("entity", "short", "demonym") or is_person(ctx, x))]
    people, end = 0, h.end
    for x in after:
        if x.start < end:
            continue
        if ctx.text[end:x.start].strip(" ،,") not in ("", "و") and people < 2:
            return None
        if is_person(ctx, x):
            people += x.kind in ("entity", "short")
            end = x.end
        elif x.kind == "entity" and ctx.gaz.entries[x.value].kind in ("Place", "Country") and people >= 2:
            return x.start if PLACE_NEXT.fullmatch(ctx.text, end, x.start) else None
        else:
            end = x.end
    return None


PLACE_NEXT = re.compile(r"[\s،,]*(?:في|ب)\s*(?:ال)?")


def is_person(ctx: Reading, h: Hit) -> bool:
    return h.kind in PERSON_HITS or (h.kind in ("entity", "short") and ctx.gaz.entries[h.value].kind == "Person")


def person_follows(ctx: Reading, t: Hit, hits: list[Hit]) -> bool:
    """A person, a title or "the two presidents" within two words after ``t``."""
    return any(is_person(ctx, h) and h.start >= t.end and ctx.t.tokens_between(t.end, h.start) <= 2 for h in hits)


def hosts_summit(ctx: Reading, t: Hit, triggers: list[Hit], hits: list[Hit]) -> bool:
    """"استضافت مصر السبت الماضي قمة القاهرة": a host verb whose object is a summit word hosts the
    summit ("يستقبل نظيره قبل انطلاق القمة" receives a guest)."""
    if t.value != "Visit" or ctx.text[t.start:t.end] not in ctx.m.host_triggers:
        return False

    return any(u.value == "Summit" and 0 <= ctx.t.tokens_between(t.end, u.start) <= HOSTED_REACH
               and not any(is_person(ctx, h) for h in hits if t.end <= h.start < u.start)
               for u in triggers)


def context_before(ctx: Reading, t: Hit, cues: list[Hit], which=lambda w: True) -> bool:
    """Whether a summit-context cue ("على هامش", "خلال", "للمشاركة في") that ``which`` accepts stands
    just before the summit word."""
    return any(c.kind == "summit_context" and c.end <= t.start and ctx.t.tokens_between(c.end, t.start) <= 2
               and which(ctx.text[c.start:c.end]) for c in cues)


def their_own(ctx: Reading, t: Hit, cues: list[Hit], s0: int) -> bool:
    """"بعد قمتهما الأولى في سنغافورة", "بعد قمة ألاسكا التي جمعت ترامب وبوتين": a summit of its own
    leaders is an event of its own, not the place of another ("على هامش قمتهما" still is)."""
    if took_part(ctx, t, cues, s0) or held_here(ctx, t, s0):
        return True
    if context_before(ctx, t, cues):
        return False
    return t.suffix in ctx.m.dual_suffixes or gathering_follows(ctx, t)


def took_part(ctx: Reading, t: Hit, cues: list[Hit], s0: int) -> bool:
    """"شارك X في القمة العربية ...، والتقى على هامشها Y": the summit a sentence opens with, as what its
    subject took part in, is told as an event, before the meetings on its sidelines."""
    words = [w.lstrip("وف") for w in ctx.text[s0:t.start].split()]
    verbs = word_list(ctx.m, "summit_participation_verbs")
    return bool(words) and (joined_right_before(ctx, t) or any(w in verbs for w in words[:2])) and not any(
        c.kind in ("reporting", "contrast") and s0 <= c.start < t.start for c in cues)


def held_here(ctx: Reading, t: Hit, s0: int) -> bool:
    """"انطلقت اليوم أعمال القمة العربية ...، وحضور X ضيفا على القمة": the summit the sentence says opened,
    was held or closed is its event, whatever else the sentence tells."""
    words = [without_conjunction(w) for w in ctx.text[max(s0, t.start - len(t.prefix) - 40):t.start - len(t.prefix)].split()]
    return any(w in word_list(ctx.m, "summit_held_verbs") for w in words[-4:])


def joined_right_before(ctx: Reading, t: Hit) -> bool:
    """"..., حيث شارك في قمة منظمة شنغهاي": a verb of taking part right before "في" and the summit word;
    a part of the gathering may stand before the word ("شارك في افتتاح القمة"), a day after the verb
    ("شارك الخميس في أعمال القمة")."""
    words = ctx.text[max(0, t.start - len(t.prefix) - 50):t.start - len(t.prefix)].split()
    if words and words[-1] in word_list(ctx.m, "gathering_parts"):
        words.pop()
    if not words or words.pop() != "في":
        return False
    verbs = word_list(ctx.m, "summit_participation_verbs")
    if words and without_conjunction(words[-1]) not in verbs and is_day_word(words[-1]):
        words.pop()
    return bool(words) and without_conjunction(words[-1]) in verbs


def is_day_word(word: str) -> bool:
    """"الخميس", "أمس", "اليوم" (normalized)."""
    g = grammar()
    return word in g.weekday_of or word in g.rel_days


def talks_verbs(ctx: Reading, hits: list[Hit], triggers: list[Hit], s1: int) -> list[Hit]:
    """"بحث X مع Y": a verb of discussion is an event only with "مع" (with) after it, or told by
    phone or video ("بحث X ونظيره Y هاتفيا", "تحدث X عبر الهاتف")."""
    window = ctx.lex["talks_verbs"]["window"]
    medium_window = ctx.lex["talks_verbs"]["medium_window"]
    out = []
    for h in hits:
        if h.kind != "talks_verb":
            continue
        m = re.search(r"(?<!\w)(?:و)?مع(?!\w)", ctx.text[h.end:s1])
        stop = h.end + m.start() if m is not None and ctx.t.tokens_between(h.end, h.end + m.start()) <= window else None
        if stop is None:
            medium = next((x for x in hits if x.kind == "modifier" and h.end <= x.start < s1
                           and distance(ctx, h, x.start, ()) <= medium_window), None)
            stop = medium.start if medium is not None else met_in(ctx, h, hits, s1)
            if stop is None:
                continue
        if any(h.end <= t.start < stop for t in triggers):
            continue  # "بحث في اتصال هاتفي مع": the call is the trigger
        out.append(Hit(h.start, h.end, "trigger", "Talks", h.prefix, h.suffix))
    return out


def modifier_triggers(ctx: Reading, hits: list[Hit], mods: list[Hit]) -> list[Hit]:
    """"مؤتمرهما عبر الفيديو": a conference or meeting word is a video call when the medium follows."""
    window = ctx.lex["modifier_triggers"]["window"]
    out = []
    for h in hits:
        if h.kind != "mod_trigger":
            continue
        if any(m.value == "VideoCall" and m.start >= h.end and ctx.t.tokens_between(h.end, m.start) <= window for m in mods):
            out.append(Hit(h.start, h.end, "trigger", "VideoCall", h.prefix, h.suffix))
    return out


def group_triggers(ctx: Reading, triggers: list[Hit], cues: list[Hit], dates: list[DateMention]) -> list[list[int]]:
    """Consecutive visit words tell one visit ("وصل X إلى ... في زيارة ... وكان في استقباله Y")
    unless a time, a contrast or a demonstrative separates them."""
    groups: list[list[int]] = []
    for i, t in enumerate(triggers):
        if groups and t.value == "Visit" and triggers[groups[-1][-1]].value == "Visit":
            p = triggers[groups[-1][-1]]
            between = [c for c in cues if p.end <= c.start < t.start]
            # an invitation between two visit words introduces another (planned) visit
            separated = any(c.kind in ("temporal", "contrast", "demonstrative", "future") for c in between)
            # "الزيارة التي قام بها ..." describes another visit
            separated = separated or ("ال" in t.prefix and re.match(r"\s+(التي|الذي)\b", ctx.text[t.end:t.end + 8]) is not None)
            if not separated:
                groups[-1].append(i)
                continue
        groups.append([i])
    return groups


def boundary(ctx: Reading, t1: Hit, t2: Hit, cues: list[Hit]) -> tuple[int, bool]:
    """Where the scope of t1 ends and that of t2 starts: the last clause break between them, or the
    relative pronoun whose clause holds t2 (then True)."""
    breaks = [t1.end + m.start() for m in re.finditer(r"[،,؛;(]", ctx.text[t1.end:t2.start])]
    breaks += [c.start for c in cues if c.kind in ("reporting", "contrast") and t1.end <= c.start < t2.start]
    if not breaks:  # "في ختام المحادثات بدأ ترتيبات لقاء": a future marker opens the next event's clause
        breaks = [c.start for c in cues if c.kind == "future" and t1.end <= c.start < t2.start]
    # "التقى X، في بغداد، Y الذي يقوم بأول زيارة": Y, the noun the clause is about, is the first event's
    rel = relative_opening(ctx, t2, max(breaks, default=t1.end))
    if rel is not None:
        return rel, True
    return (max(breaks) if breaks else t2.start), False


RELATIVE_REACH = 3  # words from "الذي" to the event word of its clause: "الذي يقوم بأول زيارة"


def relative_opening(ctx: Reading, t: Hit, lo: int) -> int | None:
    """Where the relative clause that holds the event word ``t`` opens, after ``lo``, or None."""
    rel = word_list(ctx.m, "relative_pronouns")
    words = list(re.finditer(r"\S+", ctx.text[lo:t.start - len(t.prefix)]))
    for k in range(len(words) - 1, max(-1, len(words) - 1 - RELATIVE_REACH), -1):
        if words[k].group(0).strip("،,") in rel:
            return lo + words[k].start()
    return None
