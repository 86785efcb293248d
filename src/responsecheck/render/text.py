"""Terminal output for a person: the verdict first, then the elements, then findings by category.

rich decides colour: colour on a terminal, plain text when piped. Evidence is cut to one line so a
long letter never becomes a wall of text.
"""

from __future__ import annotations

from collections import defaultdict

from rich.console import Console
from rich.markup import escape

from ..report import Report

_RATING_STYLE = {"red": "bold white on red", "amber": "bold black on yellow", "green": "bold white on green"}
_STATUS_MARK = {"present": "[green]✓[/]", "missing": "[red]✗[/]", "not_applicable": "[dim]–[/]"}
_SEVERITY_STYLE = {"error": "red", "warning": "yellow", "suggestion": "cyan"}
_ELEMENT_NAMES = {
    "stage_label": "Stage named", "complaint_summary": "Complaint summarised", "findings": "Findings explained",
    "decision": "Decision stated", "apology": "Apology", "remedy": "Remedy offered",
    "remedy_timescale": "Remedy has a date", "learning": "Learning", "escalation": "How to escalate",
    "ombudsman": "Ombudsman and contact details",
}
EVIDENCE_WIDTH = 90


def render_text(report: Report, console: Console, quiet: bool = False) -> None:
    if report.error:
        console.print(f"[bold red]{escape(report.file)}: cannot check[/] — {escape(report.error.message)}")
        return
    verdict = "ready to send" if report.send_ok else "not ready to send"
    console.print(f"[bold]{escape(report.file)}[/]  [{_RATING_STYLE[report.rating or 'red']}] {str(report.rating).upper()} [/]"
                  f"  score {report.score}/100  {verdict}")
    if quiet:
        return
    console.print(f"[dim]profile {report.profile} ({report.profile_source}), stage {report.stage} "
                  f"({report.stage_source}), decision {report.decision}, model {report.model}[/]")
    console.print()
    console.print("[bold]Required elements[/]")
    for element in report.elements:
        name = _ELEMENT_NAMES.get(element.id, element.id)
        shown = element.value and element.status == "present" and element.id in ("stage_label", "decision")
        value = f" ({element.value})" if shown else ""
        need = "" if element.required or element.status != "missing" else " [dim](not required here)[/]"
        line = f"  {_STATUS_MARK[element.status]} {name}{escape(value)}{need}"
        if element.evidence:
            line += f"  [dim]“{escape(_one_line(element.evidence[0].text))}”[/]"
        console.print(line)
    findings = report.active_findings()
    if findings:
        console.print()
        grouped = defaultdict(list)
        for finding in findings:
            grouped[finding.category].append(finding)
        for category, items in grouped.items():
            console.print(f"[bold]{category.replace('_', ' ').capitalize()}[/] ({len(items)})")
            for finding in items:
                where = _where(finding.location)
                words = f" “{escape(_one_line(finding.text))}”" if finding.text else ""
                console.print(f"  [{_SEVERITY_STYLE[finding.severity]}]{finding.severity}[/]{words} {escape(finding.message)}"
                              f" [dim]{where}[/]")
                if finding.suggestion:
                    console.print(f"    [dim]→ {escape(finding.suggestion)}[/]")
    suppressed = [f for f in report.findings if f.suppressed]
    if suppressed:
        console.print(f"[dim]{len(suppressed)} finding(s) suppressed on purpose.[/]")
    for skipped in report.skipped:
        console.print(f"[dim]Not checked: {escape(skipped.check)} — {escape(skipped.reason)}[/]")


def _one_line(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= EVIDENCE_WIDTH else text[: EVIDENCE_WIDTH - 1] + "…"


def _where(location) -> str:
    if location.part == "document":
        return ""
    where = f"({location.part}"
    if location.paragraph is not None:
        where += f", paragraph {location.paragraph + 1}"
    return where + ")"
