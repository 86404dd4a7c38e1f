"""Date expressions in Arabic news, resolved against the publication date.

Our own grammar (data in ``kg/data/ar/dates.json``) handles the common forms:
full dates, month and year, a month or a day and month alone, weekdays with
their markers (يوم الثلاثاء، أمس الثلاثاء، غدا الخميس), relative days, months
and years, Egyptian, Levantine and Maghreb month names, paired names
(سبتمبر/أيلول), Eastern Arabic digits and Hijri dates given with their
Gregorian equivalent. dateparser is the fallback for date-like spans the
grammar does not know (for example French month names in Maghreb text).

Everything here works on normalized text (see ``normalize``).
"""

from __future__ import annotations

import bisect
import datetime as dt
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import ahocorasick

from ..models import DateValue
from .normalize import alternation, normalize

DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "ar" / "dates.json"
REACH = 48  # characters around an anchor word that a date expression can span
DIGITS = re.compile(r"\d+")


@dataclass(frozen=True)
class DateMention:
    """A date expression found in text, not yet resolved."""

    start: int
    end: int
    kind: str  # abs, day_month, day_of_month, month, weekday, rel_day, rel_week, rel_month, rel_year, month_rel_year, same_day,
    # same_month, same_year
    # (same_day with offset 1: "the next day")
    value: DateValue | None = None
    year: int | None = None
    month: int | None = None
    day: int | None = None
    offset: int = 0  # days / months / years for the relative kinds
    weekday: int | None = None
    direction: str = ""  # "", "past", "next" (weekday qualifiers), "today" (اليوم الأربعاء)

    @property
    def relative(self) -> bool:
        return self.kind != "abs"

    def resolve(self, published: dt.date | None, future: bool = False) -> DateValue | None:
        """The date this expression denotes for an article published on ``published``.

        A month or weekday alone is the latest one not after publication, or
        the next one when the sentence speaks of the future. Without a
        publication date, relative expressions stay unresolved.
        """
        if self.kind == "abs":
            return self.value
        if published is None or self.kind in ("same_day", "same_month", "same_year"):
            return None  # "the same day", "the same year" are resolved by the reader of the whole article
        try:
            return _RESOLVERS[self.kind](self, published, future)
        except (ValueError, OverflowError):
            return None


def _resolve_day_month(m: DateMention, pub: dt.date, future: bool) -> DateValue:
    """The latest such day not after publication (the next one from it, in the future); 29 February
    is looked for in the years around publication until one has it."""
    step = 1 if future else -1
    year = pub.year
    for _ in range(9):  # a 29 February comes at least every eight years
        cand = _safe_date(year, m.month, m.day)
        if cand is not None and (cand >= pub if future else cand <= pub):
            return DateValue.of(cand.year, cand.month, cand.day)
        year += step
    raise ValueError(f"no {m.day}/{m.month} near {pub}")


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _resolve_month(m: DateMention, pub: dt.date, future: bool) -> DateValue:
    year = pub.year
    if future and m.month < pub.month:
        year += 1
    elif not future and (m.month > pub.month or (m.month == pub.month and m.direction == "past")):
        year -= 1  # "نوفمبر الماضي" said in November is last year's
    return DateValue.of(year, m.month)


def _resolve_weekday(m: DateMention, pub: dt.date, future: bool) -> DateValue:
    if m.offset or m.direction == "today":  # أمس الثلاثاء, غدا الخميس, اليوم الأربعاء: the marker decides
        d = pub + dt.timedelta(days=m.offset)
        # ... unless its weekday is one off: the publication date is a day from the writer's (a time kept
        # in UTC, a page dated when it went online), and the weekday the writer saw is the day meant
        skew = (m.weekday - d.weekday()) % 7
        d += dt.timedelta(days=1 if skew == 1 else -1 if skew == 6 else 0)
        if not future and m.offset <= 0:
            d = min(d, pub)  # what happened is not after the page it is told on
        return DateValue.of(d.year, d.month, d.day)
    delta_back = (pub.weekday() - m.weekday) % 7
    if m.direction == "next" or (future and m.direction != "past"):
        ahead = (m.weekday - pub.weekday()) % 7
        if ahead == 0 and m.direction != "today":  # "سيزور الخميس" said on a Thursday: next week's
            ahead = 7
        d = pub + dt.timedelta(days=ahead)
    else:
        if m.direction == "past" and delta_back == 0:
            delta_back = 7
        d = pub - dt.timedelta(days=delta_back)
    return DateValue.of(d.year, d.month, d.day)


def _resolve_rel_day(m: DateMention, pub: dt.date, future: bool) -> DateValue:
    d = pub + dt.timedelta(days=m.offset)
    return DateValue.of(d.year, d.month, d.day)


def _resolve_day_of_month(m: DateMention, pub: dt.date, future: bool) -> DateValue:
    """"12 من الشهر الجاري": that day of the month of publication (or of the month before)."""
    index = pub.year * 12 + pub.month - 1 + m.offset
    return DateValue.of(index // 12, index % 12 + 1, dt.date(index // 12, index % 12 + 1, m.day).day)


def _resolve_rel_month(m: DateMention, pub: dt.date, future: bool) -> DateValue:
    index = pub.year * 12 + pub.month - 1 + m.offset
    return DateValue.of(index // 12, index % 12 + 1)


def _resolve_rel_week(m: DateMention, pub: dt.date, future: bool) -> DateValue:
    """"الأسبوع الماضي": the month of the day a week before publication, never an invented day."""
    d = pub + dt.timedelta(days=7 * m.offset)
    return DateValue.of(d.year, d.month)


def _resolve_rel_year(m: DateMention, pub: dt.date, future: bool) -> DateValue:
    return DateValue.of(pub.year + m.offset)


def _resolve_month_rel_year(m: DateMention, pub: dt.date, future: bool) -> DateValue:
    """"أبريل من العام الماضي": that month (and day, if told) of the year before publication."""
    return DateValue.of(pub.year + m.offset, m.month, m.day)


_RESOLVERS = {
    "day_month": _resolve_day_month,
    "month": _resolve_month,
    "weekday": _resolve_weekday,
    "rel_day": _resolve_rel_day,
    "day_of_month": _resolve_day_of_month,
    "rel_month": _resolve_rel_month,
    "rel_week": _resolve_rel_week,
    "rel_year": _resolve_rel_year,
    "month_rel_year": _resolve_month_rel_year,
}


class DateGrammar:
    """Compiled patterns for the date forms described in ``dates.json``."""

    def __init__(self, data: dict):
        self.month_of = {normalize(w): int(k) for k, ws in data["months"].items() for w in ws}
        self.weekday_of = {normalize(w): int(k) for k, ws in data["weekdays"].items() for w in ws}
        self.month_ctx = {normalize(w) for w in data["months_need_context"]}
        self.weekday_ctx = {normalize(w) for w in data["weekdays_need_context"]}
        self.rel_days = {normalize(k): v for k, v in data["relative_days"].items()}
        self.rel_months = {normalize(k): v for k, v in data["relative_months"].items()}
        self.rel_weeks = {normalize(k): v for k, v in data["relative_weeks"].items()}
        self.rel_years = {normalize(k): v for k, v in data["relative_years"].items()}
        self.days_ago = {normalize(k): v for k, v in data["days_ago"].items()}
        self.ordinal_day = {normalize(k): v for k, v in data["ordinal_days"].items()}
        self.this_month = {normalize(k): v for k, v in data["this_month"].items()}
        self.past = {normalize(w) for w in data["weekday_past"]}
        # "اليوم الثاني (للقمة)", "ثاني أيام القمة": the ordinals of a day, without their article
        self.day_ordinals = {normalize(w).removeprefix("ال") for w in data.get("day_ordinals", [])}
        self.month_after = {normalize(w) for w in data["weekday_past"] + data["weekday_next"]}
        marker_offsets = {normalize(w): 0 for w in data["weekday_markers"]}
        for word, off in self.rel_days.items():
            marker_offsets[word] = off
        self.marker_offset = marker_offsets

        b, e = r"(?<![\w])[وبلف]?", r"(?![\w])"
        mon = "(?:" + alternation(w for ws in data["months"].values() for w in ws) + ")"
        pair = rf"(?P<m1>{mon})(?:\s*[/(\-]\s*(?P<m2>{mon})\s*\)?)?"
        yword = "(?:" + alternation(data["year_words"]) + r")\s+"
        qual = "(?:" + alternation(data["month_qualifiers"]) + ")"
        wd = "(?:" + alternation(w for ws in data["weekdays"].values() for w in ws) + ")"
        marker = "(?:" + alternation(list(data["weekday_markers"]) + list(data["relative_days"])) + ")"
        wq = "(?:" + alternation(data["weekday_past"] + data["weekday_next"]) + ")"
        hijri = "(?:" + alternation(data["hijri_months"]) + ")"
        hsuf = "(?:" + alternation(data["hijri_suffix"]) + ")"
        rel = lambda d: "(?:" + alternation(d.keys()) + ")"  # noqa: E731
        self.patterns: list[tuple[str, re.Pattern]] = [
            ("same_day", re.compile(rf"(?<![\w])[وبلف]?(?:في\s+)?(?:{alternation(data.get('same_day', []))}){e}")),
            ("same_month", re.compile(rf"(?<![\w])[وبلف]?(?:في\s+)?(?:{alternation(data.get('same_month', []))}){e}")),
            ("next_day", re.compile(rf"(?<![\w])[وبلف]?(?:في\s+)?(?:{alternation(data.get('next_day', []))}){e}")),
            ("hijri", re.compile(rf"(?<!\d)\d{{1,2}}\s+(?:من\s+)?{hijri}\s+(?:\d{{3,4}})(?:\s*{hsuf}{e})?")),
            ("iso", re.compile(r"(?<!\d)(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?!\d)")),
            ("dmy_num", re.compile(r"(?<![\d/.\-])(?P<d>\d{1,2})(?P<sep>[/.\-])(?P<m>\d{1,2})(?P=sep)(?P<y>\d{4})(?!\d)")),
            ("ymd_num", re.compile(r"(?<![\d/.])(?P<y>\d{4})[/.](?P<m>\d{1,2})[/.](?P<d>\d{1,2})(?![\d/.])")),
            ("day_range", re.compile(rf"(?<!\d)(?:يومي\s+|بين\s+)?(?P<d>\d{{1,2}})\s*(?:و|-|–|الى|حتى)\s*\d{{1,2}}\s*(?:من\s+)?{b}{pair}{e}(?:\s*(?:من\s+)?(?:{yword})?(?P<y>\d{{4}})(?!\d))?")),
            # "في يونيو من العام نفسه": the month of the year told last (resolved by the reader of the article)
            ("month_same_year", re.compile(rf"(?:(?P<q>{qual})\s+)?(?:(?:(?<!\d)(?P<d>\d{{1,2}})\s*|(?<![\w])[وبلف]?(?P<od>{rel(self.ordinal_day)}){e}\s+)"
                                           rf"(?:من\s+)?(?:شهر\s+)?)?{b}{pair}{e}"
                                           rf"\s*[,،]?\s*(?:من\s+)?(?:في\s+)?(?:{alternation(data.get('same_year', []))}){e}")),
            # "في الثالث من مارس (2025)", "12 من الشهر الجاري"
            ("ordinal", re.compile(rf"(?<![\w])[وبلف]?(?P<od>{rel(self.ordinal_day)}){e}\s+(?:من\s+)?(?:شهر\s+)?{b}{pair}{e}"
                                   rf"(?:\s*,?،?\s*(?:من\s+)?(?:{yword})?(?P<y>\d{{4}})(?!\d))?")),
            ("full", re.compile(rf"(?<!\d)(?P<d>\d{{1,2}})\s*(?:من\s+)?(?:شهر\s+)?{b}{pair}{e}\s*,?،?\s*(?:من\s+)?(?:{yword})?(?P<y>\d{{4}})(?!\d)")),
            ("mdy", re.compile(rf"{b}{pair}{e}\s+(?P<d>\d{{1,2}})\s*[,،]\s*(?P<y>\d{{4}})(?!\d)")),
            ("month_year", re.compile(rf"(?:(?P<q>{qual})\s+)?{b}{pair}{e}\s*[,،]?\s*(?:من\s+)?(?:{yword})?(?P<y>\d{{4}})(?!\d)")),
            # "في أبريل من العام الماضي", "5 مارس من العام الجاري": the month of a year told relative to publication
            ("month_rel_year", re.compile(rf"(?:(?P<q>{qual})\s+)?(?:(?<!\d)(?P<d>\d{{1,2}})\s*(?:من\s+)?(?:شهر\s+)?)?{b}{pair}{e}"
                                          rf"\s*[,،]?\s*(?:من\s+)?(?:ال)?(?P<r>{rel(self.rel_years)}){e}")),
            ("day_month", re.compile(rf"(?<!\d)(?P<d>\d{{1,2}})\s*(?:من\s+)?(?:شهر\s+)?{b}{pair}{e}")),
            ("day_this_month", re.compile(rf"(?<!\d)(?P<d>\d{{1,2}})\s+(?:من\s+)?(?P<r>{rel(self.this_month)}){e}")),
            # "في العاشر من الشهر الجاري": an ordinal day of a month told relative to publication
            ("ordinal_this_month", re.compile(rf"(?<![\w])[وبلف]?(?P<od>{rel(self.ordinal_day)}){e}\s+(?:من\s+)?"
                                              rf"(?P<r>{rel(self.this_month)}){e}")),
            ("days_ago", re.compile(rf"(?<![\w])[وبلف]?(?P<r>{rel(self.days_ago)}){e}(?!\s+من(?![\w]))")),
            ("weekday", re.compile(rf"(?:(?<![\w])[وف]?(?P<mk>{marker})\s+(?:(?:يوم|ال)\s*)?)?(?<![\w])[وبلف]?(?P<wd>{wd}){e}(?:\s+(?P<wq>{wq}){e})?")),
            ("month", re.compile(rf"(?:(?P<q>{qual})\s+)?{b}{pair}{e}")),
            ("rel_year", re.compile(rf"(?<![\w])[وبلف]?(?:ال)?(?P<r>{rel(self.rel_years)}){e}")),
            ("rel_month", re.compile(rf"(?<![\w])[وبلف]?(?P<r>{rel(self.rel_months)}){e}")),
            ("rel_week", re.compile(rf"(?<![\w])[وبلف]?(?P<r>{rel(self.rel_weeks)}){e}")),
            ("year", re.compile(rf"(?<![\w])[وبلف]?(?:(?:{yword})|(?:(?:في|منذ|خلال|ربيع|صيف|خريف|شتاء)\s+(?:{yword})?))(?P<y>\d{{4}})(?!\d)")),
            # "في اليوم الأول من الزيارة" is a day of the visit, not today
            ("rel_day", re.compile(rf"(?<![\w])[وبلف]?(?P<r>{rel(self.rel_days)}){e}"
                                   rf"(?!\s+(?:{alternation(data.get('day_ordinals', []))}){e})")),
        ]
        self.loose = re.compile(r"(?<!\d)\d{1,2}\s+[^\W\d_]{3,12}\s+\d{4}(?!\d)")
        # "الخميس الموافق 15 مايو": what may stand between a weekday and the date it is told with
        self.date_link = re.compile(rf"[\s,،]*(?:(?:{alternation(data['gregorian_links'])})(?![\w])\s*)?")
        self.date_follows = re.compile(self.date_link.pattern + r"(?:\d{1,2}\s*(?:من\s+)?\S+|\d{4}[-/]\d)")
        # every form starts at, or within a few words of, one of these: only look around them
        anchors = (list(w for ws in data["months"].values() for w in ws)
                   + list(w for ws in data["weekdays"].values() for w in ws)
                   + list(data["relative_days"]) + list(data["relative_months"]) + list(data["relative_years"])
                   + list(data["relative_weeks"]) + list(data["days_ago"])
                   + list(data.get("same_day", [])) + list(data.get("next_day", [])) + list(data["hijri_months"])
                   + list(data.get("same_month", [])))
        self.anchor_words = ahocorasick.Automaton()
        for w in {" ".join(normalize(x).split()) for x in anchors}:
            self.anchor_words.add_word(w, len(w))
        self.anchor_words.make_automaton()
        self.needs, self.gate = _gates(data, {"rel_day": self.rel_days, "rel_month": self.rel_months,
                                              "rel_week": self.rel_weeks, "rel_year": self.rel_years,
                                              "days_ago": self.days_ago})

    def find(self, text: str) -> list[DateMention]:
        """All date expressions in normalized ``text``, longest and most specific first."""
        # spans already used, disjoint, kept sorted: a new span is checked against its two
        # neighbours only, so an article full of dates costs n log n, not n squared
        starts: list[int] = []
        ends: list[int] = []
        found: list[DateMention] = []

        def free(s: int, e: int) -> bool:
            i = bisect.bisect_right(starts, s)
            return (i == 0 or ends[i - 1] <= s) and (i == len(starts) or e <= starts[i])

        def take(s: int, e: int) -> None:
            i = bisect.bisect_right(starts, s)
            starts.insert(i, s)
            ends.insert(i, e)

        regions: list[list[int]] = []
        spots = sorted([(end - length + 1, end + 1) for end, length in self.anchor_words.iter(text)]
                       + [m.span() for m in DIGITS.finditer(text)])
        for s0, e0 in spots:
            a, b = max(0, s0 - REACH), min(len(text), e0 + REACH)
            if regions and a <= regions[-1][1]:
                regions[-1][1] = max(regions[-1][1], b)
            else:
                regions.append([a, b])
        present = self._present(text, regions, spots)
        for kind, pat in self.patterns:
            need = self.needs[kind]
            for m in (x for (a, b), have in zip(regions, present) if need in have for x in pat.finditer(text, a, b)):
                s, e = m.span()
                if not free(s, e):
                    continue
                dm = self._make(kind, m, text)
                if dm is False:
                    continue
                take(s, e)
                if dm is not None:
                    found.append(dm)
        for m in (x for (a, b), have in zip(regions, present) if "digit" in have for x in self.loose.finditer(text, a, b)):
            s, e = m.span()
            if free(s, e):
                value = parse_loose(m.group(0))
                if value is not None and value.precision == "day":
                    take(s, e)
                    found.append(DateMention(s, e, "abs", value=value))
        found.sort(key=lambda d: d.start)
        return found

    def _present(self, text: str, regions: list[list[int]], spots: list[tuple[int, int]]) -> list[set[str]]:
        """For each region, the kinds of words in it that a form needs (a month name, a weekday,
        a digit, ...): a pattern runs only over the regions that hold what it cannot match without."""
        present: list[set[str]] = [set() for _ in regions]
        starts = [a for a, _ in regions]

        def mark(s: int, e: int, kinds) -> None:
            k = bisect.bisect_right(starts, s) - 1
            if k >= 0 and e <= regions[k][1]:
                present[k].update(kinds)

        for end, kinds in self.gate.iter(text):
            mark(end + 1 - kinds[0], end + 1, kinds[1])
        for s, e in spots:
            if text[s].isdigit():
                mark(s, e, ("digit",))
        return present

    def _make(self, kind: str, m: re.Match, text: str):
        """Build a DateMention; None consumes the span without a date; False rejects."""
        s, e = m.span()
        g = m.groupdict()
        try:
            if kind == "hijri":
                return None
            if kind == "same_month":  # "في الشهر نفسه": the month told last
                return DateMention(s, e, "same_month")
            if kind in ("same_day", "next_day"):  # "في اليوم التالي": the day after the last one told
                return DateMention(s, e, "same_day", offset=int(kind == "next_day"))
            if kind in ("iso", "dmy_num", "ymd_num"):
                return DateMention(s, e, "abs", value=DateValue.of(int(g["y"]), int(g["m"]), int(g["d"])))
            month = self.month_of.get(_squash(g.get("m1") or ""))
            if kind in ("full", "mdy"):
                return DateMention(s, e, "abs", value=DateValue.of(int(g["y"]), month, int(g["d"])))
            if kind == "month_year":
                if not _plausible_year(g["y"]):
                    return False
                return DateMention(s, e, "abs", value=DateValue.of(int(g["y"]), month))
            if kind == "day_range":  # "يومي 22 و23 جانفي": it starts on the first day
                if g.get("y"):
                    return DateMention(s, e, "abs", value=DateValue.of(int(g["y"]), month, int(g["d"])))
                dt.date(2024, month, int(g["d"]))
                return DateMention(s, e, "day_month", month=month, day=int(g["d"]))
            if kind in ("month_same_year", "month_rel_year"):  # "في العاشر من فبراير من العام نفسه"
                day = int(g["d"]) if g.get("d") else self.ordinal_day[_squash(g["od"])] if g.get("od") else None
                if day is not None:
                    dt.date(2024, month, day)
                if kind == "month_same_year":
                    return DateMention(s, e, "same_year", month=month, day=day)
                return DateMention(s, e, kind, month=month, day=day, offset=self.rel_years[_squash(g["r"])])
            if kind == "day_month":
                dt.date(2024, month, int(g["d"]))  # 29 February is possible
                return DateMention(s, e, "day_month", month=month, day=int(g["d"]))
            if kind in ("ordinal", "ordinal_this_month") and re.search(
                    r"(?:الاسبوع|النصف|الربع|العقد|الثلث)\s*$", text[max(0, s - 12):s]):
                return False  # "الأسبوع الأول من مارس" is no day
            if kind == "ordinal":
                day = self.ordinal_day[_squash(g["od"])]
                if g.get("y"):
                    return DateMention(s, e, "abs", value=DateValue.of(int(g["y"]), month, day))
                dt.date(2024, month, day)
                return DateMention(s, e, "day_month", month=month, day=day)
            if kind in ("day_this_month", "ordinal_this_month"):
                day = int(g["d"]) if kind == "day_this_month" else self.ordinal_day[_squash(g["od"])]
                return DateMention(s, e, "day_of_month", day=day, offset=self.this_month[_squash(g["r"])])
            if kind == "days_ago":
                return DateMention(s, e, "rel_day", offset=self.days_ago[_squash(g["r"])])
            if kind == "month":
                word = _squash(g["m1"])
                if word in self.month_ctx and not (g.get("q") or g.get("m2") or self._month_context(text, s, e)):
                    return False
                after = re.match(r"\s+(\S+)", text[e:e + 15])
                past = "past" if after and after.group(1).strip("،,.") in self.past else ""
                return DateMention(s, e, "month", month=month, direction=past)
            if kind == "weekday":
                return self._weekday(m, g, text)
            if kind == "year":
                if not _plausible_year(g["y"]):
                    return False
                return DateMention(s, e, "abs", value=DateValue.of(int(g["y"])))
            table = {"rel_day": self.rel_days, "rel_month": self.rel_months, "rel_year": self.rel_years,
                     "rel_week": self.rel_weeks}[kind]
            return DateMention(s, e, kind, offset=table[_squash(g["r"])])
        except (ValueError, TypeError, KeyError):
            return False

    def _month_context(self, text: str, s: int, e: int) -> bool:
        """"في مارس", "مارس الماضي": a month name that is also a word ("مارس" practised) is a month
        after "في" or before "the last" / "the next"."""
        after = text[e:e + 12].split()[:1]
        before = text[max(0, s - 4):s].split()[-1:]
        return bool(after and after[0].strip("،,.") in self.month_after) or before == ["في"]

    def _weekday(self, m: re.Match, g: dict, text: str):
        s, e = m.span()
        word = _squash(g["wd"])
        marker = _squash(g["mk"]) if g.get("mk") else None
        qualifier = _squash(g["wq"]) if g.get("wq") else None
        if word in self.weekday_ctx and not (marker or qualifier):
            # "الاثنين" is also "the two": a date only with a marker, a date after it,
            # or set off by commas ("بحث الرئيس، الأحد، ...")
            appositive = re.search(r"[,،(]\s*[وف]?$", text[max(0, s - 3):s]) and re.match(r"\s*[,،)]", text[e:e + 3])
            # "وصل الملك الأحد إلى طوكيو", "استهل جولته الاثنين من مدينة جدة": a weekday before a preposition of
            # place is a day too
            before_place = re.match(r"\s+(?:الي|الى|إلى|في|فى|من\s+(?:مدينه|العاصمه))\s", text[e:e + 16])
            # "التقيا في عشق آباد الجمعة.": a weekday that ends the sentence is a day (not the end of a
            # stay: "تستمر حتى الجمعة.")
            at_end = re.match(r"\s*(?:[.!؟]|$)", text[e:e + 3]) and not re.search(r"(?:حتي|لغايه|الي)\s+$", text[max(0, s - 8):s])
            # "والجمعة، شارك X في القمة": a weekday opening a sentence, set off by a comma
            opening = re.search(r"(?:^|[\n.!؟]\s*)$", text[max(0, s - 3):s]) and re.match(r"\s*[,،]", text[e:e + 3])
            if not appositive and not before_place and not at_end and not opening \
                    and not re.match(r"[\s,،]*\d{1,2}\s", text[e:e + 6]):
                return False
        if self.date_follows.match(text, e, e + 28):
            # "الخميس 8 مايو 2025": the explicit date that follows decides
            follow = self.find_after(text, e)
            if follow:
                return False
        direction = ""
        if qualifier:
            direction = "past" if qualifier in self.past else "next"
        elif marker is not None and self.rel_days.get(marker) == 0:
            direction = "today"  # "سيلتقي اليوم الأربعاء" said on a Wednesday is that very day
        offset = self.marker_offset.get(marker, 0) if marker else 0
        return DateMention(s, e, "weekday", weekday=self.weekday_of[word], offset=offset, direction=direction)

    def find_after(self, text: str, pos: int) -> bool:
        """True when an explicit day date starts right after ``pos``."""
        tail = text[pos:pos + 48]
        for kind in ("full", "iso", "dmy_num", "ymd_num", "day_month"):
            m = dict(self.patterns)[kind].search(tail)
            if m and self.date_link.fullmatch(tail, 0, m.start()):
                return True
        return False


def _gates(data: dict, relative: dict[str, dict]) -> tuple[dict[str, str], "ahocorasick.Automaton"]:
    """What each pattern cannot match without (a word of one of its forms, or a digit), and an
    automaton that finds those words: every word of every form, as written and normalized."""
    month_forms = [w for ws in data["months"].values() for w in ws]
    words = {
        "month": month_forms,
        "weekday": [w for ws in data["weekdays"].values() for w in ws],
        "hijri": list(data["hijri_months"]),
        "same_day": list(data.get("same_day", [])),
        "same_month": list(data.get("same_month", [])),
        "next_day": list(data.get("next_day", [])),
        **{kind: list(table) for kind, table in relative.items()},
    }
    needs = {"same_day": "same_day", "same_month": "same_month", "next_day": "next_day", "hijri": "hijri", "iso": "digit", "dmy_num": "digit", "ymd_num": "digit", "year": "digit",
             "day_range": "month", "full": "month", "mdy": "month", "month_year": "month", "month_rel_year": "month", "month_same_year": "month", "day_month": "month",
             "month": "month", "weekday": "weekday", "rel_year": "rel_year", "rel_month": "rel_month",
             "rel_week": "rel_week", "rel_day": "rel_day", "ordinal": "month", "day_this_month": "rel_month", "ordinal_this_month": "rel_month",
             "days_ago": "days_ago"}
    table: dict[str, set[str]] = {}
    for kind, forms in words.items():
        for f in forms:
            for w in f.split() + normalize(f).split():
                table.setdefault(w, set()).add(kind)
    gate = ahocorasick.Automaton()
    for w, kinds in table.items():
        gate.add_word(w, (len(w), tuple(sorted(kinds))))
    gate.make_automaton()
    return needs, gate


def _squash(word: str) -> str:
    return re.sub(r"\s+", " ", word.strip())


def _plausible_year(y: str) -> bool:
    return 1900 <= int(y) <= 2100


@lru_cache(maxsize=1)
def grammar() -> DateGrammar:
    """The date grammar built from the shipped data (loaded once)."""
    with open(DATA_FILE, encoding="utf-8") as fh:
        return DateGrammar(json.load(fh))


def find_dates(text: str) -> list[DateMention]:
    """Date expressions in normalized text.

    >>> [d.resolve(dt.date(2025, 1, 21)).value for d in find_dates(normalize("في 3 يوليو 2024"))]
    ['2024-07-03']
    >>> [d.resolve(dt.date(2026, 2, 4)).value for d in find_dates(normalize("في سبتمبر/أيلول"))]
    ['2025-09']
    >>> [d.resolve(dt.date(2025, 1, 21)).value for d in find_dates(normalize("يوم الجمعة"))]
    ['2025-01-17']
    """
    return grammar().find(text)


@lru_cache(maxsize=4096)
def parse_loose(text: str) -> DateValue | None:
    """Parse a date-like string with dateparser; the precision is what it reports.

    >>> parse_loose("21 janvier 2025")
    DateValue(value='2025-01-21')
    """
    from dateparser.date import DateDataParser  # lazily: loading its language data costs time

    text = text.strip()
    if not text:
        return None
    parser = _date_data_parser(DateDataParser)
    try:
        data = parser.get_date_data(text)
    except Exception:  # dateparser raises assorted errors on odd input
        return None
    if data is None or data.date_obj is None:
        return None
    d = data.date_obj
    period = data.period or "day"
    if period == "year":
        return DateValue.of(d.year)
    if period == "month":
        return DateValue.of(d.year, d.month)
    return DateValue.of(d.year, d.month, d.day)


_PARSERS: dict = {}


def _date_data_parser(cls):
    if "p" not in _PARSERS:
        _PARSERS["p"] = cls(
            languages=["ar", "en", "fr"],
            settings={"PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["year"], "RETURN_TIME_AS_PERIOD": False},
        )
    return _PARSERS["p"]


def parse_published(text: str) -> dt.date | None:
    """A publication date from metadata: ISO first, then anything dateparser reads.

    >>> parse_published("2025-01-21T10:00:00+03:00")
    datetime.date(2025, 1, 21)
    >>> parse_published("2025-02-30") is None
    True
    """
    text = str(text).strip()
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$", text)
    if m:
        try:
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
    value = parse_loose(normalize(text)) if re.search(r"[^\d\s]", text) else None
    if value is None or value.precision != "day":
        return None
    return value.start()
