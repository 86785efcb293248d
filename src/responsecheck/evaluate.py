"""Measure accuracy on labelled letters: precision, recall and F1 per element, and per category.

Each corpus set is a folder with letters and a labels.yaml (format in corpora/README.md). The
letters are checked exactly as a user would check them (profile and stage detected, not given),
and each evaluator compares one part of the reports with the labels. Figures are printed per set
so the development set (which pattern authors read) and the held-out set (which they did not) can
be compared: the held-out figures are the honest ones.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from .api import check
from .evaluate_findings import findings_rows
from .evaluate_points import is_points_set, load_pairs, read_labels, score_pair
from .options import CaseFile, CheckOptions
from .points.embeddings import encoder
from .profiles import ELEMENT_IDS
from .report import Report

CORPORA = Path(__file__).resolve().parents[2] / "corpora"


class LetterLabel(BaseModel):
    model_config = ConfigDict(extra="allow")
    file: str
    profile: str
    stage: int
    decision: str | None = None
    elements: dict[str, str] = {}
    # Case dates, given to the check as a case system would (see --case); optional.
    case: CaseFile | None = None


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    def add(self, truth: bool, predicted: bool) -> None:
        if truth and predicted:
            self.tp += 1
        elif predicted:
            self.fp += 1
        elif truth:
            self.fn += 1
        else:
            self.tn += 1

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Table:
    title: str
    rows: dict[str, Counts] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


@dataclass
class SetResult:
    name: str
    letters: int
    tables: list[Table]
    mistakes: list[str]


Evaluator = Callable[[Path, list[tuple[LetterLabel, Report]]], Table]


def load_labels(set_dir: Path) -> list[LetterLabel]:
    return read_labels(set_dir, LetterLabel)


def elements_table(set_dir: Path, pairs: list[tuple[LetterLabel, Report]]) -> Table:
    """Per element: the alarm ('missing') scored as the positive class, as a reviewer would count it."""
    table = Table(title="Required elements (positive = missing)")
    for element_id in ELEMENT_IDS:
        table.rows[element_id] = Counts()
    stage, decision, profile = Counts(), Counts(), Counts()
    for label, report in pairs:
        for element_id in ELEMENT_IDS:
            truth = label.elements.get(element_id)
            got = report.element(element_id)
            if truth is None or got is None:
                continue
            table.rows[element_id].add(truth == "missing", got.status == "missing")
        stage.add(True, report.stage == label.stage)
        if label.decision is not None:
            decision.add(True, report.decision == label.decision)
        profile.add(True, report.profile == label.profile)
    for name, counts in (("stage", stage), ("decision", decision), ("profile", profile)):
        total = counts.tp + counts.fn
        table.notes.append(f"{name} correct: {counts.tp}/{total}" if total else f"{name}: no letters")
    return table


def status_table(set_dir: Path, pairs: list[tuple[LetterLabel, Report]]) -> Table:
    """Per element: 'present' as the positive class, so both directions of error are visible."""
    table = Table(title="Required elements (positive = present)")
    for element_id in ELEMENT_IDS:
        table.rows[element_id] = Counts()
    for label, report in pairs:
        for element_id in ELEMENT_IDS:
            truth, got = label.elements.get(element_id), report.element(element_id)
            if truth is not None and got is not None:
                table.rows[element_id].add(truth == "present", got.status == "present")
    return table


def findings_table(set_dir: Path, pairs: list[tuple[LetterLabel, Report]]) -> Table:
    """Pre-send findings per category: recall, and false alarms (fp) on letters labelled for findings."""
    totals, _, scored = findings_rows(set_dir, pairs)
    table = Table(title="Pre-send findings per category (fp = false alarms)")
    for category, (tp, fp, fn) in totals.items():
        table.rows[category] = Counts(tp=tp, fp=fp, fn=fn)
    table.notes.append(f"letters labelled for findings: {scored}")
    return table


def language_table(set_dir: Path, pairs: list[tuple[LetterLabel, Report]]) -> Table:
    """Language findings per category: precision and recall on letters labelled with `language`."""
    totals, _, scored = findings_rows(set_dir, pairs, "language")
    table = Table(title="Language findings per category")
    for category, (tp, fp, fn) in totals.items():
        table.rows[category] = Counts(tp=tp, fp=fp, fn=fn)
    table.notes.append(f"letters labelled for language: {scored}")
    return table


EVALUATORS: list[Evaluator] = [elements_table, status_table, findings_table, language_table]


def default_sets() -> list[Path]:
    sets = ("dev", "holdout", "presend", "language", "language-holdout", "points/dev", "points/holdout",
            "points/holdout2", "points/holdout3", "points/holdout4", "points/holdout5", "points/holdout6",
            "points/holdout7")
    return [p for p in (CORPORA / name for name in sets) if (p / "labels.yaml").exists()]


def points_result(set_dir: Path) -> SetResult:
    """Complaint points: the alarm ('not_addressed') as the positive class, split and given."""
    table = Table(title="Complaint points (positive = not_addressed)")
    table.rows = {"from the complaint": Counts(), "points given": Counts()}
    mistakes: list[str] = []
    extra = flagged_extra = outcome_right = outcomes = 0
    pairs = load_pairs(set_dir)
    for label in pairs:
        for given, row in ((False, "from the complaint"), (True, "points given")):
            rows, errors, unlabelled, outcome = score_pair(set_dir, label, given)
            for truth, flagged in rows:
                table.rows[row].add(truth, flagged)
            mistakes.extend(errors)
            extra, flagged_extra = extra + unlabelled[0], flagged_extra + unlabelled[1]
            if outcome is not None:
                outcomes += 1
                outcome_right += outcome
    table.notes.append(f"points found that match no label: {extra}, of which flagged: {flagged_extra}")
    table.notes.append(f"outcome requested, answered or not, correct: {outcome_right}/{outcomes}")
    table.notes.append("method: " + ("matcher+embeddings" if encoder() is not None else
                                     "matcher (the embeddings extra is not installed, or RESPONSECHECK_EMBEDDINGS=off)"))
    return SetResult(name=f"points-{set_dir.name}", letters=len(pairs), tables=[table], mistakes=mistakes)


def _options(label: LetterLabel) -> CheckOptions:
    """What a case system would pass: the case dates, never the profile or stage."""
    case = label.case or CaseFile()
    return CheckOptions(received=case.received, acknowledged=case.acknowledged, letter_date=case.letter_date,
                        extension_days=case.extension_days)


def evaluate(sets: list[Path]) -> list[SetResult]:
    results = []
    for set_dir in sets:
        if is_points_set(set_dir):
            results.append(points_result(set_dir))
            continue
        labels = load_labels(set_dir)
        pairs = [(label, check(set_dir / label.file, options=_options(label))) for label in labels]
        mistakes = [
            f"{label.file}: {element_id} labelled {label.elements[element_id]}, found {report.element(element_id).status}"
            for label, report in pairs for element_id in ELEMENT_IDS
            if element_id in label.elements and report.element(element_id)
            and label.elements[element_id] != report.element(element_id).status
        ] + findings_rows(set_dir, pairs)[1] + findings_rows(set_dir, pairs, "language")[1]
        results.append(SetResult(name=set_dir.name, letters=len(pairs),
                                 tables=[evaluator(set_dir, pairs) for evaluator in EVALUATORS], mistakes=mistakes))
    return results


def _fmt(value: float | None) -> str:
    return "  -  " if value is None else f"{value:.3f}"


#: Sets whose mistakes are never printed: pattern authors must not read them (points-holdout to
#: points-holdout5 are development sets since December 2026; points-holdout6 and points-holdout7 are the
#: points check's blind sets).
BLIND_SETS = frozenset({"holdout", "language-holdout", "points-holdout6", "points-holdout7"})


def blind(name: str) -> bool:
    """Whether a set's letters stay unread by whoever changes the patterns, so its mistakes are not shown."""
    return name in BLIND_SETS


def render_evaluation(results: list[SetResult], fmt: str = "text") -> str:
    if fmt == "json":
        return json.dumps([{
            "set": r.name, "letters": r.letters,
            "tables": [{"title": t.title, "notes": t.notes, "rows": {
                k: {"tp": c.tp, "fp": c.fp, "fn": c.fn, "tn": c.tn, "precision": c.precision, "recall": c.recall,
                    "f1": c.f1} for k, c in t.rows.items()}} for t in r.tables],
            "mistakes": [] if blind(r.name) else r.mistakes} for r in results], indent=2)
    lines = []
    for result in results:
        lines.append(f"== {result.name}: {result.letters} letters")
        for table in result.tables:
            lines.append(f"-- {table.title}")
            if not any(c.tp + c.fp + c.fn + c.tn for c in table.rows.values()):
                lines.append("   (no letters in this set are labelled for it)")
                lines.extend(f"   {note}" for note in table.notes)
                continue
            lines.append(f"{'':22} {'prec':>6} {'recall':>6} {'F1':>6}   tp  fp  fn  tn")
            for name, c in table.rows.items():
                lines.append(f"{name:22} {_fmt(c.precision):>6} {_fmt(c.recall):>6} {_fmt(c.f1):>6}  "
                             f"{c.tp:3} {c.fp:3} {c.fn:3} {c.tn:3}")
            lines.extend(f"   {note}" for note in table.notes)
        if result.mistakes and not blind(result.name):
            lines.append(f"-- {len(result.mistakes)} disagreements")
            lines.extend(f"   {m}" for m in result.mistakes)
        lines.append("")
    return "\n".join(lines)
