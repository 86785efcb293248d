"""Which stage the letter says it is, and whether it says so at all.

A stage mention is a label only when the letter speaks of itself: a heading or subject line, or a
sentence about this response. Mentions of the next stage ("you can ask for stage 2") are the
escalation route, mentions of an earlier stage ("your stage 1 response of 3 May") are history, and
a negated mention ("this is not our final response") labels nothing; those still hint at the stage.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..analysis import Analysis
from .cues import Cues, Hit, is_conditional, is_negated

_LABEL_ROLES = {"heading", "address", "header", "table", "textbox", "footer"}
_SELF = {"this", "here", "following", "below", "enclosed"}
_FUTURE = {"can", "could", "may", "might", "would", "will", "want", "wish", "like", "ask", "request", "escalate",
           "next", "further", "move", "progress", "refer", "take", "considered", "review", "reviewed"}
_HISTORY = {"previous", "earlier", "original", "last", "first", "initial", "already", "was", "were", "had",
            "received", "sent", "issued", "gave", "dated"}


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
        value = int(hit.value) if hit.value is not None else None
        if value is None:
            continue
        role = analysis.roles[hit.sentence.paragraph]
        words = {t.lower_ for t in hit.sentence.span}
        before = {t.lower_ for t in hit.sentence.span.doc[hit.sentence.span.start:hit.span.start]}
        if is_negated(hit.span):
            hints[1 if value >= 2 else 2] += 1
            continue
        if role in _LABEL_ROLES and not is_conditional(hit.sentence):
            labels.append(hit)
            votes[value] += 3
            continue
        if is_conditional(hit.sentence) or (before & _FUTURE) or "if" in words:
            hints[max(1, value - 1)] += 1
            continue
        if before & _HISTORY or {"your", "our"} & before and words & {"response", "reply"} and words & _HISTORY:
            hints[value + 1 if value == 1 else value] += 1
            continue
        labels.append(hit)
        votes[value] += 2 if words & _SELF else 1
    stage = None
    if votes:
        # A final-response label outranks an incidental stage 1 mention in the same letter.
        stage = 2 if votes[2] and votes[2] >= votes[1] else max(votes, key=lambda v: (votes[v], v))
        stage = min(stage, 2) if stage == 3 and votes[3] == 0 else stage
    inferred = max(hints, key=lambda v: hints[v]) if hints else None
    return StageResult(labels=labels, stage=stage, inferred=inferred)
