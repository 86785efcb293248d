"""Analyse a Letter once: one spaCy parse of the whole letter, its sentences and paragraph roles.

Every check reads this one Analysis; none parses again. Paragraphs are joined with blank lines and
a pipeline component starts a sentence at each, so a heading never runs into the next sentence,
and every sentence maps back to exactly one paragraph and a character range inside it.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

from spacy.language import Language
from spacy.tokens import Doc, Span

from .letter import Letter
from .entities import NAMES_UNREAD
from .nlp import PARAGRAPH_BREAK
from .report import Location

Role = Literal["heading", "address", "salutation", "prose", "signoff", "signature", "table", "header",
               "footer", "textbox"]

# The letter's frame: address, greeting, sign-off, signature, page header and footer. The language
# checks read none of it, and the staff-named check only the rest.
FRAME_ROLES: frozenset[Role] = frozenset({"address", "salutation", "signoff", "signature", "header", "footer"})

_SALUTATION = re.compile(r"^(dear|hello|hi|good (morning|afternoon)|annwyl|to whom)\b", re.I)
_SIGNOFF = re.compile(r"^(yours (sincerely|faithfully|truly)|(kind|best|warm|with kind) regards|regards|"
                      r"best wishes|with best wishes|many thanks|yn gywir|cofion)\b", re.I)


@dataclass(frozen=True)
class Sentence:
    """A sentence of the letter, with the paragraph it belongs to and its offsets in that paragraph."""

    span: Span
    paragraph: int
    start: int
    end: int

    @property
    def text(self) -> str:
        return self.span.text.strip()


@dataclass
class Analysis:
    letter: Letter
    doc: Doc
    model: str
    paragraph_starts: list[int]
    roles: list[Role]
    sentences: list[Sentence] = field(default_factory=list)

    def paragraph_at(self, char: int) -> int:
        return max(0, bisect.bisect_right(self.paragraph_starts, char) - 1)

    def location(self, start_char: int, end_char: int) -> Location:
        """The Location of a character range of the joined text (it must lie in one paragraph)."""
        index = self.paragraph_at(start_char)
        offset = self.paragraph_starts[index]
        length = len(self.letter.paragraphs[index].text)
        origin = self.letter.paragraphs[index].origin
        return Location(part=origin.part, paragraph=index, start=start_char - offset,
                        end=min(end_char - offset, length), node=origin.node, section=origin.section,
                        table=origin.table, row=origin.row, cell=origin.cell, box=origin.box)

    def span_location(self, span: Span) -> Location:
        return self.location(span.start_char, span.end_char)

    @cached_property
    def text(self) -> str:
        """The parsed text (the paragraphs joined), once: spaCy's Doc.text rebuilds it token by token."""
        return self.doc.text

    @cached_property
    def sentence_starts(self) -> list[int]:
        """First token of each sentence, worked out once (after analyse() has set the sentences)."""
        return [s.span.start for s in self.sentences]

    def sentence_of(self, span: Span) -> Sentence:
        """The Sentence holding the start of `span`."""
        return self.sentences[max(0, bisect.bisect_right(self.sentence_starts, span.start) - 1)]

    def prose_sentences(self) -> list[Sentence]:
        """Sentences of running prose: not headings, addresses, tables, sign-offs or letterheads."""
        return [s for s in self.sentences if self.roles[s.paragraph] in ("prose", "textbox")]


def analysis_text(letter: Letter) -> str:
    """The text the one parse reads: the paragraphs joined with blank lines."""
    return PARAGRAPH_BREAK.join(p.text for p in letter.paragraphs)


def unparsed_doc(letter: Letter, nlp: Language) -> Doc:
    """The Doc the one parse fills in (`nlp(doc)`, `nlp.pipe(docs)`), with the letter's frame
    marked: no check reads names in it, so the pipeline looks for none there (entities.py)."""
    return _marked_doc(letter, nlp, _starts(letter), _roles(letter))


def _marked_doc(letter: Letter, nlp: Language, starts: list[int], roles: list[Role]) -> Doc:
    doc = nlp.make_doc(analysis_text(letter))
    doc.user_data[NAMES_UNREAD] = [(start, start + len(paragraph.text)) for start, paragraph, role
                                   in zip(starts, letter.paragraphs, roles, strict=True) if role in FRAME_ROLES]
    return doc


def analyse(letter: Letter, nlp: Language, model: str, doc: Doc | None = None) -> Analysis:
    """Parse the letter once and work out sentences and paragraph roles.

    A batch passes the `doc` it already parsed with `nlp.pipe` (from `unparsed_doc(letter, nlp)`).
    """
    starts, roles = _starts(letter), _roles(letter)
    if doc is None:
        doc = nlp(_marked_doc(letter, nlp, starts, roles))
    analysis = Analysis(letter=letter, doc=doc, model=model, paragraph_starts=starts, roles=roles)
    analysis.sentences = _sentences(analysis)
    return analysis


def _starts(letter: Letter) -> list[int]:
    """Where each paragraph starts in the joined text."""
    starts: list[int] = []
    offset = 0
    for paragraph in letter.paragraphs:
        starts.append(offset)
        offset += len(paragraph.text) + len(PARAGRAPH_BREAK)
    return starts


def _sentences(analysis: Analysis) -> list[Sentence]:
    sentences = []
    for sent in analysis.doc.sents:
        span = _trim(sent)
        if span is None:
            continue
        index = analysis.paragraph_at(span.start_char)
        offset = analysis.paragraph_starts[index]
        sentences.append(Sentence(span=span, paragraph=index, start=span.start_char - offset,
                                  end=span.end_char - offset))
    return sentences


def _trim(span: Span) -> Span | None:
    start, end = span.start, span.end
    while start < end and span.doc[start].is_space:
        start += 1
    while end > start and span.doc[end - 1].is_space:
        end -= 1
    return span.doc[start:end] if end > start else None


def _roles(letter: Letter) -> list[Role]:
    """Give each paragraph a role, so prose checks can skip address blocks and signatures."""
    roles: list[Role] = []
    body = [i for i, p in enumerate(letter.paragraphs) if p.origin.part == "body"]
    salutation = next((i for i in body if _SALUTATION.match(letter.paragraphs[i].text)), None)
    signoff = next((i for i in body if _SIGNOFF.match(letter.paragraphs[i].text)
                    and (salutation is None or i > salutation)), None)
    for i, paragraph in enumerate(letter.paragraphs):
        part = paragraph.origin.part
        if part in ("table", "header", "footer", "textbox"):
            roles.append(part)
        elif paragraph.is_heading:
            roles.append("heading")
        elif i == salutation:
            roles.append("salutation")
        elif salutation is not None and i < salutation:
            roles.append("address")
        elif i == signoff:
            roles.append("signoff")
        elif signoff is not None and i > signoff:
            roles.append("signature")
        elif _is_label_line(paragraph.text):
            inside_letter = salutation is not None and i > salutation
            roles.append("heading" if inside_letter else "address")
        else:
            roles.append("prose")
    return roles


def _is_label_line(text: str) -> bool:
    """A short line with no sentence ending: an address line, a reference, a date on its own."""
    stripped = text.strip()
    return len(stripped.split()) <= 8 and not stripped.endswith((".", "?", "!", ":"))
