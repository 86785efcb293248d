"""Dates by rule and names by the model where names can be: every date rule's examples, both ways."""

from __future__ import annotations

import pytest

from responsecheck.entities import DateRules, _name_runs, date_rules
from responsecheck.errors import RulesError
from responsecheck.rulebook import load_model

RULES = date_rules().entries
FAILS = [(rule.id, example.text, example.expect, rule.label) for rule in RULES for example in rule.examples.fail]
PASSES = [(rule.id, text) for rule in RULES for text in rule.examples.pass_]


@pytest.mark.parametrize(("rule", "text", "expect", "label"), FAILS, ids=[f"{f[0]}-{i}" for i, f in enumerate(FAILS)])
def test_each_rule_finds_its_dates(nlp, rule: str, text: str, expect: str, label: str) -> None:
    found = [(ent.text, ent.label_) for ent in nlp(text).ents]
    assert (expect, label) in found, f"{rule}: expected {expect!r} as {label} in {found}"


@pytest.mark.parametrize(("rule", "text"), PASSES, ids=[f"{p[0]}-{i}" for i, p in enumerate(PASSES)])
def test_each_rule_leaves_its_pass_examples_alone(nlp, rule: str, text: str) -> None:
    found = [ent.text for ent in nlp(text).ents if ent.label_ in ("DATE", "TIME")]
    assert found == [], f"{rule}: found {found} in a sentence with no date"


def test_names_are_found_where_two_capitalised_words_stand_together(nlp) -> None:
    doc = nlp("Our plumber Dave Hutchins did not arrive. He was late again the next day.")
    assert ("Dave Hutchins", "PERSON") in [(e.text, e.label_) for e in doc.ents]


def test_the_recogniser_reads_only_the_sentences_that_can_hold_a_name(nlp) -> None:
    """Its dates and numbers are dropped (the rules give those), and a sentence with no pair of
    capitalised words is never read: the cost saved is the point of the component."""
    doc = nlp("We will visit on 4 June. Mrs Okafor asked us to call first.")
    labels = {(e.text, e.label_) for e in doc.ents}
    assert ("4 June", "DATE") in labels and ("Mrs Okafor", "PERSON") in labels
    second = list(doc.sents)[1]
    assert _name_runs(doc) == [(second.start, second.end)]


def test_a_pattern_naming_an_unknown_set_is_refused(tmp_path) -> None:
    (tmp_path / "dates.yaml").write_text(
        "schema: 1\nsets: {months: 'june'}\nentries:\n"
        "  - {id: x, label: DATE, patterns: ['#NUM {monthz}'], source: s,"
        " examples: {fail: [{text: '4 June', expect: '4 June'}], pass: ['no']}}\n", encoding="utf-8")
    with pytest.raises(RulesError, match="monthz"):
        load_model("dates.yaml", DateRules, base=tmp_path)


def test_names_are_not_looked_for_in_the_letters_frame(nlp) -> None:
    """No check reads names in the address, greeting, sign-off or signature, so the recogniser
    skips them; a name in the body is still found (and dates are found everywhere)."""
    from responsecheck.analysis import analyse
    from responsecheck.readers import read_bytes

    text = ("Mrs Alison Grant\n\n4 Mill Lane\n\nDear Mrs Grant\n\nOur plumber Dave Hutchins will call on "
            "4 June.\n\nYours sincerely\n\nKaren Bell\n\nComplaints Officer, 1 March 2026")
    analysis = analyse(read_bytes(text.encode(), "letter.txt"), nlp, "model")
    people = {e.text for e in analysis.doc.ents if e.label_ == "PERSON"}
    assert "Dave Hutchins" in people
    assert not people & {"Alison Grant", "Mrs Alison Grant", "Karen Bell"}
    assert {"4 June", "1 March 2026"} <= {e.text for e in analysis.doc.ents if e.label_ == "DATE"}
    # the same text parsed without the marks: the name in the frame is found, so the test means something
    assert "Karen Bell" in {e.text for e in nlp(text).ents if e.label_ == "PERSON"}
