"""The history database: documented schema, migrations from older files, trend by quarter."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from responsecheck.errors import HistoryError
from responsecheck.qa import history
from responsecheck.qa.draw import draw
from responsecheck.qa.manifest import Case
from responsecheck.qa.summary import Checked, summarise
from responsecheck.report import ComplaintPoint, Element, Finding, Location, OutcomeRequested, Report


def _run(scores: list[int]) -> tuple:
    letters = []
    for index, score in enumerate(scores):
        report = Report(file=f"{index}.docx", score=score, rating="green" if score >= 85 else "red", stage=1,
                        elements=[Element(id="apology", status="present" if score >= 85 else "missing", required=True)],
                        findings=[Finding(rule="stigma.refused", category="stigma", severity="warning",
                                          message="m", text="the resident's words", location=Location(part="body"))])
        letters.append(Checked(case=Case(file=f"{index}.docx", handler="Ann"), report=report))
    summary = summarise(letters)
    return summary, draw([c.case for c in letters], None, seed=1)


def test_runs_are_recorded_and_shown_by_quarter(tmp_path: Path) -> None:
    connection = history.open_history(tmp_path / "qa.sqlite")
    for when, scores in ((dt.datetime(2026, 2, 1), [90, 50]), (dt.datetime(2026, 3, 30), [100]),
                         (dt.datetime(2026, 5, 1), [60, 60, 90])):
        summary, drawn = _run(scores)
        history.record(connection, summary, drawn, "the folder sent", "0.1.0", now=when)
    quarters = history.trend(connection)
    assert [(q.label, q.runs, q.letters) for q in quarters] == [("2026 Q1", 2, 3), ("2026 Q2", 1, 3)]
    assert quarters[0].mean_score == pytest.approx(80) and quarters[0].pass_rate == pytest.approx(2 / 3)
    stored = connection.execute("SELECT rule, category, severity FROM findings").fetchall()
    assert stored[0] == ("stigma.refused", "stigma", "warning")
    dump = "\n".join(connection.iterdump())
    assert "the resident's words" not in dump  # findings are recorded without the letter's words


def test_an_older_file_is_migrated_and_keeps_its_runs(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    old = sqlite3.connect(path)
    history.migrate(old, target=1)
    old.execute("INSERT INTO runs (started_at, source, method, population, letters, errors, mean_score)"
                " VALUES ('2025-11-02T10:00:00+00:00', 'old', 'Every letter was checked (1).', 1, 1, 0, 70)")
    old.execute("INSERT INTO letters (run_id, file, status, score) VALUES (1, 'a.docx', 'ok', 70)")
    old.commit()
    old.close()
    connection = history.open_history(path)
    assert history.schema_version(connection) == history.SCHEMA_VERSION == 3
    columns = {row[1] for row in connection.execute("PRAGMA table_info(runs)")}
    assert "tool_version" in columns
    summary, drawn = _run([88])
    history.record(connection, summary, drawn, "new", "0.1.0", now=dt.datetime(2026, 1, 5))
    assert [(q.label, q.letters, q.mean_score) for q in history.trend(connection)] == [
        ("2025 Q4", 1, 70), ("2026 Q1", 1, 88)]


def test_a_newer_or_foreign_file_is_refused_with_a_sentence(tmp_path: Path) -> None:
    newer = tmp_path / "newer.sqlite"
    connection = history.open_history(newer)
    connection.execute("UPDATE schema_version SET version = 99")
    connection.commit()
    connection.close()
    with pytest.raises(HistoryError, match="newer responsecheck") as raised:
        history.open_history(newer)
    assert raised.value.exit_code == 12
    foreign = tmp_path / "notes.sqlite"
    foreign.write_text("not a database at all, just some notes\n" * 40)
    with pytest.raises(HistoryError, match="cannot be used"):
        history.open_history(foreign)


def test_points_of_letters_checked_against_their_complaint_are_recorded_and_trended(tmp_path: Path) -> None:
    points = [ComplaintPoint(id=f"P{n}", text="t", status=status, confidence=0.9)
              for n, status in enumerate(["addressed", "addressed", "addressed", "not_addressed"], start=1)]
    with_complaint = Report(file="a.docx", score=80, rating="amber", stage=1, complaint_points=points,
                            outcome_requested=OutcomeRequested(text="t", answered=False))
    without = Report(file="b.docx", score=90, rating="green", stage=1)
    letters = [Checked(case=Case(file="a.docx", complaint="a.eml"), report=with_complaint),
               Checked(case=Case(file="b.docx"), report=without)]
    summary = summarise(letters)
    connection = history.open_history(tmp_path / "h.sqlite")
    history.record(connection, summary, draw([c.case for c in letters], None, seed=1), "s", "0.1.0",
                   now=dt.datetime(2026, 3, 5))
    rows = connection.execute("SELECT file, complaint, points, points_unanswered, outcome_answered FROM letters"
                              " ORDER BY file").fetchall()
    assert rows == [("a.docx", "a.eml", 4, 1, 0), ("b.docx", None, None, None, None)]
    assert [(q.label, q.points_answered) for q in history.trend(connection)] == [("2026 Q1", 0.75)]
    assert summary.points is not None and (summary.points.letters, summary.points.unanswered) == (1, 1)
    # a complaint in which no point was found (a greeting and a sign-off) answers no "every point"
    empty = Checked(case=Case(file="c.docx", complaint="c.txt"),
                    report=Report(file="c.docx", score=90, rating="green", stage=1, complaint_points=[]))
    assert summarise([*letters, empty]).points.letters == 1
