"""Read a .docx into a Letter: every paragraph the resident would see, in document order.

python-docx's `Paragraph.text` drops text inside tracked insertions and ignores text boxes, and
Word writes each text box twice (a modern copy and a VML fallback). So the paragraph walk and the
text extraction here work on the XML directly, and `walk()` is public: the annotator repeats the
same walk to find a paragraph again from its `Origin.node`.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import docx
from docx.document import Document
from docx.opc.constants import CONTENT_TYPE
from docx.opc.exceptions import OpcError
from docx.opc.part import Part as PackagePart
from docx.opc.part import PartFactory
from docx.oxml.exceptions import InvalidXmlError
from lxml import etree

from ..errors import CorruptDocument, UnsupportedFormat
from ..letter import DocComment, FieldCode, HiddenText, Letter, Origin, Paragraph, Part, Revision

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


MC_FALLBACK = f"{{{MC_NS}}}Fallback"
MC_CHOICE = f"{{{MC_NS}}}Choice"
MC_ALTERNATE = f"{{{MC_NS}}}AlternateContent"

# Containers whose children are read as if they stood in the paragraph itself.
_TRANSPARENT = {w(t) for t in ("ins", "moveTo", "hyperlink", "smartTag", "fldSimple", "customXml", "sdt",
                                 "sdtContent", "bdo", "dir")}
# Text the resident no longer sees once the tracked changes are accepted.
_REMOVED = {w("del"), w("moveFrom")}
REVISION_TAGS = ("ins", "del", "moveFrom", "moveTo", "rPrChange", "pPrChange")


@dataclass(frozen=True)
class TextPiece:
    """A stretch of a paragraph's visible text and the run (`w:r`) it comes from."""

    run: etree._Element
    text: str


# Parts a reading never looks at (styles, numbering, settings, fonts): kept as raw bytes rather
# than parsed XML, which was two thirds of the time it took to read a one-page letter.
_UNREAD_PARTS = frozenset({CONTENT_TYPE.WML_STYLES, CONTENT_TYPE.WML_NUMBERING, CONTENT_TYPE.WML_SETTINGS,
                           CONTENT_TYPE.WML_FONT_TABLE, CONTENT_TYPE.WML_WEB_SETTINGS})


@contextmanager
def _text_parts_only() -> Iterator[None]:
    """python-docx's documented hook (PartFactory.part_class_selector), set for one opening and
    chained to the selector python-docx installs itself (images)."""
    previous = PartFactory.part_class_selector

    def select(content_type: str, reltype: str) -> type[PackagePart] | None:
        if content_type in _UNREAD_PARTS:
            return PackagePart
        return previous(content_type, reltype) if previous is not None else None

    PartFactory.part_class_selector = select
    try:
        yield
    finally:
        PartFactory.part_class_selector = previous


def open_document(data: bytes, name: str, *, text_only: bool = False) -> Document:
    """Open a .docx already sniffed as a Word package, translating parser errors into plain ones.

    `text_only` is for reading: styles, numbering and settings stay unparsed. A copy that will be
    changed and saved (the annotated copy) opens in full.
    """
    try:
        if text_only:
            with _text_parts_only():
                return docx.Document(io.BytesIO(data))
        return docx.Document(io.BytesIO(data))
    except ValueError as exc:
        raise UnsupportedFormat(f"{name} is not a Word document python-docx can read ({exc}).") from None
    except (OpcError, KeyError, etree.XMLSyntaxError, zlib.error, zipfile.BadZipFile, EOFError) as exc:
        raise CorruptDocument(
            f"{name} is damaged ({type(exc).__name__}); open it in Word, save a new copy and try again."
        ) from None


def walk(document: Document) -> Iterator[tuple[Origin, etree._Element]]:
    """Yield every paragraph element with its origin: headers, then the body, then footers."""
    counter = _Counter()
    seen_parts: set[int] = set()
    for attrs, part in ((("first_page_header", "header", "even_page_header"), "header"),
                        (None, "body"),
                        (("first_page_footer", "footer", "even_page_footer"), "footer")):
        if attrs is None:
            yield from _walk_container(document.element.body, "body", None, counter)
            continue
        for index, section in enumerate(document.sections):
            for attr in attrs:
                story = getattr(section, attr)
                if story.is_linked_to_previous or id(story.part) in seen_parts:
                    continue
                seen_parts.add(id(story.part))
                yield from _walk_container(story._element, part, index, counter)


class _Counter:
    def __init__(self) -> None:
        self.node = 0
        self.table = 0
        self.box = 0


def _walk_container(container: etree._Element, part: Part, section: int | None, counter: _Counter,
                    cell: tuple[int, int, int] | None = None) -> Iterator[tuple[Origin, etree._Element]]:
    for child in container:
        tag = child.tag
        if tag == w("p"):
            table, row, col = cell if cell else (None, None, None)
            origin = Origin(part=part, node=counter.node, section=section, table=table, row=row, cell=col)
            counter.node += 1
            yield origin, child
            for box in _text_boxes(child):
                counter.box += 1
                yield from _walk_box(box, counter)
        elif tag == w("tbl"):
            table_index = counter.table
            counter.table += 1
            for row_index, row in enumerate(child.iterchildren(w("tr"))):
                for col_index, tc in enumerate(row.iterchildren(w("tc"))):
                    inner_part: Part = "table" if part == "body" else part
                    yield from _walk_container(tc, inner_part, section, counter, (table_index, row_index, col_index))
        elif tag in (w("sdt"), w("sdtContent"), w("customXml")):
            yield from _walk_container(child, part, section, counter, cell)


def _walk_box(box: etree._Element, counter: _Counter) -> Iterator[tuple[Origin, etree._Element]]:
    box_index = counter.box - 1
    for origin, element in _walk_container(box, "textbox", None, counter):
        yield Origin(part="textbox", node=origin.node, box=box_index, table=origin.table, row=origin.row,
                     cell=origin.cell), element


def _text_boxes(paragraph: etree._Element) -> list[etree._Element]:
    """Text boxes anchored in this paragraph, each once: the mc:Fallback copy is skipped."""
    boxes = []
    for box in paragraph.iter(w("txbxContent")):
        ancestors = list(box.iterancestors())
        inside_paragraph = ancestors[: ancestors.index(paragraph)] if paragraph in ancestors else ancestors
        if any(a.tag == MC_FALLBACK or a.tag == w("txbxContent") for a in inside_paragraph):
            continue
        boxes.append(box)
    return boxes


def text_pieces(paragraph: etree._Element) -> tuple[list[TextPiece], list[str]]:
    """The visible text of a paragraph as runs, as if all tracked changes were accepted.

    Returns the pieces and, separately, any hidden (w:vanish) text, which is not part of what the
    resident reads in print but is still in the file.
    """
    pieces: list[TextPiece] = []
    hidden: list[str] = []
    _visit(paragraph, pieces, hidden)
    return pieces, hidden


def _visit(element: etree._Element, pieces: list[TextPiece], hidden: list[str]) -> None:
    for child in element:
        tag = child.tag
        if tag == w("r"):
            text = _run_text(child)
            if not text:
                continue
            if _is_hidden(child):
                hidden.append(text)
            else:
                pieces.append(TextPiece(child, text))
        elif tag in _TRANSPARENT:
            _visit(child, pieces, hidden)
        elif tag == MC_ALTERNATE:
            choice = child.find(MC_CHOICE)
            if choice is not None:
                _visit(choice, pieces, hidden)


def _run_text(run: etree._Element) -> str:
    parts = []
    for child in run:
        tag = child.tag
        if tag == w("t"):
            parts.append(child.text or "")
        elif tag == w("tab"):
            parts.append("\t")
        elif tag in (w("br"), w("cr")):
            parts.append("\n")
        elif tag == w("noBreakHyphen"):
            parts.append("-")
    return "".join(parts)


def _is_hidden(run: etree._Element) -> bool:
    vanish = run.find(f"{w('rPr')}/{w('vanish')}")
    return vanish is not None and vanish.get(w("val"), "true") not in ("0", "false", "off")


def _style_id(paragraph: etree._Element) -> str | None:
    style = paragraph.find(f"{w('pPr')}/{w('pStyle')}")
    return style.get(w("val")) if style is not None else None


def _looks_like_heading(style: str | None, pieces: list[TextPiece], text: str) -> bool:
    if style and (style.lower().startswith(("heading", "title", "subtitle"))):
        return True
    if not pieces or len(text) > 90 or text.rstrip().endswith((".", ",", ";", ":")):
        return False
    return all(_is_bold(p.run) for p in pieces if p.text.strip())


def _is_bold(run: etree._Element) -> bool:
    bold = run.find(f"{w('rPr')}/{w('b')}")
    return bold is not None and bold.get(w("val"), "true") not in ("0", "false", "off")


def read_docx(data: bytes, name: str) -> Letter:
    """Read a sniffed .docx package into a Letter."""
    document = open_document(data, name, text_only=True)
    if document.element.tag != w("document") or document.element.find(w("body")) is None:
        raise CorruptDocument(f"{name} is damaged (its main part holds no Word document body); open it in Word, "
                              "save a new copy and try again.")
    paragraphs: list[Paragraph] = []
    hidden_text: list[HiddenText] = []
    index_of: dict[etree._Element, int] = {}
    fields: list[FieldCode] = []
    comment_paragraph: dict[str, int] = {}
    try:
        for origin, element in walk(document):
            pieces, hidden = text_pieces(element)
            text = "".join(p.text for p in pieces).strip()
            paragraph_index = len(paragraphs) if text else None
            hidden_text.extend(HiddenText(h, paragraph_index) for h in hidden if h.strip())
            # An unfilled merge field may be all a paragraph holds, so fields are kept either way.
            fields.extend(_fields(element, paragraph_index))
            if not text:
                continue
            index_of[element] = len(paragraphs)
            for anchor in element.iter(w("commentRangeStart")):
                comment_paragraph.setdefault(anchor.get(w("id"), ""), len(paragraphs))
            style = _style_id(element)
            paragraphs.append(Paragraph(text=text, origin=origin, style=style,
                                        is_heading=_looks_like_heading(style, pieces, text)))
        revisions = _revisions(document, index_of)
        comments = [DocComment(author=c.author or None, text=c.text,
                               paragraph=comment_paragraph.get(str(c.comment_id)))
                    for c in document.comments]
    except (KeyError, ValueError, etree.XMLSyntaxError, InvalidXmlError, AttributeError) as exc:
        # InvalidXmlError: a part lacks an attribute Word always writes (a comment's w:id or w:author);
        # AttributeError: a relationship names a part of the wrong kind (a header that is the styles)
        raise CorruptDocument(
            f"{name} is damaged ({type(exc).__name__}); open it in Word, save a new copy and try again."
        ) from None
    return Letter(name=name, format="docx", paragraphs=paragraphs, revisions=revisions,
                  comments=comments, hidden_text=hidden_text, fields=fields)


def _revisions(document: Document, index_of: dict[etree._Element, int]) -> list[Revision]:
    roots = [document.element]
    for section in document.sections:
        for attr in ("first_page_header", "header", "even_page_header",
                     "first_page_footer", "footer", "even_page_footer"):
            story = getattr(section, attr)
            if not story.is_linked_to_previous:
                roots.append(story._element)
    found: list[Revision] = []
    seen: set[etree._Element] = set()
    for root in roots:
        for tag in REVISION_TAGS:
            for element in root.iter(w(tag)):
                if element in seen:
                    continue
                seen.add(element)
                text = _revision_text(tag, element)
                paragraph = next((index_of[a] for a in element.iterancestors(w("p")) if a in index_of), None)
                found.append(Revision(kind=tag, author=element.get(w("author")), date=element.get(w("date")),
                                      text=text, paragraph=paragraph))
    return found


def _revision_text(tag: str, element: etree._Element) -> str:
    """The words a revision touched: deleted text is in w:delText, but Word keeps moved-away
    text in w:t, and a formatting change sits inside the run whose text it changed."""
    if tag == "pPrChange":
        return ""
    if tag == "rPrChange":
        run = next(element.iterancestors(w("r")), None)
        return "".join(t.text or "" for t in run.iter(w("t"))) if run is not None else ""
    return "".join(t.text or "" for t in element.iter(w("t"), w("delText")))


def _fields(paragraph: etree._Element, index: int | None) -> list[FieldCode]:
    """Word fields in one paragraph, simple (w:fldSimple) and complex (w:fldChar ... w:instrText).

    A complex field is begin / instruction / separate / shown result / end; only fields that
    begin and end in the same paragraph are read, which covers the merge and reference fields
    of a letter.
    """
    found = [FieldCode(instruction=(simple.get(w("instr")) or "").strip(),
                       result="".join(t.text or "" for t in simple.iter(w("t"))),
                       dirty=_on(simple.get(w("dirty"))), paragraph=index)
             for simple in paragraph.iter(w("fldSimple"))]
    state: str | None = None
    instruction: list[str] = []
    result: list[str] = []
    dirty = False
    for element in paragraph.iter(w("fldChar"), w("instrText"), w("t")):
        if element.tag == w("fldChar"):
            kind = element.get(w("fldCharType"))
            if kind == "begin":
                state, instruction, result, dirty = "instruction", [], [], _on(element.get(w("dirty")))
            elif kind == "separate" and state:
                state = "result"
            elif kind == "end" and state:
                found.append(FieldCode(instruction="".join(instruction).strip(), result="".join(result),
                                       dirty=dirty, paragraph=index))
                state = None
        elif element.tag == w("instrText") and state == "instruction":
            instruction.append(element.text or "")
        elif element.tag == w("t") and state == "result":
            result.append(element.text or "")
    return found


def _on(value: str | None) -> bool:
    return value is not None and value not in ("0", "false", "off")
