"""Every word-list entry's own examples, run through the whole pipeline (the rules files drive the test)."""

from __future__ import annotations

import pytest

from responsecheck import CheckOptions, check
from responsecheck.checks.wordlists import load_list
from responsecheck.readers import read_text_input

LISTS = ("plain_english", "jargon", "stigma", "non_apology")
MINIMUM = {"plain_english": 120, "jargon": 60, "stigma": 50, "non_apology": 20}
CASES = [(name, entry.id, expected, example)
         for name in LISTS
         for entry in load_list(name).entries
         for expected, examples in (("fail", entry.examples.fail), ("pass", entry.examples.pass_))
         for example in examples]


def _rule_hits(example: str, rule: str) -> list[str]:
    report = check(read_text_input(example, "example.txt"), options=CheckOptions(profile="hos", stage=1))
    return [f.text for f in report.findings if f.rule == rule]


@pytest.mark.parametrize(("name", "entry_id", "expected", "example"), CASES)
def test_example(name: str, entry_id: str, expected: str, example: str) -> None:
    hits = _rule_hits(example, f"{name}.{entry_id}")
    if expected == "fail":
        assert hits, f"{name}.{entry_id} did not flag: {example}"
    else:
        assert not hits, f"{name}.{entry_id} wrongly flagged {hits[0]!r} in: {example}"


@pytest.mark.parametrize("name", LISTS)
def test_list_is_big_enough_and_sourced(name: str) -> None:
    entries = load_list(name).entries
    assert len(entries) >= MINIMUM[name]
    assert all(e.source.strip() and e.suggestion.strip() for e in entries)
