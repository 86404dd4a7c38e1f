"""Benchmark `kg build` at scale on synthetic Arabic articles; update bench/RESULTS.md.

Every figure comes from a fresh process, so each peak RSS is that run's own:

- extraction (read, extract, merge) on one worker and on every core, in articles/s;
- `kg build` end to end at every size, the command a user types, with its wall time and
  the peak RSS of its largest process (the main one or a worker);
- the streamed build stage by stage at each size on every core (extraction, the index of
  the merged events, SHACL validation chunk by chunk in the workers, the Turtle written
  subject by subject), with the peak RSS of the main process after each;
- reading the Turtle back with pyoxigraph (as `kg query`/`kg diff` do), which also checks
  the triple count; with rdflib too (as `kg validate`/`kg load` do) up to --rdflib-max articles;
- loading the 10k-article graph into a graph database over the loader's real
  Cypher (Neo4j 5 from tools/neo4j, as in bench_neo4j_load.py).

The corpora come from bench/gen_articles.py (deterministic; about 5 KB per article).

    bench/run                                              # 10k and 100k articles
    bench/run --sizes 10000 100000 1000000 --no-neo4j      # with a million (5 GB of articles)
    bench/run --sizes 500 2000 --results /tmp/r.md         # a smoke run
"""

from __future__ import annotations

import argparse
import datetime as dt
import filecmp
import json
import os
import platform
import resource
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

from kg.build import EVENTS_PER_CHUNK  # noqa: E402

START, END = "<!-- bench:scale:start -->", "<!-- bench:scale:end -->"
DEFAULT_SIZES = [10_000, 100_000]
# what the in-memory build (one rdflib Graph of the corpus, validated whole) took here, for comparison:
# bench/run of 2026-12-05 at load 1.0, kg build of 100,000 articles stage by stage on 2 workers
IN_MEMORY_100K = {"extract_s": 122.9, "graph_s": 137.9, "shacl_s": 302.6, "write_s": 58.1, "peak_mb": 5440}


def peak_mb() -> float:
    """This process's peak resident memory so far, in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def clock():
    t0 = time.perf_counter()
    return lambda: time.perf_counter() - t0


# ---------------------------------------------------------------- stages (each runs in its own process)
def stage_extract(corpus: str, workers: int) -> dict:
    from kg.corpus import Reader
    from kg.pipeline import collect, extracted_local, local_pool
    from kg.spill import SpilledGraph

    reader = Reader()
    pool = local_pool(workers)
    try:
        with SpilledGraph() as store:
            took = clock()
            seen = collect(extracted_local(reader.read([Path(corpus)]), (), pool, workers), store)
            collected = took()
            store.merge()
            seconds = took()
    finally:
        if pool is not None:
            pool.shutdown()
    return {"articles": seen.read, "events": store.event_count, "seconds": seconds, "peak_mb": peak_mb(),
            "workers": workers, "collect_seconds": collected, "merge_seconds": seconds - collected}


def stage_pipeline(corpus: str, workers: int, out: str) -> dict:
    """The steps of ``kg build``, each timed: extraction into the spill, the merge and the indexes,
    validation in the workers, then the Turtle written (after validation here, not meanwhile)."""
    from kg.build import Validation, build_info
    from kg.corpus import Reader
    from kg.export import export_streamed
    from kg.pipeline import collect, extracted_local, local_pool
    from kg.spill import SpilledGraph

    r: dict = {"workers": workers}
    reader = Reader()
    pool = local_pool(workers)
    with SpilledGraph() as source:
        try:
            took = clock()
            seen = collect(extracted_local(reader.read([Path(corpus)]), (), pool, workers), source)
            r.update(articles=seen.read, extract_s=took(), extract_mb=peak_mb())
            took = clock()
            source.merge()
            source.seal(build_info(reader, seen))
            r.update(events=source.event_count, index_s=took(), index_mb=peak_mb())
            took = clock()
            report = Validation(source, pool.submit if pool else None, 2 * workers).run().result()
            r.update(shacl_s=took(), conforms=report.conforms, shacl_mb=peak_mb())
        finally:
            if pool is not None:
                pool.shutdown()
        took = clock()
        tally = [0]
        export_streamed(source, Path(out), tally=tally)
        r.update(write_s=took(), triples=tally[0], bytes=Path(out).stat().st_size, build_mb=peak_mb())
    return r


def stage_read(path: str, with_rdflib: int) -> dict:
    import pyoxigraph
    from rdflib import Graph

    r: dict = {}
    if with_rdflib:
        took = clock()
        g = Graph()
        g.parse(path, format="turtle")
        r.update(rdflib_s=took(), triples=len(g))
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
    ap.add_argument("--sizes", type=int, nargs="+", default=DEFAULT_SIZES,
                    help="corpus sizes (articles); extraction rates use the smallest")
    ap.add_argument("--stages-max", type=int, default=None,
                    help="time the build stage by stage only up to this many articles (default: every size)")
    ap.add_argument("--rdflib-max", type=int, default=10_000,
                    help="read the Turtle back with rdflib too up to this many articles (minutes beyond)")
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
    main_size = sizes[0]
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
    e2e = {}
    for n in sizes:
        e2e[n] = run_kg_build(corpora[n], args.workdir / f"kg{n}.ttl")
        log(f"kg build {n:,}: {e2e[n]['seconds']:.1f} s, {e2e[n]['peak_mb']:.0f} MB (load {os.getloadavg()[0]:.1f})")
    pipe = {}
    for n in (n for n in sizes if args.stages_max is None or n <= args.stages_max):
        out = args.workdir / f"pipe{n}.ttl"
        pipe[n] = run_stage("pipeline", corpora[n], cores, out)
        pipe[n]["read"] = run_stage("read", out, int(n <= args.rdflib_max))
        pipe[n]["same_bytes"] = filecmp.cmp(out, args.workdir / f"kg{n}.ttl", shallow=False)
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
    if args.sizes != DEFAULT_SIZES:
        cmd.append("--sizes " + " ".join(map(str, args.sizes)))
    if args.stages_max is not None:
        cmd.append(f"--stages-max {args.stages_max}")
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
        f"pyoxigraph {version('pyoxigraph')}. Load average {load[0]:.1f} at the start, {load[1]:.1f} at the end "
        "(the machine is shared: a load above the number of cores slows every figure below).",
        "",
        f"Command: `{' '.join(cmd)}`",
        "",
        "Corpora: `python bench/gen_articles.py N synN.jsonl` (deterministic synthetic Arabic articles, "
        + ", ".join(f"{n:,}: {corpora[n].stat().st_size / 1e6:,.0f} MB" for n in sorted(corpora)) + ").",
        "",
        "### End to end: `kg build synN.jsonl -o kgN.ttl -q`",
        "",
        "The spilled build: extraction on every core into SQLite on disk (kg/spill.py), merged a group at a time, SHACL validation a chunk of "
        f"{EVENTS_PER_CHUNK:,} events at a time in the worker processes while the main process writes the Turtle "
        "subject by subject. Peak RSS is that of the largest process of the build (main or worker).",
        "",
        "| articles | seconds | articles/s | peak RSS | MB per 1,000 articles |",
        "| ---: | ---: | ---: | ---: | ---: |",
    ]
    for n in sorted(e2e):
        r = e2e[n]
        lines.append(f"| {n:,} | {r['seconds']:.1f} | {n / r['seconds']:,.0f} | {r['peak_mb']:,.0f} MB | "
                     f"{r['peak_mb'] / n * 1000:,.1f} |")
    lines += [
        "",
        f"### Stage by stage on {cores} workers",
        "",
        "| articles | events | triples | extract | index | SHACL by chunks | Turtle write | peak RSS after extract / "
        "index / SHACL / write (main process) | Turtle read, pyoxigraph | Turtle read, rdflib | same bytes as `kg build` |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | :---: |",
    ]
    for n in sorted(pipe):
        p = pipe[n]
        rd = p["read"]
        t = p["triples"]
        rdflib = f"{rd['rdflib_s']:.1f} s ({t / rd['rdflib_s'] / 1e3:,.0f}k/s)" if "rdflib_s" in rd else "not run"
        lines.append(
            f"| {p['articles']:,} | {p['events']:,} | {t:,} | {p['extract_s']:.1f} s | {p['index_s']:.1f} s | "
            f"{p['shacl_s']:.1f} s ({t / p['shacl_s'] / 1e3:,.0f}k triples/s) | "
            f"{p['write_s']:.1f} s ({t / p['write_s'] / 1e3:,.0f}k/s, {p['bytes'] / 1e6:,.0f} MB) | "
            f"{p['extract_mb']:,.0f} / {p['index_mb']:,.0f} / {p['shacl_mb']:,.0f} / {p['build_mb']:,.0f} MB | "
            f"{rd['oxigraph_s']:.1f} s ({t / rd['oxigraph_s'] / 1e3:,.0f}k/s) | {rdflib} | "
            f"{'yes' if p['same_bytes'] else 'NO'} |")
        assert p["conforms"] and t == rd["oxigraph_triples"] and rd.get("triples", t) == t
    old = IN_MEMORY_100K
    lines += [
        "",
        "Every graph conformed to the shapes and read back with the triple count the writer counted"
        + ("; the stage-by-stage Turtle is byte for byte the file `kg build` wrote. " if all(
            p["same_bytes"] for p in pipe.values()) else ". ")
        + "Validation and writing run one after the other here, at the same time in `kg build`.",
        "",
        f"For comparison, the in-memory build this replaces (one rdflib Graph of the corpus, validated whole) "
        f"took at 100,000 articles: extraction {old['extract_s']} s, RDF graph {old['graph_s']} s, SHACL "
        f"{old['shacl_s']} s, Turtle {old['write_s']} s, peak RSS {old['peak_mb']:,} MB (bench/run of 2026-12-05, "
        "load 1.0).",
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
    lines += [
        "",
        f"At {one_rate:,.0f} articles/s, one core extracts a day of global news (100,000 articles) in "
        f"{100_000 / one_rate / 60:.1f} minutes; {best['workers']} workers in "
        f"{100_000 / (best['articles'] / best['seconds']) / 60:.1f}.",
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


STAGES = {"extract": stage_extract, "pipeline": stage_pipeline, "read": stage_read, "neo4j": stage_neo4j}


if __name__ == "__main__":
    sys.exit(main())
