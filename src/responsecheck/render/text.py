"""Terminal output for a person: a compact summary first, then findings by category, then the evidence.

rich decides colour: colour on a terminal, plain text when piped or written to a file (and never
when NO_COLOR is set). A long letter must not become a wall of text, so every line is cut to one
screen line, the same words flagged by the same rule are shown once with where they recur, and
each category lists at most MAX_GROUPS lines, pointing to the HTML or JSON report for the rest.
"""

from __future__ import annotations

import textwrap
from collections import defaultdict

from rich.console import Console
from rich.markup import escape

from ..config import normalise
from ..report import Element, Finding, Location, Report
from .names import ELEMENT_NAMES, SHORT_NAMES

_RATING_STYLE = {"red": "bold white on red", "amber": "bold black on yellow", "green": "bold white on green"}
_STATUS_MARK = {"present": "[green]✓[/]", "missing": "[red]✗[/]", "not_applicable": "[dim]–[/]"}
_SEVERITY_STYLE = {"error": "red", "warning": "yellow", "suggestion": "cyan"}
#: Lines per category before the rest is left to the HTML or JSON report.
MAX_GROUPS = 8
#: Where explanations start, under the severity column.
INDENT = 13
#: Places listed for words that recur before "+N".
MAX_PLACES = 4
#: Different wordings listed under one message before "+N more".
MAX_WORDINGS = 6


def render_text(report: Report, console: Console, quiet: bool = False) -> None:
    if report.error:
        console.print(f"[bold red]{escape(report.file)}: cannot check[/] — {escape(report.error.message)}")
        return
    console.print(_verdict(report))
    if quiet:
        return
    _summary(report, console)
    _findings(report, console)
    _points(report, console)
    _elements(report, console)
    _suppressed_and_skipped(report, console)


def _verdict(report: Report) -> str:
    verdict = "ready to send" if report.send_ok else "not ready to send"
    rating = report.rating or "red"
    return (f"[bold]{escape(report.file)}[/]  [{_RATING_STYLE[rating]}] {rating.upper()} [/]"
            f"  score {report.score}/100  {verdict}")


def _summary(report: Report, console: Console) -> None:
    console.print(f"  [dim]stage {report.stage} ({report.stage_source}) · {str(report.profile).upper()} "
                  f"({report.profile_source}) · decision {str(report.decision).replace('_', ' ')}[/]")
    required = [e for e in report.elements if e.required]
    present = sum(e.status == "present" for e in required)
    marks = [f"{_STATUS_MARK[e.status]} {SHORT_NAMES.get(e.id, e.id)}" for e in required]
    widths = [2 + len(SHORT_NAMES.get(e.id, e.id)) for e in required]
    line, used = f"  Elements {present}/{len(required)} ", 12 + len(str(present)) + len(str(len(required)))
    for mark, width in zip(marks, widths):
        if used + width + 2 > console.width:
            console.print(line.rstrip())
            line, used = " " * 14, 14
        line, used = f"{line} {mark} ", used + width + 2
    console.print(line.rstrip())
    counts = report.counts()
    suppressed = len(report.findings) - len(report.active_findings())
    line = (f"  Findings [red]{counts['error']} error(s)[/] · [yellow]{counts['warning']} warning(s)[/] · "
            f"[cyan]{counts['suggestion']} suggestion(s)[/]")
    console.print(line + (f" · {suppressed} accepted on purpose" if suppressed else ""))
    reading = report.metrics.get("readability") or {}
    if reading.get("sentences"):
        console.print(f"  Readability Flesch {reading['flesch_reading_ease']:g} · grade "
                      f"{reading['flesch_kincaid_grade']:g} · {reading['average_sentence_words']:g} words a sentence · "
                      f"{reading['passive_sentences_percent']:g}% passive")
        console.print(f"[dim]{' ' * 14}from {reading['words']} words, {reading['sentences']} sentences, "
                      f"{reading['syllables']} syllables of running prose[/]")


def _findings(report: Report, console: Console) -> None:
    by_category: dict[str, list[Finding]] = defaultdict(list)
    for finding in report.active_findings():
        if finding.category != "unanswered_point":  # shown with the point list instead
            by_category[finding.category].append(finding)
    for category, items in by_category.items():
        console.print()
        groups = _group(items)
        console.print(f"[bold]{escape(category.replace('_', ' ').capitalize())}[/] ({len(items)})")
        for group in groups[:MAX_GROUPS]:
            _group_lines(group, console)
        if len(groups) > MAX_GROUPS:
            rest = sum(len(g) for g in groups[MAX_GROUPS:])
            console.print(f"  [dim]… and {rest} more: see the full list with --format html or --format json[/]")


def _group(items: list[Finding]) -> list[list[Finding]]:
    """Findings that say the same thing (same rule, message and advice), in the order they first appear."""
    groups: dict[tuple[str, str, str], list[Finding]] = {}
    for finding in items:
        groups.setdefault((finding.rule, finding.message, finding.suggestion or ""), []).append(finding)
    return list(groups.values())


def _group_lines(group: list[Finding], console: Console) -> None:
    """The severity and message once, the advice once, then the words and where each occurs."""
    first = group[0]
    label = f"{first.severity:<10} "
    message = first.message
    if first.category == "missing_element" and first.rule.startswith("element."):
        message = f"{ELEMENT_NAMES.get(first.rule.removeprefix('element.'), first.rule)}: {message}"
    lines = textwrap.wrap(message, width=max(20, console.width - INDENT))
    console.print(f"  [{_SEVERITY_STYLE[first.severity]}]{label}[/]{escape(lines[0])}", no_wrap=True,
                  overflow="fold")
    for line in lines[1:]:
        console.print(" " * INDENT + escape(line), no_wrap=True, overflow="fold")
    if first.suggestion:
        _indented(console, f"→ {first.suggestion}", INDENT, "dim")
    occurrences = _occurrences(group)
    if occurrences:
        _indented(console, occurrences, INDENT)


def _occurrences(group: list[Finding]) -> str:
    """“words” ¶3, ¶9 · “other words” table ¶14 — each distinct wording once, with its places."""
    by_words: dict[str, list[Finding]] = {}
    for finding in group:
        if finding.text or finding.location.part != "document":
            by_words.setdefault(normalise(finding.text), []).append(finding)
    items = []
    for findings in list(by_words.values())[:MAX_WORDINGS]:
        text = findings[0].text
        places = [where(f.location) for f in findings if f.location.part != "document"]
        shown = ", ".join(places[:MAX_PLACES]) + (f" +{len(places) - MAX_PLACES}" if len(places) > MAX_PLACES else "")
        times = f" ×{len(findings)}" if len(findings) > 1 else ""
        items.append(f"“{_cut(text, 40)}”{times} {shown}".strip() if text else shown)
    if len(by_words) > MAX_WORDINGS:
        items.append(f"+{len(by_words) - MAX_WORDINGS} more")
    return " · ".join(items)


def _points(report: Report, console: Console) -> None:
    """Each point of the complaint, ✓ with the paragraph that answers it or ✗, and the outcome asked for."""
    points = report.complaint_points
    if points is None:
        return
    console.print()
    answered = sum(p.status == "addressed" for p in points)
    console.print(f"[bold]Complaint points[/] ({answered} of {len(points)} answered)")
    for point in points:
        mark = _STATUS_MARK["present" if point.status == "addressed" else "missing"]
        places = ", ".join(dict.fromkeys(where(e.location) for e in point.evidence))
        if places and point.answered_by == "meaning":
            places += " (close in meaning: check)"
        nearest = f" [dim](nearest {where(point.nearest.location)})[/]" if point.nearest else ""
        tail = f"  [dim]{places}[/]" if places else f"  [red]not answered[/]{nearest}"
        asked = " [dim](asked for)[/]" if point.request else ""
        room = max(20, _room(console) - len(places or "not answered (nearest ¶00)") - 12)
        console.print(f"  {mark} {point.id} “{escape(_cut(point.text, room))}”{asked}{tail}", no_wrap=True,
                      overflow="ellipsis")
    if any(p.status == "not_addressed" for p in points):
        _indented(console, "→ For each ✗, say what you found and what you decided, with reasons; if it is "
                  "outside this complaint, say so and why.", 4, "dim")
    if report.metrics.get("complaint_points", {}).get("source") == "complaint":
        _indented(console, "→ Points read wrongly from the complaint? List them with responsecheck points COMPLAINT -o points.txt "
                  "(COMPLAINT: its file, or the case file), correct the file, then check again with --points points.txt.", 4, "dim")
    outcome = report.outcome_requested
    if outcome is not None:
        state = "[green]answered[/]" if outcome.answered else "[red]not fully answered[/]"
        console.print(f"  Outcome asked for ({', '.join(outcome.points)}): {state}")


def _elements(report: Report, console: Console) -> None:
    console.print()
    console.print("[bold]Required elements[/]")
    for element in report.elements:
        console.print(_element_line(element, console), overflow="ellipsis", no_wrap=True)


def _element_line(element: Element, console: Console) -> str:
    name = ELEMENT_NAMES.get(element.id, element.id)
    shown = element.value and element.status == "present" and element.id in ("stage_label", "decision")
    value = f" ({element.value.replace('_', ' ')})" if shown and element.value else ""
    need = "" if element.required or element.status != "missing" else " [dim](not required here)[/]"
    line = f"  {_STATUS_MARK[element.status]} {escape(name + value)}{need}"
    if element.evidence:
        evidence = element.evidence[0]
        room = max(20, _room(console) - len(name) - len(value) - 16)
        line += f"  [dim]“{escape(_cut(evidence.text, room))}” {where(evidence.location)}[/]"
    return line


def _suppressed_and_skipped(report: Report, console: Console) -> None:
    suppressed = [f for f in report.findings if f.suppressed]
    if suppressed:
        console.print()
        console.print(f"[bold]Accepted on purpose[/] ({len(suppressed)}, not counted)")
        for finding in suppressed[:MAX_GROUPS]:
            words = f" “{escape(_cut(finding.text, 40))}”" if finding.text else ""
            console.print(f"  {escape(finding.rule)}{words}", overflow="ellipsis", no_wrap=True)
            _indented(console, finding.suppressed_by or "", 4, "dim")
        if len(suppressed) > MAX_GROUPS:
            console.print(f"  [dim]… and {len(suppressed) - MAX_GROUPS} more (see --format json)[/]")
    if report.skipped:
        console.print()
        for skipped in report.skipped:
            _indented(console, f"Not checked: {skipped.check.replace('_', ' ')} — {skipped.reason}", 0, "dim")


def _indented(console: Console, text: str, indent: int, style: str = "") -> None:
    """Wrap plain text under a hanging indent, so explanations are never cut (and lines carry no padding)."""
    for line in textwrap.wrap(text, width=max(20, console.width - indent)):
        console.print(" " * indent + escape(line), style=style, no_wrap=True, overflow="fold")


def where(location: Location) -> str:
    """A short place a handler can find: ¶ is the paragraph number in reading order."""
    if location.part == "document":
        return ""
    part = "" if location.part == "body" else f"{location.part.replace('textbox', 'text box')} "
    return f"{part}¶{location.paragraph + 1}" if location.paragraph is not None else part.strip()


def _room(console: Console) -> int:
    return max(30, console.width - 14)


def _cut(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
