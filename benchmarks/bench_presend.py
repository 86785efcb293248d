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
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).parent))
PRESEND = ("placeholders", "leftovers", "ombudsman_details", "outdated_process", "consistency",
           "vague_commitments", "staff_named", "deadline")


def main() -> None:
    from check_timing import measure

    from responsecheck.options import CheckOptions

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("letters", nargs="*", type=Path)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    paths = args.letters or sorted(p for name in ("dev", "presend") for p in (ROOT / "corpora" / name).glob("*.docx"))
    options = CheckOptions(received=dt.date(2026, 3, 2), acknowledged=dt.date(2026, 3, 4))
    print(json.dumps(measure(paths, PRESEND, args.rounds, options, "presend"), indent=2))


if __name__ == "__main__":
    main()
