"""Reading the complaint: e-mail parts, and the same input errors as letters."""

from __future__ import annotations

from pathlib import Path

import pytest

from responsecheck.errors import EmptyLetter, InputNotFound, UnsupportedFormat
from responsecheck.points.source import read_complaint

PLAIN_AND_HTML = """From: a@example.org
Subject: Complaint
MIME-Version: 1.0
Content-Type: multipart/alternative; boundary="b"

--b
Content-Type: text/plain; charset="utf-8"

The fence is broken.
--b
Content-Type: text/html; charset="utf-8"

<p>The fence is <b>broken</b> (HTML).</p>
--b--
"""


def test_email_plain_part_is_read(tmp_path: Path) -> None:
    path = tmp_path / "c.eml"
    path.write_text(PLAIN_AND_HTML)
    assert read_complaint(path).strip() == "The fence is broken."


def test_email_html_only_loses_its_tags(tmp_path: Path) -> None:
    path = tmp_path / "c.eml"
    path.write_text("Subject: x\nContent-Type: text/html; charset=utf-8\n\n<p>The gate is <b>stuck</b>.</p>")
    assert read_complaint(path).strip() == "The gate is stuck."


def test_email_without_text(tmp_path: Path) -> None:
    path = tmp_path / "c.eml"
    path.write_text("Subject: x\nContent-Type: image/png\n\nAAAA")
    with pytest.raises(UnsupportedFormat):
        read_complaint(path)


def test_missing_and_empty_files(tmp_path: Path) -> None:
    with pytest.raises(InputNotFound):
        read_complaint(tmp_path / "none.txt")
    (tmp_path / "empty.txt").write_text("  ")
    with pytest.raises(EmptyLetter) as empty:
        read_complaint(tmp_path / "empty.txt")
    assert "no complaint to compare" in empty.value.message and "letter to check" not in empty.value.message


@pytest.mark.parametrize("name", ["c.eml", "c.txt"])
def test_a_complaint_longer_than_a_case_files_is_too_large(tmp_path: Path, name: str) -> None:
    """As a case file's complaint_text: an e-mail had no limit (over 1,000,000 characters was spaCy's E088
    traceback, half that ran for minutes), a text file the letter's 300,000."""
    from responsecheck.errors import InputTooLarge
    from responsecheck.options import MAX_COMPLAINT_CHARS

    body = "The boiler has been broken since March and nobody came. " * (MAX_COMPLAINT_CHARS // 50)
    path = tmp_path / name
    path.write_text(("Subject: Complaint\n\n" if name.endswith(".eml") else "") + body, encoding="utf-8")
    with pytest.raises(InputTooLarge) as caught:
        read_complaint(path)
    assert caught.value.exit_code == 7 and name in caught.value.message


def test_a_complaint_forwarded_as_an_attached_email_is_read(tmp_path: Path) -> None:
    """Forwarded as an attachment (message/rfc822), with or without a covering note: the note, then the complaint."""
    from email.message import EmailMessage
    from email.mime.message import MIMEMessage
    from email.mime.multipart import MIMEMultipart
    from email.mime.text import MIMEText

    inner = EmailMessage()
    inner.set_content("The boiler has been broken since May and nobody came.")
    noted = EmailMessage()
    noted.set_content("Forwarding Mrs Lee's complaint.")
    noted.add_attachment(inner)
    (tmp_path / "noted.eml").write_bytes(bytes(noted))
    text = read_complaint(tmp_path / "noted.eml")
    assert text.index("Forwarding") < text.index("The boiler has been broken since May")
    bare = MIMEMultipart()
    bare.attach(MIMEMessage(MIMEText("The lift has been out of order since January.")))
    (tmp_path / "bare.eml").write_bytes(bare.as_bytes())
    assert read_complaint(tmp_path / "bare.eml").strip() == "The lift has been out of order since January."


def test_a_word_file_named_eml_is_read_as_word(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("The back door has not locked since March.")
    document.save(str(tmp_path / "complaint.eml"))
    assert read_complaint(tmp_path / "complaint.eml") == "The back door has not locked since March."


def test_emails_attached_a_thousand_deep_are_one_sentence(tmp_path: Path) -> None:
    """A 30 KB .eml of message/rfc822 parts nested 2,000 deep: RecursionError in the parser was a traceback
    (exit 1, which a hook reads as 'findings') from `check --complaint` and `points`."""
    from responsecheck.errors import UnsupportedFormat

    path = tmp_path / "deep.eml"
    path.write_bytes(b"Content-Type: message/rfc822\n\n" * 2000 + b"Content-Type: text/plain\n\nThe boiler is broken.\n")
    with pytest.raises(UnsupportedFormat) as caught:
        read_complaint(path)
    assert caught.value.exit_code == 4 and "deep.eml" in caught.value.message
