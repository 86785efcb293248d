"""One QA run, start to finish: the sampler's only entry point (the CLI's `sample` command calls it).

The history database is opened before any letter is checked, so a bad file stops the run at once
rather than after the letters. Each letter's own report page is written into a folder beside the
QA page (qa-letters/ for qa.html), without the letter's text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from typing import Protocol

from .. import api
from ..errors import InputNotFound
from ..options import CheckOptions
from ..render.html import render_html
from . import history
from .csv_out import render_csv
from .draw import Draw, draw
from .manifest import Source, load_source
from .page import render_qa_html
from .summary import Checked, Summary, summarise

BATCH_SIZE = 16


class Progress(Protocol):
    """Told how many letters there are, then once per letter done (the CLI's progress bar)."""

    def start(self, total: int) -> None: ...

    def advance(self) -> None: ...


class SampleUsageError(ValueError):
    """The options cannot work with this source (e.g. stratify by team with no team column)."""


@dataclass(frozen=True)
class Outcome:
    summary: Summary
    drawn: Draw
    page: Path
    csv: Path | None


def run_sample(source_path: Path, *, size: int | None, seed: int, stratify_by: str | None, out: Path,
               csv_path: Path | None = None, history_path: Path | None = None,
               options: CheckOptions | None = None, n_process: int = 1,
               progress: Progress | None = None) -> Outcome:
    """Draw, check, summarise and write the QA page (and the CSV, and the history, when asked)."""
    source = load_source(source_path)
    needed = "sent" if stratify_by == "month" else stratify_by
    if needed and needed not in source.columns:
        raise SampleUsageError(f"--stratify-by {stratify_by} needs a manifest with a '{needed}' column; "
                               f"{source.description} has {', '.join(source.columns)}.")
    folder = out.parent / f"{out.stem}-letters"
    _check_outputs(source_path, source, out, csv_path, history_path, folder)
    drawn = draw(source.cases, size, seed, stratify_by)
    connection = history.open_history(history_path) if history_path else None
    try:
        letters = _check(source, drawn, folder, options, n_process, progress)
        summary = summarise(letters)
        trend = None
        if connection is not None:
            history.record(connection, summary, drawn, source.description, version("responsecheck"))
            trend = history.trend(connection)
    finally:
        if connection is not None:
            connection.close()
    _write(out, render_qa_html(summary, drawn, source.description, trend))
    if csv_path:
        _write(csv_path, render_csv(letters))
    return Outcome(summary=summary, drawn=drawn, page=out, csv=csv_path)


def _check_outputs(source_path: Path, source: Source, out: Path, csv_path: Path | None, history_path: Path | None,
                   folder: Path) -> None:
    """Before any letter is checked: no output may replace the manifest, a letter, a complaint or another
    output, and the letters' folder must be one we can make (a run that fails at the end loses every check).
    Each input is resolved once (a manifest may list many thousands); one whose name cannot be resolved
    (a NUL character, a loop of links) cannot be an output, and is that letter's error later, not the run's."""
    inputs: dict[Path, str] = {}
    for what, given in [("the manifest", source_path),
                        *((source.path(case).name, source.path(case)) for case in source.cases),
                        *((f"the complaint {c.name}", c) for c in map(source.complaint, source.cases) if c)]:
        resolved = _resolved(given)
        if resolved is not None:
            inputs.setdefault(resolved, what)
    seen: dict[Path, str] = {}
    for option, path in (("--out", out), ("--csv", csv_path), ("--history", history_path)):
        if path is None:
            continue
        resolved = _resolved(path)
        if resolved is None:
            raise InputNotFound(f"cannot write {path} (a loop of links, or not a file name); choose another file.")
        if resolved in inputs:
            raise SampleUsageError(f"{option} {path} is {inputs[resolved]}; it would be replaced, so choose another "
                                   "file.")
        if resolved in seen:
            raise SampleUsageError(f"{option} and {seen[resolved]} name the same file, {path}; give each its own.")
        seen[resolved] = option
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise InputNotFound(f"cannot write the letters' pages to {folder} ({error.strerror or error}); choose an "
                            "--out in a folder you can write to.") from None


def _resolved(path: Path) -> Path | None:
    """The path with links and `..` resolved, or None when it cannot be (a NUL character, a loop of links:
    that letter's own error later)."""
    try:
        return path.resolve()
    except (OSError, ValueError, RuntimeError):  # RuntimeError: Python before 3.13 on a loop of links
        return None


def _write(path: Path, text: str) -> None:
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as error:
        raise InputNotFound(f"cannot write {path} ({error.strerror or error}); choose a folder you can write "
                            "to.") from None


def _check(source: Source, drawn: Draw, folder: Path, options: CheckOptions | None, n_process: int,
           progress: Progress | None) -> list[Checked]:
    """Check the drawn letters in order, writing each one's page into `folder` as its report arrives."""
    if progress:
        progress.start(len(drawn.cases))
    letters = []
    complaints = [source.complaint(c) for c in drawn.cases]
    reports = api.check_many([source.path(c) for c in drawn.cases], options, n_process=n_process,
                             batch_size=BATCH_SIZE, complaints=complaints if any(complaints) else None)
    for number, (case, report) in enumerate(zip(drawn.cases, reports, strict=True), start=1):
        report.file = case.file
        page = folder / f"{number:04d}-{_slug(case.file)}.html"
        page.write_text(render_html(report), encoding="utf-8")
        letters.append(Checked(case=case, report=report, page=f"{folder.name}/{page.name}"))
        if progress:
            progress.advance()
    return letters


def _slug(name: str) -> str:
    """A file name for a letter's page from its relative path (folders flattened)."""
    return re.sub(r"[^A-Za-z0-9._-]+", "_", name.rsplit(".", 1)[0])[:80]
