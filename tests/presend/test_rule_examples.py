"""Every pre-send rule's own examples, run through the whole pipeline (the rules files drive the test)."""

from __future__ import annotations

import pytest

from responsecheck import CheckOptions, check
from responsecheck.checks.patterns import load_rules
from responsecheck.checks.staff_named import settings
from responsecheck.readers import read_text_input
from responsecheck.rulebook import rules_dir

PATTERN_FILES = sorted(p.stem for p in (rules_dir() / "presend").glob("*.yaml")
                       if p.stem not in ("ombudsmen", "staff_named"))
CASES = [(name, rule.rule.id, expected, example, rule.rule.examples.stage)
         for name in PATTERN_FILES
         for rule in load_rules(name).rules
         for expected, examples in (("fail", rule.rule.examples.fail), ("pass", rule.rule.examples.pass_))
         for example in examples]


def _findings(example: str, stage: int):
    report = check(read_text_input(example, "example.txt"), options=CheckOptions(profile="hos", stage=stage))
    return report.findings


@pytest.mark.parametrize(("name", "rule_id", "expected", "example", "stage"), CASES)
def test_example(name: str, rule_id: str, expected: str, example: str, stage: int) -> None:
    found = [f for f in _findings(example, stage) if f.rule == rule_id]
    if expected == "fail":
        assert found, f"{rule_id} did not flag: {example}"
    else:
        assert not found, f"{rule_id} wrongly flagged {found[0].text!r} in: {example}"


def test_every_pattern_file_is_covered() -> None:
    assert {"placeholders", "outdated_details", "outdated_process", "vague_commitments", "consistency"} <= set(PATTERN_FILES)
    for name in PATTERN_FILES:
        for rule in load_rules(name).rules:
            assert rule.rule.source.strip(), rule.rule.id
            assert rule.rule.id.startswith(rule.category), rule.rule.id


@pytest.mark.parametrize("example", settings().examples.fail)
def test_staff_named_flags(example: str) -> None:
    assert any(f.category == "staff_named" for f in _findings(example, 1))


@pytest.mark.parametrize("example", settings().examples.pass_)
def test_staff_named_leaves_alone(example: str) -> None:
    assert not [f.text for f in _findings(example, 1) if f.category == "staff_named"]

