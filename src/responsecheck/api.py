"""The one `check()` call behind every door: the CLI, the HTTP service and the QA sampler.

read (a file -> Letter) -> analyse (one spaCy parse) -> elements -> checks -> report.
"""

from __future__ import annotations

from pathlib import Path

from . import nlp as nlp_module
from .analysis import analyse
from .checks import CHECKS, CheckContext
from .elements import detect
from .config import apply as apply_house_style
from .errors import ResponsecheckError
from .letter import Letter
from .options import CheckOptions
from .points import assess as assess_points
from .readers import read_bytes, read_path
from .report import ErrorInfo, Report
from .scoring import finish


def check(source: str | Path | bytes | Letter, *, name: str | None = None,
          options: CheckOptions | None = None) -> Report:
    """Check one letter and return its report; unreadable input raises an InputError."""
    options = options or CheckOptions()
    letter = _letter(source, name)
    nlp = nlp_module.load()
    analysis = analyse(letter, nlp, nlp_module.model_name(nlp))
    detected = detect(analysis, nlp, profile_id=options.profile, stage=options.stage)
    report = Report(file=letter.name, model=analysis.model, profile=detected.profile.id,
                    profile_source=detected.profile_source, stage=detected.stage,
                    stage_source=detected.stage_source, decision=detected.decision, fail_on=options.fail_on,
                    elements=detected.elements, findings=list(detected.findings), document=_document_facts(letter))
    context = CheckContext(analysis=analysis, detected=detected, options=options, nlp=nlp)
    for _, run in CHECKS:
        output = run(context)
        report.findings.extend(output.findings)
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


def _finding_order(finding) -> tuple:
    rank = {"error": 0, "warning": 1, "suggestion": 2}[finding.severity]
    location = finding.location
    return (rank, location.paragraph if location.paragraph is not None else -1, location.start or 0)
