"""A QA run whose manifest names each letter's complaint: the letters are checked point by point."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

from click.testing import CliRunner

from responsecheck.cli import main
from responsecheck.evaluate_points import load_pairs

ROOT = Path(__file__).resolve().parents[2]
PAIRS = ROOT / "corpora" / "points" / "dev"


def test_letters_are_checked_against_the_complaint_the_manifest_names(tmp_path: Path) -> None:
    pairs = load_pairs(PAIRS)[:3]
    rows = []
    for pair in pairs:
        for name in (pair.letter, pair.complaint):
            shutil.copy(PAIRS / name, tmp_path / name)
        rows.append(f"{pair.letter},{pair.complaint}")
    # a letter with no complaint, and one whose complaint is missing: checked without / reported, never lost
    shutil.copy(PAIRS / pairs[0].letter, tmp_path / "no-complaint.txt")
    shutil.copy(PAIRS / pairs[1].letter, tmp_path / "lost-complaint.txt")
    rows += ["no-complaint.txt,", "lost-complaint.txt,gone.eml"]
    (tmp_path / "manifest.csv").write_text("file,complaint\n" + "\n".join(rows) + "\n", encoding="utf-8")
    out = tmp_path / "qa"
    out.mkdir()
    result = CliRunner().invoke(main, ["sample", str(tmp_path / "manifest.csv"), "--all", "--processes", "1",
                                       "--out", str(out / "qa.html"), "--csv", str(out / "qa.csv")])
    assert result.exit_code == 0, result.output
    table = {r["file"]: r for r in csv.DictReader((out / "qa.csv").open(encoding="utf-8"))}
    assert len(table) == 5
    for pair in pairs:
        row = table[pair.letter]
        assert row["status"] == "ok" and int(row["points"]) >= len(pair.points) - 2
        assert 0 <= int(row["points_unanswered"]) <= int(row["points"])
        assert row["complaint"] == pair.complaint
    assert table["no-complaint.txt"]["points"] == ""
    lost = table["lost-complaint.txt"]
    assert lost["status"] == "error" and "gone.eml" in lost["not_checked_reason"]
    page = (out / "qa.html").read_text(encoding="utf-8")
    assert "Complaint points answered" in page and "Letters answering every point" in page


def test_without_complaints_the_page_has_no_points_section(tmp_path: Path) -> None:
    letter = load_pairs(PAIRS)[0].letter
    shutil.copy(PAIRS / letter, tmp_path / letter)
    out = tmp_path / "qa.html"
    result = CliRunner().invoke(main, ["sample", str(tmp_path), "--all", "--processes", "1", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "Complaint points answered" not in out.read_text(encoding="utf-8")
