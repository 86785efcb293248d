"""The HTML page, without a browser: self-contained, escaped, findings placed by their Location."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from responsecheck import api
from responsecheck.cli import main
from responsecheck.options import CheckOptions
from responsecheck.readers import read_bytes, read_text_input
from responsecheck.render.html import render_html
from responsecheck.report import Finding, Location, Skipped

LETTER = "Dear Mr Lee,\n\nOur operative said <script>alert(1)</script> you refused access & left.\n\nYours sincerely,\n"


def _finding(number: str, start: int, end: int, severity: str, text: str) -> Finding:
    return Finding(rule=f"test.{number}", category="stigma", severity=severity, message=f"message {number}",
                   text=text, location=Location(part="body", paragraph=1, start=start, end=end))


def test_page_is_self_contained_and_escapes_the_letter() -> None:
    letter = read_text_input(LETTER, "letter.txt")
    report = api.check(letter)
    page = render_html(report, letter)
    assert "<script" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert "@import" not in page and "url(" not in page
    assert '<html lang="en-GB">' in page


def test_overlapping_findings_are_cut_into_flat_segments() -> None:
    letter = read_text_input(LETTER, "letter.txt")
    text = letter.paragraphs[1].text
    start = text.index("you refused")
    report = api.check(letter)
    report.findings = [_finding("a", start, start + len("you refused access"), "warning", "you refused access"),
                       _finding("b", start + 4, start + len("you refused"), "error", "refused")]
    page = render_html(report, letter)
    marks = re.findall(r'<mark class="hl sev-(\w+)">([^<]*)<span class="tip"', page)
    assert marks == [("warning", "you "), ("error", "refused"), ("warning", " access")]
    assert "<mark" not in page.split('<mark class="hl sev-error">')[1].split("</mark>")[0]
    assert page.index('id="ref2"') < page.index('id="ref1"')  # b ends before a


def test_without_the_letter_the_page_has_no_letter_text() -> None:
    letter = read_text_input(LETTER, "letter.txt")
    report = api.check(letter)
    page = render_html(report)
    assert "The letter's text is not part of this page." in page
    assert 'id="letter"' not in page and 'class="para' not in page


def test_metrics_suppressed_and_skipped_are_shown() -> None:
    letter = read_text_input(LETTER, "letter.txt")
    report = api.check(letter)
    report.metrics = {"readability": {"flesch_reading_ease": 61.234, "inputs": {"words": 14, "sentences": 1}}}
    report.skipped = [Skipped(check="grammar", reason="no LanguageTool server is configured")]
    hidden = _finding("c", 0, 3, "error", "Our")
    hidden.suppressed, hidden.suppressed_by = True, "allowed in .responsecheck.yaml (test.c): house name"
    report.findings.append(hidden)
    page = render_html(report, letter)
    assert "Flesch reading ease</th><td>61.2" in page and "Inputs words</th><td>14" in page
    assert "no LanguageTool server is configured" in page
    assert "Accepted on purpose" in page and "house name" in page


def test_cli_writes_the_page(tmp_path: Path, draft_path: Path) -> None:
    out = tmp_path / "report.html"
    result = CliRunner().invoke(main, ["check", str(draft_path), "--format", "html", "-o", str(out), "--no-config"])
    assert result.exit_code in (0, 1), result.output
    page = out.read_text(encoding="utf-8")
    assert "You told us that our operative" in page and "Required elements" in page
    default = CliRunner().invoke(main, ["check", str(draft_path), "--format", "html", "--no-config"])
    assert (tmp_path / "draft.report.html").exists() and "report written to" in default.output


def test_error_report_page(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    result = CliRunner().invoke(main, ["check", str(tmp_path / "gone.docx"), "--format", "html", "-o", str(out)])
    assert result.exit_code == 3 and "does not exist" in out.read_text(encoding="utf-8")


def test_house_style_findings_in_every_part_are_placed(draft_bytes: bytes, house_style) -> None:
    letter = read_bytes(draft_bytes, "draft.docx")
    report = api.check(letter, options=CheckOptions(config=house_style))
    page = render_html(report, letter)
    placed = re.findall(r'<mark class="hl sev-\w+">([^<]*)<span', page)
    assert sorted(placed) == sorted(f.text for f in report.active_findings() if f.text and f.location.start is not None)
