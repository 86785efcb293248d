"""Shared fixtures: one loaded pipeline for the whole session, as in production."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def nlp():
    from responsecheck import nlp as nlp_module

    return nlp_module.load()


# Browser tests: Debian's Chromium driven by Playwright (never a browser download), pages checked
# with axe-core from npm in .tools/ (scripts/setup.sh). In CI (CI=true) a missing browser or axe
# fails the test; elsewhere it is skipped with the command that installs it.
CHROMIUM = Path("/usr/bin/chromium")
AXE = ROOT / ".tools" / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]


def _need(path: Path, install: str) -> None:
    if path.exists():
        return
    message = f"{path} is missing ({install}; see scripts/setup.sh)"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="module")
def browser():
    """Per module, not per session: Playwright's sync API holds an event loop while it runs."""
    _need(CHROMIUM, "apt-get install chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture()
def axe_violations():
    """Run axe-core in a page: a list of 'id: help (first node)' for each violation, [] when clean."""
    _need(AXE, "npm install --prefix .tools axe-core@4.14.1")

    def violations(page) -> list[str]:
        if not page.evaluate("typeof axe !== 'undefined'"):
            page.add_script_tag(path=str(AXE))
        return page.evaluate(
            "async (tags) => (await axe.run(document, {runOnly: {type: 'tag', values: tags}})).violations"
            ".map(v => `${v.id}: ${v.help} (${v.nodes.length} node(s), e.g. ${v.nodes[0].html.slice(0, 120)})`)",
            AXE_TAGS)

    return violations
