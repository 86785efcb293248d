"""The decision: upheld, partly upheld or not upheld, read from the parse.

"We have not upheld" is a decision (not upheld); "if we uphold" or "you asked us to uphold" is not.
When a letter upholds some points and not others, the decision is partly upheld.
"""

from __future__ import annotations

from dataclasses import dataclass

from .cues import Cues, Hit, in_quotes, is_conditional, is_negated, subject_of

_HYPOTHETICAL = {"whether", "might", "may", "could", "would", "ask", "asked", "asking", "want", "wanted", "wish",
                 "hope", "hoping", "request", "requested"}
_PARTLY_WORDS = {"partly", "partially", "partial", "part"}


@dataclass(frozen=True)
class DecisionResult:
    evidence: list[Hit]
    value: str


def detect_decision(cues: Cues) -> DecisionResult:
    evidence: list[Hit] = []
    values: set[str] = set()
    for hit in cues.hits.get("decision", []):
        if is_conditional(hit.sentence) or in_quotes(hit.span):
            continue
        before = {t.lower_ for t in hit.sentence.span.doc[hit.sentence.span.start:hit.span.start]}
        if before & _HYPOTHETICAL:
            continue
        subject = subject_of(hit.span.root)
        if subject is not None and subject.lower_ in ("you", "ombudsman"):
            continue
        value = str(hit.value)
        sentence_words = {t.lower_ for t in hit.sentence.span}
        if value == "upheld" and is_negated(hit.span):
            value = "not_upheld"
        elif value == "not_upheld" and is_negated(hit.span) and not any(t.lower_ == "no" for t in hit.span):
            value = "upheld"
        if value == "upheld" and sentence_words & _PARTLY_WORDS and not is_negated(hit.span):
            value = "partly_upheld"
        evidence.append(hit)
        values.add(value)
    if not values:
        return DecisionResult(evidence=[], value="none")
    if "partly_upheld" in values or {"upheld", "not_upheld"} <= values:
        return DecisionResult(evidence=evidence, value="partly_upheld")
    return DecisionResult(evidence=evidence, value=values.pop())
