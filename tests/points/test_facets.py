"""Facet keys: word forms of one word meet."""

from __future__ import annotations

from responsecheck.nlp import load
from responsecheck.points.facets import answer_keys, facets, house_numbers, sentence_keys, stem
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


def test_a_light_verb_with_its_own_determiner_is_a_thing() -> None:
    """'they look at it' says nothing, but 'the look of the door' is about its look; 'roofing' is the roof."""
    nlp = load()
    lex = lexicon(nlp)
    assert "look" in {f.text for f in facets(list(nlp("I hate the look of the new door.")), lex)}
    assert "look" not in {f.text for f in facets(list(nlp("Nobody will look at the door.")), lex)}
    assert not {f.text for f in facets(list(nlp("Please deal with the rats.")), lex)} & {"deal"}
    assert stem("roofing") == stem("roof") == "roof"


def test_a_sum_of_money_is_the_compensation_concept_in_either_form() -> None:
    nlp = load()
    lex = lexicon(nlp)
    for text in ("I want £200 for the damaged carpet.", "I want 200 pounds for the damaged carpet."):
        assert "c:compensation" in {k for f in facets(list(nlp(text)), lex) for k in f.keys}, text
    assert "c:compensation" not in {k for f in facets(list(nlp("The pound shop sells carpet.")), lex)
                                    for k in f.keys}


def test_a_participle_read_as_an_adjective_meets_its_verb_and_its_concept() -> None:
    nlp = load()
    lex = lexicon(nlp)
    doc = nlp("the £60 refunded")
    refunded = next(t for t in doc if t.lower_ == "refunded")
    assert refunded.pos_ == "ADJ" and refunded.lemma_ == "refunded"  # what the tagger does, the reason for the rule
    keys = {k for f in facets(list(doc), lex) for k in f.keys}
    assert {"l:refund", "c:compensation"} <= keys
    assert "l:refund" in sentence_keys(list(nlp("We will refund the charge.")), lex)
    # read as a noun in a list of things asked for: still the verb
    doc = nlp("I'd like the door fixed and the £60 refunded.")
    assert next(t for t in doc if t.lower_ == "refunded").pos_ == "NOUN"
    assert "l:refund" in {k for f in facets(list(doc), lex) for k in f.keys}


def test_a_noun_describing_another_thing_in_an_answer_is_kept_apart() -> None:
    nlp = load()
    lex = lexicon(nlp)
    keys, modifiers = answer_keys(list(nlp("You can bid for a lift-served home.")), lex)
    assert "l:lift" in modifiers and "c:lift" in modifiers and "l:lift" not in keys
    # a noun compound is what the sentence is about: the heating system is the heating
    keys, modifiers = answer_keys(list(nlp("Our engineer repaired your heating system.")), lex)
    assert "c:heating" in keys and not modifiers


def test_house_numbers_are_keys_however_written() -> None:
    assert house_numbers("the tenants at number 22 and No. 4a") == {"n:22", "n:4a"}
    assert house_numbers("my reference number is on the letter") == set()
