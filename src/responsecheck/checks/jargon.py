"""Housing jargon and acronyms a resident may not know ("void", "decant", "ASB", "RSL").

An acronym is flagged once, at its first use, and only when the letter has not spelled it out
first ("anti-social behaviour (ASB)") or in brackets straight after. A jargon word explained in
brackets where it is used is left alone too. The list is rules/language/jargon.yaml.
"""

from __future__ import annotations

from . import CheckContext, CheckOutput
from .wordlists import find


def run(context: CheckContext) -> CheckOutput:
    return CheckOutput(findings=find("jargon", context.analysis, context.nlp))
