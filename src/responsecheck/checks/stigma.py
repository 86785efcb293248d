"""Stigmatising, othering and blaming language: labels ("vulnerable", "non-engaging"), othering
("our tenants", "these residents") and blame ("you failed to", "lifestyle" for damp and mould).

The Housing Ombudsman has found maladministration in letters that blamed residents, and CIH's
guidance asks landlords to stop using such words. Blame entries are tied to the parse (the verb's
subject is "you"), so "you failed to report it" is flagged and "we failed to call you" is not.
Plain "landlord", "tenant" and "resident" are never flagged. The list is rules/language/stigma.yaml.
"""

from __future__ import annotations

from . import CheckContext, CheckOutput
from .wordlists import find


def run(context: CheckContext) -> CheckOutput:
    return CheckOutput(findings=find("stigma", context.analysis, context.nlp))
