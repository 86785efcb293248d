"""Measured accuracy on the labelled pre-send corpus: what must be caught every time is caught,
and correct Ombudsman details are never flagged."""

from __future__ import annotations

from pathlib import Path

from responsecheck.evaluate import evaluate

ROOT = Path(__file__).resolve().parents[2]
MUST_CATCH = ("placeholder", "tracked_changes", "comments", "hidden_text", "ombudsman_details")


def test_recall_and_false_alarms_on_the_presend_corpus() -> None:
    (result,) = evaluate([ROOT / "corpora" / "presend"])
    table = next(t for t in result.tables if t.title.startswith("Pre-send findings"))
    for category in MUST_CATCH:
        counts = table.rows[category]
        assert counts.tp > 0 and counts.fn == 0, f"{category} missed {counts.fn}"
    assert table.rows["ombudsman_details"].fp == 0
