"""Time the language checks add to a check: each check's own time per letter, next to the bare
spaCy parse and the full check of the same letter, in one run.

Run: .venv/bin/python benchmarks/bench_language.py [letters...]   (default: corpora/dev and corpora/language)

The parse and the element detection are done once per letter, as in `check()`, and each language
check then runs on that same context (no second parse), so the figures are what each check adds.
Grammar is timed without a LanguageTool server (it only records that it was skipped): with one,
its time is the server's. The first letter's time includes building the matchers and loading the
dictionaries once per process; medians leave that out. This is a benchmark, not a test: it never
fails, it reports medians in milliseconds.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LANGUAGE = ("readability", "passive_voice", "plain_english", "jargon", "stigma", "non_apology", "spelling", "grammar")


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
    options = CheckOptions()
    letters = {p: read_path(p) for p in paths}
    first = time.perf_counter()
    check(paths[0], options=options)
    first_check_ms = 1000 * (time.perf_counter() - first)
    for path in paths[1:3]:  # warm-up
        check(path, options=options)
    times: dict[str, list[float]] = {name: [] for name in ("parse", "full_check", "language_total", *LANGUAGE)}
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
            for name in LANGUAGE:
                start = time.perf_counter()
                runs[name](context)
                spent = time.perf_counter() - start
                times[name].append(spent)
                total += spent
            times["language_total"].append(total)
    medians = {name: round(1000 * statistics.median(values), 2) for name, values in times.items()}
    return {"letters": len(paths), "rounds": rounds, "first_check_ms": round(first_check_ms, 1), "median_ms": medians,
            "language_share_of_check": round(medians["language_total"] / medians["full_check"], 3),
            "language_vs_parse": round(medians["language_total"] / medians["parse"], 3),
            "check_vs_parse": round(medians["full_check"] / medians["parse"], 3)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("letters", nargs="*", type=Path)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    paths = args.letters or sorted([*(ROOT / "corpora" / "dev").glob("*.docx"), *(ROOT / "corpora" / "language").glob("*.md")])
    print(json.dumps(measure(paths, args.rounds), indent=2))


if __name__ == "__main__":
    main()
