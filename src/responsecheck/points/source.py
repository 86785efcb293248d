"""Read the complaint a letter answers: a .txt/.md/.docx file like a letter, or an e-mail (.eml).

An e-mail's plain-text part is used (the HTML part only when there is no plain one, with its tags
dropped); quoted replies and signatures are removed later by split.clean, which every complaint
text passes through, however it arrived.
"""

from __future__ import annotations

import email
import email.policy
import html
import re
from pathlib import Path

from ..errors import EmptyLetter, InputTooLarge, UnsupportedFormat
from ..nlp import PARAGRAPH_BREAK
from ..readers import read_bytes, read_file_bytes

#: The most characters a complaint may have, as in a case file's complaint_text: a complaint is a page or
#: two, and splitting and matching a long one takes time that grows faster than its length (100,000
#: characters, some 2,000 points, took 14 s; 500,000 over 3 minutes; an e-mail over 1,000,000 was a traceback).
MAX_COMPLAINT_CHARS = 100_000

_TAG = re.compile(r"<(script|style)\b.*?</\1>|<[^>]+>", re.I | re.S)
_BLOCK_END = re.compile(r"</(p|div|li|h\d)>|<br\s*/?>", re.I)


def read_complaint(path: str | Path) -> str:
    """The complaint's text; unreadable files raise the same InputErrors (and exit codes) as letters."""
    path = Path(path)
    data = read_file_bytes(path)
    if path.suffix.lower() == ".eml":
        text = _email_text(data, path.name)
    else:
        try:
            letter = read_bytes(data, path.name)
        except EmptyLetter:
            raise EmptyLetter(f"{path.name} has no text; there is no complaint to compare the letter with.") from None
        text = PARAGRAPH_BREAK.join(p.text for p in letter.paragraphs)
    if len(text) > MAX_COMPLAINT_CHARS:
        raise InputTooLarge(f"{path.name} holds {len(text):,} characters, more than the {MAX_COMPLAINT_CHARS:,} a "
                            "complaint can have; check it is the right file, or give its points with --points.")
    return text


def _email_text(data: bytes, name: str) -> str:
    message = email.message_from_bytes(data, policy=email.policy.default)
    try:
        part = message.get_body(preferencelist=("plain",))
        if part is not None:
            text = part.get_content()
        else:
            part = message.get_body(preferencelist=("html",))
            if part is None:
                raise UnsupportedFormat(f"{name} has no text part to read; save the e-mail's text as a .txt file.")
            text = html.unescape(_TAG.sub("", _BLOCK_END.sub("\n\n", part.get_content())))
    except (LookupError, UnicodeError, ValueError, AttributeError):
        raise UnsupportedFormat(f"{name} cannot be decoded (an unknown or wrong character set, or a damaged "
                                "message); save the e-mail's text as a .txt file.") from None
    if not text.strip():
        raise EmptyLetter(f"{name} has no text; there is no complaint to compare the letter with.")
    return text
