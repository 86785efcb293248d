"""The corpus builder must produce .docx files whose text sits where real letters put it."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import docx
import pytest

ROOT = Path(__file__).resolve().parent.parent
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

SOURCE = """@style: font=Times New Roman size=10.5
@header: Brookfield Homes, 4 Mill Lane
@footer: Registered office: 4 Mill Lane
# Stage 1 response
@textbox: Our ref: BH-0042
@textbox: Date: 3 June 2024
Dear Ms Khan,
thank you for writing.

**Your complaint**
| Point | Outcome |
|---|---|
| Leak | Upheld |
- We will fix the gutter.
@page-break
Yours sincerely
"""


def _load_builder():
    """Import corpora/build.py (it is a script, not part of the installed package)."""
    spec = importlib.util.spec_from_file_location("corpus_build", ROOT / "corpora" / "build.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["corpus_build"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the small source into a throwaway corpus folder."""
    root = tmp_path_factory.mktemp("corpora")
    (root / "demo" / "src").mkdir(parents=True)
    (root / "demo" / "src" / "letter.md").write_text(SOURCE, encoding="utf-8")
    assert _load_builder().build_all(root) == [root / "demo" / "letter.docx"]
    return root / "demo" / "letter.docx"


def _txbx_texts(document: docx.document.Document, branch: str) -> list[str]:
    """Texts of every text box content found under mc:Choice or mc:Fallback."""
    texts = []
    for content in document.element.body.iter(f"{W}txbxContent"):
        if any(ancestor.tag == f"{MC}{branch}" for ancestor in content.iterancestors()):
            texts.append("|".join("".join(t.text for t in p.iter(f"{W}t")) for p in content.iter(f"{W}p")))
    return texts


def test_body_paragraphs_headings_and_lists(built: Path) -> None:
    document = docx.Document(built)
    paragraphs = [(p.style.name, p.text) for p in document.paragraphs if p.text]
    assert ("Heading 1", "Stage 1 response") in paragraphs
    assert ("Normal", "Dear Ms Khan, thank you for writing.") in paragraphs
    assert ("List Bullet", "We will fix the gutter.") in paragraphs
    bold = next(p for p in document.paragraphs if p.text == "Your complaint")
    assert [run.bold for run in bold.runs] == [True]
    assert document.styles["Normal"].font.name == "Times New Roman"


def test_table_cells_skip_the_rule_row(built: Path) -> None:
    table = docx.Document(built).tables[0]
    assert [[cell.text for cell in row.cells] for row in table.rows] == [["Point", "Outcome"], ["Leak", "Upheld"]]
    assert table.style.name == "Table Grid"


def test_header_and_footer(built: Path) -> None:
    section = docx.Document(built).sections[0]
    assert [p.text for p in section.header.paragraphs] == ["Brookfield Homes, 4 Mill Lane"]
    assert [p.text for p in section.footer.paragraphs] == ["Registered office: 4 Mill Lane"]


def test_text_box_written_once_in_choice_and_once_in_fallback(built: Path) -> None:
    document = docx.Document(built)
    expected = ["Our ref: BH-0042|Date: 3 June 2024"]
    assert _txbx_texts(document, "Choice") == expected
    assert _txbx_texts(document, "Fallback") == expected
    assert "BH-0042" not in "".join(p.text for p in document.paragraphs)


def test_rebuild_is_byte_identical_with_fixed_properties(built: Path, tmp_path: Path) -> None:
    again = tmp_path / "again.docx"
    _load_builder().build_letter(built.parent / "src" / "letter.md", again)
    assert again.read_bytes() == built.read_bytes()
    props = docx.Document(again).core_properties
    assert props.author == "responsecheck corpus"
    assert props.created.year == 2024
