"""What a caller can ask of one check run (the CLI, the HTTP service and the sampler all build this)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from .errors import InputError
from .readers import read_file_bytes
from .readers.sniff import OLE2_MAGIC, ZIP_MAGIC
from .readers.text_reader import decode

if TYPE_CHECKING:
    from .config import HouseStyle

FailOn = Literal["error", "warning", "suggestion", "never"]
#: The most points a case file or a points file may give.
MAX_POINTS = 100
#: The most characters a complaint may have, as text (a case file's complaint_text, a complaint file) or as
#: its points together: a complaint is a page or two, and splitting and matching a long one takes time that
#: grows faster than its length (100,000 characters, some 2,000 points, took 14 s; 500,000 over 3 minutes;
#: over 1,000,000 was spaCy's E088 error).
MAX_COMPLAINT_CHARS = 100_000


@dataclass(frozen=True)
class CheckOptions:
    profile: str | None = None
    stage: Literal[1, 2] | None = None
    fail_on: FailOn = "error"
    config: HouseStyle | None = None
    """House style and suppressions (.responsecheck.yaml), applied before scoring."""
    # Case dates from the case system (--received, --acknowledged, --letter-date,
    # --extension-days or --case FILE); the deadline check needs at least `received`.
    received: dt.date | None = None
    acknowledged: dt.date | None = None
    letter_date: dt.date | None = None
    extension_days: int = 0
    # A LanguageTool server for the grammar check (else RESPONSECHECK_LANGUAGETOOL_URL); none: not checked.
    languagetool_url: str | None = None
    # The complaint as the resident made it (--complaint FILE, or complaint_text in the case JSON or
    # request), or its points as logged at acknowledgement (--point, complaint_points); the points
    # check runs when either is given, and given points are used as they are.
    complaint_text: str | None = None
    complaint_points: tuple[str, ...] = ()


class CaseFile(BaseModel):
    """Case dates as a case management system sends them (JSON; other keys are ignored).

    Dates are ISO (2026-03-16). Keys: received, acknowledged, letter_date, extension_days, and the
    complaint: complaint_text (as the resident wrote it) or complaint_points (a list, as logged; a point
    starting "Asked for:" is something the resident asks for, whatever its wording).
    """

    model_config = ConfigDict(extra="ignore")
    received: dt.date | None = None
    acknowledged: dt.date | None = None
    letter_date: dt.date | None = None
    extension_days: int = Field(0, ge=0, le=250)
    complaint_text: str | None = Field(None, max_length=MAX_COMPLAINT_CHARS)
    complaint_points: list[str] = Field(default_factory=list, max_length=MAX_POINTS)

    @field_validator("complaint_points")
    @classmethod
    def _points_fit(cls, points: list[str]) -> list[str]:
        problem = points_problem(points)
        if problem:
            raise ValueError(problem)
        return points


def points_problem(points: tuple[str, ...] | list[str]) -> str | None:
    """Why the points given (a case file's complaint_points, --point) cannot be checked, or None: as many
    characters as a complaint at most (one point of 1,000,000 characters was spaCy's E088 error)."""
    if sum(len(point) for point in points) > MAX_COMPLAINT_CHARS:
        return (f"the points have more than {MAX_COMPLAINT_CHARS:,} characters between them, more than a "
                "complaint; check they are the complaint's points")
    return None


def read_case_file(path: Path) -> CaseFile:
    """Load a case metadata file; any problem is a ValueError with one plain sentence."""
    try:
        # decoded as a letter is (UTF-8 with or without a byte-order mark, or UTF-16 with one), as Windows
        # tools write JSON; the letter's size limit applies too
        return CaseFile.model_validate_json(decode(read_file_bytes(path), path.name))
    except InputError as error:
        raise ValueError(f"Cannot read the case file: {error.message}") from None
    except OSError as exc:
        raise ValueError(f"Cannot read the case file {path}: {exc.strerror or exc}.") from None
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "the file"
        raise ValueError(f"The case file {path} is invalid at {where}: {first['msg']}.") from None


def read_points_file(path: Path) -> tuple[str, ...]:
    """The points in a points file (`responsecheck points` writes one for the handler to correct); any
    problem is a ValueError with one plain sentence."""
    try:
        data = read_file_bytes(path)
        if data.startswith((ZIP_MAGIC, OLE2_MAGIC)):  # a Word (or other zip/OLE) file
            raise ValueError(f"The points file {path} is a Word or other binary file, not plain text; save it "
                             "as plain text (.txt, UTF-8), one point a line.")
        text = decode(data, path.name)
    except InputError as error:
        raise ValueError(f"Cannot read the points file: {error.message}") from None
    points = tuple(" ".join(line.split()) for line in text.splitlines()
                   if line.strip() and not line.lstrip().startswith("#"))
    if not points:
        raise ValueError(f"The points file {path} has no points (one a line; lines starting with # are notes).")
    if len(points) > MAX_POINTS:
        raise ValueError(f"The points file {path} has {len(points)} points; at most {MAX_POINTS} can be "
                         "checked, so none were: delete or merge lines.")
    problem = points_problem(points)
    if problem:
        raise ValueError(f"In the points file {path}, {problem}.")
    return points
