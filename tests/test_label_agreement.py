"""The second annotator's labels and the agreement figures (scripts/label_agreement.py)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from responsecheck.evaluate_points import load_pairs

ROOT = Path(__file__).resolve().parents[1]
SPEC = importlib.util.spec_from_file_location("label_agreement", ROOT / "scripts" / "label_agreement.py")
agreement = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(agreement)
SECOND = sorted((ROOT / "corpora" / "points").glob("*/labels-second.yaml"))


def test_kappa() -> None:
    assert agreement._kappa([True, False, True, False], [True, False, True, False]) == 1.0
    # agreeing on half, where chance alone agrees on half: no agreement beyond chance
    assert agreement._kappa([True, True, False, False], [True, False, True, False]) == 0.0
    assert agreement._kappa([True, True, False, False], [False, False, True, True]) == -1.0


@pytest.mark.parametrize("path", SECOND, ids=[p.parent.name for p in SECOND])
def test_second_labels_follow_the_first_pairs_and_quotes(path: Path) -> None:
    first, second = load_pairs(path.parent), agreement._second(path.parent)
    assert [p.pair for p in first] == [p.pair for p in second]
    for one, two in zip(first, second):
        assert [p.quote for p in one.points] == [p.quote for p in two.points]
        assert (one.outcome is None) == (two.outcome is None)
