"""From one article's text to event mentions: who, what kind, when, where.

The steps, per sentence: find names, titles and cues (one automaton pass over
the article); resolve titles to persons (by name, or by the role a country's
office holder had on the date); split the sentence into one scope per event
trigger; take the scope's participants (leaving out speakers, attributions
and temporal clauses), type (modifiers: by phone, by video), status
(planned, negated, hypothetical, habitual), date (resolved against the
publication date), place and duration.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field

from ..models import OCCURRED, PLANNED, Article, DateValue, Entity, Mention
from .clutter import kept_lines
from .dates import DateMention, find_dates
from .entities import NAME_LAYER, Hit, Matcher, longest_non_overlapping, matcher_for
from .normalize import NormText, normalize, normalize_with_offsets

SENTENCE_END = re.compile(r"(?<!\d)[.!?؟](?!\d)|[.!?؟](?=\s)|\s[-–]\s|\|")
WORD = re.compile(r"\w+")
# "the Russian leader" is the head of state where a country has no separate paramount leader
ROLE_FALLBACK = {"leader": ("leader", "head_of_state", "head_of_government")}


@dataclass
class PersonRef:
    start: int
    end: int
    entity: Entity
    role: str | None = None  # the role a title gave, for counterparts


@dataclass
class PlaceRef:
    start: int
    end: int
    entity: Entity
    preposition: str = ""


@dataclass
class ArticleState:
    """What the extractor remembers while it reads one article."""

    seen: set[str] = field(default_factory=set)
    pairs: list[tuple[Entity, ...]] = field(default_factory=list)  # participants of recent events, newest last
    recent_persons: list[Entity] = field(default_factory=list)
    last_date: DateValue | None = None
    last_date_sentence: int = -10
    order: int = 0


class ArticleExtractor:
    """Extracts mentions from one article; one instance per article."""

    def __init__(self, article: Article, matcher: Matcher):
        self.article = article
        self.m = matcher
        self.gaz = matcher.gaz
        self.lex = matcher.lex
        self.nt: NormText = normalize_with_offsets(article.text)
        self.text = self.nt.text
        self.tokens = [t.start() for t in WORD.finditer(self.text)]
        self.state = ArticleState()
        self.mentions: list[Mention] = []

    # ------------------------------------------------------------ helpers
    def tok(self, pos: int) -> int:
        return bisect.bisect_right(self.tokens, pos) - 1

    def tokens_between(self, a: int, b: int) -> int:
        """How many words lie between character positions a and b."""
        return max(0, self.tok(b - 1) - self.tok(a)) if b > a else 0

    def gap(self, a: int, b: int) -> str:
        return self.text[a:b]

    def adjacent(self, a: int, b: int) -> bool:
        """Only spaces and commas between a and b."""
        return b >= a and re.fullmatch(r"[\s،,]*", self.text[a:b]) is not None

    # ------------------------------------------------------------ main
    def run(self) -> list[Mention]:
        hits = self.m.hits(self.text)
        kept = self.kept = kept_lines(self.text)
        # a short form ("شي") counts once the full name appears anywhere in the article
        self.state.seen = {h.value for h in hits if h.kind == "entity" and any(a <= h.start < b for a, b in kept)}
        dates = find_dates(self.text)
        sentences = list(self.sentences())
        hi = di = 0
        for idx, (s0, s1) in enumerate(sentences):
            while hi < len(hits) and hits[hi].start < s0:
                hi += 1
            hj = hi
            while hj < len(hits) and hits[hj].start < s1:
                hj += 1
            while di < len(dates) and dates[di].start < s0:
                di += 1
            dj = di
            while dj < len(dates) and dates[dj].start < s1:
                dj += 1
            sent_hits = [h for h in hits[hi:hj] if h.end <= s1]
            self.sentence(idx, s0, s1, sent_hits, [d for d in dates[di:dj] if d.end <= s1])
        return self.mentions

    def sentences(self):
        for a, b in self.kept:
            start = a
            for m in SENTENCE_END.finditer(self.text, a, b):
                end = m.end()
                if self.text[start:end].strip():
                    yield start, end
                start = end
            if self.text[start:b].strip():
                yield start, b

    # ------------------------------------------------------------ a sentence
    def sentence(self, idx: int, s0: int, s1: int, hits: list[Hit], dates: list[DateMention]):
        names = self.name_slots([h for h in hits if h.kind in NAME_LAYER])
        triggers = longest_non_overlapping([h for h in hits if h.kind == "trigger"])
        cues = [h for h in hits if h.kind not in NAME_LAYER and h.kind != "trigger"]
        persons, places, orgs, duals, consumed = self.resolve_names(names, dates, s0)
        for p in persons:
            self.state.recent_persons = [e for e in self.state.recent_persons if e.key != p.entity.key][-5:] + [p.entity]

        pub = self.article.published
        sentence_date = None
        for d in dates:
            sentence_date = d.resolve(pub)
            if sentence_date:
                break

        triggers = self.filter_triggers(triggers, cues, s0)
        bounds = [s0] + [self.boundary(triggers[i], triggers[i + 1], cues) for i in range(len(triggers) - 1)] + [s1]
        prev: Mention | None = None
        for i, t in enumerate(triggers):
            a, b = bounds[i], bounds[i + 1]
            reporting = [c.start for c in cues if c.kind == "reporting" and t.end <= c.start < b]
            if reporting:
                b = reporting[0]  # "..., and X said that ...": a new clause about something else
            mention = self.mention_for(t, a, b, s0, s1, persons, places, orgs, duals, cues, dates,
                                       single=len(triggers) == 1, prev=prev, sentence_idx=idx)
            if mention is not None:
                self.mentions.append(mention)
                prev = mention
                if len(mention.participants) >= 2 and not mention.partial:
                    pair = tuple(p for p in mention.participants if p.kind == "Person")
                    keys = {p.key for p in pair}
                    self.state.pairs = [q for q in self.state.pairs if {p.key for p in q} != keys][-5:] + [pair]
        if sentence_date is not None:
            self.state.last_date = sentence_date
            self.state.last_date_sentence = idx

    # ------------------------------------------------------------ names
    def name_slots(self, hits: list[Hit]) -> list[list[Hit]]:
        """Group name-layer hits by span, longest spans winning overlaps."""
        chosen = longest_non_overlapping(hits)
        by_span: dict[tuple[int, int], list[Hit]] = {}
        for h in hits:
            by_span.setdefault((h.start, h.end), []).append(h)
        return [by_span[(c.start, c.end)] for c in chosen]

    @staticmethod
    def of_kind(slot: list[Hit], *kinds: str) -> Hit | None:
        for h in slot:
            if h.kind in kinds:
                return h
        return None

    def entity_hit(self, slot: list[Hit], kind: str) -> Hit | None:
        for h in slot:
            if h.kind == "entity" and self.gaz.entries[h.value].kind == kind:
                return h
        return None

    def country_of_slot(self, slot: list[Hit]) -> str | None:
        h = self.of_kind(slot, "demonym")
        if h:
            return h.value
        h = self.entity_hit(slot, "Country")
        return h.value if h else None

    def person_of_slot(self, slot: list[Hit], titled: bool) -> str | None:
        h = self.entity_hit(slot, "Person")
        if h:
            return h.value
        shorts = [x.value for x in slot if x.kind == "short" and self.gaz.entries[x.value].kind == "Person"]
        seen = [k for k in shorts if k in self.state.seen]
        if seen:
            return seen[0]
        if titled and len(set(shorts)) == 1:
            return shorts[0]
        return None

    def resolve_names(self, slots: list[list[Hit]], dates: list[DateMention], s0: int):
        persons: list[PersonRef] = []
        places: list[PlaceRef] = []
        orgs: list[PlaceRef] = []
        duals: list[Hit] = []
        consumed: list[tuple[int, int]] = []
        on = self.role_date(dates)
        i = 0
        n = len(slots)
        while i < n:
            slot = slots[i]
            head = slot[0]
            title = self.of_kind(slot, "title", "epithet", "counterpart")
            if title is not None:
                j, ref = self.resolve_title(slots, i, title, on, persons)
                if ref is not None:
                    persons.append(ref)
                    consumed.append((ref.start, ref.end))
                    self.state.seen.add(ref.entity.key)
                i = max(j, i + 1)
                continue
            if self.of_kind(slot, "dual"):
                duals.append(self.of_kind(slot, "dual"))
                i += 1
                continue
            if self.of_kind(slot, "capital_word") and i + 1 < n and self.adjacent(head.end, slots[i + 1][0].start):
                country = self.country_of_slot(slots[i + 1])
                capital = self.gaz.capital_of(country) if country else None
                if capital:
                    places.append(PlaceRef(head.start, slots[i + 1][0].end, self.gaz.entity(capital), self.preposition(head)))
                    i += 2
                    continue
            key = self.person_of_slot(slot, titled=i > 0 and self.of_kind(slots[i - 1], "honorific") is not None
                                      and self.adjacent(slots[i - 1][0].end, head.start))
            if key:
                persons.append(PersonRef(head.start, head.end, self.gaz.entity(key)))
                self.state.seen.add(key)
            else:
                for kind, bucket in (("Place", places), ("Country", places), ("Organization", orgs)):
                    h = self.entity_hit(slot, kind)
                    if h:
                        bucket.append(PlaceRef(h.start, h.end, self.gaz.entity(h.value), self.preposition(h)))
                        break
            i += 1
        return persons, places, orgs, duals, consumed

    def role_date(self, dates: list[DateMention]) -> dt.date | None:
        """The date office holders are looked up on: an explicit date in the sentence, else publication."""
        for d in dates:
            if d.kind == "abs" and d.value and d.value.precision == "day":
                return d.value.start()
        return self.article.published

    def resolve_title(self, slots, i, title: Hit, on, persons) -> tuple[int, PersonRef | None]:
        """A title, epithet or "his counterpart" and what follows it, as a person."""
        n = len(slots)
        j = i + 1
        end = title.end
        country = None
        role = title.value if title.kind == "title" else None
        if title.kind == "epithet":
            role, country = title.value
        if title.kind == "counterpart":
            role = persons[-1].role if persons and persons[-1].role else "head_of_state"
        # title + country (demonym or genitive name), then honorifics, then a name
        if j < n and country is None and self.adjacent(end, slots[j][0].start):
            c = self.country_of_slot(slots[j])
            if c and not self.entity_hit(slots[j], "Person"):
                country, end, j = c, slots[j][0].end, j + 1
        while j < n and self.of_kind(slots[j], "honorific") and self.adjacent(end, slots[j][0].start):
            end, j = slots[j][0].end, j + 1
        if j < n and self.adjacent(end, slots[j][0].start):
            key = self.person_of_slot(slots[j], titled=True)
            if key:
                return j + 1, PersonRef(title.start, slots[j][0].end, self.gaz.entity(key), role)
        if country and role and role != "other":
            for r in ROLE_FALLBACK.get(role, (role,)):
                key = self.gaz.holder(r, country, on)
                if key:
                    return j, PersonRef(title.start, end, self.gaz.entity(key), role)
        name = self.unknown_name(end)
        if name:
            start, stop, label = name
            surface = self.original(title.start, stop)
            entity = Entity("name:" + label, "Person", None, self.original(start, stop))
            return j, PersonRef(title.start, stop, entity, role)
        if country and role and role != "other" and title.kind != "counterpart":
            label = self.original(title.start, end)
            entity = Entity(f"title:{role}:{country}", "Person", None, label)
            return j, PersonRef(title.start, end, entity, role)
        return j, None

    def unknown_name(self, pos: int) -> tuple[int, int, str] | None:
        """Two or three name-like words right after a title: a person kg does not know."""
        stop = self.m_stopwords()
        words = []
        cursor = pos
        for m in re.finditer(r"\S+", self.text[pos:pos + 80]):
            if self.text[cursor:pos + m.start()].strip(" "):
                break
            w = m.group(0)
            clean = w.rstrip("،,.:؛")
            if not re.fullmatch(r"[\u0621-\u064A]{2,}", clean) or clean in stop:
                break
            if not words and clean.startswith("ال"):
                break
            if self.m.auto.exists(clean) and not words:
                break
            words.append((pos + m.start(), pos + m.start() + len(clean), clean))
            cursor = pos + m.start() + len(clean)
            if clean != w or len(words) == 3:
                break
        if len(words) < 2:
            return None
        return words[0][0], words[-1][1], " ".join(w for _, _, w in words)

    def m_stopwords(self) -> set[str]:
        if not hasattr(self.m, "_stop"):
            words = set(normalize(w) for w in self.lex["name_stopwords"])
            for t in self.lex["triggers"]:
                words.update(normalize(f) for f in t["forms"])
            words.update(normalize(w) for w in self.lex["reporting_verbs"] + self.lex["complementizers"])
            self.m._stop = words
        return self.m._stop

    def original(self, a: int, b: int) -> str:
        oa, ob = self.nt.orig_span(a, b)
        return self.article.text[oa:ob]

    def preposition(self, h: Hit) -> str:
        if h.prefix.endswith("ب") or h.prefix.endswith("بال"):
            return "في"
        before = self.text[max(0, h.start - 8):h.start].split()
        return before[-1] if before else ""

    # ------------------------------------------------------------ triggers
    def boundary(self, t1: Hit, t2: Hit, cues: list[Hit]) -> int:
        """Where the scope of t1 ends and that of t2 starts: the last clause break between them."""
        breaks = [t1.end + m.start() for m in re.finditer(r"[،,؛;(]", self.text[t1.end:t2.start])]
        breaks += [c.start for c in cues if c.kind == "reporting" and t1.end <= c.start < t2.start]
        return max(breaks) if breaks else t2.start

    def filter_triggers(self, triggers: list[Hit], cues: list[Hit], s0: int) -> list[Hit]:
        others = [t for t in triggers if t.value != "Summit"]
        kept = []
        for t in triggers:
            if t.value == "Summit" and others:
                context = [c for c in cues if c.kind == "summit_context" and c.end <= t.start
                           and self.tokens_between(c.end, t.start) <= 2]
                if context or any(o.start < t.start for o in others):
                    continue  # "على هامش قمة": the summit is where a meeting happened
            kept.append(t)
        return kept

    def mention_for(self, t: Hit, a, b, s0, s1, persons, places, orgs, duals, cues, dates,
                    single: bool, prev: Mention | None, sentence_idx: int) -> Mention | None:
        lex_type = t.value
        before = [c for c in cues if a <= c.start < t.start]
        after = [c for c in cues if t.end <= c.start < b]

        def near_before(kind, n):
            return any(c.kind == kind and self.tokens_between(c.end, t.start) <= n for c in before)

        # reference to an event already told ("this visit", "that call")
        if any(c.kind == "demonstrative" and self.tokens_between(c.end, t.start) <= 0 for c in before):
            return None
        if any(c.kind == "demonstrative" and self.tokens_between(t.end, c.start) <= 0 for c in after):
            return None
        if near_before("negator", 3) or near_before("hypothetical", 4):
            return None
        if any(c.kind == "habitual" for c in before + after):
            return None

        zones = self.excluded_zones(t, a, b, s1, cues)
        inside = lambda x: a <= x.start < b and not any(z0 <= x.start < z1 for z0, z1 in zones)  # noqa: E731
        people: list[Entity] = []
        for p in persons:
            if inside(p) and p.entity.key not in {e.key for e in people}:
                people.append(p.entity)

        # "... and another call with Trump": the subject of the previous event carries over
        if len(people) == 1 and prev is not None and prev.participants:
            if any(c.kind == "same_subject" for c in after if self.tokens_between(t.end, c.start) <= 1) \
                    or t.suffix in ("ه", "ها"):
                lead = prev.participants[0]
                if lead.key != people[0].key:
                    people.insert(0, lead)
        # "the two leaders", "their call": the pair of a recent event, one that includes who is named
        dual = t.suffix in self.m.dual_suffixes or any(
            (d.start >= t.end and self.tokens_between(t.end, d.start) <= 4)
            or (d.end <= t.start and self.tokens_between(d.end, t.start) <= 3) for d in duals)
        if dual and len(people) < 3 and self.state.pairs:
            named = {e.key for e in people}
            pair = next((q for q in reversed(self.state.pairs) if named <= {p.key for p in q}), None)
            if pair is None:
                pair = self.state.pairs[-1]
            people = list(pair)

        # type
        etype = lex_type
        mods = [c for c in cues if c.kind == "modifier" and a <= c.start < b
                and (-2 <= self.tok(c.start) - self.tok(t.end - 1) <= 8)]
        if mods and etype in ("Call", "Talks", "Meeting", "PhoneCall", "VideoCall"):
            nearest = min(mods, key=lambda c: abs(c.start - t.end))
            if etype not in ("PhoneCall", "VideoCall"):
                etype = nearest.value

        # status
        future = "س" in t.prefix and t.prefix not in ("", "و", "ف")
        if any(c.kind == "future" and self.tokens_between(c.end, t.start) <= 6 for c in before):
            future = True
        if any(c.kind == "future_after" and self.tokens_between(t.end, c.start) <= 3 for c in after):
            future = True

        # date
        date = self.pick_date(t, a, b, zones, dates, future, single, sentence_idx, s0)
        pub = self.article.published
        if date is not None and pub is not None and date.start() > pub and date.precision == "day":
            future = True

        # place, organizer
        place = self.pick_place(t, places, inside, lex_type, persons, a)
        organizer = next((o.entity for o in orgs if inside(o) and o.start >= t.end
                          and self.tokens_between(t.end, o.start) <= 3), None)

        roles: dict[str, str] = {}
        if etype == "Visit" and people:
            word = self.text[t.start:t.end]
            if word in self.m.host_triggers:  # "X received Y": host first
                roles[people[0].key] = "host"
                if len(people) > 1:
                    roles[people[1].key] = "visitor"
            else:
                invited = any(c.kind == "future" and normalize("دعا") in self.text[c.start:c.end + 2] for c in before)
                guest = word in self.m.guest_nouns  # "the reception of X by Y"
                visitor = people[1] if (invited and len(people) > 1) else people[0]
                if guest:
                    visitor = people[0]
                roles[visitor.key] = "visitor"
                if len(people) == 2:
                    roles[(people[0] if visitor is people[1] else people[1]).key] = "host"
            if future:  # a planned visit is the visitor's; the inviter may never meet them
                visitor_key = next(k for k, r in roles.items() if r == "visitor") if "visitor" in roles.values() else people[0].key
                people = [p for p in people if p.key == visitor_key]
                roles = {visitor_key: "visitor"}

        family_needs_two = etype in ("Call", "PhoneCall", "VideoCall", "Meeting", "Talks")
        partial = False
        if family_needs_two and len(people) < 2:
            if not people:
                return None
            partial = True
        if etype == "Visit" and not people:
            return None
        if etype == "Summit" and not people and organizer is None:
            return None

        oa, ob = self.nt.orig_span(s0, s1)
        evidence = self.article.text[oa:ob].strip()
        lead = len(self.article.text[oa:ob]) - len(self.article.text[oa:ob].lstrip())
        self.state.order += 1
        return Mention(
            article_id=self.article.id, type=etype, participants=tuple(people),
            evidence=evidence, start=oa + lead, end=oa + lead + len(evidence),
            trigger=self.original(t.start, t.end), date=date, place=place,
            status=PLANNED if future else OCCURRED, roles=roles, organizer=organizer,
            duration_minutes=self.duration(a, b), published=pub, partial=partial,
        )

    def excluded_zones(self, t: Hit, a: int, b: int, s1: int, cues: list[Hit]) -> list[tuple[int, int]]:
        """Spans whose names are not participants: speakers, attributions, temporal clauses."""
        zones = []
        clause_ends = [m.start() for m in re.finditer(r"[،,؛;]", self.text[a:b])]

        def clause_end(pos):
            for e in clause_ends:
                if a + e > pos:
                    return min(a + e, b)
            return b

        comps = [c for c in cues if c.kind == "complementizer" and a <= c.start < b]
        for c in cues:
            if not (a <= c.start < b):
                continue
            if c.kind == "attribution":
                zones.append((c.start, clause_end(c.end)))
            elif c.kind == "temporal" and not (c.end <= t.start and self.tokens_between(c.end, t.start) == 0):
                # "بعد ساعات من تنصيب ترامب": names in a temporal clause are not participants
                end = min(clause_end(c.end), t.start if c.end <= t.start else b)
                zones.append((c.start, end))
            elif c.kind == "reporting":
                comp = next((x for x in comps if x.start > c.end), None)
                if comp is not None and t.start > comp.start:
                    zones.append((c.start, comp.start))
        return zones

    def pick_date(self, t, a, b, zones, dates, future, single, sentence_idx, s0) -> DateValue | None:
        pub = self.article.published
        cands = [d for d in dates if a <= d.start < b and not any(z0 <= d.start < z1 for z0, z1 in zones)]
        if not cands and single:
            cands = [d for d in dates if not any(z0 <= d.start < z1 for z0, z1 in zones)]
        if cands:
            best = min(cands, key=lambda d: (d.start < t.start, abs(d.start - t.end)))
            value = best.resolve(pub, future)
            if value is not None:
                return value
        opener = self.text[s0:s0 + 30].strip()
        if any(opener.startswith(normalize(o)) for o in self.lex["continuation_openers"]):
            if self.state.last_date is not None and sentence_idx - self.state.last_date_sentence <= 2:
                return self.state.last_date
        return None

    def pick_place(self, t: Hit, places: list[PlaceRef], inside, lex_type: str, persons: list[PersonRef], scope_start: int) -> Entity | None:
        """Where the event happened: a place after "في"/"إلى" (or the object of "زار") near the trigger."""
        preps = ("في", "الى", "بمدينه", "بالعاصمه", "مدينه", "العاصمه", "لدى")
        for p in places:
            if not inside(p):
                continue
            head = self.text[max(0, p.start - 40):p.start].split()
            if len(head) >= 2 and head[-1] == "في" and re.sub(r"(هما|هم|ها|ه)$", "", head[-2]) in self.m.place_blockers:
                continue  # "الحرب في أوكرانيا": the place of something else
            if p.end <= t.start and self.tokens_between(p.end, t.start) > 3 and self.tokens_between(scope_start, p.start) > 2:
                continue  # before the trigger only when fronted ("وفي موسكو، التقى") or close
            if p.start > t.end:
                names = sum(self.tokens_between(r.start, r.end) + 1 for r in persons if t.end <= r.start < p.start)
                if self.tokens_between(t.end, p.start) - names > 10:
                    continue
            if p.preposition in preps or (lex_type == "Visit" and p.start >= t.end and self.tokens_between(t.end, p.start) <= 1):
                return p.entity
        return None

    def duration(self, a: int, b: int) -> int | None:
        """Minutes the event lasted, when the text states it (not "more than ...")."""
        return parse_duration(self.text[a:b])


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


def extract_article(article: Article, matcher: Matcher | None = None) -> list[Mention]:
    """Event mentions in one article."""
    return ArticleExtractor(article, matcher or matcher_for()).run()
