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


def _docx_with(edit) -> bytes:
    """A small letter .docx with its parts changed by `edit` (a dict of name -> bytes, edited in place)."""
    import io
    import zipfile

    import docx

    document = docx.Document()
    paragraph = document.add_paragraph("Dear Mr Jones, this is our stage 1 response about the gate.")
    document.add_comment(paragraph.runs, text="check this", author="Bob")
    source = io.BytesIO()
    document.save(source)
    with zipfile.ZipFile(io.BytesIO(source.getvalue())) as archive:
        parts = {info.filename: archive.read(info.filename) for info in archive.infolist()}
    edit(parts)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for part, data in parts.items():
            archive.writestr(part, data)
    return out.getvalue()


def _set_zip_flags(data: bytes, *, encrypted: bool = False, method: int | None = None) -> bytes:
    """The same zip with every part marked zip-encrypted, or packed with another compression method."""
    out = bytearray(data)
    for magic, flag_at, method_at in ((b"PK\x03\x04", 6, 8), (b"PK\x01\x02", 8, 10)):
        at = out.find(magic)
        while at >= 0:
            if encrypted:
                out[at + flag_at] |= 1
            if method is not None:
                out[at + method_at:at + method_at + 2] = method.to_bytes(2, "little")
            at = out.find(magic, at + 4)
    return bytes(out)


def _replace(part: str, old: bytes, new: bytes):
    def edit(parts: dict[str, bytes]) -> None:
        parts[part] = parts[part].replace(old, new) if old else new
    return edit


W_NS = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
DAMAGED_PACKAGES = {
    "comment without author": lambda: _docx_with(_replace("word/comments.xml", b' w:author="Bob"', b"")),
    "no document body": lambda: _docx_with(_replace("word/document.xml", b"", b"<w:document " + W_NS + b"/>")),
    "main part not a document": lambda: _docx_with(_replace("word/document.xml", b"", b"<foo><bar>Dear Sir</bar></foo>")),
    "zip-encrypted parts": lambda: _set_zip_flags(_docx_with(lambda parts: None), encrypted=True),
    "unknown compression": lambda: _set_zip_flags(_docx_with(lambda parts: None), method=99),
}


@pytest.mark.parametrize("case", sorted(DAMAGED_PACKAGES))
def test_a_damaged_word_package_is_one_sentence(case: str) -> None:
    """python-docx raises InvalidXmlError, TypeError, AttributeError; zipfile RuntimeError, NotImplementedError."""
    with pytest.raises(InputError) as caught:
        read_bytes(DAMAGED_PACKAGES[case](), "damaged.docx")
    assert caught.value.exit_code == 5 and "damaged.docx" in caught.value.message


@pytest.mark.parametrize("data", [b"\xff\xfeD\x00e\x00a", b"\xff\xfeD\x00\x00\xd8a\x00b\x00", b"\xfe\xff\x00D\xdc\x00"])
def test_damaged_utf16_text_is_one_sentence(data: bytes) -> None:
    """A byte-order mark then an odd number of bytes or a lone surrogate: UnicodeDecodeError was a traceback."""
    with pytest.raises(InputError) as caught:
        read_bytes(data, "letter.txt")
    assert caught.value.exit_code == 4 and "letter.txt" in caught.value.message


def test_a_file_the_system_cannot_open_is_one_sentence(tmp_path: Path) -> None:
    """A loop of links (ELOOP) or a name too long (ENAMETOOLONG) was an OSError traceback (and stopped a batch)."""
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    for path in (tmp_path / "a.txt", tmp_path / ("x" * 300 + ".txt")):
        with pytest.raises(InputError) as caught:
            read_path(path)
        assert caught.value.exit_code == 3 and "cannot be opened" in caught.value.message


def test_a_name_with_a_nul_character_is_one_sentence(tmp_path: Path) -> None:
    """A manifest row 'a.docx\\0' made os.stat raise ValueError: a traceback that stopped the QA run."""
    with pytest.raises(InputError) as caught:
        read_path(tmp_path / "a.docx\x00")
    assert caught.value.exit_code == 3
