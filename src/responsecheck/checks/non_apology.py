"""Non-apologies and defensive phrases: sorry for the resident's feelings ("sorry you feel"), sorry
on a condition ("sorry if"), sorry for "any inconvenience", and "as previously advised".

A genuine apology says what went wrong and that it was the landlord's fault. Patterns are shapes
over lemmas (a word of apology, a few words, then "if", "you feel", "any upset") rather than fixed
sentences, so new wordings of the same move are caught. The list is rules/language/non_apology.yaml.
"""

from __future__ import annotations

from . import CheckContext, CheckOutput
from .wordlists import find


def run(context: CheckContext) -> CheckOutput:
    return CheckOutput(findings=find("non_apology", context.analysis, context.nlp))
