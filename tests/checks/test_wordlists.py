"""How the word lists read a letter: quotations, acronyms at first use, the parse's subject, roles."""

from __future__ import annotations

from pathlib import Path

import pytest

from responsecheck import CheckOptions, check
from responsecheck.checks.wordlists import WordList, token_patterns
from responsecheck.config import HouseStyle
from responsecheck.errors import RulesError
from responsecheck.readers import read_text_input
from responsecheck.rulebook import load_model


def _found(text: str, category: str, config: HouseStyle | None = None) -> list[str]:
    report = check(read_text_input(text, "x.txt"), options=CheckOptions(profile="hos", stage=1, config=config))
    return [f.text for f in report.findings if f.category == category]


def test_words_in_quotation_marks_are_someone_elses() -> None:
    text = 'You told us the officer called you "non-engaging" and said you had \u201crefused access\u201d.'
    assert _found(text, "stigma") == []
    assert _found("Our notes say you are non-engaging.", "stigma") == ["non-engaging"]


def test_an_acronym_is_flagged_once_and_not_when_spelled_out() -> None:
    assert _found("Your ASB case is open. The ASB team will call.", "jargon") == ["ASB"]
    assert _found("Your anti-social behaviour (ASB) case is open. The ASB team will call.", "jargon") == []
    assert _found("Your ASB (anti-social behaviour) case is open.", "jargon") == []


def test_blame_depends_on_who_the_subject_is() -> None:
    assert _found("You failed to report the leak.", "stigma") == ["failed"]
    assert _found("We failed to call you back, and our contractor failed to attend.", "stigma") == []
    assert _found("Staff found you rude and abusive.", "stigma") == ["rude", "abusive"]


def test_plain_landlord_tenant_and_resident_are_never_flagged() -> None:
    text = "As your landlord, we must repair the home of every tenant and resident in the block."
    assert [c for c in ("stigma", "jargon", "plain_english") if _found(text, c)] == []


def test_address_and_sign_off_are_not_prose() -> None:
    text = ("Vulnerable Persons Unit\nASB Team\n\nDear Mr Ali,\n\nThank you for your call.\n\n"
            "Yours sincerely,\n\nASB Officer")
    assert _found(text, "stigma") == [] and _found(text, "jargon") == []


def test_a_house_word_on_the_same_words_is_reported_once() -> None:
    config = HouseStyle.model_validate({"words": [
        {"id": "refused", "category": "stigma", "terms": ["refused access"], "suggestion": "we could not get in"}]})
    report = check(read_text_input("The contractor was refused access.", "x.txt"),
                   options=CheckOptions(profile="hos", stage=1, config=config))
    found = [f.rule for f in report.findings if f.category == "stigma"]
    assert found == ["house.refused"]


def test_term_notation() -> None:
    assert token_patterns("commence") == [[{"LEMMA": "commence"}], [{"LOWER": "commence"}]]
    assert token_patterns("ASB") == [[{"ORTH": "ASB"}]]
    assert token_patterns("~comply with") == [[{"LEMMA": "comply"}, {"LOWER": "with"}]]


def test_a_broken_list_is_a_rules_error_naming_the_file(tmp_path: Path) -> None:
    (tmp_path / "language").mkdir()
    (tmp_path / "language" / "bad.yaml").write_text(
        "schema: 1\ncategory: jargon\nseverity: warning\nmessage: m\nentries:\n"
        "  - {id: x, terms: ['a|'], suggestion: s, source: src, examples: {fail: [a], pass: [b]}}\n")
    with pytest.raises(RulesError, match="bad.yaml"):
        load_model("language/bad.yaml", WordList, base=tmp_path)
