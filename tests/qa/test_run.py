"""The `sample` command end to end: every letter in is a letter reported, in the page and the CSV."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from click.testing import CliRunner

from responsecheck.cli import main
from responsecheck.profiles import ELEMENT_IDS


def _sample(folder: Path, out: Path, *args: str) -> object:
    return CliRunner().invoke(main, ["sample", str(folder), "--out", str(out / "qa.html"), "--processes", "1", *args])


@pytest.fixture(scope="module")
def every_letter(letters_folder: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("qa")
    result = _sample(letters_folder / "manifest.csv", out, "--all", "--csv", str(out / "qa.csv"),
                     "--history", str(out / "qa.sqlite"))
    assert result.exit_code == 0, result.output
    assert "8 letters drawn of 8" in result.output and "6 checked, 2 could not be checked" in result.output
    return out


def test_a_damaged_file_is_reported_not_lost(every_letter: Path) -> None:
    rows = list(csv.DictReader((every_letter / "qa.csv").open(encoding="utf-8")))
    assert len(rows) == 8
    errors = {r["file"]: r["not_checked_reason"] for r in rows if r["status"] == "error"}
    assert set(errors) == {"south/damaged.docx", "north/empty.txt"}
    assert "damaged" in errors["south/damaged.docx"] and "empty" in errors["north/empty.txt"]
    good = [r for r in rows if r["status"] == "ok"]
    assert all(r["score"].isdigit() and r["rating"] in ("red", "amber", "green") for r in good)
    assert all(r[e] in ("present", "missing", "not_required", "not_applicable") for r in good for e in ELEMENT_IDS)
    assert {r["team"] for r in rows} == {"north", "south"} and all((every_letter / r["report"]).is_file() for r in good)
    page = (every_letter / "qa.html").read_text(encoding="utf-8")
    assert "8 in the sample" in page.replace("<strong>", "").replace("</strong>", "")
    assert "Letters that could not be checked" in page and "south/damaged.docx" in page


def test_a_sample_of_a_folder_is_drawn_again_with_its_seed(letters_folder: Path, tmp_path: Path) -> None:
    runs = []
    for name in ("one", "two"):
        result = _sample(letters_folder, tmp_path / name, "--size", "3", "--seed", "11", "--csv",
                         str(tmp_path / name / "qa.csv"))
        assert result.exit_code == 0, result.output
        runs.append([r["file"] for r in csv.DictReader((tmp_path / name / "qa.csv").open(encoding="utf-8"))])
    assert runs[0] == runs[1] and len(runs[0]) == 3


@pytest.mark.parametrize(("args", "code", "says"), [
    (["--size", "2", "--all"], 2, "either --size N"),
    (["--size", "2", "--stratify-by", "team"], 2, "needs a manifest with a 'team' column"),
    (["--all", "--history", "{out}/notes.sqlite"], 12, "history database"),
])
def test_problems_with_the_run_stop_it_with_their_exit_code(letters_folder: Path, tmp_path: Path, args: list[str],
                                                            code: int, says: str) -> None:
    (tmp_path / "notes.sqlite").write_text("these are notes, not a database\n" * 20)
    result = _sample(letters_folder, tmp_path, *[a.format(out=tmp_path) for a in args])
    assert result.exit_code == code and says in result.output
    assert not (tmp_path / "qa.html").exists()


def test_an_invalid_manifest_is_exit_code_11(tmp_path: Path) -> None:
    manifest = tmp_path / "cases.csv"
    manifest.write_text("file,stage\na.docx,4\n", encoding="utf-8")
    result = _sample(manifest, tmp_path, "--all")
    assert result.exit_code == 11 and "row 2, column stage" in result.output


@pytest.mark.parametrize(("args", "says"), [
    (["--csv", "{manifest}"], "is the manifest"),
    (["--csv", "{out}/qa.html"], "name the same file"),
    (["--history", "{letters}/a.docx"], "would be replaced"),
])
def test_an_output_never_replaces_the_manifest_a_letter_or_another_output(tmp_path: Path, args: list[str],
                                                                            says: str) -> None:
    """--csv naming the manifest wrote the CSV over it after checking every letter; --out naming a letter, over it."""
    letters = tmp_path / "letters"
    letters.mkdir()
    (letters / "a.docx").write_bytes(b"PK\x03\x04 not really a letter")
    manifest = letters / "cases.csv"
    manifest.write_text("file\na.docx\n", encoding="utf-8")
    before = {p: p.read_bytes() for p in letters.iterdir()}
    result = _sample(manifest, tmp_path, "--all",
                     *[a.format(manifest=manifest, out=tmp_path, letters=letters) for a in args])
    assert result.exit_code == 2 and says in result.output
    assert {p: p.read_bytes() for p in letters.iterdir()} == before


def test_an_output_that_cannot_be_written_is_one_sentence(letters_folder: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where a folder is wanted")
    result = CliRunner().invoke(main, ["sample", str(letters_folder), "--all", "--processes", "1",
                                       "--out", str(blocker / "qa.html")])
    assert result.exit_code == 3 and "cannot write" in result.output
    assert isinstance(result.exception, SystemExit)


def test_a_letter_name_that_cannot_be_resolved_is_that_letters_error_not_the_runs(tmp_path: Path) -> None:
    """The outputs check resolved every manifest row: a NUL character (ValueError) or a loop of links
    (RuntimeError) stopped the run with a traceback before any letter was checked; each is one letter's error."""
    letters = tmp_path / "letters"
    letters.mkdir()
    (letters / "a.txt").write_text("Dear Mr Jones,\n\nWe are sorry the repair was late.\n", encoding="utf-8")
    (letters / "loop.txt").symlink_to(letters / "loop.txt")
    manifest = letters / "cases.csv"
    manifest.write_text("file\na.txt\nloop.txt\nb\x00.txt\n", encoding="utf-8")
    result = _sample(manifest, tmp_path, "--all")
    assert result.exit_code == 0, result.output
    assert "3 letters drawn of 3" in result.output and "1 checked, 2 could not be checked" in result.output


def test_an_output_never_replaces_a_complaint(tmp_path: Path) -> None:
    letters = tmp_path / "letters"
    letters.mkdir()
    (letters / "a.txt").write_text("Dear Mr Jones,\n\nWe are sorry the repair was late.\n", encoding="utf-8")
    complaint = letters / "a.complaint.txt"
    complaint.write_text("The repair was late.\n", encoding="utf-8")
    manifest = letters / "cases.csv"
    manifest.write_text("file,complaint\na.txt,a.complaint.txt\n", encoding="utf-8")
    result = _sample(manifest, tmp_path, "--all", "--csv", str(complaint))
    assert result.exit_code == 2 and "is the complaint a.complaint.txt" in result.output
    assert complaint.read_text(encoding="utf-8") == "The repair was late.\n"
