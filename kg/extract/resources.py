"""Load the knowledge kg runs on (gazetteer, lexicon) from data files, once."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from ..errors import DataError
from ..models import Entity
from .normalize import normalize

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
GAZETTEER_DIR = DATA_DIR / "gazetteer"  # names in every language, one entity per entry
LANGUAGE_DIR = DATA_DIR / "ar"  # what is said in one language: lexicon, date grammar, page clutter
LEXICON_FILE = LANGUAGE_DIR / "lexicon.json"

KINDS = ("Country", "Place", "Organization", "Person")
ROLES = (
    "head_of_state", "head_of_government", "leader", "crown_prince",
    "foreign_minister", "defence_minister", "secretary_general", "other",
)
# country codes mostly sold for other uses than the country's web
GENERIC_CODES = frozenset({"ac", "ai", "cc", "co", "fm", "gg", "im", "io", "la", "md", "me", "nu", "sh", "tk", "to", "tv", "ws"})
QID = re.compile(r"^Q[1-9][0-9]*$")


@dataclass
class GazEntry:
    """One gazetteer entry as read from its file."""

    key: str
    kind: str
    en: str
    wikidata: str | None
    ar: list[str]
    ar_short: list[str] = field(default_factory=list)
    demonym_ar: list[str] = field(default_factory=list)
    capital: str | None = None
    executive: str | None = None  # a country's leading office when it is not the head of state's
    country: str | None = None
    place_type: str | None = None
    city: str | None = None  # the city a venue is in
    roles: list[dict] = field(default_factory=list)
    iso2: str | None = None  # a country's ISO 3166 code, for the country a web address is of
    source: str = ""

    def entity(self) -> Entity:
        return Entity(self.key, self.kind, self.en, self.ar[0] if self.ar else None, self.wikidata)


def _as_date(text, end: bool) -> dt.date | None:
    """An ISO date of any precision as the first (or, with end, last) day it covers."""
    if text in (None, ""):
        return None
    parts = [int(p) for p in str(text).split("-")]
    if len(parts) == 1:
        return dt.date(parts[0], 12, 31) if end else dt.date(parts[0], 1, 1)
    if len(parts) == 2:
        if end:
            nxt = dt.date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
            return nxt - dt.timedelta(days=1)
        return dt.date(parts[0], parts[1], 1)
    return dt.date(*parts)


class Gazetteer:
    """Entities by key, with indexes for names, demonyms and roles held over time."""

    def __init__(self, entries: list[GazEntry]):
        self.entries: dict[str, GazEntry] = {}
        for e in entries:
            if e.key in self.entries:
                raise DataError(f"{e.source}: id {e.key!r} is also defined in {self.entries[e.key].source}")
            self.entries[e.key] = e
        self.by_role: dict[tuple[str, str], list[tuple[dt.date, dt.date | None, str]]] = {}
        for e in self.entries.values():
            for r in e.roles:
                start = _as_date(r.get("from"), end=False) or dt.date(1900, 1, 1)
                stop = _as_date(r.get("to"), end=True)
                self.by_role.setdefault((r["role"], r["country"]), []).append((start, stop, e.key))
        self._entities = {k: e.entity() for k, e in self.entries.items()}
        self.by_iso2 = {e.iso2.upper(): e.key for e in self.entries.values() if e.kind == "Country" and e.iso2}

    def entity(self, key: str) -> Entity:
        return self._entities[key]

    def holder(self, role: str, country: str, on: dt.date | None) -> str | None:
        """Who held ``role`` for ``country`` on a date (None when unknown or ambiguous)."""
        spans = self.by_role.get((role, country), [])
        if on is None:
            current = [k for s, e, k in spans if e is None]
            return current[0] if len(set(current)) == 1 else None
        keys = {k for s, e, k in spans if s <= on and (e is None or on <= e)}
        return keys.pop() if len(keys) == 1 else None

    def roles_of(self, key: str, on: dt.date | None) -> list[tuple[str, str]]:
        entry = self.entries.get(key)
        if entry is None:
            return []
        out = []
        for r in entry.roles:
            start = _as_date(r.get("from"), end=False) or dt.date(1900, 1, 1)
            stop = _as_date(r.get("to"), end=True)
            if on is None or (start <= on and (stop is None or on <= stop)):
                out.append((r["role"], r["country"]))
        return out

    def era(self, keys) -> dt.date | None:
        """A day on which most of these persons held office at once: when an undated article names its
        people, their terms tell when it was written. The middle of the latest stretch of days with
        the most of them in office (half a year into it when that stretch has not ended)."""
        spans = []
        for key in sorted(set(keys)):
            entry = self.entries.get(key)
            for r in (entry.roles if entry else []):
                start = _as_date(r.get("from"), end=False)
                if start is not None:
                    spans.append((key, start, _as_date(r.get("to"), end=True)))
        if not spans:
            return None
        cuts = sorted({s for _, s, _ in spans} | {e + dt.timedelta(days=1) for _, _, e in spans if e})
        best = None
        for k, day in enumerate(cuts):
            count = len({key for key, s, e in spans if s <= day and (e is None or day <= e)})
            if best is None or count >= best[0]:
                best = (count, k)
        k = best[1]
        start = cuts[k]
        if k + 1 < len(cuts):
            return start + (cuts[k + 1] - start) / 2
        return start + dt.timedelta(days=182)

    def country_key(self, key: str) -> str | None:
        """The country a place is in (a country is its own)."""
        entry = self.entries.get(key)
        if entry is None:
            return None
        return key if entry.kind == "Country" else entry.country

    def home_of(self, url: str | None) -> str | None:
        """The country whose web a page is on ("www.gov.uk", "dawn.com.pk"): its country-code domain
        (".uk" is GB; ".gov" the United States), not one of the codes sold for other uses (".tv", ".io")."""
        host = urlsplit(url or "").hostname or ""
        top = host.rsplit(".", 1)[-1]
        if top == "gov":
            return self.by_iso2.get("US")
        if len(top) != 2 or top in GENERIC_CODES:
            return None
        return self.by_iso2.get("GB" if top == "uk" else top.upper())

    def site(self, key: str) -> str:
        """Where a place is for an event: a venue's city (the Kremlin is Moscow), else the place."""
        e = self.entries.get(key)
        return e.city if e is not None and e.city in self.entries else key

    def leader_roles(self, country: str) -> tuple[str, ...]:
        """The roles whose holder is "the leader" of ``country``, first found first: its paramount
        leader, then its head of state and head of government, in the order its `executive` says."""
        e = self.entries.get(country)
        if e is not None and e.executive == "head_of_government":
            return ("leader", "head_of_government", "head_of_state")
        if e is not None and e.executive == "head_of_state":  # Iran: its president meets, not its Supreme Leader
            return ("head_of_state", "head_of_government", "leader")
        return ("leader", "head_of_state", "head_of_government")

    def monarchy(self, country: str) -> bool:
        """Whether the country has crown princes: its head of state is a king, an emir or a sultan."""
        return ("crown_prince", country) in self.by_role

    def capital_of(self, country: str) -> str | None:
        e = self.entries.get(country)
        return e.capital if e and e.capital in self.entries else None


def _entry_from(raw: dict, kind: str, source: str) -> GazEntry:
    if not isinstance(raw, dict):
        raise DataError(f"{source}: an entry is not a JSON object: {raw!r:.80}")
    missing = [f for f in ("id", "en", "ar") if f not in raw]
    if missing:
        raise DataError(f"{source}: entry {raw.get('id', raw.get('en', '?'))!r} lacks {', '.join(missing)}")
    ar = raw.get("ar") or []
    if isinstance(ar, str) or not all(isinstance(a, str) for a in ar):
        raise DataError(f"{source}: entry {raw['id']!r}: 'ar' must be a list of strings")
    return GazEntry(
        key=str(raw["id"]), kind=kind, en=str(raw["en"]), wikidata=raw.get("wikidata") or None,
        ar=list(ar), ar_short=list(raw.get("ar_short") or []),
        demonym_ar=list(raw.get("demonym_ar") or []), capital=raw.get("capital"), executive=raw.get("executive"),
        country=raw.get("country"), place_type=raw.get("place_type"), city=raw.get("city"),
        roles=list(raw.get("roles") or []), iso2=raw.get("iso2"), source=source,
    )


def read_gazetteer_file(path: Path) -> list[GazEntry]:
    """Entries of one ``kg-gazetteer/1`` file; a malformed file raises DataError naming it."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DataError(f"{path}: not a readable gazetteer file ({exc})") from exc
    if not isinstance(data, dict) or data.get("kind") not in KINDS or not isinstance(data.get("entries"), list):
        raise DataError(f"{path}: expected {{\"format\": \"kg-gazetteer/1\", \"kind\": one of {KINDS}, \"entries\": [...]}}")
    return [_entry_from(raw, data["kind"], str(path)) for raw in data["entries"]]


def load_gazetteer(extra_dirs: tuple[Path, ...] = ()) -> Gazetteer:
    """The shipped gazetteer plus any user directories of ``*.json`` gazetteer files."""
    return _load_gazetteer(tuple(str(p) for p in extra_dirs))


@lru_cache(maxsize=8)
def _load_gazetteer(extra_dirs: tuple[str, ...]) -> Gazetteer:
    entries: list[GazEntry] = []
    for d in (GAZETTEER_DIR, *map(Path, extra_dirs)):
        for path in sorted(Path(d).glob("*.json")):
            entries.extend(read_gazetteer_file(path))
    return Gazetteer(entries)


def check_gazetteer(gaz: Gazetteer) -> list[str]:
    """Integrity problems: bad ids, dangling references, bad roles, ambiguous names."""
    problems = []
    owners: dict[str, set[str]] = {}
    for key, e in gaz.entries.items():
        if e.wikidata is not None and not QID.match(e.wikidata):
            problems.append(f"{e.source}: {key}: wikidata {e.wikidata!r} is not a Q-id")
        if e.wikidata and key != e.wikidata:
            problems.append(f"{e.source}: {key}: id should be the Wikidata id {e.wikidata}")
        if not e.wikidata and not key.startswith("name:"):
            problems.append(f"{e.source}: {key}: an entry without wikidata needs an id 'name:<English label>'")
        if not e.ar:
            problems.append(f"{e.source}: {key}: no Arabic name")
        for ref in filter(None, [e.capital, e.country, e.city]):
            if ref not in gaz.entries:
                problems.append(f"{e.source}: {key}: refers to unknown id {ref}")
        for r in e.roles:
            if r.get("role") not in ROLES:
                problems.append(f"{e.source}: {key}: unknown role {r.get('role')!r}")
            if r.get("country") not in gaz.entries:
                problems.append(f"{e.source}: {key}: role country {r.get('country')!r} is not in the gazetteer")
            try:
                start, stop = _as_date(r.get("from"), False), _as_date(r.get("to"), True)
                if start and stop and stop < start:
                    problems.append(f"{e.source}: {key}: role {r.get('role')} ends before it starts")
            except (ValueError, TypeError):
                problems.append(f"{e.source}: {key}: role dates {r.get('from')!r}..{r.get('to')!r} are not ISO dates")
        for name in e.ar:
            owners.setdefault(normalize(name), set()).add(key)
    for name, keys in sorted(owners.items()):
        if len(keys) > 1:
            kinds = {gaz.entries[k].kind for k in keys}
            # a country and its demonym-like place name may share a form; persons may not
            if "Person" in kinds:
                problems.append(f"the name {name!r} belongs to {sorted(keys)}: move it to ar_short")
    return problems


@lru_cache(maxsize=1)
def load_lexicon() -> dict:
    """Triggers, modifiers, titles and cues (``kg/data/ar/lexicon.json``)."""
    with open(LEXICON_FILE, encoding="utf-8") as fh:
        return json.load(fh)
