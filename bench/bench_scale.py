"""Benchmark `kg build` at scale on synthetic Arabic articles; update bench/RESULTS.md.

Every figure comes from a fresh process, so each peak RSS is that run's own:

- extraction (read, extract, merge) on one worker and on every core, in articles/s;
- `kg build` end to end, the command a user types, with its wall time and peak RSS;
- the pipeline stage by stage at each size (extraction, RDF graph, SHACL whole-graph,
  Turtle write, then SHACL in batches of events), with the peak RSS of the build;
- reading the Turtle back (rdflib, which `kg validate`/`kg load` use; pyoxigraph,
  which `kg query`/`kg diff` use);
- loading the 10k-article graph into a graph database over the loader's real
  Cypher (Neo4j 5 from tools/neo4j, as in bench_neo4j_load.py).

The corpora come from bench/gen_articles.py (deterministic; about 5 KB per article).

    bench/run                                              # 1k, 10k and 100k articles
    bench/run --sizes 500 2000 --results /tmp/r.md         # a smoke run
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import resource
import shlex
import subprocess
import sys
import time
from importlib.metadata import version
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

from machine import cpu_name, update_section  # noqa: E402

START, END = "<!-- bench:scale:start -->", "<!-- bench:scale:end -->"


def peak_mb() -> float:
    """This process's peak resident memory so far, in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def clock():
    t0 = time.perf_counter()
    return lambda: time.perf_counter() - t0


# ---------------------------------------------------------------- stages (each runs in its own process)
def stage_extract(corpus: str, workers: int) -> dict:
    from kg.corpus import Reader
    from kg.pipeline import run_local

    reader = Reader()
    took = clock()
    articles, events, _, _, seen = run_local(reader.read([Path(corpus)]), workers=workers)
    seconds = took()
    return {"articles": seen.read, "events": len(events), "seconds": seconds, "peak_mb": peak_mb(),
            "workers": workers}


def stage_pipeline(corpus: str, workers: int, out: str) -> dict:
    from kg.build import write_graph
    from kg.corpus import Reader
    from kg.graph import BuildInfo, events_graph
    from kg.pipeline import run_local
    from kg.validate import validate_graph

    r: dict = {"workers": workers}
    reader = Reader()
    took = clock()
    articles, events, _, _, seen = run_local(reader.read([Path(corpus)]), workers=workers)
    r.update(articles=seen.read, events=len(events), extract_s=took(), extract_mb=peak_mb())
    took = clock()
    graph = events_graph(events, articles, BuildInfo(inputs=reader.inputs, articles_read=seen.read,
                                                     articles_skipped=len(reader.problems)))
    r.update(triples=len(graph), graph_s=took())
    took = clock()
    report = validate_graph(graph)
    r.update(shacl_s=took(), conforms=report.conforms)
    took = clock()
    write_graph(graph, Path(out))
    r.update(write_s=took(), bytes=Path(out).stat().st_size, build_mb=peak_mb())
    took = clock()
    batched = validate_graph(graph, batched=True)
    r.update(shacl_batched_s=took(), batched_conforms=batched.conforms)
    return r


def stage_read(path: str) -> dict:
    import pyoxigraph
    from rdflib import Graph

    took = clock()
    g = Graph()
    g.parse(path, format="turtle")
    r = {"rdflib_s": took(), "triples": len(g)}
    del g
    took = clock()
    store = pyoxigraph.Store()
    store.load(path=path, format=pyoxigraph.RdfFormat.TURTLE)  # as kg query does
    r.update(oxigraph_s=took(), oxigraph_triples=len(store))
    return r


def stage_neo4j(path: str) -> dict:
    from rdflib import Graph

    from kg.neo4j_load import load
    from kg.neo4j_model import to_property_graph
    from tests.neo4j_server import Neo4jServer

    g = Graph()
    g.parse(path, format="turtle")
    took = clock()
    pg = to_property_graph(g)
    r: dict = {"model_s": took(), "nodes": len(pg.nodes), "rels": len(pg.rels)}
    server = Neo4jServer(heap="2g").start()
    try:
        settings = server.settings(retry_seconds=30)  # kg load's defaults otherwise
        with server.bolt() as runner:
            first = load(runner, pg, settings)
            again = load(runner, pg, settings)
        r.update(load_s=first.seconds, reload_s=again.seconds, events=len(first.added),
                 nodes_written=first.nodes_written, rels_written=first.relationships_written,
                 reload_unchanged=not (again.added or again.changed or again.removed))
    finally:
        server.stop()
    return r


def run_stage(name: str, *args) -> dict:
    """One stage in a fresh interpreter; its JSON result."""
    cmd = [sys.executable, __file__, "--stage", name, *map(str, args)]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"stage {name} failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def run_kg_build(corpus: Path, out: Path) -> dict:
    """`kg build` as a user runs it: wall time and the peak RSS of the process tree's largest process."""
    kg = Path(sys.executable).with_name("kg")
    cmd = [str(kg), "build", str(corpus), "-o", str(out), "-q"]
    wrapper = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
               "rc = subprocess.run(sys.argv[1:]).returncode; s = time.perf_counter() - t; "
               "print(rc, s, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)")
    proc = subprocess.run([sys.executable, "-c", wrapper, *cmd], capture_output=True, text=True)
    rc, seconds, mb = proc.stdout.split()
    if rc != "0":
        raise SystemExit(f"kg build failed ({rc}):\n{proc.stderr[-3000:]}")
    return {"seconds": float(seconds), "peak_mb": float(mb), "command": f"kg build {corpus.name} -o {out.name} -q"}


# ---------------------------------------------------------------- the run
def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000],
                    help="corpus sizes (articles); extraction rates and kg build use the second (or only) one")
    ap.add_argument("--workdir", type=Path, default=Path("/tmp/kg-bench-scale"), help="corpora and graphs go here")
    ap.add_argument("--no-neo4j", action="store_true", help="skip the graph-database load")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--results", type=Path, default=HERE / "RESULTS.md", help="the results file to update")
    ap.add_argument("--stage", nargs="+", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.stage:
        name, *rest = args.stage
        fn = STAGES[name]
        params = [int(x) if x.isdigit() else x for x in rest]
        print(json.dumps(fn(*params)))
        return 0

    from kg.pipeline import default_workers

    log = lambda msg: print(msg, file=sys.stderr, flush=True)  # noqa: E731
    cores = default_workers()
    args.workdir.mkdir(parents=True, exist_ok=True)
    sizes = sorted(set(args.sizes))
    main_size = sizes[1] if len(sizes) > 1 else sizes[0]
    corpora = {}
    for n in sizes:
        corpus = args.workdir / f"syn{n}.jsonl"
        if not corpus.is_file():
            took = clock()
            subprocess.run([sys.executable, str(HERE / "gen_articles.py"), str(n), str(corpus), "--seed",
                            str(args.seed)], check=True, capture_output=True)
            log(f"generated {n:,} articles in {took():.0f} s")
        corpora[n] = corpus
    load_start = os.getloadavg()[0]

    rates = []
    for w in sorted({1, cores}):
        r = run_stage("extract", corpora[main_size], w)
        rates.append(r)
        log(f"extract {main_size:,} articles on {w} worker(s): {r['articles'] / r['seconds']:.0f} articles/s")
    e2e = run_kg_build(corpora[main_size], args.workdir / f"kg{main_size}.ttl")
    log(f"kg build {main_size:,}: {e2e['seconds']:.1f} s, {e2e['peak_mb']:.0f} MB")
    pipe = {}
    for n in sizes:
        out = args.workdir / f"pipe{n}.ttl"
        pipe[n] = run_stage("pipeline", corpora[n], cores, out)
        pipe[n]["read"] = run_stage("read", out)
        log(f"pipeline {n:,}: {json.dumps(pipe[n])}")
    neo = None
    if not args.no_neo4j:
        neo = run_stage("neo4j", args.workdir / f"pipe{main_size}.ttl")
        log(f"neo4j load: {json.dumps(neo)}")
    load_end = os.getloadavg()[0]

    text = section(args, cores, main_size, corpora, rates, e2e, pipe, neo, (load_start, load_end))
    update_section(args.results, START, END, text)
    sys.stdout.write(text)
    return 0


def section(args, cores, main_size, corpora, rates, e2e, pipe, neo, load) -> str:
    cmd = ["bench/run"]
    if args.sizes != [1_000, 10_000, 100_000]:
        cmd.append("--sizes " + " ".join(map(str, args.sizes)))
    if args.no_neo4j:
        cmd.append("--no-neo4j")
    if args.seed != 7:
        cmd.append(f"--seed {args.seed}")
    one = next(r for r in rates if r["workers"] == 1)
    best = max(rates, key=lambda r: r["workers"])
    one_rate = one["articles"] / one["seconds"]
    lines = [
        START,
        "## `kg build` at scale (bench/bench_scale.py)",
        "",
        f"Latest run {dt.date.today().isoformat()} on {cores} cores ({cpu_name()}), Python "
        f"{platform.python_version()}, rdflib {version('rdflib')}, pyshacl {version('pyshacl')}, "
        f"pyoxigraph {version('pyoxigraph')}. Load average {load[0]:.1f} at the start, {load[1]:.1f} at the end.",
        "",
        f"Command: `{' '.join(cmd)}`",
        "",
        "Corpora: `python bench/gen_articles.py N synN.jsonl` (deterministic synthetic Arabic articles, "
        + ", ".join(f"{n:,}: {corpora[n].stat().st_size / 1e6:,.0f} MB" for n in sorted(corpora)) + ").",
        "",
        f"### Extraction ({main_size:,} articles: read, extract, merge)",
        "",
        "| workers | seconds | articles/s | per worker | speed-up | peak RSS (main process) |",
        "| ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in rates:
        rate = r["articles"] / r["seconds"]
        lines.append(f"| {r['workers']} | {r['seconds']:.1f} | {rate:,.0f} | {rate / r['workers']:,.0f} | "
                     f"{rate / one_rate:.2f}× | {r['peak_mb']:,.0f} MB |")
    day = 100_000 / one_rate
    lines += [
        "",
        f"At {one_rate:,.0f} articles/s, one core extracts a day of global news (100,000 articles) in "
        f"{day / 60:.1f} minutes; {best['workers']} workers in "
        f"{100_000 / (best['articles'] / best['seconds']) / 60:.1f}.",
        "",
        f"### End to end: `{e2e['command']}`",
        "",
        f"{e2e['seconds']:.1f} s wall time ({main_size / e2e['seconds']:,.0f} articles/s including SHACL "
        f"validation and writing Turtle), peak RSS {e2e['peak_mb']:,.0f} MB.",
        "",
        f"### Stage by stage on {cores} workers",
        "",
        "| articles | events | triples | extract | RDF graph | SHACL whole | SHACL batched | Turtle write | "
        "peak RSS of the build | Turtle read, rdflib | Turtle read, pyoxigraph |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for n in sorted(pipe):
        p = pipe[n]
        rd = p["read"]
        t = p["triples"]
        lines.append(
            f"| {p['articles']:,} | {p['events']:,} | {t:,} | {p['extract_s']:.1f} s | {p['graph_s']:.1f} s | "
            f"{p['shacl_s']:.1f} s ({t / p['shacl_s'] / 1e3:,.0f}k triples/s) | "
            f"{p['shacl_batched_s']:.1f} s ({t / p['shacl_batched_s'] / 1e3:,.0f}k/s) | "
            f"{p['write_s']:.1f} s ({t / p['write_s'] / 1e3:,.0f}k/s, {p['bytes'] / 1e6:,.0f} MB) | "
            f"{p['build_mb']:,.0f} MB | {rd['rdflib_s']:.1f} s ({t / rd['rdflib_s'] / 1e3:,.0f}k/s) | "
            f"{rd['oxigraph_s']:.1f} s ({t / rd['oxigraph_s'] / 1e3:,.0f}k/s) |")
        assert p["conforms"] and p["batched_conforms"] and rd["triples"] == t == rd["oxigraph_triples"]
    big = pipe[max(pipe)]
    lines += [
        "",
        "Every graph conformed to the shapes both ways and read back with the same triple count. The peak RSS "
        "of the build is the high-water mark after writing the Turtle, before the batched validation; the "
        f"extraction alone peaked at {big['extract_mb']:,.0f} MB for {big['articles']:,} articles (texts are "
        "dropped once extracted; what stays is the merged events and each article's metadata).",
    ]
    if neo:
        lines += [
            "",
            f"### Loading the {main_size:,}-article graph into a graph database",
            "",
            f"The property-graph model of the graph above: {neo['nodes']:,} nodes, {neo['rels']:,} relationships "
            f"(made in {neo['model_s']:.1f} s). `kg.neo4j_load.load` with `kg load`'s defaults into Neo4j "
            f"{__import__('tests.neo4j_server', fromlist=['Neo4jServer']).Neo4jServer.version()} (tools/neo4j): "
            f"{neo['load_s']:.1f} s into an empty database ({neo['nodes_written'] / neo['load_s']:,.0f} nodes/s, "
            f"{neo['rels_written'] / neo['load_s']:,.0f} relationships/s, {neo['events']:,} events); loading it "
            f"again took {neo['reload_s']:.1f} s and "
            + ("changed nothing." if neo["reload_unchanged"] else "REPORTED CHANGES (a bug).")
            + " Larger loads and the batch-size sweep: the `kg load` section.",
        ]
    lines.append(END)
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.exit(main())
