"""Tracked changes, comments, hidden text and Word fields in real .docx files built like Word's."""

from __future__ import annotations

import sys
from pathlib import Path

from responsecheck import CheckOptions, check
from responsecheck.readers import read_path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fixtures"))
from docx_builder import Heading, LetterSpec, Table, build, plain_text  # noqa: E402

OPTIONS = CheckOptions(profile="hos", stage=1)
BODY = [
    Heading("Stage 1 response"),
    "We will repair the gate within {-5-}{+10+} working days.",
    "{<We apologise for the delay.<}The gate was reported in May.",
    "Your complaint is {*upheld*}. {>We apologise for the delay.>}",
    "{@Check the amount with finance::We will pay you £80.@}{#Note: resident was rude#}",
    Table([["Remedy", "Date"], ["New latch", "{+12 June 2026+}"]]),
]


def _categories(report, category):
    return [f for f in report.findings if f.category == category]


def test_every_kind_of_leftover_is_reported(tmp_path: Path) -> None:
    report = check(build(LetterSpec(body=BODY, author="Sam Drafter"), tmp_path / "draft.docx"), options=OPTIONS)
    changes = _categories(report, "tracked_changes")
    assert sorted(f.rule.rsplit(".", 1)[1] for f in changes) == ["del", "ins", "ins", "moveFrom", "moveTo", "rPrChange"]
    assert all(f.severity == "error" and "Sam Drafter" in f.message for f in changes)
    assert {f.text for f in changes} >= {"10", "5", "upheld", "We apologise for the delay.", "12 June 2026"}
    comments = _categories(report, "comments")
    assert [c.text for c in comments] == ["Check the amount with finance"]
    assert comments[0].location.paragraph is not None
    assert [h.text for h in _categories(report, "hidden_text")] == ["Note: resident was rude"]


def test_inserted_words_are_located_in_the_paragraph(tmp_path: Path) -> None:
    report = check(build(LetterSpec(body=BODY), tmp_path / "draft.docx"), options=OPTIONS)
    inserted = next(f for f in _categories(report, "tracked_changes") if f.text == "10")
    letter = read_path(tmp_path / "draft.docx")
    paragraph = letter.paragraphs[inserted.location.paragraph].text
    assert paragraph[inserted.location.start:inserted.location.end] == "10"


def test_reader_shows_the_accepted_text(tmp_path: Path) -> None:
    letter = read_path(build(LetterSpec(body=BODY), tmp_path / "draft.docx"))
    texts = [p.text for p in letter.paragraphs]
    assert plain_text(BODY[1]) in texts
    assert "The gate was reported in May." in texts  # the moved-away sentence is gone
    assert "Note: resident was rude" not in " ".join(texts)


def test_clean_letter_has_no_leftovers(tmp_path: Path) -> None:
    body = [plain_text(b) if isinstance(b, str)
            else Table([[plain_text(c) for c in row] for row in b.rows]) if isinstance(b, Table) else b
            for b in BODY]
    report = check(build(LetterSpec(body=body), tmp_path / "clean.docx"), options=OPTIONS)
    assert not [f for f in report.findings if f.category in ("tracked_changes", "comments", "hidden_text")]


def test_stale_and_unfilled_fields(tmp_path: Path) -> None:
    body = [
        "{=MERGEFIELD AddressBlock::=}",
        "Dear {=MERGEFIELD Title::=} Khan",
        "As set out in section {=!REF _Ref12 \\h::4=}, the charge was wrong.",
        "Yours sincerely {=MERGEFIELD Signatory::Ann Lee=}",
    ]
    report = check(build(LetterSpec(body=body), tmp_path / "fields.docx"), options=OPTIONS)
    fields = [f for f in report.findings if f.rule == "placeholder.word_field"]
    assert len(fields) == 3
    assert any("never updated" in f.message and f.text == "4" for f in fields)
    unfilled = [f for f in fields if "never filled in" in f.message]
    assert [f.text for f in unfilled] == ["MERGEFIELD AddressBlock", "MERGEFIELD Title"]
    assert unfilled[0].location.part == "document"  # its paragraph shows no text at all
