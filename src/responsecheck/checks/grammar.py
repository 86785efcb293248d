"""Grammar through LanguageTool, on a server the organisation runs; never a download.

LanguageTool's jars are on no package registry this project can use, and language_tool_python
downloads them (from GitHub) whenever it is built without a server. So the check only ever talks
to a server: the URL comes from `--languagetool-url`, CheckOptions.languagetool_url or the
RESPONSECHECK_LANGUAGETOOL_URL environment variable. The server is probed once per process
(GET /v2/languages, 2 s timeout) before language_tool_python is built with `remote_server`, and
every failure (refused connection, timeout, bad JSON) is caught: the report then says grammar was
not checked and why, and the other checks carry on. With no URL, grammar is listed as not checked.

LanguageTool's offsets into the letter text map back to paragraphs; its spelling matches are
dropped (the hunspell check does British spelling), and so are matches in the address, sign-off,
letterhead, or inside quotation marks.
"""

from __future__ import annotations

import os
from functools import lru_cache
from typing import Any

from ..report import Finding, Skipped
from . import CheckContext, CheckOutput
from .patterns import quoted_spans
from .wordlists import SKIPPED_ROLES

ENVIRONMENT = "RESPONSECHECK_LANGUAGETOOL_URL"
LANGUAGE = "en-GB"
PROBE_SECONDS = 2.0
SOURCE = "LanguageTool (rule {rule})"
STYLE_TYPES = frozenset({"style", "typographical", "whitespace", "locale-violation", "register"})


def server_url(configured: str | None) -> str | None:
    url = configured or os.environ.get(ENVIRONMENT) or None
    return url.rstrip("/") + "/" if url else None


@lru_cache(maxsize=4)
def connect(url: str) -> Any:
    """A language_tool_python client for the server at `url`, or the reason it cannot be used (a str)."""
    import requests

    try:
        response = requests.get(f"{url}v2/languages", timeout=PROBE_SECONDS)
        response.raise_for_status()
        codes = {entry.get("longCode") for entry in response.json()}
    except (requests.RequestException, ValueError) as exc:
        return f"the LanguageTool server at {url} did not answer ({type(exc).__name__})"
    if LANGUAGE not in codes:
        return f"the LanguageTool server at {url} has no British English ({LANGUAGE})"
    import language_tool_python

    try:
        return language_tool_python.LanguageTool(LANGUAGE, remote_server=url)
    except (language_tool_python.LanguageToolError, requests.RequestException) as exc:
        return f"the LanguageTool server at {url} could not be used ({type(exc).__name__})"


def run(context: CheckContext) -> CheckOutput:
    url = server_url(context.options.languagetool_url)
    if url is None:
        return CheckOutput(skipped=[Skipped(
            check="grammar", reason=f"no LanguageTool server configured "
                                    f"(--languagetool-url or {ENVIRONMENT})")])
    tool = connect(url)
    if isinstance(tool, str):
        return CheckOutput(skipped=[Skipped(check="grammar", reason=str(tool))])
    import language_tool_python
    import requests

    analysis = context.analysis
    try:
        matches = tool.check(analysis.text)
    except (language_tool_python.LanguageToolError, requests.RequestException, KeyError) as exc:
        return CheckOutput(skipped=[Skipped(check="grammar",
                                            reason=f"the LanguageTool server failed ({type(exc).__name__})")])
    findings = []
    for match in matches:
        start, end = match.offset, match.offset + match.error_length
        if match.rule_id.startswith("MORFOLOGIK_RULE") or end <= start:
            continue
        paragraph = analysis.paragraph_at(start)
        if analysis.roles[paragraph] in SKIPPED_ROLES:
            continue
        offset = analysis.paragraph_starts[paragraph]
        if end - offset > len(analysis.letter.paragraphs[paragraph].text):
            continue  # runs over the paragraph break: not a sentence-level error
        quotes = quoted_spans(analysis.letter.paragraphs[paragraph].text)
        if any(qs <= start - offset < qe for qs, qe in quotes):
            continue
        replacements = list(match.replacements)[:3]
        findings.append(Finding(
            rule=f"grammar.{match.rule_id.lower()}", category="grammar",
            severity="suggestion" if match.rule_issue_type in STYLE_TYPES else "warning",
            message=match.message, text=analysis.text[start:end], location=analysis.location(start, end),
            suggestion=f"Try: {', '.join(replacements)}" if replacements else None,
            source=SOURCE.format(rule=match.rule_id)))
    return CheckOutput(findings=findings, metrics={"grammar": {"server": url, "matches": len(matches)}})
