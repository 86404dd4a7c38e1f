"""Events to an rdflib Graph: deterministic IRIs, no blank nodes."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
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


def add_entity(g: Graph, e: Entity) -> URIRef:
    node = entity_iri(e)
    g.add((node, RDF.type, ACTOR_CLASSES[e.kind]))
    if e.label_en:
        g.add((node, RDFS.label, Literal(e.label_en, lang="en")))
    if e.label_ar:
        g.add((node, RDFS.label, Literal(e.label_ar, lang="ar")))
    if not e.label_en and not e.label_ar:
        g.add((node, RDFS.label, Literal(e.key)))
    if e.wikidata:
        g.add((node, OWL.sameAs, WD[e.wikidata]))
    return node


def add_article(g: Graph, a: Article) -> URIRef:
    node = article_iri(a.id)
    g.add((node, RDF.type, KG.Article))
    g.add((node, KG.articleId, Literal(a.id)))
    if a.published:
        g.add((node, KG.published, Literal(a.published.isoformat(), datatype=XSD.date)))
    for prop, value in ((KG.url, a.url), (KG.outlet, a.outlet), (KG.title, a.title), (KG.language, a.language)):
        if value:
            g.add((node, prop, Literal(value)))
    if a.sha256:
        g.add((node, KG.sha256, Literal(a.sha256)))
    return node


def add_event(g: Graph, e: Event, languages: dict[str, str]) -> URIRef:
    node = event_iri(e)
    g.add((node, RDF.type, EVENT_CLASSES[e.type]))
    g.add((node, KG.status, STATUS[e.status]))
    names = " – ".join(p.label for p in e.participants)
    g.add((node, RDFS.label, Literal(f"{e.type}: {names}" + (f", {e.date}" if e.date else ""), lang="en")))
    if e.date:
        g.add((node, KG.date, date_literal(e.date)))
    for p in e.participants:
        pn = add_entity(g, p)
        g.add((node, KG.participant, pn))
        role = e.roles.get(p.key)
        if role == "host":
            g.add((node, KG.host, pn))
        elif role == "visitor":
            g.add((node, KG.visitor, pn))
    if e.place:
        g.add((node, KG.place, add_entity(g, e.place)))
    if e.organizer:
        g.add((node, KG.organizer, add_entity(g, e.organizer)))
    if e.duration_minutes:
        g.add((node, KG.duration, duration_literal(e.duration_minutes)))
    for m in e.mentions:
        for p in m.participants:
            if p.surface and p.surface != p.label_ar:
                g.add((entity_iri(p), SKOS.altLabel, Literal(p.surface, lang="ar")))
        art = article_iri(m.article_id)
        g.add((node, KG.source, art))
        mn = mention_iri(m, node)
        g.add((node, KG.mention, mn))
        g.add((mn, RDF.type, KG.Mention))
        g.add((mn, KG.article, art))
        lang = languages.get(m.article_id) or "ar"
        g.add((mn, KG.evidence, Literal(m.evidence, lang=lang)))
        if m.trigger:
            g.add((mn, KG.trigger, Literal(m.trigger, lang=lang)))
        g.add((mn, KG.startOffset, Literal(m.start)))
        g.add((mn, KG.endOffset, Literal(m.end)))
        g.add((mn, KG.extractorVersion, Literal(EXTRACTOR_VERSION)))
    return node


def add_build(g: Graph, info: BuildInfo, event_count: int) -> URIRef:
    digest = _h("|".join(f"{p}:{s}" for p, s in sorted(info.inputs)) + __version__, 16)
    node = ID[f"build/{digest}"]
    g.add((node, RDF.type, KG.Build))
    g.add((node, KG.kgVersion, Literal(__version__)))
    g.add((node, KG.extractorVersion, Literal(EXTRACTOR_VERSION)))
    g.add((node, KG.articlesRead, Literal(info.articles_read)))
    g.add((node, KG.articlesSkipped, Literal(info.articles_skipped)))
    g.add((node, KG.eventCount, Literal(event_count)))
    if info.data_as_of:
        g.add((node, KG.dataAsOf, Literal(info.data_as_of, datatype=XSD.date)))
    if info.build_time:
        g.add((node, KG.buildTime, Literal(info.build_time, datatype=XSD.dateTime)))
    for path, sha in sorted(info.inputs):
        inp = ID[f"input/{sha}"]
        g.add((inp, RDF.type, KG.InputFile))
        g.add((inp, KG.path, Literal(path)))
        g.add((inp, KG.sha256, Literal(sha)))
        g.add((node, KG.input, inp))
    return node


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

