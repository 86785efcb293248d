"""The points scorer: its rules file's examples, run through the real check with and without
embeddings, its validation, and its threshold."""

from __future__ import annotations

import pytest
import yaml

from responsecheck import CheckOptions, check
from responsecheck.errors import RulesError
from responsecheck.points import embeddings
from responsecheck.points.score import Scorer, confidence, scorer
from responsecheck.readers import read_text_input
from responsecheck.rulebook import load_model, rules_dir

RULES = scorer()
needs_embeddings = pytest.mark.skipif(embeddings.encoder() is None, reason="the embeddings extra is not installed")


def _point(point: str, answer: str):
    letter = f"Dear Ms Rahman\n\nStage 1 complaint response\n\n{answer}\n\nYours sincerely\n\nA Officer\n"
    report = check(read_text_input(letter, "letter.txt"), options=CheckOptions(complaint_points=(point,)))
    return report.complaint_points[0], report.metrics["complaint_points"]["method"]


@needs_embeddings
def test_the_pass_example_is_answered_by_meaning() -> None:
    point, method = _point(RULES.examples.pass_.point, RULES.examples.pass_.answer)
    assert method == "matcher+embeddings"
    assert point.status == "addressed"
    # the evidence is the sentence closest in meaning, as the matcher found none
    assert point.evidence and point.evidence[0].text == RULES.examples.pass_.answer


def test_the_pass_example_needs_the_embeddings(matcher_only) -> None:
    point, method = _point(RULES.examples.pass_.point, RULES.examples.pass_.answer)
    assert method == "matcher"
    assert point.status == "not_addressed"


@needs_embeddings
def test_the_fail_example_is_not_answered() -> None:
    point, _ = _point(RULES.examples.fail.point, RULES.examples.fail.answer)
    assert point.status == "not_addressed" and point.evidence == []
    # the only sentence, weighed and found wanting, is shown as the nearest the letter came
    assert point.nearest is not None and point.nearest.text == RULES.examples.fail.answer


def test_the_threshold_decides_and_leans_towards_flagging() -> None:
    assert RULES.unanswered(RULES.threshold - 0.01) is False
    assert RULES.unanswered(RULES.threshold) is True
    assert RULES.threshold < 0.5


def test_more_evidence_means_a_lower_probability_of_no_answer() -> None:
    low = {"coverage": 0.0, "sentence_similarity": 0.1, "paragraph_similarity": 0.1, "specificity": -0.2, "word_recall": 0.3}
    high = {"coverage": 1.0, "sentence_similarity": 0.8, "paragraph_similarity": 0.7, "specificity": 0.3, "word_recall": 0.8}
    assert RULES.probability(high) < RULES.threshold < RULES.probability(low)


def test_confidence_is_the_probability_of_the_decision() -> None:
    assert confidence(0.9, unanswered=True) == 0.9
    assert confidence(0.1, unanswered=False) == 0.9
    assert confidence(0.4, unanswered=True) == 0.5  # flagged below one half: for the resident's sake
    assert confidence(1.0, unanswered=True) == 0.99


@pytest.mark.parametrize(("change", "message"), [
    ({"weights": [-1.0]}, "one number per feature"),
    ({"threshold": 1.2}, "threshold"),
    ({"features": ["coverage", "colour", "paragraph_similarity"]}, "features"),
])
def test_an_inconsistent_scorer_does_not_load(tmp_path, change, message) -> None:
    data = yaml.safe_load((rules_dir() / "points-scorer.yaml").read_text())
    data.update(change)
    (tmp_path / "points-scorer.yaml").write_text(yaml.safe_dump(data))
    with pytest.raises(RulesError, match=message):
        load_model("points-scorer.yaml", Scorer, base=tmp_path)


@needs_embeddings
def test_word_recall_tells_the_aspect_apart() -> None:
    """A sentence on another part of the same thing leaves the point's own word unmatched."""
    from responsecheck.analysis import analyse
    from responsecheck.nlp import load, model_name
    from responsecheck.points import weigh

    nlp = load()
    letter = read_text_input("Dear Ms Rahman\n\nWe replaced the kitchen window on 3 May.\n\n"
                             "Our electrician fitted a new kitchen extractor fan on 9 May.\n\nYours sincerely\n\nA Officer\n")
    analysis = analyse(letter, nlp, model_name(nlp))
    options = CheckOptions(complaint_points=("The kitchen extractor fan is broken", "The kitchen window will not shut"))
    weighed, found = weigh(analysis, nlp, options, embeddings.encoder())
    fan, window = (item.near for item in weighed)
    assert found[fan.closest].sentence.text.startswith("Our electrician")
    assert found[window.closest].sentence.text.startswith("We replaced")
    assert fan.specificity > 0 and window.specificity > 0
    alone = read_text_input("Dear Ms Rahman\n\nWe replaced the kitchen window on 3 May.\n\nYours sincerely\n\nA Officer\n")
    weighed_alone, _ = weigh(analyse(alone, nlp, model_name(nlp)), nlp, options, embeddings.encoder())
    assert weighed_alone[0].near.word_recall < window.word_recall


@needs_embeddings
def test_an_answer_found_by_meaning_only_says_so_in_every_output() -> None:
    from rich.console import Console

    from responsecheck.render.docx_annotate import summary_text
    from responsecheck.render.html import render_html
    from responsecheck.render.text import render_text

    letter = read_text_input(f"Dear Ms Rahman\n\nStage 1 complaint response\n\n{RULES.examples.pass_.answer}\n\n"
                             "We have repaired the gate.\n\nYours sincerely\n\nA Officer\n", "letter.txt")
    report = check(letter, options=CheckOptions(complaint_points=(RULES.examples.pass_.point, "The gate is broken")))
    by_meaning, by_words = report.complaint_points
    assert (by_meaning.answered_by, by_words.answered_by) == ("meaning", "words")
    console = Console(record=True, width=160)
    render_text(report, console)
    assert "close in meaning" in console.export_text()
    assert "closeness in meaning only" in render_html(report, letter)
    assert "close in meaning only" in summary_text(report, [], "hint")


def test_an_unanswered_point_has_no_basis(matcher_only) -> None:
    point, _ = _point("The gate is broken", "The lift was repaired on 4 May.")
    assert point.status == "not_addressed" and point.answered_by is None
    point, _ = _point("The gate is broken", "We repaired the broken gate on 4 May.")
    assert point.status == "addressed" and point.answered_by == "words"
