"""Events read back from a graph file, as the plain records `kg events` prints."""

from __future__ import annotations

from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from .vocab import EVENT_CLASSES, KG

TYPE_OF = {v: k for k, v in EVENT_CLASSES.items()}
# the most specific type wins when a tool asserted superclasses too
SPECIFICITY = ["PhoneCall", "VideoCall", "Visit", "Summit", "Call", "Meeting"]


def label(g: Graph, node, lang: str | None = None) -> str | None:
    best = {}
    for lit in g.objects(node, RDFS.label):
        best.setdefault(getattr(lit, "language", None), str(lit))
    if lang:
        return best.get(lang)
    return best.get("en") or best.get("ar") or best.get(None) or (next(iter(best.values())) if best else None)


def wikidata_of(g: Graph, node) -> str | None:
    for same in sorted(g.objects(node, OWL.sameAs)):
        s = str(same)
        if "wikidata.org/entity/" in s:
            return s.rsplit("/", 1)[-1]
    return None


def entity_record(g: Graph, node) -> dict:
    """label: the English label of a Wikidata-linked entity; otherwise the fullest form the
    articles used (what an annotator most likely wrote down), else the stored label."""
    qid = wikidata_of(g, node)
    forms = {str(x) for x in g.objects(node, SKOS.altLabel)}
    if forms and label(g, node, "ar"):
        forms.add(label(g, node, "ar"))
    surfaces = sorted(forms, key=lambda s: (-len(s), s))
    best = label(g, node, "en") if qid else (surfaces[0] if surfaces else None)
    if not best:
        best = label(g, node)
    return {"label": best or str(node), "label_ar": label(g, node, "ar"), "wikidata": qid}


def event_type(g: Graph, node) -> str | None:
    types = {TYPE_OF[t] for t in g.objects(node, RDF.type) if t in TYPE_OF}
    for t in SPECIFICITY:
        if t in types:
            return t
    return None


def events(g: Graph) -> list[dict]:
    """Every event in the graph with type, status, date, participants, place and sources."""
    out = []
    nodes = {s for t in EVENT_CLASSES.values() for s in g.subjects(RDF.type, t)}
    for node in sorted(nodes):
        status = g.value(node, KG.status)
        date = g.value(node, KG.date)
        place = g.value(node, KG.place)
        sources = sorted({str(g.value(a, KG.articleId) or str(a).rsplit("/", 1)[-1]) for a in g.objects(node, KG.source)})
        participants = sorted((entity_record(g, p) for p in g.objects(node, KG.participant)),
                              key=lambda r: (r["label"], r["wikidata"] or ""))
        roles = {}
        for prop, role in ((KG.host, "host"), (KG.visitor, "visitor")):
            for p in g.objects(node, prop):
                roles[label(g, p) or str(p)] = role
        for p in participants:
            if p["label"] in roles:
                p["role"] = roles[p["label"]]
        evidence = []
        for m in sorted(g.objects(node, KG.mention)):
            text = g.value(m, KG.evidence)
            art = g.value(m, KG.article)
            if text is not None:
                evidence.append({"source": str(g.value(art, KG.articleId) or art), "text": str(text)})
        duration = g.value(node, KG.duration)
        out.append({
            "id": str(node),
            "type": event_type(g, node),
            "status": str(status).rsplit("#", 1)[-1] if status is not None else None,
            "date": str(date) if date is not None else None,
            "participants": participants,
            "place": entity_record(g, place) if isinstance(place, URIRef) else None,
            "duration": str(duration) if duration is not None else None,
            "sources": sources,
            "evidence": evidence,
        })
    out.sort(key=lambda e: (e["date"] or "", e["type"] or "", e["id"]))
    return out
