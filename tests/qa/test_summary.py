"""The run's figures: pass rates count only letters that needed the element; nothing is left out."""

from __future__ import annotations

from responsecheck.qa.csv_out import render_csv
from responsecheck.qa.manifest import Case
from responsecheck.qa.summary import Checked, summarise
from responsecheck.report import Element, ErrorInfo, Finding, Location, Report


def _letter(file: str, score: int, apology: str, required: bool = True, team: str | None = None,
            findings: tuple[str, ...] = ()) -> Checked:
    report = Report(file=file, score=score, rating="green" if score >= 85 else "red", stage=1,
                    elements=[Element(id="apology", status=apology, required=required),
                              Element(id="stage_label", status="present", required=True)],
                    findings=[Finding(rule=f"{c}.x", category=c, severity="warning", message="m",
                                      location=Location(part="body")) for c in findings])
    return Checked(case=Case(file=file, team=team), report=report)


def test_pass_rates_groups_and_the_worst_letters() -> None:
    letters = [
        _letter("a.docx", 90, "present", team="north", findings=("jargon", "jargon")),
        _letter("b.docx", 40, "missing", team="north", findings=("stigma",)),
        _letter("c.docx", 95, "not_applicable", team="south"),  # nothing upheld: no apology owed
        _letter("d.docx", 70, "missing", required=False, team="south", findings=("jargon",)),
        Checked(case=Case(file="e.docx", team="south"),
                report=Report(file="e.docx", error=ErrorInfo(kind="corrupt", message="e.docx is damaged.",
                                                            exit_code=5))),
    ]
    summary = summarise(letters)
    apology = next(e for e in summary.elements if e.element == "apology")
    assert (apology.required, apology.present, apology.rate) == (2, 1, 0.5)
    assert next(e for e in summary.elements if e.element == "learning").rate is None
    assert len(summary.letters) == 5 and len(summary.checked) == 4 and [e.case.file for e in summary.errors] == ["e.docx"]
    assert summary.ratings == {"red": 2, "amber": 0, "green": 2} and summary.mean_score == 73.75
    assert [(c.category, c.letters, c.findings) for c in summary.categories] == [("jargon", 2, 3), ("stigma", 1, 1)]
    assert [c.case.file for c in summary.worst(2)] == ["b.docx", "d.docx"]
    north, south = summary.by["team"]
    assert (north.value, north.letters, north.checked, north.mean_score) == ("north", 2, 2, 65)
    assert (south.value, south.letters, south.checked, south.ratings["green"]) == ("south", 3, 2, 1)
    assert "handler" not in summary.by  # the manifest gave no handlers


def test_the_csv_has_a_row_per_letter_and_never_a_formula() -> None:
    letters = [_letter("=HYPERLINK(evil).docx", 90, "present"), _letter("d.docx", 70, "missing", required=False)]
    rows = render_csv(letters).splitlines()
    assert rows[0].startswith("file,status,score,rating,stage_label,complaint_summary")
    assert rows[1].startswith("'=HYPERLINK(evil).docx,ok,90,green,present,,,,present,")
    assert ",not_required," in rows[2]
