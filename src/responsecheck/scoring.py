"""Score (0-100), rating and send verdict, from the findings alone.

A missing required element weighs most; other findings weigh by severity, each category capped so
thirty small word-choice suggestions cannot outweigh a missing apology. The rating follows the
traffic-light bands complaint teams use (and Acrolinx-style 80/60 cut-offs): any error is red.
"""

from __future__ import annotations

from collections import defaultdict

from .report import Finding, Rating, Report, fails

ELEMENT_WEIGHT = {"error": 15, "warning": 6, "suggestion": 2}
FINDING_WEIGHT = {"error": 8, "warning": 3, "suggestion": 1}
CATEGORY_CAP = 20
GREEN_FROM = 85
RED_BELOW = 60


def score(findings: list[Finding]) -> int:
    penalty = 0
    per_category: dict[str, int] = defaultdict(int)
    for finding in findings:
        if finding.suppressed:
            continue
        if finding.category == "missing_element":
            penalty += ELEMENT_WEIGHT[finding.severity]
        else:
            per_category[finding.category] += FINDING_WEIGHT[finding.severity]
    penalty += sum(min(CATEGORY_CAP, p) for p in per_category.values())
    return max(0, min(100, 100 - penalty))


def rating(value: int, findings: list[Finding]) -> Rating:
    active = [f for f in findings if not f.suppressed]
    if value < RED_BELOW or any(f.severity == "error" for f in active):
        return "red"
    if value < GREEN_FROM or any(f.severity == "warning" for f in active):
        return "amber"
    return "green"


def finish(report: Report) -> Report:
    """Fill in score, rating and send_ok once every finding is in."""
    report.score = score(report.findings)
    report.rating = rating(report.score, report.findings)
    report.send_ok = not fails(report, report.fail_on)
    return report
