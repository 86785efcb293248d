"""The point-matching vocabulary (rules/points.yaml), validated on load and indexed once.

Concepts group the words residents and landlords use for the same thing ("boiler", "heating",
"hot water"), so a point and its answer meet even when the letter paraphrases. Background words
and light verbs carry no topic. Non-answer patterns find sentences that mention a point without
answering it; request verbs and frames find the outcome the resident asks for.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from pydantic import BaseModel, ConfigDict, Field
from spacy.language import Language
from spacy.tokens import Token

from ..matching import AnchoredMatcher
from ..rulebook import Examples, compile_pattern, load_model


class Pair(BaseModel):
    model_config = ConfigDict(extra="forbid")
    point: str
    answer: str


class PairExamples(BaseModel):
    model_config = ConfigDict(extra="forbid")
    pass_: Pair = Field(alias="pass")
    fail: Pair


class Concept(BaseModel):
    model_config = ConfigDict(extra="forbid")
    source: str
    terms: list[str] = Field(min_length=1)
    examples: PairExamples


class WordList(BaseModel):
    """Words that weigh less (places, roles) or nothing (background, light verbs) in a point. The pass
    example is a point answered through what it is about; the fail example an answer sharing only the
    list's words, which must not answer it (and would without the list: the tests show both)."""

    model_config = ConfigDict(extra="forbid")
    source: str
    words: list[str] = Field(min_length=1)
    examples: PairExamples


class NonAnswers(BaseModel):
    model_config = ConfigDict(extra="forbid")
    source: str
    patterns: list[str] = Field(min_length=1)
    examples: Examples


class Statements(BaseModel):
    """The vocabulary of statements.py: what names the resident's complaint and the verbs that restate
    it; what names the landlord, and the verbs of a decision, which no general statement carries."""

    model_config = ConfigDict(extra="forbid")
    source: str
    documents: frozenset[str] = Field(min_length=1)
    restating_verbs: frozenset[str] = Field(min_length=1)
    landlords: frozenset[str] = Field(min_length=1)
    answer_verbs: frozenset[str] = Field(min_length=1)
    examples: Examples


class Requests(BaseModel):
    """How a resident asks: request verbs (with the resident, or the person a complaint is made for, as
    subject), opening frames, and the imperative ("Fix it."), less the verbs that only steer the reader."""

    model_config = ConfigDict(extra="forbid")
    source: str
    verbs: list[str] = Field(min_length=1)
    frames: list[str]
    #: Who a complaint made on someone's behalf asks for: "Mr Lloyd would like", "The customer wants".
    on_behalf: list[str] = Field(min_length=1)
    #: Imperatives that ask nothing of the landlord: "See the photos attached", "Imagine living like this".
    not_imperatives: list[str] = Field(min_length=1)
    examples: Examples


class Procedural(BaseModel):
    """Asking for the complaint to go to its next stage is the resident's right under the procedure, met
    by the response itself: not a point, nor an outcome the letter must decide."""

    model_config = ConfigDict(extra="forbid")
    source: str
    terms: list[str] = Field(min_length=1)
    examples: Examples


class PointRules(BaseModel):
    model_config = ConfigDict(extra="forbid")
    schema_version: int = Field(alias="schema")
    background: WordList
    places: WordList
    roles: WordList
    light_verbs: WordList
    concepts: dict[str, Concept]
    non_answers: NonAnswers
    statements: Statements
    requests: Requests
    procedural: Procedural


@dataclass(frozen=True)
class Lexicon:
    rules: PointRules
    stop: frozenset[str]
    #: Not as nouns with a determiner: "call" says nothing in "they call it", but "your call" is a phone call.
    light_verbs: frozenset[str]
    places: frozenset[str]
    #: People by their role (staff, family): never the thing a pronoun stands for.
    roles: frozenset[str]
    # first word of a term -> [(the term's words, concept ids)], longest terms first
    terms: dict[str, list[tuple[tuple[str, ...], frozenset[str]]]]
    #: Terms marked "/noun" in the rules: a homograph that names the concept only as a noun ("refuse",
    #: the rubbish, is not "refused" the verb).
    nouns_only: frozenset[tuple[str, ...]]
    non_answers: AnchoredMatcher
    request_verbs: frozenset[str]
    request_frames: tuple[tuple[str, ...], ...]
    on_behalf: frozenset[str]
    not_imperatives: frozenset[str]
    procedural: tuple[tuple[str, ...], ...]

    def is_role(self, word: str) -> bool:
        """A role word, or a compound ending in one that says which kind ("caseworker", "handyperson",
        "grandchild"): still who, not what. The role word has four letters or more ("german" ends in no
        role) and three letters or more come before it ("steam" is no team)."""
        return word in self.roles or any(word.endswith(r) and len(r) >= 4 and len(word) - len(r) >= 3
                                         for r in self.roles)

    def is_place(self, word: str) -> bool:
        """Where or who: a room or surface, or a role."""
        return word in self.places or self.is_role(word)

    def concepts_at(self, tokens: list[Token], i: int) -> tuple[int, frozenset[str]]:
        """The longest term starting at tokens[i]: how many tokens it covers and its concepts (0 if none)."""
        candidates = [t for form in dict.fromkeys(_form(tokens[i])) for t in self.terms.get(form, [])]
        for words, concepts in sorted(candidates, key=lambda t: -len(t[0])):
            if i + len(words) <= len(tokens) and all(
                    w in _form(tokens[i + k]) for k, w in enumerate(words)) and not (
                    words in self.nouns_only and tokens[i + len(words) - 1].pos_ not in ("NOUN", "PROPN")):
                return len(words), concepts
        return 0, frozenset()


def _form(token: Token) -> tuple[str, ...]:
    lower, lemma, base = token.lower_, token.lemma_.lower(), base_lemma(token)
    return (lower, lemma) if base == lemma else (lower, lemma, base, base + "e")


def base_lemma(token: Token) -> str:
    """The lemma; for a participle the tagger read as an adjective or a noun and left unlemmatised ("the
    £60 refunded", "my cupboards damaged") the verb it comes from, less its -ed ("refund", "damag")."""
    lemma = token.lemma_.lower()
    if lemma.endswith("ed") and len(lemma) > 5 and token.pos_ in ("ADJ", "NOUN"):
        return lemma[:-3] + "y" if lemma.endswith("ied") else lemma[:-2]
    return lemma


@lru_cache(maxsize=1)
def _rules() -> PointRules:
    return load_model("points.yaml", PointRules)


@lru_cache(maxsize=4)
def lexicon(nlp: Language) -> Lexicon:
    """The vocabulary compiled for this pipeline (cached: built once per process)."""
    return build(_rules(), nlp)


def build(rules: PointRules, nlp: Language) -> Lexicon:
    """Compile a rule set (the tests compile one with a list emptied, to show what that list changes)."""
    index: dict[str, dict[tuple[str, ...], set[str]]] = {}
    nouns_only: set[tuple[str, ...]] = set()
    for concept_id, concept in rules.concepts.items():
        for term in concept.terms:
            noun = term.endswith("/noun")
            words = tuple(term.removesuffix("/noun").lower().replace("-", " - ").split())  # spaCy splits hyphens off
            index.setdefault(words[0], {}).setdefault(words, set()).add(concept_id)
            if noun:
                nouns_only.add(words)
    terms = {first: sorted(((w, frozenset(c)) for w, c in by_words.items()), key=lambda t: -len(t[0]))
             for first, by_words in index.items()}
    matcher = AnchoredMatcher(nlp.vocab)
    for n, pattern in enumerate(rules.non_answers.patterns):
        matcher.add(f"non_answer:{n}", [compile_pattern(pattern)])
    return Lexicon(rules=rules, stop=frozenset(rules.background.words),
                   light_verbs=frozenset(rules.light_verbs.words),
                   places=frozenset(rules.places.words) | frozenset(rules.roles.words),
                   roles=frozenset(rules.roles.words),
                   terms=terms, nouns_only=frozenset(nouns_only), non_answers=matcher, request_verbs=frozenset(rules.requests.verbs),
                   request_frames=tuple(tuple(f.split()) for f in rules.requests.frames),
                   on_behalf=frozenset(rules.requests.on_behalf),
                   not_imperatives=frozenset(rules.requests.not_imperatives),
                   procedural=tuple(tuple(t.lower().split()) for t in rules.procedural.terms))
