"""The figures of a QA run, worked out once from the reports, for every output (HTML, CSV, history).

Pass rate of an element = letters where it was required and present / letters where it was
required (an apology is not counted against a letter that upheld nothing). Letters that could not
be checked are counted and listed, never left out: letters in = letters reported.
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from ..profiles import ELEMENT_IDS
from ..render.names import ELEMENT_NAMES
from ..report import Report
from .manifest import Case

GROUPINGS = ("handler", "team", "stage", "outcome")
SCORE_BINS = tuple((low, low + 9 if low < 90 else 100) for low in range(0, 100, 10))
WORST = 10
TOP_CATEGORIES = 10


def _share(part: int, whole: int) -> float | None:
    """part / whole, or None when there is nothing to divide by (shown as "—")."""
    return part / whole if whole else None


@dataclass(frozen=True)
class Checked:
    """One letter of the run: its case, its report, and the link to its own HTML report."""

    case: Case
    report: Report
    page: str | None = None

    @property
    def ok(self) -> bool:
        return self.report.error is None


@dataclass(frozen=True)
class ElementRate:
    element: str
    name: str
    required: int
    present: int

    @property
    def rate(self) -> float | None:
        return _share(self.present, self.required)


@dataclass(frozen=True)
class GroupRow:
    """Results for one handler, team, stage or outcome."""

    value: str
    letters: int
    checked: int
    mean_score: float | None
    ratings: dict[str, int]
    pass_rate: float | None


@dataclass(frozen=True)
class CategoryCount:
    category: str
    findings: int
    letters: int
    top_rules: list[tuple[str, int]]


@dataclass(frozen=True)
class PointsRate:
    """The letters checked against their complaint (a manifest's `complaint` column): how many answer
    every point, how many points go unanswered, how many answer the outcome asked for."""

    letters: int
    all_answered: int
    points: int
    unanswered: int
    outcomes: int
    outcomes_answered: int

    @property
    def rate(self) -> float | None:
        return _share(self.all_answered, self.letters)

    @property
    def unanswered_rate(self) -> float | None:
        return _share(self.unanswered, self.points)

    @property
    def outcome_rate(self) -> float | None:
        return _share(self.outcomes_answered, self.outcomes)


@dataclass
class Summary:
    letters: list[Checked]
    elements: list[ElementRate]
    score_bins: list[tuple[str, int]]
    ratings: dict[str, int]
    categories: list[CategoryCount]
    by: dict[str, list[GroupRow]] = field(default_factory=dict)
    #: None when no letter was checked against its complaint.
    points: PointsRate | None = None

    @property
    def checked(self) -> list[Checked]:
        return [c for c in self.letters if c.ok]

    @property
    def errors(self) -> list[Checked]:
        return [c for c in self.letters if not c.ok]

    @property
    def scores(self) -> list[int]:
        return [c.report.score for c in self.checked if c.report.score is not None]

    @property
    def mean_score(self) -> float | None:
        return statistics.fmean(self.scores) if self.scores else None

    @property
    def median_score(self) -> float | None:
        return statistics.median(self.scores) if self.scores else None

    @property
    def pass_rate(self) -> float | None:
        """All required elements across all letters: present / required."""
        required = sum(e.required for e in self.elements)
        return sum(e.present for e in self.elements) / required if required else None

    def worst(self, count: int = WORST) -> list[Checked]:
        """Lowest scores first; ties by most errors, then file name."""
        return sorted(self.checked, key=lambda c: (c.report.score, -c.report.counts()["error"], c.case.file))[:count]


def summarise(letters: list[Checked], groupings: tuple[str, ...] = GROUPINGS) -> Summary:
    checked = [c for c in letters if c.ok]
    ratings = Counter(c.report.rating for c in checked)
    scores = [c.report.score for c in checked if c.report.score is not None]
    bins = [(f"{low}-{high}", sum(low <= s <= high for s in scores)) for low, high in SCORE_BINS]
    return Summary(
        letters=letters, elements=element_rates([c.report for c in checked]), score_bins=bins,
        ratings={r: ratings.get(r, 0) for r in ("red", "amber", "green")},
        categories=_categories([c.report for c in checked]),
        by={g: rows for g in groupings if (rows := _by(letters, g))},
        points=points_rate([c.report for c in checked]),
    )


def point_counts(report: Report) -> tuple[int | None, int | None, bool | None]:
    """One letter's points, points left unanswered, and whether the outcome asked for is answered (all
    None without a complaint; the last None when no outcome was asked for): the CSV's and history's columns."""
    if report.complaint_points is None:
        return None, None, None
    outcome = report.outcome_requested
    return (len(report.complaint_points), sum(p.status == "not_addressed" for p in report.complaint_points),
            None if outcome is None else outcome.answered)


def points_rate(reports: list[Report]) -> PointsRate | None:
    """Over the letters checked against a complaint in which points were found (a complaint of only a
    greeting and a sign-off has none, and no letter answers "every point" of it)."""
    against = [r for r in reports if r.complaint_points]
    if not against:
        return None
    outcomes = [r.outcome_requested for r in against if r.outcome_requested is not None]
    return PointsRate(
        letters=len(against),
        all_answered=sum(all(p.status == "addressed" for p in r.complaint_points or []) for r in against),
        points=sum(len(r.complaint_points or []) for r in against),
        unanswered=sum(p.status == "not_addressed" for r in against for p in r.complaint_points or []),
        outcomes=len(outcomes), outcomes_answered=sum(o.answered for o in outcomes))


def element_rates(reports: list[Report]) -> list[ElementRate]:
    required: Counter[str] = Counter()
    present: Counter[str] = Counter()
    for report in reports:
        for element in report.elements:
            if element.required and element.status != "not_applicable":
                required[element.id] += 1
                present[element.id] += element.status == "present"
    return [ElementRate(e, ELEMENT_NAMES.get(e, e), required[e], present[e]) for e in ELEMENT_IDS]


def _categories(reports: list[Report]) -> list[CategoryCount]:
    """Findings other than missing elements (those have their own table), most frequent first."""
    findings: Counter[str] = Counter()
    letters: Counter[str] = Counter()
    rules: dict[str, Counter[str]] = defaultdict(Counter)
    for report in reports:
        seen = set()
        for finding in report.active_findings():
            if finding.category == "missing_element":
                continue
            findings[finding.category] += 1
            rules[finding.category][finding.rule] += 1
            seen.add(finding.category)
        letters.update(seen)
    ranked = sorted(findings, key=lambda c: (-letters[c], -findings[c], c))[:TOP_CATEGORIES]
    return [CategoryCount(c, findings[c], letters[c], rules[c].most_common(3)) for c in ranked]


def _by(letters: list[Checked], grouping: str) -> list[GroupRow]:
    """Rows per value of a manifest column; none when the manifest does not give it for any letter.

    Stage falls back to the stage detected in the letter when the manifest does not say.
    """
    groups: dict[str, list[Checked]] = defaultdict(list)
    given = False
    for item in letters:
        value = getattr(item.case, grouping)
        given = given or value is not None
        if value is None and grouping == "stage" and item.report.stage is not None:
            value = f"{item.report.stage} (detected)"
        groups["(not given)" if value is None else str(value)].append(item)
    if not given:
        return []
    rows = []
    for value in sorted(groups):
        members = groups[value]
        ok = [m.report for m in members if m.ok]
        rates = element_rates(ok)
        required = sum(r.required for r in rates)
        rows.append(GroupRow(
            value=value, letters=len(members), checked=len(ok),
            mean_score=statistics.fmean(r.score for r in ok if r.score is not None) if ok else None,
            ratings={r: sum(rep.rating == r for rep in ok) for r in ("red", "amber", "green")},
            pass_rate=sum(r.present for r in rates) / required if required else None))
    return rows
