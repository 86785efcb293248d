"""Batch speed: a QA run over 1,000 one-page letters on the machine's cores, against a bare parse.

Run: .venv/bin/python benchmarks/bench_batch.py [--letters 1000] [--processes 2] [--floor]

The letters are made from the corpus letters of one page (200-600 words): half are copies of the
.docx files, half plain-text variants with other amounts and titles, so readers of both kinds run.
The figure to quote is `sample_s`: `responsecheck sample --all` as the CLI runs it (draw, check in
worker processes, each letter's page, the QA page and the CSV), without interpreter start-up.
`--floor` also times a bare `nlp.pipe` over the same texts with the same processes: what the
checks ride on. The machine's load average before and after is printed, since other work on the
cores shows up in every figure. Peak memory is the largest resident set of the parent and of any
worker. This is a benchmark, not a test: it never fails, it reports.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def make_letters(folder: Path, count: int) -> int:
    """Write `count` letters into folder; returns the median word count."""
    from responsecheck.readers import read_path

    bases = []
    for path in sorted((ROOT / "corpora").glob("*/*.docx")):
        text = read_path(path).text
        if 200 <= len(text.split()) <= 600:
            bases.append((path, text))
    words = []
    for index in range(count):
        path, text = bases[index % len(bases)]
        if index % 2:
            shutil.copy(path, folder / f"{index:04d}-{path.name}")
        else:
            text = re.sub(r"£(\d+)", lambda m: f"£{int(m.group(1)) + index % 50}", text)
            text = text.replace("Mrs ", "Ms ") if index % 4 else text.replace("Mr ", "Mx ")
            (folder / f"{index:04d}-{path.stem}.txt").write_text(text, encoding="utf-8")
        words.append(len(text.split()))
    return sorted(words)[len(words) // 2]


def run_sample_all(folder: Path, out: Path, processes: int) -> float:
    from responsecheck.qa.run import run_sample

    start = time.perf_counter()
    outcome = run_sample(folder, size=None, seed=1, stratify_by=None, out=out / "qa.html", csv_path=out / "qa.csv",
                         n_process=processes)
    elapsed = time.perf_counter() - start
    assert len(outcome.summary.letters) == len(list(folder.iterdir()))
    return elapsed


def parse_floor(folder: Path, processes: int) -> float:
    from responsecheck import nlp as nlp_module
    from responsecheck.analysis import analysis_text
    from responsecheck.readers import read_path

    nlp = nlp_module.load()
    texts = [analysis_text(read_path(p)) for p in sorted(folder.iterdir())]
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=16, n_process=processes):
        pass
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--letters", type=int, default=1000)
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--floor", action="store_true", help="also time a bare nlp.pipe over the same texts")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder, out = Path(tmp) / "letters", Path(tmp) / "out"
        folder.mkdir()
        out.mkdir()
        median_words = make_letters(folder, args.letters)
        load_before = os.getloadavg()
        result: dict[str, object] = {"letters": args.letters, "processes": args.processes,
                                     "median_words": median_words, "cpus": os.cpu_count()}
        result["sample_s"] = round(run_sample_all(folder, out, args.processes), 1)
        result["per_letter_ms"] = round(1000 * result["sample_s"] / args.letters, 1)
        result["peak_rss_mb_parent"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
        result["peak_rss_mb_largest_worker"] = round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)
        if args.floor:
            result["parse_floor_s"] = round(parse_floor(folder, args.processes), 1)
            result["ratio_to_parse"] = round(result["sample_s"] / result["parse_floor_s"], 2)
        result["load_average_before"] = [round(x, 2) for x in load_before]
        result["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
