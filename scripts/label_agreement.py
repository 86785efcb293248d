"""How far two people agree on which complaint points a letter answers: a ceiling for the points check.

A blind set's own labels (labels.yaml) are set against a second annotator's, made from the complaint
and letter alone without seeing the first (labels-second.yaml, same pairs and quotes). Prints totals
only, never a pair, so a blind set stays blind: raw agreement and Cohen's kappa on `not_addressed`;
the first annotator's precision and recall of `not_addressed` taking the second's as the truth (what a
perfect copy of one person could score against the other); the points check's precision and recall
against each; outcomes answered, agreement. Usage: python scripts/label_agreement.py SET_DIR [...]
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

from responsecheck import CheckOptions, check
from responsecheck.evaluate_points import PairLabel, load_pairs


def _second(set_dir: Path) -> list[PairLabel]:
    raw = yaml.safe_load((set_dir / "labels-second.yaml").read_text(encoding="utf-8")) or []
    return [PairLabel.model_validate(item) for item in raw]


def _pr(flagged: list[bool], truth: list[bool]) -> str:
    hits = sum(f and t for f, t in zip(flagged, truth))
    return f"precision {hits / max(1, sum(flagged)):.2f} recall {hits / max(1, sum(truth)):.2f}"


def _kappa(a: list[bool], b: list[bool]) -> float:
    n = len(a)
    observed = sum(x == y for x, y in zip(a, b)) / n
    pa, pb = sum(a) / n, sum(b) / n
    expected = pa * pb + (1 - pa) * (1 - pb)
    return (observed - expected) / (1 - expected) if expected < 1 else 1.0


def main() -> None:
    for name in sys.argv[1:]:
        set_dir = Path(name)
        first, second = load_pairs(set_dir), _second(set_dir)
        a: list[bool] = []
        b: list[bool] = []
        tool: list[bool] = []
        outcomes = []
        for one, two in zip(first, second, strict=True):
            if one.pair != two.pair or [p.quote for p in one.points] != [p.quote for p in two.points]:
                raise SystemExit(f"{set_dir}: the second labels do not follow the first's pairs and quotes")
            a += [p.status == "not_addressed" for p in one.points]
            b += [p.status == "not_addressed" for p in two.points]
            report = check(set_dir / one.letter, options=CheckOptions(complaint_points=tuple(p.quote for p in one.points)))
            tool += [p.status == "not_addressed" for p in report.complaint_points or []]
            if one.outcome and two.outcome:
                outcomes.append(one.outcome.answered == two.outcome.answered)
        print(f"== {set_dir.name}: {len(a)} points; not_addressed {sum(a)} (first), {sum(b)} (second)")
        print(f"agreement {sum(x == y for x, y in zip(a, b)) / len(a):.2f}, Cohen's kappa {_kappa(a, b):.2f}")
        print(f"first annotator against the second: {_pr(a, b)}")
        print(f"the check (points given) against the first: {_pr(tool, a)}; against the second: {_pr(tool, b)}")
        print(f"the check against points both annotators agree on ({sum(x == y for x, y in zip(a, b))}): "
              f"{_pr([t for t, x, y in zip(tool, a, b) if x == y], [x for x, y in zip(a, b) if x == y])}")
        if outcomes:
            print(f"outcome answered: the annotators agree on {sum(outcomes)}/{len(outcomes)}")


if __name__ == "__main__":
    main()
