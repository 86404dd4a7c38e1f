"""Deterministic long fuzz run of the extraction path (not run as a test).

    python bench/fuzz.py --inputs 100000 --seed 1 [--crashes DIR]

Each input is one of three kinds, drawn from its own seeded generator so that
input ``i`` of seed ``s`` is always the same (``--start i --inputs 1`` runs it alone):

- ``normalize``: random Unicode (any code point, Arabic and presentation forms,
  diacritics, tatweel, bidi and zero-width marks) through ``normalize``,
  ``normalize_with_offsets`` and ``light``, checking the offset map;
- ``dates``: generated Arabic date expressions (weekdays and their markers,
  relative days, months and years, day and month with or without the year,
  month names of every region, Eastern Arabic digits) inside random text,
  found and resolved against a random publication date;
- ``article``: random text, a soup of the words kg reacts to, sentences in
  the shape of news reports (titles, names, triggers, cues, dates, places,
  "بعد يوم من ..."), or a seed article mutated (deletions, insertions, span swaps, duplicated sentences,
  truncation, sprinkled marks, Eastern digits), encoded in one of the encodings
  kg reads (sometimes corrupted), decoded by ``kg.corpus.decode``, then
  extracted and merged as one article (one input in five: two or three
  articles, merged across them too).

- ``jsonl``: a JSON Lines file of generated records, some lines with NUL bytes or
  damaged bytes, some records with language tags in every form (``ar_EG``,
  ``العربية``, locale names, garbage, non-strings), read by ``kg.corpus.Reader``:
  every line becomes an article or one reported problem, and every language
  kept is a tag RDF accepts;
- ``output``: ``atomic_write`` into a folder where links to a victim file are
  planted at the temporary names a write could use, with file names holding
  control characters: the victim never changes and the target holds the bytes;
- ``terminal``: random text with control characters (ESC sequences, BEL, C1)
  through ``shown`` and kg's console: nothing but line feeds and tabs below
  U+0020 (or in C1) reaches the terminal.

Any exception, or a broken invariant (offsets outside the text, a past event
dated after publication, an unknown event type, ...), is a crash: the input and
its traceback are written to ``--crashes`` (a few per distinct crash) and the
run exits 1. Undecodable bytes that ``decode`` rejects with ``InputError`` are
counted as rejected, as a build would skip them. ``--replay FILE.json`` runs
one saved crash again.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import random
import re
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.corpus import Reader, date_from_text, decode  # noqa: E402
from kg.errors import InputError  # noqa: E402
from kg.extract.dates import DATA_FILE as DATES_FILE, find_dates  # noqa: E402
from kg.extract.entities import matcher_for  # noqa: E402
from kg.extract.events import extract_article  # noqa: E402
from kg.extract.merge import article_clusters, merge_groups  # noqa: E402
from kg.extract.normalize import fold_char, light, normalize, normalize_with_offsets  # noqa: E402
from kg.models import EVENT_TYPES, OCCURRED, PLANNED, Article, DateValue  # noqa: E402

SEEDS = ROOT / "seeds"
DIACRITICS = [chr(c) for c in range(0x064B, 0x0653)]
MARKS = DIACRITICS + ["\u0640", "\u0670", "\u200e", "\u200f", "\u061c", "\u202a", "\u202b", "\u202c",
                      "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\u200b", "\u200c",
                      "\u200d", "\u2060", "\ufeff", "\u00ad"]
PUNCT = " \n\t.،,؛:؟!()/-\"«»"
DIGITS = "0123456789٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹"
EASTERN = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
PERSIAN = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
ENCODINGS = ["utf-8", "utf-8", "utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1256"]
MAX_TEXT = 2048
# dates at the ends of the calendar and offsets from them
EDGES = ["1 يناير 0001", "31 ديسمبر 9999", "0001-01-01", "9999-12-31", "بعد يوم واحد من", "قبل يومين من",
         "بعد أسبوعين من", "29 فبراير", "29 شباط 2023", "0/5/2025", "2025-00-12"]
KEEP_PER_CRASH = 3  # inputs written for each distinct crash


# ------------------------------------------------------------------ data
def seed_articles() -> list[tuple[str, dt.date | None]]:
    """The seed texts with their publication dates, read as kg build reads them (manifest.json)."""
    return [(a.text, a.published) for a in Reader().read([SEEDS])]


class Data:
    """What the generators draw from, loaded once."""

    def __init__(self):
        self.matcher = matcher_for()
        self.seeds = seed_articles()
        self.dates = json.loads(DATES_FILE.read_text(encoding="utf-8"))
        arabic = re.compile(r"[\u0621-\u064A]")
        self.months = {int(k): [w for w in ws if arabic.search(w)] for k, ws in self.dates["months"].items()}
        self.weekdays = {int(k): ws for k, ws in self.dates["weekdays"].items()}
        lex = self.matcher.lex
        words: set[str] = set()
        for text, _ in self.seeds:
            words.update(text.split())
        for group in lex["triggers"] + lex["titles"]:
            words.update(group["forms"])
        for key in ("negators", "future_markers", "reporting_verbs", "complementizers", "dual_references",
                    "counterpart", "honorifics", "temporal_clause", "denials", "demonstratives"):
            words.update(w for w in lex[key] if isinstance(w, str))
        for e in sorted(self.matcher.gaz.entries.values(), key=lambda e: e.key)[::5]:
            words.update(e.ar[:2])
        for ws in list(self.dates["months"].values()) + list(self.dates["weekdays"].values()):
            words.update(ws)
        for key in ("relative_days", "relative_months", "relative_years", "weekday_markers", "weekday_past",
                    "weekday_next", "month_qualifiers", "year_words", "hijri_months", "same_day"):
            words.update(self.dates[key])
        self.vocab = sorted(words)
        entries = sorted(self.matcher.gaz.entries.values(), key=lambda e: e.key)
        self.persons = [n for e in entries if e.kind == "Person" for n in e.ar]
        self.countries = [n for e in entries if e.kind == "Country" for n in e.ar[:1]]
        self.demonyms = [n for e in entries for n in e.demonym_ar]
        self.places = [n for e in entries if e.kind in ("Place", "Country") for n in e.ar[:1]]
        self.titles = [f for t in lex["titles"] for f in t["forms"]]
        self.triggers = [f for t in lex["triggers"] for f in t["forms"]] + lex["talks_verbs"]["forms"]
        self.refs = lex["counterpart"] + lex["dual_references"] + lex["guest_refs"]
        self.cues = [w for key in ("negators", "future_markers", "reporting_verbs", "hypothetical_markers",
                                   "habitual_markers", "denials", "continuation_openers", "attribution_markers",
                                   "temporal_clause", "demonstratives", "contrast_connectives")
                     for w in lex[key] if isinstance(w, str)]
        self.modifiers = [f for forms in lex["modifiers"].values() for f in forms]


# ------------------------------------------------------------------ generators
def rand_char(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.15:
        c = rng.randrange(0x110000)
        return chr(c) if not 0xD800 <= c <= 0xDFFF else "\ufffd"
    if r < 0.30:
        c = rng.randrange(0x10000)
        return chr(c) if not 0xD800 <= c <= 0xDFFF else "\ufffd"
    if r < 0.65:
        return chr(rng.randrange(0x0600, 0x0700))
    if r < 0.72:
        return chr(rng.choice([rng.randrange(0xFB50, 0xFE00), rng.randrange(0xFE70, 0xFF00),
                               rng.randrange(0x0750, 0x0780)]))
    if r < 0.82:
        return rng.choice(MARKS)
    return rng.choice(PUNCT + DIGITS)


def rand_text(rng: random.Random, max_len: int) -> str:
    return "".join(rand_char(rng) for _ in range(rng.randrange(max_len + 1)))


def soup(rng: random.Random, data: Data, max_tokens: int = 120) -> str:
    """Words kg reacts to, numbers and noise, in random order."""
    out = []
    for _ in range(rng.randrange(max_tokens + 1)):
        r = rng.random()
        if r < 0.02:
            tok = rng.choice(EDGES)
        elif r < 0.75:
            tok = rng.choice(data.vocab)
        elif r < 0.85:
            tok = str(rng.randrange(3000))
            tok = tok.translate(EASTERN) if rng.random() < 0.3 else tok
        else:
            tok = rand_text(rng, 6)
        out.append(tok + rng.choice([" ", " ", " ", " ", "", "\n", "، ", ". ", " و"]))
    return "".join(out)


def date_expression(rng: random.Random, data: Data) -> str:
    """One date expression in the forms the grammar reads (and a few it does not)."""
    day = dt.date(1950, 1, 1) + dt.timedelta(days=rng.randrange(40_000))
    if rng.random() < 0.05:  # the ends of the calendar: date arithmetic must not overflow
        day = rng.choice([dt.date.min + dt.timedelta(days=rng.randrange(4)),
                          dt.date.max - dt.timedelta(days=rng.randrange(4))])
    name = rng.choice(data.months[day.month])
    if rng.random() < 0.3:
        other = rng.choice(data.months[day.month])
        name = f"{name} ({other})" if rng.random() < 0.3 else name + rng.choice(["/", " / ", " - "]) + other
    num = (lambda n: str(n).translate(rng.choice([EASTERN, PERSIAN]))) if rng.random() < 0.4 else str
    kind = rng.randrange(10)
    if kind == 0:
        marker = rng.choice([""] + list(data.dates["weekday_markers"]) + list(data.dates["relative_days"]))
        qual = rng.choice([""] * 3 + data.dates["weekday_past"] + data.dates["weekday_next"])
        return " ".join(x for x in (marker, rng.choice(data.weekdays[rng.randrange(7)]), qual) if x)
    if kind == 1:
        key = rng.choice(["relative_days", "relative_months", "relative_years", "same_day"])
        return rng.choice(list(data.dates[key]))
    if kind == 2:
        return f"{num(day.day)}{rng.choice([' ', ' من ', ' شهر '])}{name}"
    if kind == 3:
        return f"{rng.choice(data.dates['month_qualifiers'] + ['في'])} {name}"
    if kind == 4:
        return f"{num(day.day)} {name}{rng.choice([' ', ' من ', ' عام ', ' من عام ', '، '])}{num(day.year)}"
    if kind == 5:
        return f"{name}{rng.choice([' ', ' من ', ' عام ', '، ', ' سنة '])}{num(day.year)}"
    if kind == 6:
        return f"{rng.choice(['عام', 'في عام', 'في', 'منذ', 'خلال العام', 'صيف'])} {num(day.year)}"
    if kind == 7:
        return rng.choice(["الأسبوع الماضي", "الأسبوع المقبل", "يومي 22 و23 " + name, num(day.isoformat()),
                           f"{num(day.day)}/{num(day.month)}/{num(day.year)}"])
    if kind == 8:
        return f"{num(day.day)} {rng.choice(data.dates['hijri_months'])} {num(1400 + day.year % 60)} هـ الموافق {num(day.day)} {name} {num(day.year)}"
    return f"{num(rng.randrange(100))} {rand_text(rng, 12)} {num(rng.randrange(10000))}"


def person(rng: random.Random, data: Data) -> str:
    """Someone as the news names them: a name, a title with a nationality or a name, "نظيره"..."""
    r = rng.random()
    if r < 0.3:
        return rng.choice(data.persons)
    if r < 0.55:
        return f"{rng.choice(data.titles)} {rng.choice(data.demonyms)}"
    if r < 0.75:
        return f"{rng.choice(data.titles)} {rng.choice(data.persons)}"
    if r < 0.85:
        return f"{rng.choice(data.titles)} {rng.choice(data.countries)}"
    return rng.choice(data.refs)


def event_sentence(rng: random.Random, data: Data) -> str:
    """A sentence in the shape of a news report of a contact, with its parts drawn at random."""
    parts = []
    if rng.random() < 0.35:
        parts.append(rng.choice(data.cues))
    parts += [person(rng, data), rng.choice(data.triggers)]
    if rng.random() < 0.3:
        parts.append(rng.choice(data.modifiers))
    parts += [rng.choice(["مع ", "ب", "", "إلى ", "و"]) + person(rng, data)]
    if rng.random() < 0.6:
        parts.append(date_expression(rng, data))
    if rng.random() < 0.35:
        parts.append(rng.choice(["في", "إلى", "بالعاصمة", "في العاصمة"]) + " " + rng.choice(data.places))
    if rng.random() < 0.3:  # "وبعد يوم واحد من اتصاله، التقى ...": dated from the previous event
        parts.append(rng.choice(["، وبعد يوم واحد من", "، وقبل يومين من", "، وبعد أسبوع من", "، وبعد ساعات من"]))
        parts += [rng.choice(data.triggers) + rng.choice(["", "ه", "هما"]), person(rng, data)]
    return " ".join(parts) + rng.choice([".", "، ", "\n", ". ", " "])


def publication_date(rng: random.Random) -> dt.date | None:
    r = rng.random()
    if r < 0.15:
        return None
    if r < 0.95:
        return dt.date(1990, 1, 1) + dt.timedelta(days=rng.randrange(17_000))
    # the ends of the calendar: date arithmetic must not overflow
    return rng.choice([dt.date.min + dt.timedelta(days=rng.randrange(60)),
                       dt.date.max - dt.timedelta(days=rng.randrange(60))])


def mutate(rng: random.Random, text: str) -> str:
    """One random mutation of an article's text."""
    n = len(text)
    at = rng.randrange(n + 1)
    kind = rng.randrange(7)
    if kind == 0:
        return text[:at] + text[at + rng.randint(1, 64):]
    if kind == 1:
        return text[:at] + "".join(rand_char(rng) for _ in range(rng.randint(1, 8))) + text[at:]
    if kind == 2:
        size = rng.randint(1, 200)
        i, j = sorted((at, rng.randrange(n + 1)))
        if j - i < size or j + size > n:
            return text
        return text[:i] + text[j:j + size] + text[i + size:j] + text[i:i + size] + text[j + size:]
    if kind == 3:
        sentences = re.split(r"(?<=[.؟!\n])", text)
        k = rng.randrange(len(sentences))
        return "".join(sentences[:k + 1] + [sentences[k]] + sentences[k + 1:])
    if kind == 4:
        return text[:at]
    if kind == 5:
        chars = list(text)
        for _ in range(rng.randint(1, 40)):
            chars.insert(rng.randrange(len(chars) + 1), rng.choice(MARKS))
        return "".join(chars)
    table = rng.choice([EASTERN, PERSIAN])
    return text.translate(table) if rng.random() < 0.3 else text[:at] + text[at:at + 500].translate(table) + text[at + 500:]


def article_input(rng: random.Random, data: Data) -> tuple[bytes, dt.date | None, bool, str]:
    """(raw bytes, publication date, whether to read it from a date line, how it was made)."""
    r = rng.random()
    pub = publication_date(rng)
    if r < 0.15:
        text, how = rand_text(rng, MAX_TEXT // 2), "random"
    elif r < 0.35:
        text, how = soup(rng, data), "soup"
    elif r < 0.6:
        text, how = "".join(event_sentence(rng, data) for _ in range(rng.randint(1, 8))), "sentences"
    else:
        seed, seed_pub = rng.choice(data.seeds)
        text = seed
        for _ in range(rng.randint(1, 6)):
            text = mutate(rng, text)
        if rng.random() < 0.9:  # most inputs are a window of the article, a few the whole of it
            start = rng.randrange(max(1, len(text) - MAX_TEXT))
            text = text[start:start + MAX_TEXT]
        pub = seed_pub if rng.random() < 0.5 else pub
        how = "seed"
    dateline = rng.random() < 0.15
    if dateline:
        d = publication_date(rng) or dt.date(2025, 1, 21)
        line = rng.choice([f"date {d.isoformat()}", f"تاريخ النشر: {d.day} {rng.choice(data.months[d.month])} {d.year}",
                           f"نشر في {d.isoformat()}", "تاريخ النشر: " + rand_text(rng, 20)])
        text = line + "\n" + text
    enc = rng.choice(ENCODINGS)
    raw = text.encode(enc, errors="replace")
    if rng.random() < 0.05:
        buf = bytearray(raw)
        for _ in range(rng.randint(1, 8)):
            if buf:
                buf[rng.randrange(len(buf))] = rng.randrange(256)
        raw = bytes(buf)
    return raw, pub, dateline, f"{how}/{enc}"


# ------------------------------------------------------------------ checks
def check_normalize(text: str) -> None:
    nt = normalize_with_offsets(text)
    assert nt.text == normalize(text), "normalize_with_offsets disagrees with normalize"
    expected = [i for i, ch in enumerate(text) for _ in fold_char(ch)]
    assert nt.offsets == expected, "offset map is wrong"
    assert normalize(nt.text) == nt.text, "normalize is not idempotent"
    assert light(text).replace("ى", "ي") == nt.text, "light disagrees with normalize"
    for s in range(0, len(nt.text) + 1, max(1, len(nt.text) // 7)):
        e = min(len(nt.text), s + 5)
        a, b = nt.orig_span(s, e)
        assert 0 <= a <= b <= len(text), "span outside the original text"
        assert nt.text[s:e] in normalize(text[a:b]), "span maps to the wrong characters"


PRECISION = {"day_month": "day", "weekday": "day", "rel_day": "day", "month": "month", "rel_month": "month",
             "rel_year": "year"}


def check_dates(text: str, pub: dt.date | None, future: bool) -> None:
    norm = normalize(text)
    found = find_dates(norm)
    again = find_dates(norm)
    assert found == again, "date finding is not deterministic"
    for d in found:
        assert 0 <= d.start < d.end <= len(norm), "date span outside the text"
        value = d.resolve(pub, future)
        assert value == d.resolve(pub, future), "date resolution is not deterministic"
        if value is None:
            continue
        assert DateValue.parse(value.value) == value, f"malformed date {value}"
        if pub is None:
            assert d.kind == "abs", "a relative date resolved without publication date"
            continue
        if d.kind in PRECISION:
            assert value.precision == PRECISION[d.kind], f"{d.kind} resolved at {value.precision} precision"
        past = not future and d.direction != "next" and d.offset <= 0
        if d.kind != "abs" and d.kind != "same_day" and past:
            assert value.start() <= pub, f"{d.kind} date {value} after publication {pub}"


def check_articles(articles: list[Article]) -> None:
    """Extract every article, merge within and across them; every invariant must hold."""
    groups: dict[tuple, list] = {}
    stated = set()
    for article in articles:
        mentions = extract_article(article, DATA.matcher)
        check_mentions(article, mentions)
        stated |= {m.date for m in mentions if m.date is not None}
        keyed, _ = article_clusters(mentions)
        for key, cluster, dated in keyed:
            groups.setdefault(key, []).append((cluster, dated))
    events, _ = merge_groups(groups)
    ids = {a.id for a in articles}
    for e in events:
        assert e.type in EVENT_TYPES, f"unknown event type {e.type}"
        # undated events are written; a summit is dated to the month of a day told of it (it lasts days),
        # and a held summit told without a day to the month of its report (it was under way)
        assert e.date is None or e.date in stated or any(d.value.startswith(e.date.value + "-") for d in stated) \
            or (e.type == "Summit" and e.date.value in {f"{a.published.year:04d}-{a.published.month:02d}" for a in articles if a.published}), \
            f"event date {e.date} stated by no mention"
        assert set(e.sources) <= ids, "an event from no article"
        if e.type == "Visit":
            assert e.participants, "a visit without participants"
        elif e.type != "Summit":
            assert len(e.participants) >= 2, f"a {e.type} with {len(e.participants)} participants"


def check_mentions(article: Article, mentions: list) -> None:
    text = article.text
    for m in mentions:
        assert 0 <= m.start <= m.end <= len(text), "mention offsets outside the text"
        assert text[m.start:m.end] == m.evidence, "evidence is not the text at its offsets"
        assert m.trigger and m.trigger in m.evidence, "trigger outside its evidence"
        assert m.type in EVENT_TYPES or m.type == "Talks", f"unknown mention type {m.type}"
        assert m.status in (OCCURRED, PLANNED), f"unknown status {m.status}"
        assert set(m.roles) <= {p.key for p in m.participants}, "role of someone not taking part"
        if m.date is not None:
            assert DateValue.parse(m.date.value) == m.date, f"malformed date {m.date}"
            if article.published is not None and m.status == OCCURRED:
                assert m.date.start() <= article.published, f"occurred on {m.date}, after publication"


def run_articles(raws: list[bytes], pubs: list[dt.date | None], datelines: list[bool]) -> bool:
    """Read, extract and merge articles as a build would; False when decoding rejects them all."""
    articles = []
    for k, (raw, pub, dateline) in enumerate(zip(raws, pubs, datelines)):
        try:
            text = decode(raw)
        except InputError:
            continue
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        if not text.strip():
            continue
        if dateline:
            pub = date_from_text(text)
        articles.append(Article(f"fuzz{k}", text, pub))
    if not articles:
        return False
    check_articles(articles)
    return True


# ------------------------------------------------------------------ reading, writing, printing
LANGUAGES = ["ar", "ar_EG", "AR-eg", "ar_EG.UTF-8", "en", "English", "العربية", "arabic", "fr-FR", "zh-Hant-TW",
             "ar EG", "", " ", "ar-", "-ar", "x" * 40, "ar_EG@calendar", "\x00ar", "ar\x1b[2J", 42, None, ["ar"],
             {"lang": "ar"}, True]
CONTROLS = [chr(c) for c in (*range(0x20), 0x7F, *range(0x80, 0xA0))] + ["\x1b]0;owned\x07", "\x1b[2J", "\x1b[31m"]
WORK: Path


def jsonl_input(rng: random.Random) -> list[bytes]:
    """Lines of a JSONL file: records (text, id, published, language in any form), some damaged."""
    lines = []
    for k in range(rng.randint(1, 12)):
        rec: dict = {"id": rng.choice([f"r{k}", rand_text(rng, 6), k, None])}
        if rng.random() < 0.9:
            rec["text"] = rng.choice([soup(rng, DATA, 20), rand_text(rng, 60)])
        if rng.random() < 0.6:
            rec["published"] = rng.choice(["2025-01-05", "2025-02-30", rand_text(rng, 8), 7])
        if rng.random() < 0.7:
            lang = rng.choice(LANGUAGES + [rand_text(rng, 6)])
            rec[rng.choice(["language", "lang"])] = lang
        line = json.dumps(rec, ensure_ascii=rng.random() < 0.3).encode("utf-8", errors="surrogatepass")
        r = rng.random()
        if r < 0.15 and line:  # a NUL somewhere in the line
            at = rng.randrange(len(line))
            line = line[:at] + b"\x00" + line[at:]
        elif r < 0.25 and line:  # a few damaged bytes
            buf = bytearray(line)
            for _ in range(rng.randint(1, 3)):
                buf[rng.randrange(len(buf))] = rng.randrange(128, 256)
            line = bytes(buf)
        lines.append(line)
    return lines


def run_jsonl(lines: list[bytes]) -> None:
    from rdflib import Literal

    f = WORK / "feed.jsonl"
    f.write_bytes(b"\n".join(lines) + b"\n")
    reader = Reader()
    articles = list(reader.read([f]))
    nonblank = sum(1 for ln in lines if ln.strip())
    assert len(articles) + len(reader.problems) == nonblank, \
        f"{nonblank} lines gave {len(articles)} articles and {len(reader.problems)} problems"
    for p in reader.problems:
        assert str(p).startswith(f"{f}:"), f"a problem that names no line: {p}"
    for a in articles:
        Literal("x", lang=a.language)  # raises on a tag RDF does not accept


def run_output(rng: random.Random) -> None:
    import os

    from kg import fileio
    from kg.fileio import TMP_MARK, atomic_write

    folder = WORK / f"out{rng.randrange(1000)}"
    folder.mkdir(exist_ok=True)
    for old in folder.iterdir():
        old.unlink()
    victim = WORK / "victim"
    victim.write_bytes(b"precious")
    name = "g" + "".join(rng.choice(CONTROLS + ["a", "ب", " ", "-", "."]) for _ in range(rng.randint(0, 6))) + ".ttl"
    name = name.replace("/", "_").replace("\x00", "_")  # the two bytes no file name can hold
    target = folder / name

    def plant():
        for tail in [str(os.getpid()), f"{os.getpid()}-", f"{rng.randrange(1 << 20)}"]:  # predictable names, and others
            link = folder / f".{name}{TMP_MARK}{tail}"
            if not os.path.lexists(link):
                link.symlink_to(victim)

    def clean_then_plant(t):  # the links appear right after the stale-file clean-up, as in a race
        removed = clean(t)
        plant()
        return removed

    plant()
    data = rand_text(rng, 200).encode("utf-8", errors="surrogatepass")
    clean, fileio.clean_stale_temps = fileio.clean_stale_temps, clean_then_plant
    try:
        atomic_write(target, data)
    finally:
        fileio.clean_stale_temps = clean
    assert victim.read_bytes() == b"precious", "a write went through a planted link"
    assert target.read_bytes() == data and not target.is_symlink(), "the target does not hold the bytes written"


def run_terminal(rng: random.Random) -> None:
    import io

    from kg.cli import _Console, shown

    text = "".join(rng.choice(CONTROLS) if rng.random() < 0.3 else rand_char(rng) for _ in range(rng.randrange(80)))
    visible = shown(text)
    bad = [c for c in visible if (ord(c) < 0x20 and c not in "\n\t") or 0x7F <= ord(c) < 0xA0]
    assert not bad, f"control characters left: {bad!r}"
    buf = io.StringIO()
    _Console(file=buf, force_terminal=False, highlight=False, markup=False, soft_wrap=True, width=120).print(text)
    printed = buf.getvalue()
    assert "\x1b" not in printed and "\x07" not in printed and "\x9b" not in printed, "an escape reached the terminal"


# ------------------------------------------------------------------ the run
DATA: Data


def one_input(seed: int, i: int) -> tuple[str, dict, object]:
    """Input ``i`` of ``seed``: (kind, description for the crash file, function running it)."""
    rng = random.Random(f"{seed}/{i}")
    r = rng.random()
    if r < 0.08:
        lines = jsonl_input(rng)
        return "jsonl", {"bytes": [b"\n".join(lines) + b"\n"]}, lambda: run_jsonl(lines)
    if r < 0.12:
        return "output", {"text": f"random state of input {seed}/{i}"}, lambda: run_output(random.Random(f"{seed}/{i}/out"))
    if r < 0.16:
        return "terminal", {"text": f"input {seed}/{i}"}, lambda: run_terminal(random.Random(f"{seed}/{i}/term"))
    if r < 0.37:
        text = rand_text(rng, 400) if rng.random() < 0.7 else soup(rng, DATA, 30)
        return "normalize", {"text": text}, lambda: check_normalize(text)
    if r < 0.58:
        expr = date_expression(rng, DATA)
        text = rng.choice(["", rand_text(rng, 20), soup(rng, DATA, 8)]) + " " + expr + " " + \
            rng.choice(["", rand_text(rng, 20), soup(rng, DATA, 8)])
        pub, future = publication_date(rng), rng.random() < 0.3
        return "dates", {"text": text, "published": pub and pub.isoformat(), "future": future}, \
            lambda: check_dates(text, pub, future)
    # one article, or a few whose events may merge across them
    made = [article_input(rng, DATA) for _ in range(1 if rng.random() < 0.8 else rng.randint(2, 3))]
    raws, pubs, datelines = [m[0] for m in made], [m[1] for m in made], [m[2] for m in made]
    return "article", {"bytes": raws, "published": [p and p.isoformat() for p in pubs], "dateline": datelines,
                       "how": [m[3] for m in made]}, lambda: run_articles(raws, pubs, datelines)


def save_crash(directory: Path, kind: str, seed: int, i: int, desc: dict, exc: BaseException) -> str:
    """Write the input and its traceback; returns the crash's signature."""
    tb = traceback.extract_tb(exc.__traceback__)
    inner = next((f for f in reversed(tb) if "/kg/" in f.filename), tb[-1] if tb else None)
    where = f"{Path(inner.filename).name}:{inner.lineno}" if inner else "?"
    signature = f"{type(exc).__name__} at {where}: {str(exc)[:80]}"
    tag = hashlib.sha1(signature.encode()).hexdigest()[:10]
    directory.mkdir(parents=True, exist_ok=True)
    if len(list(directory.glob(f"{kind}-{tag}-*.json"))) >= KEEP_PER_CRASH:
        return signature
    name = f"{kind}-{tag}-{seed}-{i}"
    meta = {k: v for k, v in desc.items() if k not in ("bytes", "text")}
    if "bytes" in desc:
        meta["input"] = [f"{name}-{k}.bin" for k in range(len(desc["bytes"]))]
        for raw, file in zip(desc["bytes"], meta["input"]):
            (directory / file).write_bytes(raw)
    else:
        (directory / f"{name}.txt").write_text(desc["text"], encoding="utf-8", errors="surrogatepass")
        meta["input"] = f"{name}.txt"
    meta.update(kind=kind, seed=seed, index=i, signature=signature,
                traceback="".join(traceback.format_exception(exc)))
    (directory / f"{name}.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")
    return signature


def replay(path: Path) -> int:
    """Run one saved crash again and show what happens."""
    meta = json.loads(path.read_text(encoding="utf-8"))
    if meta["kind"] == "jsonl":
        run_jsonl((path.parent / meta["input"][0]).read_bytes().split(b"\n")[:-1])
        print("no crash")
        return 0
    if meta["kind"] in ("output", "terminal"):  # generated from the seed and index alone
        _, _, run = one_input(meta["seed"], meta["index"])
        run()
        print("no crash")
        return 0
    if meta["kind"] == "article":
        pubs = [dt.date.fromisoformat(p) if p else None for p in meta["published"]]
        run_articles([(path.parent / f).read_bytes() for f in meta["input"]], pubs, meta["dateline"])
        print("no crash")
        return 0
    data = path.parent / meta["input"]
    pub = dt.date.fromisoformat(meta["published"]) if meta.get("published") else None
    if meta["kind"] == "dates":
        check_dates(data.read_text(encoding="utf-8"), pub, meta.get("future", False))
    else:
        check_normalize(data.read_text(encoding="utf-8"))
    print("no crash")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--inputs", type=int, default=100_000, help="how many inputs to run")
    ap.add_argument("--seed", type=int, default=1, help="the run's seed: the same seed gives the same inputs")
    ap.add_argument("--start", type=int, default=0, help="index of the first input (to rerun one)")
    ap.add_argument("--crashes", type=Path, default=Path("/tmp/kg-fuzz-crashes"), help="where crashing inputs go")
    ap.add_argument("--every", type=int, default=10_000, help="a progress line every this many inputs")
    ap.add_argument("--replay", type=Path, help="run one saved crash (its .json) again")
    args = ap.parse_args(argv)

    global DATA, WORK
    DATA = Data()
    import tempfile
    WORK = Path(tempfile.mkdtemp(prefix="kg-fuzz-"))
    if args.replay:
        return replay(args.replay)
    counts = {"normalize": 0, "dates": 0, "article": 0, "jsonl": 0, "output": 0, "terminal": 0}
    crashes, rejected = 0, 0
    signatures: dict[str, int] = {}
    slowest = (0.0, -1, "")
    began = time.perf_counter()
    for n, i in enumerate(range(args.start, args.start + args.inputs), 1):
        kind, desc, run = one_input(args.seed, i)
        counts[kind] += 1
        t0 = time.perf_counter()
        try:
            if run() is False:
                rejected += 1
        except Exception as exc:  # noqa: BLE001 - every exception is a finding
            crashes += 1
            sig = save_crash(args.crashes, kind, args.seed, i, desc, exc)
            if sig not in signatures:
                print(f"crash at input {i} ({kind}): {sig}", flush=True)
            signatures[sig] = signatures.get(sig, 0) + 1
        took = time.perf_counter() - t0
        if took > slowest[0]:
            slowest = (took, i, kind)
        if n % args.every == 0:
            print(f"{n} inputs, {crashes} crashes, {rejected} rejected, {time.perf_counter() - began:.0f} s",
                  flush=True)
    seconds = time.perf_counter() - began
    import shutil
    shutil.rmtree(WORK, ignore_errors=True)
    print(f"kinds: {', '.join(f'{k} {v}' for k, v in counts.items())}; rejected by decode {rejected}; "
          f"slowest input {slowest[1]} ({slowest[2]}) {slowest[0]:.2f} s")
    for sig, count in sorted(signatures.items(), key=lambda kv: -kv[1]):
        print(f"  {count} x {sig}")
    if crashes:
        print(f"crashing inputs in {args.crashes} (rerun one with --replay FILE.json)")
    print(f"inputs {args.inputs}, crashes {crashes}, seconds {seconds:.1f}")
    return 1 if crashes else 0


if __name__ == "__main__":
    sys.exit(main())
