"""The frame resolution stage: who took part, in which roles, and how many events a frame is.

Participants are the persons named in the frame's scope, completed by coreference ("the
two leaders" and "their call" are the pair of a recent event; a verb without its own
subject continues the previous event's); a list with "كل على حدة" or a meeting verb with
those its subject met is one event per pair; a summit's participants are the leaders the
text places there; a visit gets its visitor, its host and the host's country.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from ..models import FAMILY, LEADER_ROLES as COUNTRY_LEADERS, OCCURRED, PLANNED, DateValue, Entity, Mention, dates_near
from .dates_places import parse_duration
from .entities import Hit
from .lexwords import cached, recalled, without_conjunction, word_list
from .names import guest_of
from .normalize import alternation, normalize
from .triggers import gathering_follows, joined_right_before, ministerial

if TYPE_CHECKING:
    from .frames import Frame
    from .names import PersonRef, SentenceNames
    from .reading import Reading

LEADER_ROLES = COUNTRY_LEADERS + ("secretary_general",)
INVITATION = re.compile(r"دعوه\s+(?:\S+\s+){0,1}(?:من\s+)?(?:\S+\s+){0,3}$")
NEEDS_TWO = ("Call", "PhoneCall", "VideoCall", "Meeting", "Talks")


def sideline_summits(ctx: Reading, sideline: list[Hit], mentions: list[Mention], s0: int, s1: int) -> list[Mention]:
    """"التقى X وY على هامش قمة ..." also tells the summit. Its participants are left open: the
    text places two leaders there, not who took part; a summit lasts days, so the meeting's day
    gives it a month."""
    met = [m for m in mentions if m.family in ("meeting", "talks") and m.status == OCCURRED and not m.partial]
    if not met or not sideline:
        return []
    people: list[Entity] = []
    date = next((m.date.at_most_month() for m in met if m.date is not None), None)
    place = next((m.place for m in met if m.place is not None and not m.weak_place), None)
    t = sideline[0]
    return [build(ctx, t, "Summit", people, date, place, False, {}, None, t.start, s1, s0, s1)]


def attended_summits(ctx: Reading, attended: list[Hit], mentions: list[Mention], s0: int, s1: int) -> list[Mention]:
    """"وصل X ... للمشاركة في القمة": a leader who travels to take part in a summit attends it. The
    visiting leaders join the summit the article tells elsewhere (``place_summits``); when it tells
    none, this is the summit, with the visit's month."""
    visit = next((v for v in mentions if v.type == "Visit" and not v.partial), None)
    if visit is None or not attended:
        return []
    people = [p for p in visit.participants if visit.roles.get(p.key) == "visitor" and is_leader(ctx, p, visit.date)]
    if not people:
        return []
    date = visit.date.at_most_month() if visit.date is not None else None
    t = attended[0]
    summit = build(ctx, t, "Summit", people, date, None, visit.status == PLANNED, {}, None, t.start, s1, s0, s1)
    ctx.state.attendance.append(summit)
    return [summit]


def join_attendance(ctx: Reading, mentions: list[Mention]) -> list[Mention]:
    """Leaders who travel to a summit the article tells as an event are among its participants."""
    def told(m: Mention, a: Mention) -> bool:
        return m.type == "Summit" and not any(m is x for x in ctx.state.attendance) \
            and (a.date is None or m.date is None or a.date.compatible(m.date))

    out = list(mentions)
    for a in ctx.state.attendance:
        same = [i for i, m in enumerate(out) if told(m, a)]
        for i in same:
            known = {p.key for p in out[i].participants}
            out[i] = replace(out[i], participants=out[i].participants + tuple(
                p for p in a.participants if p.key not in known))
        if same:
            out = [x for x in out if x is not a]
    return out


def place_summits(ctx: Reading, mentions: list[Mention]) -> list[Mention]:
    """A summit told without a place is where the article says its summit is held, when the article
    places summits in one place only ("قبل انطلاق القمة المنعقدة في شرم الشيخ ... وافتتح الرئيس القمة")."""
    places = dict(ctx.state.summit_places)
    places.update((m.place.key, m.place) for m in mentions if m.type == "Summit" and m.place and not m.weak_place)
    if len(places) != 1:
        return mentions
    place = next(iter(places.values()))
    # not a summit of another time: "سبق أن التقيا على هامش القمة في الرياض في ديسمبر 2022" places that one only
    held = [m.date for m in mentions if m.type == "Summit" and m.place and not m.weak_place]
    return [replace(m, place=place, weak_place=False, place_country=ctx.gaz.country_key(place.key))
            if m.type == "Summit" and (m.place is None or m.weak_place) and any(dates_near(m.date, d, 31) for d in held or [None])
            else m for m in mentions]


def virtual(ctx: Reading, t: Hit, after: list[Hit]) -> bool:
    """Whether a summit word is told as held by video: in its own form ("قمة افتراضية") or by a medium
    right after it ("قمة افتراضية عبر الفيديو")."""
    forms = cached(ctx.m, "_video", lambda: {w for f in ctx.m.lex["modifiers"]["VideoCall"] for w in normalize(f).split()})
    return any(w in forms for w in ctx.text[t.start:t.end].split()[1:]) or any(
        c.kind == "modifier" and c.value == "VideoCall" and ctx.t.tokens_between(t.end, c.start) <= 1 for c in after)


def is_leader(ctx: Reading, person: Entity, date: DateValue | None) -> bool:
    on = ctx.office_day(date)
    return any(r in LEADER_ROLES for r, _ in ctx.gaz.roles_of(person.key, on))


BETWEEN_THEM = re.compile(r"(?:\s+\S+){0,2}?\s+(?:الذي\s+|التي\s+)?(?:جري|جرت|دار|دارت)\s+بينهما(?!\w)")  # "اتصال هاتفي جرى بينهما" (normalized)
RELATIVE_BEFORE = re.compile(r"(?:الذي|التي)\s+(?:كان\s+|كانت\s+)?(?:قد\s+)?$")  # normalized


def host_country(ctx: Reading, roles: dict[str, str], date: DateValue | None) -> Entity | None:
    host = next((k for k, r in roles.items() if r == "host"), None)
    if host is None:
        return None
    on = ctx.office_day(date)
    countries = {c for r, c in ctx.gaz.roles_of(host, on) if r in ("head_of_state", "head_of_government", "leader", "crown_prince")}
    return ctx.gaz.entity(countries.pop()) if len(countries) == 1 else None


def distributive(ctx: Reading, t: Hit, a: int, b: int, s0: int, s1: int) -> bool:
    """A plural or dual event word, "كل على حدة" in the scope, or a meeting verb with a list of
    those its subject met ("التقى X كلا من Y وZ", "سيلتقي X نظيريه Y وZ"): one event per pair,
    unless the scope says the meeting was joint (ثلاثي، مشترك)."""
    if ctx.text[t.start:t.end] in word_list(ctx.m, "distributive_triggers"):
        return True
    scope = " " + " ".join(re.sub(r"[^\w\s]", " ", ctx.text[a:b]).split()) + " "
    if any(f" {c} " in scope for c in word_list(ctx.m, "distributive_cues")):
        return True
    sentence = " " + " ".join(re.sub(r"[^\w\s]", " ", ctx.text[s0:s1]).split()) + " "
    cues = word_list(ctx.m, "joint_cues")
    if not object_list_follows(ctx, t, (), b):  # "والتقى على هامش القمة كلا من Y وZ": a summit is where, not how
        cues = cues | word_list(ctx.m, "summit_joint_cues")
    joint = any(f" {c} " in sentence or f" ال{c} " in sentence for c in cues)
    return t.value == "Meeting" and ctx.text[t.start:t.end] in ctx.m.verbs and not joint


def build(ctx: Reading, t, etype, people, date, place, future, roles, organizer, a, b, s0, s1) -> Mention:
    oa, ob = ctx.nt.orig_span(s0, s1)
    raw = ctx.article.text[oa:ob]
    evidence = raw.strip()
    lead = len(raw) - len(raw.lstrip())
    return Mention(
        article_id=ctx.article.id, type=etype, participants=tuple(people),
        evidence=evidence, start=oa + lead, end=oa + lead + len(evidence),
        trigger=ctx.t.original(t.start, t.end), date=date, place=place,
        status=PLANNED if future else OCCURRED, roles=roles, organizer=organizer,
        duration_minutes=parse_duration(ctx.text[a:b]), published=ctx.article.published,
        # "the call", "the visit" with no date of its own refers back: it only joins an event
        # unless a clause names who it brought together ("اللقاء الذي جمع X وY")
        partial=(etype in NEEDS_TWO and len(people) < 2) or ("ال" in t.prefix and date is None
                                                              and not (len(people) >= 2 and gathering_follows(ctx, t))),
        place_country=ctx.gaz.country_key(place.key) if place is not None else None,
        recalled=recalled(ctx.m, ctx.text[s0:t.start]),
    )


def visit_roles(ctx: Reading, t: Hit, people: list[Entity], before: list[Hit], future: bool,
                place: Entity | None, date: DateValue | None, given: bool = False) -> tuple[list[Entity], dict[str, str]]:
    """Who visits and who hosts (``given``: a reception the subject gives, "خص X Y باستقبال")."""
    word = ctx.text[t.start:t.end]
    roles: dict[str, str] = {}
    arrived = guest_of(ctx, None, None)  # the visitor of the last visit the article told
    if word in ctx.m.host_triggers or given:  # "X received Y": host first
        order = people
        # "وصل X ... واستقبل X وليُّ العهد": whoever the article had arrive is the guest, whatever the order
        if len(people) > 1 and arrived is not None and arrived.key == people[0].key:
            order = [people[1], people[0]] + people[2:]
        roles[order[0].key] = "host"
        if len(order) > 1:
            roles[order[1].key] = "visitor"
    else:
        invited = any(c.kind == "future" and ctx.text[c.start:c.end].lstrip("و").startswith(("دع", "يدع", "تدع"))
                      for c in before)
        visitor = people[1] if (invited and len(people) > 1 and word not in ctx.m.guest_nouns) else people[0]
        if t.suffix and word in ctx.m.reception_nouns and arrived is not None and any(p.key == arrived.key for p in people):
            visitor = next(p for p in people if p.key == arrived.key)  # "وكان باستقباله X": "him", the one who arrived
        roles[visitor.key] = "visitor"
        if len(people) == 2:
            roles[(people[0] if visitor is people[1] else people[1]).key] = "host"
    visitor_key = next((k for k, r in roles.items() if r == "visitor"), None)
    if future and word not in ctx.m.host_triggers:
        # a planned visit is the visitor's and its host's: the inviter may never meet them
        keep = visitor_key or people[0].key
        visitor_entity = next(p for p in people if p.key == keep)
        host = host_of(ctx, place, date, exclude=keep, anywhere=True) if place is not None else None
        if host is not None:
            return [visitor_entity, host], {keep: "visitor", host.key: "host"}
        return [visitor_entity], {keep: "visitor"}
    if len(people) == 1 and visitor_key and place is not None:
        host = earlier_host(ctx, visitor_key, date, place) or host_of(ctx, place, date, exclude=visitor_key)
        if host is not None:  # "وصل كيم إلى روسيا": hosted by Russia's leader, when the article names them
            roles[host.key] = "host"
            people = people + [host]
    return people, roles


def earlier_host(ctx: Reading, visitor_key: str, date: DateValue | None, place: Entity) -> Entity | None:
    """The host the article already gave this visitor on this visit ("استقبل Y الضيفَ X ... وبدأ X
    زيارته"): a visit told with a date of another week is another visit."""
    told: list[tuple[Mention, DateValue | None]] = []
    last = None  # an undated telling of a visit is of the visit dated last before it
    for v in ctx.mentions:
        if v.type == "Visit" and v.status == OCCURRED and v.roles.get(visitor_key) == "visitor":
            last = v.date or last
            told.append((v, v.date or last))
    for v, when in reversed(told):
        if dates_near(when, date):
            host = next((k for k, r in v.roles.items() if r == "host" and k not in v.invited), None)  # not an inviter
            entity = next((p for p in v.participants if p.key == host), None)
            if entity is not None and host_country(ctx, {host: "host"}, date) == country_of(ctx, place):
                return entity
    return None


def country_of(ctx: Reading, place: Entity) -> Entity | None:
    country = ctx.gaz.country_key(place.key)
    return ctx.gaz.entity(country) if country in ctx.gaz.entries else None


def domestic(ctx: Reading, person: Entity, place: Entity, date: DateValue | None) -> bool:
    country = ctx.gaz.country_key(place.key)
    on = ctx.office_day(date)
    return country is not None and any(c == country for _, c in ctx.gaz.roles_of(person.key, on))


def host_of(ctx: Reading, place: Entity, date: DateValue | None, exclude: str, anywhere: bool = False) -> Entity | None:
    country = ctx.gaz.country_key(place.key)
    if not country:
        return None
    on = ctx.office_day(date)
    def hosts_in(people):
        return [e for e in people if e.key != exclude
                and any(c == country and r in ("head_of_state", "head_of_government", "leader")
                        for r, c in ctx.gaz.roles_of(e.key, on))]

    hosts = hosts_in(ctx.state.recent_persons)
    if hosts or not anywhere:
        return hosts[-1] if hosts else None
    # named later in the article ("... وسيبحث مع الرئيس الأرجنتيني ..."): only when there is one
    later = hosts_in([ctx.gaz.entity(k) for k in sorted(ctx.state.seen)
                      if k in ctx.gaz.entries and ctx.gaz.entries[k].kind == "Person"])
    return later[0] if len(later) == 1 else None


def participants(ctx: Reading, frame: Frame, names: SentenceNames, prev: Mention | None, sentence_idx: int) -> list[Entity]:
    """The frame's participants: those named in its scope, completed by coreference."""
    t, a, s0 = frame.trigger, frame.start, frame.s0
    persons, inside = names.persons, frame.inside
    people = list(frame.candidates)
    # "اطلع X Y على نتائج اتصاله مع Z": "his call with Z" is X's and Z's, not Y's
    if t.suffix in ("ه", "ها") and re.match(r"\s*(?:\S+\s+)?مع\s", ctx.text[t.end + len(t.suffix):t.end + 30]):
        before_t = [p.entity for p in persons if inside(p) and p.start < t.start]
        after_t = [p.entity for p in persons if inside(p) and p.start > t.end]
        if len(before_t) >= 2 and after_t:
            people = [before_t[0]] + [e for e in after_t if e.key != before_t[0].key]
    # "... and another call with Trump", "عقب محادثاته مع بوتين": the previous event's topic carries over
    if len(people) == 1 and prev is not None and prev.participants:
        if any(c.kind == "same_subject" for c in frame.after if ctx.t.tokens_between(t.end, c.start) <= 1) \
                or t.suffix in ("ه", "ها"):
            lead = lead_of(prev)
            if lead.key != people[0].key:
                people.insert(0, lead)
    # "شارك X في القمة، والتقى على هامشها كلا من Y وZ", "وعقد لقاءات مع Y وZ": those met follow; the
    # subject is left out
    if len(people) >= 2 and prev is not None and prev.participants and (
            object_list_follows(ctx, t, persons, frame.end)  # "وعقد لقاءات مع Y وZ" too
            or (ctx.text[t.start:t.end].endswith(" مع") and not any(inside(p) and p.start < t.start for p in persons))):
        lead = lead_of(prev)
        if lead.key not in {e.key for e in people}:
            people.insert(0, lead)
    # "تلقى X اتصالا من Y، كما تلقى اتصالا من Z": a verb whose subject is left out shares the
    # subject of the sentence's previous event
    is_verb = ctx.text[t.start:t.end] in ctx.m.verbs or (t.value == "Talks" and ctx.text[t.start:t.start + 1] in "يتأ") \
        or ctx.t.word_before(t.start - len(t.prefix)) in word_list(ctx.m, "purpose_verbs") \
        or any(w.strip("،,").lstrip("و") in word_list(ctx.m, "call_receiving_verbs")  # "وتلقى في الشهر نفسه اتصالا"
               for w in ctx.text[max(s0, t.start - len(t.prefix) - 40):t.start - len(t.prefix)].split()[-4:])
    # ^ "وصل X لعقد اجتماع مع Y", "كما تلقى اتصالا من Z": the event word is the verb's object
    # the previous sentence's event too, when this sentence names nobody before its verb
    before_in_sentence = any(s0 <= p.start < t.start for p in persons)
    last = ctx.mentions[-1] if ctx.mentions else None
    # "وصل X إلى طوكيو. ومن المقرر أن يتباحث اليوم مع Y": the visitor's agenda goes on
    told = prev if prev is not None else (
        last if last is not None and last.type == "Visit" and "visitor" in last.roles.values()
        and ctx.last_sentence == sentence_idx - 1 and not before_in_sentence else None)
    if len(people) == 1 and told is not None and told.participants and is_verb \
            and not any(inside(p) and p.start < t.start for p in persons):
        subject = subject_of(ctx, told)
        if subject.key != people[0].key:
            people.insert(0, subject)
    # "استهل X لقاءاته باجتماع مع Y، ... قبل أن يلتقي في اليوم نفسه Z": an event word told as the means ("بـ")
    # of the sentence's previous event, or a verb after "قبل أن", "ثم" with no subject of its own, is the previous
    # event's subject's, with those named after it (not the previous event's guest, named in between)
    if prev is not None and prev.participants and (same_doer(ctx, t, is_verb) or (
            t.prefix.lstrip("و") == "ب" and ctx.text.startswith("مع ", t.end + len(t.suffix) + 1))):
        after_t = [p.entity for p in persons if inside(p) and p.start > t.end]
        subject = subject_of(ctx, prev)
        if after_t and not the_pair_verb(ctx, t):
            people = [subject] + [e for e in after_t if e.key != subject.key]
    # "اختتم X زيارته إلى بكين حيث شارك في قمة ... (إلى جانب Y)": the summit of the sentence's subject too
    if t.value == "Summit" and prev is not None and prev.participants and joined_right_before(ctx, t):
        lead = lead_of(prev)
        if all(p.key != lead.key for p in people):
            people.insert(0, lead)
    # "معلنا أنه سيزور الصين": a verb without its own subject continues the sentence's last person
    if not people and ctx.text[t.start:t.end] in ctx.m.verbs:
        earlier = [p for p in persons if s0 <= p.start < a and not any(z0 <= p.start < z1 for z0, z1 in frame.zones)]
        if earlier:
            people.append(earlier[-1].entity)
            # "حين استقبله شي في بكين، ثم في مايو حين التقاه في داليان": "him" is the previous event's lead
            if t.suffix in ("ه", "ها") and prev is not None and prev.participants and lead_of(prev).key != people[0].key:
                people.append(lead_of(prev))
    return the_two(ctx, frame, people, names)


def same_doer(ctx: Reading, t: Hit, is_verb: bool) -> bool:
    """A verb right after "قبل أن", "بعد أن", "ثم" (`same_doer_openers`): its subject is left out."""
    if not is_verb:
        return False
    head = ctx.text[max(0, t.start - len(t.prefix) - 20):t.start - len(t.prefix)].split()
    openers = word_list(ctx.m, "same_doer_openers")
    return any(" ".join(head[-n:]) in openers for n in (1, 2) if len(head) >= n)


def the_pair_verb(ctx: Reading, t: Hit) -> bool:
    """A verb of two ("قبل أن يلتقيا"): its subject is the pair, not one of them."""
    word = ctx.text[t.start - len(t.prefix):t.end + len(t.suffix)].lstrip("وف").split()[0]
    return t.suffix in ctx.m.dual_suffixes or word in word_list(ctx.m, "dual_verbs")


def doer_clause(ctx: Reading) -> re.Pattern:
    """"(زيارة الدولة) التي يقوم بها" (`visit_doer_clauses`), after a visit word and at most two of its words."""
    return cached(ctx.m, "_doer", lambda: re.compile(
        r"(?:\s+\S+){0,2}?\s+(?:" + alternation(word_list(ctx.m, "visit_doer_clauses")) + r")(?!\w)"))


def subject_of(ctx: Reading, m: Mention) -> Entity:
    """Who an event was told of as its subject: the one named first after "استقبل" (its host, or the
    visitor the article had arrive: "واستقبل العاهل ... ولي عهد اليابان في المطار"), else its lead."""
    if m.type == "Visit" and without_conjunction(normalize(m.trigger)) in ctx.m.host_triggers:
        return m.participants[0]
    return lead_of(m)


def lead_of(m: Mention) -> Entity:
    """Whom an event is told of first: a visit's visitor, else its first participant."""
    visitor = next((k for k, r in m.roles.items() if r == "visitor"), None)
    return next((p for p in m.participants if p.key == visitor), m.participants[0])


def object_list_follows(ctx: Reading, t: Hit, persons: list[PersonRef], b: int) -> bool:
    """"التقى (على هامشها) كلا من Y وZ": the list of those met follows the verb, no person before it."""
    pattern = cached(ctx.m, "_object_lists", lambda: re.compile(
        r"(?<!\w)(?:" + alternation(word_list(ctx.m, "object_lists")) + r")(?!\w)"))
    m = pattern.search(ctx.text, t.end, b)
    return m is not None and ctx.t.tokens_between(t.end, m.start()) <= 3 \
        and not any(t.end <= p.start < m.start() for p in persons)


def the_two(ctx: Reading, frame: Frame, people: list[Entity], names: SentenceNames) -> list[Entity]:
    """"the two leaders", "their call": the pair of a recent event, one that includes who is named."""
    t, s0 = frame.trigger, frame.s0
    duals = word_list(ctx.m, "dual_verbs")
    # "تحادثا هاتفيا", "وأجريا اتصالا مرئيا": a verb of two, the event word's own or the one it is the object of
    dual = t.suffix in ctx.m.dual_suffixes or ctx.text[t.start - len(t.prefix):t.end + len(t.suffix)].lstrip("وف").split()[0] in duals \
        or without_conjunction(ctx.t.word_before(t.start - len(t.prefix))) in duals \
        or BETWEEN_THEM.match(ctx.text, t.end + len(t.suffix)) is not None or any(
        (d.start >= t.end and ctx.t.tokens_between(t.end, d.start) <= 4)
        or (d.end <= t.start and ctx.t.tokens_between(d.end, t.start) <= 3) for d in names.duals)
    if dual and len(people) < 2 and ctx.state.pairs:
        named = {e.key for e in people} or {p.entity.key for p in names.persons if s0 <= p.start < t.start}
        pair = next((q for q in reversed(ctx.state.pairs) if named <= {p.key for p in q}), None)
        people = list(pair if pair is not None else ctx.state.pairs[-1])
    elif dual and not people and not ctx.state.pairs and len(ctx.state.recent_persons) >= 2:
        # "وتصافح الرئيسان" before any event: the two leaders named last
        people = list(ctx.state.recent_persons[-2:])
    return people


def senders_only(ctx: Reading, t: Hit, people: list[Entity], persons, inside) -> bool:
    """A plural or dual event word ("اتصالات", "اتصالين") whose people all stand after "من" following it
    (the frame names nobody before it): only the senders are known."""
    word = ctx.text[t.start:t.end + len(t.suffix)].split()[0]  # "اتصالات هاتفية": the noun, not its adjective
    if not word.endswith(("ات", "ين", "ان")):
        return False
    first = next((p for p in persons if inside(p) and p.entity.key == people[0].key), None)
    return first is not None and first.start > t.end and re.search(r"(?<!\w)من(?!\w)", ctx.text[t.end:first.start]) is not None


def resolve_frame(ctx: Reading, frame: Frame, people: list[Entity], names: SentenceNames) -> list[Mention]:
    """The frame as event mentions: none if the article denies it, one per pair for a distributive
    list, else one, with a summit's leaders, a visit's roles and a place from the dateline."""
    t, a, b, s0, s1 = frame.trigger, frame.start, frame.end, frame.s0, frame.s1
    etype, date, place, future, organizer = frame.etype, frame.date, frame.place, frame.future, frame.organizer
    persons, inside = names.persons, frame.inside
    family = FAMILY.get(etype, "talks")
    if frame.denied:
        ctx.state.denied.append((family, frozenset(p.key for p in people)))
        return []
    if any(f in (family, "talks") and keys == frozenset(p.key for p in people) for f, keys in ctx.state.denied):
        return []  # the article denies this very event

    # "اتصالين هاتفيين منفصلين مع X و Y", "تلقى اتصالات هاتفية من X وY وZ", "التقى X كلا من Y وZ،
    # كل على حدة": one call or meeting of the subject with each
    named_together = any({p.key for p in people} <= group for group in ctx.state.together)  # "التقى القادة X وY وZ"
    subject = [p for p in persons if inside(p) and p.start < t.start]
    if len(people) >= 2 and not subject and senders_only(ctx, t, people, persons, inside):
        return []  # "يتلقى اتصالات من X وY" with a receiver kg cannot name: the senders did not call each other
    if len(people) >= 3 and etype != "Summit" and not named_together and distributive(ctx, t, a, b, s0, s1):
        lead = subject[0].entity if subject else people[0]
        return [build(ctx, t, etype, [lead, other], date, place, future, {}, organizer, a, b, s0, s1)
                for other in people if other.key != lead.key]

    if etype == "Summit":  # a summit's participants are the leaders at it, not ministers or aides
        people = [p for p in people if is_leader(ctx, p, date)]
        if not people and ministerial(ctx, t):
            return []  # ministers among themselves
    if etype == "Summit" and len(people) == 2 and organizer is None and "ال" not in t.prefix and (gathering_follows(ctx, t) or not any(
            w in word_list(ctx.m, "multilateral_cues") for w in ctx.text[a:b].split())):
        etype = "Meeting"  # "قمة" of two leaders is a meeting (CAMEO 044), not a multilateral summit
        if virtual(ctx, t, frame.after):
            etype = "VideoCall"  # "قمة افتراضية", "قمة عبر الفيديو" of two leaders: a video call
    roles: dict[str, str] = {}
    if etype == "Visit" and len(people) == 1 and place is not None and domestic(ctx, people[0], place, date):
        return []  # a leader touring their own country is no diplomatic visit
    word = ctx.text[t.start:t.end]
    receiving = word in ctx.m.host_triggers or word in word_list(ctx.m, "reception_nouns")
    if etype == "Visit" and receiving and t.suffix in ("ه", "ها"):
        # "حط X في الدوحة، حيث استقبله الأمير", "يستقبله الإمبراطور": the host is named after the verb, the
        # guest is the sentence's subject (its first person, not the one "التقى" met on the way), else the
        # visitor told before
        before = [p.entity for p in persons if s0 <= p.start < t.start][:1]
        guest = before[0] if before else guest_of(ctx, None, None)
        hosts = [p.entity for p in persons if inside(p) and p.start >= t.end]
        if guest is not None and hosts and hosts[0].key != guest.key:
            people = [hosts[0], guest]
    if etype == "Visit" and len(people) == 2 and not receiving:
        # "التعازي من X رئيس وزراء المملكة المتحدة، الذي وصل إلى البلاد": who arrived is the one before "الذي"
        rel = RELATIVE_BEFORE.search(ctx.text, max(a, t.start - len(t.prefix) - 24), t.start - len(t.prefix))
        ante = next((p for p in reversed(persons) if rel and p.end <= rel.start()
                     and not ctx.text[p.end:rel.start()].strip(" ،,")), None)
        if ante is not None and ante.entity.key == people[1].key:
            people = [people[1], people[0]]
        # "زيارة الدولة التي يقوم بها الرئيس الفرنسي للمملكة": who makes the visit follows the clause
        doer = doer_clause(ctx).match(ctx.text, t.end + len(t.suffix), min(frame.end, t.end + 60))
        after = next((p for p in persons if doer and p.start >= doer.end() and inside(p)), None)
        if after is not None and ctx.t.adjacent(doer.end(), after.start) and after.entity.key == people[1].key:
            people = [people[1], people[0]]
    if etype == "Visit" and people:
        given = receiving and any(without_conjunction(w) in word_list(ctx.m, "reception_givers")
                                  for w in ctx.text[frame.start:t.start].split()[:1])
        # "استقبال جلالة الملك لرئيس الحكومة": the reception of the one after "ل" by the one before
        given = given or (receiving and len(people) == 2 and any(
            p.entity.key == people[1].key and p.start > t.end and ctx.text[p.start - 1:p.start] == "ل" for p in persons))
        people, roles = visit_roles(ctx, t, people, frame.before, future, place, date, given)
        if place is None:  # a visit without a named place is in its host's country
            place = host_country(ctx, roles, date)
    weak_place = False
    if place is None and etype in ("Visit", "Meeting", "Summit") and ctx.dateline is not None and not future:
        place, weak_place = ctx.dateline, True  # "موسكو - (وكالات)": where the news was filed
    if etype in NEEDS_TWO and not people:
        return []
    if etype == "Visit" and not people:
        return []
    if etype == "Summit" and not people and organizer is None and (future or date is None or place is None or weak_place):
        return []  # a summit is told by who attends, who organizes it, or where and when it was held
    mention = build(ctx, t, etype, people, date, place, future, roles, organizer, a, b, s0, s1)
    # "تلبية لدعوة من Y": Y invited; Y is the host only if nobody else is said to receive the visitor
    invited = frozenset(p.entity.key for p in persons if p.entity.key in roles and inside(p)
                        and INVITATION.search(ctx.text[max(a, p.start - 40):p.start]))
    if weak_place or invited:
        mention = replace(mention, weak_place=weak_place, invited=invited)
    return [mention]
