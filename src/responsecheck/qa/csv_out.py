"""The CSV a manager opens in a spreadsheet: one row per letter of the run, checked or not.

Columns: file, status (ok/error), score, rating, then one column per required element (present,
missing, not_required, not_applicable; empty when the letter was not checked), the case details the
manifest gave, the complaint's points and how many the letter leaves unanswered and whether the
outcome asked for is answered (empty without a complaint), the counts of findings by severity, the
reason a letter was not checked, and the link to its own report. Cells that a spreadsheet would run as a formula (=, +, -, @) are quoted with '.
"""

from __future__ import annotations

import csv
import io

from ..profiles import ELEMENT_IDS
from .summary import Checked, point_counts

CASE_COLUMNS = ("case_ref", "handler", "team", "stage", "sent", "outcome", "complaint")
POINT_COLUMNS = ("points", "points_unanswered", "outcome_answered")
COLUMNS = ("file", "status", "score", "rating", *ELEMENT_IDS, "profile", "detected_stage", "decision_found",
           *CASE_COLUMNS, *POINT_COLUMNS, "errors", "warnings", "suggestions", "not_checked_reason", "report")


def render_csv(letters: list[Checked]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for item in letters:
        writer.writerow([_safe(_cell(v)) for v in _row(item)])
    return buffer.getvalue()


def _row(item: Checked) -> list[object]:
    report, case = item.report, item.case
    details = [getattr(case, column) for column in CASE_COLUMNS]
    if report.error is not None:
        return [case.file, "error", None, None, *[None] * len(ELEMENT_IDS), None, None, None, *details,
                *[None] * len(POINT_COLUMNS), None, None, None, report.error.message, None]
    statuses = {e.id: ("not_required" if e.status == "missing" and not e.required else e.status)
                for e in report.elements}
    counts = report.counts()
    points, unanswered, outcome_answered = point_counts(report)
    point_cells = [points, unanswered, None if outcome_answered is None else ("yes" if outcome_answered else "no")]
    return [case.file, "ok", report.score, report.rating, *[statuses.get(e) for e in ELEMENT_IDS], report.profile,
            report.stage, report.decision, *details, *point_cells, counts["error"], counts["warning"],
            counts["suggestion"], None, item.page]


def _cell(value: object) -> str:
    return "" if value is None else str(value)


def _safe(text: str) -> str:
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text
