"""Every labelled complaint-points set must be scorable: its files exist and each quote is the complaint's own words.

`eval` finds each labelled point by its quote in the cleaned complaint and stops with an error when a
quote is missing, so a set that fails here cannot be measured at all.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from responsecheck.evaluate import CORPORA, SetResult, default_sets, render_evaluation
from responsecheck.evaluate_points import _squash, load_pairs
from responsecheck.points.source import read_complaint
from responsecheck.points.split import clean

POINTS_SETS = sorted((CORPORA / "points").glob("*/labels.yaml"))


@pytest.mark.parametrize("labels", POINTS_SETS, ids=lambda path: path.parent.name)
def test_every_quote_is_in_its_cleaned_complaint(labels: Path) -> None:
    set_dir = labels.parent
    pairs = load_pairs(set_dir)
    assert pairs, f"{set_dir.name} has no pairs"
    missing = []
    for pair in pairs:
        assert (set_dir / pair.letter).is_file(), pair.letter
        whole = _squash(clean(read_complaint(set_dir / pair.complaint))).lower()  # shouting is put in sentence case
        quotes = [point.quote for point in pair.points] + ([pair.outcome.quote] if pair.outcome else [])
        missing += [f"{pair.pair}: {quote!r}" for quote in quotes if _squash(quote).lower() not in whole]
    assert not missing, "\n".join(missing)


def test_eval_runs_every_points_set_by_default() -> None:
    assert {labels.parent for labels in POINTS_SETS} <= set(default_sets())


def test_the_blind_points_sets_show_no_mistakes_and_the_promoted_holdouts_do() -> None:
    promoted = ("points-holdout", "points-holdout2", "points-holdout3", "points-holdout4", "points-holdout5")
    results = [SetResult(name=name, letters=1, tables=[], mistakes=[f"{name}: a mistake"])
               for name in (*promoted, "points-holdout6", "points-holdout7")]
    text, as_json = render_evaluation(results), render_evaluation(results, "json")
    assert all(f"{name}: a mistake" in text for name in promoted)
    for blind_set in ("points-holdout6", "points-holdout7"):
        assert f"{blind_set}: a mistake" not in text
        assert f'"{blind_set}: a mistake"' not in as_json
