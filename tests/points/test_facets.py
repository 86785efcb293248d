"""Facet keys: word forms of one word meet."""

from __future__ import annotations

from responsecheck.points.facets import stem


def test_stem_strips_stacked_endings_so_noun_and_verb_meet() -> None:
    assert stem("replacement") == stem("replace") == "replac"
    assert stem("modernisation") == stem("modernise") == "modern"
    # too short a remainder keeps the word whole
    assert stem("payment") == "payment"
