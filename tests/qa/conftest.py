"""A small set of sent letters for the sampler tests: corpus letters, a damaged one and an empty one;
the first letter's case names a complaint, so the page shows the complaint-points section too."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BAD = ROOT / "tests" / "fixtures" / "bad"
MANIFEST_HEAD = "file,case_ref,handler,team,stage,sent,outcome,complaint\n"
COMPLAINT = ROOT / "corpora" / "sample" / "complaint.eml"


@pytest.fixture(scope="session")
def letters_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Six corpus letters in two subfolders, a corrupt .docx and an empty file, with a manifest."""
    folder = tmp_path_factory.mktemp("sent")
    corpus = sorted((ROOT / "corpora" / "dev").glob("hos-s*.docx"))
    rows = []
    for index, path in enumerate(corpus[:3] + corpus[-3:]):
        team = "north" if index % 2 else "south"
        target = folder / team / path.name
        target.parent.mkdir(exist_ok=True)
        shutil.copy(path, target)
        stage = 2 if "-s2-" in path.name else 1
        complaint = "complaint.eml" if index == 0 else ""
        rows.append(f"{team}/{path.name},C-{index:03d},Handler {index % 3},{team},{stage},2026-0{index % 3 + 4}-1{index},"
                    f"upheld,{complaint}")
    shutil.copy(COMPLAINT, folder / "complaint.eml")
    shutil.copy(BAD / "corrupt-xml.docx", folder / "south" / "damaged.docx")
    (folder / "north" / "empty.txt").write_bytes(b"")
    rows += ["south/damaged.docx,C-100,Handler 1,south,1,2026-05-02,upheld,",
             "north/empty.txt,C-101,Handler 2,north,2,2026-06-03,not upheld,"]
    (folder / "manifest.csv").write_text(MANIFEST_HEAD + "\n".join(rows) + "\n", encoding="utf-8")
    return folder
