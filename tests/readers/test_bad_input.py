"""Every kind of unreadable input gets one plain sentence and its own exit code, never a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from responsecheck.errors import InputError
from responsecheck.readers import MAX_TEXT_CHARS, read_bytes, read_path

BAD = Path(__file__).resolve().parents[1] / "fixtures" / "bad"

CASES = [
    ("empty.docx", "empty", 6),
    ("blank.docx", "empty", 6),
    ("truncated.docx", "corrupt", 5),
    ("notword.docx", "corrupt", 5),
    ("text-named.docx", "corrupt", 5),
    ("corrupt-xml.docx", "corrupt", 5),
    ("legacy.doc", "unsupported_format", 4),
    ("encrypted.docx", "encrypted", 4),
    ("macro.docm", "unsupported_format", 4),
    ("template.dotx", "unsupported_format", 4),
    ("picture.pdf", "unsupported_format", 4),
    ("latin1.txt", "unsupported_format", 4),
    ("zipbomb.docx", "too_large", 7),
]


@pytest.mark.parametrize(("name", "kind", "code"), CASES)
def test_bad_file_raises_plain_error(name: str, kind: str, code: int) -> None:
    with pytest.raises(InputError) as caught:
        read_path(BAD / name)
    assert caught.value.kind == kind
    assert caught.value.exit_code == code
    message = caught.value.message
    assert name in message and message.count(". ") <= 1 and "Traceback" not in message


def test_encrypted_and_legacy_are_told_apart() -> None:
    with pytest.raises(InputError) as encrypted:
        read_path(BAD / "encrypted.docx")
    with pytest.raises(InputError) as legacy:
        read_path(BAD / "legacy.doc")
    assert "password" in encrypted.value.message
    assert ".doc" in legacy.value.message and "password" not in legacy.value.message


@pytest.mark.parametrize("tail", [b"\xff" * 600, bytes(range(256)) * 4, b"\x00" * 100])
def test_a_damaged_old_style_word_file_is_one_sentence(tail: bytes) -> None:
    """olefile raises OSError on some damaged headers and ValueError on others (a sector size too big to print)."""
    from responsecheck.readers.sniff import OLE2_MAGIC

    with pytest.raises(InputError) as caught:
        read_bytes(OLE2_MAGIC + tail, "damaged.doc")
    assert caught.value.exit_code == 5 and "damaged.doc" in caught.value.message and "damaged" in caught.value.message


def test_missing_file_and_folder() -> None:
    with pytest.raises(InputError) as missing:
        read_path(BAD / "no-such-letter.docx")
    assert missing.value.exit_code == 3
    with pytest.raises(InputError) as folder:
        read_path(BAD)
    assert folder.value.exit_code == 3


def test_utf16_with_bom_is_read() -> None:
    letter = read_path(BAD / "utf16.txt")
    assert letter.paragraphs[0].text == "Dear Mr Jones,"


def test_huge_text_is_refused() -> None:
    text = ("We will fix the roof. " * (MAX_TEXT_CHARS // 20)).encode()
    with pytest.raises(InputError) as caught:
        read_bytes(text, "huge.txt")
    assert caught.value.exit_code == 7


@pytest.mark.parametrize(("name", "kind", "code"), CASES)
def test_cli_exit_code_and_one_sentence(name: str, kind: str, code: int) -> None:
    result = subprocess.run([sys.executable, "-m", "responsecheck.cli", "check", str(BAD / name)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == code
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().startswith("responsecheck: ")
    assert len(result.stderr.strip().splitlines()) == 1
