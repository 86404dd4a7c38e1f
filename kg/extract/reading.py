"""What every stage reads of one article: its text, the language knowledge, and what was told so far.

The stages are functions of this context and of their own plain inputs (hits, names,
triggers, frames); the context carries only what an article-level reader must remember
across sentences (who was named, the last pair of leaders, the last date and visit).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..models import Article, DateValue, Entity, Mention
from .entities import Matcher
from .normalize import NormText
from .resources import Gazetteer
from .text import ArticleText


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
    title_words: dict[str, set[str]] = field(default_factory=dict)  # person -> title words the article gave them
    together: list[frozenset] = field(default_factory=list)  # leaders named as one plural ("رؤساء X وY وZ")


@dataclass
class Reading:
    """One article being read: its text, the matcher (gazetteer, lexicon) and the article's memory."""

    article: Article
    t: ArticleText
    m: Matcher
    state: ArticleState = field(default_factory=ArticleState)
    mentions: list[Mention] = field(default_factory=list)
    last_sentence: int = -10  # the last sentence that told an event
    lead_end: int = -1  # where the article's lead ends (original text), when its first or second sentence tells an event
    lead_sentence: int = -10  # the sentence that ends the lead
    # mentions (by start) told as what came next ("ثم", "وفي وقت لاحق") before any day was told: their sentence
    continuing: dict[int, int] = field(default_factory=dict)
    learned: dict[str, Entity] = field(default_factory=dict)  # persons kg does not know, as the article named them
    dateline: Entity | None = None
    home: str | None = None  # the country of the page's web address ("spa.gov.sa"), if it has one
    phone_only: bool = False
    era: dt.date | None = None  # the day office holders are read on when the article has no date
    name_tokens: set[int] = field(default_factory=set)  # the words of the current sentence that are names
    # shortcuts, read in every rule: plain attributes, not properties
    text: str = field(init=False)
    nt: NormText = field(init=False)
    gaz: Gazetteer = field(init=False)
    lex: dict = field(init=False)

    def __post_init__(self):
        self.text, self.nt = self.t.text, self.t.nt
        self.gaz, self.lex = self.m.gaz, self.m.lex
        self.home = self.gaz.home_of(self.article.url)

    @classmethod
    def of(cls, article: Article, matcher: Matcher) -> "Reading":
        return cls(article, ArticleText.of(article), matcher)

    def office_day(self, date: DateValue | None) -> dt.date | None:
        """The day office holders are looked up on: the event's day; the middle of its month or year when
        that is before publication ("زار العراق في آب 2021" is hosted by the president of August 2021);
        else publication, else the era."""
        if date is None:
            return self.article.published or self.era
        if date.precision == "day":
            return date.start()
        start = date.start()
        middle = start.replace(day=15) if date.precision == "month" else start.replace(month=7, day=1)
        pub = self.article.published
        return middle if pub is not None and middle < pub.replace(day=1) else (pub or middle)
