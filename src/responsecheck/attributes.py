"""The model's attribute ruler, applied by look-ups where it can be, with exactly the same result.

en_core_web_sm's attribute ruler gives each token its part of speech and morphology from its fine
tag (a tag map of one pattern per tag), then applies some 120 exceptions (pronoun lemmas,
auxiliaries, 'n't'...). spaCy runs all of them through one Matcher over every token, which cost
about 12 ms for a one-page letter: a tenth of the whole parse, on which every check rides. Here the
tag map is one look-up over the tag array, one-word exceptions (a word, perhaps with a tag) one
look-up per token, and the other exceptions go through an AnchoredMatcher that tries only those
whose words, tags and dependency labels the letter holds. The ruler's own
`set_annotations` then writes them, later patterns over earlier ones, as in spaCy.
tests/test_attributes.py compares every token attribute with the stock pipeline's over the corpus.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy
from spacy.attrs import DEP, LOWER, MORPH, POS, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from .matching import AnchoredMatcher

_ANCHORS = ("LOWER", "TAG", "DEP")
_ANCHOR_IDS = (LOWER, TAG, DEP)


class QuickAttributeRuler:
    """A pipeline component standing in for the model's AttributeRuler, which it wraps."""

    def __init__(self, ruler: AttributeRuler) -> None:
        self.ruler = ruler
        strings = ruler.vocab.strings
        self._tag_map: dict[int, tuple[int, int]] = {}
        # One-word exceptions that ask only for a word (and maybe a tag): a look-up per token, giving
        # (pattern index, its match key) as the ruler's own matcher would.
        self._words: dict[tuple[int, int], list[tuple[int, int]]] = {}
        self.exceptions = AnchoredMatcher(ruler.vocab, index=_anchors, attributes=_ANCHORS)
        # The tag map can go first only while it comes first: a later pattern must still win.
        in_tag_map = True
        for attr_id, entry in enumerate(ruler.patterns):
            attrs = ruler.attrs[attr_id]
            tag = _tag_only(entry["patterns"])
            in_tag_map = in_tag_map and tag is not None and set(attrs) == {POS, MORPH}
            if in_tag_map:
                self._tag_map[strings[tag]] = (attrs[POS], attrs[MORPH])
                continue
            keys = _word_keys(entry["patterns"])
            if keys is None:
                self.exceptions.add(str(attr_id), entry["patterns"])
            for tag_text, word in keys or ():
                key = (strings.add(tag_text) if tag_text else 0, strings.add(word))
                self._words.setdefault(key, []).append((attr_id, strings.add(str(attr_id))))

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        self._apply_tag_map(doc)
        strings = self.ruler.vocab.strings
        matches = {(int(strings[key]), key, start, end) for key, start, end in self.exceptions(doc)}
        words = self._words
        for position, (tag, word) in enumerate(doc.to_array([TAG, LOWER]).tolist()):
            for attr_id, key in words.get((tag, word), []) + words.get((0, word), []):
                matches.add((attr_id, key, position, position + 1))
        self.ruler.set_annotations(doc, sorted(matches))
        return doc

    def _apply_tag_map(self, doc: Doc) -> None:
        columns = doc.to_array([TAG, POS, MORPH])
        for tag in numpy.unique(columns[:, 0]).tolist():
            mapped = self._tag_map.get(tag)
            if mapped is not None:
                rows = columns[:, 0] == tag
                columns[rows, 1], columns[rows, 2] = mapped
        doc.from_array([POS, MORPH], columns[:, 1:])


def _word_keys(patterns: list[list[dict]]) -> list[tuple[str | None, str]] | None:
    """(tag or None, word) for every one-word pattern that asks for its lower-case form (one word
    or a set) and perhaps a tag, and nothing else; None when any pattern asks for more."""
    keys: list[tuple[str | None, str]] = []
    for pattern in patterns:
        if len(pattern) != 1 or not set(pattern[0]) <= {"TAG", "LOWER"}:
            return None
        tag, lower = pattern[0].get("TAG"), pattern[0].get("LOWER")
        words = [lower] if isinstance(lower, str) else lower.get("IN") if isinstance(lower, dict) else None
        if not isinstance(tag, (str, type(None))) or not words or (isinstance(lower, dict) and set(lower) != {"IN"}):
            return None
        keys.extend((tag, word) for word in words)
    return keys


def _tag_only(patterns: list[list[dict]]) -> str | None:
    """The tag of a tag-map entry: one pattern of one token that asks for a fine tag and nothing else."""
    if len(patterns) == 1 and len(patterns[0]) == 1 and set(patterns[0][0]) == {"TAG"}:
        tag = patterns[0][0]["TAG"]
        return tag if isinstance(tag, str) else None
    return None


def _anchors(doc: Doc) -> Mapping[str, set[str]]:
    """The words, fine tags and dependency labels a Doc holds (read once per call, mid-pipeline)."""
    strings = doc.vocab.strings
    columns = doc.to_array(list(_ANCHOR_IDS)).T
    return {name: {strings[value] for value in numpy.unique(column).tolist()}
            for name, column in zip(_ANCHORS, columns)}


@Language.factory("quick_attribute_ruler")
def _quick_attribute_ruler(nlp: Language, name: str) -> QuickAttributeRuler:
    return QuickAttributeRuler(nlp.get_pipe("attribute_ruler"))


def install(nlp: Language) -> None:
    """Put the quick ruler in the place of the model's attribute ruler, if the model has one."""
    if "attribute_ruler" in nlp.pipe_names:
        nlp.add_pipe("quick_attribute_ruler", after="attribute_ruler")
        nlp.remove_pipe("attribute_ruler")
