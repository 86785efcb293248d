"""The entities the checks use, found for about a quarter of what the model's recogniser costs.

Checks use entities for two things: dates and time limits (is a remedy given a date?) and names
(is a member of staff named? is a capitalised word a name rather than a misspelling?). The model's
recogniser re-reads the whole letter with a network of its own, and that was 45% of the parse on
which every check rides. So this pipeline component, in its place:

- finds dates and times by rule (rules/dates.yaml, through the anchored matcher): written dates and
  time limits have few forms, and the rules find some the recogniser missed ('04/06/2026');
- runs the model's recogniser only on the sentences where a name can be, two capitalised words
  side by side, outside the letter's frame, which no check reads names in (the analysis marks it
  on the Doc: NAMES_UNREAD): about a tenth of a letter's words. It keeps the names it finds there.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator
from spacy.language import Language
from spacy.pipeline import EntityRecognizer
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .errors import RulesError
from .matching import AnchoredMatcher
from .rulebook import Examples, compile_pattern, load_model

#: doc.user_data key: (start, end) character ranges where no check reads names (the letter's frame).
NAMES_UNREAD = "responsecheck.names_unread"
#: The recogniser's labels for names; its dates and numbers are left to the rules.
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "WORK_OF_ART", "LAW", "EVENT"})
_SET = re.compile(r"\{([a-z_]+)\}")


class ExpectedDate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str
    expect: str


class DateExamples(Examples):
    """A `fail` example names the date the rule must find in it; a `pass` example has none."""

    fail: list[ExpectedDate] = Field(min_length=1)


class DateRule(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    label: Literal["DATE", "TIME"]
    patterns: list[str] = Field(min_length=1)
    source: str
    examples: DateExamples


class DateRules(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    schema_: int = Field(alias="schema")
    sets: dict[str, str]
    entries: list[DateRule]

    @model_validator(mode="after")
    def _sets_exist(self) -> DateRules:
        for entry in self.entries:
            for pattern in entry.patterns:
                for name in _SET.findall(pattern):
                    if name not in self.sets:
                        raise ValueError(f"rule {entry.id} uses the set {{{name}}}, which is not under 'sets'")
        return self

    def notation(self, pattern: str) -> str:
        """A pattern with its {set} names written out as alternatives."""
        return _SET.sub(lambda m: self.sets[m.group(1)], pattern)


@lru_cache(maxsize=1)
def date_rules() -> DateRules:
    return load_model("dates.yaml", DateRules)


class LetterEntities:
    """A pipeline component standing in for the model's recogniser, which it runs where names can be."""

    def __init__(self, nlp: Language, recogniser: EntityRecognizer) -> None:
        self.recogniser = recogniser
        rules = date_rules()
        self.dates = AnchoredMatcher(nlp.vocab)
        for entry in rules.entries:
            try:
                self.dates.add(entry.label, [compile_pattern(rules.notation(p)) for p in entry.patterns])
            except RulesError as error:
                raise RulesError(f"rules/dates.yaml, rule {entry.id}: {error.message}") from None

    def __call__(self, doc: Doc) -> Doc:
        spans = [Span(doc, start, end, label=key) for key, start, end in self.dates(doc)]
        runs = _name_runs(doc)
        parsed = self.recogniser.pipe(doc[start:end].as_doc() for start, end in runs)
        for (start, _), part in zip(runs, parsed, strict=True):
            spans.extend(Span(doc, start + ent.start, start + ent.end, label=ent.label_)
                         for ent in part.ents if ent.label_ in NAME_LABELS)
        doc.set_ents(filter_spans(spans), default="outside")
        return doc


def _name_runs(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges of the sentences that can hold a name, neighbours joined so none is cut short;
    none inside the ranges the caller marked unread (analysis.unparsed_doc)."""
    unread = doc.user_data.get(NAMES_UNREAD, ())
    runs: list[tuple[int, int]] = []
    for sentence in doc.sents:
        if any(start <= sentence.start_char < end for start, end in unread) or not _may_hold_a_name(sentence):
            continue
        if runs and runs[-1][1] == sentence.start:
            runs[-1] = (runs[-1][0], sentence.end)
        else:
            runs.append((sentence.start, sentence.end))
    return runs


def _may_hold_a_name(sentence: Span) -> bool:
    """Two capitalised words side by side, one of them a proper noun: 'Mrs Okafor', 'Dave Hutchins',
    'Riverside Homes'. A name of one word alone ('Dave said') is left: the checks want full names."""
    previous = None
    for token in sentence:
        capital = token.is_alpha and (token.is_title or token.is_upper)
        if capital and previous is not None and "NNP" in (previous.tag_[:3], token.tag_[:3]):
            return True
        previous = token if capital else None
    return False


@Language.factory("letter_entities")
def _letter_entities(nlp: Language, name: str) -> LetterEntities:
    return LetterEntities(nlp, nlp.get_pipe("ner"))


def install(nlp: Language) -> None:
    """Put the letter entities in the place of the model's recogniser, if the model has one."""
    if "ner" in nlp.pipe_names:
        nlp.add_pipe("letter_entities", after="ner")
        nlp.remove_pipe("ner")
