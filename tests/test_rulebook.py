"""Pattern compilation: splitting a first token's alternatives changes the speed, never the matches."""

from __future__ import annotations

from pathlib import Path

from spacy.matcher import Matcher

from responsecheck.elements.rules import ElementRules
from responsecheck.readers import read_path
from responsecheck.rulebook import compile_pattern, load_model, split_first_alternatives

ROOT = Path(__file__).resolve().parents[1]


def test_split_patterns_find_exactly_what_the_whole_patterns_find(nlp) -> None:
    rules = load_model("elements.yaml", ElementRules)
    whole, split = Matcher(nlp.vocab), Matcher(nlp.vocab)
    for element_id, rule in rules.elements.items():
        notations = [p if isinstance(p, str) else p.pattern for p in rule.patterns] + rule.systemic_patterns
        for index, notation in enumerate(notations):
            pattern = compile_pattern(notation)
            whole.add(f"{element_id}:{index}", [pattern])
            split.add(f"{element_id}:{index}", split_first_alternatives(pattern))
    letters = sorted((ROOT / "corpora" / "dev").glob("*.docx"))[:6]
    for doc in nlp.pipe(read_path(p).text for p in letters):
        found = sorted(whole(doc))
        assert found and sorted(split(doc)) == found


def test_only_a_first_token_with_alternatives_is_split() -> None:
    assert split_first_alternatives(compile_pattern("we|i ~apologise|~be")) == [
        [{"LOWER": "we"}, {"LEMMA": {"IN": ["apologise", "be"]}}],
        [{"LOWER": "i"}, {"LEMMA": {"IN": ["apologise", "be"]}}]]
    assert split_first_alternatives(compile_pattern("_ show|confirm that")) == [
        [{}, {"LOWER": "show"}, {"LOWER": "that"}], [{}, {"LOWER": "confirm"}, {"LOWER": "that"}]]
    single = compile_pattern("stage #NUM")
    assert split_first_alternatives(single) == [single]
