"""The manager's QA page in a real browser (Debian's Chromium through Playwright, never a download)."""

from __future__ import annotations

from pathlib import Path

import pytest

from responsecheck.qa.run import run_sample

@pytest.fixture(scope="module")
def run(letters_folder: Path, tmp_path_factory: pytest.TempPathFactory):
    out = tmp_path_factory.mktemp("page") / "qa.html"
    return run_sample(letters_folder / "manifest.csv", size=None, seed=3, stratify_by=None, out=out)


def test_the_page_shows_element_pass_rates_and_links_to_each_letter(browser, run) -> None:
    page = browser.new_page(viewport={"width": 1100, "height": 900})
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(run.page.as_uri())
    assert requests == [run.page.as_uri()]  # self-contained: nothing fetched
    rows = page.locator("table.rates tbody tr")
    assert rows.count() == len(run.summary.elements)
    shown = dict(zip(rows.locator("th").all_inner_texts(), rows.locator("td.rate").all_inner_texts()))
    expected = {e.name: "—" if e.rate is None else f"{100 * e.rate:.0f}%" for e in run.summary.elements}
    assert shown == expected and any(value.endswith("%") for value in shown.values())
    chart = page.locator("#elements figure svg")
    assert chart.get_attribute("role") == "img" and "pass rate" in chart.get_attribute("aria-label")
    assert chart.is_visible() and chart.bounding_box()["height"] > 100
    assert page.locator("table.all-letters tbody tr").count() == len(run.summary.letters) == 8
    # one letter's case names its complaint: the points section counts that one letter
    assert run.summary.points is not None and run.summary.points.letters == 1
    assert page.locator("#points table.points tbody tr").count() == 3
    worst = page.locator("table.worst tbody a").first
    worst.click()
    page.wait_for_load_state()
    assert page.locator("table.elements tbody tr").count() == 10  # the letter's own report opened
    page.go_back()
    page.emulate_media(media="print")
    assert not page.locator("nav").is_visible() and page.locator("table.rates").is_visible()
    page.close()


def test_axe_finds_no_accessibility_violations(browser, axe_violations, run) -> None:
    page = browser.new_page()
    page.goto(run.page.as_uri())
    assert axe_violations(page) == []
    page.close()
