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
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).parent))
LANGUAGE = ("readability", "passive_voice", "plain_english", "jargon", "stigma", "non_apology", "spelling", "grammar")


def main() -> None:
    from check_timing import measure

    from responsecheck.options import CheckOptions

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("letters", nargs="*", type=Path)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    paths = args.letters or sorted([*(ROOT / "corpora" / "dev").glob("*.docx"),
                                    *(ROOT / "corpora" / "language").glob("*.md")])
    print(json.dumps(measure(paths, LANGUAGE, args.rounds, CheckOptions(), "language"), indent=2))


if __name__ == "__main__":
    main()
