"""Read the complaint a letter answers: a .txt/.md/.docx file like a letter, or an e-mail (.eml).

An e-mail's plain-text part is used (the HTML part only when there is no plain one, with its tags
dropped), followed by that of any e-mail attached to it (a complaint forwarded as an attachment); quoted replies and signatures are removed later by split.clean, which every complaint
text passes through, however it arrived.
"""

from __future__ import annotations

import email
import email.message
import email.policy
import html
import re
from pathlib import Path

from ..errors import EmptyLetter, InputTooLarge, UnsupportedFormat
from ..nlp import PARAGRAPH_BREAK
from ..options import MAX_COMPLAINT_CHARS
from ..readers import read_bytes, read_file_bytes
from ..readers.sniff import OLE2_MAGIC, ZIP_MAGIC

_TAG = re.compile(r"<(script|style)\b.*?</\1>|<[^>]+>", re.I | re.S)
_BLOCK_END = re.compile(r"</(p|div|li|h\d)>|<br\s*/?>", re.I)


def read_complaint(path: str | Path) -> str:
    """The complaint's text; unreadable files raise the same InputErrors (and exit codes) as letters."""
    path = Path(path)
    data = read_file_bytes(path)
    if path.suffix.lower() == ".eml" and not data.startswith((ZIP_MAGIC, OLE2_MAGIC)):  # Word, misnamed
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
    """The e-mail's own text, then that of any e-mail attached to it (a complaint forwarded as an
    attachment, message/rfc822, with or without a covering note)."""
    try:
        message = email.message_from_bytes(data, policy=email.policy.default)
        texts = [text for text in (_body(m) for m in (message, *_attached(message))) if text is not None]
    except RecursionError:  # e-mails attached within e-mails a thousand deep (the parser and walk() recurse)
        raise UnsupportedFormat(f"{name} holds e-mails attached within e-mails far deeper than any real message; "
                                "save the complaint's text as a .txt file.") from None
    except (LookupError, UnicodeError, ValueError, AttributeError):
        raise UnsupportedFormat(f"{name} cannot be decoded (an unknown or wrong character set, or a damaged "
                                "message); save the e-mail's text as a .txt file.") from None
    if not texts:
        raise UnsupportedFormat(f"{name} has no text part to read; save the e-mail's text as a .txt file.")
    text = PARAGRAPH_BREAK.join(texts)
    if not text.strip():
        raise EmptyLetter(f"{name} has no text; there is no complaint to compare the letter with.")
    return text


def _body(message: email.message.EmailMessage) -> str | None:
    """A message's plain-text body, else its HTML body without the tags; None when it has neither."""
    part = message.get_body(preferencelist=("plain",))
    if part is not None:
        return part.get_content()
    part = message.get_body(preferencelist=("html",))
    if part is None:
        return None
    return html.unescape(_TAG.sub("", _BLOCK_END.sub("\n\n", part.get_content())))


def _attached(message: email.message.EmailMessage) -> list[email.message.EmailMessage]:
    """E-mails attached to this one (forwarded as attachments), in order."""
    return [part.get_content() for part in message.walk() if part.get_content_type() == "message/rfc822"]
