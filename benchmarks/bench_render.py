"""Cost of the renderers against the check they render: annotated copy, HTML page, terminal text.

Run: .venv/bin/python benchmarks/bench_render.py [letters...]   (default: every corpus .docx)

For each letter the check runs once; then the annotated copy, the HTML page and the terminal
text are rendered from that one report, each timed separately. Sizes of the outputs are
reported too (the HTML page is self-contained, so its size is what a user mails or stores).
This is a benchmark, not a test: it never fails, it reports.
"""

from __future__ import annotations

import argparse
import io
import json
import statistics
import time
from pathlib import Path

from rich.console import Console

ROOT = Path(__file__).resolve().parents[1]


def measure(paths: list[Path]) -> dict[str, float]:
    from responsecheck import check
    from responsecheck.readers import read_bytes
    from responsecheck.render.docx_annotate import annotate
    from responsecheck.render.html import render_html
    from responsecheck.render.text import render_text

    check(paths[0])  # warm-up: model loaded, rules compiled
    timings: dict[str, list[float]] = {"check": [], "annotate": [], "html": [], "text": []}
    html_bytes, docx_growth, comments = [], [], []
    for path in paths:
        data = path.read_bytes()
        letter = read_bytes(data, path.name)
        start = time.perf_counter()
        report = check(letter)
        timings["check"].append(time.perf_counter() - start)
        start = time.perf_counter()
        annotated = annotate(data, path.name, report, "responsecheck check --format html")
        timings["annotate"].append(time.perf_counter() - start)
        start = time.perf_counter()
        page = render_html(report, letter)
        timings["html"].append(time.perf_counter() - start)
        start = time.perf_counter()
        render_text(report, Console(file=io.StringIO(), width=100, no_color=True))
        timings["text"].append(time.perf_counter() - start)
        html_bytes.append(len(page.encode("utf-8")))
        docx_growth.append(len(annotated.data) - len(data))
        comments.append(annotated.anchored + 1)
    result: dict[str, float] = {"letters": len(paths)}
    for name, values in timings.items():
        result[f"{name}_ms_median"] = round(1000 * statistics.median(values), 1)
        result[f"{name}_ms_max"] = round(1000 * max(values), 1)
    result.update(html_kb_median=round(statistics.median(html_bytes) / 1024, 1),
                  html_kb_max=round(max(html_bytes) / 1024, 1),
                  docx_growth_kb_median=round(statistics.median(docx_growth) / 1024, 1),
                  comments_median=statistics.median(comments), comments_max=max(comments))
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("letters", nargs="*", type=Path)
    args = parser.parse_args()
    paths = args.letters or sorted(ROOT.glob("corpora/*/*.docx"))
    print(json.dumps(measure(paths), indent=2))


if __name__ == "__main__":
    main()
