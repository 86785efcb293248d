"""The labelled language letters: precision and recall per category stay where they were measured.

The development set (corpora/language) is held to 0.9; the held-out set is only required to run,
since tuning the lists to it would spoil it (its figures are printed by `responsecheck eval`).
"""

from __future__ import annotations

import pytest

from responsecheck.evaluate import CORPORA, evaluate
from responsecheck.evaluate_findings import LANGUAGE_CATEGORIES


@pytest.fixture(scope="module")
def results():
    return {r.name: r for r in evaluate([CORPORA / "language", CORPORA / "language-holdout"])}


def _table(result):
    return next(t for t in result.tables if t.title == "Language findings per category")


@pytest.mark.parametrize("category", LANGUAGE_CATEGORIES)
def test_development_set_precision_and_recall(results, category: str) -> None:
    counts = _table(results["language"]).rows[category]
    assert counts.tp > 0
    assert counts.precision >= 0.9 and counts.recall >= 0.9, (category, counts)


def test_held_out_set_is_scored_for_every_category(results) -> None:
    table = _table(results["language-holdout"])
    assert set(table.rows) == set(LANGUAGE_CATEGORIES)
    assert "letters labelled for language: 10" in table.notes
