"""The streamed build writes the bytes of the in-memory graph, and validates as pyshacl does on the whole graph."""

import copy
import dataclasses
from pathlib import Path

import pytest

import kg.build
import kg.graph
from kg.build import Validation, build, serialize, write_result
from kg.fileio import FORMATS
from kg.graph import EventTriples, event_iri
from kg.spill import SpilledGraph
from kg.validate import validate_graph

from .conftest import SEEDS

EXTENSION = {name: exts[0] for name, (_, exts) in FORMATS.items()}


@pytest.fixture(scope="module")
def corpus(synthetic_corpus) -> list[Path]:
    return synthetic_corpus


@pytest.fixture(scope="module")
def built(corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("out") / "graph.ttl"
    result = build(corpus, workers=1, output=out)
    assert result.report.conforms and result.written == "turtle"
    return result, out


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_streamed_output_is_the_in_memory_graph_byte_for_byte(built, fmt, tmp_path):
    result, _ = built
    path = tmp_path / ("graph" + EXTENSION[fmt])
    assert write_result(result, path) == fmt
    # result.graph is the one rdflib Graph of the whole build: the path kg build took before it streamed
    assert path.read_bytes() == serialize(result.graph, fmt)


def test_build_writes_what_it_counted(built):
    result, out = built
    assert out.read_bytes() == serialize(result.graph, "turtle")
    assert result.triples == len(result.graph) > 10_000


def test_two_workers_write_the_same_file(corpus, built, tmp_path):
    out = tmp_path / "graph.ttl"
    result = build(corpus, workers=2, output=out)
    assert result.report.conforms
    assert out.read_bytes() == built[1].read_bytes()


def test_no_graph_of_the_whole_corpus_is_made(corpus, tmp_path, monkeypatch):
    def refuse(self):
        raise AssertionError("the whole graph was built")

    monkeypatch.setattr(EventTriples, "graph", refuse)
    monkeypatch.setattr(SpilledGraph, "graph", refuse)
    monkeypatch.setattr(SpilledGraph, "all_events", refuse)
    monkeypatch.setattr(kg.build, "EVENTS_PER_CHUNK", 50)
    result = build([SEEDS, *corpus[:1]], workers=1, output=tmp_path / "g.nt")
    assert result.report.conforms and result.written == "nt"


# ---------------------------------------------------------------- validation by chunks against pyshacl


def _as_set(report) -> set:
    return {(v.focus, v.path, v.message, v.value) for v in report.violations}


def _chunked(source: EventTriples, monkeypatch, per_chunk: int):
    monkeypatch.setattr(kg.build, "EVENTS_PER_CHUNK", per_chunk)
    monkeypatch.setattr(kg.graph, "MENTIONS_PER_CHUNK", 10 if per_chunk == 2000 else 20_000)  # cut by mentions too
    return Validation(source, None, 1).run().result()


def _broken(result) -> EventTriples:
    """The build's events with faults the shapes catch, spread over several chunks."""
    events = [copy.deepcopy(e) for e in result.events[::len(result.events) // 40]][:40]  # of every family
    talks = [e for e in events if e.type in ("Meeting", "PhoneCall", "VideoCall")]
    talks[0].participants = talks[0].participants[:1]  # a meeting or call of one
    bad_start = events[5].mentions[0]
    events[5].mentions[0] = dataclasses.replace(bad_start, start=bad_start.end + 7)  # starts after its end
    named = [e for e in events if len(e.participants) > 1 and e is not talks[0]]
    # one actor with a malformed Wikidata id, named by events in different chunks
    actor = dataclasses.replace(named[0].participants[0], wikidata="Q0x", key="Q0x")
    for e in (named[0], named[-1]):
        e.participants = (actor, *e.participants[1:])
    # two records of one event (one IRI) with two types: only seen when both are in one chunk
    call = next(e for e in named[1:-1] if e.family == "call")
    twin = copy.deepcopy(call)
    twin.type = "VideoCall" if call.type != "VideoCall" else "PhoneCall"
    events.append(twin)
    assert event_iri(twin) == event_iri(call)
    return EventTriples(events, result.articles, result.source.build)


@pytest.mark.parametrize("per_chunk", [1, 7, 2000])
def test_chunked_validation_of_a_valid_graph_is_pyshacls(built, monkeypatch, per_chunk):
    source = EventTriples(built[0].events[:60], built[0].articles, built[0].source.build)
    whole = validate_graph(source.graph())
    chunked = _chunked(source, monkeypatch, per_chunk)
    assert whole.conforms and chunked.conforms and not chunked.violations


@pytest.mark.parametrize("per_chunk", [1, 7, 2000])
def test_chunked_validation_of_a_broken_graph_is_pyshacls(built, monkeypatch, per_chunk):
    source = _broken(built[0])
    whole = validate_graph(source.graph())
    chunked = _chunked(source, monkeypatch, per_chunk)
    assert not whole.conforms and not chunked.conforms
    assert _as_set(chunked) == _as_set(whole), (_as_set(chunked) ^ _as_set(whole))
    messages = {v.message for v in chunked.violations}
    assert "A call or meeting has at least two participants." in messages
    assert "A mention has one integer start offset, not after its end offset." in messages
    assert any(m.startswith("A Wikidata identity") for m in messages)
    assert any(m.startswith("An event needs exactly one event type") for m in messages)


def test_a_broken_graph_is_not_written(built, tmp_path, monkeypatch):
    result, _ = built
    out = tmp_path / "graph.ttl"
    out.write_text("the previous graph\n")
    broken = _broken(result)
    pending = Validation(broken, None, 1).run()
    staged = dataclasses.replace(result, source=broken)
    assert kg.build._write_checked(staged, out, None, pending) is None
    assert out.read_text() == "the previous graph\n"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.ttl"]  # no temporary file left behind
