"""The manager's QA report: one self-contained, printable HTML page (no script, nothing fetched).

Figures come from the Summary; every chart is drawn next to the table it pictures (charts.py).
The page links to each letter's own report, written beside it by render/html without the letter's
text (the worker that read a letter does not send its text back).
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from jinja2 import Environment, PackageLoader, select_autoescape

from ..render.names import ELEMENT_NAMES
from . import charts
from .draw import Draw
from .history import Quarter
from .summary import Summary

_TABLE_BELOW = "; the table below gives the figures."
CHART_LABELS = {
    "elements": "Bar chart of the pass rate of each required element" + _TABLE_BELOW,
    "scores": "Bar chart of how many letters scored in each band" + _TABLE_BELOW,
    "ratings": "Bar chart of how many letters were rated red, amber and green" + _TABLE_BELOW,
    "trend": "Line chart of the mean score and element pass rate by quarter" + _TABLE_BELOW,
}
GROUP_TITLES = {"handler": "By handler", "team": "By team", "stage": "By stage", "outcome": "By outcome"}


@lru_cache(maxsize=1)
def _environment() -> Environment:
    environment = Environment(loader=PackageLoader("responsecheck", "templates"),
                              autoescape=select_autoescape(["html", "j2"]), trim_blocks=True, lstrip_blocks=True)
    environment.filters["percent"] = lambda v: "—" if v is None else f"{100 * v:.0f}%"
    environment.filters["number"] = lambda v: "—" if v is None else f"{v:.1f}"
    return environment


def render_qa_html(summary: Summary, drawn: Draw, source: str, trend: list[Quarter] | None = None,
                   generated: dt.datetime | None = None) -> str:
    """The page for one QA run; `trend` (from the history database) adds the quarter-by-quarter section."""
    rated = ["red", "amber", "green"]
    figures = {}
    if summary.checked:
        figures = {
            "elements": charts.pass_rates([e.name for e in summary.elements], [e.rate for e in summary.elements],
                                          CHART_LABELS["elements"]),
            "scores": charts.bars([b for b, _ in summary.score_bins], [n for _, n in summary.score_bins],
                                  CHART_LABELS["scores"], "score"),
            "ratings": charts.bars([r.capitalize() for r in rated], [summary.ratings[r] for r in rated],
                                   CHART_LABELS["ratings"], "rating", [charts.RATING_COLOURS[r] for r in rated]),
        }
    if trend and len(trend) > 1:
        figures["trend"] = charts.trend([q.label for q in trend], [q.mean_score for q in trend],
                                        [q.pass_rate for q in trend], CHART_LABELS["trend"])
    template = _environment().get_template("qa.html.j2")
    return template.render(summary=summary, drawn=drawn, source=source, trend=trend or [], figures=figures,
                           group_titles=GROUP_TITLES, element_names=ELEMENT_NAMES,
                           generated=(generated or dt.datetime.now(dt.timezone.utc)).strftime("%d %B %Y %H:%M UTC"))
