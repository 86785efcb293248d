"""The anchored matcher finds exactly what spaCy's Matcher finds over the same patterns."""

from __future__ import annotations

from spacy.matcher import Matcher

from responsecheck.matching import AnchoredMatcher, letter_words
from responsecheck.rulebook import compile_pattern

PATTERNS = {
    "apology": "we|i ~apologise|~be sorry?",
    "late": "_ ~be late|delayed",
    "money": "£? #NUM _{0,3} compensation|payment",
    "optional": "please? ~accept our apologies",
    "absent": "decant|void property",
}
TEXT = ("We apologise that the repair was late. Please accept our apologies. "
        "I am sorry. We will pay £150 in compensation, and our works were delayed.")


def test_same_matches_as_spacy_matcher(nlp) -> None:
    doc = nlp(TEXT)
    plain, anchored = Matcher(nlp.vocab), AnchoredMatcher(nlp.vocab)
    for key, notation in PATTERNS.items():
        plain.add(key, [compile_pattern(notation)])
        anchored.add(key, [compile_pattern(notation)])
    expected = sorted(plain(doc))
    assert expected  # the text does hold matches, so the comparison means something
    assert sorted(anchored(doc)) == expected


def test_patterns_whose_words_are_absent_are_not_tried(nlp) -> None:
    doc = nlp("Nothing here about housing.")
    anchored = AnchoredMatcher(nlp.vocab)
    anchored.add("absent", [compile_pattern(PATTERNS["absent"])])
    assert anchored(doc) == []
    assert "housing" in letter_words(doc)["LOWER"]


def test_every_rule_pattern_passes_spacys_own_validation(nlp) -> None:
    """The matchers skip spaCy's pattern check at run time; this is where every pattern gets it."""
    from responsecheck.checks import wordlists
    from responsecheck.elements.rules import compiled
    from responsecheck.points.lexicon import lexicon

    matchers = [compiled(nlp).matcher, lexicon(nlp).non_answers, nlp.get_pipe("letter_entities").dates,
                nlp.get_pipe("quick_attribute_ruler").exceptions]
    matchers += [wordlists.compiled(category, nlp).phrases
                 for category in ("plain_english", "jargon", "stigma", "non_apology")]
    checked = 0
    for anchored in matchers:
        for key, pattern in anchored.patterns:
            Matcher(nlp.vocab, validate=True).add(key, [pattern])
            checked += 1
    assert checked > 300
