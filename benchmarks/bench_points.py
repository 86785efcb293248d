"""Time the complaint-points check adds to a check of the same letter, and the bare parse for scale.

Run: .venv/bin/python benchmarks/bench_points.py [--rounds N]   (pairs of corpora/points/dev)

For each pair: the bare spaCy parse of the letter, a full check without the complaint, and a full
check with it (one extra parse of the complaint, then splitting and matching), by the matcher alone
and, when the embeddings extra is installed, with the sentence encoder too (its load timed apart).
Medians in milliseconds per letter, and the ratio of the added time to the bare parse; peak RSS of
the process at the end. A benchmark, not a test.
"""

from __future__ import annotations

import argparse
import resource
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
    from responsecheck.points import embeddings
    from responsecheck.readers import read_path

    t0 = time.perf_counter()
    encoder = embeddings.encoder()
    loaded = time.perf_counter() - t0

    nlp = nlp_module.load()
    folder = ROOT / "corpora" / "points" / "dev"
    parse, without, matcher, embedded = [], [], [], []
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
            _use_embeddings(embeddings, False)
            check(letter, options=options)
            t3 = time.perf_counter()
            parse.append(t1 - t0)
            without.append(t2 - t1)
            matcher.append(t3 - t2)
            if encoder is not None:
                _use_embeddings(embeddings, True)
                t4 = time.perf_counter()
                check(letter, options=options)
                embedded.append(time.perf_counter() - t4)
    rows = [("bare parse", parse), ("check", without), ("with complaint", matcher),
            ("  + embeddings", embedded)]
    ms = {name: 1000 * statistics.median(values) for name, values in rows if values}
    for name, value in ms.items():
        print(f"{name:22} {value:7.1f} ms")
    for name in ("with complaint", "  + embeddings"):
        if name in ms:
            added = ms[name] - ms["check"]
            print(f"added ({name.strip()}) {added:7.1f} ms  ({added / ms['bare parse']:.2f}x the bare parse)")
    if encoder is not None:
        print(f"encoder load           {1000 * loaded:7.1f} ms (once per process)")
    else:
        print("embeddings extra not installed: the matcher alone was timed")
    print(f"peak RSS               {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:7.0f} MB")


def _use_embeddings(module: object, on: bool) -> None:
    """Switch the encoder on or off between checks; the loaded one is kept, so no reload is timed."""
    import responsecheck.points as points

    points.encoder = module.encoder if on else (lambda: None)  # type: ignore[attr-defined]


if __name__ == "__main__":
    main()
