"""From one article's text to event mentions: who, what kind, when, where.

The steps, per sentence: find names, titles and cues (one automaton pass over
the article); resolve titles to persons (by name, or by the role a country's
office holder had on the date); split the sentence into one scope per event
trigger; take the scope's participants (leaving out speakers, attributions,
senders of messages and temporal clauses), type (modifiers: by phone, by
video), status (planned; negated, denied, hypothetical and habitual mentions
are dropped), date (resolved against the publication date), place and
duration. All words and phrases come from ``kg/data/ar/lexicon.json``.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field, replace

from ..models import FAMILY, OCCURRED, PLANNED, Article, DateValue, Entity, Mention, dates_near
from .clutter import kept_lines
from .dates import DateMention, find_dates
from .english import extract_english, is_english
from .entities import NAME_LAYER, Hit, Matcher, longest_non_overlapping, matcher_for
from .normalize import NormText, light, normalize, normalize_with_offsets

SENTENCE_END = re.compile(r"(?<!\d)[.!?؟](?!\d)|[.!?؟](?=\s)|\|")
WORD = re.compile(r"\w+")
ARABIC_WORD = re.compile(r"[\u0621-\u064A]{2,}")
# "the Russian leader" is the head of state where a country has no separate paramount leader
ROLE_FALLBACK = {"leader": ("leader", "head_of_state", "head_of_government")}
PLACE_PREPOSITIONS = {normalize(w) for w in ("في", "إلى", "بمدينة", "بالعاصمة", "مدينة", "العاصمة", "لدى", "الى",
                                              # "القمة التي تستضيفها أستانا": the host city of a summit
                                              "تستضيفها", "يستضيفها", "تستضيف", "يستضيف", "تحتضنها", "تحتضن", "يحتضن")}
ORDINALS = {"اول", "ثاني", "ثالث", "رابع", "اخر", "اولى", "الاولى"}
DATELINE_TAIL = re.compile(r"\s*(?:[-–—:(]|في\s+\d)")
LEADER_ROLES = ("head_of_state", "head_of_government", "leader", "crown_prince", "secretary_general")
INVITATION = re.compile(r"دعوه\s+(?:\S+\s+){0,1}(?:من\s+)?(?:\S+\s+){0,3}$")
MAX_SENTENCE = 2000  # characters; real sentences are far shorter
DATE_REACH = 12  # words after the trigger within which its date is told
NEEDS_TWO = ("Call", "PhoneCall", "VideoCall", "Meeting", "Talks")


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
    denied: list[tuple[str, frozenset]] = field(default_factory=list)
    last_visit: Mention | None = None
    countries: set[str | None] = field(default_factory=set)  # countries the article names in full (or by demonym)
    summit_places: dict[str, Entity] = field(default_factory=dict)  # where summits named as context are held
    attendance: list[Mention] = field(default_factory=list)  # summits told only by who travels to them


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
        self.last_sentence = -10  # the last sentence that told an event
        self.learned: dict[str, Entity] = {}  # names of persons kg does not know, as the article introduced them
        self.kept: list[tuple[int, int]] = []

    # ------------------------------------------------------------ helpers
    def tok(self, pos: int) -> int:
        return bisect.bisect_right(self.tokens, pos) - 1

    def tokens_between(self, a: int, b: int) -> int:
        """How many words lie between character positions a and b."""
        return max(0, self.tok(b - 1) - self.tok(a)) if b > a else 0

    def adjacent(self, a: int, b: int) -> bool:
        """Only spaces and commas between a and b."""
        return b >= a and re.fullmatch(r"[\s،,]*", self.text[a:b]) is not None

    def word_before(self, pos: int) -> str:
        words = self.text[max(0, pos - 30):pos].split()
        return words[-1].strip("،,") if words else ""

    def original(self, a: int, b: int) -> str:
        oa, ob = self.nt.orig_span(a, b)
        return self.article.text[oa:ob]

    def words(self, key: str) -> set[str]:
        """A lexicon list, normalized (cached on the matcher)."""
        cache = self.m.__dict__.setdefault("_words", {})
        if key not in cache:
            cache[key] = {" ".join(normalize(w).split()) for w in self.lex.get(key, [])}
        return cache[key]

    # ------------------------------------------------------------ main
    def run(self) -> list[Mention]:
        hits = self.m.hits(self.text)
        self.kept = kept_lines(self.text)
        self._kept_starts = [a for a, _ in self.kept]
        # a short form ("شي") counts once the full name appears anywhere in the article itself
        self.state.seen = {h.value for h in hits if h.kind == "entity" and self.in_kept(h.start)}
        self.state.countries = {self.gaz.country_key(h.value) for h in hits if h.kind in ("entity", "demonym")
                                and self.gaz.entries[h.value].kind in ("Country", "Place") and self.in_kept(h.start)}
        self.dateline = self.find_dateline(hits)
        kinds = {h.value for h in hits if h.kind == "trigger"}
        self.phone_only = "PhoneCall" in kinds and not kinds & {"Meeting", "Visit", "Summit", "VideoCall"}
        # an undated article's office holders are looked up on the day its named people held office together
        self.era = None if self.article.published else self.gaz.era(
            k for k in self.state.seen if self.gaz.entries[k].kind == "Person")
        dates = find_dates(self.text)
        hi = di = 0
        for idx, (s0, s1) in enumerate(self.sentences()):
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
            self.sentence(idx, s0, s1, [h for h in hits[hi:hj] if h.end <= s1],
                          [d for d in dates[di:dj] if d.end <= s1])
        return self.place_summits(self.join_attendance(self.mentions))

    def join_attendance(self, mentions: list[Mention]) -> list[Mention]:
        """Leaders who travel to a summit the article tells as an event are among its participants."""
        def told(m: Mention, a: Mention) -> bool:
            return m.type == "Summit" and not any(m is x for x in self.state.attendance) \
                and (a.date is None or m.date is None or a.date.compatible(m.date))

        out = list(mentions)
        for a in self.state.attendance:
            same = [i for i, m in enumerate(out) if told(m, a)]
            for i in same:
                known = {p.key for p in out[i].participants}
                out[i] = replace(out[i], participants=out[i].participants + tuple(
                    p for p in a.participants if p.key not in known))
            if same:
                out = [x for x in out if x is not a]
        return out

    def place_summits(self, mentions: list[Mention]) -> list[Mention]:
        """A summit told without a place is where the article says its summit is held, when the article
        places summits in one place only ("قبل انطلاق القمة المنعقدة في شرم الشيخ ... وافتتح الرئيس القمة")."""
        places = dict(self.state.summit_places)
        places.update((m.place.key, m.place) for m in mentions if m.type == "Summit" and m.place and not m.weak_place)
        if len(places) != 1:
            return mentions
        place = next(iter(places.values()))
        return [replace(m, place=place, weak_place=False, place_country=self.gaz.country_key(place.key))
                if m.type == "Summit" and (m.place is None or m.weak_place) else m for m in mentions]

    def find_dateline(self, hits: list[Hit]) -> Entity | None:
        """"موسكو - (وكالات)", "القاهرة في 5 مايو (أ ش أ)": a place opening a line, then a dash, a
        bracket or "في" and a date, is where the report was filed."""
        starts = self._kept_starts
        for h in hits:
            if h.kind != "entity" or self.gaz.entries[h.value].kind not in ("Place", "Country"):
                continue
            k = bisect.bisect_right(starts, h.start) - 1
            if k < 0 or self.text[starts[k]:h.start - len(h.prefix)].strip():
                continue
            if DATELINE_TAIL.match(self.text, h.end + len(h.suffix)):
                return self.gaz.entity(self.gaz.site(h.value))
        return None

    def in_kept(self, pos: int) -> bool:
        k = bisect.bisect_right(self._kept_starts, pos) - 1
        return k >= 0 and pos < self.kept[k][1]

    def sentences(self):
        for a, b in self.kept:
            start = a
            for m in SENTENCE_END.finditer(self.text, a, b):
                end = m.end()
                if self.text[start:end].strip():
                    yield from self.bounded(start, end)
                start = end
            if self.text[start:b].strip():
                yield from self.bounded(start, b)

    def bounded(self, a: int, b: int):
        """A sentence, cut at a space every MAX_SENTENCE characters: text without stops (a feed dump,
        a table) costs time in proportion to its length, not its square."""
        while b - a > MAX_SENTENCE:
            cut = self.text.rfind(" ", a + MAX_SENTENCE // 2, a + MAX_SENTENCE)
            cut = cut if cut > a else a + MAX_SENTENCE
            yield a, cut
            a = cut
        if self.text[a:b].strip():
            yield a, b

    # ------------------------------------------------------------ a sentence
    def sentence(self, idx: int, s0: int, s1: int, hits: list[Hit], dates: list[DateMention]):
        names = self.name_slots([h for h in hits if h.kind in NAME_LAYER])
        self._name_tokens = {k for slot in names for k in range(self.tok(slot[0].start), self.tok(slot[0].end - 1) + 1)}
        cues = [h for h in hits if h.kind not in NAME_LAYER and h.kind != "trigger"]
        persons, places, orgs, duals = self.resolve_names(names, dates)
        if self.learned:
            persons = sorted(persons + self.learned_mentions(s0, s1, persons), key=lambda p: p.start)
        for p in persons:
            self.state.recent_persons = [e for e in self.state.recent_persons if e.key != p.entity.key][-7:] + [p.entity]

        triggers = self.find_triggers(hits, cues, s1)
        groups = self.group_triggers(triggers, cues, dates)
        starts = [s0] + [self.boundary(triggers[g[-1]], triggers[h[0]], cues) for g, h in zip(groups, groups[1:])]
        ends = starts[1:] + [s1]
        prev: Mention | None = None
        dated_in_sentence: DateValue | None = None
        first = len(self.mentions)
        for group, a, b in zip(groups, starts, ends):
            t = triggers[group[0]]
            reporting = [c.start for c in cues if c.kind in ("reporting", "contrast") and triggers[group[-1]].end <= c.start < b]
            if reporting:
                b = reporting[0]  # "..., and X said that ...", "أما الثانية ...": a new clause about something else
            for mention in self.mentions_for(t, a, b, s0, s1, persons, places, orgs, duals, cues, dates,
                                             single=len(groups) == 1, prev=prev, sentence_idx=idx):
                self.mentions.append(mention)
                prev = mention
                if mention.date is not None:
                    dated_in_sentence = mention.date
                if mention.type == "Visit":
                    self.state.last_visit = mention
                pair = tuple(p for p in mention.participants if p.kind == "Person")
                if len(pair) == 2:  # "the two leaders" refers back to a pair, not to a group
                    keys = {p.key for p in pair}
                    self.state.pairs = [q for q in self.state.pairs if {p.key for p in q} != keys][-5:] + [pair]
        self.mentions.extend(self.sideline_summits(self.mentions[first:], s0, s1))
        self.mentions.extend(self.attended_summits(self.mentions[first:], s0, s1))
        for t in self._context_summits:  # "استقبل X قبل انطلاق القمة المنعقدة في شرم الشيخ"
            place = self.pick_place(t, places, lambda p: True, persons, s0)
            if place is not None:
                self.state.summit_places[place.key] = place
        if len(self.mentions) > first:
            self.last_sentence = idx
        # "the same day" later on refers to the last event's date, else to the sentence's first date
        sentence_date = dated_in_sentence
        if sentence_date is None:
            for d in dates:
                if d.kind != "same_day":
                    sentence_date = d.resolve(self.article.published)
                    if sentence_date:
                        break
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
        if h:
            return h.value
        shorts = {x.value for x in slot if x.kind == "short" and self.gaz.entries[x.value].kind == "Country"}
        return shorts.pop() if len(shorts) == 1 else None

    def short_place(self, slot: list[Hit]) -> str | None:
        """"في عمان": a short place name ("عمان" is Amman or Oman, "صور" is Tyre or pictures) is a place only
        after "في" or "إلى" and in an article that names the place's country otherwise ("العاهل الأردني",
        "الأردن"): then it is the one place of that country it can be."""
        if self.preposition(slot[0]) not in ("في", "إلى", "الى"):
            return None
        keys = {x.value for x in slot if x.kind == "short" and self.gaz.entries[x.value].kind in ("Place", "Country")}
        named = [k for k in sorted(keys) if k in self.state.seen or self.gaz.country_key(k) in self.state.countries]
        return named[0] if len(named) == 1 else None

    def person_of_slot(self, slot: list[Hit], titled: bool) -> str | None:
        h = self.entity_hit(slot, "Person")
        if h and re.search(r" بن \S+$", self.text[h.start:h.end]) and self.family_name_follows(h.end + len(h.suffix)):
            return None  # "عبدالله بن عبدالعزيز العيفان" is not King Abdullah bin Abdulaziz
        if h:
            return h.value
        shorts = [x.value for x in slot if x.kind == "short" and self.gaz.entries[x.value].kind == "Person"]
        seen = [k for k in shorts if k in self.state.seen]
        if seen:
            return seen[0]
        if titled and len(set(shorts)) == 1 and not self.name_goes_on(slot[0].end):
            return shorts[0]
        return None

    def to_country(self, title: Hit, slot: list[Hit]) -> bool:
        """"زيارة الرئيس للهند": after a definite title, "ل" + a country's name is "to", not "of"."""
        if self.of_kind(slot, "demonym"):
            return False
        definite = self.text[title.start - len(title.prefix):title.end].lstrip("وف").startswith(("ال", "بال", "لل"))
        word = self.text[slot[0].start - len(slot[0].prefix):slot[0].end]
        return definite and word.startswith("ل") and not word.startswith("ال")

    def family_name_follows(self, pos: int) -> bool:
        """After "X بن Y", a word with the article that kg does not know, closing the name before a comma
        or a stop, is the family name of someone else ("العيفان،"); "آل" begins the known person's own
        family name; a known word or a day is no name; "بحث محمد بن سلمان العلاقات الثنائية" goes on."""
        m = re.match(r" ([\u0621-\u064A]+)\s*[،,.:؛]", self.text[pos:pos + 40])
        if not m:
            return False  # a family name closes the name: "عبدالله بن عبدالعزيز العيفان،"
        word = m.group(1)
        return ARABIC_WORD.fullmatch(word) is not None and word.startswith("ال") and word != "ال" and word not in self.name_stopwords() \
            and not self.known_word(word) and not self.m.auto.exists(word) and not find_dates(f"يوم {word}")

    def name_before(self, pos: int) -> tuple[int, int, str] | None:
        """Two or three name-like words kg does not know, then a comma, right before ``pos``."""
        m = re.search(r"((?:[\u0621-\u064A]{2,} ){1,2}[\u0621-\u064A]{2,})\s*[،,]\s*$", self.text[max(0, pos - 60):pos])
        if not m:
            return None
        words = m.group(1).split()
        stop = self.name_stopwords()
        if any(w in stop or w.startswith(("ال", "لل", "بال", "وال")) or self.m.auto.exists(w) for w in words):
            return None
        start = max(0, pos - 60) + m.start(1)
        return start, start + len(m.group(1)), m.group(1)

    def unknown_person(self, start: int, stop: int, label: str) -> Entity:
        """A person kg does not know, introduced by a title; later bare mentions of the name are them."""
        entity = Entity("name:" + label, "Person", None, self.original(start, stop))
        if len(label.split()) >= 2:
            self.learned.setdefault(label, entity)
        return entity

    def learned_mentions(self, s0: int, s1: int, persons: list[PersonRef]) -> list[PersonRef]:
        """"رئيس الوزراء الماليزي، أنور إبراهيم" ... "أن أنور إبراهيم تحدث": names the article introduced."""
        found = []
        for label, entity in self.learned.items():
            for m in re.finditer(r"(?<!\w)" + re.escape(label) + r"(?!\w)", self.text[s0:s1]):
                a, b = s0 + m.start(), s0 + m.end()
                if not any(p.start < b and a < p.end for p in persons + found):
                    found.append(PersonRef(a, b, entity))
        return found

    def name_goes_on(self, pos: int) -> bool:
        """A name-like word kg does not know follows: the first name belongs to a longer, unknown name."""
        m = re.match(r" (\S+)", self.text[pos:pos + 40])
        if not m:
            return False
        word = m.group(1).rstrip("،,.:؛")
        return ARABIC_WORD.fullmatch(word) is not None and word not in self.name_stopwords() \
            and not word.startswith(("ال", "لل", "بال", "وال")) and not self.known_word(word)

    def resolve_names(self, slots: list[list[Hit]], dates: list[DateMention]):
        persons: list[PersonRef] = []
        places: list[PlaceRef] = []
        orgs: list[PlaceRef] = []
        duals: list[Hit] = []
        on = self.role_date(dates)
        i, n = 0, len(slots)
        while i < n:
            slot = slots[i]
            head = slot[0]
            title = self.of_kind(slot, "title", "epithet", "counterpart", "guest")
            if title is not None and self.named_after(head.start):
                i += 2 if i + 1 < n and self.adjacent(head.end, slots[i + 1][0].start) else 1
                continue
            if title is not None:
                j, ref = self.resolve_title(slots, i, title, on, persons)
                if ref is not None:
                    persons.append(ref)
                    self.state.seen.add(ref.entity.key)
                i = max(j, i + 1)
                continue
            honorific = self.of_kind(slot, "honorific")
            nxt = slots[i + 1] if i + 1 < n and self.adjacent(head.end, slots[i + 1][0].start) else None
            unresolved_short = nxt is not None and all(h.kind == "short" for h in nxt) \
                and self.person_of_slot(nxt, titled=True) is None
            if honorific is not None and (nxt is None or unresolved_short):
                later = [sl for sl in slots[i + 1:] if not all(h.kind == "short" for h in sl)]
                name = self.unknown_name(head.end, later, min_words=2)
                if name:  # "سعادة ميخائيل بوغدانوف": an honorific before a name kg does not know
                    start, stop, label = name
                    persons.append(PersonRef(head.start, stop, self.unknown_person(start, stop, label)))
                i += 1
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
            if self.named_after(head.start) and not (self.entity_hit(slot, "Place") or self.entity_hit(slot, "Country")):
                i += 1
                continue  # "مطار الملك خالد": a place named after a person ("بمدينة أوساكا" is the city)
            titled = i > 0 and self.of_kind(slots[i - 1], "honorific") is not None \
                and self.adjacent(slots[i - 1][0].end, head.start)
            key = self.person_of_slot(slot, titled=titled)
            if key:
                persons.append(PersonRef(head.start, head.end, self.named(key, head.start, head.end)))
                self.state.seen.add(key)
            else:
                for kind, bucket in (("Place", places), ("Country", places), ("Organization", orgs)):
                    h = self.entity_hit(slot, kind)
                    if h:
                        bucket.append(PlaceRef(h.start, h.end, self.gaz.entity(self.gaz.site(h.value)), self.preposition(h)))
                        break
                else:
                    short = self.short_place(slot)
                    if short is not None:
                        places.append(PlaceRef(head.start, head.end, self.gaz.entity(self.gaz.site(short)), self.preposition(head)))
            i += 1
        return persons, places, orgs, duals

    def role_date(self, dates: list[DateMention]) -> dt.date | None:
        """The date office holders are looked up on: an explicit date in the sentence, else publication."""
        for d in dates:
            if d.kind == "abs" and d.value and d.value.precision == "day":
                return d.value.start()
        return self.article.published or self.era

    def resolve_title(self, slots, i, title: Hit, on, persons) -> tuple[int, PersonRef | None]:
        """A title, epithet, "his counterpart" or "his guest" and what follows it, as a person."""
        n = len(slots)
        j = i + 1
        end = title.end
        country = None
        role = title.value if title.kind == "title" else None
        if title.kind == "epithet":
            role, country = title.value
        if title.kind == "counterpart":
            role = persons[-1].role if persons and persons[-1].role else "head_of_state"
        possessed = self.possessed(title.start)
        # "نائب وزير الخارجية", "مبعوث الرئيس الروسي": the person is someone else
        if possessed and title.kind == "title":
            role = "other"
        # title + country (demonym or genitive name), then modifiers and honorifics, then a name
        if j < n and country is None and self.adjacent(end, slots[j][0].start):
            c = self.country_of_slot(slots[j])
            if c and self.to_country(title, slots[j]):
                c = None
            if c is None and role in ("secretary_general", "other", "head_of_state"):
                org = self.entity_hit(slots[j], "Organization")  # "الأمين العام للأمم المتحدة"
                c = org.value if org else None
            if c and not self.entity_hit(slots[j], "Person"):
                country, end, j = c, slots[j][0].end, j + 1
        former = False
        while True:
            m = re.match(r"[\s،,]*(\S+)", self.text[end:end + 30])
            word = m.group(1).strip("،,") if m else ""
            if word and word in self.words("title_modifiers"):
                former = former or word in self.words("former_modifiers")
                end = end + m.end()
                while j < n and slots[j][0].start < end:
                    j += 1
                continue
            if j < n and self.of_kind(slots[j], "honorific") and self.adjacent(end, slots[j][0].start):
                end, j = slots[j][0].end, j + 1
                continue
            break
        if j < n and self.adjacent(end, slots[j][0].start):
            key = self.person_of_slot(slots[j], titled=True)
            if key and possessed:
                return j + 1, None  # "مبعوث الرئيس الفرنسي إيمانويل ماكرون": the envoy, not the president
            if key:
                return j + 1, PersonRef(title.start, slots[j][0].end, self.named(key, slots[j][0].start, slots[j][0].end), role)
        if possessed:
            return j, None
        if title.kind == "guest":
            ref = self.guest(country, on)
            return j, (PersonRef(title.start, end, ref, None) if ref else None)
        if country and role and role != "other" and not former:
            for r in ROLE_FALLBACK.get(role, (role,)):
                key = self.gaz.holder(r, country, on)
                if key:
                    return j, PersonRef(title.start, end, self.gaz.entity(key), role)
        name = self.unknown_name(end, slots[j:])
        if name:
            start, stop, label = name
            return j, PersonRef(title.start, stop, self.unknown_person(start, stop, label), role)
        if country and role and role != "other" and title.kind != "counterpart" and not former:
            before = self.name_before(title.start - len(title.prefix))
            if before is not None:  # "باولو رانجيل، وزير الخارجية البرتغالي": the name stands before its title
                start, stop, label = before
                return j, PersonRef(start, end, self.unknown_person(start, stop, label), role)
            label = self.original(title.start, end)
            return j, PersonRef(title.start, end, Entity(f"title:{role}:{country}", "Person", None, label), role)
        definite = self.text[title.start - len(title.prefix):title.end].startswith(("ال", "بال", "وال", "لل", "فال"))
        if self.name_goes_on(end):
            return j, None  # "الملك فيصل": a king kg does not know, not the one this article names
        if country is None and role and role != "other" and title.kind == "title" and not former and definite:
            key = self.unique_holder_in_article(role, on, self.text[title.start:title.end])  # "جلالة الملك"
            if key:
                return j, PersonRef(title.start, end, self.gaz.entity(key), role)
        return j, None

    def named_after(self, pos: int) -> bool:
        w = self.word_before(pos)
        forms = {w, w[1:] if w[:1] in ("و", "ف", "ب", "ل") else w}
        return bool(forms & self.words("named_after_heads"))

    def possessed(self, pos: int) -> bool:
        """"مبعوث الرئيس", "والمبعوث الخاص للرئيس": the title names whose envoy, aide or office it is."""
        words = self.text[max(0, pos - 40):pos].split()[-2:]
        possessors = self.words("title_possessors")
        for i, w in enumerate(reversed(words)):
            w = w.strip("،,")
            forms = {w, w[1:] if w[:1] in ("و", "ف") else w}
            forms |= {f[2:] for f in forms if f.startswith("ال")}
            if forms & possessors:
                return True
            if i == 0 and not w.startswith("ال"):
                break  # only an adjective ("الخاص") may stand between
        return False

    def named(self, key: str, a: int, b: int) -> Entity:
        """The gazetteer entity, remembering the form this text used for it."""
        return replace(self.gaz.entity(key), surface=self.original(a, b).strip())

    def unique_holder_in_article(self, role: str, on, title_word: str = "") -> str | None:
        """The one person of this article holding ``role``; a title word ("الملك") narrows to those
        whose names carry it (kings, not presidents)."""
        keys = {e.key for e in self.state.recent_persons
                if any(r == role for r, _ in self.gaz.roles_of(e.key, on))}
        word = title_word.removeprefix("ال")
        titled = {k for k in keys if any(word and word in normalize(n) for n in self.gaz.entries[k].ar)}
        if len(keys) > 1 and len(titled) == 1:
            return titled.pop()
        return keys.pop() if len(keys) == 1 else None

    def guest(self, country: str | None, on) -> Entity | None:
        """"ضيفه (الهندي)": the visitor of the last visit, or the person of that country named lately."""
        if country:
            for e in reversed(self.state.recent_persons):
                if any(c == country for _, c in self.gaz.roles_of(e.key, on)):
                    return e
            return None
        v = self.state.last_visit
        if v is not None:
            key = next((k for k, r in v.roles.items() if r == "visitor"), None)
            return next((p for p in v.participants if p.key == key), None)
        return None

    def unknown_name(self, pos: int, later_slots=(), min_words: int = 2) -> tuple[int, int, str] | None:
        """Name-like words right after a title or honorific: a person kg does not know."""
        stop = self.name_stopwords()
        connectors = self.words("name_connectors")
        # a first name kg knows may begin a name it does not ("ماكي سال")
        taken = [(sl[0].start, sl[0].end) for sl in later_slots if not all(h.kind == "short" for h in sl)]
        words: list[tuple[int, int, str]] = []
        cursor = pos
        for m in re.finditer(r"\S+", self.text[pos:pos + 100]):
            w0 = pos + m.start()
            gap = self.text[cursor:w0].strip(" ")
            if gap and not (not words and gap in ("،", ",")):  # "رئيس الوزراء الماليزي، أنور إبراهيم"
                break
            w = m.group(0)
            if any(a0 < w0 + len(w) and w0 < b0 for a0, b0 in taken):
                break  # a known name, title or place starts here
            clean = w.rstrip("،,.:؛")
            if not ARABIC_WORD.fullmatch(clean) or (clean in stop and (
                    clean not in self.words("name_stopword_collisions")
                    or light(self.original(w0, w0 + len(clean))) in self.light_stopwords())):
                break  # "على" (on) is a stop word, "علي" a name; "فى" is "في" in Egyptian spelling
            if not words and (clean.startswith(("ال", "لل", "بال", "وال")) or clean in connectors
                              or self.known_word(clean)):
                break
            words.append((w0, w0 + len(clean), clean))
            cursor = w0 + len(clean)
            if clean != w or len(words) == 5 or (len(words) >= 3 and clean not in connectors
                                                 and words[-2][2] not in connectors):
                break
        while words and words[-1][2] in connectors:
            words.pop()
        if len(words) < min_words:
            return None
        if any(re.search(r"(ته|تها|تهم|هما)$", w) for _, _, w in words):
            return None  # "دعوته": a possessed noun, not a name
        end = words[-1][1]
        follow = re.match(r"\s*(\S*)", self.text[end:end + 40]).group(1)
        boundary = (end >= len(self.text) or self.text[end] in "،,.:؛()\"'-" or not follow
                    or any(a0 <= end + (len(self.text[end:]) - len(self.text[end:].lstrip())) < b0 for a0, b0 in taken)
                    or follow.rstrip("،,.:؛") in stop or self.m.auto.exists(follow.rstrip("،,.:؛")))
        if not boundary:
            return None  # a name ends where something known (or punctuation) begins
        return words[0][0], words[-1][1], " ".join(w for _, _, w in words)

    def light_stopwords(self) -> set[str]:
        """Stop words as written (with alef maksura), to tell "على" from the name "علي"."""
        cache = self.m.__dict__.setdefault("_words", {})
        if "_light_stop" not in cache:
            words = {light(w) for w in self.lex["name_stopwords"] + self.lex["reporting_verbs"]
                     + self.lex["complementizers"] + self.lex["title_modifiers"]}
            for t in self.lex["triggers"]:
                words.update(light(f) for f in t["forms"])
            cache["_light_stop"] = words
        return cache["_light_stop"]

    def known_word(self, word: str) -> bool:
        """A word kg knows as something other than a bare first name."""
        found = self.m.auto.get(word, None)
        return found is not None and any(kind not in ("short",) for kind, _ in found[1])

    def name_stopwords(self) -> set[str]:
        cache = self.m.__dict__.setdefault("_words", {})
        if "_stop" not in cache:
            words = set(self.words("name_stopwords"))
            for t in self.lex["triggers"]:
                words.update(w for f in t["forms"] for w in normalize(f).split())
            words |= self.words("reporting_verbs") | self.words("complementizers")
            words |= self.words("title_modifiers")
            cache["_stop"] = words
        return cache["_stop"]

    def preposition(self, h: Hit) -> str:
        if h.prefix.endswith("ب") or h.prefix.endswith("بال"):
            return "في"
        return self.word_before(h.start)

    # ------------------------------------------------------------ triggers
    def find_triggers(self, hits: list[Hit], cues: list[Hit], s1: int) -> list[Hit]:
        """Event words of the sentence, with the phrasal ones ("بحث ... مع", "مؤتمر عبر الفيديو")."""
        mods = [c for c in cues if c.kind == "modifier"]
        plain = [h for h in hits if h.kind == "trigger"
                 # "عبر تقنية الاتصال المرئي" is how, not another event
                 and not any(m.start <= h.start < m.end and (m.end - m.start) > (h.end - h.start) for m in mods)]
        extra = self.talks_verbs(hits, plain, s1) + self.modifier_triggers(hits, mods)
        triggers = longest_non_overlapping(plain + extra)
        others = [t for t in triggers if t.value != "Summit"]
        kept = []
        self._sideline_summits = []
        self._context_summits = []
        self._attended_summits = []
        for t in triggers:
            if t.value == "Summit" and self.text[t.start:t.end] in self.words("summit_level"):
                # "اجتماع مجلس الجامعة على مستوى القمة": the meeting before it is the summit
                meeting = next((k for k in reversed(kept) if k.value in ("Meeting", "Talks")
                                and self.tokens_between(k.end, t.start) <= 8), None)
                if meeting is not None:
                    kept[kept.index(meeting)] = replace(meeting, value="Summit")
                continue
            if t.value == "Summit" and others:
                context = any(c.kind == "summit_context" and c.end <= t.start and self.tokens_between(c.end, t.start) <= 2
                              for c in cues)
                if context or any(o.start < t.start for o in others):
                    if any(c.kind == "summit_context" and self.text[c.start:c.end].endswith("هامش")
                           and c.end <= t.start and self.tokens_between(c.end, t.start) <= 2 for c in cues):
                        self._sideline_summits.append(t)
                    self._context_summits.append(t)
                    if any(c.kind == "summit_context" and self.text[c.start:c.end] in self.words("attendance_cues")
                           and c.end <= t.start and self.tokens_between(c.end, t.start) <= 2 for c in cues):
                        self._attended_summits.append(t)
                    continue  # "على هامش قمة": the summit is where a meeting happened
            kept.append(t)
        return kept

    def sideline_summits(self, mentions: list[Mention], s0: int, s1: int) -> list[Mention]:
        """"التقى X وY على هامش قمة ..." also tells the summit. Its participants are left open: the
        text places two leaders there, not who took part; a summit lasts days, so the meeting's day
        gives it a month."""
        met = [m for m in mentions if m.family in ("meeting", "talks") and m.status == OCCURRED and not m.partial]
        if not met or not self._sideline_summits:
            return []
        people: list[Entity] = []
        date = next((m.date for m in met if m.date is not None), None)
        if date is not None and date.precision == "day":
            date = DateValue(date.value[:7])
        place = next((m.place for m in met if m.place is not None and not m.weak_place), None)
        t = self._sideline_summits[0]
        return [self.build(t, "Summit", people, date, place, False, {}, None, t.start, s1, s0, s1)]

    def attended_summits(self, mentions: list[Mention], s0: int, s1: int) -> list[Mention]:
        """"وصل X ... للمشاركة في القمة": a leader who travels to take part in a summit attends it. The
        visiting leaders join the summit the article tells elsewhere (``place_summits``); when it tells
        none, this is the summit, with the visit's month."""
        visit = next((v for v in mentions if v.type == "Visit" and not v.partial), None)
        if visit is None or not self._attended_summits:
            return []
        people = [p for p in visit.participants if visit.roles.get(p.key) == "visitor" and self.is_leader(p, visit.date)]
        if not people:
            return []
        date = visit.date
        if date is not None and date.precision == "day":
            date = DateValue(date.value[:7])
        t = self._attended_summits[0]
        summit = self.build(t, "Summit", people, date, None, visit.status == PLANNED, {}, None, t.start, s1, s0, s1)
        self.state.attendance.append(summit)
        return [summit]

    def talks_verbs(self, hits: list[Hit], triggers: list[Hit], s1: int) -> list[Hit]:
        """"بحث X مع Y": a verb of discussion is an event only with "مع" (with) after it."""
        window = self.lex["talks_verbs"]["window"]
        out = []
        for h in hits:
            if h.kind != "talks_verb":
                continue
            m = re.search(r"(?<!\w)(?:و)?مع(?!\w)", self.text[h.end:s1])
            if m is None or self.tokens_between(h.end, h.end + m.start()) > window:
                continue
            if any(h.end <= t.start < h.end + m.start() for t in triggers):
                continue  # "بحث في اتصال هاتفي مع": the call is the trigger
            out.append(Hit(h.start, h.end, "trigger", "Talks", h.prefix, h.suffix))
        return out

    def modifier_triggers(self, hits: list[Hit], mods: list[Hit]) -> list[Hit]:
        """"مؤتمرهما عبر الفيديو": a conference or meeting word is a video call when the medium follows."""
        window = self.lex["modifier_triggers"]["window"]
        out = []
        for h in hits:
            if h.kind != "mod_trigger":
                continue
            if any(m.value == "VideoCall" and m.start >= h.end and self.tokens_between(h.end, m.start) <= window for m in mods):
                out.append(Hit(h.start, h.end, "trigger", "VideoCall", h.prefix, h.suffix))
        return out

    def group_triggers(self, triggers: list[Hit], cues: list[Hit], dates: list[DateMention]) -> list[list[int]]:
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
                separated = separated or ("ال" in t.prefix and re.match(r"\s+(التي|الذي)\b", self.text[t.end:t.end + 8]) is not None)
                if not separated:
                    groups[-1].append(i)
                    continue
            groups.append([i])
        return groups

    def boundary(self, t1: Hit, t2: Hit, cues: list[Hit]) -> int:
        """Where the scope of t1 ends and that of t2 starts: the last clause break between them."""
        breaks = [t1.end + m.start() for m in re.finditer(r"[،,؛;(]", self.text[t1.end:t2.start])]
        breaks += [c.start for c in cues if c.kind in ("reporting", "contrast") and t1.end <= c.start < t2.start]
        return max(breaks) if breaks else t2.start

    # ------------------------------------------------------------ one event mention
    def mentions_for(self, t: Hit, a, b, s0, s1, persons, places, orgs, duals, cues, dates,
                     single: bool, prev: Mention | None, sentence_idx: int) -> list[Mention]:
        before = [c for c in cues if a <= c.start < t.start]
        after = [c for c in cues if t.end <= c.start < b]

        def near_before(kind, n):
            return any(c.kind == kind and self.tokens_between(c.end, t.start) <= n for c in before)

        # a reference to an event already told ("this visit", "that call", "هذه أول زيارة")
        for c in before:
            if c.kind == "demonstrative":
                gap = self.text[c.end:t.start].split()
                if not gap or (len(gap) == 1 and gap[0] in ORDINALS):
                    return []
        if any(c.kind == "demonstrative" and self.tokens_between(t.end, c.start) <= 0 for c in after):
            return []
        if near_before("negator", 3) or near_before("hypothetical", self.lex.get("hypothetical_window", 6)):
            return []
        if any(c.kind == "habitual" for c in before + after):
            return []
        denied = any(c.kind == "denial" and s0 <= c.start < t.start for c in cues)

        zones, date_zones = self.excluded_zones(t, a, b, cues, dates)
        inside = lambda x: a <= x.start < b and not any(z0 <= x.start < z1 for z0, z1 in zones)  # noqa: E731
        people: list[Entity] = []
        for p in persons:
            if inside(p) and p.entity.key not in {e.key for e in people}:
                people.append(p.entity)

        # "اطلع X Y على نتائج اتصاله مع Z": "his call with Z" is X's and Z's, not Y's
        if t.suffix in ("ه", "ها") and re.match(r"\s*(?:\S+\s+)?مع\s", self.text[t.end + len(t.suffix):t.end + 30]):
            before_t = [p.entity for p in persons if inside(p) and p.start < t.start]
            after_t = [p.entity for p in persons if inside(p) and p.start > t.end]
            if len(before_t) >= 2 and after_t:
                people = [before_t[0]] + [e for e in after_t if e.key != before_t[0].key]
        # "... and another call with Trump", "عقب محادثاته مع بوتين": the previous event's topic carries over
        if len(people) == 1 and prev is not None and prev.participants:
            if any(c.kind == "same_subject" for c in after if self.tokens_between(t.end, c.start) <= 1) \
                    or t.suffix in ("ه", "ها"):
                visitor = next((k for k, r in prev.roles.items() if r == "visitor"), None)
                lead = next((p for p in prev.participants if p.key == visitor), prev.participants[0])
                if lead.key != people[0].key:
                    people.insert(0, lead)
        # "تلقى X اتصالا من Y، كما تلقى اتصالا من Z": a verb whose subject is left out shares the
        # subject of the sentence's previous event
        is_verb = self.text[t.start:t.end] in self.m.verbs or (t.value == "Talks" and self.text[t.start:t.start + 1] in "يتأ") \
            or self.word_before(t.start - len(t.prefix)) in self.words("purpose_verbs") \
            or any(w.strip("،,").lstrip("و") in self.words("call_receiving_verbs")
                   for w in self.text[max(s0, t.start - len(t.prefix) - 30):t.start - len(t.prefix)].split()[-3:])
        # ^ "وصل X لعقد اجتماع مع Y", "كما تلقى اتصالا من Z": the event word is the verb's object
        # the previous sentence's event too, when this sentence names nobody before its verb
        before_in_sentence = any(s0 <= p.start < t.start for p in persons)
        last = self.mentions[-1] if self.mentions else None
        # "وصل X إلى طوكيو. ومن المقرر أن يتباحث اليوم مع Y": the visitor's agenda goes on
        told = prev if prev is not None else (
            last if last is not None and last.type == "Visit" and "visitor" in last.roles.values()
            and self.last_sentence == sentence_idx - 1 and not before_in_sentence else None)
        if len(people) == 1 and told is not None and told.participants and is_verb \
                and not any(inside(p) and p.start < t.start for p in persons):
            visitor = next((k for k, r in told.roles.items() if r == "visitor"), None)
            subject = next((p for p in told.participants if p.key == visitor), told.participants[0])
            if subject.key != people[0].key:
                people.insert(0, subject)
        # "معلنا أنه سيزور الصين": a verb without its own subject continues the sentence's last person
        if not people and self.text[t.start:t.end] in self.m.verbs:
            last = [p for p in persons if s0 <= p.start < a and not any(z0 <= p.start < z1 for z0, z1 in zones)]
            if last:
                people.append(last[-1].entity)
        # "the two leaders", "their call": the pair of a recent event, one that includes who is named
        dual = t.suffix in self.m.dual_suffixes or self.text[t.start - len(t.prefix):t.end].lstrip("وف") in self.words("dual_verbs") or any(
            (d.start >= t.end and self.tokens_between(t.end, d.start) <= 4)
            or (d.end <= t.start and self.tokens_between(d.end, t.start) <= 3) for d in duals)
        if dual and len(people) < 2 and self.state.pairs:
            named = {e.key for e in people} or {p.entity.key for p in persons if s0 <= p.start < t.start}
            pair = next((q for q in reversed(self.state.pairs) if named <= {p.key for p in q}), None)
            people = list(pair if pair is not None else self.state.pairs[-1])
        elif dual and not people and not self.state.pairs and len(self.state.recent_persons) >= 2:
            # "وتصافح الرئيسان" before any event: the two leaders named last
            people = list(self.state.recent_persons[-2:])

        # type
        etype = t.value
        if etype == "Talks" and self.phone_only:
            etype = "PhoneCall"  # "تحدث إلى X" in an article whose only events are phone calls
        mods = [c for c in cues if c.kind == "modifier" and a <= c.start < b
                and (-2 <= self.tok(c.start) - self.tok(t.end - 1) <= 8)]
        if mods and etype in ("Call", "Talks", "Meeting"):
            etype = min(mods, key=lambda c: abs(c.start - t.end)).value

        # status
        future = "س" in t.prefix
        # "من المقرر أن يتباحث ... قبل أن يستقبله": what comes before or after a plan is planned too
        if prev is not None and prev.status == PLANNED and re.search(r"(?:قبل|بعد)\s+(?:ان|أن)\s*$", self.text[max(s0, t.start - len(t.prefix) - 12):t.start - len(t.prefix)]):
            future = True
        window = self.lex.get("future_window", 10)
        if any(c.kind == "future" and self.tokens_between(c.end, t.start) <= window for c in before):
            future = True
        if any(c.kind == "future_after" and self.tokens_between(t.end, c.start) <= 3 for c in after):
            future = True

        # "يزور X غدا", "الثلاثاء المقبل": a day ahead of the text's own day is planned, dated or not
        if any(a <= d.start < b and not any(z0 <= d.start < z1 for z0, z1 in date_zones)
               and abs(self.tokens_between(t.end, d.start) if d.start >= t.end else self.tokens_between(d.end, t.start)) <= DATE_REACH
               and ((d.kind in ("rel_day", "rel_week", "rel_month", "rel_year", "weekday") and d.offset > 0) or d.direction == "next")
               for d in dates):
            future = True
        if future:  # "أفادت الرئاسة، اليوم الثلاثاء، بأن X ستزور ...": the day is the announcement's
            date_zones = date_zones + self.announcement_zones(t, s0, cues)
        date = self.pick_date(t, a, b, date_zones, dates, future, single, sentence_idx, s0, persons)
        pub = self.article.published
        if date is not None and pub is not None and date.start() > pub:
            future = True

        sideline = any(c.kind == "summit_context" and self.text[c.start:c.end].endswith("هامش") for c in cues
                       if a <= c.start < b)
        place = self.pick_place(t, places, inside, persons, a, sideline)
        organizer = next((o.entity for o in orgs if inside(o) and o.start >= t.end
                          and self.tokens_between(t.end, o.start) <= 3), None)

        family = FAMILY.get(etype, "talks")
        if denied:
            self.state.denied.append((family, frozenset(p.key for p in people)))
            return []
        if any(f in (family, "talks") and keys == frozenset(p.key for p in people) for f, keys in self.state.denied):
            return []  # the article denies this very event

        # "اتصالين هاتفيين منفصلين مع X و Y", "تلقى اتصالات هاتفية من X وY وZ", "التقى X كلا من Y وZ،
        # كل على حدة": one call or meeting of the subject with each
        if len(people) >= 3 and etype != "Summit" and self.distributive(t, a, b, s0, s1):
            subject = [p for p in persons if inside(p) and p.start < t.start]
            lead = subject[0].entity if subject else people[0]
            return [self.build(t, etype, [lead, other], date, place, future, {}, organizer, a, b, s0, s1)
                    for other in people if other.key != lead.key]

        if etype == "Summit":  # a summit's participants are the leaders at it, not ministers or aides
            people = [p for p in people if self.is_leader(p, date)]
        if etype == "Summit" and len(people) == 2 and organizer is None and "ال" not in t.prefix and not any(
                w in self.words("multilateral_cues") for w in self.text[a:b].split()):
            etype = "Meeting"  # "قمة" of two leaders is a meeting (CAMEO 044), not a multilateral summit
        roles: dict[str, str] = {}
        if etype == "Visit" and len(people) == 1 and place is not None and self.domestic(people[0], place, date):
            return []  # a leader touring their own country is no diplomatic visit
        word = self.text[t.start:t.end]
        receiving = word in self.m.host_triggers or word in self.words("reception_nouns")
        if etype == "Visit" and receiving and t.suffix in ("ه", "ها") and self.state.last_visit:
            # "يستقبله الإمبراطور": the host is named after the verb, the guest is the visitor told before
            guest = self.guest(None, None)
            hosts = [p.entity for p in persons if inside(p) and p.start >= t.end]
            if guest is not None and hosts and hosts[0].key != guest.key:
                people = [hosts[0], guest]
        if etype == "Visit" and people:
            people, roles = self.visit_roles(t, people, before, future, place, date)
            if place is None:  # a visit without a named place is in its host's country
                place = self.host_country(roles, date)
        weak_place = False
        if place is None and etype in ("Visit", "Meeting", "Summit") and self.dateline is not None and not future:
            place, weak_place = self.dateline, True  # "موسكو - (وكالات)": where the news was filed
        if etype in NEEDS_TWO and not people:
            return []
        if etype == "Visit" and not people:
            return []
        if etype == "Summit" and not people and organizer is None:
            return []
        mention = self.build(t, etype, people, date, place, future, roles, organizer, a, b, s0, s1)
        # "تلبية لدعوة من Y": Y invited; Y is the host only if nobody else is said to receive the visitor
        invited = frozenset(p.entity.key for p in persons if p.entity.key in roles and inside(p)
                            and INVITATION.search(self.text[max(a, p.start - 40):p.start]))
        if weak_place or invited:
            mention = replace(mention, weak_place=weak_place, invited=invited)
        return [mention]

    def office_day(self, date: DateValue | None) -> dt.date | None:
        """The day office holders are looked up on: the event's day, else publication, else the era."""
        return date.start() if date is not None and date.precision == "day" else (self.article.published or self.era)

    def is_leader(self, person: Entity, date: DateValue | None) -> bool:
        on = self.office_day(date)
        return any(r in LEADER_ROLES for r, _ in self.gaz.roles_of(person.key, on))

    def host_country(self, roles: dict[str, str], date: DateValue | None) -> Entity | None:
        host = next((k for k, r in roles.items() if r == "host"), None)
        if host is None:
            return None
        on = self.office_day(date)
        countries = {c for r, c in self.gaz.roles_of(host, on) if r in ("head_of_state", "head_of_government", "leader", "crown_prince")}
        return self.gaz.entity(countries.pop()) if len(countries) == 1 else None

    def distributive(self, t: Hit, a: int, b: int, s0: int, s1: int) -> bool:
        """A plural or dual event word, "كل على حدة" in the scope, or a meeting verb with a list of
        those its subject met ("التقى X كلا من Y وZ", "سيلتقي X نظيريه Y وZ"): one event per pair,
        unless the scope says the meeting was joint (ثلاثي، مشترك)."""
        if self.text[t.start:t.end] in self.words("distributive_triggers"):
            return True
        scope = " " + " ".join(re.sub(r"[^\w\s]", " ", self.text[a:b]).split()) + " "
        if any(f" {c} " in scope for c in self.words("distributive_cues")):
            return True
        sentence = " " + " ".join(re.sub(r"[^\w\s]", " ", self.text[s0:s1]).split()) + " "
        joint = any(f" {c} " in sentence or f" ال{c} " in sentence for c in self.words("joint_cues"))
        return t.value == "Meeting" and self.text[t.start:t.end] in self.m.verbs and not joint

    def build(self, t, etype, people, date, place, future, roles, organizer, a, b, s0, s1) -> Mention:
        oa, ob = self.nt.orig_span(s0, s1)
        raw = self.article.text[oa:ob]
        evidence = raw.strip()
        lead = len(raw) - len(raw.lstrip())
        return Mention(
            article_id=self.article.id, type=etype, participants=tuple(people),
            evidence=evidence, start=oa + lead, end=oa + lead + len(evidence),
            trigger=self.original(t.start, t.end), date=date, place=place,
            status=PLANNED if future else OCCURRED, roles=roles, organizer=organizer,
            duration_minutes=parse_duration(self.text[a:b]), published=self.article.published,
            # "the call", "the visit" with no date of its own refers back: it only joins an event
            partial=(etype in NEEDS_TWO and len(people) < 2) or ("ال" in t.prefix and date is None),
            place_country=self.gaz.country_key(place.key) if place is not None else None,
        )

    def visit_roles(self, t: Hit, people: list[Entity], before: list[Hit], future: bool,
                    place: Entity | None, date: DateValue | None) -> tuple[list[Entity], dict[str, str]]:
        """Who visits and who hosts."""
        word = self.text[t.start:t.end]
        roles: dict[str, str] = {}
        if word in self.m.host_triggers:  # "X received Y": host first
            order = people
            arrived = self.guest(None, None)
            # "وصل X ... واستقبل X وليُّ العهد": whoever the article had arrive is the guest, whatever the order
            if len(people) > 1 and arrived is not None and arrived.key == people[0].key:
                order = [people[1], people[0]] + people[2:]
            roles[order[0].key] = "host"
            if len(order) > 1:
                roles[order[1].key] = "visitor"
        else:
            invited = any(c.kind == "future" and self.text[c.start:c.end].lstrip("و").startswith(("دع", "يدع", "تدع"))
                          for c in before)
            visitor = people[1] if (invited and len(people) > 1 and word not in self.m.guest_nouns) else people[0]
            roles[visitor.key] = "visitor"
            if len(people) == 2:
                roles[(people[0] if visitor is people[1] else people[1]).key] = "host"
        visitor_key = next((k for k, r in roles.items() if r == "visitor"), None)
        if future and word not in self.m.host_triggers:
            # a planned visit is the visitor's and its host's: the inviter may never meet them
            keep = visitor_key or people[0].key
            visitor_entity = next(p for p in people if p.key == keep)
            host = self.host_of(place, date, exclude=keep, anywhere=True) if place is not None else None
            if host is not None:
                return [visitor_entity, host], {keep: "visitor", host.key: "host"}
            return [visitor_entity], {keep: "visitor"}
        if len(people) == 1 and visitor_key and place is not None:
            host = self.earlier_host(visitor_key, date, place) or self.host_of(place, date, exclude=visitor_key)
            if host is not None:  # "وصل كيم إلى روسيا": hosted by Russia's leader, when the article names them
                roles[host.key] = "host"
                people = people + [host]
        return people, roles

    def earlier_host(self, visitor_key: str, date: DateValue | None, place: Entity) -> Entity | None:
        """The host the article already gave this visitor on this visit ("استقبل Y الضيفَ X ... وبدأ X
        زيارته"): a visit told with a date of another week is another visit."""
        told: list[tuple[Mention, DateValue | None]] = []
        last = None  # an undated telling of a visit is of the visit dated last before it
        for v in self.mentions:
            if v.type == "Visit" and v.status == OCCURRED and v.roles.get(visitor_key) == "visitor":
                last = v.date or last
                told.append((v, v.date or last))
        for v, when in reversed(told):
            if dates_near(when, date):
                host = next((k for k, r in v.roles.items() if r == "host"), None)
                entity = next((p for p in v.participants if p.key == host), None)
                if entity is not None and self.host_country({host: "host"}, date) == self.country_of(place):
                    return entity
        return None

    def country_of(self, place: Entity) -> Entity | None:
        country = self.gaz.country_key(place.key)
        return self.gaz.entity(country) if country in self.gaz.entries else None

    def domestic(self, person: Entity, place: Entity, date: DateValue | None) -> bool:
        country = self.gaz.country_key(place.key)
        on = self.office_day(date)
        return country is not None and any(c == country for _, c in self.gaz.roles_of(person.key, on))

    def host_of(self, place: Entity, date: DateValue | None, exclude: str, anywhere: bool = False) -> Entity | None:
        country = self.gaz.country_key(place.key)
        if not country:
            return None
        on = self.office_day(date)
        def hosts_in(people):
            return [e for e in people if e.key != exclude
                    and any(c == country and r in ("head_of_state", "head_of_government", "leader")
                            for r, c in self.gaz.roles_of(e.key, on))]

        hosts = hosts_in(self.state.recent_persons)
        if hosts or not anywhere:
            return hosts[-1] if hosts else None
        # named later in the article ("... وسيبحث مع الرئيس الأرجنتيني ..."): only when there is one
        later = hosts_in([self.gaz.entity(k) for k in sorted(self.state.seen)
                          if k in self.gaz.entries and self.gaz.entries[k].kind == "Person"])
        return later[0] if len(later) == 1 else None

    def excluded_zones(self, t: Hit, a: int, b: int, cues: list[Hit], dates: list[DateMention]):
        """Spans whose names are not participants (speakers, attributions, senders, temporal
        clauses), and the spans whose dates are not the event's."""
        zones, date_zones = [], []
        clause_ends = [a + m.start() for m in re.finditer(r"[،,؛;]", self.text[a:b])]

        def clause_end(pos):
            return next((min(e, b) for e in clause_ends if e > pos), b)

        comps = [c for c in cues if c.kind == "complementizer" and a <= c.start < b]
        for c in cues:
            if not (a <= c.start < b):
                continue
            if c.kind in ("attribution", "non_participant"):
                end = clause_end(c.end)
                if c.kind == "non_participant":  # "مرفوقا بـ X، و Y، و Z": the list goes on
                    while end < b and re.match(r"[،,]\s*و", self.text[end:end + 4]):
                        end = clause_end(end + 1)
                span = (c.start, end)
                if not (span[0] <= t.start < span[1]):
                    zones.append(span)
                    date_zones.append(span)
            elif c.kind == "temporal" and not (c.end <= t.start and self.tokens_between(c.end, t.start) == 0):
                # "بعد ساعات من تنصيب ترامب": names in a temporal clause are not participants
                span = (c.start, min(clause_end(c.end), t.start if c.end <= t.start else b))
                zones.append(span)
                if not any(c.end <= d.start <= c.end + 1 for d in dates):  # "بعد ظهر اليوم" is a date
                    date_zones.append(span)
            elif c.kind == "reporting":
                comp = next((x for x in comps if x.start > c.end), None)
                # "قال إن لقاءه مع ...": the speaker is the one who met
                if comp is not None and t.start > comp.start and t.suffix not in ("ه", "ها") \
                        and not comp.suffix and self.text[comp.start:comp.end] not in ("انه", "انها"):
                    zones.append((c.start, comp.start))
        return zones, date_zones

    def announcement_zones(self, t: Hit, s0: int, cues: list[Hit]) -> list[tuple[int, int]]:
        """From a reporting verb before the trigger to the "that" which opens the clause of the trigger."""
        zones = []
        for c in cues:
            if c.kind == "reporting" and s0 <= c.start < t.start:
                comp = next((x for x in cues if x.kind == "complementizer" and c.end <= x.start < t.start), None)
                if comp is not None:
                    zones.append((c.start, comp.start))
        return zones

    def pick_date(self, t, a, b, zones, dates, future, single, sentence_idx, s0, persons) -> DateValue | None:
        pub = self.article.published
        zones = zones + self.relative_clauses(t, b)
        # "يزور الرياض أولا، ثم يتوجه إلى قطر غدا": what follows "ثم" is the next step, with its own day
        then = re.search(r"(?<!\w)ثم(?!\w)", self.text[t.end:b])
        if then:
            zones = zones + [(t.end + then.start(), b)]
        reach = DATE_REACH // 2 if "ال" in t.prefix else DATE_REACH  # "the meeting" is dated close by, if at all
        cands = [d for d in dates if a <= d.start < b and not any(z0 <= d.start < z1 for z0, z1 in zones)
                 and not (d.start > t.end and self.distance(t, d.start, persons) > reach)]
        if not cands and single:
            cands = [d for d in dates if not any(z0 <= d.start < z1 for z0, z1 in zones)
                     and not (d.start > t.end and self.distance(t, d.start, persons) > reach)]
        if not cands:  # "كما تلقى أمس، اتصالا من Z": the day stands between the verb and its object
            cands = [d for d in dates if s0 <= d.end <= a and self.tokens_between(d.end, t.start) <= 1]
        if cands:
            best = min(cands, key=lambda d: (d.start < t.start, abs(d.start - t.end)))
            if best.kind == "same_day":
                return self.state.last_date
            value = best.resolve(pub, future)
            if value is not None:
                return value
        relative = self.relative_to_previous(t, s0)
        if relative is not None:
            return relative
        opener = self.text[s0:s0 + 30].strip()
        if any(opener.startswith(o) for o in self.words("continuation_openers")):
            if self.state.last_date is not None and sentence_idx - self.state.last_date_sentence <= 2:
                return self.state.last_date
        return None

    def distance(self, t: Hit, pos: int, persons: list[PersonRef]) -> int:
        """Words from the trigger to ``pos``, not counting names, titles and honorifics between."""
        lo, hi = self.tok(t.end - 1) + 1, self.tok(pos)
        return sum(1 for k in range(lo, hi) if k not in self._name_tokens)

    def relative_clauses(self, t: Hit, b: int) -> list[tuple[int, int]]:
        """"اتفاقية الإطار الموقعة عام 2008", "المؤتمر الذي عقد في كانون الثاني": a date in a
        relative clause about another noun is not the event's (one right after the trigger is)."""
        zones = []
        rel = self.words("relative_pronouns")
        words = list(re.finditer(r"\S+", self.text[t.end:b]))
        for k, m in enumerate(words):
            if m.group(0).strip("،,") not in rel:
                continue
            if k == 0 or (k == 1 and words[0].group(0).startswith("ال")):
                continue  # "الزيارة (التاريخية) التي قام بها ...": the clause describes the event itself
            start = t.end + m.start()
            brk = re.search(r"[،,؛;]", self.text[start:b])
            zones.append((start, start + brk.start() if brk else b))
        return zones

    def relative_to_previous(self, t: Hit, s0: int) -> DateValue | None:
        """"بعد يوم واحد من لقائه": a day-precise offset from the last dated event of the sentence."""
        first = self.nt.orig_span(s0, s0 + 1)[0]
        last = None
        for m in reversed(self.mentions):  # this sentence's mentions only: stop at the sentence's start
            if m.start < first:
                break
            if m.date is not None and m.date.precision == "day":
                last = m
                break
        if last is None:
            return None
        head = self.text[max(s0, t.start - 40):t.start]
        offsets = {normalize(k): v for k, v in self.lex["relative_day_offsets"].items()}
        m = re.search(r"(بعد|قبل)\s+(?:نحو\s+)?(" + "|".join(sorted(map(re.escape, offsets), key=len, reverse=True))
                      + r")\s+من\s+$", head)
        if not m:
            return None
        days = offsets[m.group(2)]
        # X happened "one day after" the event told in this sentence... read back: the event is earlier
        try:
            d = last.date.start() + dt.timedelta(days=-days if m.group(1) == "بعد" else days)
        except OverflowError:  # a day before 1 January of year 1 or after 9999
            return None
        return DateValue.of(d.year, d.month, d.day)

    def pick_place(self, t: Hit, places: list[PlaceRef], inside, persons: list[PersonRef], scope_start: int,
                   sideline: bool = False) -> Entity | None:
        """Where the event happened: a place after "في"/"إلى" (or the object of "زار") near the trigger;
        on the sidelines of a summit, where the summit is held, however far the sentence tells it."""
        preps = PLACE_PREPOSITIONS
        for p in places:
            if not inside(p):
                continue
            head = self.text[max(0, p.start - 40):p.start].split()
            if len(head) >= 2 and head[-1] == "في" and any(
                    re.sub(r"(هما|هم|ها|ه)$", "", w) in self.m.place_blockers for w in head[-3:-1]):
                continue  # "الحرب في أوكرانيا": the place of something else
            if p.end <= t.start and self.tokens_between(p.end, t.start) > 3 and self.tokens_between(scope_start, p.start) > 2:
                continue  # before the trigger only when fronted ("وفي موسكو، التقى") or close
            reach = 25 if t.value == "Summit" else 10  # "قمة منظمة شنغهاي للتعاون ... في أستانا"
            if p.start > t.end and self.distance(t, p.start, persons) > reach and not sideline:
                continue
            if p.preposition in preps or (t.value == "Visit" and p.start >= t.end and self.distance(t, p.start, persons) <= 3):
                return p.entity
        return None


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
    """Event mentions in one article, read with the knowledge of its language."""
    matcher = matcher or matcher_for()
    lang = (article.language or "").lower()
    # the tag decides, unless the script says otherwise: Arabic script tagged "en" is read as Arabic
    if (not lang or lang.startswith("en")) and is_english(article.text):
        return extract_english(article, matcher.gaz)
    return ArticleExtractor(article, matcher).run()
