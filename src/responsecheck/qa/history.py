"""The QA history: each run recorded in a SQLite file, so the report can show the trend by quarter.

SQLite needs no server; the file is the whole database. Scores, element results and findings
(rule, category, severity) are recorded; letter text, the words a finding matched and evidence
sentences are not. Schema (version 3; `schema_version` holds the version of the file):

  runs      id, started_at (ISO 8601, UTC), source, method (how the sample was drawn, in words),
            seed, size, stratify_by, population, letters, errors, mean_score, tool_version
  letters   id, run_id -> runs, file, case_ref, handler, team, stage, sent, outcome (from the
            manifest), status ('ok' | 'error'), error_kind, score, rating, profile,
            detected_stage, decision, complaint (the manifest's complaint file), points,
            points_unanswered, outcome_answered (0/1; the three null without a complaint)
  elements  letter_id -> letters, element, status, required (0/1)
  findings  letter_id -> letters, rule, category, severity, suppressed (0/1)

Migrations are SQL scripts applied in order, each in one transaction with the version bump, so a
file from an older responsecheck is brought up to date when it is opened, and a file from a newer
one is refused rather than damaged. Any database problem is a HistoryError (exit code 12).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from ..errors import HistoryError
from ..report import Report
from .draw import Draw
from .summary import Summary, point_counts

MIGRATIONS: tuple[str, ...] = (
    # 1: runs and the score of each letter.
    """
    CREATE TABLE runs (
        id INTEGER PRIMARY KEY,
        started_at TEXT NOT NULL,
        source TEXT NOT NULL,
        method TEXT NOT NULL,
        seed INTEGER,
        size INTEGER,
        stratify_by TEXT,
        population INTEGER NOT NULL,
        letters INTEGER NOT NULL,
        errors INTEGER NOT NULL,
        mean_score REAL
    );
    CREATE TABLE letters (
        id INTEGER PRIMARY KEY,
        run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        file TEXT NOT NULL,
        case_ref TEXT, handler TEXT, team TEXT, stage INTEGER, sent TEXT, outcome TEXT,
        status TEXT NOT NULL CHECK (status IN ('ok', 'error')),
        error_kind TEXT,
        score INTEGER, rating TEXT, profile TEXT, detected_stage INTEGER, decision TEXT
    );
    CREATE INDEX letters_run ON letters(run_id);
    """,
    # 2: element results and findings per letter (rule, category, severity: never the words), and
    # the version of responsecheck that made the run.
    """
    ALTER TABLE runs ADD COLUMN tool_version TEXT;
    CREATE TABLE elements (
        letter_id INTEGER NOT NULL REFERENCES letters(id) ON DELETE CASCADE,
        element TEXT NOT NULL,
        status TEXT NOT NULL,
        required INTEGER NOT NULL,
        PRIMARY KEY (letter_id, element)
    );
    CREATE TABLE findings (
        letter_id INTEGER NOT NULL REFERENCES letters(id) ON DELETE CASCADE,
        rule TEXT NOT NULL,
        category TEXT NOT NULL,
        severity TEXT NOT NULL,
        suppressed INTEGER NOT NULL
    );
    CREATE INDEX findings_letter ON findings(letter_id);
    """,
    # 3: each letter checked against its complaint: how many points, how many unanswered, and whether
    # the outcome asked for is answered (null when the manifest named no complaint).
    """
    ALTER TABLE letters ADD COLUMN complaint TEXT;
    ALTER TABLE letters ADD COLUMN points INTEGER;
    ALTER TABLE letters ADD COLUMN points_unanswered INTEGER;
    ALTER TABLE letters ADD COLUMN outcome_answered INTEGER;
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)


@dataclass(frozen=True)
class Quarter:
    """Results of the runs made in one quarter."""

    label: str
    runs: int
    letters: int
    mean_score: float | None
    pass_rate: float | None
    #: Of the points of letters checked against their complaint, the share answered (None without any).
    points_answered: float | None = None


def open_history(path: Path) -> sqlite3.Connection:
    """Open (creating if need be) and migrate the history file."""
    try:
        connection = sqlite3.connect(path)
    except sqlite3.Error as error:
        raise HistoryError(f"The history database {path} cannot be opened ({error}); check the folder exists "
                           "and that you can write to it.") from None
    try:
        connection.execute("PRAGMA foreign_keys = ON")
        migrate(connection)
        return connection
    except HistoryError:
        connection.close()
        raise
    except sqlite3.Error as error:
        connection.close()
        raise HistoryError(f"The history database {path} cannot be used ({error}); check the file is a "
                           "responsecheck history file and that you can write to it.") from None


def schema_version(connection: sqlite3.Connection) -> int:
    exists = connection.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'").fetchone()
    if not exists:
        return 0
    row = connection.execute("SELECT version FROM schema_version").fetchone()
    return row[0] if row else 0


def migrate(connection: sqlite3.Connection, target: int = SCHEMA_VERSION) -> None:
    """Apply the migrations the file has not had yet, each with its version bump in one transaction."""
    current = schema_version(connection)
    if current > SCHEMA_VERSION:
        raise HistoryError(f"The history database was written by a newer responsecheck (schema {current}; this "
                           f"one knows up to {SCHEMA_VERSION}); upgrade responsecheck to add to it.")
    for version in range(current + 1, target + 1):
        script = "BEGIN;\n" + MIGRATIONS[version - 1]
        if version == 1:
            script += ("\nCREATE TABLE schema_version (version INTEGER NOT NULL);"
                       "\nINSERT INTO schema_version VALUES (1);")
        else:
            script += f"\nUPDATE schema_version SET version = {version};"
        try:
            connection.executescript(script + "\nCOMMIT;")
        except sqlite3.Error:
            connection.rollback()
            raise


def record(connection: sqlite3.Connection, summary: Summary, drawn: Draw, source: str, tool_version: str,
           now: dt.datetime | None = None) -> int:
    """Record one run; returns its id."""
    started = (now or dt.datetime.now(dt.timezone.utc)).isoformat(timespec="seconds")
    try:
        with connection:
            cursor = connection.execute(
                "INSERT INTO runs (started_at, source, method, seed, size, stratify_by, population, letters, errors,"
                " mean_score, tool_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (started, source, drawn.method, drawn.seed, drawn.size, drawn.stratify_by, drawn.population,
                 len(summary.letters), len(summary.errors), summary.mean_score, tool_version))
            run_id = cursor.lastrowid
            for item in summary.letters:
                case, report = item.case, item.report
                letter_id = connection.execute(
                    "INSERT INTO letters (run_id, file, case_ref, handler, team, stage, sent, outcome, status,"
                    " error_kind, score, rating, profile, detected_stage, decision, complaint, points,"
                    " points_unanswered, outcome_answered)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (run_id, case.file, case.case_ref, case.handler, case.team, case.stage,
                     case.sent.isoformat() if case.sent else None, case.outcome, "ok" if item.ok else "error",
                     report.error.kind if report.error else None, report.score, report.rating, report.profile,
                     report.stage, report.decision, case.complaint, *_points(report))).lastrowid
                connection.executemany(
                    "INSERT INTO elements (letter_id, element, status, required) VALUES (?, ?, ?, ?)",
                    [(letter_id, e.id, e.status, int(e.required)) for e in report.elements])
                connection.executemany(
                    "INSERT INTO findings (letter_id, rule, category, severity, suppressed) VALUES (?, ?, ?, ?, ?)",
                    [(letter_id, f.rule, f.category, f.severity, int(f.suppressed)) for f in report.findings])
    except sqlite3.Error as error:
        raise HistoryError(f"The run could not be recorded in the history database ({error}).") from None
    return run_id


def _points(report: Report) -> tuple[int | None, int | None, int | None]:
    """points, points_unanswered, outcome_answered (0/1) of a letter checked against its complaint."""
    points, unanswered, outcome_answered = point_counts(report)
    return points, unanswered, None if outcome_answered is None else int(outcome_answered)


def trend(connection: sqlite3.Connection) -> list[Quarter]:
    """Mean score, element pass rate and share of complaint points answered by the quarter the runs were
    made in, oldest first."""
    quarter = "substr(r.started_at, 1, 4) || ' Q' || ((CAST(substr(r.started_at, 6, 2) AS INTEGER) + 2) / 3)"
    try:
        scores = connection.execute(
            f"SELECT {quarter} AS q, COUNT(DISTINCT r.id), COUNT(l.id), AVG(l.score) FROM runs r"
            " LEFT JOIN letters l ON l.run_id = r.id AND l.status = 'ok' GROUP BY q ORDER BY q").fetchall()
        rates = dict(connection.execute(
            f"SELECT {quarter} AS q, AVG(e.status = 'present') FROM runs r JOIN letters l ON l.run_id = r.id"
            " JOIN elements e ON e.letter_id = l.id WHERE e.required = 1 AND e.status != 'not_applicable'"
            " GROUP BY q").fetchall())
        answered = dict(connection.execute(
            f"SELECT {quarter} AS q, 1.0 - CAST(SUM(l.points_unanswered) AS REAL) / SUM(l.points) FROM runs r"
            " JOIN letters l ON l.run_id = r.id WHERE l.points > 0 GROUP BY q").fetchall())
    except sqlite3.Error as error:
        raise HistoryError(f"The history database cannot be read ({error}).") from None
    return [Quarter(label=q, runs=runs, letters=letters, mean_score=mean, pass_rate=rates.get(q),
                    points_answered=answered.get(q)) for q, runs, letters, mean in scores]
