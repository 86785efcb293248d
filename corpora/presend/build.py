"""Build the pre-send corpus: every ``src/<name>.md`` becomes ``<name>.docx``, plus ``labels.json``.

Each source starts with YAML front matter (profile, stage, optional case dates, and the
findings a correct checker must report, by category and the words involved), followed by
one paragraph per line: ``@header:`` / ``@footer:`` lines, ``# `` headings, ``| a | b |``
table rows, and the inline markup of tests/fixtures/docx_builder.py for tracked changes,
comments, hidden text and fields. Letters and labels are written by the project; no
sentence is taken from the seed documents.

Usage: ``python corpora/presend/build.py``
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1] / "tests" / "fixtures"))

from docx_builder import Heading, LetterSpec, Table, build  # noqa: E402


def parse(source: str) -> tuple[dict, LetterSpec]:
    """Split a source into its labels and the letter it describes."""
    _, front, body = source.split("---\n", 2)
    labels = yaml.safe_load(front)
    spec = LetterSpec(body=[])
    rows: list[list[str]] = []
    for raw in body.splitlines():
        line = raw.strip()
        if line.startswith("|"):
            rows.append([c.strip() for c in line.strip("|").split("|")])
            continue
        if rows:
            spec.body.append(Table(rows))
            rows = []
        if not line:
            continue
        if line.startswith("@header:"):
            spec.header.append(line.removeprefix("@header:").strip())
        elif line.startswith("@footer:"):
            spec.footer.append(line.removeprefix("@footer:").strip())
        elif line.startswith("# "):
            spec.body.append(Heading(line[2:]))
        else:
            spec.body.append(line)
    if rows:
        spec.body.append(Table(rows))
    return labels, spec


def main() -> None:
    labels = []
    for src in sorted((HERE / "src").glob("*.md")):
        meta, spec = parse(src.read_text(encoding="utf-8"))
        target = HERE / f"{src.stem}.docx"
        build(spec, target)
        meta["file"] = target.name
        meta["expected"] = meta.get("expected") or []
        if meta.get("case"):
            meta["case"] = {k: str(v) for k, v in meta["case"].items()}
        labels.append(meta)
    (HERE / "labels.json").write_text(json.dumps(labels, indent=1) + "\n", encoding="utf-8")
    print(f"built {len(labels)} letters in {HERE}")


if __name__ == "__main__":
    main()
