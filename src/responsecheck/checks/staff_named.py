"""Staff and contractors named individually in the letter (a warning, configurable).

The response speaks for the organisation, so it refers to roles ("our plumber"), not to
people by name. spaCy's PERSON entities are used, less the addressee (the resident) and
the signatory, whose names the letter is expected to carry. Single-word entities are left
out: the small English model tags many single capitalised words (places, Welsh words,
'Ombudsman') as PERSON, and a false warning on every letter would teach handlers to
ignore the check. A title and a capitalised name ("Mr Burns") is a person whether or not
the model saw one, so those are found by pattern too. Settings live in
rules/presend/staff_named.yaml.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pydantic import BaseModel, ConfigDict, Field
from spacy.tokens import Span

from ..analysis import Analysis
from ..report import Finding, Severity
from ..rulebook import Examples, load_model
from . import CheckContext, CheckOutput

_CHECKED_ROLES = ("prose", "table", "heading", "textbox")
_WORD = re.compile(r"[A-Za-z][A-Za-z\-]*(?:'[A-Za-z]+(?<!'s))?")


class StaffNamedRules(BaseModel):
    model_config = ConfigDict(extra="forbid")
    schema_version: int = Field(alias="schema")
    category: str
    enabled: bool
    severity: Severity
    source: str
    message: str
    suggestion: str
    titles: list[str]
    not_people: list[str]
    examples: Examples


@lru_cache(maxsize=1)
def settings() -> StaffNamedRules:
    return load_model("presend/staff_named.yaml", StaffNamedRules)


def _name_words(text: str, titles: set[str]) -> set[str]:
    return {w.lower() for w in _WORD.findall(text)} - titles


def expected_names(analysis: Analysis, titles: set[str]) -> set[str]:
    """Words of the addressee's and signatory's names: the salutation, the address block's
    first line and the lines after the sign-off."""
    words: set[str] = set()
    first_address = True
    for index, paragraph in enumerate(analysis.letter.paragraphs):
        role = analysis.roles[index]
        if role in ("salutation", "signature"):
            words |= _name_words(paragraph.text, titles) - {"dear", "hello", "hi", "annwyl"}
        elif role == "address" and first_address:
            words |= _name_words(paragraph.text, titles)
            first_address = False
    return words


def _is_person(span: Span, rules: StaffNamedRules) -> bool:
    tokens = [t for t in span if not t.is_punct and not t.is_space]
    words = [t for t in tokens if t.lower_.rstrip(".") not in rules.titles]
    if len(tokens) < 2 or not words:
        return False
    if any(not t.is_alpha or not t.is_title for t in tokens if t.lower_ not in ("'s",)):
        return False
    return words[-1].lower_ not in rules.not_people


@lru_cache(maxsize=1)
def _titled_name() -> re.Pattern[str]:
    titles = "|".join(re.escape(t) for t in sorted(settings().titles, key=len, reverse=True))
    return re.compile(rf"\b(?i:{titles})\.?\s+[A-Z][a-z]+(?:['\-][A-Z]?[a-z]+)*(?:\s+[A-Z][a-z]+(?:['\-][A-Z]?[a-z]+)*)?")


def candidates(analysis: Analysis, rules: StaffNamedRules) -> list[Span]:
    """PERSON entities of two words or more, and title + name, without overlaps, in order."""
    doc = analysis.doc
    spans = [ent for ent in doc.ents if ent.label_ == "PERSON" and "\n" not in ent.text and _is_person(ent, rules)]
    for m in _titled_name().finditer(analysis.text):
        span = doc.char_span(m.start(), m.end(), alignment_mode="contract")
        if span is not None and len(span) >= 2 and span[-1].lower_ not in rules.not_people:
            spans.append(span)
    chosen: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, -len(s))):
        if chosen and span.start < chosen[-1].end:
            continue
        chosen.append(span)
    return chosen


def run(context: CheckContext) -> CheckOutput:
    rules = settings()
    if not rules.enabled:
        return CheckOutput()
    analysis = context.analysis
    titles = set(rules.titles)
    expected = expected_names(analysis, titles)
    findings: list[Finding] = []
    for span in candidates(analysis, rules):
        if analysis.roles[analysis.paragraph_at(span.start_char)] not in _CHECKED_ROLES:
            continue
        if _name_words(span.text, titles) & expected:
            continue
        findings.append(Finding(
            rule="staff_named.person", category=rules.category, severity=rules.severity,
            message=rules.message, text=span.text,
            location=analysis.span_location(span), suggestion=rules.suggestion, source=rules.source))
    return CheckOutput(findings=findings)
