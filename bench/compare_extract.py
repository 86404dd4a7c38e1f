"""Extraction rate of two source trees of kg, timed alternately on the same synthetic articles.

On a shared machine the load moves a single figure more than a change does; two trees run
in turn, several rounds, each its best of a few passes, compare the code, not the moment.

    git worktree add /tmp/kg-old 0007985      # any earlier revision
    python bench/compare_extract.py /tmp/kg-old . --articles 1000 --rounds 3

Each tree runs in its own process with that tree first on ``sys.path`` (the installed
dependencies are this environment's); the rate is articles per CPU second of extraction
and the in-article merge (an earlier tree without ``article_clusters`` is timed without it).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from gen_articles import generate  # noqa: E402

TIMER = r'''
import sys, time
sys.path.insert(0, sys.argv[1])
from pathlib import Path
from kg.corpus import Reader
from kg.extract.entities import matcher_for
from kg.extract.events import extract_article
try:
    from kg.extract.merge import article_clusters
except ImportError:  # a tree from before the in-article merge
    article_clusters = lambda mentions: mentions
articles, m = list(Reader().read([Path(sys.argv[2])])), matcher_for()
extract_article(articles[0], m)
best = float("inf")
for _ in range(int(sys.argv[3])):
    t = time.process_time()
    for a in articles:
        article_clusters(extract_article(a, m))
    best = min(best, time.process_time() - t)
print(len(articles) / best)
'''


def rate(tree: Path, corpus: Path, passes: int) -> float:
    out = subprocess.run([sys.executable, "-c", TIMER, str(tree.resolve()), str(corpus), str(passes)],
                         capture_output=True, text=True, check=True)
    return float(out.stdout)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("first", type=Path, help="a kg source tree (the folder holding kg/)")
    ap.add_argument("second", type=Path, help="another kg source tree")
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--passes", type=int, default=5, help="passes per run; the best one counts")
    a = ap.parse_args(argv)
    for tree in (a.first, a.second):
        if not (tree / "kg" / "extract").is_dir():
            ap.error(f"{tree}: no kg/extract folder (give the root of a kg source tree)")
    rates: dict[Path, list[float]] = {a.first: [], a.second: []}
    with tempfile.TemporaryDirectory() as tmp:
        corpus = generate(a.articles, Path(tmp) / "synthetic.jsonl", seed=7)
        for _ in range(a.rounds):
            for tree in rates:
                rates[tree].append(rate(tree, corpus, a.passes))
    for tree, rs in rates.items():
        print(f"{tree}: " + ", ".join(f"{r:,.0f}" for r in rs) + f" articles/s (CPU); best {max(rs):,.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
