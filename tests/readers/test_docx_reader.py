"""The .docx reader: document order, every part, text boxes once, tracked changes accepted."""

from __future__ import annotations

import io
from pathlib import Path

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from responsecheck.readers import read_bytes
from responsecheck.readers.docx_reader import walk

ROOT = Path(__file__).resolve().parents[2]

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
TEXTBOX_RUN = (
    '<w:r {w} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml">'
    '<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx><w:txbxContent>'
    '<w:p><w:r><w:t>Call us on 0113 496 0000</w:t></w:r></w:p>'
    '</w:txbxContent></wps:txbx></wps:wsp></w:drawing></mc:Choice>'
    '<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>'
    '<w:p><w:r><w:t>Call us on 0113 496 0000</w:t></w:r></w:p>'
    '</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>'
).format(w=W)


def _save(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_reads_every_part_in_order() -> None:
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Hillside Homes, 1 Park Lane, Bristol BS1 1AA"
    document.add_paragraph("Dear Mr Jones,")
    table = document.add_table(rows=2, cols=2)
    table.cell(1, 0).text = "Replace the gate"
    table.cell(1, 1).text = "by 3 June"
    anchor = document.add_paragraph("Contact details")
    anchor._p.append(parse_xml(TEXTBOX_RUN))
    document.sections[0].footer.paragraphs[0].text = "Registered in England"
    letter = read_bytes(_save(document), "letter.docx")
    parts = [(p.origin.part, p.text) for p in letter.paragraphs]
    assert parts == [
        ("header", "Hillside Homes, 1 Park Lane, Bristol BS1 1AA"),
        ("body", "Dear Mr Jones,"),
        ("table", "Replace the gate"),
        ("table", "by 3 June"),
        ("body", "Contact details"),
        ("textbox", "Call us on 0113 496 0000"),
        ("footer", "Registered in England"),
    ]
    cell = letter.paragraphs[3].origin
    assert (cell.table, cell.row, cell.cell) == (0, 1, 1)


def test_tracked_changes_read_as_accepted_and_recorded() -> None:
    document = docx.Document()
    paragraph = document.add_paragraph()
    paragraph._p.append(parse_xml(
        f'<w:r {nsdecls("w")}><w:t xml:space="preserve">We will respond within </w:t></w:r>'))
    paragraph._p.append(parse_xml(
        f'<w:del {nsdecls("w")} w:id="1" w:author="A Handler" w:date="2026-11-01T10:00:00Z">'
        '<w:r><w:delText>5</w:delText></w:r></w:del>'))
    paragraph._p.append(parse_xml(
        f'<w:ins {nsdecls("w")} w:id="2" w:author="A Handler" w:date="2026-11-01T10:00:00Z">'
        '<w:r><w:t>10</w:t></w:r></w:ins>'))
    paragraph._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:t xml:space="preserve"> working days.</w:t></w:r>'))
    hidden = document.add_paragraph("Visible words.")
    hidden._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:rPr><w:vanish/></w:rPr><w:t>internal note</w:t></w:r>'))
    letter = read_bytes(_save(document), "tracked.docx")
    assert letter.paragraphs[0].text == "We will respond within 10 working days."
    kinds = sorted((r.kind, r.text, r.author) for r in letter.revisions)
    assert kinds == [("del", "5", "A Handler"), ("ins", "10", "A Handler")]
    assert letter.paragraphs[1].text == "Visible words."
    assert [h.text for h in letter.hidden_text] == ["internal note"]


def test_comments_are_recorded() -> None:
    document = docx.Document()
    paragraph = document.add_paragraph("We have upheld your complaint.")
    document.add_comment(paragraph.runs, text="Check the amount", author="Team Leader")
    letter = read_bytes(_save(document), "commented.docx")
    assert [(c.author, c.text) for c in letter.comments] == [("Team Leader", "Check the amount")]


def test_walk_numbers_empty_paragraphs_too() -> None:
    document = docx.Document()
    document.add_paragraph("First")
    document.add_paragraph("")
    document.add_paragraph("Third")
    letter = read_bytes(_save(document), "gaps.docx")
    nodes = [p.origin.node for p in letter.paragraphs]
    reopened = docx.Document(io.BytesIO(_save(document)))
    walked = {origin.node: element for origin, element in walk(reopened)}
    assert nodes == [0, 2]
    assert "".join(t.text for t in walked[2].iter() if t.tag.endswith("}t")) == "Third"


def test_reading_leaves_styles_unparsed_and_the_hook_as_it_was() -> None:
    """Reading skips parsing the parts it never looks at, and restores python-docx's own selector."""
    from docx.opc.part import PartFactory, XmlPart

    from responsecheck.readers.docx_reader import open_document

    before = PartFactory.part_class_selector
    data = (ROOT / "corpora" / "sample" / "draft-stage1.docx").read_bytes()
    read = open_document(data, "draft-stage1.docx", text_only=True)
    full = open_document(data, "draft-stage1.docx")
    styles = "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"
    read_kinds, full_kinds = ({type(p) for p in opened.part.package.iter_parts() if p.content_type == styles}
                              for opened in (read, full))
    assert read_kinds and not any(issubclass(k, XmlPart) for k in read_kinds)
    assert full_kinds and all(issubclass(k, XmlPart) for k in full_kinds)
    assert PartFactory.part_class_selector is before
