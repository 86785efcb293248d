"""The points check end to end: report fields, findings, what does not count as an answer, the doors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from rich.console import Console

from responsecheck import CheckOptions, check
from responsecheck.cli import main
from responsecheck.readers import read_text_input
from responsecheck.render.docx_annotate import summary_text
from responsecheck.render.html import render_html
from responsecheck.render.text import render_text

COMPLAINT = ("My boiler broke down on 3 March and nobody came for two weeks.\n\n"
             "The lift in my block has been out of order since January.\n\n"
             "I want compensation for the time without heating.")
LETTER = """Dear Ms Smith

Stage 1 complaint response

Your complaint

You told us your boiler broke down on 3 March and that the lift in your block has been out of order.

What we found

We have looked into all of your concerns. Our engineer found a failed pump in your heating system and replaced it on 17 March; the two-week wait was caused by a lost job ticket, and I am sorry.

We will pay you £80 for the time you were without heating, within 10 working days.

I uphold your complaint.

Yours sincerely

A Officer
"""


def _report(**options):
    return check(read_text_input(LETTER, "letter.txt"), options=CheckOptions(**options))


def test_points_addressed_and_not_with_evidence_and_findings() -> None:
    report = _report(complaint_text=COMPLAINT)
    statuses = {p.id: p.status for p in report.complaint_points}
    assert statuses == {"P1": "addressed", "P2": "not_addressed", "P3": "addressed"}
    lift = report.complaint_points[1]
    assert lift.evidence == [] and 0.5 <= lift.confidence <= 1
    # the restatement under "Your complaint" and the generic sentence are never evidence
    evidence = [e.text for p in report.complaint_points for e in p.evidence]
    assert not any(t.startswith(("You told us", "We have looked into")) for t in evidence)
    assert report.outcome_requested.answered and report.outcome_requested.points == ["P3"]
    findings = [f for f in report.findings if f.category == "unanswered_point"]
    assert [f.severity for f in findings] == ["error"] and "P2" in findings[0].message
    assert report.metrics["complaint_points"]["points"] == 3


def test_given_points_are_used_as_they_are() -> None:
    report = _report(complaint_points=("The lift is broken", "The boiler broke down"))
    assert [(p.text, p.status) for p in report.complaint_points] == [
        ("The lift is broken", "not_addressed"), ("The boiler broke down", "addressed")]


def test_no_complaint_no_points() -> None:
    report = _report()
    assert report.complaint_points is None and report.outcome_requested is None


def test_renderers_show_the_point_list() -> None:
    report = _report(complaint_text=COMPLAINT)
    console = Console(record=True, width=100, no_color=True)
    render_text(report, console)
    text = console.export_text()
    assert "Complaint points (2 of 3 answered)" in text and "✗ P2" in text
    assert "responsecheck points COMPLAINT" in text  # how to correct points read from the complaint
    page = render_html(report)
    assert 'id="points"' in page and "Not answered" in page
    summary = summary_text(report, [], "hint")
    assert "Complaint points answered: 2 of 3." in summary and "P2" in summary


def test_cli_complaint_point_and_case_file(tmp_path: Path) -> None:
    letter = tmp_path / "letter.txt"
    letter.write_text(LETTER)
    complaint = tmp_path / "complaint.txt"
    complaint.write_text(COMPLAINT)
    case = tmp_path / "case.json"
    case.write_text(json.dumps({"complaint_points": ["The lift is broken"]}))
    runner = CliRunner()
    for args in (["--complaint", str(complaint)], ["--point", "The lift is broken"], ["--case", str(case)]):
        result = runner.invoke(main, ["check", str(letter), "--format", "json", *args])
        assert result.exit_code == 1, result.output
        points = json.loads(result.output)["complaint_points"]
        assert any(p["status"] == "not_addressed" and "lift" in p["text"] for p in points)
    missing = runner.invoke(main, ["check", str(letter), "--complaint", str(tmp_path / "none.eml")])
    assert missing.exit_code == 3 and "complaint" in missing.output


@pytest.mark.parametrize(("heading", "after", "status"), [
    ("Your complaint - stage 1 response", "", "addressed"),  # names the stage: the letter's title
    ("Your complaint about the gutter", "", "addressed"),  # no other heading follows: the title again
    ("Your complaint", "Our decision\n\nI uphold your complaint.\n\n", "not_addressed"),  # a summary section
    ("Your complaint", "", "not_addressed"),  # a bare "Your complaint" opens a summary even with no heading after
])
def test_a_title_heads_the_whole_letter_but_a_summary_section_restates(heading: str, after: str, status: str) -> None:
    letter = (f"Dear Mr Kerr\n\n{heading}\n\n"
              "Our surveyor found that the gutter is cracked, and it will be replaced on 18 March.\n\n"
              f"{after}Yours sincerely\n\nA Officer\n")
    points = ("The gutter above my bedroom is broken",)
    report = check(read_text_input(letter, "letter.txt"), options=CheckOptions(complaint_points=points))
    assert report.complaint_points[0].status == status


def test_restating_what_the_resident_wants_is_not_an_answer_to_it() -> None:
    letter = ("Dear Mr Jones\n\nYou would like the boiler serviced and the garden cleared before the summer.\n\n"
              "Our gardener cleared the garden on 2 May.\n\nYours sincerely\n\nA Officer\n")
    report = check(read_text_input(letter, "letter.txt"),
                   options=CheckOptions(complaint_points=("I want the boiler serviced.", "I want the garden cleared.")))
    assert [p.status for p in report.complaint_points] == ["not_addressed", "addressed"]
    assert not report.outcome_requested.answered


def test_an_unanswered_point_shows_the_sentence_that_came_nearest(matcher_only) -> None:
    """The handler sees what was weighed against a ✗: here a sentence on the same door, about something else."""
    letter = ("Dear Ms Rahman\n\nStage 1 complaint response\n\nWe painted the back door on 3 May.\n\n"
              "Yours sincerely\n\nA Officer\n")
    report = check(read_text_input(letter, "letter.txt"), options=CheckOptions(
        complaint_points=("The gutter over the back door overflows every time it rains", "The lift is broken")))
    gutter, lift = report.complaint_points
    assert gutter.status == "not_addressed" and gutter.nearest is not None
    assert gutter.nearest.text == "We painted the back door on 3 May." and gutter.nearest.location.paragraph == 2
    assert lift.status == "not_addressed" and lift.nearest is None  # nothing in the letter names a lift
    console = Console(record=True, width=160)
    render_text(report, console)
    assert "not answered (nearest ¶3)" in console.export_text()
    assert "Nearest the letter comes" in render_html(report, read_text_input(letter, "letter.txt"))
    assert "NOT ANSWERED (nearest: paragraph 3)" in summary_text(report, [], "hint")
    answered = check(read_text_input(letter, "letter.txt"), options=CheckOptions(complaint_points=("The back door needs painting",)))
    assert answered.complaint_points[0].status == "addressed" and answered.complaint_points[0].nearest is None


def test_the_readme_sample_complaint_runs_against_the_sample_draft() -> None:
    """README: `responsecheck check corpora/sample/draft-stage1.docx --complaint corpora/sample/complaint.eml`."""
    sample = Path(__file__).resolve().parents[2] / "corpora" / "sample"
    result = CliRunner().invoke(main, ["check", str(sample / "draft-stage1.docx"), "--complaint",
                                       str(sample / "complaint.eml"), "--format", "json"])
    report = json.loads(result.output)
    points = report["complaint_points"]
    caretaker = next(p for p in points if "caretaker" in p["text"])
    assert caretaker["status"] == "not_addressed" and caretaker["nearest"] is not None
    assert any(p["status"] == "addressed" and p["evidence"] for p in points)
    assert report["outcome_requested"]["points"]
    assert result.exit_code == 1  # the draft has other problems too (see the Quick start)


def test_the_handler_lists_the_points_corrects_them_and_checks_against_the_file(tmp_path: Path) -> None:
    """`responsecheck points COMPLAINT -o FILE` writes the points found, one a line; after the handler
    deletes one and adds one, `check --points FILE` uses the file's points as they are."""
    letter, complaint, listed = tmp_path / "letter.txt", tmp_path / "complaint.txt", tmp_path / "points.txt"
    letter.write_text(LETTER)
    complaint.write_text(COMPLAINT)
    runner = CliRunner()
    result = runner.invoke(main, ["points", str(complaint), "-o", str(listed)])
    assert result.exit_code == 0, result.output
    lines = listed.read_text().splitlines()
    found = [line.removeprefix("Asked for: ") for line in lines if not line.startswith("#")]
    assert found == [p.text for p in _report(complaint_text=COMPLAINT).complaint_points]
    assert any("--points" in line for line in lines if line.startswith("#"))
    # the handler drops the lift and adds a point the split missed; an extra --point is added after the file's
    kept = [line for line in lines if "lift" not in line] + ["", "The garden fence is down"]
    listed.write_text("\n".join(kept) + "\n")
    checked = runner.invoke(main, ["check", str(letter), "--format", "json", "--points", str(listed),
                                   "--point", "The boiler pump failed"])
    points = json.loads(checked.output)["complaint_points"]
    assert [p["text"] for p in points] == [*[t for t in found if "lift" not in t], "The garden fence is down",
                                           "The boiler pump failed"]
    assert points[-2]["status"] == "not_addressed" and points[0]["status"] == "addressed"


def test_points_to_standard_output_and_bad_points_files(tmp_path: Path) -> None:
    complaint = tmp_path / "complaint.txt"
    complaint.write_text(COMPLAINT)
    runner = CliRunner()
    listed = runner.invoke(main, ["points", str(complaint)])
    assert listed.exit_code == 0 and "The lift in my block has been out of order since January" in listed.output
    greeting = tmp_path / "greeting.txt"
    greeting.write_text("Hello,\n\nThanks.")
    none = runner.invoke(main, ["points", str(greeting)])
    assert none.exit_code == 0 and "no points found" in none.output
    missing = runner.invoke(main, ["points", str(tmp_path / "none.eml")])
    assert missing.exit_code == 3 and "the complaint" in missing.output
    letter = tmp_path / "letter.txt"
    letter.write_text(LETTER)
    for content, words in ((b"# notes only\n\n", "has no points"), (b"caf\xe9\n", "not UTF-8")):
        bad = tmp_path / "bad.txt"
        bad.write_bytes(content)
        result = runner.invoke(main, ["check", str(letter), "--points", str(bad)])
        assert result.exit_code == 2 and words in result.output and "Traceback" not in result.output


def test_points_output_that_cannot_be_written_or_would_replace_the_complaint(tmp_path: Path) -> None:
    """-o into a missing folder is one sentence, not a traceback; -o naming the complaint itself is refused
    (the resident's words would be overwritten by the list)."""
    complaint = tmp_path / "complaint.txt"
    complaint.write_text(COMPLAINT)
    runner = CliRunner()
    unwritable = runner.invoke(main, ["points", str(complaint), "-o", str(tmp_path / "missing" / "points.txt")])
    assert unwritable.exit_code == 3 and "cannot write" in unwritable.output
    assert unwritable.exception is None or isinstance(unwritable.exception, SystemExit)
    same = runner.invoke(main, ["points", str(complaint), "-o", str(complaint)])
    assert same.exit_code == 2 and "cannot replace the complaint" in same.output
    assert complaint.read_text() == COMPLAINT


def test_points_warns_when_the_list_is_longer_than_points_files_take(tmp_path: Path) -> None:
    """A complaint may give more points than --points accepts: say so when the list is written, not
    only when the unchanged file is refused."""
    things = ["boiler", "window", "door", "lift", "roof", "gutter", "fence", "gate", "sink", "bath"]
    complaint = tmp_path / "long.txt"
    complaint.write_text("\n\n".join(f"The {things[i % 10]} in room {i + 1} has been broken since week {i + 1}."
                                     for i in range(105)))
    listed = CliRunner().invoke(main, ["points", str(complaint), "-o", str(tmp_path / "points.txt")])
    assert listed.exit_code == 0 and "at most 100" in listed.output


def test_points_files_that_are_word_documents_or_far_too_long_are_one_sentence(tmp_path: Path) -> None:
    """A points list saved from Word is named as such (not "not a text file or Word .docx"); a points file
    far longer than a complaint is refused before the parse (over spaCy's limit it was a traceback)."""
    import docx

    letter = tmp_path / "letter.txt"
    letter.write_text(LETTER)
    saved = docx.Document()
    saved.add_paragraph("The boiler broke down")
    saved.save(str(tmp_path / "points.docx"))
    huge = tmp_path / "huge.txt"
    huge.write_text("The boiler is broken and nobody came " * 30_000 + "\n")
    runner = CliRunner()
    for name, words in (("points.docx", "save it as plain text"), ("huge.txt", "100,000 characters")):
        result = runner.invoke(main, ["check", str(letter), "--points", str(tmp_path / name)])
        assert result.exit_code == 2 and words in result.output and result.exception is not None
        assert isinstance(result.exception, SystemExit)


def test_an_unchanged_list_reads_back_as_the_complaint_did(tmp_path: Path) -> None:
    """Things asked for are often fragments ("the mould treated"), requests only in their sentence: the list
    marks them "Asked for:", so checking against the unchanged list gives the complaint's own verdicts."""
    complaint = tmp_path / "complaint.txt"
    complaint.write_text("The bathroom fan has not worked since May and the ceiling is black with mould.\n\n"
                         "I want the fan fixed, the mould treated and a written apology.")
    letter = tmp_path / "letter.txt"
    letter.write_text("Dear Mr Hale\n\nStage 1 complaint response\n\nOur electrician replaced the bathroom fan on "
                      "2 June. We treated the mould on the ceiling on 9 June.\n\nI uphold your complaint.\n\n"
                      "Yours sincerely\n\nA Officer\n")
    listed = tmp_path / "points.txt"
    runner = CliRunner()
    assert runner.invoke(main, ["points", str(complaint), "-o", str(listed)]).exit_code == 0
    assert any(line.startswith("Asked for: ") and "mould treated" in line for line in listed.read_text().splitlines())

    def verdicts(*args: str) -> tuple[list, list]:
        report = json.loads(runner.invoke(main, ["check", str(letter), "--format", "json", *args]).output)
        return ([(p["text"], p["status"], p["request"]) for p in report["complaint_points"]],
                report["outcome_requested"]["points"])

    from_complaint, from_list = verdicts("--complaint", str(complaint)), verdicts("--points", str(listed))
    assert from_list == from_complaint
    assert [request for _, _, request in from_list[0]] == [False, False, True, True]


def test_points_from_a_case_files_complaint_text(tmp_path: Path) -> None:
    """The terminal's hint names "the case file" too: `points` reads its complaint_text."""
    case = tmp_path / "case.json"
    case.write_text(json.dumps({"received": "2026-03-02", "complaint_text": COMPLAINT}))
    runner = CliRunner()
    listed = runner.invoke(main, ["points", str(case)])
    assert listed.exit_code == 0 and "The lift in my block has been out of order since January" in listed.output
    assert "complaint_text" not in listed.output
    empty = tmp_path / "dates.json"
    empty.write_text(json.dumps({"received": "2026-03-02"}))
    refused = runner.invoke(main, ["points", str(empty)])
    assert refused.exit_code == 2 and "no complaint_text" in refused.output
