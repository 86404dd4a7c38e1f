"""Hostile and messy input: links at temporary paths, outputs that would overwrite inputs,
terminal escapes, options checked before work. Each test reproduces one way kg could be
misused or could lose data, and checks that it no longer can."""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

import pytest

import kg.build
import kg.fileio as fileio
from kg.cli import app
from kg.fileio import TMP_MARK, atomic_write

from .conftest import SEEDS

SEED = sorted(SEEDS.glob("*.txt"))[0]


# ---------------------------------------------------------------- temporary files never follow links

def test_a_link_planted_at_the_old_temporary_name_is_not_followed(tmp_path, monkeypatch):
    victim = tmp_path / "victim.txt"
    victim.write_text("precious", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    # the link appears after the stale-file clean-up (a race), or cannot be removed (another
    # user's link in a sticky directory such as /tmp): the clean-up does not save the write
    monkeypatch.setattr(fileio, "clean_stale_temps", lambda target: [])
    (out / f".graph.ttl{TMP_MARK}{os.getpid()}").symlink_to(victim)
    atomic_write(out / "graph.ttl", b"new graph")
    assert victim.read_text(encoding="utf-8") == "precious"
    assert (out / "graph.ttl").read_bytes() == b"new graph"


def test_a_link_at_the_chosen_temporary_name_is_never_opened(tmp_path, monkeypatch):
    victim = tmp_path / "victim.txt"
    victim.write_text("precious", encoding="utf-8")
    names = iter(["planted", "fresh"])
    monkeypatch.setattr(tempfile, "_get_candidate_names", lambda: names)
    monkeypatch.setattr(fileio, "clean_stale_temps", lambda target: [])
    (tmp_path / f".g.ttl{TMP_MARK}{os.getpid()}-planted").symlink_to(victim)
    atomic_write(tmp_path / "g.ttl", b"new graph")
    assert victim.read_text(encoding="utf-8") == "precious"
    assert (tmp_path / "g.ttl").read_bytes() == b"new graph"


# ---------------------------------------------------------------- outputs that must not be written

@pytest.fixture
def corpus(tmp_path) -> Path:
    d = tmp_path / "corpus"
    d.mkdir()
    (d / "a1.txt").write_bytes(SEED.read_bytes())
    return d


def test_build_refuses_to_overwrite_an_input_file(runner, corpus):
    before = (corpus / "a1.txt").read_bytes()
    result = runner.invoke(app, ["build", str(corpus / "a1.txt"), "-o", str(corpus / "a1.txt"), "--format", "nt"])
    assert result.exit_code == 2
    assert f"error: {corpus / 'a1.txt'}: is also an input; write the output to another file" in result.output
    result = runner.invoke(app, ["build", str(corpus), "-o", str(corpus / "a1.txt"), "--format", "nt"])
    assert result.exit_code == 2
    assert f"error: {corpus / 'a1.txt'}: is inside the input folder {corpus} and would be read as an article" in result.output
    assert (corpus / "a1.txt").read_bytes() == before


def test_build_refuses_an_article_file_inside_an_input_folder(runner, corpus):
    result = runner.invoke(app, ["build", str(corpus), "-o", str(corpus / "sub" / "new.jsonl"), "--format", "nt"])
    assert result.exit_code == 2
    assert "is inside the input folder" in result.output and "would be read as an article" in result.output
    assert not (corpus / "sub").exists()


def test_a_graph_file_inside_the_input_folder_is_allowed(runner, corpus):
    result = runner.invoke(app, ["build", str(corpus), "-o", str(corpus / "graph.ttl"), "-q", "-w", "1"])
    assert result.exit_code == 0, result.output
    assert (corpus / "graph.ttl").read_bytes().startswith(b"@prefix")


def test_an_unknown_output_extension_needs_format(runner, corpus, tmp_path):
    out = tmp_path / "graph.out"
    result = runner.invoke(app, ["build", str(corpus), "-o", str(out), "-q", "-w", "1"])
    assert result.exit_code == 2
    assert f"error: {out}: the extension '.out' names no graph format" in result.output
    assert "--format" in result.output and not out.exists()
    result = runner.invoke(app, ["build", str(corpus), "-o", str(out), "-q", "-w", "1", "--format", "nt"])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("<")


def test_export_and_report_refuse_to_overwrite_their_input(runner, seeds_graph, tmp_path):
    g = tmp_path / "g.ttl"
    g.write_bytes(seeds_graph.read_bytes())
    for cmd in (["export", str(g), "-o", str(g)], ["report", str(g), "-o", str(g)]):
        result = runner.invoke(app, cmd)
        assert result.exit_code == 2, cmd
        assert f"error: {g}: is also an input" in result.output
        assert g.read_bytes() == seeds_graph.read_bytes()


# ---------------------------------------------------------------- options checked before any work

@pytest.fixture
def no_build(monkeypatch):
    def refuse(*a, **kw):
        raise AssertionError("the build ran although its options are wrong")
    monkeypatch.setattr(kg.build, "build", refuse)


def test_a_bad_format_is_refused_before_the_build(runner, corpus, tmp_path, no_build):
    result = runner.invoke(app, ["build", str(corpus), "-o", str(tmp_path / "g.ttl"), "--format", "foo"])
    assert result.exit_code == 2
    assert "error: unknown format 'foo'; use one of: turtle, nt, jsonld, trig, nquads, xml" in result.output


def test_an_output_that_is_a_directory_is_refused_before_the_build(runner, corpus, tmp_path, no_build):
    result = runner.invoke(app, ["build", str(corpus), "-o", str(tmp_path)])
    assert result.exit_code == 2
    assert f"error: {tmp_path}: is a directory; give a file name" in result.output


def test_an_output_under_a_file_is_refused_before_the_build(runner, corpus, tmp_path, no_build):
    (tmp_path / "plain").write_text("x", encoding="utf-8")
    out = tmp_path / "plain" / "g.ttl"
    result = runner.invoke(app, ["build", str(corpus), "-o", str(out)])
    assert result.exit_code == 2
    assert f"error: {out}: cannot be created ({tmp_path / 'plain'} is not a directory)" in result.output


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write into any folder: permissions cannot be tested as root")
def test_an_unwritable_output_is_refused_before_the_build(runner, corpus, tmp_path, no_build):
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o555)
    result = runner.invoke(app, ["build", str(corpus), "-o", str(locked / "g.ttl")])
    assert result.exit_code == 2
    assert f"error: {locked / 'g.ttl'}: not writable (permission denied)" in result.output


def test_a_write_that_fails_is_one_line_and_exit_2(tmp_path, monkeypatch):
    from kg.errors import OutputError

    def full(fd):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(os, "fsync", full)
    (tmp_path / "g.ttl").write_bytes(b"old")
    with pytest.raises(OutputError, match=r"g\.ttl: cannot be written \(No space left on device\)"):
        atomic_write(tmp_path / "g.ttl", b"new")
    assert (tmp_path / "g.ttl").read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["g.ttl"]


def test_a_malformed_bolt_uri_is_a_usage_error_not_a_traceback(runner, seeds_graph):
    result = runner.invoke(app, ["load", str(seeds_graph), "--uri", "bolt://user:s3cret@[::1"])
    assert result.exit_code == 2
    flat = " ".join(result.output.replace("│", " ").split())  # the usage error is drawn in a box
    assert "Invalid value for '--uri'" in flat and "not a URI (Invalid IPv6 URL)" in flat
    assert "s3cret" not in result.output and "Traceback" not in result.output


def test_a_missing_gazetteer_folder_is_an_error(runner, corpus, tmp_path, no_build):
    result = runner.invoke(app, ["build", str(corpus), "-o", str(tmp_path / "g.ttl"), "--gazetteer", str(tmp_path / "nope")])
    assert result.exit_code == 2
    assert f"error: --gazetteer {tmp_path / 'nope'}: no such folder" in result.output


def test_workers_help_does_not_claim_a_default_of_zero(runner):
    result = runner.invoke(app, ["build", "--help"], env={"COLUMNS": "200"})
    line = next(ln for ln in result.output.splitlines() if "--workers" in ln)
    assert "default: 0" not in line and "number of cores" in line


# ---------------------------------------------------------------- control characters never reach the terminal

ESC_ID = "a\x1b]0;owned\x07\x1b[2J"


def test_control_characters_in_ids_and_file_names_are_shown_not_sent(runner, tmp_path):
    import json
    d = tmp_path / "in"
    d.mkdir()
    text = SEED.read_text(encoding="utf-8")
    (d / "a.jsonl").write_text(json.dumps({"id": ESC_ID, "text": text, "published": "2025-01-05"}) + "\n", encoding="utf-8")
    (d / "b\x1b[2J.txt").write_text("", encoding="utf-8")
    out = tmp_path / "g.ttl"
    result = runner.invoke(app, ["build", str(d), "-o", str(out), "-w", "1"])
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.output and "\x07" not in result.output
    assert "b\\x1b[2J.txt: empty file" in result.output
    for cmd in (["events", str(out)], ["query", str(out), "SELECT ?id WHERE { ?a kg:articleId ?id }"]):
        result = runner.invoke(app, cmd, env={"COLUMNS": "300"})
        assert result.exit_code == 0, result.output
        assert "\x1b" not in result.output and "\x07" not in result.output
        assert "a\\x1b]0;owned\\x07\\x1b[2J" in result.output, cmd


# ---------------------------------------------------------------- kg query stays local

@pytest.fixture
def endpoint():
    """A SPARQL endpoint on loopback that answers every query with one row and counts the requests."""
    import http.server
    import json
    import threading

    hits = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802 - the http.server API
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            hits.append(self.path)
            body = json.dumps({"head": {"vars": ["o"]},
                               "results": {"bindings": [{"o": {"type": "literal", "value": "from the network"}}]}})
            self.send_response(200)
            self.send_header("Content-Type", "application/sparql-results+json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body.encode())

        do_GET = do_POST

        def log_message(self, *a):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/sparql", hits
    server.shutdown()
    server.server_close()


def test_service_is_refused_without_allow_service(runner, seeds_graph, endpoint):
    url, hits = endpoint
    query = f"SELECT ?o WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}"
    result = runner.invoke(app, ["query", str(seeds_graph), query])
    assert result.exit_code == 2
    assert result.output == ("error: the query calls a remote endpoint (SERVICE); kg query reads local files only. "
                             "Give --allow-service to let it reach the network.\n")
    assert hits == []
    result = runner.invoke(app, ["query", str(seeds_graph), query, "--allow-service", "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert "from the network" in result.stdout and hits == ["/sparql"]


def test_a_failing_endpoint_is_one_line_not_a_traceback(runner, seeds_graph):
    import socket
    with socket.socket() as s:  # a port that was free a moment ago: nothing listens there
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    query = f"SELECT ?o WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}"
    result = runner.invoke(app, ["query", str(seeds_graph), query, "--allow-service"])
    assert result.exit_code == 2
    assert result.output.startswith("error: the query failed: ") and result.output.count("\n") == 1


# ---------------------------------------------------------------- messy input loses only what is bad

def _records(n: int, **extra) -> list[dict]:
    text = SEED.read_text(encoding="utf-8")
    return [{"id": f"r{i}", "text": text, "published": "2025-01-05", **extra} for i in range(n)]


def _read(*paths):
    from kg.corpus import Reader
    reader = Reader()
    return [a.id for a in reader.read(list(paths))], reader


def test_one_nul_byte_loses_one_jsonl_line_not_the_file(tmp_path):
    import json
    lines = [json.dumps(r).encode() for r in _records(50)]
    lines[2] = lines[2][:20] + b"\x00" + lines[2][20:]
    f = tmp_path / "feed.jsonl"
    f.write_bytes(b"\n".join(lines) + b"\n")
    ids, reader = _read(f)
    assert len(ids) == 49 and "r2" not in ids
    assert [str(p) for p in reader.problems] == [f"{f}:3: line contains NUL bytes (binary data), not text"]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16-le"])
def test_jsonl_is_streamed_not_read_whole(tmp_path, encoding):
    import json
    import tracemalloc
    f = tmp_path / "big.jsonl"
    rec = _records(1)[0]
    with open(f, "wb") as fh:
        for i in range(400):  # about 16 MB in UTF-16, 9 MB in UTF-8; one line is 40 KB
            fh.write((json.dumps({**rec, "id": f"r{i}"}, ensure_ascii=False) + "\n").encode(encoding))
    from kg.corpus import Reader
    reader = Reader()
    tracemalloc.start()
    try:
        count = sum(1 for _ in reader.read([f]))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert count == 400 and reader.problems == []
    assert peak < 4_000_000, f"reading a {f.stat().st_size:,}-byte file peaked at {peak:,} bytes"


@pytest.mark.parametrize("given, written", [("ar_EG", "ar-EG"), ("العربية", "ar"), ("English", "en"),
                                            ("AR-eg", "ar-EG"), ("ar_EG.UTF-8", "ar-EG")])
def test_common_language_forms_are_normalized(runner, tmp_path, given, written):
    import json
    f = tmp_path / "feed.jsonl"
    f.write_text(json.dumps(_records(1, language=given)[0], ensure_ascii=False) + "\n", encoding="utf-8")
    out = tmp_path / "g.ttl"
    result = runner.invoke(app, ["build", str(f), "-o", str(out), "-w", "1"])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert f'kg:language "{written}"' in text
    assert re.search(rf'"@{re.escape(written)}\b(?!-)', text)  # evidence tagged with it


def test_an_unusable_language_skips_that_record_and_the_build_goes_on(runner, tmp_path):
    import json
    recs = _records(2)
    recs[0]["language"] = "not a language!"
    (tmp_path / "feed.jsonl").write_text("\n".join(json.dumps(r) for r in recs) + "\n", encoding="utf-8")
    page = SEED.read_text(encoding="utf-8").replace("\n", "</p><p>")
    (tmp_path / "page.html").write_text(f'<html lang="ar_EG"><head><meta name="date" content="2025-01-05"></head>'
                                        f"<body><article><p>{page}</p></article></body></html>", encoding="utf-8")
    out = tmp_path / "g.ttl"
    result = runner.invoke(app, ["build", str(tmp_path), "-o", str(out), "-w", "1"])
    assert result.exit_code == 0, result.output
    assert (f"skipped {tmp_path / 'feed.jsonl'}:1: 'language' 'not a language!' is not a language tag or name "
            "(use a BCP 47 tag such as ar or ar-EG)") in result.output
    assert "articles read    2" in result.output
    text = out.read_text(encoding="utf-8")
    assert 'kg:articleId "page"' in text and 'kg:articleId "r1"' in text and 'kg:articleId "r0"' not in text


def test_three_bad_bytes_in_a_short_article_are_replaced_and_reported(runner, tmp_path):
    raw = "تلقى الرئيس اتصالا هاتفيا من الملك اليوم".encode("utf-8")
    raw = raw[:10] + b"\xff" + raw[10:20] + b"\xfe\xff" + raw[20:]
    (tmp_path / "short.txt").write_bytes(raw)
    with pytest.raises(UnicodeDecodeError) as first:
        raw.decode("utf-8")
    from kg.corpus import Reader
    reader = Reader()
    (article,) = reader.read([tmp_path / "short.txt"])
    assert reader.problems == [] and "اتصالا هاتفيا من الملك اليوم" in article.text
    damaged = article.text.count("\ufffd")
    assert damaged > 0
    assert [str(n) for n in reader.notes] == [
        f"{tmp_path / 'short.txt'}: not valid UTF-8: read with {damaged} damaged character(s) shown as \ufffd (first at byte {first.value.start})"]
    result = runner.invoke(app, ["build", str(tmp_path / "short.txt"), "-o", str(tmp_path / "g.ttl"), "-w", "1"])
    assert result.exit_code == 0, result.output
    assert f"note {tmp_path / 'short.txt'}: not valid UTF-8" in result.output


def test_linked_folders_are_followed_once(tmp_path):
    corpus, elsewhere = tmp_path / "corpus", tmp_path / "elsewhere"
    corpus.mkdir()
    elsewhere.mkdir()
    (corpus / "a.txt").write_bytes(SEED.read_bytes())
    (elsewhere / "b.txt").write_bytes(SEED.read_bytes())
    (corpus / "linked").symlink_to(elsewhere, target_is_directory=True)
    (elsewhere / "loop").symlink_to(corpus, target_is_directory=True)
    ids, reader = _read(corpus)
    assert ids == ["a", "b"] and reader.problems == []
    assert [str(n) for n in reader.notes] == [f"{corpus / 'linked' / 'loop'}: folder already read (it is {corpus}); not read again"]


def test_text_in_hidden_elements_is_not_the_article(tmp_path):
    from kg.html import html_to_text
    page = ('<html><body><article><p>وصل الرئيس إلى القاهرة في زيارة رسمية تستغرق يومين يلتقي خلالها كبار المسؤولين</p>'
            '<p hidden>HIDDEN-ATTR</p><div style="display: none"><p>INLINE-NONE</p></div>'
            '<span aria-hidden="true">ARIA</span><p style="visibility:hidden">INVISIBLE</p></article></body></html>')
    text = html_to_text(page).text
    assert "وصل الرئيس" in text
    for hidden in ("HIDDEN-ATTR", "INLINE-NONE", "ARIA", "INVISIBLE"):
        assert hidden not in text


def test_a_turtle_error_keeps_the_parsers_reason(runner, tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text('@prefix ex: <http://e/> .\nex:a ex:b ex:c ;\n ex:d "unterminated .\n', encoding="utf-8")
    result = runner.invoke(app, ["validate", str(bad)])
    assert result.exit_code == 2
    assert result.output == f"error: {bad}: cannot be read as turtle: line 3: newline found in string literal\n"


# ---------------------------------------------------------------- Dask: TLS when the network is not trusted

def test_dask_tls_options_reach_the_client_as_required_encryption(runner, corpus, tmp_path, monkeypatch):
    distributed = pytest.importorskip("distributed", reason="dask[distributed] is not installed")
    files = {}
    for name in ("ca.pem", "me.pem", "me.key"):
        files[name] = tmp_path / name
        files[name].write_text("-----BEGIN CERTIFICATE-----\n", encoding="utf-8")
    seen = {}

    def client(address, **kw):
        seen.update(kw, address=address)
        raise OSError("stop here: the link was configured")
    monkeypatch.setattr(distributed, "Client", client)
    tls = ["--dask-tls-ca-file", str(files["ca.pem"]), "--dask-tls-cert", str(files["me.pem"]),
           "--dask-tls-key", str(files["me.key"])]
    result = runner.invoke(app, ["build", str(corpus), "-o", str(tmp_path / "g.ttl"),
                                 "--dask-scheduler", "tls://10.0.0.5:8786", *tls])
    assert result.exit_code == 2
    assert result.output == "error: cannot reach the Dask scheduler at tls://10.0.0.5:8786: stop here: the link was configured\n"
    security = seen["security"]
    assert seen["address"] == "tls://10.0.0.5:8786" and security.require_encryption
    assert (security.tls_ca_file, security.tls_client_cert, security.tls_client_key) == tuple(map(str, files.values()))

    result = runner.invoke(app, ["build", str(corpus), "-o", str(tmp_path / "g.ttl"),
                                 "--dask-scheduler", "tcp://10.0.0.5:8786", *tls])
    assert result.exit_code == 2
    assert "error: --dask-scheduler tcp://10.0.0.5:8786: the TLS options need a tls://HOST:PORT address" in result.output
    result = runner.invoke(app, ["build", str(corpus), "-o", str(tmp_path / "g.ttl"),
                                 "--dask-scheduler", "tls://10.0.0.5:8786", *tls[:2]])
    assert result.exit_code == 2
    assert "error: give all three of --dask-tls-ca-file, --dask-tls-cert and --dask-tls-key" in result.output


# ---------------------------------------------------------------- cost that follows the text

def _best_time(fn, *args, runs: int = 3) -> float:
    import time
    best = float("inf")
    for _ in range(runs):
        t = time.perf_counter()
        fn(*args)
        best = min(best, time.perf_counter() - t)
    return best


def test_finding_dates_costs_in_proportion_to_the_text():
    from kg.extract.dates import find_dates
    from kg.extract.normalize import normalize
    unit = normalize("التقى الرئيس في 3 يوليو 2024 يوم الجمعة أمس. ")  # a date every 15 characters
    small, large = unit * 500, unit * 4000  # 8 times the text: 8 times the time, not 64
    assert len(find_dates(large)) == 8 * len(find_dates(small))
    ratio = _best_time(find_dates, large) / _best_time(find_dates, small)
    assert ratio < 20, f"8x the text took {ratio:.1f}x the time"


def test_extracting_an_article_without_stops_costs_in_proportion_to_the_text():
    """A feed dump with no sentence stops: long stretches are cut into bounded sentences."""
    import datetime as dt

    from kg.extract.events import extract_article
    from kg.models import Article
    unit = "التقى الرئيس الروسي فلاديمير بوتين الرئيس الصيني شي جين بينغ يوم 3 مايو 2024 في موسكو و "
    small, large = unit * 120, unit * 960  # 8 times the text
    def run(text):
        return extract_article(Article("x", text, dt.date(2024, 5, 4)))
    ratio = _best_time(run, large) / _best_time(run, small)
    assert ratio < 20, f"8x the text took {ratio:.1f}x the time"


def test_articles_without_events_are_counted_not_kept(runner, tmp_path):
    import json
    f = tmp_path / "feed.jsonl"
    with open(f, "w", encoding="utf-8") as fh:
        fh.write(json.dumps(_records(1)[0], ensure_ascii=False) + "\n")
        for i in range(300):
            fh.write(json.dumps({"id": f"tiny{i}", "text": f"خبر قصير رقم {i}", "published": "2025-01-06"}) + "\n")
    out = tmp_path / "g.ttl"
    result = runner.invoke(app, ["build", str(f), "-o", str(out), "-w", "1"])
    assert result.exit_code == 0, result.output
    assert "articles read    301" in result.output
    text = out.read_text(encoding="utf-8")
    assert text.count(" a kg:Article") == 1 and "tiny" not in text
    assert "kg:articlesRead 301" in text and 'kg:dataAsOf "2025-01-06"^^xsd:date' in text


def test_the_steps_after_reading_are_announced(tmp_path, monkeypatch):
    import io

    import kg.cli
    from kg.build import build
    from kg.cli import _Console, _progress

    steps: list[str] = []
    build([SEED], workers=1, stage=steps.append)
    assert steps == ["merging events", "indexing the graph", "validating", "validating (chunk 1 of 1)"]
    # on a terminal the bar shows the step instead of freezing on "reading articles"
    monkeypatch.setattr(kg.cli, "err", _Console(file=io.StringIO(), force_terminal=True, width=100))
    with _progress(quiet=False) as bar:
        bar.advance(3)
        bar.stage("validating")
        (task,) = bar.bar.tasks
        assert (task.description, task.completed) == ("validating", 3)
