"""Passive voice from the dependency parse, with the doer when the sentence names one."""

from __future__ import annotations

import pytest

from responsecheck import CheckOptions, check
from responsecheck.readers import read_text_input


def _passives(text: str):
    report = check(read_text_input(text, "x.txt"), options=CheckOptions(profile="hos", stage=1))
    return [f for f in report.findings if f.category == "passive_voice"]


@pytest.mark.parametrize(("sentence", "words"), [
    ("Mistakes were made in handling your complaint.", "were made"),
    ("The ceiling was not repaired until 20 March.", "was not repaired"),
    ("Your appointment has been cancelled twice.", "has been cancelled"),
])
def test_passive_clauses_are_found_with_their_verb_group(sentence: str, words: str) -> None:
    found = _passives(sentence)
    assert [f.text for f in found] == [words]
    assert "does not say who" in found[0].message


def test_the_doer_is_named_when_the_parse_has_it() -> None:
    found = _passives("The damaged carpet will be replaced by our contractor next week.")
    assert found and "our contractor" in found[0].message and "our contractor" in found[0].suggestion


@pytest.mark.parametrize("sentence", [
    "We repaired the ceiling on 20 March.",
    "The window is still broken.",
    "You are entitled to compensation.",
    "The office is located on the high street.",
])
def test_active_and_stative_sentences_are_not_flagged(sentence: str) -> None:
    assert _passives(sentence) == []
