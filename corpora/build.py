"""Build the letter corpora: every ``corpora/<set>/src/<name>.md`` becomes ``corpora/<set>/<name>.docx``.

The sources use a small line-based markup (see corpora/README.md) so that letters can be
written and reviewed as plain text, while the built files carry the Word features that make
real letters hard to read: letterheads in headers and footers, tables, and floating text
boxes written twice (DrawingML ``mc:Choice`` plus a VML ``mc:Fallback`` copy), as Word does.

Builds are deterministic (fixed core properties and zip timestamps) so that rebuilding an
unchanged source gives a byte-identical file and git shows no spurious changes.

Usage: ``python corpora/build.py [SET ...]`` (builds every set when none is named).
"""

from __future__ import annotations

import datetime as dt
import io
import re
import sys
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.text import WD_BREAK
from docx.shared import Pt
from lxml import etree

CORPORA = Path(__file__).resolve().parent
AUTHOR = "responsecheck corpus"
FIXED_TIME = dt.datetime(2024, 6, 3, 9, 0, 0)
ZIP_TIME = (2024, 6, 3, 9, 0, 0)

_NS = {
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "v": "urn:schemas-microsoft-com:vml",
    "o": "urn:schemas-microsoft-com:office:office",
    "w10": "urn:schemas-microsoft-com:office:word",
}
_XMLNS = " ".join(f'xmlns:{prefix}="{uri}"' for prefix, uri in _NS.items())

# Word's own shape for a text box: a DrawingML shape (for Word 2010+) and a VML copy
# (for older readers) holding the same w:txbxContent.
_TEXTBOX_XML = """<w:r {xmlns}><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>
<wp:anchor distT="45720" distB="45720" distL="114300" distR="114300" simplePos="0"
 relativeHeight="{z}" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">
<wp:simplePos x="0" y="0"/>
<wp:positionH relativeFrom="margin"><wp:align>right</wp:align></wp:positionH>
<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>
<wp:extent cx="2340000" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>
<wp:wrapSquare wrapText="bothSides"/><wp:docPr id="{shape_id}" name="Text Box {shape_id}"/>
<wp:cNvGraphicFramePr/>
<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">
<wps:wsp><wps:cNvSpPr txBox="1"/>
<wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="2340000" cy="{cy}"/></a:xfrm>
<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill>
<a:ln w="9525"><a:solidFill><a:srgbClr val="7F7F7F"/></a:solidFill></a:ln></wps:spPr>
<wps:txbx><w:txbxContent>{content}</w:txbxContent></wps:txbx>
<wps:bodyPr rot="0" vert="horz" wrap="square" lIns="91440" tIns="45720" rIns="91440" bIns="45720"
 anchor="t" anchorCtr="0"><a:spAutoFit/></wps:bodyPr>
</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>
<mc:Fallback><w:pict>
<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">
<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>
<v:shape id="Text Box {shape_id}" o:spid="_x0000_s{spid}" type="#_x0000_t202"
 style="position:absolute;margin-left:0;margin-top:0;width:184.25pt;height:{height_pt}pt;z-index:{z};
mso-position-horizontal:right;mso-position-horizontal-relative:margin;mso-position-vertical-relative:text"
 strokecolor="#7f7f7f"><v:textbox style="mso-fit-shape-to-text:t"><w:txbxContent>{content}</w:txbxContent>
</v:textbox><w10:wrap type="square"/></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"""

_STYLE_LINE = re.compile(r"@style:\s*(?P<options>.*)")
_STYLE_OPTION = re.compile(r"(\w+)=(.+?)(?=\s+\w+=|\s*$)")
_DIRECTIVE = re.compile(r"@(?P<name>header|footer):(?P<text>.*)")
_BOLD_LINE = re.compile(r"\*\*(?P<text>[^*]+)\*\*")
_TABLE_RULE = re.compile(r"\|[\s:|-]+\|")


def _kind(line: str) -> str:
    """Classify a stripped source line: textbox, table, text (paragraph text), blank, or single (one-line construct)."""
    if not line:
        return "blank"
    if line.startswith("@textbox:"):
        return "textbox"
    if line.startswith("|"):
        return "table"
    one_line = line.startswith(("@", "# ", "## ", "- ")) or _BOLD_LINE.fullmatch(line)
    return "single" if one_line else "text"


def _textbox_run(paragraphs: list[str], shape_id: int) -> etree._Element:
    """Return a ``w:r`` holding a floating text box with ``paragraphs``, in Choice and Fallback form."""
    content = "".join(f"<w:p><w:r><w:t xml:space=\"preserve\">{escape(text)}</w:t></w:r></w:p>" for text in paragraphs)
    height_pt = 18 * len(paragraphs) + 10
    xml = _TEXTBOX_XML.format(
        xmlns=_XMLNS,
        content=content,
        shape_id=shape_id,
        spid=1024 + shape_id,
        z=251658240 + shape_id,
        cy=height_pt * 12700,
        height_pt=height_pt,
    )
    return etree.fromstring(xml)


def _table_cells(line: str) -> list[str]:
    """Split a ``| a | b |`` line into its stripped cell texts."""
    return [cell.strip() for cell in line.strip("|").split("|")]


class _LetterWriter:
    """Turns markup lines into document content, buffering multi-line constructs until they end."""

    def __init__(self, document: DocumentObject) -> None:
        self.document = document
        self.paragraph: list[str] = []
        self.table: list[list[str]] = []
        self.textbox: list[str] = []
        self.shapes = 0
        self.margins_used: set[str] = set()

    def flush(self) -> None:
        """Write out whatever paragraph, table or text box is being collected."""
        if self.paragraph:
            self.document.add_paragraph(" ".join(self.paragraph))
            self.paragraph = []
        if self.table:
            width = max(len(row) for row in self.table)
            table = self.document.add_table(rows=len(self.table), cols=width)
            table.style = self.document.styles["Table Grid"]
            for row, cells in zip(table.rows, self.table):
                for cell, text in zip(row.cells, cells):
                    cell.text = text
            self.table = []
        if self.textbox:
            self.shapes += 1
            anchor = self.document.add_paragraph()
            anchor._p.append(_textbox_run(self.textbox, self.shapes))
            self.textbox = []

    def add_margin_line(self, where: str, text: str) -> None:
        """Add a paragraph to the first section's header or footer (the first line fills its empty paragraph)."""
        section = self.document.sections[0]
        part = section.header if where == "header" else section.footer
        if where in self.margins_used:
            part.add_paragraph(text)
        else:
            part.paragraphs[0].text = text
            self.margins_used.add(where)

    def line(self, raw: str) -> None:
        """Handle one source line; a line of another kind ends the construct being collected."""
        line = raw.strip()
        kind = _kind(line)
        collecting = {"textbox": self.textbox, "table": self.table, "text": self.paragraph}
        if any(buffer for name, buffer in collecting.items() if name != kind):
            self.flush()
        if kind == "textbox":
            self.textbox.append(line.removeprefix("@textbox:").strip())
        elif kind == "table":
            if not _TABLE_RULE.fullmatch(line):
                self.table.append(_table_cells(line))
        elif kind == "text":
            self.paragraph.append(line)
        elif kind == "single":
            self._single_line(line)

    def _single_line(self, line: str) -> None:
        """Write a construct that is complete in one line (heading, bullet, bold heading, break, margin line)."""
        if directive := _DIRECTIVE.fullmatch(line):
            self.add_margin_line(directive["name"], directive["text"].strip())
        elif line == "@page-break":
            self.document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        elif line.startswith("## "):
            self.document.add_paragraph(line[3:].strip(), style="Heading 2")
        elif line.startswith("# "):
            self.document.add_paragraph(line[2:].strip(), style="Heading 1")
        elif line.startswith("- "):
            self.document.add_paragraph(line[2:].strip(), style="List Bullet")
        elif bold := _BOLD_LINE.fullmatch(line):
            self.document.add_paragraph().add_run(bold["text"]).bold = True
        else:
            raise ValueError(f"unknown markup line: {line!r}")


def _apply_style(document: DocumentObject, options: str) -> None:
    """Set the Normal style's font from ``font=Times New Roman size=11`` options (values may contain spaces)."""
    settings = dict(_STYLE_OPTION.findall(options))
    font = document.styles["Normal"].font
    if "font" in settings:
        font.name = settings["font"]
    if "size" in settings:
        font.size = Pt(float(settings["size"]))


def _fix_properties(document: DocumentObject, title: str) -> None:
    """Pin the core properties so that builds do not depend on the clock or the user."""
    props = document.core_properties
    props.author = AUTHOR
    props.last_modified_by = AUTHOR
    props.title = title
    props.created = FIXED_TIME
    props.modified = FIXED_TIME
    props.last_printed = FIXED_TIME
    props.revision = 1


def _fixed_zip(data: bytes) -> bytes:
    """Rewrite a .docx package with fixed member timestamps so identical content gives identical bytes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for member in source.infolist():
            info = zipfile.ZipInfo(member.filename, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, source.read(member.filename))
    return out.getvalue()


def build_letter(source: Path, target: Path) -> None:
    """Build one markup ``source`` file into the .docx ``target``."""
    document = Document()
    writer = _LetterWriter(document)
    for raw in source.read_text(encoding="utf-8").splitlines():
        style = _STYLE_LINE.fullmatch(raw.strip())
        if style:
            _apply_style(document, style["options"])
        else:
            writer.line(raw)
    writer.flush()
    _fix_properties(document, source.stem)
    buffer = io.BytesIO()
    document.save(buffer)
    target.write_bytes(_fixed_zip(buffer.getvalue()))


def build_all(root: Path = CORPORA, sets: list[str] | None = None) -> list[Path]:
    """Build ``<root>/<set>/src/*.md`` into ``<root>/<set>/<name>.docx`` for the named sets (default: all).

    Returns the built paths.
    """
    patterns = [f"{name}/src/*.md" for name in sets] if sets else ["*/src/*.md"]
    sources = sorted(path for pattern in patterns for path in root.glob(pattern))
    built = []
    for source in sources:
        target = source.parent.parent / f"{source.stem}.docx"
        build_letter(source, target)
        built.append(target)
    return built


def main(argv: list[str]) -> int:
    """Build the corpora named on the command line (all of them when none is named)."""
    built = build_all(sets=argv)
    print(f"built {len(built)} letters")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
