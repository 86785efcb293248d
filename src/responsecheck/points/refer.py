"""What a pronoun in a point stands for: "Last time it took nine days to repair", "Sort it properly".

A point that speaks of a thing only as "it" or "they" is answered by a sentence naming that thing, so
the thing joins the point as its antecedent. The antecedent is found the way a reader finds it (a
light form of centering): words offer the thing they are most about, their subject (or what "there
is" introduces) if that is a thing, else their object, else the first thing in a prepositional
phrase; people (named people, staff and family roles) are never the thing. "They" takes a plural
noun, "it" any (the tagger calls mass nouns such as "graffiti" plural). An earlier clause of the
pronoun's own sentence is tried first, then the sentences before, at most MAX_BACK of them. Only a
point naming no thing of its own is given one. A request for "all of this" or "everything" names
the whole complaint: it is answered when every other point is (point.whole).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from .facets import CONCEPT_WEIGHT, POS_WEIGHT, Facet, facets
from .lexicon import Lexicon

if TYPE_CHECKING:
    from .split import SplitPoint

_SINGULAR = {"it", "this", "that"}
_PLURAL = {"they", "them", "these", "those"}
_ARGUMENT = {"nsubj", "nsubjpass", "attr", "dobj", "pobj"}  # attr: "there are [rats]"
_PREFERENCE = {"nsubj": 0, "nsubjpass": 0, "attr": 0, "dobj": 1, "pobj": 2}
MAX_BACK = 3
_WHOLE = {"all", "everything"}


def resolve(points: list[SplitPoint], doc: Doc, lexicon: Lexicon) -> None:
    """Give each point that names no thing of its own but refers back to one by a pronoun the thing it
    refers to (point.antecedent)."""
    sentences = list(doc.sents)
    for point in points:
        span = doc.char_span(point.start, point.end, alignment_mode="expand")
        if span is None or any(t.pos_ == "NOUN" and _thing(t, lexicon) for t in span):
            continue  # the point names a thing of its own: that is what an answer must name
        if point.request and any(t.lower_ in _WHOLE and (t.pos_ == "PRON" or t.dep_ == "predet") for t in span):
            point.whole = True  # "I would like all of this sorted": every other point, not one thing
            continue
        pronoun = next((t for t in span if _pronoun(t)), None)
        if pronoun is None or _own_subject(pronoun, span):
            continue
        here = next(n for n, s in enumerate(sentences) if s.start <= pronoun.i < s.end)
        for n in range(here, max(-1, here - MAX_BACK - 1), -1):
            # the sentence's own words before the point (an earlier clause), then whole earlier sentences
            tokens = [t for t in sentences[n] if t.i < span.start]
            thing = _centre(tokens, lexicon, plural=pronoun.lower_ in _PLURAL)
            if thing is not None:
                point.antecedent = [thing]
                break


def _own_subject(pronoun: Token, span: Span) -> bool:
    """Whether the pronoun stands for a noun subject the point names before it ("The letter you sent me
    had someone else's name on it": the letter), which leaves no thing to find further back."""
    return any(t.dep_ in ("nsubj", "nsubjpass") and _noun(t) and t.i < pronoun.i for t in span)


def _noun(token: Token) -> bool:
    """A common noun, or a word the tagger took for a name though it names nothing ('graffiti')."""
    return token.pos_ == "NOUN" or token.pos_ == "PROPN" and not token.ent_type_


def _pronoun(token: Token) -> bool:
    """'it', 'they', 'this'... standing for a thing as a subject or an object."""
    return token.pos_ == "PRON" and token.dep_ in _ARGUMENT and token.lower_ in _SINGULAR | _PLURAL


def _centre(tokens: list[Token], lexicon: Lexicon, plural: bool) -> Facet | None:
    """The thing these words are most about, for the pronoun's number: subject, else object, else the
    first thing in a prepositional phrase; never a person. None when the words name nothing, or when
    the first place is held by a pronoun ("I reported it to your out of hours line"): the sentence goes
    on about the thing before it, not the line, so the thing is looked for further back."""
    arguments = sorted((t for t in tokens if t.dep_ in _ARGUMENT and (
        _pronoun(t) and (t.lower_ in _PLURAL) == plural
        or _noun(t) and (t.tag_ == "NNS" or not plural) and not lexicon.is_role(t.lemma_.lower()))),
        key=lambda t: (_PREFERENCE[t.dep_], t.i))
    for token in arguments:
        if _pronoun(token):
            return None
        facet = _thing(token, lexicon)
        if facet is not None:
            return facet
    return None


def _thing(token: Token, lexicon: Lexicon) -> Facet | None:
    """The facet a noun (with its compound words: 'storage heater') makes, if it names a thing (not a
    place or a background word); weighed as a thing even when the tagger took it for a name."""
    words = sorted([c for c in token.children if c.dep_ == "compound"] + [token], key=lambda t: t.i)
    found = [f for f in facets(words, lexicon) if f.weight >= POS_WEIGHT["PROPN"]]
    if not found:
        return None
    best = max(found, key=lambda f: f.weight)
    return Facet(best.keys, max(best.weight, CONCEPT_WEIGHT), best.text)
