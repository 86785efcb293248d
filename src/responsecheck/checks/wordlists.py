"""Word lists (rules/language/*.yaml): words and phrases to flag, with what to say instead.

One file per category (plain_english, jargon, stigma, non_apology), validated on load. Each entry
names its terms, a suggestion, its source and examples the tests run through the whole pipeline.
Terms use the rulebook notation (responsecheck.rulebook), with two conveniences:
  - a single lower-case word matches any inflection ("commence" finds "commenced", "commencing");
  - a single upper-case word is an acronym, matched exactly as written ("ASB", not "asb").
An entry can narrow its matches by the parse rather than by more wording:
  pos       the matched words include one with this part of speech ("forward" as a VERB only);
  subject   the matched words' clause has this subject ("fail" only with "you": "you failed to",
            "you have repeatedly failed"; "rude" in "you were rude and abusive" or "found you rude"),
            so one entry covers every tense, adverb and word order;
  unless_next  not when the next word is one of these ("you should have" but not "you should have
            been told", which is the landlord's failure);
  expansion (acronyms) not flagged when the letter spells it out before or at its first use.
Matches inside quotation marks are left alone: those are someone else's words (a resident's
"rude", a quoted note), not the letter's. Address blocks, sign-offs, letterheads and footers are
not prose the handler wrote for this resident, so they are skipped too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..analysis import FRAME_ROLES, Analysis
from ..errors import RulesError
from ..matching import AnchoredMatcher, letter_words
from ..report import Finding, Severity
from ..rulebook import Examples, compile_pattern, load_model
from .patterns import quoted_spans

SKIPPED_ROLES = FRAME_ROLES
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]{1,7}s?$")


class Entry(BaseModel):
    """One word or phrase to flag, with its alternatives and where the advice comes from."""

    model_config = ConfigDict(extra="forbid")
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    terms: list[str] = Field(min_length=1)
    suggestion: str
    explanation: str | None = None
    severity: Severity | None = None
    source: str = Field(min_length=3)
    pos: list[str] = []
    subject: list[str] = []
    unless_next: list[str] = []
    expansion: str | None = None
    examples: Examples

    @field_validator("terms")
    @classmethod
    def _terms_compile(cls, terms: list[str]) -> list[str]:
        for term in terms:
            try:
                compile_pattern(term)
            except RulesError as exc:
                raise ValueError(exc.message) from None
        return terms


class WordList(BaseModel):
    model_config = ConfigDict(extra="forbid")
    schema_version: Literal[1] = Field(alias="schema")
    category: str
    severity: Severity
    message: str = Field(description="why the words are flagged, unless an entry explains itself")
    suggestion: str = Field("{}", description="how an entry's suggestion is put to the reader; {} is the entry's")
    entries: list[Entry]

    @field_validator("entries")
    @classmethod
    def _unique_ids(cls, entries: list[Entry]) -> list[Entry]:
        seen: set[str] = set()
        for entry in entries:
            if entry.id in seen:
                raise ValueError(f"entry id {entry.id!r} is used twice")
            seen.add(entry.id)
        return entries


def token_patterns(term: str) -> list[list[dict[str, Any]]]:
    """spaCy Matcher patterns for one term (see the module docstring for the two conveniences)."""
    if " " not in term and _ACRONYM.match(term):
        return [[{"ORTH": term}]]
    if " " not in term and re.fullmatch(r"[a-z][a-z'-]*", term):
        return [[{"LEMMA": term}], [{"LOWER": term}]]
    return [compile_pattern(term)]


# Which of the letter's word indexes a one-word term is looked up in: lemmas ignore a capital.
_LOOKUP = {"ORTH": "ORTH", "LOWER": "LOWER", "LEMMA": "LEMMA_LOWER"}


@dataclass(frozen=True)
class CompiledList:
    """A list ready to run, cheap per letter however long the list grows.

    A spaCy Matcher costs time for every pattern at every token, so one-word terms are a lookup
    table (one pass over the tokens) and phrases go to an anchored matcher, which tries only the
    phrases whose words the letter holds (responsecheck.matching).
    """

    words: WordList
    single: dict[tuple[str, str], tuple[int, ...]]
    phrases: AnchoredMatcher

    def matches(self, doc: Doc) -> set[tuple[int, int, int]]:
        """(entry index, start, end) of every match, single words and phrases."""
        strings = doc.vocab.strings
        found = {(int(strings[key]), start, end) for key, start, end in self.phrases(doc)}
        words = letter_words(doc)
        for (attribute, value), indexes in self.single.items():
            for position in words[_LOOKUP[attribute]].get(value, ()):
                found.update((index, position, position + 1) for index in indexes)
        return found


@lru_cache(maxsize=None)
def load_list(category: str) -> WordList:
    return load_model(f"language/{category}.yaml", WordList)


@lru_cache(maxsize=16)
def compiled(category: str, nlp: Language) -> CompiledList:
    """The list and its matchers, built once per pipeline (not once per letter)."""
    words = load_list(category)
    single: dict[tuple[str, str], set[int]] = {}
    phrases = AnchoredMatcher(nlp.vocab)
    for index, entry in enumerate(words.entries):
        longer = []
        for pattern in (p for term in entry.terms for p in token_patterns(term)):
            keys = _single_keys(pattern)
            if keys is None:
                longer.append(pattern)
            for key in keys or ():
                single.setdefault(key, set()).add(index)
        if longer:
            phrases.add(str(index), longer)
    return CompiledList(words=words, single={key: tuple(sorted(ix)) for key, ix in single.items()}, phrases=phrases)


def _single_keys(pattern: list[dict[str, Any]]) -> list[tuple[str, str]] | None:
    """Lookup keys for a one-token pattern on ORTH, LOWER or LEMMA; None for anything else."""
    if len(pattern) != 1 or len(pattern[0]) != 1:
        return None
    attr, value = next(iter(pattern[0].items()))
    if attr not in ("ORTH", "LOWER", "LEMMA"):
        return None
    values = value["IN"] if isinstance(value, dict) and set(value) == {"IN"} else [value]
    if not all(isinstance(v, str) for v in values):
        return None
    return [(attr, v) for v in values]


def _fits(entry: Entry, span: Span) -> bool:
    """Whether the parse agrees with what the entry asks of the words (part of speech, subject)."""
    if entry.pos and not any(t.pos_ in entry.pos for t in span):
        return False
    if entry.unless_next and span.end < len(span.doc) and span.doc[span.end].lower_ in entry.unless_next:
        return False
    if entry.subject and not _subjects(span) & set(entry.subject):
        return False
    return True


# Links to climb from a word to the clause whose subject it describes: "you were rude and abusive"
# (abusive -> rude -> were), "you continued to refuse" (refuse -> continued).
_CLIMB = frozenset({"acomp", "conj", "xcomp", "oprd", "attr", "aux", "auxpass"})


def _subjects(span: Span) -> set[str]:
    """The subjects (lower case) of the clauses the matched words belong to."""
    found: set[str] = set()
    for token in span:
        node = token
        for _ in range(4):
            subjects = {c.lower_ for c in node.children if c.dep_ in ("nsubj", "nsubjpass")}
            if subjects:
                found |= subjects
                break
            if node.dep_ not in _CLIMB or node.head is node:
                break
            node = node.head
    return found


def _explained(entry: Entry, span: Span, analysis: Analysis) -> bool:
    """An acronym or term spelled out before, or explained in brackets right after its first use."""
    doc = span.doc
    if entry.expansion and entry.expansion.lower() in analysis.text[:span.end_char + 80].lower():
        return True
    following = doc[span.end:span.end + 1]
    return bool(len(following)) and following[0].text == "("


def find(category: str, analysis: Analysis, nlp: Language) -> list[Finding]:
    """Every finding of one word list in the letter's prose."""
    compiled_list = compiled(category, nlp)
    words = compiled_list.words
    doc = analysis.doc
    entries = compiled_list.words.entries
    candidates = [Span(doc, start, end, label=index) for index, start, end in compiled_list.matches(doc)
                  if _fits(entries[index], doc[start:end])]
    findings: list[Finding] = []
    quotes: dict[int, list[tuple[int, int]]] = {}
    seen_entries: set[str] = set()
    for span in sorted(filter_spans(candidates), key=lambda s: s.start):
        paragraph = analysis.paragraph_at(span.start_char)
        if analysis.roles[paragraph] in SKIPPED_ROLES:
            continue
        offset = analysis.paragraph_starts[paragraph]
        if paragraph not in quotes:
            quotes[paragraph] = quoted_spans(analysis.letter.paragraphs[paragraph].text)
        start, end = span.start_char - offset, span.end_char - offset
        if any(qs <= start and end <= qe for qs, qe in quotes[paragraph]):
            continue
        entry = entries[span.label]
        if entry.expansion is not None or _is_acronym_entry(entry):
            if entry.id in seen_entries or _explained(entry, span, analysis):
                seen_entries.add(entry.id)
                continue
            seen_entries.add(entry.id)
        findings.append(Finding(
            rule=f"{category}.{entry.id}", category=words.category, severity=entry.severity or words.severity,
            message=entry.explanation or words.message, text=span.text, location=analysis.span_location(span),
            suggestion=_sentence_case(words.suggestion.format(entry.suggestion)), source=entry.source))
    return findings


def _sentence_case(text: str) -> str:
    return text[:1].upper() + text[1:]


def _is_acronym_entry(entry: Entry) -> bool:
    return all(" " not in t and _ACRONYM.match(t) for t in entry.terms)
