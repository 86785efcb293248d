"""Case dates through the command line and a case file, checked in UK working days."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from responsecheck.cli import main

ROOT = Path(__file__).resolve().parents[2]
LATE = ROOT / "corpora" / "presend" / "hos-s1-late-reply.docx"


def run(*args: str):
    return CliRunner().invoke(main, ["check", str(LATE), "--format", "json", *args])


def deadline(result) -> tuple[list[dict], dict]:
    report = json.loads(result.output)
    return [f for f in report["findings"] if f["category"] == "deadline"], report["metrics"].get("deadline", {})


def test_late_letter_by_working_days_over_easter() -> None:
    result = run("--received", "2026-03-16", "--acknowledged", "2026-03-18")
    findings, metrics = deadline(result)
    assert result.exit_code == 1
    assert metrics["response_due"] == "2026-04-01" and metrics["working_days_late"] == 4
    assert "4 working days late" in findings[0]["message"]


def test_case_file_and_extension(tmp_path: Path) -> None:
    case = tmp_path / "case.json"
    case.write_text(json.dumps({"received": "2026-03-16", "acknowledged": "2026-03-18", "extension_days": 10,
                                "reference": "C-1"}))
    findings, metrics = deadline(run("--case", str(case)))
    assert findings == []
    assert metrics["response_due_with_extension"] == "2026-04-17" and metrics["working_days_late"] == 0


def test_options_override_the_case_file(tmp_path: Path) -> None:
    case = tmp_path / "case.json"
    case.write_text(json.dumps({"received": "2026-03-16", "acknowledged": "2026-03-18", "extension_days": 10}))
    _, metrics = deadline(run("--case", str(case), "--extension-days", "0"))
    assert metrics["working_days_late"] == 4


def test_no_case_dates_no_deadline_check() -> None:
    findings, metrics = deadline(run())
    assert findings == [] and metrics == {}


def test_bad_case_file_is_a_usage_error(tmp_path: Path) -> None:
    case = tmp_path / "case.json"
    case.write_text('{"received": "last Tuesday"}')
    result = CliRunner().invoke(main, ["check", str(LATE), "--case", str(case)])
    assert result.exit_code == 2
    assert "received" in result.output


def test_dates_out_of_order() -> None:
    findings, _ = deadline(run("--received", "2026-04-20"))
    assert [f["rule"] for f in findings] == ["deadline.case_dates"]


def test_a_date_at_the_end_of_the_calendar_is_a_finding_not_a_traceback() -> None:
    """9999-12-31 (a case system's "no date") left no room to count working days on: OverflowError."""
    for args in (("--received", "9999-12-31"), ("--received", "2026-03-16", "--acknowledged", "9999-12-31")):
        result = run(*args)
        assert result.exception is None or isinstance(result.exception, SystemExit)
        findings, _ = deadline(result)
        assert [f["rule"] for f in findings] == ["deadline.case_dates"] and result.exit_code == 1


def test_a_case_file_with_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    """Windows tools write JSON with a UTF-8 byte-order mark (Notepad) or as UTF-16 (PowerShell 5's `>`);
    both were refused as 'Invalid JSON: expected value at line 1 column 1'."""
    text = json.dumps({"received": "2026-03-16", "acknowledged": "2026-03-18"})
    for name, data in (("bom.json", b"\xef\xbb\xbf" + text.encode()), ("utf16.json", text.encode("utf-16"))):
        case = tmp_path / name
        case.write_bytes(data)
        _, metrics = deadline(run("--case", str(case)))
        assert metrics["working_days_late"] == 4, name


def test_points_longer_than_a_complaint_are_refused(tmp_path: Path) -> None:
    """One point of a million characters (a case file's complaint_points, --point) was spaCy's E088 traceback;
    a points file was already held to 100,000 characters, and to 100 points."""
    case = tmp_path / "case.json"
    case.write_text(json.dumps({"complaint_points": ["the boiler " * 100_000]}))
    result = CliRunner().invoke(main, ["check", str(LATE), "--case", str(case)])
    assert result.exit_code == 2 and "complaint_points" in result.output
    many = [arg for i in range(101) for arg in ("--point", f"point {i}")]
    result = CliRunner().invoke(main, ["check", str(LATE), *many])
    assert result.exit_code == 2 and "at most 100" in result.output
