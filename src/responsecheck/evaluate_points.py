"""Accuracy of the complaint-points check: precision and recall of `not_addressed` (the alarm).

A labelled pair (corpora/points/<set>/labels.yaml) names a complaint, the letter answering it, and
each point the resident raised by a quote of the complaint's words with its true status. The
complaint is checked as a user would (`--complaint`), and each labelled point takes the status of
the point found that overlaps its quote most; a labelled point no found point overlaps counts as
not flagged. Points found that overlap no labelled point or the labelled outcome are counted apart
("unlabelled"), with how many of them were flagged. A second row gives the labelled quotes as the
points (`--point`), measuring the matching alone.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from .api import check
from .errors import RulesError
from .options import CheckOptions
from .points.source import read_complaint
from .points.split import clean


class PointLabel(BaseModel):
    model_config = ConfigDict(extra="forbid")
    quote: str
    status: Literal["addressed", "not_addressed"]


class OutcomeLabel(BaseModel):
    model_config = ConfigDict(extra="forbid")
    quote: str
    answered: bool


class PairLabel(BaseModel):
    model_config = ConfigDict(extra="forbid")
    pair: str
    complaint: str
    letter: str
    points: list[PointLabel]
    outcome: OutcomeLabel | None = None


_Label = TypeVar("_Label", bound=BaseModel)


def is_points_set(set_dir: Path) -> bool:
    return set_dir.parent.name == "points"


def load_pairs(set_dir: Path) -> list[PairLabel]:
    return read_labels(set_dir, PairLabel)


def read_labels(set_dir: Path, model: type[_Label]) -> list[_Label]:
    """A set's labels.yaml, validated; any problem is a RulesError (exit 8) naming the file and the entry."""
    path = set_dir / "labels.yaml"
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    except (OSError, UnicodeDecodeError) as exc:
        raise RulesError(f"The labels file {path} cannot be read ({type(exc).__name__}); each set needs one "
                         "(format in corpora/README.md).") from None
    except (yaml.YAMLError, RecursionError):
        raise RulesError(f"The labels file {path} is not valid YAML; check its indentation and quotes.") from None
    if not isinstance(raw, list):
        raise RulesError(f"The labels file {path} must be a list of entries, one per letter (corpora/README.md).")
    labels = []
    for number, item in enumerate(raw, start=1):
        try:
            labels.append(model.model_validate(item))
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(part) for part in first["loc"]) or "the entry"
            raise RulesError(f"The labels file {path} is invalid at entry {number}, {where}: {first['msg']}.") from None
    return labels


def _squash(text: str) -> str:
    return " ".join(text.split())


def _spans(texts: list[str], whole: str) -> list[tuple[int, int] | None]:
    """Where each text lies in the whole (whitespace squashed, case ignored: a shouted sentence is put in
    sentence case when the complaint is cleaned), searching on from the last one found."""
    spans: list[tuple[int, int] | None] = []
    position = 0
    whole = whole.lower()
    for text in texts:
        start = whole.find(_squash(text).lower(), position)
        if start < 0:
            start = whole.find(_squash(text).lower())
        spans.append((start, start + len(_squash(text))) if start >= 0 else None)
        if start >= 0:
            position = start
    return spans


def score_pair(set_dir: Path, label: PairLabel, given: bool) -> tuple[list[tuple[bool, bool]], list[str], tuple[int, int],
                                                                       bool | None]:
    """(truth, flagged) per labelled point, readable mistakes, (unlabelled, unlabelled flagged), outcome right."""
    text = read_complaint(set_dir / label.complaint)
    options = (CheckOptions(complaint_points=tuple(p.quote for p in label.points)) if given
               else CheckOptions(complaint_text=text))
    report = check(set_dir / label.letter, options=options)
    found = report.complaint_points or []
    whole = _squash(clean(text))
    if given:
        flagged = [p.status == "not_addressed" for p in found]
        rows = [(lab.status == "not_addressed", flag) for lab, flag in zip(label.points, flagged, strict=True)]
        unlabelled = (0, 0)
    else:
        found_spans = _spans([p.text for p in found], whole)
        label_spans = _spans([p.quote for p in label.points], whole)
        used: set[int] = set()
        rows = []
        for lab, span in zip(label.points, label_spans):
            if span is None:
                raise ValueError(f"{label.pair}: quote not found in the complaint: {lab.quote!r}")
            best, overlap = None, 0
            for n, other in enumerate(found_spans):
                if other is not None and min(span[1], other[1]) - max(span[0], other[0]) > overlap:
                    best, overlap = n, min(span[1], other[1]) - max(span[0], other[0])
            if best is not None:
                used.add(best)
            rows.append((lab.status == "not_addressed", best is not None and found[best].status == "not_addressed"))
        # a thing asked for that lies within the labelled outcome is part of it, not a stray point
        outcome = _spans([label.outcome.quote], whole)[0] if label.outcome is not None else None
        if label.outcome is not None and outcome is None:
            raise ValueError(f"{label.pair}: outcome quote not found in the complaint: {label.outcome.quote!r}")
        extra = [p for n, p in enumerate(found) if n not in used
                 and not (p.request and outcome is not None and found_spans[n] is not None
                          and min(outcome[1], found_spans[n][1]) > max(outcome[0], found_spans[n][0]))]
        unlabelled = (len(extra), sum(p.status == "not_addressed" for p in extra))
    mistakes = [f"{label.pair}: '{lab.quote[:60]}' labelled {lab.status}, "
                f"{'flagged' if flag else 'not flagged'}" + (" (given)" if given else "")
                for lab, (truth, flag) in zip(label.points, rows) if truth != flag]
    outcome_right = None
    if label.outcome is not None and not given:
        got = report.outcome_requested
        outcome_right = got is not None and got.answered == label.outcome.answered
    return rows, mistakes, unlabelled, outcome_right
