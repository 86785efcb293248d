"""check_many: one report per source, in order, whatever the files hold and however many processes run."""

from __future__ import annotations

from pathlib import Path

import pytest

from responsecheck import CheckOptions, api
from responsecheck.evaluate_points import load_pairs
from responsecheck.points.source import read_complaint

ROOT = Path(__file__).resolve().parents[1]
BAD = ROOT / "tests" / "fixtures" / "bad"


def _sources(tmp_path: Path) -> list[Path]:
    letters = sorted((ROOT / "corpora" / "dev").glob("*.docx"))[:5]
    missing = tmp_path / "gone.docx"
    return [letters[0], BAD / "corrupt-xml.docx", *letters[1:3], missing, BAD / "empty.docx", *letters[3:]]


def test_every_source_gets_its_report_in_order(tmp_path: Path) -> None:
    sources = _sources(tmp_path)
    reports = list(api.check_many(sources, batch_size=3))
    assert [r.file for r in reports] == [p.name for p in sources]
    assert [r.error.kind if r.error else "ok" for r in reports] == [
        "ok", "corrupt", "ok", "ok", "not_found", "empty", "ok", "ok"]
    single = api.check(sources[2])
    assert reports[2].model_dump() == single.model_dump()  # the batch parse gives the same report as one check


def test_two_processes_give_the_same_reports_as_one(tmp_path: Path) -> None:
    sources = _sources(tmp_path)
    one = [r.model_dump() for r in api.check_many(sources, batch_size=2)]
    two = [r.model_dump() for r in api.check_many(sources, n_process=2, batch_size=2)]
    assert two == one


def test_each_letter_can_be_checked_against_its_own_complaint(tmp_path: Path) -> None:
    """The same report as a single check with that complaint; a complaint that cannot be read is that
    letter's error, naming the complaint; letters without one are checked without; two processes agree."""
    pairs_dir = ROOT / "corpora" / "points" / "dev"
    pair = load_pairs(pairs_dir)[0]
    letter, complaint = pairs_dir / pair.letter, pairs_dir / pair.complaint
    sources = [letter, letter, letter, letter]
    complaints = [complaint, None, tmp_path / "gone.eml", complaint]
    reports = list(api.check_many(sources, complaints=complaints, batch_size=3))
    single = api.check(letter, options=CheckOptions(complaint_text=read_complaint(complaint)))
    assert reports[0].model_dump() == single.model_dump() == reports[3].model_dump()
    assert reports[1].complaint_points is None
    assert reports[2].error is not None and "gone.eml" in reports[2].error.message
    two = [r.model_dump() for r in api.check_many(sources, complaints=complaints, n_process=2, batch_size=2)]
    assert two == [r.model_dump() for r in reports]
    with pytest.raises(ValueError, match="one entry"):
        list(api.check_many(sources, complaints=complaints[:2]))


def test_a_complaint_without_points_or_unreadable_costs_only_its_own_letter(tmp_path: Path) -> None:
    pairs_dir = ROOT / "corpora" / "points" / "dev"
    pair = load_pairs(pairs_dir)[0]
    letter = pairs_dir / pair.letter
    greeting = tmp_path / "greeting.txt"
    greeting.write_text("Dear Sir,\n\nYours faithfully,\nJo Bloggs\n", encoding="utf-8")
    bogus = tmp_path / "bogus.eml"
    bogus.write_bytes(b"From: a@example.org\nContent-Type: text/plain; charset=\"x-bogus-9\"\n\nThe boiler is broken.\n")
    given = CheckOptions(complaint_points=("The lift is broken",))
    reports = list(api.check_many([letter, letter, letter], given, complaints=[greeting, bogus, None]))
    assert reports[0].error is None and reports[0].complaint_points == []
    assert reports[1].error is not None and reports[1].error.message.startswith("The complaint bogus.eml cannot be read")
    assert reports[2].error is None and reports[2].complaint_points is None  # None: no complaint for that letter
