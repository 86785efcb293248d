"""The Letter: what a reader hands to the analysis, whatever the file format was.

A Letter is the text a resident would read, split into paragraphs, each remembering where in the
document it came from, so any finding can point back to a place a handler can find in Word.
It also keeps what the resident should never see but a draft may still hold: tracked changes,
comments and hidden text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Part = Literal["body", "table", "header", "footer", "textbox"]
SourceFormat = Literal["docx", "txt", "md", "stdin"]


@dataclass(frozen=True)
class Origin:
    """Where a paragraph sits in the source document.

    `node` is the paragraph's position in the reader's walk of the document (empty paragraphs
    included); the annotator repeats the same walk to find the paragraph again.
    """

    part: Part
    node: int
    section: int | None = None
    table: int | None = None
    row: int | None = None
    cell: int | None = None
    box: int | None = None


@dataclass(frozen=True)
class Paragraph:
    text: str
    origin: Origin
    style: str | None = None
    is_heading: bool = False


@dataclass(frozen=True)
class Revision:
    """A tracked change still in the draft (kind is the OOXML element: ins, del, moveFrom...)."""

    kind: str
    author: str | None
    date: str | None
    text: str
    paragraph: int | None


@dataclass(frozen=True)
class DocComment:
    """A reviewer's comment; `paragraph` is the first paragraph its anchor covers, if any."""

    author: str | None
    text: str
    paragraph: int | None = None


@dataclass(frozen=True)
class HiddenText:
    text: str
    paragraph: int | None


@dataclass(frozen=True)
class FieldCode:
    """A Word field: its instruction (e.g. MERGEFIELD Surname), the text it shows, and whether
    Word marked it out of date (w:dirty)."""

    instruction: str
    result: str
    dirty: bool
    paragraph: int | None


@dataclass
class Letter:
    """A letter read from one source, with every paragraph's origin."""

    name: str
    format: SourceFormat
    paragraphs: list[Paragraph]
    revisions: list[Revision] = field(default_factory=list)
    comments: list[DocComment] = field(default_factory=list)
    hidden_text: list[HiddenText] = field(default_factory=list)
    fields: list[FieldCode] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n\n".join(p.text for p in self.paragraphs)

    @property
    def has_tracked_changes(self) -> bool:
        return bool(self.revisions)

    @property
    def has_comments(self) -> bool:
        return bool(self.comments)
