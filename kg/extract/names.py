"""The mentions stage: a sentence's names, titles and countries as persons, places and organizations.

A title is resolved to a person by the name that follows it, or by the office its
country's holder had on the day (``role_date``); an honorific or title before words kg
does not know introduces a person by that name, remembered for the rest of the article.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ..models import LEADER_ROLES, Entity
from .dates import DateMention, find_dates
from .entities import NAME_LAYER, Hit, longest_non_overlapping
from .lexwords import known_as, known_demonym, known_word, light_stopwords, name_stopwords, word_list, word_map
from .normalize import light, normalize

if TYPE_CHECKING:
    from .reading import Reading

ARABIC_WORD = re.compile(r"[\u0621-\u064A]{2,}")


def fallback(ctx: Reading, role: str, country: str) -> tuple[str, ...]:
    """The roles to look up for ``role`` in ``country``: a "leader" is whoever leads it (``leader_roles``:
    "the Russian leader" is the head of state where a country has no separate paramount leader)."""
    return ctx.gaz.leader_roles(country) if role == "leader" else (role,)


@dataclass
class PersonRef:
    start: int
    end: int
    entity: Entity
    role: str | None = None  # the role a title gave, for counterparts
    plural: bool = False  # one of the leaders a plural title names ("رؤساء تركيا وروسيا وإيران")


@dataclass
class PlaceRef:
    start: int
    end: int
    entity: Entity
    preposition: str = ""


@dataclass
class SentenceNames:
    """What one sentence names: persons, places, organizations, "the two leaders" words, and the
    words that belong to names (not counted as distance between a trigger and its date)."""

    persons: list[PersonRef]
    places: list[PlaceRef]
    orgs: list[PlaceRef]
    duals: list[Hit]
    name_tokens: set[int]


def sentence_names(ctx: Reading, hits: list[Hit], dates: list[DateMention], s0: int, s1: int) -> SentenceNames:
    """Resolve the name-layer hits of the sentence [s0, s1); remember who it named."""
    layer = [h for h in hits if h.kind in NAME_LAYER]
    if not layer and not ctx.learned:  # a sentence that names nobody and nothing
        return SentenceNames([], [], [], [], set())
    names = name_slots(layer)
    name_tokens = {k for slot in names for k in range(ctx.t.tok(slot[0].start), ctx.t.tok(slot[0].end - 1) + 1)}
    persons, places, orgs, duals = resolve_names(ctx, names, dates)
    if ctx.learned:
        persons = sorted(persons + learned_mentions(ctx, s0, s1, persons), key=lambda p: p.start)
    for p in persons:
        ctx.state.recent_persons = [e for e in ctx.state.recent_persons if e.key != p.entity.key][-7:] + [p.entity]
    return SentenceNames(persons, places, orgs, duals, name_tokens)


def name_slots(hits: list[Hit]) -> list[list[Hit]]:
    """Group name-layer hits by span, longest spans winning overlaps."""
    chosen = longest_non_overlapping(hits)
    by_span: dict[tuple[int, int], list[Hit]] = {}
    for h in hits:
        by_span.setdefault((h.start, h.end), []).append(h)
    return [by_span[(c.start, c.end)] for c in chosen]


def of_kind(slot: list[Hit], *kinds: str) -> Hit | None:
    for h in slot:
        if h.kind in kinds:
            return h
    return None


def entity_hit(ctx: Reading, slot: list[Hit], kind: str) -> Hit | None:
    for h in slot:
        if h.kind == "entity" and ctx.gaz.entries[h.value].kind == kind:
            return h
    return None


def country_of_slot(ctx: Reading, slot: list[Hit]) -> str | None:
    h = of_kind(slot, "demonym")
    if h:
        return h.value
    h = entity_hit(ctx, slot, "Country")
    if h:
        return h.value
    shorts = {x.value for x in slot if x.kind == "short" and ctx.gaz.entries[x.value].kind == "Country"}
    return shorts.pop() if len(shorts) == 1 else None


SHORT_PLACE_PREPOSITIONS = {normalize(w) for w in ("في", "إلى", "الى")}  # compared with the normalized text


def short_place(ctx: Reading, slot: list[Hit]) -> str | None:
    """"في عمان": a short place name ("عمان" is Amman or Oman, "صور" is Tyre or pictures) is a place only
    after "في" or "إلى" and in an article that names the place's country otherwise ("العاهل الأردني",
    "الأردن"): then it is the one place of that country it can be."""
    if preposition(ctx, slot[0]) not in SHORT_PLACE_PREPOSITIONS:
        return None
    keys = {x.value for x in slot if x.kind == "short" and ctx.gaz.entries[x.value].kind in ("Place", "Country")}
    if not keys:
        return None
    # the country named, or one whose office holder the article names ("الملك عبد الله الثاني ... في العقبة")
    countries = ctx.state.countries | {c for k in ctx.state.seen for r, c in ctx.gaz.roles_of(k, None) if r in LEADER_ROLES}
    named = [k for k in sorted(keys) if k in ctx.state.seen or ctx.gaz.country_key(k) in countries]
    return named[0] if len(named) == 1 else None


def person_of_slot(ctx: Reading, slot: list[Hit], titled: bool) -> str | None:
    h = entity_hit(ctx, slot, "Person")
    if h and re.search(r" بن \S+$", ctx.text[h.start:h.end]) and family_name_follows(ctx, h.end + len(h.suffix)):
        return None  # "عبدالله بن عبدالعزيز العيفان" is not King Abdullah bin Abdulaziz
    if h:
        return h.value
    shorts = [x.value for x in slot if x.kind == "short" and ctx.gaz.entries[x.value].kind == "Person"]
    seen = [k for k in shorts if k in ctx.state.seen]
    if seen:
        return seen[0]
    if titled and len(set(shorts)) == 1 and not name_goes_on(ctx, slot[0].end):
        return shorts[0]
    return None


def to_country(ctx: Reading, title: Hit, slot: list[Hit]) -> bool:
    """"زيارة الرئيس للهند": after a definite title, "ل" + a country's name is "to", not "of"."""
    if of_kind(slot, "demonym"):
        return False
    definite = ctx.text[title.start - len(title.prefix):title.end].lstrip("وف").startswith(("ال", "بال", "لل"))
    word = ctx.text[slot[0].start - len(slot[0].prefix):slot[0].end]
    return definite and word.startswith("ل") and not word.startswith("ال")


def family_name_follows(ctx: Reading, pos: int) -> bool:
    """After "X بن Y", a word with the article that kg does not know, closing the name before a comma
    or a stop, is the family name of someone else ("العيفان،"); "آل" begins the known person's own
    family name; a known word or a day is no name; "بحث محمد بن سلمان العلاقات الثنائية" goes on."""
    m = re.match(r" ([\u0621-\u064A]+)\s*[،,.:؛]", ctx.text[pos:pos + 40])
    if not m:
        return False  # a family name closes the name: "عبدالله بن عبدالعزيز العيفان،"
    word = m.group(1)
    return ARABIC_WORD.fullmatch(word) is not None and word.startswith("ال") and word != "ال" and word not in name_stopwords(ctx.m) \
        and not known_word(ctx.m, word) and not ctx.m.auto.exists(word) and not find_dates(f"يوم {word}")


def name_before(ctx: Reading, pos: int) -> tuple[int, int, str] | None:
    """Two or three name-like words kg does not know, then a comma, right before ``pos``."""
    m = re.search(r"((?:[\u0621-\u064A]{2,} ){1,2}[\u0621-\u064A]{2,})\s*[،,]\s*$", ctx.text[max(0, pos - 60):pos])
    if not m:
        return None
    words = m.group(1).split()
    stop = name_stopwords(ctx.m)
    if any(w in stop or w.startswith(("ال", "لل", "بال", "وال")) or ctx.m.auto.exists(w) for w in words):
        return None
    start = max(0, pos - 60) + m.start(1)
    return start, start + len(m.group(1)), m.group(1)


def unknown_person(ctx: Reading, start: int, stop: int, label: str) -> Entity:
    """A person kg does not know, introduced by a title; later bare mentions of the name are them."""
    entity = Entity("name:" + label, "Person", None, ctx.t.original(start, stop))
    if len(label.split()) >= 2:
        ctx.learned.setdefault(label, entity)
    return entity


def learned_mentions(ctx: Reading, s0: int, s1: int, persons: list[PersonRef]) -> list[PersonRef]:
    """"رئيس الوزراء الماليزي، أنور إبراهيم" ... "أن أنور إبراهيم تحدث": names the article introduced."""
    found = []
    for label, entity in ctx.learned.items():
        for m in re.finditer(r"(?<!\w)" + re.escape(label) + r"(?!\w)", ctx.text[s0:s1]):
            a, b = s0 + m.start(), s0 + m.end()
            if not any(p.start < b and a < p.end for p in persons + found):
                found.append(PersonRef(a, b, entity))
    return found


def name_goes_on(ctx: Reading, pos: int) -> bool:
    """A name-like word kg does not know follows: the first name belongs to a longer, unknown name."""
    m = re.match(r" (\S+)", ctx.text[pos:pos + 40])
    if not m:
        return False
    word = m.group(1).rstrip("،,.:؛")
    return ARABIC_WORD.fullmatch(word) is not None and word not in name_stopwords(ctx.m) \
        and not word.startswith(("ال", "لل", "بال", "وال")) and not known_word(ctx.m, word) \
        and not (word[:1] in "بلو" and known_as(ctx.m, word[1:], ("entity", "title")))
    # ^ "رئيس الجمهورية بميلوني": "ب" and a name kg knows (not "فيصل", which is no "ف" + "يصل"); "بين الملك
    # ورئيس الحكومة": "و" and a title


def resolve_names(ctx: Reading, slots: list[list[Hit]], dates: list[DateMention]):
    persons: list[PersonRef] = []
    places: list[PlaceRef] = []
    orgs: list[PlaceRef] = []
    duals: list[Hit] = []
    on = role_date(ctx, dates)
    i, n = 0, len(slots)
    while i < n:
        slot = slots[i]
        head = slot[0]
        title = of_kind(slot, "title", "epithet", "counterpart", "guest")
        if title is not None and named_after(ctx, head.start):
            i += 2 if i + 1 < n and ctx.t.adjacent(head.end, slots[i + 1][0].start) else 1
            continue
        if title is not None:
            j, ref = resolve_title(ctx, slots, i, title, on, persons)
            i = max(j, i + 1)
            if ref is not None:
                persons.append(ref)
                ctx.state.seen.add(ref.entity.key)
                i = apposition(ctx, slots, i, ref.entity.key, ref.end, on, persons)
            continue
        ref = of_kind(slot, "honorific_ref")
        if ref is not None:  # "كما تلقى سموه اتصالا": the person the article gave a title that honorific goes with
            who = next((e for e in reversed(ctx.state.recent_persons)
                        if set(ref.value) & ctx.state.title_words.get(e.key, set())), None)
            if who is not None:
                persons.append(PersonRef(head.start, head.end, who))
            i += 1
            continue
        honorific = of_kind(slot, "honorific")
        nxt = slots[i + 1] if i + 1 < n and ctx.t.adjacent(head.end, slots[i + 1][0].start) else None
        unresolved_short = nxt is not None and all(h.kind == "short" for h in nxt) \
            and person_of_slot(ctx, nxt, titled=True) is None
        if honorific is not None and honorific.value != "after" and (nxt is None or unresolved_short) \
                and not named_after(ctx, head.start):  # "جامع الشيخ زايد الكبير": a mosque, no person
            later = [sl for sl in slots[i + 1:] if not all(h.kind == "short" for h in sl)]
            name = unknown_name(ctx, head.end, later, min_words=2)
            if name:  # "سعادة ميخائيل بوغدانوف": an honorific before a name kg does not know
                start, stop, label = name
                persons.append(PersonRef(head.start, stop, unknown_person(ctx, start, stop, label)))
            i += 1
            continue
        plural = of_kind(slot, "plural_title")
        if plural is not None:
            j, leaders = plural_of_countries(ctx, slots, i, plural.value, on)
            persons.extend(leaders)
            ctx.state.seen.update(p.entity.key for p in leaders)
            if leaders:
                ctx.state.together.append(frozenset(p.entity.key for p in leaders))
            i = j
            continue
        if of_kind(slot, "dual"):
            j, pair = dual_of_countries(ctx, slots, i, on)
            if pair:
                persons.extend(pair)
                ctx.state.seen.update(p.entity.key for p in pair)
            else:
                duals.append(of_kind(slot, "dual"))
            i = j
            continue
        if of_kind(slot, "capital_word") and i + 1 < n and ctx.t.adjacent(head.end, slots[i + 1][0].start):
            country = country_of_slot(ctx, slots[i + 1])
            capital = ctx.gaz.capital_of(country) if country else None
            if capital:
                places.append(PlaceRef(head.start, slots[i + 1][0].end, ctx.gaz.entity(capital), preposition(ctx, head)))
                i += 2
                continue
        if named_after(ctx, head.start) and not (entity_hit(ctx, slot, "Place") or entity_hit(ctx, slot, "Country")):
            i += 1
            continue  # "مطار الملك خالد": a place named after a person ("بمدينة أوساكا" is the city)
        titled = i > 0 and of_kind(slots[i - 1], "honorific") is not None \
            and ctx.t.adjacent(slots[i - 1][0].end, head.start)
        key = person_of_slot(ctx, slot, titled=titled)
        if key:
            persons.append(PersonRef(head.start, head.end, named(ctx, key, head.start, head.end)))
            ctx.state.seen.add(key)
            if titled:  # "صاحب السمو الشيخ X": "سموه" later on is X
                ctx.state.title_words.setdefault(key, set()).update(honorific_words(ctx, slots, i))
            j = apposition(ctx, slots, i + 1, key, head.end, on, persons)
            if j > i + 1:
                i = j
                continue
        else:
            for kind, bucket in (("Place", places), ("Country", places), ("Organization", orgs)):
                h = entity_hit(ctx, slot, kind)
                if h:
                    bucket.append(PlaceRef(h.start, h.end, ctx.gaz.entity(ctx.gaz.site(h.value)), preposition(ctx, h)))
                    break
            else:
                short = short_place(ctx, slot)
                if short is not None:
                    places.append(PlaceRef(head.start, head.end, ctx.gaz.entity(ctx.gaz.site(short)), preposition(ctx, head)))
        i += 1
    return persons, places, orgs, duals


def plural_of_countries(ctx: Reading, slots, i: int, role: str, on) -> tuple[int, list[PersonRef]]:
    """"رؤساء تركيا وروسيا وإيران", "القادة المصري والأردني والفلسطيني": the office holders of the
    countries listed right after a plural title (its role from `plural_roles`), joined by "و"."""
    out: list[PersonRef] = []
    end, j = slots[i][0].end, i + 1
    while j < len(slots):
        head = slots[j][0]
        country = country_of_slot(ctx, slots[j])
        joined = head.prefix == "" if not out else head.prefix.startswith("و")
        if country is None or not joined or not ctx.t.adjacent(end, head.start - len(head.prefix)):
            break
        key = next((k for r in fallback(ctx, role, country) if (k := ctx.gaz.holder(r, country, on))), None)
        if key is None:
            return i + 1, []
        out.append(PersonRef(head.start, head.end, ctx.gaz.entity(key), role, plural=True))
        end, j = head.end, j + 1
    return (j, out) if len(out) >= 2 else (i + 1, [])


def dual_of_countries(ctx: Reading, slots, i: int, on) -> tuple[int, list[PersonRef]]:
    """"الرئيسان التركي والروسي", "الزعيمين الصيني والروسي": the two office holders of the two
    countries named after "the two presidents/leaders" (the roles are `dual_roles` in the lexicon)."""
    if i + 2 >= len(slots):
        return i + 1, []
    dual = slots[i][0]
    word = ctx.text[dual.start - len(dual.prefix):dual.end].lstrip("وفبل")
    role = word_map(ctx.m, "dual_roles").get("ال" + word.removeprefix("ال"))  # the table is written with "ال"
    if role is None:
        return i + 1, []
    first, second = slots[i + 1], slots[i + 2]
    if not (ctx.t.adjacent(dual.end, first[0].start) and first[0].prefix == "" and second[0].prefix.startswith("و")
            and ctx.t.adjacent(first[0].end, second[0].start - len(second[0].prefix))):
        return i + 1, []
    out = []
    for slot in (first, second):
        country = of_kind(slot, "demonym")
        key = next((k for r in fallback(ctx, role, country.value) if (k := ctx.gaz.holder(r, country.value, on))), None) \
            if country else None
        if key is None:
            return i + 1, []
        out.append(PersonRef(slot[0].start, slot[0].end, ctx.gaz.entity(key), role))
    return i + 3, out


def apposition(ctx: Reading, slots, i: int, key: str, end: int, on, persons) -> int:
    """"تميم بن حمد آل ثاني أمير البلاد": the title right after a person's name is remembered as
    theirs; one of an office they held is theirs even on a day someone else held it ("نجيب ميقاتي
    رئيس الوزراء اللبناني"). Returns the next slot to read."""
    after = of_kind(slots[i], "title") if i < len(slots) and ctx.t.adjacent(end, slots[i][0].start) else None
    if after is None or ctx.gaz.entries.get(key) is None:
        return i
    remember_title(ctx, key, after)
    j, ref = resolve_title(ctx, slots, i, after, on, persons)
    theirs = ref is not None and ref.entity.key != key and held_same_office(ctx, key, ref.entity.key, on)
    k = max(j, i + 1) if theirs else i + 1
    if ref is None or ref.entity.key == key or theirs:
        # "سلمان بن حمد آل خليفة ولي العهد رئيس مجلس الوزراء": a second title right after the first is his too,
        # not another prime minister the article named
        second = of_kind(slots[k], "title") if k < len(slots) and ctx.t.adjacent(slots[k - 1][0].end, slots[k][0].start) else None
        if second is not None:
            remember_title(ctx, key, second)
            return k + 1
    return k if theirs else i


def honorific_words(ctx: Reading, slots, i: int) -> set[str]:
    """"honorific:سمو", "honorific:شيخ": the words of the honorifics just before slot ``i``."""
    words, k = set(), i
    while k > 0 and of_kind(slots[k - 1], "honorific") is not None and ctx.t.adjacent(slots[k - 1][0].end, slots[k][0].start):
        h = slots[k - 1][0]
        words.update(f"honorific:{w.removeprefix('ال')}" for w in ctx.text[h.start:h.end].split())
        k -= 1
    return words


def held_same_office(ctx: Reading, key: str, holder: str, on) -> bool:
    """Whether ``key`` ever held an office that ``holder`` holds on the day."""
    mine = set(ctx.gaz.roles_of(key, None))
    return any(r in mine for r in ctx.gaz.roles_of(holder, on))


def role_date(ctx: Reading, dates: list[DateMention]) -> dt.date | None:
    """The date office holders are looked up on: an explicit date in the sentence, else publication."""
    for d in dates:
        if d.kind == "abs" and d.value and d.value.precision == "day":
            return d.value.start()
    return ctx.article.published or ctx.era


def resolve_title(ctx: Reading, slots, i, title: Hit, on, persons) -> tuple[int, PersonRef | None]:
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
    owned = possessed(ctx, title.start)
    # "نائب وزير الخارجية", "مبعوث الرئيس الروسي": the person is someone else
    if owned and title.kind == "title":
        role = "other"
    # title + country (demonym or genitive name), then modifiers and honorifics, then a name
    if j < n and country is None and ctx.t.adjacent(end, slots[j][0].start):
        c = country_of_slot(ctx, slots[j])
        if c and to_country(ctx, title, slots[j]):
            c = None
        if c is None and role in ("secretary_general", "other", "head_of_state"):
            org = entity_hit(ctx, slots[j], "Organization")  # "الأمين العام للأمم المتحدة"
            # "رئيس السلطة الفلسطينية": a body that governs a country stands for it
            c = (ctx.gaz.entries[org.value].country or org.value) if org else None
        if c and not entity_hit(ctx, slots[j], "Person"):
            country, end, j = c, slots[j][0].end, j + 1
    former = False
    while True:
        m = re.match(r"[\s،,]*(\S+)", ctx.text[end:end + 30])
        word = m.group(1).strip("،,") if m else ""
        if word and word in word_list(ctx.m, "title_modifiers"):
            former = former or word in word_list(ctx.m, "former_modifiers")
            end = end + m.end()
            while j < n and slots[j][0].start < end:
                j += 1
            continue
        if j < n and of_kind(slots[j], "honorific") and ctx.t.adjacent(end, slots[j][0].start):
            end, j = slots[j][0].end, j + 1
            continue
        break
    if j < n and ctx.t.adjacent(end, slots[j][0].start):
        key = person_of_slot(ctx, slots[j], titled=True)
        if key and owned:
            return j + 1, None  # "مبعوث الرئيس الفرنسي إيمانويل ماكرون": the envoy, not the president
        if key:
            remember_title(ctx, key, title, bare=country is None and title.kind == "title")
            return j + 1, PersonRef(title.start, slots[j][0].end, named(ctx, key, slots[j][0].start, slots[j][0].end), role)
    if owned:
        return j, None
    if title.kind == "guest":
        ref = guest_of(ctx, country, on)
        return j, (PersonRef(title.start, end, ref, None) if ref else None)
    if country and role and role != "other" and not former:
        for r in fallback(ctx, role, country):
            key = ctx.gaz.holder(r, country, on)
            if key:
                return j, PersonRef(title.start, end, ctx.gaz.entity(key), role)
    name = unknown_name(ctx, end, slots[j:])
    if name:
        start, stop, label = name
        return j, PersonRef(title.start, stop, unknown_person(ctx, start, stop, label), role)
    if country and role and role != "other" and title.kind != "counterpart" and not former:
        before = name_before(ctx, title.start - len(title.prefix))
        if before is not None:  # "باولو رانجيل، وزير الخارجية البرتغالي": the name stands before its title
            start, stop, label = before
            return j, PersonRef(start, end, unknown_person(ctx, start, stop, label), role)
        label = ctx.t.original(title.start, end)
        return j, PersonRef(title.start, end, Entity(f"title:{role}:{country}", "Person", None, label), role)
    # "الملك", and the construct "ولي العهد", "رئيس الوزراء": definite by their last word
    definite = ctx.text[title.start - len(title.prefix):title.end].startswith(("ال", "بال", "وال", "لل", "فال")) \
        or any(w.startswith("ال") for w in ctx.text[title.start:title.end].split()[1:])
    if name_goes_on(ctx, end):
        return j, None  # "الملك فيصل": a king kg does not know, not the one this article names
    if country is None and role and role != "other" and title.kind == "title" and not former and definite:
        key = unique_holder_in_article(ctx, role, on, ctx.text[title.start:title.end])  # "جلالة الملك"
        if key:
            return j, PersonRef(title.start, end, ctx.gaz.entity(key), role)
    return j, None


def named_after(ctx: Reading, pos: int) -> bool:
    w = ctx.t.word_before(pos)
    forms = {w, w[1:] if w[:1] in ("و", "ف", "ب", "ل") else w}
    return bool(forms & word_list(ctx.m, "named_after_heads"))


def possessed(ctx: Reading, pos: int) -> bool:
    """"مبعوث الرئيس", "والمبعوث الخاص للرئيس": the title names whose envoy, aide or office it is."""
    words = ctx.text[max(0, pos - 40):pos].split()[-2:]
    possessors = word_list(ctx.m, "title_possessors")
    lam = ctx.text[pos:pos + 1] == "ل"  # "المبعوث الخاص للرئيس"; "في الديوان الأميري الرئيس X" is no construct
    for i, w in enumerate(reversed(words)):
        w = w.strip("،,")
        forms = {w, w[1:] if w[:1] in ("و", "ف") else w}
        if lam:
            forms |= {f[2:] for f in forms if f.startswith("ال")}
        if forms & possessors:
            return True
        if i == 0 and not w.startswith("ال"):
            break  # only an adjective ("الخاص") may stand between
    return False


def named(ctx: Reading, key: str, a: int, b: int) -> Entity:
    """The gazetteer entity, remembering the form this text used for it."""
    return replace(ctx.gaz.entity(key), surface=ctx.t.original(a, b).strip())


def head_word(ctx: Reading, title: Hit) -> str:
    """"الأمير", "أمير البلاد" -> "امير": the title's head word, without the article."""
    words = ctx.text[title.start:title.end].split()
    return words[0].removeprefix("ال") if words else ""


def remember_title(ctx: Reading, key: str, title: Hit, bare: bool = False) -> None:
    """The title's head word, and the office with it ("head_of_state:رئيس", not a prime minister's "رئيس");
    ``bare`` when no country stood with it ("الرئيس السيسي", not "الرئيس التركي أردوغان")."""
    word = head_word(ctx, title)
    # and the whole title, so that "رئيس الدولة" alone later is the one it was said of, not any president
    whole = ctx.text[title.start:title.end].removeprefix("ال")
    words = ctx.state.title_words.setdefault(key, set())
    words.update((word, f"{title.value}:{word}", whole))
    if bare:
        words.add("bare:" + word)


def unique_holder_in_article(ctx: Reading, role: str, on, title_word: str = "") -> str | None:
    """The one person of this article holding ``role``; a title word ("الملك") narrows to those
    whose names carry it (kings, not presidents), or else to the one the article gave that title
    ("الشيخ تميم ... أمير البلاد", then "سمو الأمير" beside a president)."""
    keys = {e.key for e in ctx.state.recent_persons
            if any(r == role for r, _ in ctx.gaz.roles_of(e.key, on))}
    word = title_word.removeprefix("ال")
    titled = {k for k in keys if any(word and word in normalize(n) for n in ctx.gaz.entries[k].ar)}
    if len(keys) > 1 and len(titled) == 1:
        return titled.pop()
    if len(keys) > 1 and not titled and word:
        titled = {k for k in keys if word in ctx.state.title_words.get(k, ())}
        if len(titled) == 1:
            return titled.pop()
    if len(keys) > 1 and ctx.dateline is not None:
        # "الكويت - (كونا) ... التقى سمو الأمير أمير قطر": a bare title in a report filed at home is home's
        home = ctx.gaz.country_key(ctx.dateline.key)
        local = {k for k in (titled or keys) if (role, home) in ctx.gaz.roles_of(k, on)}
        if len(local) == 1:
            return local.pop()
    if len(keys) > 1 and word:
        # "الرئيس السيسي ... الرئيس التركي أردوغان ... استقبل الرئيس نظيره": a paper names its own
        # leader by the title alone and foreign ones with their country, so the bare title is the former
        bare = {k for k in (titled or keys) if "bare:" + word in ctx.state.title_words.get(k, ())}
        if len(bare) == 1:
            return bare.pop()
    if not keys and ctx.home is not None:
        return home_holder(ctx, role, word, on)
    return keys.pop() if len(keys) == 1 else None


def home_holder(ctx: Reading, role: str, word: str, on) -> str | None:
    """"استقبل ولي العهد ..." on spa.gov.sa, with no one of that office named: a page names its own country's
    office holders by the title alone. A president only in a republic, a king, emir or sultan only in a monarchy."""
    head = word.split()[0] if word else ""
    if role == "head_of_state" and (head in word_list(ctx.m, "monarch_words")) != ctx.gaz.monarchy(ctx.home):
        return None
    return ctx.gaz.holder(role, ctx.home, on)


def guest_of(ctx: Reading, country: str | None, on) -> Entity | None:
    """"ضيفه (الهندي)": the visitor of the last visit, or the person of that country named lately."""
    if country:
        for e in reversed(ctx.state.recent_persons):
            if any(c == country for _, c in ctx.gaz.roles_of(e.key, on)):
                return e
        return None
    v = ctx.state.last_visit
    if v is not None:
        key = next((k for k, r in v.roles.items() if r == "visitor"), None)
        return next((p for p in v.participants if p.key == key), None)
    return None


def unknown_name(ctx: Reading, pos: int, later_slots=(), min_words: int = 2) -> tuple[int, int, str] | None:
    """Name-like words right after a title or honorific: a person kg does not know."""
    stop = name_stopwords(ctx.m)
    connectors = word_list(ctx.m, "name_connectors")
    # a first name kg knows may begin a name it does not ("ماكي سال")
    taken = [(sl[0].start, sl[0].end) for sl in later_slots if not all(h.kind == "short" for h in sl)]
    words: list[tuple[int, int, str]] = []
    cursor = pos
    for m in re.finditer(r"\S+", ctx.text[pos:pos + 100]):
        w0 = pos + m.start()
        gap = ctx.text[cursor:w0].strip(" ")
        if gap and not (not words and gap in ("،", ",")):  # "رئيس الوزراء الماليزي، أنور إبراهيم"
            break
        w = m.group(0)
        if any(a0 < w0 + len(w) and w0 < b0 for a0, b0 in taken):
            break  # a known name, title or place starts here
        clean = w.rstrip("،,.:؛")
        if not ARABIC_WORD.fullmatch(clean) or (clean in stop and (
                clean not in word_list(ctx.m, "name_stopword_collisions")
                or light(ctx.t.original(w0, w0 + len(clean))) in light_stopwords(ctx.m))):
            break  # "على" (on) is a stop word, "علي" a name; "فى" is "في" in Egyptian spelling
        if not words and (clean.startswith(("ال", "لل", "بال", "وال")) or clean in connectors
                          or known_word(ctx.m, clean) or at_place(ctx, clean) or known_demonym(ctx.m, clean)):
            break
        if words and event_word(ctx, clean):
            break  # "أول رئيس دولة عربية يستقبله الجانب الصيني": a verb of the event ends a name
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
    follow = re.match(r"\s*(\S*)", ctx.text[end:end + 40]).group(1)
    boundary = (end >= len(ctx.text) or ctx.text[end] in "،,.:؛()\"'-" or not follow
                or any(a0 <= end + (len(ctx.text[end:]) - len(ctx.text[end:].lstrip())) < b0 for a0, b0 in taken)
                or follow.rstrip("،,.:؛") in stop or ctx.m.auto.exists(follow.rstrip("،,.:؛")))
    if not boundary:
        return None  # a name ends where something known (or punctuation) begins
    return words[0][0], words[-1][1], " ".join(w for _, _, w in words)


def event_word(ctx: Reading, word: str) -> bool:
    """An event word, with the clitics and pronouns the matcher accepts on it ("يستقبله", "ولقاء")."""
    return any(h.kind == "trigger" for h in ctx.m.hits(word))


def at_place(ctx: Reading, word: str) -> bool:
    """"بقصر", "في", "بمقر": a word that puts a place, where a name would stand."""
    return word in ("في", "فى") or (word[:1] in ("ب", "و") and word.lstrip("و")[1:] in word_list(ctx.m, "place_heads"))


PLACE_HEAD = re.compile(r"(و?ب)?(?:ال)?(\w+)")


def preposition(ctx: Reading, h: Hit) -> str:
    """The word that puts a place in the sentence: "في", "إلى", ... ("بموسكو" is "في موسكو"). A word
    for a kind of place ("في منتجع سوتشي", "بقاعدة ... بريف اللاذقية") passes on the word before it."""
    if h.prefix.endswith("ب") or h.prefix.endswith("بال"):
        return "في"
    word = ctx.t.word_before(h.start)
    head = PLACE_HEAD.fullmatch(word)
    if head is None or head.group(2) not in word_list(ctx.m, "place_heads"):
        return word
    if head.group(1):
        return "في"
    return ctx.t.word_before(ctx.text.rfind(word, 0, h.start))
