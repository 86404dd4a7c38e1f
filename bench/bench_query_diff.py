"""Benchmark `kg diff` and `kg query` against rdflib on two synthetic graphs; update bench/RESULTS.md.

Both graphs come from bench/synth.py (kg.graph functions on kg.models records,
so they have exactly the shape of `kg build` output); the second differs from
the first in a fraction of its events. Every timing runs in this one process
run, on the same files:

- diff: the `kg diff` command (a subprocess, start-up included) against
  rdflib parsing both files and calling rdflib.compare.graph_diff;
- query: the `kg query` command with a grouped count against rdflib parsing
  the file and running the same query with its own engine; the engines alone
  (load or parse, then query) are timed too, which is how pyoxigraph was chosen.

    .venv/bin/python bench/bench_query_diff.py                        # 1M triples, 1% of events changed
    .venv/bin/python bench/bench_query_diff.py --triples 5000 --results /tmp/r.md   # a smoke run
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from importlib.metadata import version
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import synth  # noqa: E402
from machine import cpu_name, update_section  # noqa: E402

START, END = "<!-- bench:query-diff:start -->", "<!-- bench:query-diff:end -->"
GROUPED_COUNT = """SELECT ?participant (COUNT(DISTINCT ?event) AS ?events)
WHERE { ?event kg:participant ?participant }
GROUP BY ?participant ORDER BY DESC(?events) ?participant LIMIT 10"""


def secs(t: float) -> str:
    return f"{t:.1f} s" if t >= 10 else f"{t:.2f} s" if t >= 0.1 else f"{t * 1000:.1f} ms"


def timed(fn, *args, **kwargs):
    t0 = time.perf_counter()
    value = fn(*args, **kwargs)
    return value, time.perf_counter() - t0


def kg(*args: str) -> tuple[subprocess.CompletedProcess, float]:
    """Run the kg command line as a user would (a new process, imports included)."""
    cmd = [sys.executable, "-m", "kg.cli", *args]
    return timed(subprocess.run, cmd, capture_output=True, text=True)




def bench_diff(old: Path, new: Path) -> dict:
    from rdflib import Graph
    from rdflib.compare import graph_diff

    proc, kg_time = kg("diff", str(old), str(new), "--format", "json")
    if proc.returncode != 1:
        raise SystemExit(f"kg diff exited {proc.returncode}, expected 1:\n{proc.stderr}")
    report = json.loads(proc.stdout)
    g_old, parse_old = timed(Graph().parse, str(old), format="nt")
    g_new, parse_new = timed(Graph().parse, str(new), format="nt")
    (_, only_old, only_new), compare = timed(graph_diff, g_old, g_new)
    if (len(only_old), len(only_new)) != (report["triples"]["removed"], report["triples"]["added"]):
        raise SystemExit(f"kg diff and rdflib disagree: kg -{report['triples']['removed']} +{report['triples']['added']}, "
                         f"rdflib -{len(only_old)} +{len(only_new)}")
    events = report["events"]
    return {"kg": kg_time, "rdflib_parse": parse_old + parse_new, "rdflib_compare": compare,
            "rdflib": parse_old + parse_new + compare, "graph": g_old, "parse_old": parse_old,
            "added": len(events["added"]), "removed": len(events["removed"]), "changed": len(events["changed"]),
            "triples_added": len(only_new), "triples_removed": len(only_old)}


def bench_query(path: Path, g_old, parse_old: float) -> dict:
    from kg.query import load_store, run_query
    from kg.vocab import PREFIXES

    proc, kg_time = kg("query", str(path), GROUPED_COUNT, "--format", "csv")
    if proc.returncode != 0:
        raise SystemExit(f"kg query failed:\n{proc.stderr}")
    store, ox_load = timed(load_store, path)
    result, ox_query = timed(run_query, store, GROUPED_COUNT)
    rows, rdflib_query = timed(lambda: list(g_old.query(GROUPED_COUNT, initNs=PREFIXES)))
    ox_rows = [(r[0].value, int(r[1].value)) for r in result.rows]
    rdf_rows = [(str(r[0]), int(r[1])) for r in rows]
    if ox_rows != rdf_rows:
        raise SystemExit(f"the engines disagree:\n{ox_rows}\n{rdf_rows}")
    return {"kg": kg_time, "rdflib": parse_old + rdflib_query, "ox_load": ox_load, "ox_query": ox_query,
            "rdflib_parse": parse_old, "rdflib_query": rdflib_query, "triples": len(store)}


def section(args, made: dict, d: dict, q: dict) -> str:
    n = made["old_triples"]
    cmd = f"python bench/bench_query_diff.py --triples {args.triples} --change {args.change} --seed {args.seed}"
    lines = [
        START,
        "## `kg diff` and `kg query` against rdflib (bench/bench_query_diff.py)",
        "",
        f"Latest run {dt.date.today().isoformat()} on {os.cpu_count()} cores ({cpu_name()}), "
        f"Python {platform.python_version()}, rdflib {version('rdflib')}, pyoxigraph {version('pyoxigraph')}.",
        "",
        f"Command: `{cmd.strip()}`",
        "",
        f"Data (bench/synth.py, N-Triples): old {made['old_triples']:,} triples, new {made['new_triples']:,} triples, "
        f"{made['events']:,} events, {args.change:.0%} of them changed "
        f"({', '.join(f'{k} {v}' for k, v in made['changes'].items())}). "
        f"`kg diff` reported {d['added']} events added, {d['removed']} removed and {d['changed']} changed; "
        f"the same {d['triples_added']:,} added and {d['triples_removed']:,} removed triples as rdflib.",
        "",
        "| task | kg | rdflib | kg is faster by |",
        "| --- | ---: | ---: | ---: |",
        f"| diff of the two files, end to end (`kg diff … --format json` / parse both + `graph_diff`) "
        f"| {secs(d['kg'])} | {secs(d['rdflib'])} | {d['rdflib'] / d['kg']:.1f}× |",
        f"| grouped count, end to end (`kg query … --format csv` / parse + `Graph.query`) "
        f"| {secs(q['kg'])} | {secs(q['rdflib'])} | {q['rdflib'] / q['kg']:.1f}× |",
        f"| engine: load one file (pyoxigraph `Store.load` / rdflib `Graph.parse`) "
        f"| {secs(q['ox_load'])} ({n / q['ox_load'] / 1e3:,.0f}k triples/s) "
        f"| {secs(q['rdflib_parse'])} ({n / q['rdflib_parse'] / 1e3:,.0f}k triples/s) | {q['rdflib_parse'] / q['ox_load']:.1f}× |",
        f"| engine: the grouped count on a loaded graph | {secs(q['ox_query'])} | {secs(q['rdflib_query'])} "
        f"| {q['rdflib_query'] / q['ox_query']:.1f}× |",
        "",
        f"rdflib's diff time splits into parsing ({secs(d['rdflib_parse'])}) and `graph_diff` ({secs(d['rdflib_compare'])}). "
        "The grouped count:",
        "",
        "```sparql",
        GROUPED_COUNT,
        "```",
        END,
    ]
    return "\n".join(lines) + "\n"



def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--triples", type=int, default=1_000_000, help="about this many triples per graph")
    ap.add_argument("--change", type=float, default=0.01, help="fraction of events changed")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--workdir", type=Path, help="where the graphs go (default: a temporary directory)")
    ap.add_argument("--results", type=Path, default=HERE / "RESULTS.md", help="the results file to update")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        work = args.workdir or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        made, gen = timed(synth.generate, work, triples=args.triples, change=args.change, seed=args.seed)
        print(f"generated {made['old_triples']:,} + {made['new_triples']:,} triples in {gen:.0f} s", file=sys.stderr)
        d = bench_diff(made["old"], made["new"])
        print(f"diff: kg {secs(d['kg'])}, rdflib {secs(d['rdflib'])}", file=sys.stderr)
        q = bench_query(made["old"], d.pop("graph"), d["parse_old"])
        print(f"query: kg {secs(q['kg'])}, rdflib {secs(q['rdflib'])}", file=sys.stderr)
        text = section(args, made, d, q)
    update_section(args.results, START, END, text)
    sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
