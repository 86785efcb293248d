"""Which stage the letter says it is, and whether it says so at all.

A stage mention is a label only when the letter speaks of itself: a heading, subject or reference
line, or a sentence about this response ("this is our final response", "I have considered your
complaint at stage 1"). Mentions of the next stage ("you can ask for stage 2") are the escalation
route, mentions of an earlier stage in the past tense ("at stage 1 we offered £100") are history,
and a negated mention ("this is not our final response") labels nothing. Those still hint at the
stage when no label is found, as does a reviewer writing that they have looked at it again.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Span

from ..analysis import Analysis
from .cues import LANDLORD_PRONOUNS, Cues, Hit, is_conditional, is_negated, subject_of

_LABEL_ROLES = {"heading", "address", "header", "table", "textbox", "footer"}
_SELF = {"this", "here", "following", "below", "enclosed"}
_FUTURE = {"want", "wish", "like", "ask", "request", "escalate", "next", "further", "move", "progress", "refer", "take"}
_HISTORY = {"previous", "earlier", "original", "initial", "already", "received", "sent", "issued", "dated", "offered"}
_TITLE_WORDS = 20


@dataclass(frozen=True)
class StageResult:
    labels: list[Hit]
    stage: int | None
    inferred: int | None


def detect_stage(analysis: Analysis, cues: Cues) -> StageResult:
    labels: list[Hit] = []
    votes: Counter[int] = Counter()
    hints: Counter[int] = Counter()
    for hit in cues.hits.get("stage_label", []):
        value = int(hit.value) if hit.value is not None else 1
        kind = _classify(analysis, hit)
        if kind == "negated":
            hints[1 if value >= 2 else 2] += 1
        elif kind == "next":
            hints[max(1, value - 1)] += 1
        elif kind == "history":
            hints[2 if value == 1 else value] += 1
        elif kind:
            labels.append(hit)
            votes[value] += {"line": 3, "self": 2, "present": 1}[kind]
    for hit in cues.hits.get("escalation", []):
        if _reviewed_again(hit):
            hints[2] += 1
    stage = None
    if votes:
        stage = 2 if votes[2] and votes[2] >= votes[1] else max(votes, key=lambda v: (votes[v], v))
    inferred = max(hints, key=lambda v: (hints[v], v)) if hints else None
    return StageResult(labels=labels, stage=stage, inferred=inferred)


def _classify(analysis: Analysis, hit: Hit) -> str | None:
    """'line', 'self' or 'present' for a label (strongest first); 'negated', 'next', 'history' or None otherwise."""
    if is_negated(hit.span):
        return "negated"
    sentence = hit.sentence.span
    before_tokens = list(sentence.doc[sentence.start:hit.span.start])
    before = [t.lower_ for t in before_tokens]
    words = {t.lower_ for t in sentence}
    if (is_conditional(hit.sentence) or set(before) & _FUTURE or "if" in words
            or any(t.tag_ == "MD" for t in before_tokens)):
        return "next"
    if _is_title(analysis, hit) and not (before[-1:] == ["at"] and len(before) > 1):
        return "line"
    if set(before) & _HISTORY:
        return "history"
    if words & _SELF:
        return "self"
    verb = _main_verb(hit.span)
    if verb is None:
        return None
    tense = _tense(verb)
    if tense == "past":
        return "history"
    subject = subject_of(verb)
    if tense == "present" and subject is not None and subject.lower_ in LANDLORD_PRONOUNS:
        return "present"
    return None


def _is_title(analysis: Analysis, hit: Hit) -> bool:
    """A heading, subject line or reference line: short, and not a sentence that ends with a stop."""
    paragraph = analysis.letter.paragraphs[hit.sentence.paragraph].text.strip()
    role = analysis.roles[hit.sentence.paragraph]
    short = len(paragraph.split()) <= _TITLE_WORDS and not paragraph.endswith((".", "?", "!"))
    return short and (role in _LABEL_ROLES or role == "prose")


def _main_verb(span: Span):
    token = span.root
    for _ in range(6):
        if token.pos_ in ("VERB", "AUX"):
            return token
        if token.head is token:
            return None
        token = token.head
    return None


def _tense(verb) -> str:
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.tag_ in ("VBP", "VBZ") or a.lower_ in ("will", "'ll", "am", "is", "are") for a in auxes):
        return "present"
    if verb.tag_ in ("VBZ", "VBP") or (verb.tag_ == "VB" and not auxes):
        return "present"
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return "past"
    return "other"


def _reviewed_again(hit: Hit) -> bool:
    """'I have looked again at your complaint' / 'I have reviewed the stage 1 decision': a review under way."""
    if is_conditional(hit.sentence) or is_negated(hit.span):
        return False
    verb = _main_verb(hit.span)
    if verb is None or _tense(verb) == "other" and verb.tag_ != "VBN":
        return False
    subject = subject_of(verb)
    return subject is not None and subject.lower_ in ("i", "we") and verb.lemma_ in ("look", "review", "consider", "investigate")
