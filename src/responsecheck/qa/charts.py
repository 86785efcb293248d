"""Charts for the manager's report: matplotlib drawn to SVG, inlined in the page (nothing fetched).

Each chart is a picture of a table the page also prints, so the table is the text alternative;
the SVG itself carries role="img" and a label saying what it shows. Text stays text in the SVG
(svg.fonttype none) and ids are salted with a fixed value, so the same figures draw the same file.
"""

from __future__ import annotations

import io
import re

import matplotlib

matplotlib.use("Agg")
from matplotlib import pyplot as plt  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from markupsafe import Markup, escape  # noqa: E402

INK = "#1b1b1b"
BAR = "#0b4f9c"
RATING_COLOURS = {"red": "#a4161a", "amber": "#f0b400", "green": "#1d6b36"}
_STYLE = {"svg.fonttype": "none", "svg.hashsalt": "responsecheck", "font.size": 10,
          "axes.edgecolor": INK, "axes.labelcolor": INK, "xtick.color": INK, "ytick.color": INK,
          "axes.spines.top": False, "axes.spines.right": False}


def pass_rates(names: list[str], rates: list[float | None], label: str) -> Markup:
    """Horizontal bars: the share of letters with each required element (elements never required are left out)."""
    shown = [(n, r) for n, r in zip(names, rates) if r is not None]
    with plt.rc_context(_STYLE):
        figure = Figure(figsize=(7, 0.35 * max(len(shown), 1) + 0.8))
        axes = figure.add_subplot()
        axes.barh([n for n, _ in shown][::-1], [100 * r for _, r in shown][::-1], color=BAR)
        axes.set_xlim(0, 100)
        axes.set_xlabel("% of letters that needed it and had it")
        for y, (_, rate) in enumerate(shown[::-1]):
            inside = rate >= 0.85  # the figure goes inside a long bar, in white, so it never runs off the axes
            axes.text(100 * rate + (-1 if inside else 1), y, f"{100 * rate:.0f}%", va="center",
                      ha="right" if inside else "left", color="white" if inside else INK)
        return _svg(figure, label)


def bars(labels: list[str], counts: list[int], label: str, xlabel: str, colours: list[str] | None = None) -> Markup:
    """Vertical bars of counts (score distribution, ratings)."""
    with plt.rc_context(_STYLE):
        figure = Figure(figsize=(7, 2.6))
        axes = figure.add_subplot()
        axes.bar(labels, counts, color=colours or BAR, edgecolor=INK, linewidth=0.5)
        axes.set_xlabel(xlabel)
        axes.set_ylabel("letters")
        axes.yaxis.get_major_locator().set_params(integer=True)
        return _svg(figure, label)


def trend(labels: list[str], scores: list[float | None], rates: list[float | None], label: str) -> Markup:
    """Mean score and element pass rate (both 0-100) by quarter."""
    with plt.rc_context(_STYLE):
        figure = Figure(figsize=(7, 2.6))
        axes = figure.add_subplot()
        axes.plot(labels, [s if s is not None else float("nan") for s in scores], marker="o", color=BAR,
                  label="mean score")
        axes.plot(labels, [100 * r if r is not None else float("nan") for r in rates], marker="s", linestyle="--",
                  color=INK, label="% required elements present")
        axes.set_ylim(0, 100)
        axes.legend(loc="lower right", frameon=False)
        return _svg(figure, label)


def _svg(figure: Figure, label: str) -> Markup:
    figure.tight_layout()
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    text = buffer.getvalue()
    text = text[text.index("<svg"):]
    text = re.sub(r"<svg ", f'<svg role="img" aria-label="{escape(label)}" ', text, count=1)
    return Markup(text)
