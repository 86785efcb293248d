"""The upload page in a real browser: Debian's Chromium driven by Playwright, against the real server.

Playwright never downloads a browser here: it is pointed at /usr/bin/chromium; axe-core (the
accessibility checker) comes from npm into .tools/. In CI (CI=true) a missing browser or axe fails
the test; elsewhere it is skipped with the command that installs it.
"""

from __future__ import annotations

import io
from pathlib import Path

import docx

from .conftest import TOKEN

ROOT = Path(__file__).resolve().parents[2]
DRAFT = ROOT / "corpora" / "sample" / "draft-stage1.docx"


def _draft_chosen(browser, server, token: str = TOKEN, requests: list[str] | None = None, **page_options):
    """A new page on the upload form with the token typed and the sample draft chosen (the URLs it
    requests recorded in `requests` when given)."""
    page = browser.new_page(**page_options)
    if requests is not None:
        page.on("request", lambda request: requests.append(request.url))
    page.goto(server.url + "/")
    page.get_by_label("Access token").fill(token)
    page.get_by_label("Draft letter").set_input_files(str(DRAFT))
    return page
def test_upload_shows_missing_elements_and_downloads_the_annotated_copy(browser, server) -> None:
    requests: list[str] = []
    page = _draft_chosen(browser, server, requests=requests, accept_downloads=True)
    page.get_by_role("button", name="Check the letter").click()
    page.get_by_text("Checked. The report is below.").wait_for(timeout=60_000)
    report = page.frame_locator("iframe#report")
    missing = report.locator("table.elements tr.status-missing th").all_inner_texts()
    assert {"Apology", "Remedy has a date", "Learning"} <= {name.strip() for name in missing}
    assert "Red: not ready to send" in report.locator(".masthead .rating").inner_text()

    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download the annotated copy").click()
    download = download_info.value
    assert download.suggested_filename == "draft-stage1.checked.docx"
    copy = docx.Document(io.BytesIO(Path(download.path()).read_bytes()))
    assert any(comment.author == "responsecheck" for comment in copy.comments)
    assert all(url.startswith(server.url) or url.startswith("blob:") for url in requests)  # nothing from elsewhere
    page.close()


def test_a_pasted_complaint_is_checked_point_by_point(browser, server) -> None:
    page = _draft_chosen(browser, server)
    page.get_by_label("The resident's complaint (optional)").fill(
        "The entrance door at Spinners Court has not locked since September.\n\n"
        "The caretaker laughed at me when I asked about it.")
    page.get_by_role("button", name="Check the letter").click()
    page.get_by_text("Checked. The report is below.").wait_for(timeout=60_000)
    points = page.frame_locator("iframe#report").locator("#points table tbody tr")
    assert points.count() == 2
    assert "caretaker" in points.nth(1).inner_text()
    page.close()


def test_the_handler_corrects_the_points_found_and_checks_again(browser, server) -> None:
    """"Correct the points found" puts them in the complaint box, one a line, with "One point a line"
    ticked; after a line is deleted, the letter is checked against the lines left, as they are."""
    page = _draft_chosen(browser, server)
    box = page.get_by_label("The resident's complaint (optional)")
    box.fill("The entrance door at Spinners Court has not locked since September.\n\n"
             "The caretaker laughed at me when I asked about it. I want the door fixed this week.")
    page.get_by_role("button", name="Check the letter").click()
    page.get_by_text("Checked. The report is below.").wait_for(timeout=60_000)
    page.get_by_role("button", name="Correct the points found").click()
    lines = box.input_value().split("\n")
    assert len(lines) == 3 and "caretaker" in lines[1]
    assert lines[2].startswith("Asked for: ")  # read back as a request, whatever its wording
    assert page.get_by_label("One point a line", exact=False).is_checked()
    box.fill("\n".join([lines[1], "# a note, not a point", "The stair lights are out", lines[2]]))
    page.get_by_role("button", name="Check the letter").click()
    page.get_by_text("Checked. The report is below.").wait_for(timeout=60_000)
    report = page.frame_locator("iframe#report")
    report.get_by_text("The stair lights are out", exact=True).wait_for(timeout=10_000)  # the new report, not the first
    rows = report.locator("#points table tbody tr")
    assert rows.count() == 3
    assert lines[1] in rows.nth(0).inner_text() and "stair lights" in rows.nth(1).inner_text()
    assert "(asked for)" in rows.nth(2).inner_text()
    assert page.get_by_role("button", name="Correct the points found").is_hidden()  # given points: nothing to correct
    page.close()


def test_one_point_a_line_with_no_points_is_said_and_a_new_complaint_pasted_unticks_it(browser, server) -> None:
    requests: list[str] = []
    page = _draft_chosen(browser, server, requests=requests)
    by_line = page.get_by_label("One point a line", exact=False)
    by_line.check()
    box = page.get_by_label("The resident's complaint (optional)")
    box.fill("# only a note\n\n")
    page.get_by_role("button", name="Check the letter").click()
    assert "has no points" in page.locator("#status.error").inner_text()
    assert not any("/v1/" in url for url in requests)  # said on the page, nothing sent
    # a paste over the whole box is a new complaint, read as the resident wrote it
    box.evaluate("el => { el.select(); el.dispatchEvent(new ClipboardEvent('paste', {bubbles: true})); }")
    assert not by_line.is_checked()
    page.close()


def test_wrong_token_is_shown_as_one_sentence(browser, server) -> None:
    page = _draft_chosen(browser, server, token="not-the-token")
    page.get_by_role("button", name="Check the letter").click()
    status = page.locator("#status.error")
    status.wait_for(timeout=30_000)
    assert status.inner_text() == "A valid token is needed: send the header Authorization: Bearer <token>."
    assert page.locator("iframe#report").is_hidden()
    page.close()


def test_axe_finds_no_accessibility_violations(browser, axe_violations, server) -> None:
    """The page as first shown, and with an error message showing."""
    page = browser.new_page()
    page.goto(server.url + "/")
    assert axe_violations(page) == []
    page.get_by_label("Access token").fill("not-the-token")
    page.get_by_label("Draft letter").set_input_files(str(DRAFT))
    page.get_by_role("button", name="Check the letter").click()
    page.locator("#status.error").wait_for(timeout=30_000)
    assert axe_violations(page) == []
    page.close()


def test_api_docs_render_from_the_server_alone(browser, server) -> None:
    page = browser.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(server.url + "/docs")
    page.get_by_text("/v1/check").first.wait_for(timeout=30_000)
    assert page.get_by_text("/v1/annotate").count() >= 1
    assert requests and all(url.startswith(server.url) or url.startswith("data:") for url in requests)
    page.close()


def test_a_point_spanning_paragraphs_stays_one_line_when_corrected(browser, server) -> None:
    """The split can take a point across a paragraph break; "Correct the points found" must still put it
    on one line, or checking again turns it into two points."""
    page = _draft_chosen(browser, server)
    box = page.get_by_label("The resident's complaint (optional)")
    box.fill("Dear Sir,\n\nI have tried to sort this out over the phone for nearly a year and I have got nowhere.\n\n"
             "Some background. I live in a one bedroom flat above a shop with my wife and our three children.\n\n"
             "The damp in the bedroom is getting worse. I want a transfer.\n")
    page.get_by_role("button", name="Check the letter").click()
    page.get_by_text("Checked. The report is below.").wait_for(timeout=60_000)
    found = page.frame_locator("iframe#report").locator("#points table tbody tr").count()
    page.get_by_role("button", name="Correct the points found").click()
    lines = box.input_value().split("\n")
    assert len(lines) == found and all(line.strip() for line in lines)
    page.close()
