"""The annotated Word copy: the draft itself, with a Word comment on the exact words of each finding.

Rendered from the Report, never by checking again: each finding's Location names the paragraph by
its place in the reader's walk (`node`) and the characters inside it, so the annotator repeats the
same walk (readers.docx_reader.walk), maps the characters to runs with the same text extraction,
and splits the first and last run at the finding's edges. A split run is a copy of the original
run (same w:rPr, same parent, so inside a tracked insertion it stays inside it), so every other
run's formatting, existing comments and tracked changes survive untouched.

Word anchors comments only in the main document story (body, tables, text boxes in the body). A
finding in a header or footer cannot carry its own comment: it is listed, with its words, in the
summary comment at the top of the letter instead, as are findings about the whole letter (missing
elements).
"""

from __future__ import annotations

import copy
import io
from dataclasses import dataclass

from docx.document import Document
from docx.text.run import Run
from lxml import etree

from ..readers.docx_reader import open_document, text_pieces, w, walk
from ..report import Finding, Report
from .names import ELEMENT_NAMES

AUTHOR = "responsecheck"
INITIALS = "RC"
#: Parts of the document where Word lets a comment be anchored.
COMMENTABLE_PARTS = frozenset({"body", "table", "textbox"})
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_SEVERITY_LABEL = {"error": "Error", "warning": "Warning", "suggestion": "Suggestion"}


@dataclass(frozen=True)
class Annotated:
    """The annotated copy and what went where (counts only: no letter text)."""

    data: bytes
    anchored: int
    listed: int
    earlier: int
    """Comments by responsecheck already in the file (an annotated copy annotated again): left as they were."""


def annotate(data: bytes, name: str, report: Report, full_report_hint: str) -> Annotated:
    """Return a copy of the .docx `data` with one comment per active finding and a summary at the top."""
    document = open_document(data, name)
    earlier = sum(1 for comment in document.comments if comment.author == AUTHOR)
    paragraphs = {origin.node: (origin.part, element) for origin, element in walk(document)}
    listed: list[Finding] = []
    anchored = 0
    for finding in report.active_findings():
        location = finding.location
        target = paragraphs.get(location.node) if location.node is not None else None
        if target is None or target[0] not in COMMENTABLE_PARTS:
            listed.append(finding)
            continue
        runs = _anchor_runs(target[1], finding)
        if not runs:
            listed.append(finding)
            continue
        comment = document.add_comment([Run(runs[0], None), Run(runs[-1], None)], text=_comment_text(finding),
                                       author=AUTHOR, initials=INITIALS)
        _reference_outside_containers(target[1], comment.comment_id)
        anchored += 1
    _add_summary(document, paragraphs, report, listed, full_report_hint)
    out = io.BytesIO()
    document.save(out)
    return Annotated(data=out.getvalue(), anchored=anchored, listed=len(listed), earlier=earlier)


def _reference_outside_containers(paragraph: etree._Element, comment_id: int) -> None:
    """Move the comment's reference mark out of a tracked insertion, hyperlink or field.

    python-docx puts the run holding w:commentReference right after the last anchored run. Inside
    a w:ins that run would become part of the tracked insertion (rejecting the change would take
    the comment mark with it); inside a hyperlink it would become part of the link. The range end
    stays exactly where the words end; only the mark moves, to just after the container.
    """
    for reference in paragraph.iter(w("commentReference")):
        if reference.get(w("id")) != str(comment_id):
            continue
        run = reference.getparent()
        container = run.getparent()
        if container is paragraph:
            return
        while container.getparent() is not paragraph:
            container = container.getparent()
        container.addnext(run)
        return


def _comment_text(finding: Finding) -> str:
    lines = [f"{_SEVERITY_LABEL[finding.severity]}: {finding.message}"]
    if finding.suggestion:
        lines.append(f"Try: {finding.suggestion}")
    lines.append(f"Rule: {finding.rule} ({finding.category.replace('_', ' ')})")
    return "\n".join(lines)


def _add_summary(document: Document, paragraphs: dict[int, tuple[str, etree._Element]], report: Report,
                 listed: list[Finding], hint: str) -> None:
    first = next((element for _, (part, element) in sorted(paragraphs.items())
                  if part == "body" and _pieces(element)), None)
    if first is None:
        first = next((element for _, (part, element) in sorted(paragraphs.items())
                      if part in COMMENTABLE_PARTS and _pieces(element)), None)
    if first is None:
        return
    pieces = _pieces(first)
    document.add_comment([Run(pieces[0].run, None), Run(pieces[-1].run, None)], text=summary_text(report, listed, hint),
                         author=AUTHOR, initials=INITIALS)


def points_lines(report: Report) -> list[str]:
    """The complaint's points, each answered (with the paragraph) or not, and the outcome asked for."""
    if report.complaint_points is None:
        return []
    answered = sum(p.status == "addressed" for p in report.complaint_points)
    lines = [f"Complaint points answered: {answered} of {len(report.complaint_points)}."]
    for point in report.complaint_points:
        where = ", ".join(f"paragraph {e.location.paragraph + 1}" for e in point.evidence
                          if e.location.paragraph is not None)
        status = f"answered ({where})" if point.status == "addressed" else "NOT ANSWERED"
        if point.nearest is not None and point.nearest.location.paragraph is not None:
            status += f" (nearest: paragraph {point.nearest.location.paragraph + 1})"
        if point.answered_by == "meaning":
            status += ", close in meaning only: check it"
        lines.append(f"- {point.id} \u201c{point.text}\u201d: {status}")
    if report.outcome_requested is not None:
        answered_text = "answered" if report.outcome_requested.answered else "not fully answered"
        lines.append(f"Outcome asked for ({', '.join(report.outcome_requested.points)}): {answered_text}.")
    return lines


def summary_text(report: Report, listed: list[Finding], hint: str) -> str:
    """The summary comment: verdict, missing elements, what is listed here, where the full report is."""
    verdict = "ready to send" if report.send_ok else "not ready to send"
    lines = [f"responsecheck: {str(report.rating).upper()}, score {report.score}/100, {verdict}."]
    missing = [ELEMENT_NAMES.get(e.id, e.id).lower() for e in report.elements if e.status == "missing" and e.required]
    lines.append("Missing: " + (", ".join(missing) + "." if missing else "nothing required is missing."))
    counts = report.counts()
    lines.append(f"Findings: {counts['error']} error(s), {counts['warning']} warning(s), "
                 f"{counts['suggestion']} suggestion(s); each is a comment on its words.")
    lines.extend(points_lines(report))
    located = [f for f in listed if f.category not in ("missing_element", "unanswered_point")]
    if located:
        lines.append("Word cannot hold comments in headers and footers, so these are listed here:")
        for finding in located:
            words = f" \u201c{finding.text}\u201d" if finding.text else ""
            lines.append(f"- {finding.location.part}{words}: {finding.message}")
    suppressed = len(report.findings) - len(report.active_findings())
    if suppressed:
        lines.append(f"{suppressed} finding(s) accepted on purpose (suppressed) are not marked.")
    lines.append(f"Full report: {hint}")
    return "\n".join(lines)


def _pieces(paragraph: etree._Element) -> list:
    return text_pieces(paragraph)[0]


def _anchor_runs(paragraph: etree._Element, finding: Finding) -> list[etree._Element]:
    """Split runs so the finding's words are whole runs; return those runs (empty if not found)."""
    pieces = _pieces(paragraph)
    joined = "".join(p.text for p in pieces)
    lead = len(joined) - len(joined.lstrip())
    location = finding.location
    if location.start is None or location.end is None or location.end <= location.start:
        return []
    start, end = location.start + lead, location.end + lead
    if finding.text and _squash(joined[start:end]) != _squash(finding.text):
        found = joined.find(finding.text)
        if found < 0:
            return []
        start, end = found, found + len(finding.text)
    _split_at(paragraph, end)
    _split_at(paragraph, start)
    runs, position = [], 0
    for piece in _pieces(paragraph):
        if position >= start and position + len(piece.text) <= end:
            runs.append(piece.run)
        position += len(piece.text)
    return runs


def _squash(text: str) -> str:
    return " ".join(text.split())


def _split_at(paragraph: etree._Element, offset: int) -> None:
    """Make `offset` (in the paragraph's visible text) fall on a run boundary."""
    position = 0
    for piece in _pieces(paragraph):
        if position < offset < position + len(piece.text):
            _split_run(piece.run, offset - position)
            return
        position += len(piece.text)


def _split_run(run: etree._Element, at: int) -> None:
    """Split one w:r into two at character `at`; both halves keep the run's properties."""
    tail = copy.deepcopy(run)
    _keep(run, 0, at)
    _keep(tail, at, None)
    run.addnext(tail)


def _keep(run: etree._Element, start: int, end: int | None) -> None:
    """Keep only characters [start, end) of a run's content, leaving w:rPr alone."""
    position = 0
    for child in list(run):
        if child.tag == w("rPr"):
            continue
        length = _length(child)
        child_start, child_end = position, position + length
        position = child_end
        if length == 0:
            if (child_start < start) or (end is not None and child_start >= end):
                run.remove(child)
            continue
        lo = max(start, child_start)
        hi = child_end if end is None else min(end, child_end)
        if hi <= lo:
            run.remove(child)
        elif (lo, hi) != (child_start, child_end):
            child.text = (child.text or "")[lo - child_start:hi - child_start]
            child.set(XML_SPACE, "preserve")


def _length(child: etree._Element) -> int:
    """Characters this run child adds to the visible text (as readers.docx_reader counts them)."""
    tag = child.tag
    if tag == w("t"):
        return len(child.text or "")
    if tag in (w("tab"), w("br"), w("cr"), w("noBreakHyphen")):
        return 1
    return 0
