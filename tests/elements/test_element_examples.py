"""Every element rule's own examples, run through the real pipeline (the rules file drives the test)."""

from __future__ import annotations

import pytest

from responsecheck import CheckOptions, check
from responsecheck.elements.rules import ElementRules
from responsecheck.readers import read_text_input
from responsecheck.rulebook import load_model

RULES = load_model("elements.yaml", ElementRules)
CASES = [(element_id, expected, example)
         for element_id, rule in RULES.elements.items()
         for expected, examples in (("present", rule.examples.present), ("absent", rule.examples.absent))
         for example in examples]


@pytest.mark.parametrize(("element_id", "expected", "example"), CASES)
def test_example(element_id: str, expected: str, example: str) -> None:
    # Escalation is a stage 1 element; everything else is judged the same at either stage.
    options = CheckOptions(profile="hos", stage=1)
    report = check(read_text_input(example, "example.txt"), options=options)
    status = report.element(element_id).status
    if expected == "present":
        assert status == "present", f"{element_id} not found in: {example}"
    else:
        assert status != "present", f"{element_id} wrongly found in: {example}"


def test_every_element_has_examples_and_a_source() -> None:
    for element_id, rule in RULES.elements.items():
        assert rule.examples.present and rule.examples.absent, element_id
        assert rule.source in RULES.sources, element_id
