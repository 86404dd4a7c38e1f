"""Plain data passed between the pipeline's steps: articles, mentions, events."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

PRECISIONS = ("year", "month", "day")

# Event types, grouped in the families that decide which mentions may merge.
EVENT_TYPES = ("PhoneCall", "VideoCall", "Call", "Visit", "Meeting", "Summit")
FAMILY = {
    "PhoneCall": "call", "VideoCall": "call", "Call": "call",
    "Visit": "meeting", "Meeting": "meeting",
    "Summit": "summit",
}
GENERIC = {"call": "Call", "meeting": "Meeting", "summit": "Summit"}

OCCURRED = "occurred"
LEADER_ROLES = ("head_of_state", "head_of_government", "leader", "crown_prince")  # who leads a country
PLANNED = "planned"


@dataclass(frozen=True, order=True)
class DateValue:
    """A date as precise as the text states it.

    >>> DateValue.parse("2025-01").precision
    'month'
    >>> DateValue.parse("2025-01").compatible(DateValue.parse("2025-01-21"))
    True
    """

    value: str  # YYYY, YYYY-MM or YYYY-MM-DD

    @property
    def precision(self) -> str:
        return PRECISIONS[self.value.count("-")]

    @classmethod
    def parse(cls, text: str) -> "DateValue":
        text = str(text).strip()
        parts = text.split("-")
        if not 1 <= len(parts) <= 3 or not all(p.isdigit() for p in parts) or len(parts[0]) != 4:
            raise ValueError(f"not a YYYY, YYYY-MM or YYYY-MM-DD date: {text!r}")
        nums = [int(p) for p in parts] + [1] * (3 - len(parts))
        dt.date(*nums)  # raises on impossible dates such as 2025-02-30
        return cls("-".join([parts[0]] + [f"{int(p):02d}" for p in parts[1:]]))

    def at_most_month(self) -> "DateValue":
        """A day as its month (a summit lasts days); a month or a year as it is."""
        return DateValue(self.value[:7]) if self.precision == "day" else self

    @classmethod
    def of(cls, year: int, month: int | None = None, day: int | None = None) -> "DateValue":
        """A date of the precision given; raises on impossible dates, day or month 0 included.

        >>> DateValue.of(2026, 2, 0)
        Traceback (most recent call last):
        ...
        ValueError: day is out of range for month
        """
        dt.date(year, 1 if month is None else month, 1 if day is None else day)
        if month is None:
            return cls(f"{year:04d}")
        if day is None:
            return cls(f"{year:04d}-{month:02d}")
        return cls(f"{year:04d}-{month:02d}-{day:02d}")

    def compatible(self, other: "DateValue") -> bool:
        """True when one date is a refinement of the other (2025 ~ 2025-01 ~ 2025-01-21)."""
        a, b = self.value, other.value
        return a.startswith(b) or b.startswith(a)

    def near(self, other: "DateValue", days: int = 7) -> bool:
        """One refines the other, or both are days at most ``days`` apart (a visit lasts days).

        >>> DateValue.parse("2025-01-20").near(DateValue.parse("2025-01-26"))
        True
        """
        if self.compatible(other):
            return True
        return self.precision == other.precision == "day" and abs((self.start() - other.start()).days) <= days

    def start(self) -> dt.date:
        parts = [int(p) for p in self.value.split("-")] + [1, 1]
        return dt.date(*parts[:3])

    def __str__(self) -> str:
        return self.value


def dates_near(a: DateValue | None, b: DateValue | None, days: int = 7) -> bool:
    """Dates that may be one event's: either unknown, or near (``DateValue.near``)."""
    return a is None or b is None or a.near(b, days)


@dataclass(frozen=True)
class Entity:
    """A participant, place or organization, linked to Wikidata when known."""

    key: str  # the gazetteer id ("Q7747", "name:...") or "name:<normalized Arabic>"
    kind: str  # Person, Country, Organization, Place
    label_en: str | None = None
    label_ar: str | None = None
    wikidata: str | None = None
    surface: str | None = field(default=None, compare=False)  # the form the text used

    @property
    def label(self) -> str:
        return self.label_en or self.label_ar or self.key


@dataclass
class Article:
    """One news article with the metadata dates are resolved against."""

    id: str
    text: str
    published: dt.date | None = None
    language: str | None = None
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    source: str = ""  # file (and line) it came from
    sha256: str = ""
    error: str | None = None  # why extraction failed, when it did: the article is reported and skipped


@dataclass
class Mention:
    """One textual mention of an event in one article."""

    article_id: str
    type: str  # one of EVENT_TYPES, or "Talks" (a call or a meeting, not yet known)
    participants: tuple[Entity, ...]
    evidence: str
    start: int
    end: int
    trigger: str = ""
    date: DateValue | None = None
    place: Entity | None = None
    status: str = OCCURRED
    roles: dict[str, str] = field(default_factory=dict)  # entity key -> host|visitor
    organizer: Entity | None = None
    duration_minutes: int | None = None
    published: dt.date | None = None
    partial: bool = False  # fewer participants than the type needs: only joins an event
    weak_place: bool = False  # the place is the article's dateline, not told of this event
    place_country: str | None = None  # the country of the place, to tell two undated events apart
    invited: frozenset = frozenset()  # participants who are there as inviters ("تلبية لدعوة من Y")
    told_day: int | None = None  # an undated article's "أمس" (-1), "اليوم" (0): to tell two undated events apart
    recalled: bool = False  # told as earlier than the report ("وكان ... قد", "سبق أن")

    @property
    def family(self) -> str:
        return FAMILY.get(self.type, "talks")

    @property
    def contact(self) -> tuple[str, frozenset]:
        """Which contact the mention tells, its date aside: the family and the participants' keys."""
        return self.family, frozenset(p.key for p in self.participants)


@dataclass
class Event:
    """A real-world event: the merge of one or more mentions."""

    type: str
    participants: tuple[Entity, ...]
    date: DateValue | None
    status: str
    mentions: list[Mention]
    place: Entity | None = None
    roles: dict[str, str] = field(default_factory=dict)
    organizer: Entity | None = None
    duration_minutes: int | None = None

    @property
    def family(self) -> str:
        return FAMILY[self.type]

    @property
    def sources(self) -> list[str]:
        return sorted({m.article_id for m in self.mentions})
