"""Shared by bench_presend.py and bench_language.py: what a group of checks adds to a check.

Each letter is parsed and its elements detected once, as in `check()`, then every check of the group
runs on that same context, so the figures are what each check adds; the bare spaCy parse and the
full check of the same letter are timed alongside. Medians in milliseconds.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path


def measure(paths: list[Path], group: tuple[str, ...], rounds: int, options, label: str) -> dict[str, object]:
    from responsecheck import check
    from responsecheck import nlp as nlp_module
    from responsecheck.analysis import analyse
    from responsecheck.checks import CHECKS, CheckContext
    from responsecheck.elements import detect
    from responsecheck.readers import read_path

    nlp = nlp_module.load()
    model = nlp_module.model_name(nlp)
    runs = dict(CHECKS)
    letters = {p: read_path(p) for p in paths}
    start = time.perf_counter()
    check(paths[0], options=options)
    first_check_ms = 1000 * (time.perf_counter() - start)
    for path in paths[1:3]:  # warm-up: rules compiled, caches filled
        check(path, options=options)
    total = f"{label}_total"
    times: dict[str, list[float]] = {name: [] for name in ("parse", "full_check", total, *group)}
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
            spent_total = 0.0
            for name in group:
                start = time.perf_counter()
                runs[name](context)
                spent = time.perf_counter() - start
                times[name].append(spent)
                spent_total += spent
            times[total].append(spent_total)
    medians = {name: round(1000 * statistics.median(values), 2) for name, values in times.items()}
    return {"letters": len(paths), "rounds": rounds, "first_check_ms": round(first_check_ms, 1), "median_ms": medians,
            f"{label}_share_of_check": round(medians[total] / medians["full_check"], 3),
            f"{label}_vs_parse": round(medians[total] / medians["parse"], 3),
            "check_vs_parse": round(medians["full_check"] / medians["parse"], 3)}
