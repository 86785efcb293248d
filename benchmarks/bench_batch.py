"""Batch speed: a QA run over 1,000 one-page letters on the machine's cores, against a bare parse.

Run: .venv/bin/python benchmarks/bench_batch.py [--letters 1000] [--processes 2] [--floor]

The letters are made from the corpus letters of one page (200-600 words): half are copies of the
.docx files, half plain-text variants with other amounts and titles, so readers of both kinds run.
The figure to quote is `sample_s`: `responsecheck sample --all` as the CLI runs it (draw, check in
worker processes, each letter's page, the QA page and the CSV), without interpreter start-up.
`--floor` also times reading and a bare `nlp.pipe` parse (the model as it ships) of the same
letters in the same worker processes: what the checks ride on. Other work on the cores shows up in every wall-clock figure,
so the load average before and after is printed, and CPU seconds too (workers included):
`idle_machine_estimate_s` is the CPU time spread over the processes, what an idle machine would
take. Peak memory is the largest resident set of the parent and of any worker. This is a
benchmark, not a test: it never fails, it reports.
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
from functools import lru_cache
from pathlib import Path
from typing import Any

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


def cpu_seconds() -> float:
    """CPU time used so far by this process and its finished workers (user + system)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def run_sample_all(folder: Path, out: Path, processes: int) -> tuple[float, float]:
    """Wall and CPU seconds of `sample --all` over the folder."""
    from responsecheck.qa.run import run_sample

    cpu, start = cpu_seconds(), time.perf_counter()
    outcome = run_sample(folder, size=None, seed=1, stratify_by=None, out=out / "qa.html", csv_path=out / "qa.csv",
                         n_process=processes)
    elapsed = time.perf_counter() - start
    assert len(outcome.summary.letters) == len(list(folder.iterdir()))
    return elapsed, cpu_seconds() - cpu


@lru_cache(maxsize=1)
def _stock_model() -> Any:
    """The model as it ships: the floor is its parse, not our pipeline's (which is cheaper)."""
    import spacy

    from responsecheck.nlp import MODEL_CANDIDATES

    return spacy.load(next(name for name in MODEL_CANDIDATES if spacy.util.is_package(name)))


def _parse_chunk(paths: list[str]) -> int:
    from responsecheck.analysis import analysis_text
    from responsecheck.readers import read_path

    texts = [analysis_text(read_path(p)) for p in paths]
    return sum(1 for _ in _stock_model().pipe(texts, batch_size=16))


def parse_floor(folder: Path, processes: int) -> tuple[float, float]:
    """Wall and CPU seconds to read and parse the same letters in the same worker layout, checking nothing."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    paths = [str(p) for p in sorted(folder.iterdir())]
    chunks = [paths[i:i + 16] for i in range(0, len(paths), 16)]
    cpu, start = cpu_seconds(), time.perf_counter()
    with ProcessPoolExecutor(processes, mp_context=multiprocessing.get_context("spawn"), initializer=_stock_model) as pool:
        assert sum(pool.map(_parse_chunk, chunks)) == len(paths)
    return time.perf_counter() - start, cpu_seconds() - cpu


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
        wall, cpu = run_sample_all(folder, out, args.processes)
        result["sample_s"] = round(wall, 1)
        result["sample_cpu_s"] = round(cpu, 1)
        result["idle_machine_estimate_s"] = round(cpu / min(args.processes, os.cpu_count() or 1), 1)
        result["peak_rss_mb_parent"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
        result["peak_rss_mb_largest_worker"] = round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)
        if args.floor:
            floor_wall, floor_cpu = parse_floor(folder, args.processes)
            result["parse_floor_s"] = round(floor_wall, 1)
            result["parse_floor_cpu_s"] = round(floor_cpu, 1)
            result["cpu_ratio_to_parse"] = round(cpu / floor_cpu, 2)
        result["load_average_before"] = [round(x, 2) for x in load_before]
        result["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
