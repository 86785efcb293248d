"""Time the pre-send checks add to a check: each check's own time per letter, next to the bare
spaCy parse and the full check of the same letter, in one run.

Run: .venv/bin/python benchmarks/bench_presend.py [letters...]   (default: corpora/dev and corpora/presend)

The parse and the element detection are done once per letter, as in `check()`, and each
pre-send check then runs on that same context, so the figures are what each check adds. The
deadline check is timed with case dates given (it does nothing without them). This is a
benchmark, not a test: it never fails, it reports medians in milliseconds.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PRESEND = ("placeholders", "leftovers", "ombudsman_details", "outdated_process", "consistency",
           "vague_commitments", "staff_named", "deadline")


def measure(paths: list[Path], rounds: int) -> dict[str, object]:
    from responsecheck import check
    from responsecheck import nlp as nlp_module
    from responsecheck.analysis import analyse
    from responsecheck.checks import CHECKS, CheckContext
    from responsecheck.elements import detect
    from responsecheck.options import CheckOptions
    from responsecheck.readers import read_path

    nlp = nlp_module.load()
    model = nlp_module.model_name(nlp)
    runs = dict(CHECKS)
    options = CheckOptions(received=dt.date(2026, 3, 2), acknowledged=dt.date(2026, 3, 4))
    letters = {p: read_path(p) for p in paths}
    for path in paths[:3]:  # warm-up: rules compiled, caches filled
        check(path, options=options)
    times: dict[str, list[float]] = {name: [] for name in ("parse", "full_check", "presend_total", *PRESEND)}
    for _ in range(rounds):
        for path, letter in letters.items():
            start = time.perf_counter()
            nlp(letter.text)
            times["parse"].append(time.perf_counter() - start)
            start = time.perf_counter()
            check(path, options=options)
            times["full_check"].append(time.perf_counter() - start)
            analysis = analyse(letter, nlp, model)
            context = CheckContext(analysis=analysis, detected=detect(analysis, nlp), options=options, nlp=nlp)
            total = 0.0
            for name in PRESEND:
                start = time.perf_counter()
                runs[name](context)
                spent = time.perf_counter() - start
                times[name].append(spent)
                total += spent
            times["presend_total"].append(total)
    medians = {name: round(1000 * statistics.median(values), 2) for name, values in times.items()}
    return {"letters": len(paths), "rounds": rounds, "median_ms": medians,
            "presend_share_of_check": round(medians["presend_total"] / medians["full_check"], 3),
            "presend_vs_parse": round(medians["presend_total"] / medians["parse"], 3)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("letters", nargs="*", type=Path)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    paths = args.letters or sorted(p for name in ("dev", "presend") for p in (ROOT / "corpora" / name).glob("*.docx"))
    print(json.dumps(measure(paths, args.rounds), indent=2))


if __name__ == "__main__":
    main()
