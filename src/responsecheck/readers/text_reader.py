"""Read plain text and Markdown letters into a Letter.

Blank lines separate paragraphs. A block of short lines with no closing punctuation (an address,
a reference list, a signature) is kept line by line, because joining it into one "sentence" would
skew every sentence-level check; a block of running prose is joined into one paragraph, less a
short unpunctuated first line over it (a heading or "Dear Ms Smith" with no blank line after it).
"""

from __future__ import annotations

import re

from ..errors import UnsupportedFormat
from ..letter import Letter, Origin, Paragraph, SourceFormat

_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_MD_BOLD_LINE = re.compile(r"^\s*(\*\*|__)(?P<text>[^*_]+)(\*\*|__)\s*$")
_MD_BULLET = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_MD_INLINE = re.compile(r"(\*\*|__|`)")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}")


def decode(data: bytes, name: str) -> str:
    """Decode UTF-8 (with or without BOM) or BOM-marked UTF-16; refuse anything else clearly."""
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UnsupportedFormat(f"{name} is not a text file or Word .docx; check it is the right file.")
    utf16 = data.startswith((b"\xff\xfe", b"\xfe\xff"))
    try:
        return data.decode("utf-16" if utf16 else "utf-8-sig")
    except UnicodeDecodeError as exc:
        if utf16:
            raise UnsupportedFormat(
                f"{name} starts as UTF-16 text but is damaged (byte {exc.start} cannot be read); save it again as "
                "UTF-8 and try again.") from None
        raise UnsupportedFormat(
            f"{name} is not UTF-8 text (byte {exc.start} cannot be read); save it as UTF-8 and try again."
        ) from None


def is_utf8_text(text: str) -> bool:
    """False for a string holding bytes that were not UTF-8 (Python keeps them as lone surrogates: a file
    name from an old system, a command-line argument typed in another character set)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def read_text(text: str, name: str, fmt: SourceFormat) -> Letter:
    """Split text into paragraphs with origins (part 'body', or 'table' for Markdown table rows)."""
    markdown = fmt == "md"
    paragraphs: list[Paragraph] = []
    node = 0
    for block in re.split(r"\n\s*\n", text.replace("\r\n", "\n").replace("\r", "\n")):
        lines = [line.rstrip() for line in block.split("\n") if line.strip()]
        if not lines:
            continue
        for line_text, heading, table_row in _block_paragraphs(lines, markdown):
            part = "table" if table_row is not None else "body"
            origin = Origin(part=part, node=node, row=table_row)
            node += 1
            paragraphs.append(Paragraph(text=line_text, origin=origin, is_heading=heading))
    return Letter(name=name, format=fmt, paragraphs=paragraphs)


def _block_paragraphs(lines: list[str], markdown: bool) -> list[tuple[str, bool, int | None]]:
    if markdown and all(line.lstrip().startswith("|") for line in lines):
        rows = [line for line in lines if not _TABLE_RULE.match(line)]
        return [(" | ".join(c.strip() for c in row.strip().strip("|").split("|") if c.strip()), False, i)
                for i, row in enumerate(rows)]
    if markdown:
        out: list[tuple[str, bool, int | None]] = []
        prose: list[str] = []
        for line in lines:
            heading = _MD_HEADING.match(line) or _MD_BOLD_LINE.match(line)
            if heading or _MD_BULLET.match(line):
                if prose:
                    out.append((_MD_INLINE.sub("", " ".join(prose)), False, None))
                    prose = []
                text = _MD_BOLD_LINE.match(line).group("text") if _MD_BOLD_LINE.match(line) else line
                text = _MD_BULLET.sub("", _MD_HEADING.sub("", text))
                out.append((_MD_INLINE.sub("", text).strip(), bool(heading), None))
            else:
                prose.append(line.strip())
        if prose:
            out.append((_MD_INLINE.sub("", " ".join(prose)), False, None))
        return out
    if len(lines) > 1 and all(_is_short_line(line) for line in lines):
        return [(line.strip(), False, None) for line in lines]
    if len(lines) > 1 and _is_title_line(lines[0]) and lines[1].lstrip()[:1].isupper():
        # "The court action" on its own line over the section's first sentence: a heading (or the
        # salutation), never the start of that sentence
        return [(lines[0].strip(), False, None), (" ".join(line.strip() for line in lines[1:]), False, None)]
    return [(" ".join(line.strip() for line in lines), False, None)]


def _is_title_line(line: str) -> bool:
    """A short line ending in no punctuation at all (a wrapped sentence's first line is long, or breaks
    before a word in lower case): a heading or a salutation standing over the text below it."""
    stripped = line.strip()
    return len(stripped.split()) <= 8 and stripped[-1:].isalnum()


def _is_short_line(line: str) -> bool:
    stripped = line.strip()
    return len(stripped) <= 60 and not stripped.endswith((".", "?", "!", ";"))
