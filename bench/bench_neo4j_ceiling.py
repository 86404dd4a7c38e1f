"""What this machine's Neo4j stores per second from the plainest Cypher, on a `kg build` graph.

`kg load` is judged by nodes + relationships per second (bench_neo4j_load.py).
This measures the server's side of any Bolt loader of the same graph, with the
least Cypher that stores it, on a fresh server with the settings of that
benchmark and the uniqueness constraint on ``Resource.uri`` that every such
loader needs:

- nodes: ``UNWIND $rows AS r CREATE (n:Resource {uri: r.uri}) SET n += r.props``
  (no labels, no digest, no relationships), the graph's own properties;
- relationships: ``UNWIND $rows AS r MATCH (a:Resource {uri: r.s})
  MATCH (b:Resource {uri: r.o}) CREATE (a)-[x:T]->(b) SET x = r.props``,
  one statement per type, the graph's own relationships.

Rows are made before the clock starts and sent in batches of the loader's
default size, one transaction each. What these two take together is about
the fastest any loader through Cypher can store this graph on this server:
a loader's own work (parsing, the model, reload bookkeeping) only adds to it.

    python bench/bench_neo4j_ceiling.py --articles 10000 100000
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from bench_neo4j_load import HEAP, PAGE_CACHE_MB, SETTINGS, FreshServer, build_graph, log  # noqa: E402
from machine import cpu_name, update_section  # noqa: E402

from kg.neo4j_load import CONSTRAINT, Neo4jSettings, _row_props, connect, read_property_graph  # noqa: E402
from tests.neo4j_server import Neo4jServer  # noqa: E402

START, END = "<!-- bench:neo4j-ceiling:start -->", "<!-- bench:neo4j-ceiling:end -->"
NODES = "UNWIND $rows AS r CREATE (n:Resource {uri: r.uri}) SET n += r.props"
RELS = ("UNWIND $rows AS r MATCH (a:Resource {{uri: r.s}}) MATCH (b:Resource {{uri: r.o}}) "
        "CREATE (a)-[x:{type}]->(b) SET x = r.props")


def plain_rows(path: Path) -> tuple[list[dict], dict[str, list[dict]]]:
    pg = read_property_graph([path])
    nodes = [{"uri": uri, "props": _row_props(node)} for uri, node in sorted(pg.nodes.items())]
    for row in nodes:
        del row["props"]["uri"]
    rels: dict[str, list[dict]] = {}
    for r in pg.rels:
        rels.setdefault(r.type, []).append({"s": r.start, "o": r.end, "props": dict(r.props)})
    return nodes, rels


def store(server: Neo4jServer, nodes: list[dict], rels: dict[str, list[dict]], batch: int) -> dict:
    settings: Neo4jSettings = server.settings(retry_seconds=30)
    with connect(settings) as runner:
        runner.run(CONSTRAINT, write=True)
        t0 = time.perf_counter()
        for k in range(0, len(nodes), batch):
            runner.run(NODES, {"rows": nodes[k:k + batch]}, write=True)
        t1 = time.perf_counter()
        for type_, rows in sorted(rels.items()):
            query = RELS.format(type=type_)
            for k in range(0, len(rows), batch):
                runner.run(query, {"rows": rows[k:k + batch]}, write=True)
        t2 = time.perf_counter()
        stored = runner.run("MATCH (n) RETURN count(n) AS n")[0]["n"], runner.run(
            "MATCH ()-[x]->() RETURN count(x) AS n")[0]["n"]
    assert stored == (len(nodes), sum(map(len, rels.values()))), f"stored {stored}"
    return {"nodes": stored[0], "rels": stored[1], "nodes_s": t1 - t0, "rels_s": t2 - t1}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, nargs="+", default=[10_000, 100_000], help="corpus sizes")
    ap.add_argument("--work", type=Path, default=Path("/tmp/kg-bench-neo4j"), help="corpora and graphs are kept here")
    ap.add_argument("--results", type=Path, default=HERE / "RESULTS.md", help="the results file to update")
    return run(ap.parse_args(argv))


def run(args, shared: Neo4jServer | None = None) -> int:
    """The benchmark; ``shared``: one running server emptied before each load (smoke runs)."""
    args.work.mkdir(parents=True, exist_ok=True)
    batch = Neo4jSettings.batch_rows
    rows = []
    for n in args.articles:
        nodes, rels = plain_rows(build_graph(n, args.work))
        before = os.getloadavg()[0]
        with FreshServer(args.work, shared) as server:
            r = store(server, nodes, rels, batch)
        r["load"] = (round(before, 1), round(os.getloadavg()[0], 1))
        log(f"{n:,} articles: nodes {r['nodes'] / r['nodes_s']:,.0f}/s, "
            f"relationships {r['rels'] / r['rels_s']:,.0f}/s")
        rows.append((n, r))
    cmd = "python bench/bench_neo4j_ceiling.py"
    if args.articles != [10_000, 100_000]:
        cmd += " --articles " + " ".join(map(str, args.articles))
    settings = ", ".join(f"`{k}={v}`" for k, v in sorted(SETTINGS.items()))
    lines = [
        START,
        "### The server's own rate: the plainest Cypher on the same graphs (bench/bench_neo4j_ceiling.py)",
        "",
        f"Run {dt.date.today().isoformat()} on {os.cpu_count()} cores ({cpu_name()}), Neo4j "
        f"{Neo4jServer.version()} Community (heap {HEAP}, page cache {PAGE_CACHE_MB:,} MB, {settings}), "
        f"batches of {batch:,} rows. Command: `{cmd}`",
        "",
        "| articles | nodes | nodes/s | relationships | relationships/s | both, rows/s | load average |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for n, r in rows:
        both = (r["nodes"] + r["rels"]) / (r["nodes_s"] + r["rels_s"])
        lines.append(f"| {n:,} | {r['nodes']:,} | {r['nodes'] / r['nodes_s']:,.0f} | {r['rels']:,} | "
                     f"{r['rels'] / r['rels_s']:,.0f} | {both:,.0f} | {r['load'][0]} → {r['load'][1]} |")
    lines += ["<!-- bench:neo4j-ceiling:end -->", ""]
    text = "\n".join(lines)
    update_section(args.results, START, END, text)
    sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
