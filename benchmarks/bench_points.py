"""Time the complaint-points check adds to a check of the same letter, and the bare parse for scale.

Run: .venv/bin/python benchmarks/bench_points.py [--rounds N]   (pairs of corpora/points/dev)

For each pair: the bare spaCy parse of the letter, a full check without the complaint, and a full
check with it (one extra parse of the complaint, then splitting and matching). Medians in
milliseconds per letter, and the ratio of the added time to the bare parse. A benchmark, not a test.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    from responsecheck import CheckOptions, check
    from responsecheck import nlp as nlp_module
    from responsecheck.evaluate_points import load_pairs
    from responsecheck.nlp import PARAGRAPH_BREAK
    from responsecheck.points.source import read_complaint
    from responsecheck.readers import read_path

    nlp = nlp_module.load()
    folder = ROOT / "corpora" / "points" / "dev"
    parse, without, with_points = [], [], []
    for label in load_pairs(folder):
        letter = read_path(folder / label.letter)
        options = CheckOptions(complaint_text=read_complaint(folder / label.complaint))
        text = PARAGRAPH_BREAK.join(p.text for p in letter.paragraphs)
        check(letter, options=options)  # warm caches
        for _ in range(args.rounds):
            t0 = time.perf_counter()
            nlp(text)
            t1 = time.perf_counter()
            check(letter)
            t2 = time.perf_counter()
            check(letter, options=options)
            t3 = time.perf_counter()
            parse.append(t1 - t0)
            without.append(t2 - t1)
            with_points.append(t3 - t2)
    ms = {name: 1000 * statistics.median(values) for name, values in
          (("bare parse", parse), ("check", without), ("check with complaint", with_points))}
    for name, value in ms.items():
        print(f"{name:22} {value:7.1f} ms")
    added = ms["check with complaint"] - ms["check"]
    print(f"{'added by points':22} {added:7.1f} ms  ({added / ms['bare parse']:.2f}x the bare parse)")


if __name__ == "__main__":
    main()
