"""Grammar through a LanguageTool server: a loopback server that answers with LanguageTool's own
JSON shapes (/v2/languages, /v2/check), since no LanguageTool jar can be installed here."""

from __future__ import annotations

import json
import re
import socket
import threading
import urllib.parse
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from responsecheck import CheckOptions, check
from responsecheck.checks import grammar
from responsecheck.readers import read_text_input

LANGUAGES = [{"name": "English", "code": "en", "longCode": "en"},
             {"name": "English (GB)", "code": "en", "longCode": "en-GB"},
             {"name": "English (US)", "code": "en", "longCode": "en-US"}]
SOFTWARE = {"name": "LanguageTool", "version": "6.4", "buildDate": "2024-03-28 10:01:42 +0000", "apiVersion": 1,
            "premium": False, "status": ""}
# (pattern, rule id, category, issue type, message, replacement), as LanguageTool 6.x reports them.
RULES = [
    (r"\ba (?=error\b|hour\b)", "EN_A_VS_AN", "MISC", "misspelling",
     "Use “an” instead of ‘a’ if the following word starts with a vowel sound, e.g. ‘an article’, ‘an hour’.",
     "an"),
    (r"\bwe was\b", "PRP_VBD_AGREEMENT", "GRAMMAR", "grammar", "The verb form ‘was’ does not agree with ‘we’.",
     "we were"),
    (r"\brecieve\b", "MORFOLOGIK_RULE_EN_GB", "TYPOS", "misspelling", "Possible spelling mistake found.", "receive"),
]


def _match(text: str, found: re.Match, rule: tuple) -> dict:
    pattern, rule_id, category, issue, message, replacement = rule
    start, length = found.start(), len(found.group(0).rstrip())
    return {"message": message, "shortMessage": "", "replacements": [{"value": replacement}],
            "offset": start, "length": length,
            "context": {"text": text[max(0, start - 20):start + 40], "offset": min(20, start), "length": length},
            "sentence": text, "type": {"typeName": "Other"},
            "rule": {"id": rule_id, "description": message, "issueType": issue,
                     "category": {"id": category, "name": category.title()}, "isPremium": False},
            "ignoreForIncompleteSentence": False, "contextForSureMatch": 0}


class LanguageToolHandler(BaseHTTPRequestHandler):
    def _send(self, payload: object) -> None:
        body = json.dumps(payload).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        if self.path.startswith("/v2/languages"):
            self._send(LANGUAGES)
        else:
            self.send_error(404)

    def do_POST(self) -> None:  # noqa: N802
        form = urllib.parse.parse_qs(self.rfile.read(int(self.headers["Content-Length"])).decode())
        text = form["text"][0]
        matches = [_match(text, m, rule) for rule in RULES for m in re.finditer(rule[0], text, re.I)]
        self.server.requests.append(form)  # type: ignore[attr-defined]
        self._send({"software": SOFTWARE, "warnings": {"incompleteResults": False},
                    "language": {"name": "English (GB)", "code": "en-GB"},
                    "matches": sorted(matches, key=lambda m: m["offset"]), "sentenceRanges": [[0, len(text)]]})

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture()
def server() -> Iterator[ThreadingHTTPServer]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), LanguageToolHandler)
    httpd.requests = []  # type: ignore[attr-defined]
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    grammar.connect.cache_clear()
    yield httpd
    httpd.shutdown()
    httpd.server_close()
    grammar.connect.cache_clear()


LETTER = ("Dear Ms Akhtar,\n\nWe was wrong to close your repair. This was a error on our part.\n\n"
          "We did not recieve the photos you sent.\n\nYours sincerely,\n\nA Shah")


def _report(url: str | None):
    return check(read_text_input(LETTER, "letter.txt"), options=CheckOptions(profile="hos", stage=1,
                                                                             languagetool_url=url))


def test_matches_map_back_to_the_words_in_their_paragraph(server) -> None:
    report = _report(f"http://127.0.0.1:{server.server_port}")
    found = {f.rule: f for f in report.findings if f.category == "grammar"}
    assert set(found) == {"grammar.prp_vbd_agreement", "grammar.en_a_vs_an"}
    agreement = found["grammar.prp_vbd_agreement"]
    assert agreement.text == "We was" and agreement.location.paragraph == 1 and agreement.location.start == 0
    assert agreement.severity == "warning" and agreement.suggestion == "Try: we were"
    article = found["grammar.en_a_vs_an"]
    paragraph = LETTER.split("\n\n")[1]
    assert paragraph[article.location.start:article.location.end] == article.text == "a"
    assert not [s for s in report.skipped if s.check == "grammar"]
    assert server.requests[0]["language"] == ["en-GB"]


def test_languagetool_spelling_is_left_to_the_hunspell_check(server) -> None:
    report = _report(f"http://127.0.0.1:{server.server_port}")
    assert not [f for f in report.findings if f.category == "grammar" and f.text == "recieve"]
    assert [f for f in report.findings if f.category == "spelling" and f.text == "recieve"]


def test_no_server_configured_says_grammar_was_not_checked(monkeypatch) -> None:
    monkeypatch.delenv(grammar.ENVIRONMENT, raising=False)
    report = _report(None)
    assert not [f for f in report.findings if f.category == "grammar"]
    reason = next(s.reason for s in report.skipped if s.check == "grammar")
    assert "no LanguageTool server configured" in reason


def test_environment_variable_names_the_server(server, monkeypatch) -> None:
    monkeypatch.setenv(grammar.ENVIRONMENT, f"http://127.0.0.1:{server.server_port}")
    assert [f for f in _report(None).findings if f.category == "grammar"]


def test_refused_connection_is_reported_not_raised() -> None:
    with socket.socket() as probe:  # a port with nothing listening on it
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    grammar.connect.cache_clear()
    report = _report(f"http://127.0.0.1:{port}")
    reason = next(s.reason for s in report.skipped if s.check == "grammar")
    assert "did not answer (ConnectionError)" in reason
    assert report.findings  # the other checks still ran
    grammar.connect.cache_clear()
