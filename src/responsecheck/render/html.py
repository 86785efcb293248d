"""The HTML report: one self-contained page (no CDN, no web fonts, no script) a person can read and print.

It is rendered from the Report and, when the caller has it and asks for it, the Letter: the
letter's text is needed to highlight findings in place, but the Report never stores it, so a
page is the only place the text goes, and only when someone asks for a page. Without the Letter
the page still shows everything else.

Findings are placed by their Location (paragraph index and characters), never by searching the
text again. Overlapping findings are cut into segments, so the markup never nests.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from ..letter import Letter
from ..report import SEVERITY_RANK, Finding, Report
from .names import ELEMENT_NAMES

RATING_LABELS = {"red": "Red: not ready to send", "amber": "Amber: check before sending",
                 "green": "Green: ready to send"}
PART_NAMES = {"body": "body", "table": "table", "header": "header", "footer": "footer", "textbox": "text box",
              "document": "whole letter"}


@dataclass
class Segment:
    """A stretch of a paragraph's text and the numbers of the findings that cover it."""

    text: str
    findings: list[int] = field(default_factory=list)
    severity: str | None = None
    ends: list[int] = field(default_factory=list)


@dataclass
class ShownParagraph:
    index: int
    part: str
    is_heading: bool
    segments: list[Segment]


@dataclass
class Block:
    """What the letter section shows in order: one paragraph, or a table of paragraphs (rows of cells)."""

    paragraph: ShownParagraph | None = None
    rows: list[list[list[ShownParagraph]]] = field(default_factory=list)


@dataclass
class ShownFinding:
    """A finding with its number on the page (the superscript in the letter and its entry in the list)."""

    number: int
    finding: Finding
    where: str
    in_text: bool = False


@dataclass
class Group:
    """Findings that say the same thing (rule, message, advice): explained once, each place listed."""

    first: Finding
    items: list[ShownFinding]


@lru_cache(maxsize=1)
def _environment() -> Environment:
    """One environment per process: the template is compiled once."""
    return Environment(loader=PackageLoader("responsecheck", "templates"),
                       autoescape=select_autoescape(["html", "j2"]), trim_blocks=True, lstrip_blocks=True)


def render_html(report: Report, letter: Letter | None = None) -> str:
    """The page for one report; pass the Letter to show its text with the findings marked in place."""
    by_category = _grouped(report.active_findings())
    active = [shown for groups in by_category.values() for group in groups for shown in group.items]
    suppressed = [ShownFinding(len(active) + n, f, where(f))
                  for n, f in enumerate((f for f in report.findings if f.suppressed), start=1)]
    blocks = _blocks(letter, _paragraphs(letter, active)) if letter else []
    template = _environment().get_template("report.html.j2")
    return template.render(
        report=report, blocks=blocks, has_letter=letter is not None, by_category=by_category,
        numbered={shown.number: shown.finding for shown in active}, suppressed=suppressed,
        counts=report.counts(), element_names=ELEMENT_NAMES, rating_label=RATING_LABELS.get(report.rating or "", ""),
        metrics=[(name, _metric_rows(value)) for name, value in report.metrics.items()],
        title_name=report.file, part_names=PART_NAMES,
    )


def _grouped(findings: list[Finding]) -> dict[str, list[Group]]:
    """Categories in the order they first appear, groups within them, numbered in reading order of the page."""
    groups: dict[str, dict[tuple[str, str, str], list[Finding]]] = defaultdict(dict)
    for finding in findings:
        key = (finding.rule, finding.message, finding.suggestion or "")
        groups[finding.category].setdefault(key, []).append(finding)
    number = 0
    result: dict[str, list[Group]] = {}
    for category, by_key in groups.items():
        result[category] = []
        for items in by_key.values():
            shown = []
            for finding in items:
                number += 1
                shown.append(ShownFinding(number, finding, where(finding)))
            result[category].append(Group(first=items[0], items=shown))
    return result


def where(finding: Finding) -> str:
    """Where a finding is, in words a handler can find in Word."""
    location = finding.location
    if location.part == "document":
        return "whole letter"
    text = PART_NAMES.get(location.part, location.part)
    if location.table is not None and location.row is not None and location.cell is not None:
        text += f" {location.table + 1}, row {location.row + 1}, cell {location.cell + 1}"
    if location.paragraph is not None:
        text += f", paragraph {location.paragraph + 1}"
    return text


def _paragraphs(letter: Letter, findings: list[ShownFinding]) -> list[ShownParagraph]:
    placed: dict[int, list[ShownFinding]] = defaultdict(list)
    for shown in findings:
        location = shown.finding.location
        if location.paragraph is None or location.start is None or location.end is None:
            continue
        if 0 <= location.paragraph < len(letter.paragraphs) and location.end > location.start:
            placed[location.paragraph].append(shown)
            shown.in_text = True
    return [ShownParagraph(index=i, part=p.origin.part, is_heading=p.is_heading,
                           segments=_segments(p.text, placed.get(i, [])))
            for i, p in enumerate(letter.paragraphs)]


def _blocks(letter: Letter, paragraphs: list[ShownParagraph]) -> list[Block]:
    """Put table paragraphs back into their tables, so the page reads like the letter."""
    blocks: list[Block] = []
    current: tuple | None = None
    for shown, source in zip(paragraphs, letter.paragraphs):
        origin = source.origin
        if origin.table is None or origin.row is None or origin.cell is None:
            blocks.append(Block(paragraph=shown))
            current = None
            continue
        key = (origin.part, origin.section, origin.box, origin.table)
        if key != current:
            blocks.append(Block())
            current = key
        rows = blocks[-1].rows
        while len(rows) <= origin.row:
            rows.append([])
        cells = rows[origin.row]
        while len(cells) <= origin.cell:
            cells.append([])
        cells[origin.cell].append(shown)
    for block in blocks:
        width = max((len(row) for row in block.rows), default=0)
        for row in block.rows:
            row.extend([] for _ in range(width - len(row)))
    return blocks


def _segments(text: str, findings: list[ShownFinding]) -> list[Segment]:
    """Cut a paragraph at every finding edge; each piece knows which findings cover it."""
    spans = [(max(0, s.finding.location.start or 0), min(len(text), s.finding.location.end or 0), s)
             for s in findings]
    cuts = sorted({0, len(text), *(a for a, _, _ in spans), *(b for _, b, _ in spans)})
    segments = []
    for a, b in zip(cuts, cuts[1:]):
        if a >= b:
            continue
        covering = [s for start, end, s in spans if start <= a and b <= end]
        severity = max((s.finding.severity for s in covering), key=SEVERITY_RANK.__getitem__, default=None)
        segments.append(Segment(text=text[a:b], findings=[s.number for s in covering], severity=severity,
                                ends=[s.number for start, end, s in spans if end == b and start < b]))
    return segments


def _metric_rows(value: Any, label: str = "") -> list[tuple[str, str]]:
    """A metric as label/value rows: a number, or a score with the inputs it was worked out from."""
    if isinstance(value, dict):
        rows: list[tuple[str, str]] = []
        for key, inner in value.items():
            rows.extend(_metric_rows(inner, f"{label} {key}".strip()))
        return rows
    return [(label, _plain(value))]


def _plain(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:.1f}"
    if isinstance(value, (list, tuple)):
        return ", ".join(_plain(v) for v in value)
    return str(value)
