"""Benchmark `kg load` into Neo4j 5 against rdflib-neo4j on `kg build` graphs; update bench/RESULTS.md.

The server is the tests' Neo4j 5 Community (tools/neo4j, `make neo4j`), on
127.0.0.1 with auth on. The graphs are `kg build` output for synthetic
corpora (bench/gen_articles.py). For each corpus size, each load starts from
an empty database on a fresh server with the same settings:

- `kg load` (kg.neo4j_load.load with the CLI's defaults), then the identical
  graph loaded again (nothing changes, so it should be much faster);
- rdflib-neo4j (PyPI 1.1, ``Neo4jStore`` with batching, its defaults, and the
  uniqueness constraint on ``Resource.uri`` it asks for) on the same Turtle file.

Rates count what each tool stored (nodes + relationships) over its wall time,
parsing included for both, since both start from the same Turtle file. A
batch-size sweep on the first corpus picks nothing by itself: it reports,
and the default (``Neo4jSettings.batch_rows``) is set from it by hand.

    pip install rdflib-neo4j==1.1        # the peer (pip install -e '.[bench]')
    python bench/bench_neo4j_load.py --articles 10000 100000
    python bench/bench_neo4j_load.py --articles 100000 --sweep --only peer   # one tool; figures kept in --work
    python bench/bench_neo4j_load.py --articles 10000 100000 --sweep --only report   # both tools' kept figures
    python bench/bench_neo4j_load.py --articles 300 --sweep 500 5000 --results /tmp/r.md   # a smoke run
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
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

from kg.neo4j_load import Neo4jSettings, connect, counts, load, read_property_graph  # noqa: E402
from tests.neo4j_server import Neo4jServer  # noqa: E402

START, END = "<!-- bench:neo4j-load:start -->", "<!-- bench:neo4j-load:end -->"
SWEEP = (1000, 2500, 5000, 10000, 20000)
HEAP, PAGE_CACHE_MB = "3g", 3072  # the 100,000-article store (about 2 GB) fits in the page cache
# the server's settings besides heap and page cache, the same for both tools
SETTINGS = {"db.tx_state.memory_allocation": "ON_HEAP"}  # Neo4j 5's default, stated
log = lambda msg: print(msg, file=sys.stderr, flush=True)  # noqa: E731


def build_graph(n: int, work: Path) -> Path:
    """`kg build` of ``n`` synthetic articles (made once, kept in ``work``)."""
    corpus, graph = work / f"syn{n}.jsonl", work / f"syn{n}.ttl"
    if not graph.exists():
        if not corpus.exists():
            subprocess.run([sys.executable, str(HERE / "gen_articles.py"), str(n), str(corpus)], check=True)
        t0 = time.perf_counter()
        subprocess.run([str(Path(sys.executable).parent / "kg"), "build", str(corpus), "-o", str(graph), "-q"],
                       check=True)
        log(f"kg build {n:,} articles: {time.perf_counter() - t0:.0f} s")
    return graph


class FreshServer:
    """A Neo4j with an empty database, stopped (and its data removed) at the end of the block.

    With ``shared`` (a smoke run), that one running server is emptied instead of a new one started.
    """

    def __init__(self, work: Path, shared: Neo4jServer | None = None):
        self.shared = shared
        self.server = shared or Neo4jServer(home=work / "neo4j", heap=HEAP, page_cache_mb=PAGE_CACHE_MB,
                                            config=SETTINGS)

    def __enter__(self) -> Neo4jServer:
        if self.shared:
            with connect(self.shared.settings()) as runner:
                runner.run("MATCH (n) DETACH DELETE n", write=True)
            return self.shared
        return self.server.start()

    def __exit__(self, *exc):
        if not self.shared:
            self.server.stop()


def kg_load(server: Neo4jServer, path: Path, batch_rows: int | None = None, reload: bool = True) -> dict:
    """Parse, model and load with kg; then (``reload``) the identical graph again."""
    settings = server.settings(retry_seconds=30)
    if batch_rows:
        settings = Neo4jSettings(**{**settings.__dict__, "batch_rows": batch_rows})
    t0 = time.perf_counter()
    pg = read_property_graph([path])  # as `kg load` reads it
    prep = time.perf_counter() - t0
    with connect(settings) as runner:
        first = load(runner, pg, settings)
        again = load(runner, pg, settings) if reload else first
        stored = counts(runner)
    assert again is first or (not (again.added or again.changed or again.removed) and again.totals == first.totals)
    return {"prep_s": prep, "load_s": first.seconds, "reload_s": again.seconds if reload else None,
            "batches": first.batches,
            "nodes": stored.nodes, "rels": stored.relationships, "events": len(first.added)}


def peer_load(server: Neo4jServer, path: Path) -> dict:
    """rdflib-neo4j 1.1 as its README shows it: Neo4jStore with batching, into the same empty database."""
    from rdflib import Graph
    from rdflib_neo4j import HANDLE_VOCAB_URI_STRATEGY, Neo4jStore, Neo4jStoreConfig

    import neo4j

    with neo4j.GraphDatabase.driver(server.uri, auth=("neo4j", server.password)) as d:
        d.execute_query("CREATE CONSTRAINT n10s_unique_uri IF NOT EXISTS FOR (r:Resource) REQUIRE r.uri IS UNIQUE")
    config = Neo4jStoreConfig(auth_data={"uri": server.uri, "database": "neo4j", "user": "neo4j",
                                         "pwd": server.password},
                              handle_vocab_uri_strategy=HANDLE_VOCAB_URI_STRATEGY.IGNORE, batching=True)
    t0 = time.perf_counter()
    g = Graph(store=Neo4jStore(config=config))
    g.parse(str(path), format="turtle")
    g.close(True)
    seconds = time.perf_counter() - t0
    with neo4j.GraphDatabase.driver(server.uri, auth=("neo4j", server.password)) as d:
        nodes = d.execute_query("MATCH (n) RETURN count(n) AS n").records[0]["n"]
        rels = d.execute_query("MATCH ()-[r]->() RETURN count(r) AS n").records[0]["n"]
    return {"load_s": seconds, "nodes": nodes, "rels": rels}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, nargs="+", default=[10_000, 100_000], help="corpus sizes")
    ap.add_argument("--sweep", type=int, nargs="*", default=list(SWEEP), help="batch sizes tried on the first corpus")
    ap.add_argument("--no-peer", action="store_true", help="skip rdflib-neo4j")
    ap.add_argument("--only", choices=("kg", "peer", "report"),
                    help="run one tool (the other's latest results, kept in --work, are reported with it), "
                         "or none: report the kept results")
    ap.add_argument("--work", type=Path, default=Path("/tmp/kg-bench-neo4j"), help="corpora and graphs are kept here")
    ap.add_argument("--results", type=Path, default=HERE / "RESULTS.md", help="the results file to update")
    args = ap.parse_args(argv)
    return run(args)


def run(args, shared: Neo4jServer | None = None) -> int:
    """The benchmark; ``shared``: one running server emptied between loads instead of fresh ones (smoke runs)."""
    args.work.mkdir(parents=True, exist_ok=True)

    graphs = {n: build_graph(n, args.work) for n in args.articles}
    sweep = []
    for rows in args.sweep:
        with FreshServer(args.work, shared) as server:
            r = kg_load(server, graphs[args.articles[0]], rows, reload=False)
        sweep.append((rows, r))
        log(f"sweep {rows:>6} rows/batch: {rate(r):,.0f} nodes+relationships/s")
    results = {}
    only = getattr(args, "only", None)
    for n, path in graphs.items():
        kg = measured(args.work, "kg", n, lambda server: kg_load(server, path), shared, only in (None, "kg"))
        if kg:
            log(f"kg load {n:,}: {kg['load_s']:.1f} s, reload {kg['reload_s']:.1f} s")
        peer = None
        if not args.no_peer:
            peer = measured(args.work, "peer", n, lambda server: peer_load(server, path), shared, only in (None, "peer"))
            if peer:
                log(f"rdflib-neo4j {n:,}: {peer['load_s']:.1f} s")
        if kg:
            results[n] = (kg, peer)

    text = section(args, sweep, results)
    update_section(args.results, START, END, text)
    sys.stdout.write(text)
    return 0


def measured(work: Path, tool: str, n: int, fn, shared: Neo4jServer | None, now: bool) -> dict | None:
    """``fn``'s result on a fresh server, with the load average before and after, kept in ``work``;
    without ``now``, the kept result of an earlier run (None if there is none)."""
    import json

    kept = work / f"result-{tool}-{n}.json"
    if not now:
        return json.loads(kept.read_text(encoding="utf-8")) if kept.exists() else None
    before = os.getloadavg()[0]
    with FreshServer(work, shared) as server:
        r = fn(server)
    r.update(date=dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
             load=[round(before, 1), round(os.getloadavg()[0], 1)])
    kept.write_text(json.dumps(r), encoding="utf-8")
    return r


def _loads(r: dict) -> str:
    return " → ".join(map(str, r.get("load", []))) or "not kept"


def rate(r: dict, key: str = "load_s", prep: bool = False) -> float:
    return (r["nodes"] + r["rels"]) / (r[key] + (r.get("prep_s", 0) if prep else 0))


def section(args, sweep, results) -> str:
    cmd = "python bench/bench_neo4j_load.py"
    if args.articles != [10_000, 100_000]:
        cmd += " --articles " + " ".join(map(str, args.articles))
    if args.sweep != list(SWEEP):
        cmd += " --sweep " + " ".join(map(str, args.sweep))
    if args.no_peer:
        cmd += " --no-peer"
    if getattr(args, "only", None):
        cmd += f" --only {args.only}"
    settings = ", ".join(f"`{k}={v}`" for k, v in sorted(SETTINGS.items()))
    server_version = (f"Neo4j {Neo4jServer.version()} Community (tools/neo4j, heap {HEAP}, page cache "
                      f"{PAGE_CACHE_MB:,} MB, {settings})")
    lines = [
        START,
        "## `kg load` into Neo4j 5, and rdflib-neo4j on the same graphs (bench/bench_neo4j_load.py)",
        "",
        f"Latest run {dt.date.today().isoformat()} on {os.cpu_count()} cores ({cpu_name()}), Python "
        f"{platform.python_version()}, {server_version}, neo4j driver {version('neo4j')}"
        + (f", rdflib-neo4j {version('rdflib-neo4j')}" if not args.no_peer else "") + ".",
        "",
        f"Command: `{cmd}`",
        "",
        "Each load goes into an empty database of a freshly started server. Graphs: `kg build` of "
        "`bench/gen_articles.py N` corpora. *rows/s* is nodes + relationships stored over the load's wall time; "
        "for `kg load` the Turtle parse and the property-graph model are timed apart (*prep*) and the "
        "*with prep* rate counts them too, since rdflib-neo4j's time includes its own parse. The load average "
        "(1 minute) before and after each run, and its time, are listed under the table.",
        "",
        "| articles | events | nodes | relationships | `kg load` | rows/s | with prep | identical reload | "
        "reload / load | rdflib-neo4j | its rows/s | rdflib-neo4j time / `kg load` time (with prep) |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for n, (kg, peer) in results.items():
        peer_cells = ("—", "—", "—")
        if peer:
            ratio = (peer["load_s"]) / (kg["load_s"] + kg["prep_s"])
            peer_cells = (f"{peer['load_s']:.1f} s", f"{rate(peer):,.0f}", f"{ratio:.2f}")
        lines.append(
            f"| {n:,} | {kg['events']:,} | {kg['nodes']:,} | {kg['rels']:,} | {kg['load_s']:.1f} s "
            f"(prep {kg['prep_s']:.1f} s) | {rate(kg):,.0f} | {rate(kg, prep=True):,.0f} | {kg['reload_s']:.1f} s | "
            f"{kg['reload_s'] / kg['load_s']:.2f} | " + " | ".join(peer_cells) + " |")
    for n, (kg, peer) in results.items():
        runs = [f"`kg load` {kg.get('date', 'now')}, load average {_loads(kg)}"]
        if peer:
            runs.append(f"rdflib-neo4j {peer.get('date', 'now')}, load average {_loads(peer)}")
        lines += ["", f"{n:,} articles: " + "; ".join(runs) + "."]
    if results:
        for n, (kg, peer) in results.items():
            if peer and (peer["nodes"], peer["rels"]) != (kg["nodes"], kg["rels"]):
                lines += ["", f"At {n:,} articles rdflib-neo4j stored {peer['nodes']:,} nodes and "
                          f"{peer['rels']:,} relationships (its model: every IRI a node, literals as properties, "
                          f"kg's rdf:type as labels), `kg load` {kg['nodes']:,} and {kg['rels']:,}."]
    if sweep:
        first = args.articles[0]
        lines += ["", f"Rows per transaction (`--batch-size`), {first:,}-article graph, empty database each time:", "",
                  "| rows per batch | batches | `kg load` | rows/s |",
                  "| ---: | ---: | ---: | ---: |"]
        default = Neo4jSettings().batch_rows
        for rows, r in sweep:
            mark = " (default)" if rows == default else ""
            lines.append(f"| {rows:,}{mark} | {r['batches']:,} | {r['load_s']:.1f} s | {rate(r):,.0f} |")
    lines.append(END)
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.exit(main())
