"""The letters a QA run can draw from: every letter in a folder, or the rows of a manifest CSV.

A manifest is what a case system exports: one row per sent letter, with the file and what is known
about the case. Only `file` is required; the other columns, when present, let the sample be
stratified and the results broken down:

    file,case_ref,handler,team,stage,sent,outcome,complaint
    letters/0412.docx,C-2026-0412,A Patel,North,1,2026-04-14,upheld,complaints/0412.eml

`file` and `complaint` (the complaint the letter answers: its points are then checked) are relative
to the manifest's folder; `stage` is 1 or 2; `sent` is an ISO date. Other columns are ignored. A row whose file is missing is still a letter of the run: it is reported as
not found, never dropped. A malformed manifest stops the run (ManifestError, exit code 11) with the
row and the column that is wrong.
"""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from ..errors import InputNotFound, ManifestError
from ..readers.text_reader import is_utf8_text

LETTER_SUFFIXES = (".docx", ".txt", ".md")
COLUMNS = ("file", "case_ref", "handler", "team", "stage", "sent", "outcome", "complaint")


class Case(BaseModel):
    """One sent letter and what the manifest says about its case."""

    model_config = ConfigDict(frozen=True, extra="ignore", str_strip_whitespace=True)
    file: str
    case_ref: str | None = None
    handler: str | None = None
    team: str | None = None
    stage: Literal[1, 2] | None = None
    sent: dt.date | None = None
    outcome: str | None = None
    complaint: str | None = None

    @field_validator("*", mode="before")
    @classmethod
    def _blank_is_unknown(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("stage", mode="before")
    @classmethod
    def _stage_number(cls, value: object) -> object:
        """'1', 'Stage 2' and 'stage 1' as case systems export them."""
        if isinstance(value, str):
            digits = value.lower().removeprefix("stage").strip()
            return int(digits) if digits.isdigit() else value
        return value

    @field_validator("file")
    @classmethod
    def _file_given(cls, value: str | None) -> str:
        if not value:
            raise ValueError("no file is given")
        return value

    @property
    def month(self) -> str | None:
        return self.sent.strftime("%Y-%m") if self.sent else None


@dataclass(frozen=True)
class Source:
    """What the run draws from: the cases, where their files are, and which details are known."""

    description: str
    base: Path
    cases: list[Case]
    columns: tuple[str, ...]

    def path(self, case: Case) -> Path:
        return self.base / case.file

    def complaint(self, case: Case) -> Path | None:
        """The complaint the letter answers, when the manifest names one."""
        return self.base / case.complaint if case.complaint else None


def load_source(path: Path) -> Source:
    """A folder (every .docx, .txt and .md in it and below) or a manifest .csv."""
    if path.is_dir():
        return from_folder(path)
    if path.suffix.lower() == ".csv":
        return from_manifest(path)
    if not path.exists():
        raise InputNotFound(f"{path} does not exist; give a folder of letters or a manifest .csv file.")
    raise InputNotFound(f"{path} is neither a folder of letters nor a manifest .csv file.")


def from_folder(folder: Path) -> Source:
    """Every letter in the folder, by relative path; Word lock files (~$name.docx) are not letters. A file
    whose name is not UTF-8 text (copied from an old system) cannot be named in the report: it is left out,
    and the report's description says how many were, so the manager can rename them."""
    names = [p.relative_to(folder).as_posix() for p in folder.rglob("*")
             if p.suffix.lower() in LETTER_SUFFIXES and p.is_file() and not p.name.startswith("~$")]
    files = sorted(name for name in names if is_utf8_text(name))
    left_out = len(names) - len(files)
    note = f" ({left_out} file{'s' if left_out > 1 else ''} left out: the name is not UTF-8 text; rename to check)"
    return Source(description=f"every letter in the folder {folder}{note if left_out else ''}", base=folder,
                  cases=[Case(file=f) for f in files], columns=("file",))


def from_manifest(path: Path) -> Source:
    """The rows of a manifest CSV, validated; the first problem stops the run with its row number."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            header = [h.strip().lower() for h in reader.fieldnames or []]
            if "file" not in header:
                raise ManifestError(f"The manifest {path} has no 'file' column; its first row must name the columns "
                                    f"({', '.join(COLUMNS)}).")
            reader.fieldnames = header
            cases = [_case(path, number, row) for number, row in enumerate(reader, start=2)]
    except FileNotFoundError:
        raise InputNotFound(f"{path} does not exist; check the manifest's name and folder.") from None
    except (UnicodeDecodeError, csv.Error) as error:
        raise ManifestError(f"The manifest {path} cannot be read as a UTF-8 CSV file ({error}).") from None
    seen: dict[str, int] = {}
    for number, case in enumerate(cases, start=2):
        if case.file in seen:
            raise ManifestError(f"The manifest {path} lists {case.file} twice (rows {seen[case.file]} and {number}).")
        seen[case.file] = number
    if not cases:
        raise ManifestError(f"The manifest {path} lists no letters.")
    return Source(description=f"the manifest {path.name}", base=path.parent, cases=cases,
                  columns=tuple(c for c in COLUMNS if c in header))


def _case(path: Path, number: int, row: dict[str, str | None]) -> Case:
    try:
        return Case.model_validate({k: v for k, v in row.items() if k in COLUMNS})
    except ValidationError as error:
        first = error.errors()[0]
        column = ".".join(str(p) for p in first["loc"]) or "file"
        raise ManifestError(f"The manifest {path} is invalid at row {number}, column {column}: "
                            f"{first['msg']} (stage is 1 or 2; sent is a date such as 2026-04-14).") from None
