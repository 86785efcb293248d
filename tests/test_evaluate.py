"""`responsecheck eval` on a set whose labels are malformed: one sentence naming the file, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from responsecheck.cli import main


@pytest.mark.parametrize(("labels", "says"), [
    ("- file: a.txt\n  profile: hos\n  stage: 1\n  elements: [apology]\n", "entry 1, elements"),
    ("- file: a.txt\n", "entry 1, profile"),
    ("file: a.txt\n", "must be a list"),
    ("- file: [\n", "not valid YAML"),
    (None, "cannot be read"),
])
def test_malformed_labels_are_exit_8_naming_the_file(tmp_path: Path, labels: str | None, says: str) -> None:
    (tmp_path / "a.txt").write_text("Dear Mr Jones,\n\nWe are sorry.\n", encoding="utf-8")
    if labels is not None:
        (tmp_path / "labels.yaml").write_text(labels, encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", str(tmp_path)])
    assert result.exit_code == 8 and says in result.output and "labels.yaml" in result.output
    assert isinstance(result.exception, SystemExit)


def test_a_labelled_letter_that_cannot_be_read_is_its_exit_code(tmp_path: Path) -> None:
    (tmp_path / "labels.yaml").write_text("- file: gone.txt\n  profile: hos\n  stage: 1\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", str(tmp_path)])
    assert result.exit_code == 3 and "gone.txt" in result.output
