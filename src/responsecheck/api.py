"""The one `check()` call behind every door: the CLI, the HTTP service and the QA sampler.

read (a file -> Letter) -> analyse (one spaCy parse) -> elements -> checks -> report.

`check_many()` is the same check for a batch: each process loads the model once and parses its
letters with `nlp.pipe` in batches (faster than one call per letter); the processes share the
cores. A letter that cannot be read, or that a check fails on, becomes an error report in its place,
so the reports always match the sources one for one and in order.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from . import nlp as nlp_module
from .analysis import analyse, unparsed_doc
from .checks import CHECKS, CheckContext
from .elements import detect
from .config import apply as apply_house_style
from .errors import CheckFailed, InputError, ResponsecheckError
from .letter import Letter
from .options import CheckOptions
from .points import assess as assess_points
from .points import complaint_points
from .points.source import read_complaint
from .readers import read_bytes, read_path
from .report import ErrorInfo, Finding, Report
from .scoring import finish


def check(source: str | Path | bytes | Letter, *, name: str | None = None,
          options: CheckOptions | None = None) -> Report:
    """Check one letter and return its report; unreadable input raises an InputError."""
    options = options or CheckOptions()
    letter = _letter(source, name)
    return _check_letter(letter, options, nlp_module.load())


def check_many(sources: Sequence[str | Path], options: CheckOptions | None = None, *, n_process: int = 1,
               batch_size: int = 16, complaints: Sequence[str | Path | None] | None = None) -> Iterator[Report]:
    """Check many letter files, yielding one report per source, in the order given.

    `complaints`, when given, holds for each source the complaint it answers (a file, or None for no
    complaint): the letter is then checked against that complaint's points, whatever complaint the
    options give (a QA run over sent letters and their cases). A complaint that cannot be read makes
    that letter's error report, naming the complaint.

    `n_process` worker processes (each with its own model) take chunks of `batch_size` letters;
    with 1 everything runs in this process. Only problems with the whole run (invalid rules, no
    model) raise; a problem with one letter becomes that letter's error report. Workers are
    spawned, so a script calling this with n_process > 1 needs the `if __name__ == "__main__":` guard.
    """
    options = options or CheckOptions()
    paths = [str(s) for s in sources]
    against = [None if c is None else str(c) for c in complaints] if complaints is not None else [None] * len(paths)
    if len(against) != len(paths):
        raise ValueError("complaints must give one entry (a file or None) per source")
    chunks = [paths[i:i + batch_size] for i in range(0, len(paths), batch_size)]
    chunk_complaints = [against[i:i + batch_size] for i in range(0, len(paths), batch_size)]
    workers = max(1, min(n_process, len(chunks)))
    if workers == 1:
        for chunk, chunk_against in zip(chunks, chunk_complaints, strict=True):
            yield from _check_chunk(chunk, options, batch_size, chunk_against)
        return
    # spawn, not fork: a worker starts clean even if the caller runs threads (a progress bar).
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_warm_up) as pool:
        for reports in pool.map(_check_chunk, chunks, [options] * len(chunks), [batch_size] * len(chunks),
                                chunk_complaints):
            yield from reports


def points_in(complaint_text: str) -> list[str]:
    """The points a check finds in a complaint, in order, each on one line: the split can take a
    supporting detail for a point or run two together, so a handler reads this list, corrects it and
    gives it back as the points (`--points FILE`, `complaint_points`), which are then used as they are.
    Things asked for start "Asked for:", so they are read back as requests whatever their wording."""
    points = complaint_points(CheckOptions(complaint_text=complaint_text), nlp_module.load())
    return [("Asked for: " if point.request else "") + " ".join(point.text.split()) for point in points]


def _warm_up() -> None:
    """Load the model and compile the rules once per worker, before its first letter."""
    from .elements.rules import compiled

    compiled(nlp_module.load())


def _check_chunk(paths: list[str], options: CheckOptions, batch_size: int,
                 complaints: list[str | None] | None = None) -> list[Report]:
    """Read a chunk of files (and the complaints they answer), parse the readable letters in one
    `nlp.pipe`, and check each."""
    nlp = nlp_module.load()
    reports: list[Report | None] = [None] * len(paths)
    letters: list[tuple[int, Letter, CheckOptions]] = []
    for index, path in enumerate(paths):
        try:
            letter = read_path(path)
        except InputError as error:
            reports[index] = error_report(Path(path).name, error, options.fail_on)
            continue
        try:
            letters.append((index, letter, _against(options, complaints[index]) if complaints else options))
        except Exception as error:  # noqa: BLE001 - one complaint must not lose the run
            reports[index] = error_report(Path(path).name, _complaint_error(complaints[index] or "", error),
                                          options.fail_on)
    docs = nlp.pipe((unparsed_doc(letter, nlp) for _, letter, _ in letters), batch_size=batch_size)
    for (index, letter, letter_options), doc in zip(letters, docs, strict=True):
        try:
            reports[index] = _check_letter(letter, letter_options, nlp, doc)
        except ResponsecheckError:
            raise
        except Exception as error:  # a bug on one letter must not lose the other letters of the batch
            failed = CheckFailed(f"{letter.name} could not be checked ({type(error).__name__}); "
                                 "please report this with the file if you can share it.")
            reports[index] = error_report(letter.name, failed, options.fail_on)
    return [r for r in reports if r is not None]


def _against(options: CheckOptions, complaint: str | None) -> CheckOptions:
    """The options for a letter checked against its own complaint (None: against none)."""
    text = read_complaint(complaint) if complaint is not None else None
    return replace(options, complaint_text=text, complaint_points=())


def _complaint_error(complaint: str, error: Exception) -> ResponsecheckError:
    """The error for a letter whose complaint cannot be read, worded about the complaint."""
    message = error.message if isinstance(error, ResponsecheckError) else type(error).__name__
    wrapped = f"The complaint {Path(complaint).name} cannot be read: {message}"
    return type(error)(wrapped) if isinstance(error, InputError) else CheckFailed(wrapped)


def _check_letter(letter: Letter, options: CheckOptions, nlp: Language, doc: Doc | None = None) -> Report:
    analysis = analyse(letter, nlp, nlp_module.model_name(nlp), doc)
    detected = detect(analysis, nlp, profile_id=options.profile, stage=options.stage)
    report = Report(file=letter.name, model=analysis.model, profile=detected.profile.id,
                    profile_source=detected.profile_source, stage=detected.stage,
                    stage_source=detected.stage_source, decision=detected.decision, fail_on=options.fail_on,
                    elements=detected.elements, findings=list(detected.findings), document=_document_facts(letter))
    context = CheckContext(analysis=analysis, detected=detected, options=options, nlp=nlp)
    seen: set[tuple] = set()
    for _, run in CHECKS:
        output = run(context)
        report.findings.extend(f for f in output.findings if _first_on_its_words(f, seen))
        report.metrics.update(output.metrics)
        report.skipped.extend(output.skipped)
    points = assess_points(analysis, nlp, options)
    if points is not None:
        report.complaint_points, report.outcome_requested = points.points, points.outcome
        report.findings.extend(points.findings)
        report.metrics["complaint_points"] = points.metrics
    if options.config is not None:
        apply_house_style(options.config, report)
    report.findings.sort(key=_finding_order)
    return finish(report)


def error_report(name: str, error: ResponsecheckError, fail_on: str = "error") -> Report:
    """A report for a letter that could not be checked: batches keep going and say why."""
    return Report(file=name, fail_on=fail_on, send_ok=False,
                  error=ErrorInfo(kind=error.kind, message=error.message, exit_code=error.exit_code))


def _letter(source: str | Path | bytes | Letter, name: str | None) -> Letter:
    if isinstance(source, Letter):
        return source
    if isinstance(source, bytes):
        return read_bytes(source, name or "letter")
    return read_path(source)


def _document_facts(letter: Letter) -> dict[str, object]:
    return {
        "format": letter.format,
        "paragraphs": len(letter.paragraphs),
        "words": sum(len(p.text.split()) for p in letter.paragraphs),
        "tracked_changes": len(letter.revisions),
        "comments": len(letter.comments),
        "hidden_text": len(letter.hidden_text),
    }


def _first_on_its_words(finding: Finding, seen: set[tuple]) -> bool:
    """False for a second finding of the same category on the same words (a house-style word that
    the built-in lists also flag): the first one, the organisation's own, stands."""
    location = finding.location
    if location.start is None:
        return True
    key = (finding.category, location.part, location.paragraph, location.start, location.end)
    if key in seen:
        return False
    seen.add(key)
    return True


def _finding_order(finding) -> tuple:
    rank = {"error": 0, "warning": 1, "suggestion": 2}[finding.severity]
    location = finding.location
    return (rank, location.paragraph if location.paragraph is not None else -1, location.start or 0)
