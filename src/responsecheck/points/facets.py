"""What a point is about, and what a letter sentence talks about, as comparable keys.

A point's facets are its content words (nouns, verbs, adjectives that are not background words),
its dates, and the housing concepts its words belong to; words of one concept make one facet, so
"boiler ... no heating or hot water" is one thing to answer, not three. A sentence's keys are the
same kinds of key, so a facet is answered when the sentence shares its word (full strength) or only
its concept (a paraphrase, slightly less).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Token

from .lexicon import Lexicon, base_lemma

_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTHS})\b", re.I)
_HOUSE_NUMBER = re.compile(r"\b(?:number|no\.)\s+(\d{1,4}[a-z]?)\b", re.I)
_MONTH_DAY = re.compile(rf"\b({_MONTHS})\s+(\d{{1,2}})(?:st|nd|rd|th)?\b", re.I)
# How much a content word says about the topic, by part of speech: things named weigh most.
# Proper nouns are mostly names and addresses, which answers seldom repeat.
POS_WEIGHT = {"NOUN": 1.0, "PROPN": 0.5, "ADJ": 0.7, "VERB": 0.6}
CONCEPT_WEIGHT = 1.0
PLACE_WEIGHT = 0.4
# Words in a modifier (a prepositional phrase, "every night") qualify the point; its core (subject,
# verb, object) says what it is, so modifiers weigh less.
MODIFIER_FACTOR = 0.6
_CAUSAL = {"because", "due", "owing"}
_MODIFIER_DEPS = {"prep", "agent", "npadvmod", "advcl", "relcl", "acl"}
# Derivational endings, so "replace" meets "replacement" and "apologise" meets "apology".
_SUFFIXES = ("isation", "ization", "ation", "ition", "ment", "tion", "sion", "ance", "ence", "ing", "ise", "ize", "al",
             "er", "or", "y", "e")
MONEY_KEY = "c:compensation"
#: Any day-and-month date: what a point asking for "a date" is answered with.
ANY_DATE = "d:any"
_DATE_WORDS = {"date"}
_MONTH_NAMES = set(_MONTHS.split("|"))
# A shared concept (a paraphrase) against a shared word.
CONCEPT_STRENGTH = 0.85


@dataclass(frozen=True)
class Facet:
    keys: frozenset[str]
    weight: float
    text: str


def house_numbers(text: str) -> set[str]:
    """House numbers as keys ('n:22' for "number 22", "No. 22"): which neighbour or home a point is about,
    named the same way in the answer ("the household at number 22")."""
    return {f"n:{n.lower()}" for n in _HOUSE_NUMBER.findall(text)}


def dates(text: str) -> set[str]:
    """Day-and-month dates as keys ('d:5 january'), whatever the order or ordinal suffix."""
    found = {f"d:{int(d)} {m.lower()}" for d, m in _DAY_MONTH.findall(text)}
    found |= {f"d:{int(d)} {m.lower()}" for m, d in _MONTH_DAY.findall(text)}
    return found


def stem(lemma: str) -> str:
    """The lemma less its derivational endings (up to two, each leaving at least four letters), so
    "replacement" and "replaced" both come to "replac"."""
    for _ in range(2):
        lemma = _strip_one(lemma)
    return lemma


def _strip_one(lemma: str) -> str:
    for suffix in _SUFFIXES:
        if lemma.endswith(suffix) and len(lemma) - len(suffix) >= 4:
            return lemma[: -len(suffix)]
    return lemma


def word_key(token: Token) -> str:
    """The stem of the word's lemma (of its verb for an unlemmatised participle: "refunded" meets "refund")."""
    return f"l:{stem(base_lemma(token))}"


def _content(token: Token, lexicon: Lexicon) -> bool:
    lemma = token.lemma_.lower()
    return (token.pos_ in POS_WEIGHT and token.is_alpha and not token.is_stop and len(lemma) > 1
            and lemma not in lexicon.stop and token.lower_ not in lexicon.stop
            and not (lemma in lexicon.light_verbs and not _determined_noun(token)))


def _determined_noun(token: Token) -> bool:
    """A light verb's word used as a noun with its own determiner ("your call on 6 May", "the
    look of it") names a thing; a bare one ("deal with the rats") is usually the verb mis-tagged."""
    return token.pos_ == "NOUN" and any(c.dep_ in ("det", "poss") for c in token.children)


def _factor(token: Token, inside: set[int]) -> float:
    """MODIFIER_FACTOR for a word inside a modifier of the point's clause, else 1."""
    current = token
    while current.i in inside and current.head.i != current.i:
        if current.dep_ in _MODIFIER_DEPS and not _causal(current):
            return MODIFIER_FACTOR
        current = current.head
    return 1.0


def _causal(token: Token) -> bool:
    """A reason ("because of missing slates", "due to a leak") says what is wrong: it is core, not a modifier."""
    return token.lower_ in _CAUSAL or any(c.lower_ in _CAUSAL for c in token.children)


def facets(tokens: Sequence[Token], lexicon: Lexicon) -> list[Facet]:
    """The facets of a point, merged so that facets sharing a key become one.

    When everything the point names sits in a modifier ("deal with the rats"), the modifier is its
    core and nothing is weighed down.
    """
    found = _facets(list(tokens), lexicon, {t.i for t in tokens})
    if found and max(f.weight for f in found) < CONCEPT_WEIGHT:
        found = _facets(list(tokens), lexicon, set())
    return found


def _facets(tokens: list[Token], lexicon: Lexicon, inside: set[int]) -> list[Facet]:
    raw: list[Facet] = []
    i = 0
    while i < len(tokens):
        length, concepts = lexicon.concepts_at(tokens, i)
        if length:
            words = tokens[i:i + length]
            keys = {f"c:{c}" for c in concepts} | {word_key(t) for t in words if _content(t, lexicon)}
            raw.append(Facet(frozenset(keys), CONCEPT_WEIGHT * max(_factor(t, inside) for t in words),
                             " ".join(t.text for t in words)))
            i += length
            continue
        token = tokens[i]
        if _money(token):
            raw.append(Facet(frozenset({MONEY_KEY}), 0.7, token.text))
        elif _asks_when(token):
            raw.append(Facet(frozenset({ANY_DATE}), 1.0, token.text))
        elif _content(token, lexicon):
            place = lexicon.is_place(token.lemma_.lower()) or lexicon.is_place(token.lower_)
            weight = (PLACE_WEIGHT if place else POS_WEIGHT[token.pos_]) * _factor(token, inside)
            keys = {word_key(token)} | ({ANY_DATE} if token.pos_ == "NOUN" and token.lower_ in _DATE_WORDS else set())
            raw.append(Facet(frozenset(keys), weight, token.text))
        i += 1
    text = "".join(t.text_with_ws for t in tokens)
    raw.extend(Facet(frozenset({key}), 1.0, key[2:]) for key in sorted(dates(text) | house_numbers(text)))
    return merge(raw)


def _asks_when(token: Token) -> bool:
    """"when" opening a clause that is the object of another ("tell us when the shower will be done", "we
    want to know when we can go home"): it asks for a date, as "a date for" does. "When I rang, ..." says
    when something happened instead."""
    return token.lower_ == "when" and token.tag_ == "WRB" and token.head.dep_ in ("ccomp", "xcomp") \
        and token.head.head.pos_ in ("VERB", "AUX")


def merge(raw: list[Facet]) -> list[Facet]:
    merged: list[Facet] = []
    for facet in raw:
        overlapping = [m for m in merged if m.keys & facet.keys]
        if not overlapping:
            merged.append(facet)
            continue
        keys = set(facet.keys)
        weight, texts = facet.weight, [facet.text]
        for m in overlapping:
            keys |= m.keys
            weight = max(weight, m.weight)
            texts.insert(0, m.text)
            merged.remove(m)
        merged.append(Facet(frozenset(keys), weight, ", ".join(dict.fromkeys(texts))))
    return merged


def sentence_keys(tokens: Sequence[Token], lexicon: Lexicon) -> frozenset[str]:
    """Every key a stretch of letter text offers: its lemmas, concepts and dates."""
    keys, modifiers = answer_keys(tokens, lexicon)
    return keys | modifiers


def answer_keys(tokens: Sequence[Token], lexicon: Lexicon) -> tuple[frozenset[str], frozenset[str]]:
    """A sentence's keys, and apart from them the keys only nouns describing another thing offer: "a
    lift-served home" speaks of a home, and names the lift only to say which kind."""
    tokens = list(tokens)
    keys: set[str] = set()
    modifiers: set[str] = set()
    for i, token in enumerate(tokens):
        into = modifiers if _modifier(token) else keys
        if token.is_alpha:
            into.add(word_key(token))
        if _money(token):
            keys.add(MONEY_KEY)
        length, concepts = lexicon.concepts_at(tokens, i)
        if length:
            last = tokens[i + length - 1]
            (modifiers if _modifier(last) and last.head not in tokens[i:i + length] else keys).update(
                f"c:{c}" for c in concepts)
    text = "".join(t.text_with_ws for t in tokens)
    keys |= dates(text) | house_numbers(text)
    if _main_clause_date(tokens):
        keys.add(ANY_DATE)  # "a date for the door" is answered by "our joiner will fit it on 26 June"
    return frozenset(keys), frozenset(modifiers - keys)


def _main_clause_date(tokens: list[Token]) -> bool:
    """Whether the sentence's main clause (its root or a verb coordinated with it) says when: "will fit it
    on 26 June" gives a date; "will work towards completion before your offer expires on 30 June" does not."""
    for token in tokens:
        if token.lower_ not in _MONTH_NAMES:
            continue
        verb = next((a for a in token.ancestors if a.pos_ in ("VERB", "AUX")), None)
        while verb is not None and verb.dep_ == "conj":
            verb = verb.head
        if verb is not None and verb.dep_ == "ROOT" and dates(token.sent.text):
            return True
    return False


def _modifier(token: Token) -> bool:
    """A noun that only describes another thing: "lift" in "a lift-served home" (a noun modifying an
    adjective that modifies a noun). Noun compounds are not demoted: in "the heating system" or "the
    police letter" the first noun is what the sentence is about."""
    return token.pos_ in ("NOUN", "PROPN") and token.dep_ == "npadvmod" and token.head.dep_ == "amod"


def strength(facet: Facet, keys: frozenset[str]) -> float:
    """1 when the sentence has the facet's own word or date, 0.85 for its concept only, else 0."""
    shared = facet.keys & keys
    if not shared:
        return 0.0
    return 1.0 if any(not k.startswith("c:") for k in shared) else CONCEPT_STRENGTH


def _money(token: Token) -> bool:
    """A sum of money: '£' or 'pounds' after a number (the pipeline finds no MONEY entities)."""
    return token.text == "£" or (token.lower_ in ("pounds", "pound", "quid") and token.i > 0
                                 and token.nbor(-1).like_num)
