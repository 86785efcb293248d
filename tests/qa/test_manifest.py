"""Manifests: validated on load, each problem named by its row and column."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from responsecheck.errors import InputNotFound, ManifestError
from responsecheck.qa.manifest import from_folder, from_manifest, load_source


def _manifest(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "cases.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_rows_become_cases_with_their_details(tmp_path: Path) -> None:
    path = _manifest(tmp_path, "File,Case_Ref,handler,stage,sent,extra\na.docx,C1,Ann,Stage 2,2026-04-14,x\nb.txt,,, 1 ,,\n")
    source = from_manifest(path)
    first, second = source.cases
    assert (first.file, first.case_ref, first.handler, first.stage, first.sent) == ("a.docx", "C1", "Ann", 2,
                                                                                    dt.date(2026, 4, 14))
    assert first.month == "2026-04"
    assert (second.case_ref, second.stage, second.sent) == (None, 1, None)
    assert source.columns == ("file", "case_ref", "handler", "stage", "sent")
    assert source.path(first) == tmp_path / "a.docx"


@pytest.mark.parametrize(("text", "says"), [
    ("name,stage\na.docx,1\n", "no 'file' column"),
    ("file,stage\na.docx,1\nb.docx,3\n", "row 3, column stage"),
    ("file,sent\na.docx,14/04/2026\n", "row 2, column sent"),
    ("file\na.docx\na.docx\n", "lists a.docx twice (rows 2 and 3)"),
    ("file,team\n,north\n", "row 2, column file"),
    ("file\n", "lists no letters"),
])
def test_a_bad_manifest_says_where(tmp_path: Path, text: str, says: str) -> None:
    with pytest.raises(ManifestError) as raised:
        from_manifest(_manifest(tmp_path, text))
    assert says in raised.value.message and raised.value.exit_code == 11


def test_a_folder_lists_its_letters_and_skips_word_lock_files(tmp_path: Path) -> None:
    for name in ("b.docx", "a.txt", "sub/c.md", "~$b.docx", "notes.pdf", "qa.html"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("x")
    assert [c.file for c in from_folder(tmp_path).cases] == ["a.txt", "b.docx", "sub/c.md"]
    with pytest.raises(InputNotFound):
        load_source(tmp_path / "missing")


def test_a_file_whose_name_is_not_utf8_is_left_out_and_said(tmp_path: Path) -> None:
    """A name holding Latin-1 bytes (from an old system) cannot go in the report: left out, counted in the
    description the page shows (it stopped the whole run with a validation error)."""
    import os

    (tmp_path / "good.txt").write_text("Dear Ms Shah, we are sorry.")
    with open(os.path.join(os.fsencode(tmp_path), b"caf\xe9.txt"), "wb") as handle:
        handle.write(b"Dear Sir, we are sorry.")
    source = from_folder(tmp_path)
    assert [case.file for case in source.cases] == ["good.txt"]
    assert "1 file left out: the name is not UTF-8 text" in source.description
