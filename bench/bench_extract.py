"""Extraction rate on one core: synthetic articles and the real dev corpora.

Measures what `kg build` spends per article in extraction and the in-article merge
(reading and writing excluded), as CPU time of this process, so that other work on
the machine does not change the figure much; wall time is printed beside it.

    python bench/bench_extract.py [--synthetic 5000] [--repeat 25]

The real corpora are read from ../shared/dev/*/corpus.jsonl where they exist; each
is extracted --repeat times (40 articles once is too short to time). The results
replace the "Extraction rate" section of bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from gen_articles import DISTRACTORS, HEADLINES, OUTLETS, generate  # noqa: E402
from machine import cpu_name, update_section  # noqa: E402

from kg.corpus import Reader  # noqa: E402
from kg.models import Article  # noqa: E402
from kg.extract.entities import matcher_for  # noqa: E402
from kg.extract.events import extract_article  # noqa: E402
from kg.extract.merge import article_clusters  # noqa: E402

START, END = "<!-- bench_extract:start -->", "<!-- bench_extract:end -->"


def read(path: Path) -> list:
    return list(Reader().read([path]))


def rate(articles: list, repeat: int = 1) -> dict:
    """Articles per CPU second (and per wall second) for extraction and the in-article merge."""
    matcher = matcher_for()
    extract_article(articles[0], matcher)  # warm the caches outside the timing
    cpu0, wall0 = time.process_time(), time.perf_counter()
    for _ in range(repeat):
        for a in articles:
            article_clusters(extract_article(a, matcher))
    cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
    n = len(articles) * repeat
    chars = sum(len(a.text) for a in articles) / len(articles)
    return {"articles": n, "cpu": cpu, "wall": wall, "per_cpu_s": n / cpu, "per_wall_s": n / wall, "chars": chars}


def no_event_articles(n: int, seed: int = 7) -> list[Article]:
    """Articles of about the synthetic length from the generator's other paragraphs (analysis,
    figures, headlines): no call, meeting, visit or summit, as most of a day's news."""
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        parts = [rnd.choice(OUTLETS)]
        while sum(map(len, parts)) < 2300:
            parts.append(rnd.choice(DISTRACTORS))
        out.append(Article(f"none-{i}", "\n".join(parts + rnd.sample(HEADLINES, 2)), dt.date(2024, 5, 2)))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--synthetic", type=int, default=5000, help="synthetic articles to generate (default 5000)")
    ap.add_argument("--repeat", type=int, default=25, help="passes over each real corpus (default 25)")
    ap.add_argument("--results", type=Path, default=ROOT / "bench" / "RESULTS.md")
    a = ap.parse_args(argv)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "synthetic.jsonl"
        generate(a.synthetic, path, seed=7)
        r = rate(read(path))
        rows.append(("synthetic (bench/gen_articles.py, seed 7)", r))
        rows.append(("synthetic, no event (the generator's other paragraphs)", rate(no_event_articles(a.synthetic))))
    for lang in ("ar", "en"):
        corpus = ROOT.parent / "shared" / "dev" / lang / "corpus.jsonl"
        if corpus.is_file():
            rows.append((f"real dev corpus `../shared/dev/{lang}` ({lang})", rate(read(corpus), a.repeat)))
    lines = [START, "## Extraction rate on one core (bench/bench_extract.py)", "",
             f"`python bench/bench_extract.py --synthetic {a.synthetic} --repeat {a.repeat}` on {cpu_name()}: "
             "extraction and the in-article merge in one process, reading excluded; articles per CPU second "
             "(the machine's other work barely moves it) and per wall second.", "",
             "| corpus | articles timed | mean characters | articles/s (CPU) | articles/s (wall) |",
             "| --- | ---: | ---: | ---: | ---: |"]
    for name, r in rows:
        lines.append(f"| {name} | {r['articles']:,} | {r['chars']:,.0f} | {r['per_cpu_s']:,.0f} | {r['per_wall_s']:,.0f} |")
        print(f"{name}: {r['per_cpu_s']:,.0f} articles/s CPU, {r['per_wall_s']:,.0f} wall", file=sys.stderr)
    lines += ["", END]
    update_section(a.results, START, END, "\n".join(lines) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
