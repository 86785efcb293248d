"""Tell what kind of file we were given from its first bytes, before any parser sees it.

Parsers fail on the wrong input with errors that say nothing to a complaint handler
(python-docx calls an encrypted .docx "Package not found"), so we look first and explain.
"""

from __future__ import annotations

import io
import zipfile
from typing import Literal

import olefile

from ..errors import CorruptDocument, EncryptedDocument, InputTooLarge, UnsupportedFormat

Kind = Literal["docx", "text"]

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
EMPTY_ZIP_MAGIC = b"PK\x05\x06"

# Limits that keep a hostile or absurd file from exhausting memory. A real letter .docx is well
# under 1 MB; pictures in a letterhead rarely push it past 5 MB.
MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_UNZIPPED_BYTES = 200 * 1024 * 1024
MAX_ZIP_MEMBERS = 5000
MAX_COMPRESSION_RATIO = 200
# The compression methods zipfile can read (Word writes stored and deflated parts only).
_ZIP_METHODS = frozenset({zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA})

WORD_SUFFIXES = (".docx", ".docm", ".dotx", ".dotm")
WORD_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
OTHER_WORD_TYPES = {
    "application/vnd.ms-word.document.macroEnabled.main+xml": (
        "is a macro-enabled Word document (.docm); save it as a .docx without macros and try again"
    ),
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml": (
        "is a Word template (.dotx); create a document from it, save it as .docx and try again"
    ),
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml": (
        "is a macro-enabled Word template (.dotm); save the letter as a .docx and try again"
    ),
}


def sniff(data: bytes, name: str) -> Kind:
    """Return how to read `data`, or raise the error that explains why we cannot."""
    if len(data) > MAX_FILE_BYTES:
        raise InputTooLarge(
            f"{name} is {len(data) // (1024 * 1024)} MB, larger than the "
            f"{MAX_FILE_BYTES // (1024 * 1024)} MB a letter can be; check it is the right file."
        )
    head = data[:8]
    if head == OLE2_MAGIC:
        _explain_ole2(data, name)
    if head.startswith(ZIP_MAGIC) or head.startswith(EMPTY_ZIP_MAGIC):
        _check_word_zip(data, name)
        return "docx"
    if head.startswith(b"%PDF"):
        raise UnsupportedFormat(f"{name} is a PDF; check the draft .docx (or paste the text into a .txt file).")
    if head.startswith(b"{\\rtf"):
        raise UnsupportedFormat(f"{name} is an RTF file; open it in Word, save it as .docx and try again.")
    if name.lower().endswith(WORD_SUFFIXES):
        # Named as a Word file but not a package: damaged, or text saved under a Word name. Reading
        # it as text would check something other than what the handler believes they gave.
        raise CorruptDocument(
            f"{name} is not a Word package (it may be damaged, or not a .docx at all); open it in Word, "
            "save a new copy and try again."
        )
    return "text"


def _explain_ole2(data: bytes, name: str) -> None:
    """An OLE2 file is either a legacy .doc or an encrypted (password-protected) .docx."""
    try:
        ole = olefile.OleFileIO(io.BytesIO(data))
        streams = {"/".join(entry) for entry in ole.listdir()}
        ole.close()
    except Exception:  # noqa: BLE001 - a damaged header makes olefile raise OSError, ValueError and others
        raise CorruptDocument(f"{name} is an old-style Word file (.doc) or a protected one, and damaged; open it "
                              "in Word, save it as .docx and try again.") from None
    if "EncryptedPackage" in streams or "EncryptionInfo" in streams:
        raise EncryptedDocument(
            f"{name} is password-protected; remove the password in Word (File > Info > Protect Document) "
            "and try again."
        )
    raise UnsupportedFormat(
        f"{name} is an old-style Word .doc file; open it in Word, save it as .docx and try again."
    )


def _check_word_zip(data: bytes, name: str) -> None:
    """Reject zips that are not Word documents, or that would unpack to absurd sizes."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            if len(infos) > MAX_ZIP_MEMBERS:
                raise InputTooLarge(f"{name} holds {len(infos)} parts, too many for a letter; check it is the right file.")
            total = sum(info.file_size for info in infos)
            packed = sum(info.compress_size for info in infos) or 1
            if total > MAX_UNZIPPED_BYTES or (total > 10 * 1024 * 1024 and total / packed > MAX_COMPRESSION_RATIO):
                raise InputTooLarge(
                    f"{name} would unpack to {total // (1024 * 1024)} MB, far more than a letter; it may be damaged "
                    "or built to exhaust memory, so it was not opened."
                )
            for info in infos:
                if info.flag_bits & 0x1 or info.compress_type not in _ZIP_METHODS:
                    # Word never encrypts a part with zip passwords or packs one in an unusual way:
                    # zipfile would raise RuntimeError / NotImplementedError when reading it.
                    raise CorruptDocument(f"{name} is not a Word package as Word writes it (a part is zip-encrypted "
                                          "or packed in a way Word does not use); open it in Word, save a new copy "
                                          "and try again.")
            names = {info.filename for info in infos}
            if "[Content_Types].xml" not in names:
                raise CorruptDocument(f"{name} is a zip file but not a Word document; check it is the right file.")
            content_types = archive.read("[Content_Types].xml").decode("utf-8", "replace")
    except zipfile.BadZipFile:
        raise CorruptDocument(
            f"{name} is damaged (the .docx package cannot be unzipped); open it in Word, save a new copy and try again."
        ) from None
    for content_type, advice in OTHER_WORD_TYPES.items():
        if content_type in content_types and WORD_MAIN not in content_types:
            raise UnsupportedFormat(f"{name} {advice}.")
    if WORD_MAIN not in content_types:
        raise CorruptDocument(f"{name} is a zip file but not a Word document; check it is the right file.")
