"""Facet keys: word forms of one word meet."""

from __future__ import annotations

from responsecheck.nlp import load
from responsecheck.points.facets import facets, stem
from responsecheck.points.lexicon import lexicon


def test_stem_strips_stacked_endings_so_noun_and_verb_meet() -> None:
    assert stem("replacement") == stem("replace") == "replac"
    assert stem("modernisation") == stem("modernise") == "modern"
    # too short a remainder keeps the word whole
    assert stem("payment") == "payment"


def test_deal_with_and_sort_out_carry_no_topic() -> None:
    nlp = load()
    lex = lexicon(nlp)
    keys = {k for f in facets(list(nlp("Please deal with the mice and sort out the smell.")), lex) for k in f.keys}
    assert {"c:pests", "l:smell"} <= keys
    assert not {"l:deal", "l:sort"} & keys
