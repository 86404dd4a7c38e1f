"""kg diff: events added, removed and changed field by field; entities; formats; exit codes."""

import json
from dataclasses import replace

import pytest
from rdflib import BNode, Graph, Literal
from rdflib.compare import graph_diff, isomorphic, to_canonical_graph
from rdflib.namespace import RDF, RDFS

from kg.cli import app
from kg.diff import apply_patch, diff_files, to_rdf_patch
from kg.errors import DataError
from kg.fileio import read_graph
from kg.graph import event_iri
from kg.models import DateValue
from kg.vocab import KG

from .events_fixture import BEIJING, KIM, MOSCOW, TRUMP, base_events, event, write

GUEST = replace(KIM, key="name:guest", label_en="Guest", label_ar=None, wikidata=None)  # no Wikidata id


def run(runner, old, new, *fmt: str):
    return runner.invoke(app, ["diff", str(old), str(new), *(["--format", *fmt] if fmt else [])])


def as_json(runner, old, new) -> dict:
    result = run(runner, old, new, "json")
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)


@pytest.fixture()
def old(tmp_path):
    return write(base_events().values(), tmp_path / "old.ttl")


def changed(tmp_path, name="new.ttl", **changes):
    """The base events with some replaced (None removes one), written to ``name``."""
    events = base_events()
    for key, value in changes.items():
        if value is None:
            del events[key]
        else:
            events[key] = value
    return write(events.values(), tmp_path / name)


def only_change(report: dict) -> dict:
    ev = report["events"]
    assert not ev["added"] and not ev["removed"] and len(ev["changed"]) == 1, ev
    return ev["changed"][0]


def fields(change: dict) -> dict:
    return {c["field"]: c for c in change["changes"]}


# ---------------------------------------------------------------- identical

def test_identical_files_exit_0(runner, old, tmp_path):
    same = write(base_events().values(), tmp_path / "same.ttl")
    result = run(runner, old, same)
    assert result.exit_code == 0
    assert result.stdout == f"{old} and {same} hold the same graph ({len(read_graph(old))} triples, 5 events)\n"


def test_the_same_graph_in_another_format_is_identical(runner, old, tmp_path):
    for ext in ("trig", "jsonld", "nt"):
        other = write(base_events().values(), tmp_path / f"same.{ext}")
        assert run(runner, old, other).exit_code == 0, ext
    report = as_json(runner, old, tmp_path / "same.trig")
    assert report["identical"] is True and report["triples"] == {"added": 0, "removed": 0}


# ---------------------------------------------------------------- added, removed, changed

def test_added_event_is_shown_with_type_date_and_participants(runner, old, tmp_path):
    summit = event("Summit", [KIM, TRUMP, GUEST], "2025-06-12", [("a3", 900)], place=BEIJING)
    new = write(list(base_events().values()) + [summit], tmp_path / "new.ttl")
    report = as_json(runner, old, new)
    assert [(e["type"], e["date"], [p["label"] for p in e["participants"]], e["place"]) for e in report["events"]["added"]] == [
        ("Summit", "2025-06-12", ["Donald Trump (Q22686)", "Kim Jong Un (Q56226)", "Guest"], "Beijing (Q956)")]
    assert report["events"]["added"][0]["id"] == str(event_iri(summit))
    assert not report["events"]["removed"] and not report["events"]["changed"]
    assert report["events"]["count"] == {"old": 5, "new": 6}
    assert [e["label"] for e in report["entities"]["added"]] == ["Guest"]
    assert report["classes"]["https://w3id.org/kg-events/ontology#Summit"] == {"old": 0, "new": 1}
    result = run(runner, old, new)
    assert result.exit_code == 1
    assert "+ Summit              2025-06-12  Donald Trump (Q22686), Guest, Kim Jong Un (Q56226)" in result.stdout
    assert "+ Person              Guest" in result.stdout


def test_removed_event(runner, old, tmp_path):
    new = changed(tmp_path, phone=None)
    report = as_json(runner, old, new)
    assert [(e["type"], e["date"]) for e in report["events"]["removed"]] == [("PhoneCall", "2025-01-17")]
    assert not report["events"]["added"] and not report["events"]["changed"]
    assert [e["label"] for e in report["entities"]["removed"]] == ["Donald Trump (Q22686)"]
    result = run(runner, old, new)
    assert result.exit_code == 1
    assert "- PhoneCall           2025-01-17  Donald Trump (Q22686), Xi Jinping (Q15031)" in result.stdout


def test_precision_refinement_is_a_change_not_a_removal_and_an_addition(runner, old, tmp_path):
    refined = replace(base_events()["call"], date=DateValue("2025-01-21"))
    new = changed(tmp_path, call=refined)
    change = only_change(as_json(runner, old, new))
    f = fields(change)
    assert f["date"] == {"field": "date", "old": "2025-01", "new": "2025-01-21"}
    assert f["id"]["old"].startswith("kgid:event/call/2025-01/") and f["id"]["new"].startswith("kgid:event/call/2025-01-21/")
    assert set(f) == {"id", "date"}  # the mentions moved to the new IRI, but the evidence is the same
    result = run(runner, old, new)
    assert "~ Call                2025-01-21  Vladimir Putin (Q7747), Xi Jinping (Q15031)" in result.stdout
    assert "    date: 2025-01 → 2025-01-21" in result.stdout


def test_changed_event_field_by_field(runner, old, tmp_path):
    phone = base_events()["phone"]
    extra = event("PhoneCall", phone.participants, "2025-01-17", [("a2", 999)]).mentions
    new = changed(tmp_path, phone=replace(phone, type="Call", place=MOSCOW, mentions=phone.mentions + extra,
                                          duration_minutes=45))
    change = only_change(as_json(runner, old, new))
    assert change["old"]["id"] == change["new"]["id"]  # type and place are not part of an event's identity
    f = fields(change)
    assert f["type"] == {"field": "type", "old": "PhoneCall", "new": "Call"}
    assert f["place"] == {"field": "place", "new": "Moscow (Q649)"}
    assert f["sources"] == {"field": "sources", "added": ["a2"]}
    assert f["duration"] == {"field": "duration", "new": "PT45M"}
    assert f["evidence"]["added"] == ["a2:999-1039 evidence of PhoneCall in a2 at 999"]
    assert list(f) == ["type", "duration", "place", "sources", "evidence"]


def test_participant_added_is_a_change_found_by_shared_evidence(runner, old, tmp_path):
    meeting = base_events()["meeting"]
    bigger = replace(meeting, participants=meeting.participants + (TRUMP,),
                     mentions=[replace(m, participants=m.participants + (TRUMP,)) for m in meeting.mentions])
    new = changed(tmp_path, meeting=bigger)
    change = only_change(as_json(runner, old, new))
    f = fields(change)
    assert change["old"]["id"] != change["new"]["id"]  # participants are part of the identity
    assert f["participants"] == {"field": "participants", "added": ["Donald Trump (Q22686)"]}
    assert set(f) == {"id", "participants"}


def test_place_and_roles_changed(runner, old, tmp_path):
    visit = base_events()["visit"]
    new = changed(tmp_path, visit=replace(visit, place=BEIJING, roles={"Q15031": "host", "Q7747": "visitor"}))
    f = fields(only_change(as_json(runner, old, new)))
    assert f["place"] == {"field": "place", "old": "Moscow (Q649)", "new": "Beijing (Q956)"}
    assert f["host"] == {"field": "host", "added": ["Xi Jinping (Q15031)"], "removed": ["Vladimir Putin (Q7747)"]}
    assert f["visitor"] == {"field": "visitor", "added": ["Vladimir Putin (Q7747)"], "removed": ["Xi Jinping (Q15031)"]}


def test_a_change_no_field_shows_names_the_predicates(runner, old, tmp_path):
    phone = base_events()["phone"]
    new = changed(tmp_path, phone=replace(phone, mentions=[replace(phone.mentions[0], trigger="اتصال")] + phone.mentions[1:]))
    f = fields(only_change(as_json(runner, old, new)))
    assert f == {"triples": {"field": "triples", "added": ["kg:trigger"], "removed": ["kg:trigger"]}}


def test_events_with_the_same_key_pair_with_the_right_date(runner, tmp_path):
    """Two Xi–Putin calls share a key; each refined date pairs with its own month."""
    jan = event("Call", base_events()["call"].participants, "2025-01", [("a1", 10)])
    mar = event("Call", jan.participants, "2025-03", [("a1", 400)])
    old = write([jan, mar], tmp_path / "old.ttl")
    new = write([replace(jan, date=DateValue("2025-01-21")), replace(mar, date=DateValue("2025-03-02"))], tmp_path / "new.ttl")
    report = as_json(runner, old, new)
    assert not report["events"]["added"] and not report["events"]["removed"]
    assert sorted((c["old"]["date"], c["new"]["date"]) for c in report["events"]["changed"]) == [
        ("2025-01", "2025-01-21"), ("2025-03", "2025-03-02")]


def test_a_changed_date_that_is_not_a_refinement_is_a_removal_and_an_addition(runner, old, tmp_path):
    moved = replace(base_events()["visit"], date=DateValue("2024-03-20"),
                    mentions=[replace(m, start=m.start + 1000, end=m.end + 1000) for m in base_events()["visit"].mentions])
    report = as_json(runner, old, changed(tmp_path, visit=moved))
    assert [e["date"] for e in report["events"]["removed"]] == ["2023-03-20"]
    assert [e["date"] for e in report["events"]["added"]] == ["2024-03-20"]


# ---------------------------------------------------------------- blank nodes

def with_blank_places(path, out, rename: dict | None = None):
    """The graph of ``path`` as another tool might write it: places as blank nodes."""
    g = read_graph(path)
    for place in set(g.objects(None, KG.place)):
        b = BNode()
        for s, p, o in list(g.triples((None, None, place))):
            g.remove((s, p, o))
            g.add((s, p, b))
        for s, p, o in list(g.triples((place, None, None))):
            g.remove((s, p, o))
            g.add((b, p, Literal((rename or {}).get(str(o), str(o)), lang=o.language) if p == RDFS.label else o))
    g.serialize(out, format="turtle")
    return out


def test_blank_node_graphs_equal_up_to_renaming_are_identical(runner, old, tmp_path):
    a = with_blank_places(old, tmp_path / "a.ttl")
    b = with_blank_places(old, tmp_path / "b.ttl")
    result = run(runner, a, b)
    assert result.exit_code == 0, result.output
    assert "note: blank nodes found: matched with rdflib.compare (canonical labels), which is slower" in result.output


def test_blank_node_graphs_are_diffed(runner, old, tmp_path):
    a = with_blank_places(old, tmp_path / "a.ttl")
    b = with_blank_places(changed(tmp_path, phone=None), tmp_path / "b.ttl", rename={"Moscow": "Moskva"})
    result = run(runner, a, b, "json")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["notes"] == ["blank nodes found: matched with rdflib.compare (canonical labels), which is slower"]
    assert [e["type"] for e in report["events"]["removed"]] == ["PhoneCall"]
    # rdflib.compare may keep the renamed place's blank node (a changed entity) or give it a new label (the
    # visits' place changed); either way the new name is reported
    assert "Moskva (Q649)" in run(runner, a, b).stdout
    patch = run(runner, a, b, "rdf-patch").stdout
    assert "_:cb" in patch
    canonical_old = Graph()
    canonical_old += to_canonical_graph(read_graph(a))  # the patch names blank nodes by their canonical labels
    assert isomorphic(apply_patch(canonical_old, patch), read_graph(b))


# ---------------------------------------------------------------- formats

@pytest.fixture()
def pair(old, tmp_path):
    events = base_events()
    new = changed(tmp_path, call=replace(events["call"], date=DateValue("2025-01-21")), phone=None,
                  extra=event("VideoCall", [KIM, TRUMP], "2025-02-02", [("a3", 1500)]))
    return old, new


def test_rdf_patch_applied_to_old_gives_new(runner, pair):
    old, new = pair
    result = run(runner, old, new, "rdf-patch")
    assert result.exit_code == 1
    rows = result.stdout.splitlines()
    assert rows[0] == "TX ." and rows[-1] == "TC ."
    assert {r[:2] for r in rows[1:-1]} == {"A ", "D "}
    assert rows[1:-1] == sorted(rows[1:-1], key=lambda r: r[0] != "D")  # deletions first
    assert isomorphic(apply_patch(read_graph(old), result.stdout), read_graph(new))
    assert run(runner, old, old, "rdf-patch").stdout == "TX .\nTC .\n"


def test_apply_patch_rejects_broken_patches():
    with pytest.raises(DataError, match="line 2: unknown row 'X'"):
        apply_patch(Graph(), "TX .\nX <a> <b> <c> .\nTC .\n")
    with pytest.raises(DataError, match="not closed"):
        apply_patch(Graph(), "TX .\nA <urn:a> <urn:b> <urn:c> .\n")
    g = apply_patch(Graph(), "TX .\nA <urn:a> <urn:b> <urn:c> .\nTA .\n")
    assert len(g) == 0  # an aborted transaction changes nothing


def triple_counts(old, new) -> tuple[int, int]:
    """Triples added and removed, by rdflib.compare."""
    _, only_old, only_new = graph_diff(read_graph(old), read_graph(new))
    return len(only_new), len(only_old)


def test_text_format(runner, pair):
    old, new = pair
    result = run(runner, old, new)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    added, removed = triple_counts(old, new)
    assert lines[:3] == [f"--- {old}", f"+++ {new}", "events: 1 added, 1 removed, 1 changed (5 → 5); "
                         f"entities: 0 added, 0 removed; triples: +{added} -{removed}"]
    assert "+ VideoCall           2025-02-02  Donald Trump (Q22686), Kim Jong Un (Q56226)" in lines
    assert "- PhoneCall           2025-01-17  Donald Trump (Q22686), Xi Jinping (Q15031)" in lines
    assert "~ Call                2025-01-21  Vladimir Putin (Q7747), Xi Jinping (Q15031)" in lines
    assert any(line.startswith("kg:VideoCall ") and line.split()[1:] == ["0", "1", "+1"] for line in lines)
    assert "\x1b[" not in result.stdout  # no colour when not on a terminal


def test_json_format(runner, pair):
    old, new = pair
    report = as_json(runner, old, new)
    assert set(report) == {"old", "new", "identical", "events", "entities", "classes", "triples", "other", "notes"}
    assert report["identical"] is False
    assert [e["type"] for e in report["events"]["added"]] == ["VideoCall"]
    assert [e["type"] for e in report["events"]["removed"]] == ["PhoneCall"]
    assert [c["new"]["date"] for c in report["events"]["changed"]] == ["2025-01-21"]
    assert report["classes"]["https://w3id.org/kg-events/ontology#PhoneCall"] == {"old": 1, "new": 0}
    added, removed = triple_counts(old, new)
    assert report["triples"] == {"added": added, "removed": removed}


def test_markdown_format(runner, pair):
    old, new = pair
    result = run(runner, old, new, "markdown")
    assert result.exit_code == 1
    text = result.stdout
    assert text.startswith("## Graph changes: `old.ttl` → `new.ttl`\n")
    assert "### Added events\n\n- **VideoCall**, 2025-02-02: Donald Trump (Q22686), Kim Jong Un (Q56226)\n" in text
    assert "### Removed events\n\n- **PhoneCall**, 2025-01-17: Donald Trump (Q22686), Xi Jinping (Q15031)\n" in text
    assert "### Changed events\n\n- **Call**, 2025-01-21: Vladimir Putin (Q7747), Xi Jinping (Q15031)\n  - id: " in text
    assert "  - date: 2025-01 → 2025-01-21\n" in text
    assert "| `kg:PhoneCall` | 1 | 0 | -1 |" in text


def test_library_and_cli_agree(runner, pair):
    old, new = pair
    assert to_rdf_patch(diff_files(old, new)) == run(runner, old, new, "rdf-patch").stdout


# ---------------------------------------------------------------- errors

def test_unreadable_input_exits_2(runner, old, tmp_path):
    garbage = tmp_path / "garbage.ttl"
    garbage.write_text("this is not turtle <<<", encoding="utf-8")
    result = run(runner, old, garbage)
    assert result.exit_code == 2
    assert result.output.startswith(f"error: {garbage}: cannot be read as turtle:")
    result = run(runner, tmp_path / "missing.ttl", old)
    assert result.exit_code == 2 and result.output == f"error: {tmp_path / 'missing.ttl'}: no such file\n"
    result = run(runner, old, old, "yaml")
    assert result.exit_code == 2 and "unknown format 'yaml'; use text, json, markdown or rdf-patch" in result.output


def test_seeds_graph_against_itself_with_one_event_dropped(runner, seeds_graph, tmp_path):
    g = read_graph(seeds_graph)
    victim = sorted(s for t in (KG.Call, KG.PhoneCall, KG.VideoCall, KG.Meeting, KG.Visit, KG.Summit)
                    for s in g.subjects(RDF.type, t))[0]
    for t in list(g.triples((victim, None, None))):
        g.remove(t)
    smaller = tmp_path / "smaller.ttl"
    g.serialize(smaller, format="turtle")
    report = as_json(runner, seeds_graph, smaller)
    assert [e["id"] for e in report["events"]["removed"]] == [str(victim)]
    assert not report["events"]["added"] and not report["events"]["changed"]


# ---------------------------------------------------------------- the benchmark, at a smoke size

def test_benchmark_script_runs_and_updates_its_section_only(tmp_path):
    import subprocess
    import sys

    from .conftest import ROOT

    results = tmp_path / "RESULTS.md"
    results.write_text("# Benchmark results\n\n## other benchmark\n\nkept\n\n"
                       "<!-- bench:query-diff:start -->\nold numbers\n<!-- bench:query-diff:end -->\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, str(ROOT / "bench" / "bench_query_diff.py"), "--triples", "3000",
                           "--results", str(results)], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    text = results.read_text(encoding="utf-8")
    assert "## other benchmark\n\nkept\n" in text and "old numbers" not in text
    assert text.count("<!-- bench:query-diff:start -->") == 1
    assert "Command: `python bench/bench_query_diff.py --triples 3000 --change 0.01 --seed 7`" in text
    assert "cores" in text and "| diff of the two files, end to end" in text


def test_help_of_the_new_commands_has_an_example(runner):
    for cmd in ("export", "query", "diff"):
        result = runner.invoke(app, [cmd, "--help"])
        assert result.exit_code == 0 and "Example" in result.output, cmd
