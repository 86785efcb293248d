"""The annotated Word copy: comments on the exact words, read back by python-docx and by LibreOffice."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from click.testing import CliRunner

from responsecheck import api
from responsecheck.cli import main
from responsecheck.options import CheckOptions
from responsecheck.points.source import read_complaint
from responsecheck.readers import read_bytes
from responsecheck.readers.docx_reader import w
from responsecheck.render.docx_annotate import AUTHOR, annotate

PDF_WITH_COMMENTS = 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}'
HINT = "responsecheck check draft.docx --format html -o draft.report.html"


def anchored_comments(data: bytes) -> dict[int, tuple[str, str, str]]:
    """comment id -> (author, comment text, the text its range covers), read from the saved file."""
    document = docx.Document(io.BytesIO(data))
    covered: dict[int, list[str]] = {}
    open_ids: set[int] = set()
    for element in document.element.body.iter():
        if element.tag == w("commentRangeStart"):
            open_ids.add(int(element.get(w("id"))))
            covered.setdefault(int(element.get(w("id"))), [])
        elif element.tag == w("commentRangeEnd"):
            open_ids.discard(int(element.get(w("id"))))
        elif element.tag == w("t"):
            for comment_id in open_ids:
                covered[comment_id].append(element.text or "")
    return {c.comment_id: (c.author, c.text, "".join(covered.get(c.comment_id, []))) for c in document.comments}


@pytest.fixture()
def annotated(draft_bytes, house_style):
    report = api.check(read_bytes(draft_bytes, "draft.docx"), options=CheckOptions(config=house_style))
    return report, annotate(draft_bytes, "draft.docx", report, HINT)


def test_each_finding_is_a_comment_on_its_exact_words(annotated) -> None:
    report, result = annotated
    ours = [v for v in anchored_comments(result.data).values() if v[0] == AUTHOR]
    words = sorted(anchor for _, text, anchor in ours if not text.startswith("responsecheck:"))
    # body across three differently formatted runs, table cell, text box, tracked insertion paragraph,
    # and the tracked insertion itself (a pre-send leftover finding on its inserted words)
    assert words == sorted(["operative", "refused access", "operative", "working days", "working days",
                            "Our tenants", "10"])
    by_words = {anchor: text for _, text, anchor in ours}
    assert "Says the resident is to blame" in by_words["refused access"]
    assert "Try: we could not get into your home" in by_words["refused access"]
    assert "Rule: house.refused-access (stigma)" in by_words["refused access"]
    assert result.anchored == len(words)


def test_summary_comment_at_the_top_lists_what_word_cannot_anchor(annotated) -> None:
    report, result = annotated
    comments = anchored_comments(result.data)
    summary = [v for v in comments.values() if v[1].startswith("responsecheck:")]
    assert len(summary) == 1
    _, text, anchor = summary[0]
    assert anchor == "Dear Mr Jones,"
    assert f"score {report.score}/100" in text and str(report.rating).upper() in text
    # the header's "repairs hub" and the footer's "our tenants" cannot hold comments in Word
    assert "header \u201crepairs hub\u201d" in text and "footer \u201cour tenants\u201d" in text
    assert f"Full report: {HINT}" in text
    missing = [e.id for e in report.elements if e.status == "missing" and e.required]
    assert ("Missing: nothing required is missing." in text) == (not missing)
    # header and footer words, plus findings with no words of the letter to hold (missing elements,
    # deleted text and draft comments)
    assert result.listed == 2 + sum(f.location.start is None for f in report.active_findings())


def test_formatting_tracked_changes_and_existing_comments_survive(draft_bytes, annotated) -> None:
    _, result = annotated
    before = docx.Document(io.BytesIO(draft_bytes))
    after = docx.Document(io.BytesIO(result.data))
    # every run's text and formatting, in order, is the same once the splits are joined up again
    def styled(document):
        chars = []
        for paragraph in document.paragraphs:
            for run in paragraph.runs:
                chars.extend((ch, run.bold, run.font.highlight_color) for ch in run.text)
        return chars
    assert styled(before) == styled(after)
    bold = [r.text for p in after.paragraphs for r in p.runs if r.bold]
    assert "".join(bold) == "said you refused"
    kept = [v for v in anchored_comments(result.data).values() if v[0] == "Team Leader"]
    assert kept == [("Team Leader", "Team leader: check this",
                     "We have changed how we book repairs so this does not happen again.")]
    body = after.element.body
    assert [e.text for e in body.iter(w("delText"))] == ["5"]
    inserted = body.find(f".//{w('ins')}")
    assert inserted.get(w("author")) == "A Handler" and "".join(t.text for t in inserted.iter(w("t"))) == "10"
    assert read_bytes(result.data, "x.docx").text == read_bytes(draft_bytes, "x.docx").text


def test_cli_writes_a_copy_and_never_touches_the_draft(draft_path: Path, house_style, tmp_path: Path) -> None:
    original = draft_path.read_bytes()
    config = tmp_path / ".responsecheck.yaml"
    result = CliRunner().invoke(main, ["annotate", str(draft_path), "--config", str(config)])
    assert result.exit_code == 0, result.output
    copy = tmp_path / "draft.checked.docx"
    assert copy.exists() and draft_path.read_bytes() == original
    assert "7 comment(s) on the words" in result.output  # six house-style words and the tracked insertion
    same = CliRunner().invoke(main, ["annotate", str(draft_path), "-o", str(draft_path)])
    assert same.exit_code == 2 and draft_path.read_bytes() == original


def test_text_letters_are_refused_with_a_pointer_to_the_html_report(tmp_path: Path) -> None:
    letter = tmp_path / "draft.txt"
    letter.write_text("Dear Ms Smith,\n\nThis is the stage 1 response to your complaint.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["annotate", str(letter), "--no-config"])
    assert result.exit_code == 4
    assert "not a Word document" in result.output and "--format html" in result.output
    assert not (tmp_path / "draft.checked.docx").exists()


def test_unreadable_input_keeps_its_exit_code(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["annotate", str(tmp_path / "nowhere.docx"), "--no-config"])
    assert result.exit_code == 3 and "does not exist" in result.output


def _tools() -> str:
    """soffice, with pdftotext beside it: required in CI (failing, not skipping), skipped elsewhere."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None or shutil.which("pdftotext") is None:
        message = "LibreOffice and pdftotext are needed (apt: libreoffice-writer-nogui poppler-utils; scripts/setup.sh)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return soffice


def _pdf_notes(pdf: bytes) -> list[str]:
    """The text of every note annotation LibreOffice exported (UTF-16BE hex strings)."""
    notes = []
    for hexa in re.findall(rb"/Subtype\s*/Text\b.*?/Contents\s*<([0-9A-Fa-f]+)>", pdf, flags=re.S):
        notes.append(bytes.fromhex(hexa.decode()).decode("utf-16"))
    return notes


def test_libreoffice_opens_the_copy_with_its_comments(annotated, tmp_path: Path) -> None:
    soffice = _tools()
    _, result = annotated
    source = tmp_path / "draft.checked.docx"
    source.write_bytes(result.data)
    run = subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path}/lo-profile", "--headless",
                          "--convert-to", PDF_WITH_COMMENTS, "--outdir", str(tmp_path), str(source)],
                         capture_output=True, text=True, timeout=180)
    pdf = tmp_path / "draft.checked.pdf"
    assert run.returncode == 0 and pdf.exists(), run.stderr
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    flat = " ".join(text.split())
    assert "You told us that our operative said you refused access on 3 May" in flat
    assert "Our tenants can call the repairs line." in flat
    # the tracked change is still a tracked change: LibreOffice prints both sides of it
    assert "We will fit the new lock within 510 working days" in flat
    notes = _pdf_notes(pdf.read_bytes())
    assert sum(n.startswith(("Error:", "Warning:", "Suggestion:")) for n in notes) == result.anchored
    assert sum(n.startswith("responsecheck:") for n in notes) == 1
    assert "Team leader: check this" in notes


def test_words_inside_a_tracked_insertion_stay_inside_it(tmp_path: Path, house_style) -> None:
    document = docx.Document()
    document.add_paragraph("Dear Ms Patel,")
    paragraph = document.add_paragraph()._p
    paragraph.append(parse_xml(
        f'<w:ins {nsdecls("w")} w:id="7" w:author="A Handler" w:date="2026-11-01T10:00:00Z">'
        '<w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve">Sadly our operative was late.</w:t></w:r></w:ins>'))
    document.add_paragraph("Yours sincerely,")
    buffer = io.BytesIO()
    document.save(buffer)
    data = buffer.getvalue()
    report = api.check(read_bytes(data, "d.docx"), options=CheckOptions(config=house_style))
    result = annotate(data, "d.docx", report, HINT)
    assert [a for au, t, a in anchored_comments(result.data).values() if t.startswith("Warning")] == ["operative"]
    body = docx.Document(io.BytesIO(result.data)).element.body
    inserted = body.find(f".//{w('ins')}")
    runs = inserted.findall(w("r"))
    assert ["".join(t.text for t in r.iter(w("t"))) for r in runs] == ["Sadly our ", "operative", " was late."]
    assert all(r.find(f"{w('rPr')}/{w('i')}") is not None for r in runs)  # italic kept on every half
    assert inserted.find(f".//{w('commentRangeEnd')}") is not None  # the range ends on the word...
    assert inserted.find(f".//{w('commentReference')}") is None  # ...but the mark is not a tracked insertion
    assert read_bytes(result.data, "d.docx").text == read_bytes(data, "d.docx").text


def test_annotating_an_annotated_copy_keeps_the_earlier_comments_and_says_so(draft_path: Path, tmp_path: Path,
                                                                               house_style) -> None:
    config = str(tmp_path / ".responsecheck.yaml")
    first = CliRunner().invoke(main, ["annotate", str(draft_path), "--config", config])
    assert first.exit_code == 0
    checked = tmp_path / "draft.checked.docx"
    again = CliRunner().invoke(main, ["annotate", str(checked), "-o", str(tmp_path / "again.docx"), "--config", config])
    assert again.exit_code == 0 and "already held 8 comment(s) from an earlier responsecheck run" in again.output
    authors = [v[0] for v in anchored_comments((tmp_path / "again.docx").read_bytes()).values()]
    # 8 from the first run (7 on words + summary), 7 on words + summary from this one
    assert authors.count(AUTHOR) == 16 and authors.count("Team Leader") == 1


CORPUS_WORDS = """
words:
  - {id: you, category: probe, terms: [you, your]}
  - {id: we, category: probe, terms: [we, our]}
  - {id: repair, category: probe, terms: [repair, repairs, complaint, working days, ombudsman]}
"""


@pytest.mark.parametrize("name", ["hos-s1-lowfield-rent", "hos-s1-parkside-heating", "hos-s2-aldhelm-damp",
                                  "psow-s2-morfa-leak", "spso-s1-ardmore-gas-service", "spso-s2-taymouth-rent"])
def test_corpus_letters_every_finding_on_exactly_its_words(name: str, tmp_path: Path) -> None:
    """Dev letters with tables, text boxes, headers and footers; common words give findings everywhere."""
    from responsecheck.config import load_config

    path = tmp_path / ".responsecheck.yaml"
    path.write_text(CORPUS_WORDS, encoding="utf-8")
    data = (Path(__file__).resolve().parents[2] / "corpora" / "dev" / f"{name}.docx").read_bytes()
    report = api.check(read_bytes(data, f"{name}.docx"), options=CheckOptions(config=load_config(path)))
    result = annotate(data, f"{name}.docx", report, HINT)
    anchors = sorted(a for au, t, a in anchored_comments(result.data).values()
                     if au == AUTHOR and not t.startswith("responsecheck:"))
    placeable = [f for f in report.active_findings() if f.location.part in ("body", "table", "textbox")]
    assert len(placeable) > 20
    assert anchors == sorted(f.text for f in placeable)
    listed = [f for f in report.active_findings() if f.location.part in ("header", "footer")]
    summary = next(t for au, t, a in anchored_comments(result.data).values() if t.startswith("responsecheck:"))
    assert all(f"{f.location.part} \u201c{f.text}\u201d" in summary for f in listed)
    assert read_bytes(result.data, "x.docx").text == read_bytes(data, "x.docx").text


def test_an_unanswered_point_is_a_comment_on_the_sentence_nearest_to_answering_it() -> None:
    """The handler finds the comment where the answer belongs (the sample draft and its complaint)."""
    sample = Path(__file__).resolve().parents[2] / "corpora" / "sample"
    data = (sample / "draft-stage1.docx").read_bytes()
    complaint = sample / "complaint.eml"
    report = api.check(read_bytes(data, "draft.docx"), options=CheckOptions(complaint_text=read_complaint(complaint)))
    unanswered = [p for p in report.complaint_points if p.status == "not_addressed" and p.nearest is not None]
    assert unanswered
    comments = anchored_comments(annotate(data, "draft.docx", report, HINT).data)
    on_points = [(text, covered) for author, text, covered in comments.values()
                 if author == AUTHOR and "does not answer it" in text]
    assert len(on_points) == len(unanswered)
    for point in unanswered:
        assert any(point.id in text and covered.strip() == point.nearest.text.strip() for text, covered in on_points)
