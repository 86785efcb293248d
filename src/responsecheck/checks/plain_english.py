"""Plain English: a long or formal word where a short everyday one says the same ("commence").

The list (rules/language/plain_english.yaml) comes from the Plain English Campaign, NALA, 26TEN and
the GOV.UK style guide; findings are suggestions, never reasons to hold a letter back.
"""

from __future__ import annotations

from . import CheckContext, CheckOutput
from .wordlists import find


def run(context: CheckContext) -> CheckOutput:
    return CheckOutput(findings=find("plain_english", context.analysis, context.nlp))
