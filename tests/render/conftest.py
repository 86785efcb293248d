"""Shared pieces for the renderer tests: a draft with every part and a house style that finds words in it."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_COLOR_INDEX
from docx.oxml import parse_xml

from responsecheck.config import HouseStyle, load_config

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
TEXTBOX_RUN = (
    '<w:r {w} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml">'
    '<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
    '<wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" relativeHeight="2" behindDoc="0" '
    'locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
    '<wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH>'
    '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
    '<wp:extent cx="3600000" cy="600000"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapTopAndBottom/>'
    '<wp:docPr id="50" name="Text Box 50"/><wp:cNvGraphicFramePr/>'
    '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
    '<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="3600000" cy="600000"/>'
    '</a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:ln><a:solidFill><a:srgbClr val="000000"/>'
    '</a:solidFill></a:ln></wps:spPr><wps:txbx><w:txbxContent>'
    '<w:p><w:r><w:t>Our tenants can call the repairs line.</w:t></w:r></w:p>'
    '</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>'
    '</mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>'
    '<w:p><w:r><w:t>Our tenants can call the repairs line.</w:t></w:r></w:p>'
    '</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>'
).format(w=W)
TRACKED = (
    f'<w:p {W}><w:r><w:t xml:space="preserve">We will fit the new lock within </w:t></w:r>'
    '<w:del w:id="901" w:author="A Handler" w:date="2026-11-01T10:00:00Z"><w:r><w:delText>5</w:delText></w:r></w:del>'
    '<w:ins w:id="902" w:author="A Handler" w:date="2026-11-01T10:00:00Z"><w:r><w:t>10</w:t></w:r></w:ins>'
    '<w:r><w:t xml:space="preserve"> working days of this letter.</w:t></w:r></w:p>'
)
HOUSE_STYLE = """
words:
  - id: refused-access
    category: stigma
    terms: [refused access]
    suggestion: "we could not get into your home"
    explanation: "Says the resident is to blame; describe what happened instead."
  - id: our-tenants
    category: stigma
    terms: [our tenants]
    suggestion: residents
  - id: working-days
    category: house_style
    severity: suggestion
    terms: [working days]
    suggestion: give the date
  - id: operative
    category: jargon
    terms: [operative, repairs hub]
    suggestion: repairs worker
"""


def build_draft() -> bytes:
    """A stage 1 draft with formatted runs, a table, a text box, header, footer, a tracked change and a comment."""
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Hillside Homes repairs hub, 1 Park Lane, Bristol BS1 1AA"
    document.sections[0].footer.paragraphs[0].text = "Hillside Homes: a home for our tenants since 1972"
    document.add_paragraph("Dear Mr Jones,")
    document.add_paragraph("Stage 1 response to your complaint")
    paragraph = document.add_paragraph("You told us that our operative ")
    bold = paragraph.add_run("said you refused")
    bold.bold = True
    paragraph.add_run(" access")
    highlighted = paragraph.add_run(" on 3 May, and that the gate is still broken.")
    highlighted.font.highlight_color = WD_COLOR_INDEX.YELLOW
    table = document.add_table(rows=2, cols=2)
    table.style = "Table Grid"
    table.cell(0, 0).text = "What we will do"
    table.cell(0, 1).text = "When"
    table.cell(1, 0).text = "Replace the gate (the operative will call first)"
    table.cell(1, 1).text = "by 3 June"
    document.add_paragraph("I have upheld your complaint. I am sorry that we missed the appointment on 3 May.")
    placeholder = document.add_paragraph()._p
    placeholder.addnext(parse_xml(TRACKED))
    placeholder.getparent().remove(placeholder)
    commented = document.add_paragraph("We have changed how we book repairs so this does not happen again.")
    document.add_comment(commented.runs, text="Team leader: check this", author="Team Leader", initials="TL")
    anchor = document.add_paragraph("If you are not happy, ask for stage 2 within 20 working days.")
    anchor._p.append(parse_xml(TEXTBOX_RUN))
    document.add_paragraph("You can contact the Housing Ombudsman on 0300 111 3000.")
    document.add_paragraph("Yours sincerely,")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.fixture(scope="session")
def draft_bytes() -> bytes:
    return build_draft()


@pytest.fixture()
def draft_path(tmp_path: Path, draft_bytes: bytes) -> Path:
    path = tmp_path / "draft.docx"
    path.write_bytes(draft_bytes)
    return path


@pytest.fixture()
def house_style(tmp_path: Path) -> HouseStyle:
    path = tmp_path / ".responsecheck.yaml"
    path.write_text(HOUSE_STYLE, encoding="utf-8")
    return load_config(path)
