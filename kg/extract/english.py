"""From one English article to event mentions: who, what kind, when, where.

Per sentence: find names, titles, demonyms, triggers and cues in one pass over
the words (longest phrase first); resolve titles to persons (a name after the
title, else the office holder of the country on the date, else the person the
article introduced with that title); take the subject (persons before the
trigger) and the objects (persons after it): a subject with a list of objects
is one event per pair ("X met A, B and C"). Type modifiers (by phone, via
video link), planned and negated or hypothetical cues, dates and places come
from the same sentence. Words and phrases come from ``kg/data/en/lexicon.json``;
names from the gazetteer's ``en`` labels, surnames and the lexicon's aliases.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from ..models import LEADER_ROLES, OCCURRED, PLANNED, Article, DateValue, Entity, Mention
from .resources import Gazetteer
from .text import MAX_SENTENCE

LEXICON_FILE = Path(__file__).resolve().parent.parent / "data" / "en" / "lexicon.json"
TOKEN = re.compile(r"[a-z0-9]+")
# Bytes to delete from UTF-8 text to keep only Latin letters, or only the lead bytes of U+0600..U+06FF
# (0xD8..0xDB: one per Arabic-block character)
NOT_LATIN = bytes(b for b in range(256) if not (65 <= b <= 90 or 97 <= b <= 122))
NOT_ARABIC = bytes(b for b in range(256) if not 0xD8 <= b <= 0xDB)
FOLD_EXTRA = {"đ": "d", "ı": "i", "ø": "o", "ł": "l", "ß": "s", "’": "'", "‘": "'", "–": " ", "—": " ", "-": " ", "‐": " "}
MONTHS = {m: i + 1 for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"])}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
WEEKDAYS = {d: i for i, d in enumerate(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}
NEEDS_TWO = ("Call", "PhoneCall", "VideoCall", "Meeting")
DATE_REACH = 25  # words after the trigger within which its date is told
PRESENT_VERBS = {"holds", "meets", "hosts", "receives", "speaks", "talks", "welcomes"}
PLACE_REACH = 12  # words from a country to the city that makes it precise
SUBJECT_REACH = 15  # words between a subject and its verb ("X, who ..., on Monday met")
TIME_CONTEXT = {"ahead", "before", "after", "following", "since"}  # "... ahead of the summit": another event's time
CALL_NOUN_BEFORE = {"a", "an", "the", "their", "his", "her", "its", "first", "second", "lengthy", "long", "rare",
                    "brief", "short", "hour", "minute",  # "held a lengthy call": "call" is the noun
                    "received", "receives", "made", "makes", "exchanged", "returned", "condolence", "congratulatory"}
ORDINAL_DAY = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)$")
NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
MEDIUM_REACH = 10  # words from a call or meeting word to "by telephone" told after the names
OTHER_VERBS = {"made", "took", "signed", "held", "won", "began", "began", "built", "sent", "said", "came", "became"}
AUX_BEFORE_PAST = {"to", "be", "been", "being", "have", "has", "will"}  # "to be received", "will have met": not a past
CLAUSE_WORDS = {"since", "when", "which", "who", "whom", "after", "before", "where", "while", "said", "says"}


class _FoldTable(dict):
    """str.translate table filled on first sight of each character: one character for one."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        c = FOLD_EXTRA.get(ch) or FOLD_EXTRA.get(ch.lower())
        if c is None:
            c = (unicodedata.normalize("NFKD", ch)[:1].lower() or " ")[:1]
        self[code] = c
        return c


_FOLD = _FoldTable()


DATELINE = re.compile(r"(?m)^([A-Z][A-Z .'-]{2,40})(?:,\s*[A-Za-z0-9 .]{2,40}(?:,\s*\d{4})?)?\s*(?:\([^)]*\)\s*)?[—–:-]")
DATELINE_DAY = re.compile(r"([A-Z][a-z]{2,8})\.? (\d{1,2}),\s*(\d{4})")  # "ISLAMABAD, March 3, 2024 (APP) -"


def fold(text: str) -> str:
    """Lower case, accents removed, hyphens and dashes as spaces; the same length as ``text``.

    >>> fold("Erdoğan's el-Sisi, Trần Đại Quang")
    "erdogan's el sisi, tran dai quang"
    """
    return text.translate(_FOLD)


def _words(phrase: str) -> tuple[str, ...]:
    return tuple(TOKEN.findall(fold(phrase)))


@dataclass(frozen=True, slots=True)
class Tok:
    start: int
    end: int
    word: str
    cap: bool  # capitalized in the text


@dataclass(slots=True)
class Hit:
    i: int  # first token
    j: int  # past the last token
    kind: str
    value: object


class EnglishMatcher:
    """Phrase tables built once from the gazetteer and the English lexicon."""

    def __init__(self, gaz: Gazetteer):
        self.gaz = gaz
        lex = json.loads(LEXICON_FILE.read_text(encoding="utf-8"))
        self.lex = lex
        table: dict[tuple, list] = {}

        def add(phrase: str, kind: str, value) -> None:
            w = _words(phrase)
            if w and (kind, value) not in table.setdefault(w, []):
                table[w].append((kind, value))

        stop = set(lex["name_stopwords"])
        surnames: dict[str, set] = {}
        for key, e in gaz.entries.items():
            kind = "entity" if e.kind != "Person" else "person"
            add(e.en, kind, key)
            if e.kind == "Person":
                w = _words(e.en)
                # "of Johor" is a place, "bin Abdulaziz" a father's name that brothers share
                if len(w) > 1 and w[-1] not in stop and len(w[-1]) > 2 and w[-2] not in ("of", "bin", "ibn", "bint"):
                    surnames.setdefault(w[-1], set()).add(key)
                if len(w) > 2 and w[-2] in ("al", "el"):
                    surnames.setdefault(" ".join(w[-2:]), set()).add(key)
                if "of" in w[1:-1]:  # "Abdullah II of Jordan" is "Abdullah II"
                    surnames.setdefault(" ".join(w[:w.index("of")]), set()).add(key)
                if len(w) > 3 and w[1] in ("bin", "bint", "ibn"):  # "Mohamed bin Zayed Al Nahyan" is "Mohamed bin Zayed"
                    surnames.setdefault(" ".join(w[:3]), set()).add(key)
        for name, keys in surnames.items():
            if len(keys) == 1 and (name,) not in table and tuple(name.split()) not in table:
                add(name, "person", next(iter(keys)))
        for key, forms in lex["aliases"].items():
            for f in forms:
                add(f, "person" if gaz.entries[key].kind == "Person" else "entity", key)
        for field, kind in (("demonyms", "demonym"), ("titles", "title"), ("triggers", "trigger"), ("modifiers", "modifier")):
            for value, forms in lex[field].items():  # value: a country, role or event type
                for f in forms:
                    add(f, kind, value)
        for field, kind in (("honorifics", "honorific"), ("counterpart", "counterpart"), ("pair_refs", "pair"),
                            ("pronouns", "pronoun"), ("future", "future"), ("negators", "negator"),
                            ("hypothetical", "hypothetical"), ("habitual", "habitual"), ("past_context", "past"), ("sideline_cues", "sideline"),
                            ("call_verb_blockers", "blocker")):
            for f in lex[field]:
                add(f, kind, None)
        for f, role in lex["pair_roles"].items():  # "the two heads of state": a pair both of whom hold that office
            add(f, "pair", role)
        self.table = table
        self.first: dict[str, int] = {}  # first word of a phrase -> the longest phrase it starts
        for k in table:
            self.first[k[0]] = max(self.first.get(k[0], 0), len(k))
        self.host_triggers = {_words(f) for f in lex["host_triggers"]}
        self.call_verbs = {_words(f) for f in lex["call_verbs_need_object"]}
        self.abbreviations = set(lex["abbreviations"])
        self.pair_blockers = set(lex["pair_ref_blockers"])  # "the two countries": not the two leaders
        self.honorific_words = {w for f in lex["honorifics"] for w in _words(f)} - {"his", "her"}
        self.clutter = [" ".join(_words(c)) for c in lex["clutter_lines"]]
        self.link_headings = {" ".join(_words(c)) for c in lex["link_headings"]}
        self.past_verbs = set(lex["past_verbs"])
        self.facility_words = set(lex["facility_words"])
        self.received_things = set(lex["received_things"])

    def name_goes_on(self, words: list[str], j: int, key: str) -> int:
        """How many words from ``j`` go on with the person's full name ("Sheikh Tamim" + "bin Hamad Al Thani")."""
        full = _words(self.gaz.entries[key].en)
        if j == 0 or words[j - 1] not in full:
            return 0
        k, n = full.index(words[j - 1]) + 1, 0
        while k + n < len(full) and j + n < len(words) and words[j + n] == full[k + n]:
            n += 1
        return n if k + n == len(full) else 0

    def names_facility(self, toks: list[Tok], j: int) -> bool:
        """Whether capitalized words from ``j`` on end in a facility word ("(King) Salman Air Base")."""
        for t in toks[j:j + 4]:
            if not t.cap:
                return False
            if t.word in self.facility_words:
                return True
        return False

    def hits(self, toks: list[Tok]) -> list[Hit]:
        """Leftmost-longest phrases; a name must be capitalized in the text."""
        out: list[Hit] = []
        words = [t.word for t in toks]
        first = self.first
        i, n = 0, len(toks)
        while i < n:
            longest = first.get(words[i])
            if longest is None:
                i += 1
                continue
            for size in range(min(longest, n - i), 0, -1):
                payloads = self.table.get(tuple(words[i:i + size]))
                if not payloads:
                    continue
                kept = [(k, v) for k, v in payloads
                        if k not in ("person", "entity") or toks[i].cap or (size > 1 and toks[i + size - 1].cap)]
                if any(k in ("person", "title") for k, _ in kept) and self.names_facility(toks, i + size):
                    kept = [(k, v) for k, v in kept if k not in ("person", "title")]  # "King Salman Air Base" is a place
                if kept and all(k == "blocker" for k, _ in kept) and words[i + size - 1] == "on" and i + size < n \
                        and (words[i + size] in WEEKDAYS or words[i + size] in MONTHS or words[i + size].isdigit()):
                    continue  # "a call on Tuesday" is a call, not "call on" (urge)
                if not kept:
                    continue
                if len(kept) == 1 and kept[0][0] == "person":
                    size += self.name_goes_on(words, i + size, kept[0][1])
                for k, v in kept:
                    out.append(Hit(i, i + size, k, v))
                i += size
                break
            else:
                i += 1
        return out


@lru_cache(maxsize=4)
def english_matcher(gaz: Gazetteer) -> EnglishMatcher:
    return EnglishMatcher(gaz)


def is_english(text: str) -> bool:
    """Script ratio: more Latin letters than Arabic ones."""
    sample = text[:5000].encode("utf-8", "surrogatepass")
    return len(sample.translate(None, NOT_LATIN)) > len(sample.translate(None, NOT_ARABIC))


@dataclass
class Ref:
    i: int  # first token of the reference
    j: int
    entity: Entity | None
    role: str | None = None
    leader: bool = True
    pair: bool = False  # "the two leaders"
    named: tuple = ()  # for a pair: the last two leaders named when it was read (if no event told them)
    own: tuple | None = None  # for a pair: the pair its own sentence named before it, if any


class EnglishExtractor:
    def __init__(self, article: Article, matcher: EnglishMatcher):
        self.article = article
        self.m = matcher
        self.gaz = matcher.gaz
        self.text = article.text
        self.folded = fold(self.text)
        self.pub = article.published
        self.introduced: list[tuple[str | None, Entity]] = []  # (role, person) in order of appearance
        self.title_words: dict[str, set[str]] = {}  # person -> the title words the article introduced them with
        self.learned: dict[str, Entity] = {}
        self.styled: dict[str, Entity] = {}  # first names of persons named in full, for "Sheikh Mohamed" later
        self.aides: set[str] = set()
        self.last_pair: tuple[Entity, ...] = ()
        self.pairs: list[tuple[Entity, ...]] = []  # every pair an event joined, in order
        self.last_subject: Entity | None = None
        self.prev_event: tuple[bool, Entity | None, tuple] | None = None
        self.mentions: list[Mention] = []
        self.present: set[int] = set()  # mentions dated only by a verb in the present tense
        self.dateline: Entity | None = None
        self.home = self.gaz.home_of(article.url)  # the country of the page's web address, if it has one
        self.dateline_lines = list(DATELINE.finditer(self.text))  # "BEIJING, May 7 (Reuters) -": its day is the report's
        if self.pub is None:  # a page without a date whose dateline gives the day in full: the report's day
            self.pub = full_day(self.dateline_lines[0].group(0)) if self.dateline_lines else None
        self.last_date: tuple | None = None  # (sentence number, date) of the latest dated trigger sentence
        self.heading: DateValue | None = None  # the day of the timeline entry being read ("Feb. 24 - ...")
        self.number = 0

    # ------------------------------------------------------------ sentences
    def sentences(self):
        pos = 0
        links = False  # after a heading "ALSO READ", "Related News": headlines of other stories
        for line in self.text.split("\n"):
            a, b = pos, pos + len(line)
            pos = b + 1
            folded = " ".join(TOKEN.findall(self.folded[a:b]))
            if not folded:
                continue
            if any(folded.startswith(c) for c in self.m.clutter):
                links = links or folded in self.m.link_headings
                continue
            if links and not re.search(r"[.!?][\"”’)]*\s*$", line):
                continue
            links = False
            start = a
            for mt in re.finditer(r"[.!?](?=[\s\"”’)]+[A-Z\"“(])", line):
                k = a + mt.start()
                prev = re.search(r"(\w+)$", self.folded[max(a, k - 12):k])
                if prev and (prev.group(1) in self.m.abbreviations or len(prev.group(1)) == 1):
                    continue
                yield start, k + 1
                start = k + 1
            if b > start:
                yield start, b

    def tokens(self, a: int, b: int) -> list[Tok]:
        out = []
        for mt in TOKEN.finditer(self.folded, a, b):
            s = mt.start()
            word = mt.group()
            if word == "he" and self.text[s:mt.end()] == "HE":
                word = "hh"  # "HE President of ...": His Excellency, an honorific like "HH", not the pronoun
            out.append(Tok(s, mt.end(), word, self.text[s].isupper()))
        return out

    # ------------------------------------------------------------ main
    def run(self) -> list[Mention]:
        self.era: dt.date | None = None
        self.carried = (None, None)
        first = True
        read = []
        for a, b in self.sentences():
            if b - a > MAX_SENTENCE:
                b = a + MAX_SENTENCE
            toks = self.tokens(a, b)
            if toks:
                read.append((a, b, toks, self.m.hits(toks)))
        if self.pub is None:
            # an undated page is of the days its leaders held office together: all of them, not the first few
            # (a leader back for a second term would otherwise put a tour of today in his first)
            self.era = self.gaz.era({h.value for *_, hits in read for h in hits if h.kind == "person"})
        for a, b, toks, hits in read:
            if first and self.dateline is None:
                self.find_dateline(toks, hits, a)
            first = False
            self.number += len(toks) >= 5  # a byline or a caption is no sentence between two
            told = self.sentence_first = len(self.mentions)
            self.sentence(a, b, toks, hits)
            if not any(h.kind == "sideline" for h in hits):
                self.mentions[told:] = self.bilateral_summit(self.mentions[told:], toks)
        return self.settle_present()

    @staticmethod
    def bilateral_summit(mentions: list[Mention], toks) -> list[Mention]:
        """"Trump and Putin met in Anchorage for a summit": the summit of two leaders is their meeting,
        unless it has a name of its own ("the G20 summit", "the summit of the Arab League")."""
        pairs = [{p.key for p in m.participants} for m in mentions if m.type == "Meeting" and len(m.participants) == 2]
        if not pairs:
            return mentions
        if any(t.word.startswith("summit") and named_summit(toks, k) for k, t in enumerate(toks)):
            return mentions
        return [m for m in mentions if not (m.type == "Summit" and any({p.key for p in m.participants} <= pair for pair in pairs))]

    def settle_present(self) -> list[Mention]:
        """A headline's "X receives Y" is the day of publication only when the article tells no day of it."""
        told = {m.contact for m in self.mentions if id(m) not in self.present and m.date is not None}
        out = []
        for m in self.mentions:
            if id(m) in self.present and m.contact in told:
                m = replace(m, date=None)
            out.append(m)
        return out

    def find_dateline(self, toks, hits, a) -> None:
        """"WATFORD, United Kingdom —", "ASTANA, KAZAKHSTAN:", "MOSCOW (Reuters) -" open a line."""
        for line in self.dateline_lines:
            for mt in re.finditer(r"[A-Za-z .'-]+", line.group(0)):
                ws = _words(mt.group(0))
                for k in range(len(ws), 0, -1):
                    for kind, v in self.m.table.get(ws[:k], []):
                        if kind == "entity" and self.gaz.entries[v].kind in ("Place", "Country"):
                            self.dateline = self.gaz.entity(v)
                            return
            return

    # ------------------------------------------------------------ persons
    def learned_person(self, toks, hits, i) -> tuple[Entity, int] | None:
        """An unknown name after a title: capitalized words (not names of places or titles)."""
        j = i
        while j < len(toks) and j - i < 4 and toks[j].cap and toks[j].word not in ("the", "of", "and", "on", "in", "at",
                                                                                      "said", "has", "had", "was", "is") \
                and (j == i or not re.search(r"[,;:()]", self.text[toks[j - 1].end:toks[j].start])):
            j += 1  # "PM Shehbaz, President Erdogan": a comma ends the name
        if j - i < 2 or j < len(toks) and toks[j].word == "s" and self.text[toks[j].start - 1] in "'’":
            return None
        if any(t.word in self.m.facility_words for t in toks[i + 1:j + 1] if t.cap):
            return None  # "King Salman Air Base", "Queen Alia International Airport": a place
        for h in hits:
            if h.kind == "person" and i <= h.i < j:
                return self.gaz.entity(h.value), max(j, h.j)
        surface = self.text[toks[i].start:toks[j - 1].end]
        key = " ".join(t.word for t in toks[i:j])
        ent = self.learned.get(key) or self.learned.get(toks[j - 1].word)
        if ent is None:
            ent = Entity(f"name:{surface}", "Person", surface, None, None)
            self.learned[key] = ent
            self.learned[toks[j - 1].word] = ent
        return ent, j

    def on_date(self, date: DateValue | None) -> dt.date | None:
        if date is not None and date.precision == "day":
            return date.start()
        if date is not None and (self.pub is None or date.start() < self.pub.replace(day=1)):
            # "visited Lagos in July 2018": the office holders of that month or year, not of today
            start = date.start()
            return start.replace(day=15) if date.precision == "month" else start.replace(month=7, day=1)
        if self.pub is not None:
            return self.pub
        # an undated article: the day most of the persons it names held office together
        return self.era

    def holder(self, role: str, country: str, date) -> Entity | None:
        on = self.on_date(date)
        # "the Indonesian leader": the paramount leader where there is one, else the head of state or government
        roles = ("leader",) + tuple(r for r in self.gaz.leader_roles(country) if r != "leader") if role == "leader" \
            else (role,) if role != "head_of_state" else ("head_of_state", "leader")
        for r in roles:
            k = self.gaz.holder(r, country, on)
            if k:
                return self.gaz.entity(k)
        return None

    def country_holder(self, role: str, country: str, date) -> Entity | None:
        """The holder of ``role`` for a country named in a list or pair ("the leaders of X and Y", "the X-Y
        summit"): a "leader" is whoever leads it, in the order its `executive` says."""
        roles = self.gaz.leader_roles(country) if role == "leader" else (role,)
        return next((e for r in roles if (e := self.holder(r, country, date)) is not None), None)

    def by_title(self, role: str, word: str = "", subject: Entity | None = None) -> Entity | None:
        """"The Prime Minister": the person the article introduced with that title, latest first (the subject
        told last, ``subject``, when the title opens the sentence); the one
        introduced with that very word ("the Amir" after "the Amir Sheikh Tamim" and "the Syrian President");
        among several, the one of the dateline's country ("JEDDAH: ... the crown prince" is the Saudi one)."""
        titled = [e for r, e in reversed(self.introduced) if r == role]
        if subject is not None and (subject in titled or any(
                r == role for r, _ in self.gaz.roles_of(subject.key, self.on_date(None)))):
            return subject  # "The Prime Minister then travelled ...": who the report follows, opening the sentence
        worded = [e for e in titled if word in self.title_words.get(e.key, ()) and e.key in self.gaz.entries]
        if worded and len({e.key for e in titled}) > 1:
            titled = worded
        if len({e.key for e in titled}) > 1 and self.dateline is not None:
            home = self.gaz.country_key(self.dateline.key)
            local = [e for e in titled if (role, home) in self.gaz.roles_of(e.key, self.pub)]
            if local:
                return local[0]
        if titled:
            return titled[0]
        for r, e in reversed(self.introduced):
            if any(rr == role for rr, _ in self.gaz.roles_of(e.key, self.pub)):
                return e
        if self.home is not None and role in LEADER_ROLES:
            return self.holder(role, self.home, None)  # "The Prime Minister met ..." on gov.uk: the British one
        return None

    def styled_holder(self, role: str, style: str, first: str, date) -> Entity | None:
        """The one holder of ``role`` on the day, of any country, whose name begins with ``first`` and is written
        with the style ("Sheikh" is "الشيخ" in the gazetteer's Arabic names)."""
        on = self.on_date(date)
        if on is None:
            return None
        styled = STYLE_AR[style]
        keys = {k for (r, _), spans in self.gaz.by_role.items() if r == role for s0, e0, k in spans
                if s0 <= on and (e0 is None or on <= e0) and _words(self.gaz.entries[k].en)[:1] == (first,)
                and any(n.startswith(styled) for n in self.gaz.entries[k].ar)}
        return self.gaz.entity(keys.pop()) if len(keys) == 1 else None

    def is_leader(self, e: Entity) -> bool:
        entry = self.gaz.entries.get(e.key)
        if entry is None:
            return True
        return any(r.get("role") in LEADER_ROLES for r in entry.roles) or not entry.roles

    def country_pair(self, toks, hits, date) -> tuple[list[Ref], set[int]]:
        """"the Chinese and Russian presidents", "the leaders of China and Russia", "the leaders of France,
        Germany and Britain": the office holders of the countries listed."""
        words = [t.word for t in toks]
        plural = [(tuple(k.split()), v) for k, v in self.m.lex.get("plural_titles", {}).items()]
        countries = {h.i: h for h in hits if h.kind == "demonym"
                     or (h.kind == "entity" and self.gaz.entries[h.value].kind == "Country")}
        taken: set[int] = set()
        for h in countries.values():
            if h.i in taken:
                continue
            chain = [h]  # "France, Germany and Britain": commas, then "and" before the last ("and the UAE")
            while (nxt := countries.get(chain[-1].j) or (
                    countries.get(chain[-1].j + 1) if words[chain[-1].j:chain[-1].j + 1] == ["the"] else None)) is not None \
                    and "," in self.text[toks[chain[-1].j - 1].end:toks[nxt.i].start]:
                chain.append(nxt)
            last = chain[-1]
            pair = countries.get(h.j)
            if pair is not None and len(chain) == 1 and words[pair.j:pair.j + 1] == ["summit"] \
                    and re.fullmatch(r"\s*[-–]\s*", self.text[toks[h.j - 1].end:toks[pair.i].start]):
                # "the Russian-US summit": the meeting of the two countries' leaders
                people = [self.country_holder("leader", c.value, date) for c in (h, pair)]
                if None not in people and people[0] != people[1]:
                    return [Ref(h.i, h.j, people[0], "leader"), Ref(pair.i, pair.j, people[1], "leader")], \
                        set(range(h.i, pair.j))
            nxt = countries.get(last.j + 1) or (countries.get(last.j + 2) if words[last.j + 1:last.j + 2] == ["the"] else None)
            if nxt is None or last.j >= len(words) or words[last.j] != "and":
                continue
            chain.append(nxt)
            first, final = chain[0], chain[-1]
            span = None
            for ws, role in plural:
                if tuple(words[final.j:final.j + len(ws)]) == ws:  # "Chinese and Russian presidents"
                    span = (first.i, final.j + len(ws))
                elif first.i > len(ws) and words[first.i - 1] == "of" and tuple(words[first.i - 1 - len(ws):first.i - 1]) == ws:
                    span = (first.i - 1 - len(ws), final.j)  # "leaders of China and Russia"
                if span:
                    break
            if span is None:
                continue
            people = [self.country_holder(role, c.value, date) for c in chain]
            if None not in people:
                # references joined by "and", as "Xi and Putin" would be
                refs = [Ref(c.i, c.j, e, role) for c, e in zip(chain, people)]
                refs[0] = Ref(span[0], first.j, people[0], role)
                refs[-1] = Ref(final.i, span[1], people[-1], role)
                return refs, set(range(*span))
            taken.update(c.i for c in chain)
        return [], set()

    def persons(self, toks, hits, date) -> list[Ref]:
        refs, taken_pair = self.country_pair(toks, hits, date)
        if taken_pair:  # and "the leaders" of "the leaders of Qatar and Bahrain" is no pair told before
            hits = [h for h in hits if not taken_pair & set(range(h.i, h.j))]
        k = 0
        n = len(hits)
        while k < n:
            h = hits[k]
            start = h.i
            country = None
            role = None
            # "Egypt's President X", "Chinese President X", "Qatar Emir", "his Syrian counterpart X"
            if h.kind in ("demonym",) or (h.kind == "entity" and self.gaz.entries[h.value].kind == "Country") \
                    or (h.kind == "entity" and self.gaz.entries[h.value].country and self.gaz.entries[h.value].kind == "Organization"):
                nxt = hits[k + 1] if k + 1 < n else None
                gap = nxt.i - h.j if nxt else 9
                if nxt and nxt.kind in ("title", "counterpart") and gap <= 1 and (gap == 0 or toks[h.j].word == "s"):
                    # "Palestinian Authority President": a body that governs a country stands for it
                    country = self.gaz.entries[h.value].country if h.kind == "entity" \
                        and self.gaz.entries[h.value].kind == "Organization" else h.value
                    k += 1
                    h = nxt
                else:
                    k += 1
                    continue
            if h.kind == "counterpart":
                role = "counterpart"
            elif h.kind == "title":
                role = h.value
            title_word = " ".join(x.word for x in toks[h.i:h.j])
            j = h.j
            if role is not None:
                # "President of Egypt", "Emir of Qatar", "the President of the Republic of Uzbekistan"
                if country is None and j + 1 < len(toks) and toks[j].word == "of" and k + 1 < n \
                        and long_form(toks, j + 1, hits[k + 1].i) \
                        and hits[k + 1].kind in ("entity", "demonym") and self.gaz.entries[hits[k + 1].value].kind == "Country":
                    country = hits[k + 1].value
                    k += 1
                    j = hits[k].j
                # "the crown prince of Abu Dhabi", "the governor of Tokyo": the office of a place, not a country's
                elif country is None and j + 1 < len(toks) and toks[j].word == "of" and k + 1 < n \
                        and hits[k + 1].i == j + 1 and hits[k + 1].kind == "entity" \
                        and self.gaz.entries[hits[k + 1].value].kind == "Place":
                    k += 2
                    continue
                # "King Abdullah of Jordan", "Emir Tamim of Qatar": the holder whose name has that word
                elif country is None and j + 2 < len(toks) and toks[j].cap and toks[j + 1].word == "of" and k + 1 < n \
                        and hits[k + 1].i == j + 2 and hits[k + 1].kind == "entity" \
                        and self.gaz.entries[hits[k + 1].value].kind == "Country":
                    holder = self.holder(role, hits[k + 1].value, date) if role in LEADER_ROLES else None
                    if holder is not None and toks[j].word in TOKEN.findall(fold(holder.label_en)):
                        refs.append(Ref(start, hits[k + 1].j, holder, role, True))
                        self.introduced.append((role, holder))
                        k += 2
                        continue
                # "President-elect Donald Trump": the one elected, not the office holder of the day
                elect = j < len(toks) and toks[j].word == "elect" and self.text[toks[j - 1].end:toks[j].start] in ("-", " ")
                if elect:
                    j += 1
                # honorifics and a name after the title
                kk = k + 1
                while kk < n and hits[kk].kind in ("honorific", "title") and hits[kk].i == j \
                        and (hits[kk].kind == "honorific" or re.fullmatch(r"\s*\(\s*", self.text[toks[j - 1].end:toks[j].start])):
                    j = hits[kk].j
                    kk += 1
                name = None
                gap_ok = lambda x: x - j <= 0 or (x - j == 1 and toks[j].word in ("s",))  # noqa: E731
                if kk < n and hits[kk].kind == "person" and gap_ok(hits[kk].i):
                    name = self.gaz.entity(hits[kk].value)
                    j = hits[kk].j
                    kk += 1
                elif j < len(toks) and toks[j].cap and self.text[toks[j - 1].end:toks[j].start].strip(" ,)") == "" \
                        and not any(x.i == j for x in hits):
                    got = self.learned_person(toks, hits, j)
                    if got:
                        name, j = got
                        while kk < n and hits[kk].i < j:
                            kk += 1
                k = kk
                leader = role in LEADER_ROLES or role == "counterpart"
                if elect:
                    if name is not None:
                        refs.append(Ref(start, j, name, None, self.is_leader(name)))
                    continue
                if name is None:
                    if role == "counterpart":
                        subj = refs[-1].entity if refs and refs[-1].entity is not None else self.last_subject
                        srole = next((r for r, _ in self.gaz.roles_of(subj.key, self.on_date(date)) if r in LEADER_ROLES), None) if subj else None
                        name = self.holder(srole, country, date) if (srole and country) else None
                    elif country is not None:
                        name = self.holder(role, country, date) if role != "other" else None
                    elif role in LEADER_ROLES and 0 < j < len(toks) and toks[j - 1].word in STYLES and toks[j].cap \
                            and (styled := self.styled_holder(role, toks[j - 1].word, toks[j].word, date)) is not None:
                        name, j = styled, j + 1  # "President Sheikh Mohamed": the president styled so, by first name
                    elif role in LEADER_ROLES or (start > 0 and toks[start - 1].word == "the"):
                        name = self.by_title(role, title_word, self.last_subject if start <= 1 else None)
                if name is not None:
                    if not leader:
                        self.aides.add(name.key)  # "spokesman Judd Deere": later "Deere" is no leader either
                    if role != "counterpart":
                        self.introduced.append((role, name))
                        self.title_words.setdefault(name.key, set()).add(title_word)
                    elif j > start + 1:
                        self.introduced.append((None, name))  # "his Malaysian counterpart Anwar Ibrahim": named
                    refs.append(Ref(start, j, name, role, leader))
                continue
            if h.kind == "person":
                e = self.gaz.entity(h.value)
                refs.append(Ref(h.i, h.j, e, None, self.is_leader(e)))
                self.introduced.append((None, e))
            elif h.kind == "pair" and (h.j >= len(toks) or toks[h.j].word not in self.m.pair_blockers) \
                    and (self.last_pair or self.own_pair(h.i, toks, refs) or self.named_pair()):  # not "the two countries"
                if h.value is not None:
                    self.refocus(h.value)
                refs.append(Ref(h.i, h.j, None, pair=True, named=self.named_pair()))
            elif h.kind == "pronoun" and self.last_subject is not None and h.i == 0:
                refs.append(Ref(h.i, h.j, self.last_subject))
            k += 1
        for h in hits:  # "Sheikh Mohamed bin Zayed ...", then "Sheikh Mohamed": the first name, styled
            if h.kind == "person" and h.j - h.i >= 3:
                self.styled.setdefault(toks[h.i + (toks[h.i].word in STYLES)].word, self.gaz.entity(h.value))
        # "Lawrence Wong", then "Wong": a surname two known people share is the one the article named
        for r in refs:
            if r.entity is None or r.j - r.i < 2:
                continue
            full, last = _words(r.entity.label_en or ""), toks[r.j - 1].word
            if (last,) not in self.m.table and full[-1:] == (last,) \
                    and toks[r.j - 2].word not in ("al", "el", "bin", "ibn"):  # "Al Nahyan": a house, not one man
                self.learned.setdefault(last, r.entity)
            # "President Lee Jae-myung", then "Lee held ...": a family name told first
            if 2 <= len(full) <= 3 and not set(full) & {"al", "el", "bin", "ibn", "of"} and (full[0],) not in self.m.table \
                    and toks[r.j - len(full)].word == full[0] and toks[r.j - len(full)].cap:
                self.learned.setdefault(full[0], r.entity)
        # surnames of learned persons ("Harper" after "Prime Minister Stephen Harper")
        taken = {x for r in refs for x in range(r.i, r.j)}
        for idx, t in enumerate(toks):
            if t.cap and idx not in taken and t.word in self.learned and not any(h.i <= idx < h.j for h in hits):
                ent = self.learned[t.word]
                refs.append(Ref(idx, idx + 1, ent, leader=ent.key not in self.aides))
            elif t.cap and idx > 0 and toks[idx - 1].word in STYLES and t.word in self.styled and idx not in taken \
                    and not any(h.i <= idx < h.j and h.kind == "person" for h in hits):
                refs.append(Ref(idx - 1, idx + 1, self.styled[t.word]))
        refs.sort(key=lambda r: r.i)
        return [replace(r, own=self.own_pair(r.i, toks, refs)) if r.pair else r for r in refs]

    # ------------------------------------------------------------ dates
    def dates(self, toks, a: int, b: int) -> list[tuple[int, DateValue, bool]]:
        """(token index, date, future-relative) for the dates the sentence tells."""
        out = []
        words = [ORDINAL_DAY.sub(r"\1", t.word) for t in toks]  # "May 15th" is "May 15"
        pub = self.pub
        n = len(words)
        for i, w in enumerate(words):
            if self.dateline_lines and any(d.start() <= toks[i].start < d.end() for d in self.dateline_lines):
                continue  # a dateline's day is no event's
            nxt = words[i + 1] if i + 1 < n else ""
            nxt2 = words[i + 2] if i + 2 < n else ""
            if w in MONTHS and (len(w) > 3 or w in ("may",) or (i + 1 < n and self.text[toks[i].end:toks[i].end + 1] == ".")
                                or nxt.isdigit()):
                day_of = i > 1 and words[i - 1] == "of" and words[i - 2].isdigit() and len(words[i - 2]) <= 2  # "the 15th of May"
                if w == "may" and not (nxt.isdigit() or (i > 0 and words[i - 1].isdigit()) or day_of
                                        or (toks[i].cap and i > 0 and words[i - 1] in ("in", "since", "early", "late", "mid"))):
                    continue  # "may" the verb
                month = MONTHS[w]
                day = year = None
                if nxt.isdigit() and len(nxt) <= 2:
                    day = int(nxt)
                    if nxt2.isdigit() and len(nxt2) == 4:
                        year = int(nxt2)
                    elif i + 3 < n and nxt2.isdigit() and words[i + 3].isdigit() and len(words[i + 3]) == 4:
                        year = int(words[i + 3])  # "August 22-24, 2023"
                    if nxt2.isdigit() and len(nxt2) <= 2 and toks[i + 2].start - toks[i + 1].end <= 2:
                        day = None  # a range of days: the month
                elif nxt.isdigit() and len(nxt) == 4:
                    year = int(nxt)
                if (day_of or (i > 0 and words[i - 1].isdigit() and len(words[i - 1]) <= 2)) and day is None:
                    day = int(words[i - 2] if day_of else words[i - 1])
                    if nxt.isdigit() and len(nxt) == 4:
                        year = int(nxt)
                past = i > 0 and words[i - 1] == "last"
                if year is None and nxt in ("last", "this") and nxt2 == "year" and pub is not None:
                    year = pub.year - (nxt == "last")  # "in May last year"
                    past = True
                explicit_year = year is not None
                if year is None:
                    if pub is None:
                        continue
                    year = pub.year
                    if past and month >= pub.month:
                        year = pub.year - 1
                try:
                    out.append((i, DateValue.of(year, month, day), "yearless" if (not explicit_year and not past) else False))
                except ValueError:
                    continue
            elif w.isdigit() and len(w) == 4 and i + 2 < n and nxt.isdigit() and nxt2.isdigit() \
                    and self.text[toks[i].end:toks[i + 1].start] == "-" == self.text[toks[i + 1].end:toks[i + 2].start]:
                try:  # "2025-05-15"
                    out.append((i, DateValue.of(int(w), int(nxt), int(nxt2)), False))
                except ValueError:
                    continue
            elif w.isdigit() and len(w) == 4 and 1900 < int(w) < 2100 and i > 0 and words[i - 1] in ("in", "since") \
                    and not (i > 1 and words[i - 2] in MONTHS):
                out.append((i, DateValue.of(int(w)), False))  # "in 2018"
            elif pub is not None:
                if w in ("today", "tonight") or (w == "this" and nxt in ("morning", "afternoon", "evening")):
                    out.append((i, DateValue.of(pub.year, pub.month, pub.day), False))
                elif w == "yesterday" or (w == "last" and nxt == "night"):
                    d = pub - dt.timedelta(days=1)
                    out.append((i, DateValue.of(d.year, d.month, d.day), False))
                elif w == "tomorrow":
                    d = pub + dt.timedelta(days=1)
                    out.append((i, DateValue.of(d.year, d.month, d.day), True))
                elif w in WEEKDAYS and not (i > 0 and words[i - 1] in ("next",)) and toks[i].cap:
                    out.append((i, None, w))  # resolved with the event's status
                elif w in ("earlier", "this") and nxt == "month":
                    out.append((i, DateValue.of(pub.year, pub.month), False))
                elif w == "last" and nxt == "month":
                    d = pub.replace(day=1) - dt.timedelta(days=1)
                    out.append((i, DateValue.of(d.year, d.month), False))
                elif w == "last" and nxt == "week":
                    d = pub - dt.timedelta(days=7)
                    e = pub - dt.timedelta(days=pub.weekday() + 1)
                    if d.month == e.month:
                        out.append((i, DateValue.of(d.year, d.month), False))
                elif w == "next" and nxt == "month":
                    d = (pub.replace(day=28) + dt.timedelta(days=7))
                    out.append((i, DateValue.of(d.year, d.month), True))
                elif w == "next" and nxt == "week":
                    d = pub + dt.timedelta(days=7 - pub.weekday())
                    e = d + dt.timedelta(days=6)
                    if d.month == e.month:
                        out.append((i, DateValue.of(d.year, d.month), True))
                elif w == "last" and nxt == "year":
                    out.append((i, DateValue.of(pub.year - 1), False))
                elif nxt == "days" and nxt2 == "ago" and (w.isdigit() or w in NUMBER_WORDS):
                    d = pub - dt.timedelta(days=int(w) if w.isdigit() else NUMBER_WORDS[w])
                    out.append((i, DateValue.of(d.year, d.month, d.day), False))  # "two days ago"
                elif w == "this" and nxt == "week" and not (i + 2 < n and words[i + 2] in ("s", "end")):
                    d = pub - dt.timedelta(days=pub.weekday())  # "earlier this week": its month, if one
                    if d.month == pub.month:
                        out.append((i, DateValue.of(pub.year, pub.month), False))
                elif w == "weekend" and i > 1 and words[i - 1] == "the" and words[i - 2] in ("over", "at", "during"):
                    d = pub - dt.timedelta(days=(pub.weekday() - 5) % 7 or 7)  # the Saturday before
                    if d.month == (d + dt.timedelta(days=1)).month:
                        out.append((i, DateValue.of(d.year, d.month), False))
        return out

    def weekday(self, name: str, future: bool) -> DateValue:
        pub = self.pub
        delta = (pub.weekday() - WEEKDAYS[name]) % 7
        d = pub + dt.timedelta(days=(7 - delta) % 7) if future else pub - dt.timedelta(days=delta)
        return DateValue.of(d.year, d.month, d.day)

    # ------------------------------------------------------------ places
    def place_after(self, toks, hits, t_i: int) -> Entity | None:
        """The first place named after "in", "at" or "to" after the trigger; a city before its country."""
        best = None
        for h in hits:
            if h.i <= t_i or h.kind != "entity":
                continue
            e = self.gaz.entries[h.value]
            if e.kind not in ("Place", "Country"):
                continue
            prev = toks[h.i - 1].word if h.i > 0 else ""
            prev2 = toks[h.i - 2].word if h.i > 1 else ""
            if prev in ("in", "at", "to") or (prev == "the" and prev2 in ("in", "at", "to")) or prev == "capital" \
                    or (t_i >= 0 and h.i == t_i + 1 and toks[t_i].word.startswith("visit")) \
                    or (prev == "of" and prev2 in ("city", "capital", "resort", "town", "port")):
                if h.i + 1 < len(toks) and toks[h.i].end < len(self.text) and self.text[toks[h.i].end:toks[h.i].end + 1] in "'’" \
                        and e.kind == "Country":
                    continue  # "Kazakhstan's capital Astana": the city follows
                ent = self.gaz.entity(self.gaz.site(h.value))
                if best is None:
                    best, at = ent, h.i
                elif h.i - at > PLACE_REACH:
                    break
                if self.gaz.entries[ent.key].kind == "Place":
                    return ent  # "a state visit to China, at the Great Hall of the People in Beijing": Beijing
        return best

    # ------------------------------------------------------------ events
    def sentence(self, a: int, b: int, toks, hits) -> None:
        if TIMELINE_HEAD.match(self.text, a, b) and len(toks) <= 14:
            # "Feb. 24 - Macron at the White House": a timeline's heading dates what its paragraph tells
            told = [d for d in self.dates(toks, a, b) if d[1] is not None]
            self.heading = told[0][1] if told and told[0][0] <= 1 else None
        triggers = [h for h in hits if h.kind == "trigger"]
        if not triggers:
            refs = self.persons(toks, hits, None)  # names and titles introduced for later sentences
            if not self.mentions and self.last_date is None and any(r.leader and r.entity is not None for r in refs):
                # "PUTRAJAYA - X and Y witnessed the signing ... on Jan 7. Mr X arrived at ...": the lead's day goes on
                told = [d for d in self.dates(toks, a, b) if d[1] is not None and d[1].precision == "day"
                        and d[2] in (False, "yearless") and d[1].start() <= self.pub] if self.pub is not None else []
                if told and not self.pluperfect([x.word for x in toks], 0, len(toks)):
                    self.last_date = (self.number, told[0][1], self.place_after(toks, hits, -1))
            return
        dates = self.dates(toks, a, b)
        refs = self.persons(toks, hits, None)
        mods = [h for h in hits if h.kind == "modifier"]
        cues = [h for h in hits if h.kind in ("future", "negator", "hypothetical", "habitual", "blocker", "past")
                and not (h.kind == "hypothetical" and toks[h.i].word == "may" and toks[h.i].cap and h.i > 0)]  # the month
        # one trigger per clause: the first of each run of triggers without a person between
        chosen: list[Hit] = []
        for t in triggers:
            noun = t.i > 0 and (toks[t.i - 1].word in CALL_NOUN_BEFORE or toks[t.i - 1].word.endswith(("hour", "minute")))
            if t.value == "PhoneCall" and tuple(x.word for x in toks[t.i:t.j]) in self.m.call_verbs and not noun:
                # "X called Y": the verb needs its object ("held a two-hour call" is the noun)
                if any(c.kind == "blocker" and c.i <= t.i < c.j for c in hits) or not any(r.i >= t.j for r in refs):
                    continue
                obj = next(r for r in refs if r.i >= t.j)
                if obj.j < len(toks) and toks[obj.j].word in ("a", "an", "the", "his", "her", "their", "for", "upon", "out"):
                    continue  # "X called Y a dictator"
            w0 = toks[t.i - 1].word if t.i > 0 else ""
            if t.value == "Summit" and any(h.kind == "sideline" and 0 <= t.i - h.j <= 8 for h in hits):
                continue  # "on the sidelines of the X summit": told with the meeting
            if w0 == "for" and t.value != "Summit" and not any(t.j <= r.i <= t.j + 3 for r in refs):
                continue  # "a roadmap for talks"
            if toks[t.i].word in ("bilateral", "bilaterals") and t.j - t.i == 1 and w0 not in ("a", "the", "for"):
                continue  # "bilateral relations"
            between = t.j < len(toks) and toks[t.j].word == "between"
            if chosen and w0 in ("the", "this", "that") and not any(r.i >= t.j for r in refs) and not between:
                continue  # "on the margins of the meeting": the event told before
            if chosen and chosen[-1].value in ("Meeting", "Call") and t.value in ("PhoneCall", "VideoCall") \
                    and t.i - chosen[-1].j <= MEDIUM_REACH and any(h.kind == "modifier" and h.i == t.i for h in hits):
                chosen[-1] = Hit(chosen[-1].i, chosen[-1].j, "trigger", t.value)  # "spoke with X by telephone"
                continue
            if chosen and not any(chosen[-1].j <= r.i < t.i for r in refs):
                told = [d[0] for d in dates if chosen[-1].j <= d[0] < t.i]
                if told and any(t.j <= d[0] <= t.j + 6 for d in dates) and t.value != "Summit" and (
                        "," in self.text[toks[told[-1]].end:toks[t.i].start]
                        or "and" in [x.word for x in toks[told[-1]:t.i]]):
                    chosen.append(t)  # "held a virtual meeting in November, had a video call in March and spoke ... in July"
                    continue
                if t.value == "Summit":
                    if chosen[-1].value != "Summit":
                        chosen.append(t)  # "the meetings came before the summit": both
                elif chosen[-1].value == "Summit":
                    chosen.append(t)  # "Abe, the host of the summit, held talks with Xi": the talks too
                elif chosen[-1].value in ("Meeting", "Call") and t.value in ("PhoneCall", "VideoCall"):
                    if "and" in [x.word for x in toks[chosen[-1].j:t.i]] and t.i - chosen[-1].j > 3:
                        chosen.append(t)  # "met in Beijing in May, and held a video call in June": two events
                        continue
                    chosen[-1] = Hit(chosen[-1].i, t.j, "trigger", t.value)  # "received a phone call"
                continue
            chosen.append(t)
        self.carried = self.last_date[1:] if self.last_date and self.number - self.last_date[0] <= 2 else (None, None)
        before = self.last_date
        self.prev_event = None  # (planned, subject, subjects) of the sentence's previous event
        for idx, t in enumerate(chosen):
            nxt = chosen[idx + 1].i if idx + 1 < len(chosen) else len(toks)
            prev = chosen[idx - 1].j if idx > 0 else 0
            self.event(a, b, toks, hits, refs, dates, mods, cues, t, prev, nxt)
        words = [x.word for x in toks]
        told = [d for d in dates if (d[1] is not None or d[2]) and not self.other_verb(words, d[0], 0)]
        if self.last_date is before and told and any(r.leader for r in refs) and not self.pluperfect(words, 0, len(words)):
            # "X on Thursday [met] leaders on the sidelines of the summit": the day goes on
            i, value, rel = told[0]
            self.last_date = (self.number, value if value is not None else self.weekday(rel, False),
                              self.place_after(toks, hits, -1))

    @staticmethod
    def month_told(dates, i: int, day: DateValue) -> DateValue | None:
        """The month with its year the sentence told before token ``i`` that a day without a year is in."""
        return next((v for k, v, rel in dates if rel is False and v is not None and v.precision == "month" and k < i
                     and v.start().month == day.start().month), None)

    def pluperfect(self, words: list[str], a: int, b: int) -> bool:
        """"had met", "had spoken", "had previously held": a past told in the past; not "had a telephone
        conversation", where "had" is the verb itself."""
        for k in range(a, min(b, len(words)) - 1):
            if words[k] == "had":
                nxt = words[k + 2] if words[k + 1].endswith("ly") and k + 2 < len(words) else words[k + 1]
                if nxt in self.m.past_verbs or nxt.endswith(("ed", "en")):
                    return True
        return False

    def days_before(self, words: list[str], prev: int, i: int) -> DateValue | None:
        """"a day after Putin spoke with Trump", "The visit comes two weeks after X met Y": a day counted back
        from the sentence's dated event, or from the reported one when the sentence is about it ("comes")."""
        k = next((k for k in range(i - 1, max(prev, i - 8) - 1, -1) if words[k] == "after"), None)
        if k is None or k < 2 or words[k - 1] not in UNIT_DAYS or words[k - 2] not in COUNT_WORDS:
            return None
        told = [m for m in self.mentions[self.sentence_first:] if m.date is not None and m.date.precision == "day"
                and m.status == OCCURRED]
        if told:
            anchor = told[-1].date
        elif any(w in ("comes", "came", "follows", "followed") for w in words[:k]) and self.last_date \
                and self.last_date[1] is not None and self.last_date[1].precision == "day":
            anchor = self.last_date[1]
        else:
            return None
        d = anchor.start() - dt.timedelta(days=COUNT_WORDS[words[k - 2]] * UNIT_DAYS[words[k - 1]])
        return DateValue.of(d.year, d.month, d.day)

    def own_pair(self, i: int, toks, refs: list[Ref]) -> tuple[Entity, Entity] | None:
        """"X and Y agreed on Wednesday ..., as the two leaders met": the pair the sentence joined before
        its "two leaders" or "they" (at token ``i``), before the pair of an earlier sentence."""
        named = [x for x in refs if x.j <= i and x.entity is not None and x.leader and not x.pair]
        if len(named) >= 2 and named[-1].entity != named[-2].entity and self._joined(toks, named[-2], named[-1]):
            return named[-2].entity, named[-1].entity
        if len({x.entity.key for x in named}) == 2:  # "X spoke with Y, and the two leaders agreed ...": those two
            return named[0].entity, next(x.entity for x in named if x.entity != named[0].entity)
        return None

    def refocus(self, role: str) -> None:
        """"Also on Tuesday, Xi met Prime Minister Mishustin ... The two heads of state have maintained close
        communication. They held a video meeting ...": the pair is the latest one both of whom hold the office
        the words name, and the text goes on about them."""
        on = self.on_date(None)
        holds = lambda e: any(r == role for r, _ in self.gaz.roles_of(e.key, on))  # noqa: E731
        if self.last_pair and all(map(holds, self.last_pair)):
            return
        pair = next((p for p in reversed(self.pairs) if all(map(holds, p))), None)
        if pair is not None:
            self.last_pair = pair

    def named_pair(self) -> tuple[Entity, ...]:
        """"X and Y turned down requests. Both men did speak to Z": before any event, the last two leaders named."""
        out: list[Entity] = []
        for _, e in reversed(self.introduced):
            if e not in out and self.is_leader(e):
                out.append(e)
                if len(out) == 2:
                    return out[1], out[0]
        return ()

    def resolve(self, refs: list[Ref]) -> list[Entity]:
        out: list[Entity] = []
        for r in refs:
            if r.pair:
                out.extend(r.own or self.last_pair or r.named)
            elif r.entity is not None and r.leader and r.entity not in out:
                out.append(r.entity)
        seen, uniq = set(), []
        for e in out:
            if e.key not in seen:
                seen.add(e.key)
                uniq.append(e)
        return uniq

    def event(self, a, b, toks, hits, refs, dates, mods, cues, t: Hit, prev: int, nxt: int) -> None:
        etype = t.value
        words = [x.word for x in toks]
        present = False
        # modifiers of the trigger's clause
        if etype in ("Meeting", "Call", "PhoneCall"):
            for mo in mods:
                if prev <= mo.i < nxt and abs(mo.i - t.i) <= 8:
                    if mo.value == "VideoCall" or etype != "PhoneCall":
                        etype = mo.value
                        break
        # status
        before = [c for c in cues if prev <= c.i < t.i and t.i - c.j <= 5]
        # "Trump said he would meet Xi": "would" in reported speech is the future then, not a condition
        reported = [c for c in before if c.kind == "hypothetical" and words[c.i] == "would" and c.j == c.i + 1
                    and any(w in REPORTING for w in words[max(0, c.i - 5):c.i])]
        if any(c.kind == "negator" for c in before) or any(c.kind == "hypothetical" and c not in reported for c in before):
            return
        if any(c.kind == "hypothetical" and words[c.i].startswith("invit") and prev <= c.i < t.i for c in cues):
            return  # "X invited Y to visit": an invitation, not a visit
        if any(c.kind == "negator" and t.j <= c.i <= t.j + 12 and c.i < nxt and words[c.i - 1] in ("is", "was", "are", "were", "be", "has", "had")
               for c in cues):
            return  # "a call between X and Y is not planned"
        if any(c.kind == "habitual" and prev <= c.i < nxt and abs(c.i - t.i) <= 8 and not toks[c.i].cap
               and not any(w in ("who", "which", "whose") for w in words[t.j:c.i]) for c in cues):
            return  # "X has met Y many times": no one event ("met Trump, who has repeatedly complained" is one)
        if tuple(words[t.i:t.j]) in self.m.host_triggers and any(w in self.m.received_things for w in words[t.j:t.j + 4]):
            return  # "the Amir received a written message from X": a message, not a reception
        future = (any(c.kind == "future" for c in before) or bool(reported)) and not any(c.kind == "past" for c in before)
        if future and not reported and all(words[c.i] == "to" for c in before if c.kind == "future") and \
                not any(w in ("will", "expected", "plans", "planned", "scheduled", "set", "due", "agreed", "agreeing", "agrees") for w in words[max(prev, t.i - 6):t.i]):
            future = False  # "to" alone: "welcomed him to the meeting"
        if future and not reported and self.told_past(words, prev, t):
            future = False  # "agreed Wednesday to restore talks as the two leaders met": "to" is another verb's
        linked = words[max(prev, t.i - 4):t.i] if self.prev_event is not None else []
        if self.prev_event is not None and self.prev_event[0] and ("during" in linked or (etype == "Summit" and "for" in linked)):
            future = True  # "X will meet Y during his visit", "will travel there for the summit": planned too
        # date: the nearest after the trigger within the clause, else before it
        date = None
        # "a visit to Israel, where he met X on Wednesday": what the visit's "where" tells is the visit's
        clause_words = CLAUSE_WORDS - {"where"} if etype == "Visit" else CLAUSE_WORDS
        stop = next((k for k in range(t.j, len(words)) if words[k] in clause_words), len(words))
        after = [d for d in dates if t.i <= d[0] < min(stop, t.j + DATE_REACH) and not self.other_verb(words, d[0], t.j)]
        told = [d for d in dates if not (d[0] > 0 and words[d[0] - 1] == "since")]  # "since 2019": a reference point
        earlier = [d for d in told if prev <= d[0] < t.i]
        if prev > 0 and after:
            # "spoke with X on Friday and talked with Y on Monday": Friday is the first call's
            earlier = [d for d in earlier if "and" not in words[d[0]:t.i]]
        if prev > 0 and any(w in TIME_CONTEXT for w in words[max(prev, t.i - 5):t.i]):
            earlier = []  # "met on Tuesday ahead of the summit": the day is the meeting's
        options = [(d[0] - t.j, 0, d) for d in after[:1]] + [(t.i - d[0], 1, d) for d in earlier[-1:]]
        pick = min(options, key=lambda o: o[:2])[2] if options else None
        if pick is not None and future and prev > 0 and pick in earlier and self.pub is not None \
                and (pick[1] is None or pick[1].start() <= self.pub):
            pick = None  # "held talks on Thursday, with Xi agreeing to make a state visit": Thursday is the talks'
        if pick is not None:
            i, value, rel = pick
            if value is None:
                value = self.weekday(rel, future)
            elif rel is True:
                future = True  # "tomorrow", "next month"
            elif rel == "yearless" and (told := self.month_told(dates, i, value)) is not None:
                value = DateValue(str(told.start().year) + value.value[4:])  # "set out in December 2021 ... on December 6"
            elif rel == "yearless" and not future and self.pub is not None and value.start() > self.pub:
                value = DateValue(str(value.start().year - 1) + value.value[4:])  # "met on June 17", told in March
            date = value
        if date is None and not future and self.pub is not None and any(
                w in PRESENT_VERBS for w in words[max(prev, t.i - 4):t.j]):
            date = DateValue.of(self.pub.year, self.pub.month, self.pub.day)  # "X meets Y": the news of the day
            present = True
        told_last = self.last_date[1] if self.last_date and not future and date is None else None
        if told_last is not None and told_last.precision == "day" \
                and DAY_BEFORE.search(self.text, toks[0].start, toks[-1].end):
            d = told_last.start() - dt.timedelta(days=1)  # "The day before, X had spoken with Y"
            date = DateValue.of(d.year, d.month, d.day)
        elif told_last is not None and SAME_DAY.search(self.text, toks[0].start, toks[-1].end):
            date = told_last  # "Earlier in the day, X received calls from Y and Z": the day told last
        if date is None and not future and not dates:
            if self.heading is not None:
                date = self.heading  # the day of the timeline entry the sentence is in
            elif any(h.kind == "sideline" and h.i >= t.j for h in hits):
                # "X also met Y on the sidelines of the gathering": the day of the summit told before
                date = next((m.date for m in reversed(self.mentions) if m.type == "Summit" and m.status == OCCURRED
                             and m.date is not None), None)
        if date is None and not future and not dates and etype != "Summit" \
                and not RELATIVE_TIME.search(self.text, toks[0].start, toks[-1].end):
            date = self.carried[0]  # the day the previous sentences told ("two weeks after X met Y": not that day)
        if date is None and not future:
            date = self.days_before(words, prev, t.i)
        if date is None and not future and self.pub is not None and not told and not self.mentions and self.number <= 1:
            date = DateValue.of(self.pub.year, self.pub.month, self.pub.day)  # the report's opening event: its day
        if date is not None and self.pub is not None and date.precision == "day":
            future = date.start() > self.pub  # "will meet today": the day is told, the meeting is the day's
        # participants: the subject (before the trigger) and the objects (after it)
        subj_refs = [r for r in refs if r.j <= t.i and not in_relative_clause(self.text, toks, r.i, t.i)]
        if subj_refs and t.i - subj_refs[-1].j > SUBJECT_REACH:
            subj_refs = []
        if len(subj_refs) > 1 and t.i - subj_refs[-2].j > SUBJECT_REACH \
                and not self._joined(toks, subj_refs[-2], subj_refs[-1]):
            subj_refs = subj_refs[-1:]  # far back, and not "X and Y"
        obj_refs = [r for r in refs if t.j <= r.i < min(nxt, stop)]
        k = len(subj_refs) - 1  # "Xi, Putin and Modi held talks": every subject joined to the last
        while k > 0 and self._joined(toks, subj_refs[k - 1], subj_refs[k]) and not (
                k < len(subj_refs) - 1 and subj_refs[k - 1].i > 0 and words[subj_refs[k - 1].i - 1] in OBJECT_WORDS):
            k -= 1  # not "after his meeting with Rouhani, Erdogan and Putin held ...": Rouhani is an object
        subjects = self.resolve(subj_refs[k:] if subj_refs else [])
        objects = self.resolve(obj_refs)
        if not objects and t.j < len(words) and words[t.j] in ("him", "her") and tuple(words[t.i:t.j]) in self.m.host_triggers:
            # "he began in Muscat, where Sultan Haitham received him": the one the sentence is about, named before
            guest = next((r.entity for r in refs if r.entity is not None and r.i < t.i and r.entity not in subjects), None) \
                or self.last_subject
            if guest is not None and guest not in subjects:
                objects = [guest]
        if len(subjects) == 1 and not objects and len(subj_refs) > 1 and etype in NEEDS_TWO \
                and any(w in ("in", "during") for w in words[max(0, t.i - 3):t.i]):
            subjects = self.resolve(subj_refs[-2:])  # "X told Y in a phone call"
        if linked and self.prev_event[1] is not None and (
                linked[-1] == "and" or (etype == "Visit" and any(w in ("his", "her") for w in linked))
                or (len(linked) >= 2 and linked[-2] == "and" and linked[-1] in self.m.past_verbs)):  # "... and talked over the phone with"
            # "X hosted Y in 2017 and visited Z", "X met Y during his visit"; "the two held a video call in March
            # and spoke over the phone in July": the pair still
            subjects = list(self.prev_event[2]) if len(self.prev_event[2]) == 2 and not objects else [self.prev_event[1]]
        elif linked and not subjects and not objects and len(self.prev_event[2]) == 2 and etype in NEEDS_TWO \
                and "and" in linked[-3:-1] and linked[-2 if linked[-1] in ("a", "an") else -1] in self.m.past_verbs | {"and"}:
            subjects = list(self.prev_event[2])  # "X and Y met in Beijing in May, and held a video call in June"
        self.prev_event = (future, subjects[0] if subjects else None, tuple(subjects))
        if not subjects and not objects and etype != "Summit":
            return
        place = None
        from_dateline = False
        if etype in ("Meeting", "Visit", "Summit"):
            place = self.place_after(toks, hits, t.i)
            if place is None and etype != "Summit":
                place = self.place_after(toks, hits, -1)
            if place is None and not future:
                place = self.dateline
                from_dateline = place is not None
        if place is None and date is not None and date == self.carried[0] and etype != "Summit":
            place = self.carried[1]  # the same day, the same place
        if date is not None and not future and not self.pluperfect(words, max(0, t.i - 3), t.j):
            self.last_date = (self.number, date, place)  # not the day of a past told in the past ("had met")
        first_new = len(self.mentions)
        definite = t.i > 0 and words[t.i - 1] in ("the", "this", "that", "his", "her", "their")
        if future and date is None:
            return  # "X and Y are planning to talk": no day, no event yet
        mentions: list[list[Entity]] = []
        roles: dict[str, str] = {}
        told_here = date is not None
        if etype == "Summit" and date is None and self.carried[0] is not None:
            date = self.carried[0]  # the summit was under way that day
            place = place or self.carried[1]
        if etype == "Summit" and place is None and t.i > 1 and any(w.startswith("host") for w in words[max(0, t.i - 4):t.i]):
            host = next((r.entity for r in reversed(refs) if r.j <= t.i and r.entity is not None), None)
            countries = {c for r, c in self.gaz.roles_of(host.key, self.on_date(date)) if r in LEADER_ROLES} if host else set()
            place = self.gaz.entity(countries.pop()) if len(countries) == 1 else None  # "X, hosting the summit"
        named = {k for r in subj_refs for k in range(r.i, r.j)}  # "the Trump-Putin summit" is named by its leaders
        if etype == "Summit" and len(subjects) == 2 and prev == 0 and not named_summit(toks, t.i, named):
            etype = "Meeting"  # "Trump and Kim held their second summit": the two leaders' meeting
            mentions.append(subjects)
        elif etype == "Summit":
            first = next((r for r in refs if r.entity is not None and r.leader and r.i < t.i), None)
            people = [first.entity] if first is not None else self.leaders_of(toks, hits, t.j, stop, date)
            if not (date or place) or (not people and (not told_here or place is None or future)):
                return  # a summit with no leader named is told by where and when it was held
            mentions.append(people[:1])
        elif etype == "Visit":
            people = subjects + [o for o in objects if o not in subjects]
            if not people:
                return
            visitor = people[0]
            home = {c for r, c in self.gaz.roles_of(visitor.key, self.on_date(date)) if r in LEADER_ROLES}
            if len(people) == 1 and place is not None and self.country_of(place) in home:
                return  # "his tour ..., and he is set to return to Tokyo": a leader at home is on no visit
            host = people[1] if len(people) > 1 else self.host_in(place, visitor, date)
            if tuple(words[t.i:t.j]) in self.m.host_triggers and len(people) > 1:
                visitor, host = people[1], people[0]
            roles[visitor.key] = "visitor"
            if host is not None:
                roles[host.key] = "host"
            mentions.append([visitor] + ([host] if host is not None else []))
        else:
            if len(subjects) == 1 and objects:
                for o in objects:
                    if o.key != subjects[0].key:
                        mentions.append([subjects[0], o])
            elif len(subjects) == 2 and not objects:
                mentions.append(subjects)
            elif not subjects and len(objects) == 2:
                mentions.append(objects)
            elif len(subjects) == 1 and not objects and self.last_pair and subjects[0] in self.last_pair and not future \
                    and t.i > 0 and words[t.i - 1] in ("the", "their", "this", "that", "bilateral", "closed", "door"):
                mentions.append(list(self.last_pair))
            elif len(subjects) == 2 and objects and any(r.pair and words[r.i] == "both" for r in subj_refs):
                for sub in subjects:  # "both men spoke to Z": each of them did
                    mentions.extend([sub, o] for o in objects if o not in subjects)
            elif len(subjects) >= 2 and (objects or len(subjects) > 2):
                # "X and Y held a video conference with Z", "Xi, Putin and Modi held talks": one contact of all
                mentions.append(subjects + [o for o in objects if o not in subjects])
            if tuple(words[t.i:t.j]) in self.m.host_triggers and mentions and len(mentions[0]) == 2:
                roles = {mentions[0][0].key: "host", mentions[0][1].key: "visitor"}
            if etype == "VideoCall" and len(mentions) > 1:
                # "held a video conference with X, Y and Z": one conference of all; of four or more, a virtual
                # summit (three, "X and Y held a video conference with Z", stay one video call)
                everyone: list[Entity] = []
                for ps in mentions:
                    everyone.extend(p for p in ps if p not in everyone)
                etype, mentions = ("Summit" if len(everyone) > 3 else "VideoCall"), [everyone]
        if subjects and not (len(subjects) > 1 and self.last_subject in subjects):
            self.last_subject = subjects[0]  # "X was received by Y, and the two leaders held talks. He then ...": X
        oa, ob = a, b
        evidence = self.text[oa:ob].strip()
        lead = len(self.text[oa:ob]) - len(self.text[oa:ob].lstrip())
        for people in mentions:
            if len(people) >= 2 and etype != "Summit":
                self.last_pair = tuple(people[:2])
                self.pairs.append(self.last_pair)
            self.mentions.append(Mention(
                article_id=self.article.id, type=etype, participants=tuple(people), evidence=evidence,
                start=oa + lead, end=oa + lead + len(evidence), trigger=self.text[toks[t.i].start:toks[t.j - 1].end],
                date=date, place=place, status=PLANNED if future else OCCURRED,
                roles={k: v for k, v in roles.items() if k in {p.key for p in people}},
                published=self.pub, partial=(etype in NEEDS_TWO and len(people) < 2) or (definite and pick is None),
                weak_place=from_dateline,
                place_country=self.country_of(place),
            ))
        if present:
            self.present.update(id(m) for m in self.mentions[first_new:])
        # "on the sidelines of the X summit": the summit, with the meeting's participants and day
        if etype in ("Meeting", "Visit") and (mentions or subjects) and not future:
            for h in hits:
                if h.kind == "sideline" and h.i >= t.j and h.i < nxt:
                    summit = next((s for s in hits if s.kind == "trigger" and s.value == "Summit" and h.j <= s.i <= h.j + 12), None)
                    if summit is not None and date is not None:
                        people = []
                        for ps in mentions or [subjects]:
                            for p in ps:
                                if p not in people:
                                    people.append(p)
                        sp = self.place_after(toks, hits, summit.i) or place
                        self.mentions.append(Mention(
                            article_id=self.article.id, type="Summit", participants=tuple(people[:1]), evidence=evidence,
                            start=oa + lead, end=oa + lead + len(evidence),
                            trigger=self.text[toks[summit.i].start:toks[summit.j - 1].end],
                            date=date, place=sp, status=PLANNED if future else OCCURRED,
                            published=self.pub, place_country=self.country_of(sp)))
                    break

    def told_past(self, words: list[str], prev: int, t: Hit) -> bool:
        """The trigger is, or follows within its clause, a verb in the past tense ("met", "held talks",
        "spoke by phone"), not after "to", "be" or "have": what a future cue before it says is about another verb."""
        for k in range(max(prev, t.i - 3), t.i + 1):
            if words[k] in self.m.past_verbs and (k == 0 or words[k - 1] not in AUX_BEFORE_PAST):
                return True
        return False

    def leaders_of(self, toks, hits, start: int, stop: int, date) -> list[Entity]:
        """"the summit between leaders of Turkey, Russia and Iran": the heads of state of those countries."""
        words = [x.word for x in toks]
        k = next((k for k in range(start, min(stop, start + 4)) if words[k:k + 2] == ["leaders", "of"]), None)
        if k is None:
            return []
        people = []
        for h in hits:
            if h.i > k and h.i < stop and h.kind == "entity" and self.gaz.entries[h.value].kind == "Country":
                holder = self.holder("head_of_state", h.value, date)
                if holder is not None:
                    people.append(holder)
        return people[:1]

    @staticmethod
    def other_verb(words: list[str], d: int, after: int) -> bool:
        """"a deal made on March 10": the date is another verb's."""
        k = d - 1 if d > 0 and words[d - 1] in ("on", "in", "since") else d
        if k - 1 == after and words[k - 1] in ("held", "hosted", "convened"):
            return False  # "the summit held yesterday": the event word's own verb
        return k - 1 >= after and (words[k - 1].endswith("ed") or words[k - 1] in OTHER_VERBS)

    def _joined(self, toks, r1: Ref, r2: Ref) -> bool:
        """Two subjects joined by "and" ("Erdogan and Putin held talks")."""
        between = [x.word for x in toks[r1.j:r2.i]]
        while len(between) > 1 and between[-1] in self.m.honorific_words:
            between.pop()  # "X and Sheikh Y"
        if not between and re.fullmatch(r"\s*,\s*", self.text[toks[r1.j - 1].end:toks[r2.i].start]):
            return True  # a headline's "Xi, Putin hold talks"
        if between in ([], ["-"], ["–"]) and re.fullmatch(r"\s*[-–]\s*", self.text[toks[r1.j - 1].end:toks[r2.i].start]):
            return True  # "the Trump-Putin summit", "a Biden–Xi meeting"
        return between in (["and"], ["and", "his"], ["and", "her"], ["and", "their"], ["and", "the"])

    def host_in(self, place: Entity | None, visitor: Entity, date) -> Entity | None:
        """The host of a visit to a place: a leader of its country the article names."""
        country = self.country_of(place)
        if country is None:
            return None
        on = self.on_date(date)
        for _, e in reversed(self.introduced):
            if e.key != visitor.key and any(c == country and r in LEADER_ROLES for r, c in self.gaz.roles_of(e.key, on)):
                return e
        host = self.holder("head_of_state", country, date)
        return host if host is not None and host.key != visitor.key else None

    def country_of(self, place: Entity | None) -> str | None:
        if place is None:
            return None
        e = self.gaz.entries.get(place.key)
        if e is None:
            return None
        if e.kind == "Country":
            return e.key
        return e.country if e.country in self.gaz.entries else None


UNIT_DAYS = {"day": 1, "days": 1, "week": 7, "weeks": 7}
COUNT_WORDS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "ten": 10,
               **{str(n): n for n in range(1, 31)}}
OBJECT_WORDS = {"with", "to", "of", "after", "before", "by", "from", "for", "and"}
REPORTING = {"said", "says", "told", "announced", "added", "confirmed", "stated", "wrote"}
# "two weeks after", "days before": an event placed in time by another, not on the day told before
DAY_BEFORE = re.compile(r"\b(?:the\s+day\s+before|a\s+day\s+earlier|the\s+previous\s+day|the\s+day\s+earlier)\b"
                        r"(?!\s+(?:yesterday|the\s+summit|the\s+meeting|the\s+visit))", re.I)
SAME_DAY = re.compile(r"\b(?:(?:earlier|later)\s+(?:in|on)\s+(?:the|that)\s+day|(?:earlier|later)\s+that\s+day|"
                      r"the\s+same\s+day|that\s+same\s+day)\b", re.I)
RELATIVE_TIME = re.compile(r"\b(?:days?|weeks?|months?|years?|hours?)\s+(?:after|before|earlier|later)\b", re.I)


# styles of rulers, and how the gazetteer's Arabic names write them ("Sheikh Mohamed" after "Sheikh Mohamed bin Zayed")
STYLE_AR = {"sheikh": "الشيخ", "shaikh": "الشيخ", "prince": "الأمير", "king": "الملك", "emir": "الأمير", "sultan": "السلطان"}
STYLES = frozenset(STYLE_AR)
STATE_WORDS = {"the", "republic", "kingdom", "state", "sultanate", "islamic", "democratic", "federal", "people", "s",
               "arab", "hashemite", "united", "socialist", "federative", "plurinational", "bolivarian", "of"}


def long_form(toks, a: int, b: int) -> bool:
    """Tokens a..b are nothing or the words of a state's long name before its short one ("the Republic of")."""
    return a <= b and b - a <= 6 and all(toks[k].word in STATE_WORDS for k in range(a, b))


def full_day(line: str) -> dt.date | None:
    """"May 14, 2025" in a dateline, as a date."""
    m = DATELINE_DAY.search(line)
    month = MONTHS.get(m.group(1).lower()) if m else None
    if month is None or not 1900 <= int(m.group(3)) <= 2100:
        return None
    try:
        return dt.date(int(m.group(3)), month, int(m.group(2)))
    except ValueError:
        return None


def in_relative_clause(text: str, toks, i: int, t: int) -> bool:
    """"Putin, who last met Xi in May, is expected to visit": a name inside a ", who ... ," clause
    that closes before the event word ``t`` is not its subject."""
    def comma_before(k: int) -> bool:
        return k > 0 and "," in text[toks[k - 1].end:toks[k].start]

    for k in range(i, max(0, i - 12), -1):
        if toks[k].word in ("who", "whom", "which") and k < i:
            return comma_before(k) and any(comma_before(j) for j in range(i + 1, t + 1))
        # "Macron, joined by Commission chief Ursula von der Leyen, held talks": who joined is not the subject
        if k < i and comma_before(k) and (toks[k].word in ASIDE_OPENERS or (
                k + 1 < len(toks) and (toks[k].word, toks[k + 1].word) in ASIDE_PAIRS)):
            return any(comma_before(j) for j in range(i + 1, t + 1))
        if comma_before(k) and k < i:
            return False
    return False


ASIDE_OPENERS = ("alongside", "flanked")
ASIDE_PAIRS = {("joined", "by"), ("accompanied", "by"), ("flanked", "by"), ("along", "with"), ("together", "with")}


# "Feb. 24 - Macron at the White House", "March 1-2 - London": a dated heading of a timeline
TIMELINE_HEAD = re.compile(r"\s*(?:[A-Z][a-z]{2,8}\.? \d{1,2}(?:\s*[-–]\s*\d{1,2})?|\d{1,2} [A-Z][a-z]{2,8})(?:,? \d{4})?\s+[-–—]\s+\S")
ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")


def named_summit(toks, k: int, people: set[int] = frozenset()) -> bool:
    """Whether the summit word at token ``k`` has a name of its own: "the G20 summit", "the Arab League
    summit", "the summit of the Shanghai Cooperation Organisation" (not "a summit", "their summit", nor the
    names of its two leaders, tokens ``people``: "the Trump-Putin summit")."""
    # "the 22nd Annual Summit" of two leaders is their meeting: an ordinal and "annual" name no summit
    before = [t for i, t in enumerate(toks[max(0, k - 2):k], max(0, k - 2))
              if t.word not in ("a", "an", "the", "their", "its", "second", "first", "-", "–", "annual", "bilateral")
              and not ORDINAL.fullmatch(t.word) and i not in people]
    if any(t.cap or any(c.isdigit() for c in t.word) for t in before):
        return True
    after = toks[k + 1:k + 4]
    return bool(after) and after[0].word == "of" and any(t.cap for t in after[1:])


def extract_english(article: Article, gaz: Gazetteer) -> list[Mention]:
    """Event mentions in one English article."""
    return EnglishExtractor(article, english_matcher(gaz)).run()
