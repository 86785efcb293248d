"""The HTML report in a real browser: Debian's Chromium driven by Playwright, checked with axe-core.

Playwright never downloads a browser here: it is pointed at /usr/bin/chromium. axe-core comes from
npm into .tools/ (scripts/setup.sh). In CI (CI=true) a missing browser or axe fails the test;
elsewhere it is skipped with the command that installs it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from responsecheck import api
from responsecheck.options import CheckOptions
from responsecheck.readers import read_bytes
from responsecheck.render.html import render_html

@pytest.fixture()
def page_file(tmp_path: Path, draft_bytes: bytes, house_style) -> tuple[Path, object]:
    letter = read_bytes(draft_bytes, "draft.docx")
    # with complaint points, so the points table is checked for accessibility too
    report = api.check(letter, options=CheckOptions(config=house_style, complaint_points=(
        "The boiler broke down", "The operative was rude")))
    path = tmp_path / "report.html"
    path.write_text(render_html(report, letter), encoding="utf-8")
    return path, report


def test_page_shows_the_report_and_explains_marks_on_hover(browser, page_file, tmp_path: Path) -> None:
    path, report = page_file
    page = browser.new_page(viewport={"width": 1100, "height": 900})
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(path.as_uri())
    assert requests == [path.as_uri()]  # nothing fetched: no CDN, fonts or scripts
    rating = page.locator(".masthead .rating")
    assert rating.inner_text().endswith({"red": "Red: not ready to send", "amber": "Amber: check before sending",
                                         "green": "Green: ready to send"}[report.rating])
    rows = page.locator("#elements table.elements tbody tr")
    assert rows.count() == len(report.elements)
    assert page.locator("#points tbody tr").count() == len(report.complaint_points) == 2
    assert "Present" in rows.nth(0).inner_text() and "Stage 1 response to your complaint" in rows.nth(0).inner_text()
    mark = page.locator(".letter mark.hl", has_text="refused access")
    tip = mark.locator(".tip")
    assert not tip.is_visible()
    mark.hover()
    assert tip.is_visible() and "Says the resident is to blame" in tip.inner_text()
    ref = page.locator(".letter a.ref").first
    target = ref.get_attribute("href")
    ref.click()
    assert page.evaluate("location.hash") == target and page.locator(f"{target}").is_visible()
    assert page.locator("#findings .occurrences li").count() == len(report.active_findings())
    numbers = [int(n) for n in page.locator("#findings .occurrences .num").all_inner_texts()]
    assert numbers == list(range(1, len(numbers) + 1))  # numbered in the order the page reads
    shot = tmp_path / "report.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 20_000 and shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    page.emulate_media(media="print")
    assert not page.locator("nav").is_visible()
    page.close()


def test_axe_finds_no_accessibility_violations(browser, axe_violations, page_file) -> None:
    path, _ = page_file
    page = browser.new_page()
    page.goto(path.as_uri())
    assert axe_violations(page) == []
    page.locator(".letter mark.hl").first.hover()
    assert axe_violations(page) == []
    page.close()
