"""British spelling: hunspell en_GB through pyenchant, with the house allow-list and the names left alone."""

from __future__ import annotations

import pytest

from responsecheck import CheckOptions, check
from responsecheck.checks import spelling
from responsecheck.readers import read_text_input

RULES, _ = spelling.allow_list()


def _misspelt(text: str) -> list[str]:
    report = check(read_text_input(text, "example.txt"), options=CheckOptions(profile="hos", stage=1))
    return [f.text for f in report.findings if f.category == "spelling"]


def test_the_hunspell_provider_is_used() -> None:
    dictionary = spelling.dictionary()
    assert not isinstance(dictionary, str), dictionary
    assert dictionary.provider.name == "hunspell"


@pytest.mark.parametrize("example", RULES.examples.fail)
def test_misspellings_are_flagged(example: str) -> None:
    assert _misspelt(example)


@pytest.mark.parametrize("example", RULES.examples.pass_ + [e for g in RULES.groups for e in g.examples.pass_])
def test_allowed_words_and_names_are_not_flagged(example: str) -> None:
    assert _misspelt(example) == []


def test_british_spellings_pass_and_the_finding_suggests_the_word() -> None:
    assert _misspelt("We apologise for the mould and will organise a new programme of work.") == []
    report = check(read_text_input("We did not recieve your letter.", "x.txt"), options=CheckOptions(profile="hos"))
    finding = next(f for f in report.findings if f.category == "spelling")
    assert "receive" in finding.suggestion and finding.location.start == 11


def test_names_emails_references_postcodes_and_quotes_are_not_checked() -> None:
    text = ("Mrs Wojciechowska emailed repairs@brackenfieldhomes.org.uk about job REP-448213 at "
            "Flat 3, Tŷ Gwyn, CF10 1AB. She said the fitter was 'rubish'.")
    assert _misspelt(text) == []


def test_address_and_signature_are_not_checked() -> None:
    text = ("Mr Qadirov\nFlat 9 Kestrelwood Crt\n\nDear Mr Qadirov,\n\nThank you for your letter.\n\n"
            "Yours sincerely,\n\nZofija Mxyzptlk")
    assert _misspelt(text) == []


def test_without_the_dictionary_spelling_is_skipped_not_fatal(monkeypatch) -> None:
    monkeypatch.setattr(spelling, "dictionary", lambda: "no British English dictionary is installed (test)")
    report = check(read_text_input("We did not recieve your letter.", "x.txt"), options=CheckOptions(profile="hos"))
    assert not [f for f in report.findings if f.category == "spelling"]
    assert any(s.check == "spelling" and "no British English dictionary" in s.reason for s in report.skipped)
