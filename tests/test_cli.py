"""The CLI contract a case system relies on: exit codes, JSON shape, several files, standard input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from responsecheck.cli import main
from responsecheck.report import json_schema

ROOT = Path(__file__).resolve().parents[1]
BAD = ROOT / "tests" / "fixtures" / "bad"
SCHEMA = json.loads((ROOT / "schema" / "report.schema.json").read_text())

GOOD = """Dear Mr Patel,

This is our stage 1 response.

You complained that your boiler broke down twice in December and that we missed an appointment.

I have looked at our repair records. Our records show the engineer did not have the right part.

I have upheld your complaint and I am sorry we let you down.

We will pay you £75 within 10 working days. We have changed how we order boiler parts so this does not happen again.

If you are not happy with this response, you can ask for a stage 2 review within 20 working days.

Yours sincerely,
"""


@pytest.fixture()
def letters(tmp_path: Path) -> dict[str, Path]:
    good = tmp_path / "good.txt"
    good.write_text(GOOD)
    poor = tmp_path / "poor.txt"
    poor.write_text("Dear Mr Patel,\n\nWe regret any inconvenience caused by the boiler.\n\nYours sincerely,\n")
    return {"good": good, "poor": poor}


def test_good_letter_exits_0_and_json_matches_schema(letters) -> None:
    result = CliRunner().invoke(main, ["check", str(letters["good"]), "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    jsonschema.validate(report, SCHEMA)
    assert report["send_ok"] is True and report["stage"] == 1 and report["decision"] == "upheld"
    assert {e["id"] for e in report["elements"]} >= {"stage_label", "apology", "ombudsman"}


def test_missing_elements_exit_1_and_fail_on_never_exits_0(letters) -> None:
    failing = CliRunner().invoke(main, ["check", str(letters["poor"]), "--format", "json"])
    assert failing.exit_code == 1
    report = json.loads(failing.output)
    assert report["send_ok"] is False and report["rating"] == "red"
    assert any(f["rule"] == "element.decision" and f["severity"] == "error" for f in report["findings"])
    assert CliRunner().invoke(main, ["check", str(letters["poor"]), "--fail-on", "never"]).exit_code == 0


def test_several_files_give_an_array_in_order_with_errors_inline(letters) -> None:
    args = ["check", str(letters["good"]), str(BAD / "encrypted.docx"), str(letters["poor"]), "--format", "json"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 4  # the batch is incomplete: the unreadable file's code wins
    reports = json.loads(result.stdout)
    assert [Path(r["file"]).name for r in reports] == ["good.txt", "encrypted.docx", "poor.txt"]
    assert reports[1]["error"]["kind"] == "encrypted" and reports[2]["decision"] == "none"
    for report in reports:
        jsonschema.validate(report, SCHEMA)


def test_standard_input() -> None:
    result = subprocess.run([sys.executable, "-m", "responsecheck.cli", "check", "-", "--format", "json"],
                            input=GOOD, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["file"] == "-"


def test_usage_error_is_2() -> None:
    assert CliRunner().invoke(main, ["check", "--stage", "7", "x.txt"]).exit_code == 2


def test_text_output_names_missing_elements(letters) -> None:
    result = CliRunner().invoke(main, ["check", str(letters["poor"])])
    assert "RED" in result.output and "✗ Apology (not required here)" in result.output  # no decision, no apology owed
    assert "✗ Decision stated" in result.output


def test_published_schema_is_current() -> None:
    assert SCHEMA == json.loads(json.dumps(json_schema())), "run: responsecheck schema > schema/report.schema.json"


def test_start_up_collection_ends_after_the_first_letter() -> None:
    """The relaxed collector thresholds are for start-up only: a fresh `check` process has the
    usual ones back once its first letter is done, so a long run cannot pile up garbage."""
    script = ("import gc, sys\nfrom click.testing import CliRunner\nfrom responsecheck import cli\n"
              "relaxed = gc.get_threshold()\n"
              "CliRunner().invoke(cli.main, ['check', '--fail-on', 'never', '-q', sys.argv[1]])\n"
              "print(relaxed != cli._USUAL_GC, gc.get_threshold() == cli._USUAL_GC, gc.get_freeze_count() > 0)")
    letter = ROOT / "corpora" / "sample" / "draft-stage1.docx"
    out = subprocess.run([sys.executable, "-c", script, str(letter)], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["True", "True", "True"]


@pytest.mark.parametrize("fmt", ["text", "json", "html"])
def test_an_output_that_cannot_be_written_is_one_sentence_and_exit_3(letters, tmp_path: Path, fmt: str) -> None:
    target = tmp_path / "no-such-folder" / f"report.{fmt}"
    result = CliRunner().invoke(main, ["check", str(letters["good"]), "--format", fmt, "-o", str(target)])
    assert result.exit_code == 3 and "cannot write" in result.output
    assert isinstance(result.exception, SystemExit)  # not an OSError's traceback
    written = tmp_path / f"report.{fmt}"
    assert CliRunner().invoke(main, ["check", str(letters["good"]), "--format", fmt, "-o", str(written)]).exit_code == 0
    content = written.read_text()
    assert {"text": "score", "json": '"send_ok"', "html": "<html"}[fmt] in content


def test_an_annotated_copy_that_cannot_be_written_is_one_sentence(tmp_path: Path) -> None:
    draft = ROOT / "corpora" / "sample" / "draft-stage1.docx"
    result = CliRunner().invoke(main, ["annotate", str(draft), "-o", str(tmp_path / "missing" / "copy.docx")])
    assert result.exit_code == 3 and "cannot write" in result.output and isinstance(result.exception, SystemExit)


def test_a_bug_on_one_letter_of_a_batch_is_that_letters_error_not_a_traceback(letters, monkeypatch) -> None:
    """An unexpected exception used to end the run with a traceback and exit code 1 (read by a hook as
    'findings'), losing the reports of every other letter."""
    from responsecheck import api

    real = api.check

    def broken(letter, **kwargs):
        if letter.name == "poor.txt":
            raise TypeError("a reader or check bug")
        return real(letter, **kwargs)

    monkeypatch.setattr(api, "check", broken)
    result = CliRunner().invoke(main, ["check", str(letters["poor"]), str(letters["good"]), "--format", "json"])
    assert result.exit_code == 10 and not isinstance(result.exception, TypeError)
    reports = json.loads(result.stdout)
    assert reports[0]["error"]["kind"] == "check_failed" and reports[1]["send_ok"] is True
    for report in reports:
        jsonschema.validate(report, SCHEMA)


@pytest.mark.parametrize("fmt", ["json", "text", "html"])
def test_the_report_never_replaces_the_letter(letters, tmp_path: Path, fmt: str) -> None:
    """`check draft.docx -o draft.docx` wrote the report over the draft (annotate and points refuse this)."""
    before = letters["good"].read_bytes()
    same = tmp_path / "." / letters["good"].name
    result = CliRunner().invoke(main, ["check", str(letters["good"]), "--format", fmt, "-o", str(same)])
    assert result.exit_code == 2 and "cannot replace" in result.output
    assert letters["good"].read_bytes() == before


def test_standard_input_is_read_no_further_than_the_largest_letter() -> None:
    """An endless stream (a pipe left open, a device) is refused as too large, not read until memory runs out."""
    with open("/dev/zero", "rb") as endless:
        result = subprocess.run([sys.executable, "-m", "responsecheck.cli", "check", "-"], stdin=endless,
                                capture_output=True, text=True, timeout=120)
    assert result.returncode == 7 and "Traceback" not in result.stderr


def test_a_loop_of_links_with_o_is_that_letters_error_not_a_traceback(tmp_path: Path) -> None:
    """`check LOOP -o report.json`: the same-file test resolved the loop (RuntimeError before Python 3.13)."""
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    result = CliRunner().invoke(main, ["check", str(loop), "--format", "json", "-o", str(tmp_path / "r.json")])
    assert result.exit_code == 3 and isinstance(result.exception, SystemExit), result.output


def test_a_spacy_model_that_cannot_be_loaded_is_exit_9_not_each_letters_fault(tmp_path: Path) -> None:
    """A package named en_core_web_sm that spaCy cannot load (a half-finished install): the check's
    catch-all made it exit 10 on every letter, "please report this with the file"; sample, a traceback."""
    import os

    (tmp_path / "en_core_web_sm").mkdir()
    (tmp_path / "en_core_web_sm" / "__init__.py").write_text("", encoding="utf-8")
    letter = tmp_path / "a.txt"
    letter.write_text("Dear Mr Jones,\n\nWe are sorry the repair was late.\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(tmp_path), os.environ.get("PYTHONPATH", "")])}
    for args in (["check", str(letter)], ["sample", str(tmp_path), "--all", "--processes", "1",
                                          "--out", str(tmp_path / "qa.html")]):
        result = subprocess.run([sys.executable, "-m", "responsecheck.cli", *args], capture_output=True, text=True,
                                env=env, timeout=300)
        assert result.returncode == 9 and "cannot be loaded" in result.stderr, result.stderr
        assert "Traceback" not in result.stderr


def test_a_point_that_is_not_utf8_is_a_usage_error_not_a_check_failure(letters) -> None:
    """`--point café` typed in Latin-1 reaches Python as a lone surrogate: the check's UnicodeEncodeError
    became check_failed (exit 10, 'please report this with the file') instead of a usage error."""
    result = CliRunner().invoke(main, ["check", str(letters["good"]), "--point", "The caf\udce9 boiler is broken"])
    assert result.exit_code == 2 and "not UTF-8" in result.output
