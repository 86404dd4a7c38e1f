"""The ontology's terms, named once (kept in sync with ontology/kg.ttl by a test)."""

from pathlib import Path

from rdflib import Namespace
from rdflib.namespace import OWL, PROV, RDF, RDFS, XSD, DefinedNamespace, SKOS

ONTOLOGY_DIR = Path(__file__).resolve().parent.parent / "ontology"
ONTOLOGY_FILE = ONTOLOGY_DIR / "kg.ttl"
SHAPES_FILE = ONTOLOGY_DIR / "shapes.ttl"

BASE = "https://w3id.org/kg-events/"
ID = Namespace(BASE + "id/")
WD = Namespace("http://www.wikidata.org/entity/")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
SDO = Namespace("https://schema.org/")


class KG(DefinedNamespace):
    """kg ontology terms; a typo such as KG.Sumit raises instead of minting a new IRI."""

    _NS = Namespace(BASE + "ontology#")
    _fail = True

    # classes
    Event: object
    Call: object
    PhoneCall: object
    VideoCall: object
    Meeting: object
    Visit: object
    Summit: object
    Actor: object
    Person: object
    Country: object
    Organization: object
    Place: object
    Article: object
    Mention: object
    Build: object
    InputFile: object
    EventStatus: object
    # individuals
    occurred: object
    planned: object
    # event properties
    participant: object
    host: object
    visitor: object
    organizer: object
    date: object
    place: object
    duration: object
    status: object
    source: object
    mention: object
    # mention (provenance) properties
    article: object
    evidence: object
    trigger: object
    startOffset: object
    endOffset: object
    extractorVersion: object
    # article properties
    articleId: object
    published: object
    url: object
    outlet: object
    title: object
    language: object
    # actor properties
    country: object
    # build properties
    kgVersion: object
    buildTime: object
    dataAsOf: object
    input: object
    sha256: object
    path: object
    articlesRead: object
    articlesSkipped: object
    eventCount: object
    # annotation properties
    cameoCode: object
    ploverMode: object


EVENT_CLASSES = {
    "Call": KG.Call, "PhoneCall": KG.PhoneCall, "VideoCall": KG.VideoCall,
    "Meeting": KG.Meeting, "Visit": KG.Visit, "Summit": KG.Summit,
}
ACTOR_CLASSES = {
    "Person": KG.Person, "Country": KG.Country,
    "Organization": KG.Organization, "Place": KG.Place,
}
STATUS = {"occurred": KG.occurred, "planned": KG.planned}

# The prefixes every export and query uses, always bound to the same namespaces.
PREFIXES = {
    "kg": str(KG._NS), "kgid": str(ID), "wd": str(WD), "rdf": str(RDF), "rdfs": str(RDFS), "owl": str(OWL),
    "xsd": str(XSD), "prov": str(PROV), "schema": str(SDO), "sem": str(SEM), "skos": str(SKOS),
}
