"""Terminal output: summary first, findings grouped, colour only on a terminal, readable for long letters."""

from __future__ import annotations

import io

from rich.console import Console

from responsecheck import api
from responsecheck.readers import read_text_input
from responsecheck.render.text import MAX_GROUPS, render_text
from responsecheck.report import Finding, Location, Report
from responsecheck.scoring import finish

LETTER = """Dear Mr Khan,

Stage 1 response to your complaint

You told us the bathroom extractor fan has not worked since June. I have upheld your complaint.

Yours sincerely,
"""


def _render(report: Report, terminal: bool, quiet: bool = False, width: int = 80) -> str:
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=terminal, width=width, highlight=False,
                      color_system="standard" if terminal else None)
    render_text(report, console, quiet=quiet)
    return buffer.getvalue()


def _finding(rule: str, text: str, paragraph: int, category: str = "jargon") -> Finding:
    return Finding(rule=rule, category=category, severity="warning", message="A long explanation " * 8,
                   text=text, suggestion="a plainer word",
                   location=Location(part="body", paragraph=paragraph, start=0, end=len(text)))


def _report() -> Report:
    return api.check(read_text_input(LETTER, "letter.txt"))


def test_summary_comes_first_and_colour_only_on_a_terminal() -> None:
    report = _report()
    piped = _render(report, terminal=False)
    assert "\x1b[" not in piped
    lines = piped.splitlines()
    assert lines[0].startswith("letter.txt") and report.rating.upper() in lines[0] and f"{report.score}/100" in lines[0]
    assert lines[2].lstrip().startswith("Elements") and "✗ apology" in piped
    assert piped.index("Elements") < piped.index("Missing element") < piped.index("Required elements")
    assert "\x1b[" in _render(report, terminal=True)


def test_quiet_is_the_verdict_line_only() -> None:
    out = _render(_report(), terminal=False, quiet=True)
    assert len(out.splitlines()) == 1 and "not ready to send" in out


def test_long_letters_stay_readable() -> None:
    report = _report()
    report.findings += [_finding("jargon.void", "void", paragraph=i % 5) for i in range(30)]
    report.findings += [_finding(f"jargon.word{i}", f"word{i}", paragraph=1) for i in range(MAX_GROUPS + 4)]
    finish(report)
    out = _render(report, terminal=False, width=80)
    assert all(len(line) <= 80 and line == line.rstrip() for line in out.splitlines())
    assert out.count("“void”") == 1 and "“void” ×30 ¶1, ¶2, ¶3, ¶4 +26" in out
    assert f"Jargon ({30 + MAX_GROUPS + 4})" in out
    assert "… and 5 more: see the full list with --format html or --format json" in out
    assert "A long explanation A long explanation" in out  # wrapped, not cut


def test_suppressed_and_not_checked_are_listed() -> None:
    report = _report()
    hidden = _finding("stigma.x", "our tenants", paragraph=1, category="stigma")
    hidden.suppressed, hidden.suppressed_by = True, "allowed in .responsecheck.yaml (stigma.x): quoting a policy"
    report.findings.append(hidden)
    out = _render(finish(report), terminal=False)
    assert "Accepted on purpose (1, not counted)" in out and "quoting a policy" in out
    assert "Stigma" not in out.split("Accepted on purpose")[0]


def test_summary_gives_the_readability_scores_with_their_counts() -> None:
    report = _report()
    reading = report.metrics["readability"]
    out = _render(report, terminal=False, width=200)
    lines = out.splitlines()
    at = next(i for i, line in enumerate(lines) if line.strip().startswith("Readability"))
    assert f"Flesch {reading['flesch_reading_ease']:g}" in lines[at]
    assert f"from {reading['words']} words, {reading['sentences']} sentences" in lines[at + 1]
