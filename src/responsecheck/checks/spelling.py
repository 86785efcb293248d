"""British spelling: hunspell's en_GB dictionary through pyenchant, plus a house allow-list.

Debian orders aspell before hunspell for en_GB, so the hunspell provider is asked for by name.
Words that are not ordinary vocabulary are not checked: names the parser recognises (people,
organisations, places), proper nouns and capitalised words inside a sentence, acronyms, anything
with a digit, emails, web addresses and postcodes, words in quotation marks (someone else's), and
the address, letterhead and sign-off. Housing and complaints words the dictionary lacks are in
rules/language/spelling.yaml; an organisation adds its own with `accept:` in .responsecheck.yaml.
Without the dictionary the report says spelling was not checked; it never fails the run.
"""

from __future__ import annotations

import os
import sysconfig
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field
from spacy.tokens import Token

from ..report import Finding, Skipped
from .. import rulebook
from ..rulebook import load_model
from . import CheckContext, CheckOutput
from .patterns import quoted_spans
from .wordlists import SKIPPED_ROLES

NAMES = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "WORK_OF_ART", "LAW", "EVENT"})
LANGUAGE = "en_GB"


class Examples(rulebook.Examples):
    """An allow-list group's words must pass; a misspelling to fail is optional."""

    fail: list[str] = []


class Group(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    source: str
    words: list[str] = Field(min_length=1)
    examples: Examples


class AllowList(BaseModel):
    model_config = ConfigDict(extra="forbid")
    schema_version: Literal[1] = Field(alias="schema")
    severity: Literal["error", "warning", "suggestion"]
    source: str
    examples: Examples
    groups: list[Group]


@lru_cache(maxsize=1)
def allow_list() -> tuple[AllowList, frozenset[str]]:
    data = load_model("language/spelling.yaml", AllowList)
    return data, frozenset(w.lower() for group in data.groups for w in group.words)


@lru_cache(maxsize=1)
def dictionary():
    """The en_GB hunspell dictionary, or the reason there is none (a string)."""
    _point_at_the_library()
    try:
        import enchant
    except ImportError:
        return "the enchant library is not installed (Debian: libenchant-2-2)"
    broker = enchant.Broker()
    broker.set_ordering(LANGUAGE, "hunspell")
    if not broker.dict_exists(LANGUAGE):
        return "no British English dictionary is installed (Debian: hunspell-en-gb)"
    return broker.request_dict(LANGUAGE)


@lru_cache(maxsize=20000)
def known(word: str) -> bool:
    """Whether the dictionary has the word (as written or in lower case); letters repeat their words."""
    spellings = dictionary()
    return spellings.check(word) or spellings.check(word.lower())


@lru_cache(maxsize=2000)
def suggest(word: str) -> tuple[str, ...]:
    """hunspell's first three suggestions; remembered, as each costs about 0.1 s (a whole parse)."""
    return tuple(dictionary().suggest(word)[:3])


def _point_at_the_library() -> None:
    """Tell pyenchant where Debian puts libenchant, sparing ctypes' library search (an ldconfig run)."""
    if "PYENCHANT_LIBRARY_PATH" in os.environ:
        return
    multiarch = sysconfig.get_config_var("MULTIARCH") or ""
    candidate = Path("/usr/lib") / multiarch / "libenchant-2.so.2"
    if multiarch and candidate.is_file():
        os.environ["PYENCHANT_LIBRARY_PATH"] = str(candidate)


def _checkable(token: Token, sentence_start: bool) -> bool:
    text = token.text
    if not text.isalpha() or len(text) < 2 or token.ent_type_ in NAMES or token.pos_ == "PROPN":
        return False
    if text[0].isupper() and not sentence_start:
        return False
    return not any(c.isupper() for c in text[1:])


def run(context: CheckContext) -> CheckOutput:
    spellings = dictionary()
    if isinstance(spellings, str):
        return CheckOutput(skipped=[Skipped(check="spelling", reason=spellings)])
    rules, allowed = allow_list()
    analysis = context.analysis
    findings = []
    for sentence in analysis.sentences:
        role = analysis.roles[sentence.paragraph]
        if role in SKIPPED_ROLES:
            continue
        quotes = quoted_spans(analysis.letter.paragraphs[sentence.paragraph].text)
        offset = analysis.paragraph_starts[sentence.paragraph]
        for token in sentence.span:
            if not _checkable(token, token.i == sentence.span.start) or token.lower_ in allowed:
                continue
            if known(token.text):
                continue
            start = token.idx - offset
            if any(qs <= start < qe for qs, qe in quotes):
                continue
            suggestions = suggest(token.text)
            findings.append(Finding(
                rule="spelling.unknown_word", category="spelling", severity=rules.severity,
                message="Not in the British English dictionary: check the spelling.", text=token.text,
                location=analysis.location(token.idx, token.idx + len(token.text)),
                suggestion=f"Did you mean: {', '.join(suggestions)}?" if suggestions else None,
                source=rules.source))
    return CheckOutput(findings=findings)
