"""House style and suppressions: validated on load, applied before scoring, never silently dropping a finding."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from responsecheck import api
from responsecheck.cli import main
from responsecheck.config import CONFIG_NAME, apply, find_config, load_config
from responsecheck.errors import RulesError
from responsecheck.options import CheckOptions
from responsecheck.readers import read_text_input
from responsecheck.report import Finding, Location, Report
from responsecheck.scoring import finish

LETTER = """Dear Ms Okafor,

Stage 1 response to your complaint

You told us that the Riverside Hub did not answer your calls about the leak. Our operative was refused access on 4 May.

I have partly upheld your complaint. I am sorry that we did not call you back.
"""


def _config(tmp_path: Path, text: str) -> Path:
    path = tmp_path / CONFIG_NAME
    path.write_text(text, encoding="utf-8")
    return path


def _report(*findings: Finding) -> Report:
    return Report(file="x.docx", findings=list(findings))


def _finding(rule: str, category: str, severity: str = "warning", text: str = "") -> Finding:
    return Finding(rule=rule, category=category, severity=severity, message="m", text=text,
                   location=Location(part="body", paragraph=0, start=0, end=len(text)))


def test_allow_by_rule_and_words_keeps_the_finding_marked_suppressed(tmp_path: Path) -> None:
    config = load_config(_config(tmp_path, """
allow:
  - rule: stigma.refused-access
    text: "Refused  access"
    reason: quoting the contractor's report
"""))
    report = _report(_finding("stigma.refused-access", "stigma", "error", "refused access"),
                     _finding("stigma.refused-access", "stigma", "error", "refused entry"))
    finish(apply(config, report))
    allowed, other = report.findings
    assert allowed.suppressed and "quoting the contractor's report" in allowed.suppressed_by
    assert str(tmp_path / CONFIG_NAME) in allowed.suppressed_by
    assert not other.suppressed and report.rating == "red"  # the other wording still counts


def test_suppressed_findings_do_not_count_towards_score_or_exit(tmp_path: Path) -> None:
    config = load_config(_config(tmp_path, "allow:\n  - rule: stigma\n"))
    report = finish(apply(config, _report(_finding("stigma.x", "stigma", "error", "x"))))
    assert report.score == 100 and report.send_ok and len(report.findings) == 1


def test_accepted_words_are_suppressed_whatever_the_rule(tmp_path: Path) -> None:
    config = load_config(_config(tmp_path, "accept: [Riverside Hub]\n"))
    report = apply(config, _report(_finding("spelling.unknown", "spelling", text="riverside hub"),
                                   _finding("jargon.hub", "jargon", text="hub")))
    assert [f.suppressed for f in report.findings] == [True, False]
    assert report.findings[0].suppressed_by.startswith("accepted word")


def test_disable_category_enable_one_rule_and_say_what_was_turned_off(tmp_path: Path) -> None:
    config = load_config(_config(tmp_path, "disable: [passive_voice]\nenable: [passive_voice.keep]\n"))
    report = apply(config, _report(_finding("passive_voice.agentless", "passive_voice"),
                                   _finding("passive_voice.agentless", "passive_voice"),
                                   _finding("passive_voice.keep", "passive_voice")))
    assert [f.rule for f in report.findings] == ["passive_voice.keep"]
    assert [(s.check, s.reason) for s in report.skipped] == [
        ("passive_voice", f"turned off in {tmp_path / CONFIG_NAME} (2 findings not shown)")]


def test_severity_most_specific_selector_wins(tmp_path: Path) -> None:
    config = load_config(_config(tmp_path, "severity:\n  jargon: suggestion\n  jargon.void: error\n  'jargon.v*': warning\n"))
    report = apply(config, _report(_finding("jargon.void", "jargon"), _finding("jargon.voids", "jargon"),
                                   _finding("jargon.decant", "jargon")))
    assert [f.severity for f in report.findings] == ["error", "warning", "suggestion"]


@pytest.mark.parametrize("text, where", [
    ("allow:\n  - rul: stigma\n", "allow.0.rul"),
    ("severity:\n  jargon: fatal\n", "severity.jargon"),
    ("disable: [Not A Rule]\n", "disable"),
    ("words:\n  - id: x\n    category: stigma\n    terms: []\n", "words.0.terms"),
    ("colour: red\n", "colour"),
])
def test_invalid_config_names_file_and_place(tmp_path: Path, text: str, where: str) -> None:
    path = _config(tmp_path, text)
    with pytest.raises(RulesError) as raised:
        load_config(path)
    assert str(path) in raised.value.message and f"invalid at {where}" in raised.value.message


def test_cli_bad_config_is_exit_8_with_the_file_named(tmp_path: Path) -> None:
    letter = tmp_path / "letter.txt"
    letter.write_text(LETTER, encoding="utf-8")
    path = _config(tmp_path, "allow: [\n")
    result = CliRunner().invoke(main, ["check", str(letter), "--config", str(path)])
    assert result.exit_code == 8 and str(path) in result.output and "not valid YAML" in result.output
    missing = CliRunner().invoke(main, ["check", str(letter), "--config", str(tmp_path / "none.yaml")])
    assert missing.exit_code == 8 and "does not exist" in missing.output


def test_config_is_found_from_the_current_folder_upwards(tmp_path: Path) -> None:
    path = _config(tmp_path, "accept: [Hub]\n")
    nested = tmp_path / "team" / "drafts"
    nested.mkdir(parents=True)
    assert find_config(nested) == path
    assert find_config(Path("/")) is None or find_config(Path("/")).parent == Path("/")


def test_house_words_find_organisation_terms_outside_the_address_block(tmp_path: Path, nlp) -> None:
    config = load_config(_config(tmp_path, """
words:
  - id: hub
    category: jargon
    terms: [Riverside Hub]
    suggestion: our Riverside office
  - id: refused-access
    category: stigma
    severity: error
    terms: [refused access]
"""))
    report = api.check(read_text_input(LETTER, "letter.txt"), options=CheckOptions(config=config))
    found = {(f.rule, f.category, f.severity, f.text) for f in report.findings if f.rule.startswith("house.")}
    assert found == {("house.hub", "jargon", "warning", "Riverside Hub"),
                     ("house.refused-access", "stigma", "error", "refused access")}
    hub = next(f for f in report.findings if f.rule == "house.hub")
    paragraph = read_text_input(LETTER, "letter.txt").paragraphs[hub.location.paragraph].text
    assert paragraph[hub.location.start:hub.location.end] == "Riverside Hub"
    signed = LETTER + "\nYours sincerely,\n\nRiverside Hub team\n"
    report = api.check(read_text_input(signed, "letter.txt"), options=CheckOptions(config=config))
    assert sum(f.rule == "house.hub" for f in report.findings) == 1  # not in the signature


def test_cli_lists_suppressed_findings_in_text_and_json(tmp_path: Path, monkeypatch) -> None:
    letter = tmp_path / "letter.txt"
    letter.write_text(LETTER, encoding="utf-8")
    _config(tmp_path, """
words:
  - {id: hub, category: jargon, terms: [Riverside Hub]}
allow:
  - {rule: house.hub, text: riverside hub, reason: our office's name}
""")
    monkeypatch.chdir(tmp_path)
    text = CliRunner().invoke(main, ["check", str(letter)])
    assert "Accepted on purpose (1, not counted)" in text.output and "our office's name" in text.output
    as_json = json.loads(CliRunner().invoke(main, ["check", str(letter), "--format", "json"]).output)
    suppressed = [f for f in as_json["findings"] if f["suppressed"]]
    assert [f["rule"] for f in suppressed] == ["house.hub"] and "our office's name" in suppressed[0]["suppressed_by"]
    ignored = CliRunner().invoke(main, ["check", str(letter), "--no-config"])
    assert "Accepted on purpose" not in ignored.output


def test_documented_example_is_valid() -> None:
    example = Path(__file__).resolve().parents[1] / "docs" / "examples" / "responsecheck.yaml"
    config = load_config(example)
    assert config.allow and config.accept and config.disable and config.severity and config.words


def test_a_config_nested_thousands_deep_is_exit_8_not_a_recursion_error(tmp_path: Path) -> None:
    path = tmp_path / CONFIG_NAME
    path.write_text("accept: " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    with pytest.raises(RulesError) as caught:
        load_config(path)
    assert str(path) in caught.value.message
