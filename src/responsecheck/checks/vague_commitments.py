"""Promises with no date: "as soon as possible", "shortly", "we will look into".

A resident cannot hold a landlord to "in due course", and the Code asks for outstanding
actions with timescales. A sentence that also gives a concrete date or period ("by 14
March", "within 10 working days", "on Monday") is left alone: "as soon as possible and
no later than 3 April" is a real commitment. Words in quotation marks are someone else's
("you were told it would be done 'shortly'"), not a promise the letter makes.
"""

from __future__ import annotations

import re

from ..facts import dates
from . import CheckContext, CheckOutput
from .patterns import load_rules, run_rules

_NUMBER_WORDS = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|twenty|thirty"
_PERIOD = re.compile(
    rf"\b(?:within|in|over the next|for)\s+(?:\d+|{_NUMBER_WORDS})\s+(?:working\s+|calendar\s+|business\s+)?"
    r"(?:days?|weeks?|months?|hours?)\b"
    r"|\b(?:on|by|this|next)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
    r"|\b(?:by|before|in|during)\s+(?:the\s+(?:end|middle|start)\s+of\s+)?"
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)\b"
    r"|\b(?:today|tomorrow)\b",
    re.I,
)


def has_concrete_time(text: str) -> bool:
    """True when the text names a date, a weekday or a bounded period."""
    return bool(_PERIOD.search(text)) or any(d.day for d in dates(text))


def run(context: CheckContext) -> CheckOutput:
    findings = run_rules(context.analysis, load_rules("vague_commitments"),
                         skip=lambda _offset, text: has_concrete_time(text), skip_quotes=True)
    return CheckOutput(findings=findings)
