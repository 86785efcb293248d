"""Promises with no date: "as soon as possible", "shortly", "we will look into".

A resident cannot hold a landlord to "in due course", and the Code asks for outstanding
actions with timescales. A clause that also gives a concrete date or period ("by 14
March", "within 10 working days", "on Monday") is left alone: "as soon as possible and
no later than 3 April" is a real commitment. The clause, not the sentence, decides: in
"the wall will be fixed shortly, and we will pay you by 3 May" the repair is still vague. Words in quotation marks are someone else's
("you were told it would be done 'shortly'"), not a promise the letter makes.
"""

from __future__ import annotations

import re

from ..facts import dates
from . import CheckContext, CheckOutput
from .patterns import finding, load_rules, quoted_spans, units

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


# Where one commitment ends and the next begins inside a sentence.
_CLAUSE_BREAK = re.compile(r"[;:]|,\s*(?:and|but|while|whereas|although|so|then)\b|\.\s", re.I)


def clause_around(text: str, start: int, end: int) -> str:
    """The part of `text` between the clause breaks either side of [start, end)."""
    before = [m.end() for m in _CLAUSE_BREAK.finditer(text, 0, start)]
    after = _CLAUSE_BREAK.search(text, end)
    return text[(before[-1] if before else 0):(after.start() if after else len(text))]


def run(context: CheckContext) -> CheckOutput:
    analysis = context.analysis
    rules = load_rules("vague_commitments")
    findings = []
    for offset, text in units(analysis, rules.scope):
        quotes = quoted_spans(text)
        for rule in rules.rules:
            for start, end in rule.find(text):
                if any(qs <= start and end <= qe for qs, qe in quotes):
                    continue
                if not has_concrete_time(clause_around(text, start, end)):
                    findings.append(finding(analysis, rule, offset + start, offset + end))
    return CheckOutput(findings=findings)
