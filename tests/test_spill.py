"""The build's data on disk (kg.spill): what goes in comes back, the files go away, and the
graph written from it is, byte for byte, the one made from the events in memory."""

import datetime as dt
import os
import pickle
import random
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

import kg.build
import kg.graph
import kg.spill
from kg.build import build, serialize
from kg.cli import app
from kg.corpus import Reader
from kg.export import iter_streamed
from kg.extract.merge import Cluster, event_order, merge_group, merge_groups
from kg.graph import BuildInfo, EventTriples, events_graph
from kg.models import Article, DateValue, Mention
from kg.pipeline import Seen, chunks, extract_chunk
from kg.spill import SpilledGraph, Spool, group_bytes

FORMATS = {"turtle": ".ttl", "nt": ".nt", "nquads": ".nq", "trig": ".trig", "jsonld": ".jsonld"}


@pytest.fixture(scope="module")
def extracted(synthetic_corpus) -> list[list[tuple]]:
    """The corpus's extraction results, batch by batch, as the executors give them."""
    return [extract_chunk(batch) for batch in chunks(Reader().read(synthetic_corpus), 64)]


def _in_memory(extracted) -> tuple[list, list]:
    """Events and articles as the build made them before it spilled: every group in a dict."""
    groups: dict = {}
    articles = []
    for batch in extracted:
        for article, keyed, _ in batch:
            if keyed:
                articles.append(article)
            for key, cluster, dated in keyed:
                groups.setdefault(key, []).append((cluster, dated))
    events, _ = merge_groups(pickle.loads(pickle.dumps(groups)))  # merging changes clusters: on a copy
    return events, articles


def _spilled(extracted, info=None, nt=False) -> SpilledGraph:
    store = SpilledGraph()
    for batch in extracted:
        store.add_extracted(pickle.loads(pickle.dumps(batch)))
    store.merge()
    store.seal(info, nt=nt)
    return store


INFO = BuildInfo(inputs=[("corpus.jsonl", "ab" * 32)], articles_read=310, data_as_of="2025-01-01")


def test_group_keys_sort_on_disk_as_the_tuples_do():
    rng = random.Random(5)
    alphabet = ["a", "b", "ab", "Q1", "Q12", "name:x", "name:x y", "سوريا", "ص"]
    keys = {(tuple(sorted(rng.sample(alphabet, rng.randint(1, 4)))), rng.choice(["occurred", "planned"]))
            for _ in range(300)}
    assert sorted(keys) == sorted(keys, key=group_bytes)


@pytest.mark.parametrize("large", [1, 5, 2000])
def test_what_is_spilled_comes_back(extracted, monkeypatch, large):
    """Groups of more than ``large`` clusters are merged from disk (kg.spill.LargeGroup): the events
    are merge_groups' all the same."""
    monkeypatch.setattr(kg.spill, "LARGE_GROUP", large)
    events, articles = _in_memory(extracted)
    with _spilled(extracted, INFO) as store:
        assert store.all_events() == events  # the same records, in merge_groups' order
        assert store.all_articles() == articles
        assert store.event_count == len(events) > 300
        assert store.by_type == {t: sum(e.type == t for e in events) for t in {e.type for e in events}}
        memory = EventTriples(events, articles, INFO)
        for order in ("term", "nt"):
            assert list(store.described(order)) == list(memory.described(order))
        for size in (1, 7, 2000):
            assert list(store.chunks(size)) == list(memory.chunks(size))
            assert store.chunk_count(size) == memory.chunk_count(size) == len(list(memory.chunks(size)))
        assert [set(part) for part in store.rest_parts()] == [set(memory.rest())]


def test_chunks_end_at_a_number_of_mentions(extracted, monkeypatch):
    """A chunk ends at an event IRI once its events have MENTIONS_PER_CHUNK mentions, however many
    IRIs it may still take: an event told by thousands of articles brings them all along."""
    monkeypatch.setattr(kg.graph, "MENTIONS_PER_CHUNK", 25)
    events, articles = _in_memory(extracted)
    memory = EventTriples(events, articles)
    with _spilled(extracted) as store:
        chunks = list(store.chunks(2000))
        assert chunks == list(memory.chunks(2000)) and store.chunk_count(2000) == len(chunks)
    assert len(chunks) > len(events) * 3 // 25 // 2
    for chunk_events, chunk_articles, _ in chunks:
        told = [len(e.mentions) for e in chunk_events]
        assert sum(told[:-1]) < 25  # the last event (of an IRI) made it reach the limit
        assert {a.id for a in chunk_articles} == {m.article_id for e in chunk_events for m in e.mentions}
    assert sorted((e for c, _, _ in chunks for e in c), key=event_order) == events


def test_articles_no_event_reaches_are_validated_in_parts(extracted, monkeypatch):
    monkeypatch.setattr(kg.spill, "REST_PER_PART", 2)
    with _spilled(extracted) as store:
        # as if every telling of some articles had been left out
        store.conn.execute("DELETE FROM sources WHERE s IN (SELECT s FROM articles WHERE rowid % 3 = 0)")
        lost = store.conn.execute("SELECT count(*) FROM articles WHERE s NOT IN (SELECT s FROM sources)").fetchone()[0]
        parts = list(store.rest_parts())
    assert lost > 4 and len(parts) >= lost // 2
    assert sum(t[1].endswith("articleId") for part in parts for t in part) == lost


def test_a_spill_is_removed_when_closed_or_collected(tmp_path):
    store = SpilledGraph(tmp_path)
    folder = store.folder
    assert folder.parent == tmp_path and (folder / "spill.sqlite").is_file()
    store.close()
    assert not folder.exists() and store.closed
    store = SpilledGraph(tmp_path)
    folder = store.folder
    del store
    assert not folder.exists()


def test_the_spill_of_a_killed_build_is_removed_by_the_next_one(tmp_path, monkeypatch):
    """SIGKILL leaves no chance to clean up: the next build removes a folder whose process is gone."""
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    dead = tmp_path / f"kg-build-{gone.pid}-x1"
    running = tmp_path / f"kg-build-{os.getppid()}-x2"  # a build still running
    other = tmp_path / "kg-build-notapid"
    for d in (dead, running, other):
        d.mkdir()
        (d / "spill.sqlite").write_bytes(b"rows")
    store = SpilledGraph()
    assert store.folder.name.startswith(f"kg-build-{os.getpid()}-")
    assert not dead.exists() and running.exists() and other.exists()
    store.close()


def test_a_spool_gives_its_pieces_in_order(tmp_path):
    with Spool(tmp_path) as spool:
        for i in range(1200):
            spool.add(f"g{i % 7}", f"s{i:05d}", f"t{i}")
        pieces = list(spool)
    assert pieces == sorted(((f"g{i % 7}", f"t{i}") for i in range(1200)), key=lambda p: (p[0], int(p[1][1:])))
    assert list(tmp_path.iterdir()) == []


@pytest.fixture(scope="module")
def reference(synthetic_corpus, extracted) -> tuple:
    """The graph of the events merged in memory, with the build record a build of the corpus makes."""
    events, articles = _in_memory(extracted)
    reader = Reader()
    seen = Seen()
    for article in reader.read(synthetic_corpus):
        seen.add(article)
    info = kg.build.build_info(reader, seen, "2025-01-01T00:00:00Z")
    return events_graph(events, articles, info), info, events


@pytest.fixture(scope="module")
def expected_bytes(reference) -> dict[str, bytes]:
    """The in-memory graph in each format, serialized once for every test that compares with it."""
    return {fmt: serialize(reference[0], fmt) for fmt in FORMATS}


@pytest.mark.parametrize("per_chunk, rows, large", [(5, 1, 1), (7, 3, 2000), (2000, 512, 3)])
def test_the_spill_writes_the_in_memory_graph_byte_for_byte(extracted, reference, expected_bytes, monkeypatch,
                                                            per_chunk, rows, large):
    """Each format, from the spill (written and read ``rows`` at a time, groups of more than ``large``
    clusters merged from disk, validated ``per_chunk`` events at a time), against the graph of the
    events merged in memory."""
    monkeypatch.setattr(kg.build, "EVENTS_PER_CHUNK", per_chunk)
    monkeypatch.setattr(kg.spill, "ROWS", rows)
    monkeypatch.setattr(kg.spill, "LARGE_GROUP", large)
    graph, info, _ = reference
    with _spilled(extracted, info, nt=rows == 3) as store:
        for fmt in FORMATS:
            tally = [0]
            assert b"".join(iter_streamed(store, fmt, tally)) == expected_bytes[fmt], fmt
            assert tally[0] == len(graph)
        report = kg.build.Validation(store, None, 1).run().result()
    assert report.conforms and not report.violations


def test_the_build_writes_the_in_memory_graph_byte_for_byte(synthetic_corpus, reference, expected_bytes, tmp_path):
    graph, _, events = reference
    for workers, fmt in ((1, "turtle"), (2, "nquads")):
        out = tmp_path / f"graph{FORMATS[fmt]}"
        with build(synthetic_corpus, workers=workers, output=out, build_time="2025-01-01T00:00:00Z") as result:
            assert result.written == fmt and result.report.conforms
            assert out.read_bytes() == expected_bytes[fmt], fmt
            assert result.triples == len(graph)
            assert result.event_count == len(events)


def _spills() -> set:
    return set(Path(tempfile.gettempdir()).glob("kg-*"))


def test_the_spill_is_removed_on_an_error(synthetic_corpus, tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    out = tmp_path / "graph.ttl"
    out.write_text("the previous graph\n")
    made = []
    real = SpilledGraph.__init__

    def init(self, *args, **kw):
        real(self, *args, **kw)
        made.append(self.folder)

    def interrupted(self, events_per_chunk):
        raise KeyboardInterrupt

    monkeypatch.setattr(SpilledGraph, "__init__", init)
    monkeypatch.setattr(SpilledGraph, "chunks", interrupted)
    for workers in (1, 2):
        with pytest.raises(KeyboardInterrupt):
            build(synthetic_corpus, workers=workers, output=out)
    assert len(made) == 2 and not any(f.exists() for f in made) and not _spills()
    assert out.read_text() == "the previous graph\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.ttl", "tmp"]


def test_kg_build_leaves_no_spill(synthetic_corpus, runner, tmp_path, monkeypatch):
    monkeypatch.setenv("TMPDIR", str(tmp_path / "tmp"))
    monkeypatch.setattr(tempfile, "tempdir", None)  # read TMPDIR again
    (tmp_path / "tmp").mkdir()
    out = tmp_path / "graph.nt"
    result = runner.invoke(app, ["build", *map(str, synthetic_corpus), "-o", str(out), "-w", "1"])
    assert result.exit_code == 0, result.output
    assert out.stat().st_size > 0 and list((tmp_path / "tmp").iterdir()) == []
    monkeypatch.setattr(tempfile, "tempdir", None)


FAMILY_TYPES = {"call": "PhoneCall", "meeting": "Meeting", "talks": "Talks", "summit": "Summit"}
DATES = ["2024", "2024-01", "2024-01-15", "2024-01-20", "2024-02", "2023-12", "2023-12-31"]
PUBLISHED = [None, dt.date(2024, 1, 16), dt.date(2024, 2, 10), dt.date(2024, 1, 2), dt.date(2023, 12, 30)]


def _random_group(rng: random.Random) -> list[tuple]:
    """(article, cluster, dated) of one key: dated clusters of dates that refine one another or not,
    undated ones of dated and undated articles, in places of two countries."""
    articles = [Article(f"a{i}", "", rng.choice(PUBLISHED)) for i in range(rng.randint(1, 6))]
    out = []
    for _ in range(rng.randint(1, 14)):
        a = rng.choice(articles)
        family = rng.choice(list(FAMILY_TYPES))
        dated = rng.random() < 0.6
        mentions = [Mention(a.id, FAMILY_TYPES[family], (), f"s{k}", start, start + 9,
                            date=DateValue(rng.choice(DATES)) if dated else None, published=a.published,
                            place_country=rng.choice([None, "SY", "EG"]), weak_place=rng.random() < 0.2)
                    for k, start in enumerate(sorted(rng.sample(range(0, 500, 10), rng.randint(1, 3))))]
        date = max((m.date for m in mentions), key=lambda d: len(d.value)) if dated else None
        out.append((a, Cluster(family, frozenset({"x", "y"}), "occurred", date, mentions, a.published), dated))
    return out


@pytest.mark.parametrize("seed", range(40))
def test_a_large_group_merges_as_merge_group_does(monkeypatch, seed):
    """Floating clusters joining dated ones across articles, left out, or undated events of one article:
    merged from disk (every group "large"), the events and counts are merge_group's."""
    monkeypatch.setattr(kg.spill, "LARGE_GROUP", 0)
    group = _random_group(random.Random(seed))
    events, counts = merge_group(pickle.loads(pickle.dumps([(c, dated) for _, c, dated in group])))
    with SpilledGraph() as store:
        # one key for all, as merge_group is given one group (a summit's own key would be its country)
        store.add_extracted([(a, [((("x", "y"), "occurred"), c, dated)], 0) for a, c, dated in group])
        store.merge()
        spilled = store.all_events()
        assert store.undated == counts
    assert spilled == sorted(events, key=event_order)
