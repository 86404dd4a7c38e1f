"""Events to an rdflib Graph: deterministic IRIs, no blank nodes."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Iterable, Iterator
from urllib.parse import quote

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, PROV, RDF, RDFS, SKOS, XSD

from . import EXTRACTOR_VERSION, __version__
from .models import Article, DateValue, Entity, Event, Mention
from .vocab import ACTOR_CLASSES, EVENT_CLASSES, ID, KG, SDO, SEM, STATUS, WD

DATE_TYPES = {"day": XSD.date, "month": XSD.gYearMonth, "year": XSD.gYear}
ENTITY_PATHS = {"Person": "person", "Country": "country", "Organization": "org", "Place": "place"}


def _h(text: str, n: int = 12) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:n]


def new_graph() -> Graph:
    g = Graph()
    for prefix, ns in (("kg", KG._NS), ("kgid", ID), ("wd", WD), ("owl", OWL), ("rdfs", RDFS),
                       ("xsd", XSD), ("prov", PROV), ("schema", SDO), ("sem", SEM), ("skos", SKOS)):
        g.bind(prefix, ns, override=True, replace=True)
    return g


def entity_iri(e: Entity) -> URIRef:
    """Wikidata-linked entities are named by their Q-id, the others by a hash of their key."""
    path = ENTITY_PATHS[e.kind]
    if e.wikidata:
        return ID[f"{path}/{e.wikidata}"]
    return ID[f"{path}/n-{_h(e.key)}"]


def article_iri(article_id: str) -> URIRef:
    return ID["article/" + quote(article_id, safe="")]


def event_key(family: str, participant_keys: list[str], status: str) -> str:
    """The part of an event's identity that does not depend on its date."""
    return _h("|".join([family, *sorted(participant_keys), status]), 10)


def event_iri(e: Event) -> URIRef:
    """From stable keys: type family, sorted participants, date or, undated, the article and the offset of its
    first telling there (and status when planned)."""
    key = event_key(e.family, [p.key for p in e.participants], e.status)
    # an undated event is known only from its article and where the article first tells it:
    # two undated articles, or two places of one article, may tell two events of one pair
    if e.date:
        date = e.date.value
    else:
        first = min(e.mentions, key=lambda m: (m.article_id, m.start))
        date = f"undated/{quote(first.article_id, safe='')}/{first.start}"
    suffix = "-planned" if e.status == "planned" else ""
    return ID[f"event/{e.family}/{date}/{key}{suffix}"]


def mention_iri(m: Mention, event: URIRef) -> URIRef:
    return ID[f"mention/{quote(m.article_id, safe='')}/{m.start}-{m.end}/{_h(str(event), 8)}"]


def date_literal(d: DateValue) -> Literal:
    return Literal(d.value, datatype=DATE_TYPES[d.precision])


def duration_literal(minutes: int) -> Literal:
    h, m = divmod(minutes, 60)
    text = "PT" + (f"{h}H" if h else "") + (f"{m}M" if m or not h else "")
    return Literal(text, datatype=XSD.duration)


@dataclass
class BuildInfo:
    """What the build node records."""

    inputs: list[tuple[str, str]] = field(default_factory=list)  # (path, sha256)
    articles_read: int = 0
    articles_skipped: int = 0
    data_as_of: str | None = None
    build_time: str | None = None


def entity_triples(e: Entity) -> Iterator[tuple]:
    """An actor's or place's own triples: the same whichever event names it."""
    node = entity_iri(e)
    yield node, RDF.type, ACTOR_CLASSES[e.kind]
    if e.label_en:
        yield node, RDFS.label, Literal(e.label_en, lang="en")
    if e.label_ar:
        yield node, RDFS.label, Literal(e.label_ar, lang="ar")
    if not e.label_en and not e.label_ar:
        yield node, RDFS.label, Literal(e.key)
    if e.wikidata:
        yield node, OWL.sameAs, WD[e.wikidata]


def add_entity(g: Graph, e: Entity) -> URIRef:
    g.addN((s, p, o, g) for s, p, o in entity_triples(e))
    return entity_iri(e)


def article_triples(a: Article) -> Iterator[tuple]:
    node = article_iri(a.id)
    yield node, RDF.type, KG.Article
    yield node, KG.articleId, Literal(a.id)
    if a.published:
        yield node, KG.published, Literal(a.published.isoformat(), datatype=XSD.date)
    for prop, value in ((KG.url, a.url), (KG.outlet, a.outlet), (KG.title, a.title), (KG.language, a.language)):
        if value:
            yield node, prop, Literal(value)
    if a.sha256:
        yield node, KG.sha256, Literal(a.sha256)


def add_article(g: Graph, a: Article) -> URIRef:
    g.addN((s, p, o, g) for s, p, o in article_triples(a))
    return article_iri(a.id)


def event_entities(e: Event) -> Iterator[Entity]:
    """The actors and places an event's node links to."""
    yield from e.participants
    if e.place:
        yield e.place
    if e.organizer:
        yield e.organizer


def event_triples(e: Event) -> Iterator[tuple]:
    """The event node's own triples (its links to actors, articles and mentions included)."""
    node = event_iri(e)
    yield node, RDF.type, EVENT_CLASSES[e.type]
    yield node, KG.status, STATUS[e.status]
    names = " – ".join(p.label for p in e.participants)
    yield node, RDFS.label, Literal(f"{e.type}: {names}" + (f", {e.date}" if e.date else ""), lang="en")
    if e.date:
        yield node, KG.date, date_literal(e.date)
    for p in e.participants:
        pn = entity_iri(p)
        yield node, KG.participant, pn
        role = e.roles.get(p.key)
        if role == "host":
            yield node, KG.host, pn
        elif role == "visitor":
            yield node, KG.visitor, pn
    if e.place:
        yield node, KG.place, entity_iri(e.place)
    if e.organizer:
        yield node, KG.organizer, entity_iri(e.organizer)
    if e.duration_minutes:
        yield node, KG.duration, duration_literal(e.duration_minutes)
    for m in e.mentions:
        yield node, KG.source, article_iri(m.article_id)
        yield node, KG.mention, mention_iri(m, node)


def alt_label_triples(participants) -> Iterator[tuple]:
    """The Arabic forms a mention names its participants by, as their skos:altLabel."""
    for p in participants:
        if p.surface and p.surface != p.label_ar:
            yield entity_iri(p), SKOS.altLabel, Literal(p.surface, lang="ar")


def mention_triples(m: Mention, event: URIRef, lang: str) -> Iterator[tuple]:
    """A mention node's triples; ``lang`` is its article's language."""
    mn = mention_iri(m, event)
    yield mn, RDF.type, KG.Mention
    yield mn, KG.article, article_iri(m.article_id)
    yield mn, KG.evidence, Literal(m.evidence, lang=lang)
    if m.trigger:
        yield mn, KG.trigger, Literal(m.trigger, lang=lang)
    yield mn, KG.startOffset, Literal(m.start)
    yield mn, KG.endOffset, Literal(m.end)
    yield mn, KG.extractorVersion, Literal(EXTRACTOR_VERSION)


def add_event(g: Graph, e: Event, languages: dict[str, str]) -> URIRef:
    node = event_iri(e)
    g.addN((s, p, o, g) for s, p, o in event_triples(e))
    for ent in event_entities(e):
        add_entity(g, ent)
    for m in e.mentions:
        g.addN((s, p, o, g) for s, p, o in alt_label_triples(m.participants))
        lang = languages.get(m.article_id) or "ar"
        g.addN((s, p, o, g) for s, p, o in mention_triples(m, node, lang))
    return node


def build_triples(info: BuildInfo, event_count: int) -> Iterator[tuple]:
    """The build record and its input files."""
    digest = _h("|".join(f"{p}:{s}" for p, s in sorted(info.inputs)) + __version__, 16)
    node = ID[f"build/{digest}"]
    yield node, RDF.type, KG.Build
    yield node, KG.kgVersion, Literal(__version__)
    yield node, KG.extractorVersion, Literal(EXTRACTOR_VERSION)
    yield node, KG.articlesRead, Literal(info.articles_read)
    yield node, KG.articlesSkipped, Literal(info.articles_skipped)
    yield node, KG.eventCount, Literal(event_count)
    if info.data_as_of:
        yield node, KG.dataAsOf, Literal(info.data_as_of, datatype=XSD.date)
    if info.build_time:
        yield node, KG.buildTime, Literal(info.build_time, datatype=XSD.dateTime)
    for path, sha in sorted(info.inputs):
        inp = ID[f"input/{sha}"]
        yield inp, RDF.type, KG.InputFile
        yield inp, KG.path, Literal(path)
        yield inp, KG.sha256, Literal(sha)
        yield node, KG.input, inp


def add_build(g: Graph, info: BuildInfo, event_count: int) -> URIRef:
    triples = list(build_triples(info, event_count))
    g.addN((s, p, o, g) for s, p, o in triples)
    return triples[0][0]


def events_graph(events: list[Event], articles: list[Article], build: BuildInfo | None = None) -> Graph:
    """The RDF graph of events, the articles they come from and the build that made them."""
    g = new_graph()
    languages = {a.id: a.language or "ar" for a in articles}
    for a in articles:
        add_article(g, a)
    for e in events:
        add_event(g, e, languages)
    if build is not None:
        add_build(g, build, len(events))
    return g



MENTIONS_PER_CHUNK = 20_000  # a chunk of events also ends, at an IRI, once they have this many mentions


def cut_chunks(rows: Iterable[tuple], events_per_chunk: int) -> Iterator[list]:
    """``rows`` (event IRI, its mentions, item) sorted by IRI, cut into chunks of items: at most
    ``events_per_chunk`` IRIs, all events of one IRI together, and ended once the chunk's events
    have ``MENTIONS_PER_CHUNK`` mentions. An event told by thousands of articles (a summit told
    in passing by every article of a month) brings all of them along: without the second limit,
    a chunk of such events held a share of the corpus that grows with it."""
    chunk: list = []
    nodes = mentions = 0
    last = None
    for node, n, item in rows:
        if node != last:
            if nodes == events_per_chunk or mentions >= MENTIONS_PER_CHUNK:
                yield chunk
                chunk, nodes, mentions = [], 0, 0
            nodes, last = nodes + 1, node
        chunk.append(item)
        mentions += n
    if chunk:
        yield chunk


def chunk_triples(events: list[Event], articles: list[Article], actors: dict) -> Iterator[tuple]:
    """The triples of some events, their mentions and their articles, and ``actors``' triples
    (gathered from every event, as the whole graph holds them): one of ``EventTriples.chunks``."""
    languages = {a.id: a.language or "ar" for a in articles}
    for a in articles:
        yield from article_triples(a)
    for e in events:
        node = event_iri(e)
        yield from event_triples(e)
        for m in e.mentions:
            yield from mention_triples(m, node, languages.get(m.article_id) or "ar")
    for s, preds in actors.items():
        for p, objs in preds.items():
            yield from ((s, p, o) for o in objs)


class EventTriples:
    """The triples ``events_graph`` would hold, told subject by subject without building that graph.

    Only an index is kept: which events, mentions and articles each subject comes from,
    and the few triples of actors and of the build. A subject's triples are made again
    from the events whenever they are asked for, so memory grows with the merged events,
    not with the triples or the size of the output. ``kg build`` keeps the same on disk
    instead (``kg.spill.SpilledGraph``, which answers the same calls).
    """

    def __init__(self, events: list[Event], articles: list[Article], build: BuildInfo | None = None):
        self.events, self.article_list, self.build = events, articles, build
        self.languages = {a.id: a.language or "ar" for a in articles}
        self.articles: dict[URIRef, list[Article]] = {}
        self.event_nodes: dict[URIRef, list[int]] = {}
        self.mentions: dict[URIRef, list[tuple[int, int]]] = {}
        self.fixed: dict[URIRef, dict] = {}  # actors and the build: few, and shared by many events
        for a in articles:
            self.articles.setdefault(article_iri(a.id), []).append(a)
        # an actor's triples depend only on the entity (its surface form only on the alternative label),
        # and a few thousand actors recur in every event: each is made once
        actors: set = set()
        for i, e in enumerate(events):
            node = event_iri(e)
            self.event_nodes.setdefault(node, []).append(i)
            for ent in event_entities(e):
                if ent not in actors:
                    actors.add(ent)
                    self._keep(entity_triples(ent))
            for j, m in enumerate(e.mentions):
                self.mentions.setdefault(mention_iri(m, node), []).append((i, j))
                for p in m.participants:
                    if (p, p.surface) not in actors:
                        actors.add((p, p.surface))
                        self._keep(alt_label_triples((p,)))
        if build is not None:
            self._keep(build_triples(build, len(events)))

    def _keep(self, triples) -> None:
        for s, p, o in triples:
            self.fixed.setdefault(s, {}).setdefault(p, set()).add(o)

    def subjects(self) -> set:
        return {*self.articles, *self.event_nodes, *self.mentions, *self.fixed}

    def __contains__(self, s) -> bool:
        return s in self.fixed or s in self.event_nodes or s in self.mentions or s in self.articles

    def triples(self, s: URIRef) -> Iterator[tuple]:
        """Every triple whose subject is ``s``, possibly more than once."""
        for a in self.articles.get(s, ()):
            yield from article_triples(a)
        for i in self.event_nodes.get(s, ()):
            yield from event_triples(self.events[i])
        for i, j in self.mentions.get(s, ()):
            e = self.events[i]
            m = e.mentions[j]
            yield from mention_triples(m, event_iri(e), self.languages.get(m.article_id) or "ar")
        for p, objs in self.fixed.get(s, {}).items():
            yield from ((s, p, o) for o in objs)

    def chunks(self, events_per_chunk: int) -> Iterator[tuple[list, list, dict]]:
        """Plain data for ``chunk_triples``: runs of ``events_per_chunk`` event IRIs at most (all events
        of one IRI together, ``cut_chunks``) with the articles and the actors' triples they link to, so that each
        chunk is closed over what the shapes look at, as ``kg.validate.batches`` cuts a graph."""
        for events in cut_chunks(self._by_node(), events_per_chunk):
            arts = {article_iri(m.article_id) for e in events for m in e.mentions}
            actors = {entity_iri(x) for e in events for x in event_entities(e)}
            yield (events, [a for node in sorted(arts) for a in self.articles.get(node, ())],
                   {node: self.fixed[node] for node in sorted(actors)})

    def _by_node(self) -> Iterator[tuple]:
        for node in sorted(self.event_nodes):
            for i in self.event_nodes[node]:
                yield node, len(self.events[i].mentions), self.events[i]

    def chunk_count(self, events_per_chunk: int) -> int:
        return sum(1 for _ in cut_chunks(self._by_node(), events_per_chunk))

    def rest(self) -> list[tuple]:
        """The triples no event reaches (the build record, actors only named in a mention, ...),
        with what they link to."""
        reached = {*self.event_nodes, *self.mentions}
        for e in self.events:
            reached.update(article_iri(m.article_id) for m in e.mentions)
            reached.update(entity_iri(x) for x in event_entities(e))
        todo, seen, triples = sorted(s for s in self.subjects() if s not in reached), set(), []
        while todo:
            n = todo.pop()
            if n in seen:
                continue
            seen.add(n)
            for _, p, o in self.triples(n):
                triples.append((n, p, o))
                if isinstance(o, URIRef) and p != RDF.type and o in self:
                    todo.append(o)
        return triples

    def rest_parts(self) -> list[list[tuple]]:
        return [self.rest()]

    def all_events(self) -> list[Event]:
        return self.events

    def all_articles(self) -> list[Article]:
        return self.article_list

    def described(self, order: str = "term") -> Iterator[tuple[URIRef, dict]]:
        """Every subject once with ``describe(s)``, sorted as ``export.term_key`` sorts IRIs
        (``order="term"``) or as N-Triples lines sort (``"nt"``)."""
        key = str if order == "term" else (lambda s: f"{s}> ")
        for s in sorted(self.subjects(), key=key):
            yield s, self.describe(s)

    def spool(self):
        from .spill import Spool

        return Spool()

    def graph(self) -> Graph:
        """The one Graph of it all, for what only rdflib writes (RDF/XML)."""
        return events_graph(self.events, self.article_list, self.build)

    def describe(self, s: URIRef) -> dict:
        """``s``'s predicates, each with the set of its objects."""
        preds: dict = {}
        for _, p, o in self.triples(s):
            preds.setdefault(p, set()).add(o)
        return preds
