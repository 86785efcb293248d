"""Every example in rules/points.yaml, run through the real parser and matcher."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from responsecheck.analysis import analyse
from responsecheck.nlp import load
from responsecheck.points.facets import facets
from responsecheck.errors import RulesError
from responsecheck.points.lexicon import PointRules, WordList, _rules, build, lexicon
from responsecheck.points.match import _answers, best_matches, candidates
from responsecheck.points.split import clean, split
from responsecheck.readers import read_text_input
from responsecheck.rulebook import load_model, rules_dir

RULES = _rules()
WORD_LISTS = ("background", "places", "roles", "light_verbs")
CONCEPT_CASES = [(cid, kind, getattr(c.examples, attr)) for cid, c in RULES.concepts.items()
                 for kind, attr in (("pass", "pass_"), ("fail", "fail"))]


def _answered(point: str, answer: str, without: str | None = None) -> bool:
    """Whether the answer answers the point, with the rules as they are or with one word list emptied."""
    nlp = load()
    rules = RULES
    if without is not None:
        emptied = getattr(RULES, without).model_copy(update={"words": []})
        rules = RULES.model_copy(update={without: emptied})
    lex = build(rules, nlp) if without else lexicon(nlp)
    analysis = analyse(read_text_input(answer, "answer.txt"), nlp, "test")
    found = candidates(analysis, lex, set())
    doc = nlp(point)
    return bool(best_matches(facets(list(doc), lex), found))


@pytest.mark.parametrize(("concept", "kind", "pair"), CONCEPT_CASES, ids=[f"{c}-{k}" for c, k, _ in CONCEPT_CASES])
def test_concept_examples(concept: str, kind: str, pair) -> None:
    assert _answered(pair.point, pair.answer) is (kind == "pass")


@pytest.mark.parametrize("name", WORD_LISTS)
def test_word_list_examples(name: str) -> None:
    """The pass example is answered; the fail example, sharing only the list's words, is not, and would
    be if the list were empty: the example shows what the list changes."""
    word_list: WordList = getattr(RULES, name)
    examples = word_list.examples
    assert _answered(examples.pass_.point, examples.pass_.answer)
    assert not _answered(examples.fail.point, examples.fail.answer)
    assert _answered(examples.fail.point, examples.fail.answer, without=name)


ANSWER_CASES = [(section, kind, sentence) for section in ("non_answers", "statements")
                for kind, attr in (("pass", "pass_"), ("fail", "fail"))
                for sentence in getattr(getattr(RULES, section).examples, attr)]


@pytest.mark.parametrize(("section", "kind", "sentence"), ANSWER_CASES)
def test_answer_examples(section: str, kind: str, sentence: str) -> None:
    """Non-answer patterns, restatements of the complaint and policy stated in general are no answer;
    findings and decisions are."""
    nlp = load()
    analysis = analyse(read_text_input(sentence, "s.txt"), nlp, "test")
    assert _answers(analysis.sentences[0], lexicon(nlp)) is (kind == "pass")


@pytest.mark.parametrize(("kind", "sentence"), [("pass", s) for s in RULES.requests.examples.pass_]
                         + [("fail", s) for s in RULES.requests.examples.fail])
def test_request_examples(kind: str, sentence: str) -> None:
    nlp = load()
    points = split(nlp(clean(sentence)), lexicon(nlp))
    assert any(p.request for p in points) is (kind == "pass")


@pytest.mark.parametrize(("kind", "sentence"), [("pass", s) for s in RULES.procedural.examples.pass_]
                         + [("fail", s) for s in RULES.procedural.examples.fail])
def test_procedural_examples(kind: str, sentence: str) -> None:
    """Asking for the next stage, or putting the complaint through the process, is no point at all; asking
    for an outcome, or a grievance about how the complaint was handled, is one."""
    nlp = load()
    points = split(nlp(clean(sentence)), lexicon(nlp))
    assert bool(points) is (kind == "pass")


def test_a_title_line_is_not_an_answer() -> None:
    point = "Strangers use the car park at Dunn Street."
    assert not _answered(point, "Your complaint about the car park at Dunn Street and the back lane - stage 1 response")
    assert _answered(point, "We will fit a barrier to the car park at Dunn Street by 3 June.")


def test_a_word_list_without_examples_is_a_rules_error(tmp_path: Path) -> None:
    """Every weighting list must show what it changes: a list with no examples does not load."""
    data = yaml.safe_load((rules_dir() / "points.yaml").read_text(encoding="utf-8"))
    del data["places"]["examples"]
    (tmp_path / "points.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(RulesError, match=r"places\.examples"):
        load_model("points.yaml", PointRules, base=tmp_path)


def test_a_compound_ending_in_a_role_word_is_a_role() -> None:
    lex = lexicon(load())
    assert lex.is_role("caseworker") and lex.is_role("handyperson") and lex.is_place("caseworker")
    assert not lex.is_role("steam") and not lex.is_role("german") and not lex.is_role("boiler")


def test_a_noun_only_term_does_not_name_its_concept_as_a_verb() -> None:
    nlp = load()
    lex = lexicon(nlp)
    refused = [k for f in facets(list(nlp("The engineer refused to look at the leak.")), lex) for k in f.keys]
    refuse = [k for f in facets(list(nlp("The refuse was left by the door.")), lex) for k in f.keys]
    assert "c:communal_cleaning" not in refused and "c:communal_cleaning" in refuse
