"""Every example in rules/points.yaml, run through the real parser and matcher."""

from __future__ import annotations

import pytest

from responsecheck.analysis import analyse
from responsecheck.nlp import load
from responsecheck.options import CheckOptions
from responsecheck.points import complaint_points
from responsecheck.points.lexicon import _rules, lexicon
from responsecheck.points.match import _answers, best_matches, candidates
from responsecheck.points.split import clean, split
from responsecheck.readers import read_text_input

RULES = _rules()
CONCEPT_CASES = [(cid, kind, getattr(c.examples, attr)) for cid, c in RULES.concepts.items()
                 for kind, attr in (("pass", "pass_"), ("fail", "fail"))]


def _answered(point: str, answer: str) -> bool:
    nlp = load()
    analysis = analyse(read_text_input(answer, "answer.txt"), nlp, "test")
    found = candidates(analysis, lexicon(nlp), set())
    (given,) = complaint_points(CheckOptions(complaint_points=(point,)), nlp)
    return bool(best_matches(given.facets, found))


@pytest.mark.parametrize(("concept", "kind", "pair"), CONCEPT_CASES, ids=[f"{c}-{k}" for c, k, _ in CONCEPT_CASES])
def test_concept_examples(concept: str, kind: str, pair) -> None:
    assert _answered(pair.point, pair.answer) is (kind == "pass")


@pytest.mark.parametrize(("kind", "sentence"), [("pass", s) for s in RULES.non_answers.examples.pass_]
                         + [("fail", s) for s in RULES.non_answers.examples.fail])
def test_non_answer_examples(kind: str, sentence: str) -> None:
    nlp = load()
    analysis = analyse(read_text_input(sentence, "s.txt"), nlp, "test")
    assert _answers(analysis.sentences[0], lexicon(nlp)) is (kind == "pass")


@pytest.mark.parametrize(("kind", "sentence"), [("pass", s) for s in RULES.requests.examples.pass_]
                         + [("fail", s) for s in RULES.requests.examples.fail])
def test_request_examples(kind: str, sentence: str) -> None:
    nlp = load()
    points = split(nlp(clean(sentence)), lexicon(nlp))
    assert any(p.request for p in points) is (kind == "pass")


def test_a_title_line_is_not_an_answer() -> None:
    point = "Strangers use the car park at Dunn Street."
    assert not _answered(point, "Your complaint about the car park at Dunn Street and the back lane - stage 1 response")
    assert _answered(point, "We will fit a barrier to the car park at Dunn Street by 3 June.")
