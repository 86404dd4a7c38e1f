"""Benchmark SHACL engines against pyshacl on kg graphs; update bench/RESULTS.md.

For each graph file (a `kg build` of bench/gen_articles.py articles), each engine
validates the graph as kg holds it (an rdflib Graph; engines that read text are given
N-Triples, and the conversion is counted in their time). An engine *agrees with
pyshacl* when its kg report (kg.validate.report_of: violations with their events and
articles) equals pyshacl's on:

- the seeds graph and each of its broken copies, one per constraint of
  ontology/shapes.ttl, and the copy with every break (tests/shape_breaks.py);
- each benchmark graph, and (``--broken``) the benchmark graph with every break of the
  seeds graph added.

    python bench/gen_articles.py 10000 /tmp/syn10000.jsonl
    kg build /tmp/syn10000.jsonl -o /tmp/syn10000.nt --no-validate -q
    python bench/bench_validate.py /tmp/syn10000.nt --broken
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import subprocess
import sys
import tempfile
from importlib.metadata import version
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(HERE), str(ROOT)]

from bench_query_diff import secs, timed  # noqa: E402
from machine import cpu_name, update_section  # noqa: E402

START, END = "<!-- bench:validate:start -->", "<!-- bench:validate:end -->"
PACKAGES = {"pyshacl": "pyshacl", "pyshacl inplace": "pyshacl", "shacl": "shacl",
            "pyshacl-turbo": "pyshacl-turbo", "pyrudof": "pyrudof"}


def _pyshacl_inplace(data):
    """pyshacl told it may work on the data graph itself (no copy of it first)."""
    from pyshacl import validate

    from kg.validate import _findings_of_report_graph, shapes

    conforms, results, _ = validate(data, shacl_graph=shapes(), inference="none", advanced=False,
                                    allow_warnings=True, inplace=True)
    return bool(conforms), _findings_of_report_graph(results)


def _turbo(data):
    """pyshacl-turbo: pyshacl's API over a Rust engine; its report graph is read as pyshacl's."""
    import pyshacl_turbo

    from kg.validate import _findings_of_report_graph, shapes

    conforms, results, _ = pyshacl_turbo.validate(data, shacl_graph=shapes(), inference="none",
                                                  allow_warnings=True)
    return bool(conforms), _findings_of_report_graph(results)


def _rudof_session():
    import pyrudof

    from kg.vocab import SHAPES_FILE

    session = pyrudof.Rudof(pyrudof.RudofConfig())
    session.read_shacl(str(SHAPES_FILE))
    return session


def _rudof_value(text: str | None) -> str:
    """pyrudof's value: '"2217"', '"3"^^xsd:integer', a bare IRI or '_:label'."""
    from kg.validate import BLANK

    if not text:
        return ""
    if text.startswith("_:"):
        return BLANK
    return text[1:text.rindex('"')] if text.startswith('"') else text


def _rudof(data):
    """pyrudof (rudof in Rust), fed the graph as N-Triples; messages are its own text
    followed by the shape's sh:message, which is the one kept."""
    import pyrudof

    from kg.validate import _finding, _messages

    session = _rudof_session()
    session.read_data(data.serialize(format="nt"), format=pyrudof.RDFFormat.NTriples)
    report = session.validate_shacl()
    findings = []
    for e in report:
        message = next((m for m in _messages() if m in e.message), None)
        findings.append(_finding(_rudof_value(e.focus_node), e.path or "", message, _rudof_value(e.value),
                                 e.constraint_component))
    return bool(report.conforms), findings


def engines() -> dict:
    """Every engine to measure, by name; kg's own first."""
    from kg.validate import ENGINES

    return {"pyshacl": ENGINES["pyshacl"][0], "pyshacl inplace": _pyshacl_inplace, "shacl": ENGINES["shacl"][0],
            "pyshacl-turbo": _turbo, "pyrudof": _rudof}


def report(run, data):
    from kg.validate import report_of

    return report_of(data, *run(data))


def seeds_graph():
    """The seeds built by `kg build`, as the tests build them."""
    from rdflib import Graph

    out = Path(tempfile.mkdtemp()) / "seeds.nt"
    subprocess.run([sys.executable, "-m", "kg.cli", "build", str(ROOT / "seeds"), "-o", str(out), "-q"], check=True)
    return Graph().parse(out, format="nt")


def break_cases(seeds) -> list:
    """(name, graph, pyshacl's report) for the valid seeds, each break and every break at once."""
    from tests.shape_breaks import all_breaks, breaks

    graphs = [("valid", seeds)] + [(name, g) for name, *_, g in breaks(seeds)] + [("every break", all_breaks(seeds))]
    run = engines()["pyshacl"]
    return [(name, g, report(run, g)) for name, g in graphs]


def break_disagreements(run, cases) -> list[str]:
    """The seed graphs (valid and broken) the engine reports differently from pyshacl."""
    return [name for name, g, expected in cases if report(run, g) != expected]


def measure(path: Path, chosen: dict, seeds, broken: bool) -> dict:
    """Each engine's time on one graph, and whether its report equals pyshacl's there
    (and, with `broken`, on the graph with every break of the seeds added)."""
    from rdflib import Graph

    from tests.shape_breaks import all_breaks

    from kg.validate import validate_file

    shacl_file = timed(validate_file, path, "shacl") if "shacl" in chosen else None
    data, parse = timed(Graph().parse, str(path))
    _, to_nt = timed(data.serialize, format="nt")
    runs = {name: timed(report, run, data) for name, run in chosen.items()}
    expected = runs["pyshacl"][0]
    result = {"graph": path.name, "triples": len(data), "parse": parse, "to_nt": to_nt,
              "seconds": {n: t for n, (_, t) in runs.items()},
              "agrees": {n: r == expected for n, (r, _) in runs.items()},
              "conforms": expected.conforms}
    if shacl_file:
        result["file"] = {"pyshacl": parse + runs["pyshacl"][1], "shacl": shacl_file[1]}
        result["agrees"]["shacl"] = result["agrees"]["shacl"] and shacl_file[0] == expected
    if broken:
        data += all_breaks(seeds)
        bad = {name: report(run, data) for name, run in chosen.items()}
        result["broken_violations"] = len(bad["pyshacl"].violations)
        result["agrees"] = {n: ok and bad[n] == bad["pyshacl"] for n, ok in result["agrees"].items()}
    return result


def rate(triples: int, seconds: float) -> str:
    return f"{triples / seconds / 1000:,.0f}k"


def markdown(results: list[dict], disagreements: dict, n_breaks: int, command: str, load: tuple[str, str]) -> str:
    versions = ", ".join(f"{p} {version(p)}" for p in sorted({PACKAGES[n] for n in disagreements}))
    lines = [START, "## SHACL engines against pyshacl (bench/bench_validate.py)", "",
             f"Latest run {dt.date.today()} on {os.cpu_count()} cores ({cpu_name()}), Python {platform.python_version()}, "
             f"rdflib {version('rdflib')}, {versions}. Load average {load[0]} at the start, {load[1]} at the end.", "",
             f"Command: `{command}`", "",
             "*agrees* means the engine's report (every violation with its focus, path, value, constraint, "
             "message, events and articles) equals pyshacl's on the benchmark graph, on the graph with every "
             "break of the seeds added (where measured), and on the seeds graph and each of its "
             f"{n_breaks} broken copies (at least one per constraint of "
             "ontology/shapes.ttl, tests/shape_breaks.py). Times start from the graph in memory as an rdflib "
             "Graph, as kg holds it; engines that read text are given N-Triples, and that conversion is in "
             "their time.", "",
             "| graph | engine | triples | seconds | triples/s | vs pyshacl | agrees with pyshacl |",
             "| --- | --- | ---: | ---: | ---: | ---: | --- |"]
    for r in results:
        base = r["seconds"]["pyshacl"]
        for name, seconds in r["seconds"].items():
            why = ", ".join(disagreements[name][:3]) + (" ..." if len(disagreements[name]) > 3 else "")
            ok = "yes" if r["agrees"][name] and not disagreements[name] else f"no ({why or 'the graphs'})"
            lines.append(f"| {r['graph']} | {name} | {r['triples']:,} | {secs(seconds)} | {rate(r['triples'], seconds)} "
                         f"| {base / seconds:.1f}× | {ok} |")
    lines += ["", "`kg validate FILE --engine NAME`, from the file (pyshacl: rdflib's parse and pyshacl's "
              "validation above; shacl reads the file itself, and rdflib parses it only to name the events "
              "and articles of violations):", "",
              "| graph | triples | pyshacl | shacl | speed-up |", "| --- | ---: | ---: | ---: | ---: |"]
    lines += [f"| {r['graph']} | {r['triples']:,} | {secs(r['file']['pyshacl'])} "
              f"({rate(r['triples'], r['file']['pyshacl'])}/s) | {secs(r['file']['shacl'])} "
              f"({rate(r['triples'], r['file']['shacl'])}/s) | {r['file']['pyshacl'] / r['file']['shacl']:.1f}× |"
              for r in results if "file" in r]
    lines.append("")
    for r in results:
        broken = f"; with the seeds' breaks added pyshacl reports {r['broken_violations']} violations" \
            if "broken_violations" in r else ""
        lines.append(f"- {r['graph']}: rdflib parse {secs(r['parse'])}, rdflib → N-Triples {secs(r['to_nt'])} "
                     f"(part of the text engines' time); pyshacl: {'conforms' if r['conforms'] else 'violations'}{broken}.")
    lines.append(END)
    return "\n".join(lines) + "\n"


def load_average() -> str:
    return f"{os.getloadavg()[0]:.1f}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("graphs", nargs="+", type=Path, help="kg graph files (N-Triples or Turtle)")
    ap.add_argument("--engines", nargs="+", default=list(PACKAGES), help="engines to measure (pyshacl is always one)")
    ap.add_argument("--broken", action="store_true", help="also compare reports on each graph with the seeds' breaks added")
    ap.add_argument("--results", type=Path, default=HERE / "RESULTS.md", help="the results file to update")
    ap.add_argument("--no-update", action="store_true", help="print the section instead of writing it")
    args = ap.parse_args()
    start = load_average()
    chosen = {n: r for n, r in engines().items() if n == "pyshacl" or n in args.engines}
    cases = break_cases(seeds_graph())
    disagreements = {name: break_disagreements(run, cases) for name, run in chosen.items()}
    seeds = cases[0][1]
    results = []
    for path in args.graphs:
        results.append(measure(path, chosen, seeds, args.broken))
        print(results[-1]["graph"], results[-1]["triples"], results[-1]["seconds"], results[-1]["agrees"], file=sys.stderr)
    command = "python bench/bench_validate.py " + " ".join(sys.argv[1:])
    text = markdown(results, disagreements, len(cases) - 2, command, (start, load_average()))
    if args.no_update:
        print(text)
    else:
        update_section(args.results, START, END, text)
        print(text)


if __name__ == "__main__":
    main()
