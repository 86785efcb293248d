"""Organisation-specific words from the house style (`words:` in .responsecheck.yaml).

The entries have the fields of a rules/language entry (id, terms, severity, suggestion,
explanation) plus the category the organisation files them under, so an extra stigma term shows
up next to the built-in stigma findings. Terms match whole words, ignoring case, in the parts of
the letter written in the landlord's own voice: everywhere but the address block, salutation and
signature. Unlike the built-in word lists, headers and footers are read: a letterhead is exactly
where an old brand name or a retired phrase lingers.
"""

from __future__ import annotations

from spacy.matcher import PhraseMatcher

from ..report import Finding
from . import CheckContext, CheckOutput

#: Paragraph roles that are names, addresses and sign-offs, not wording chosen for the resident.
SKIPPED_ROLES = frozenset({"address", "salutation", "signoff", "signature"})
DEFAULT_MESSAGE = "Your organisation's house style asks you not to use this wording."


def run(context: CheckContext) -> CheckOutput:
    config = context.options.config
    if config is None or not config.words:
        return CheckOutput()
    matcher = PhraseMatcher(context.nlp.vocab, attr="LOWER")
    for index, entry in enumerate(config.words):
        matcher.add(str(index), [context.nlp.make_doc(term) for term in entry.terms])
    analysis = context.analysis
    doc = analysis.doc
    findings: list[Finding] = []
    for match_id, start, end in matcher(doc):
        span = doc[start:end]
        if analysis.roles[analysis.paragraph_at(span.start_char)] in SKIPPED_ROLES:
            continue
        entry = config.words[int(context.nlp.vocab.strings[match_id])]
        findings.append(Finding(
            rule=f"house.{entry.id}", category=entry.category, severity=entry.severity,
            message=entry.explanation or DEFAULT_MESSAGE, text=span.text,
            location=analysis.span_location(span), suggestion=entry.suggestion,
            source=f"house style ({config.path})"))
    return CheckOutput(findings=findings)
