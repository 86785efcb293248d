"""A spaCy Matcher that only tries the patterns a letter could match.

spaCy's Matcher walks every pattern over every token, and its cost grows with the number of
patterns far more than with the number of matches: the element rules and the word lists hold
hundreds of patterns, of which a letter can match a handful. A pattern can only match where the
letter holds a word for each of its required tokens, so each call first collects the letter's
words (once per Doc, shared by every matcher) and builds a Matcher of just the patterns whose
required words are all present. The matches are exactly those of a plain Matcher over all the
patterns (tests/test_matching.py compares the two); only the time differs: the four language word
lists fell from about 99 to 4 ms a letter, and a full check is measured by benchmarks/bench_check.py.
"""

from __future__ import annotations

import weakref
from collections import OrderedDict
from collections.abc import Callable, Collection, Iterable, Mapping
from typing import Any

from spacy.attrs import LEMMA, LOWER, NORM, ORTH
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

# Token attributes a pattern may require a literal value of.
_ATTRIBUTES = ("ORTH", "TEXT", "LOWER", "LEMMA", "NORM")
# Kept beside the Doc rather than in doc.user_data, which must stay serialisable (nlp.pipe across processes).
_WORDS: weakref.WeakKeyDictionary[Doc, dict[str, dict[str, list[int]]]] = weakref.WeakKeyDictionary()

_BUILT_KEPT = 256

Pattern = list[dict[str, Any]]
Requirement = tuple[str, frozenset[str]]
# For a Doc, the values it holds of each anchoring attribute.
Index = Callable[[Doc], Mapping[str, Collection[str]]]


class AnchoredMatcher:
    """In place of `spacy.matcher.Matcher` (add, call) for patterns without callbacks.

    By default patterns are anchored on the letter's words (`letter_words`); a caller that runs
    inside the pipeline, before lemmas exist, gives its own `index` of the attributes it anchors on.
    """

    def __init__(self, vocab: Vocab, index: Index | None = None,
                 attributes: tuple[str, ...] = _ATTRIBUTES) -> None:
        self.vocab = vocab
        self._index = index or letter_words
        self._attributes = attributes
        self._entries: list[tuple[str, Pattern, tuple[Requirement, ...]]] = []
        # Matchers already built for a choice of patterns: letters of one kind choose alike.
        self._built: OrderedDict[tuple[int, ...], Matcher] = OrderedDict()

    @property
    def patterns(self) -> list[tuple[str, Pattern]]:
        """Every (key, pattern) added, in order."""
        return [(key, pattern) for key, pattern, _ in self._entries]

    def add(self, key: str, patterns: Iterable[Pattern]) -> None:
        """Add patterns under a key.

        spaCy's own check of each pattern is left to the tests (tests/test_matching.py runs it on
        every pattern of every rule file): the patterns come from rulebook.compile_pattern, whose
        notation is validated when the rules load, and checking them again here cost a tenth of
        the command's start-up.
        """
        for pattern in patterns:
            self._entries.append((key, pattern, _requirements(pattern, self._attributes)))
        self._built.clear()

    def __call__(self, doc: Doc | Span) -> list[tuple[int, int, int]]:
        """Matches as the Matcher gives them: (key hash, start, end), relative to a Span if given one."""
        words = self._index(doc.doc if isinstance(doc, Span) else doc)
        chosen = tuple(index for index, (_, _, requirements) in enumerate(self._entries)
                       if all(any(value in words[attribute] for value in values) for attribute, values in requirements))
        if not chosen:
            return []
        return self._matcher(chosen)(doc)

    def _matcher(self, chosen: tuple[int, ...]) -> Matcher:
        matcher = self._built.get(chosen)
        if matcher is not None:
            self._built.move_to_end(chosen)
            return matcher
        matcher = Matcher(self.vocab, validate=False)
        patterns: dict[str, list[Pattern]] = {}
        for index in chosen:
            key, pattern, _ = self._entries[index]
            patterns.setdefault(key, []).append(pattern)
        for key, group in patterns.items():
            matcher.add(key, group)
        self._built[chosen] = matcher
        if len(self._built) > _BUILT_KEPT:
            self._built.popitem(last=False)
        return matcher


def letter_words(doc: Doc) -> dict[str, dict[str, list[int]]]:
    """Where each word of the letter stands, by attribute (ORTH, LOWER, LEMMA, NORM, and
    LEMMA_LOWER for look-ups that ignore a proper noun's capital); computed once per Doc.

    Read as one array of string ids (no Token objects), and each distinct id turned into its
    string once: a letter has a few hundred distinct words.
    """
    words = _WORDS.get(doc)
    if words is None:
        columns = doc.to_array([ORTH, LOWER, LEMMA, NORM]).T.tolist() if len(doc) else [[], [], [], []]
        strings = doc.vocab.strings
        words = {}
        for attribute, ids in zip(("ORTH", "LOWER", "LEMMA", "NORM"), columns):
            by_id: dict[int, list[int]] = {}
            for position, string_id in enumerate(ids):
                by_id.setdefault(string_id, []).append(position)
            words[attribute] = {strings[string_id]: positions for string_id, positions in by_id.items()}
        words["TEXT"] = words["ORTH"]
        lemma_lower: dict[str, list[int]] = {}
        for lemma, positions in words["LEMMA"].items():
            lemma_lower.setdefault(lemma.lower(), []).extend(positions)
        words["LEMMA_LOWER"] = lemma_lower
        _WORDS[doc] = words
    return words


def _requirements(pattern: Pattern, attributes: tuple[str, ...]) -> tuple[Requirement, ...]:
    """For each token that must appear, the literal values one of which the letter must hold."""
    found: list[Requirement] = []
    for token in pattern:
        if _optional(token.get("OP")):
            continue
        for attribute, value in token.items():
            if attribute not in attributes:
                continue
            if isinstance(value, str):
                found.append((attribute, frozenset([value])))
            elif isinstance(value, dict) and set(value) == {"IN"}:
                found.append((attribute, frozenset(value["IN"])))
    return tuple(found)


def _optional(op: str | None) -> bool:
    """Whether a token with this operator may be absent (or, with '!', must be)."""
    if op is None or op in ("+", "1"):
        return False
    if op in ("?", "*", "!"):
        return True
    return op.startswith("{,") or op.startswith("{0")
