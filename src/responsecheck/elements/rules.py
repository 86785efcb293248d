"""The element rules (rules/elements.yaml) as validated models and compiled spaCy matchers."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pydantic import BaseModel, ConfigDict, Field, field_validator
from spacy.language import Language

from ..errors import RulesError
from ..matching import AnchoredMatcher
from ..profiles import ELEMENT_IDS
from ..rulebook import compile_pattern, load_model, split_first_alternatives


class ValuedPattern(BaseModel):
    model_config = ConfigDict(extra="forbid")
    pattern: str
    value: str | int


class Examples(BaseModel):
    model_config = ConfigDict(extra="forbid")
    present: list[str]
    absent: list[str]


class ElementRule(BaseModel):
    model_config = ConfigDict(extra="forbid")
    source: str
    missing: str
    suggestion: str
    headings: list[str] = []
    patterns: list[str | ValuedPattern] = []
    action_verbs: list[str] = []
    request_verbs: list[str] = []
    investigation_verbs: list[str] = []
    vague: list[str] = []
    systemic_words: list[str] = []
    systemic_patterns: list[str] = []
    excluded_now_verbs: list[str] = []
    examples: Examples

    @field_validator("headings")
    @classmethod
    def _valid_regexes(cls, value: list[str]) -> list[str]:
        for expression in value:
            re.compile(expression)
        return value


class ElementRules(BaseModel):
    model_config = ConfigDict(extra="forbid")
    schema_version: int = Field(alias="schema")
    sources: dict[str, str]
    elements: dict[str, ElementRule]


@dataclass(frozen=True)
class CompiledRules:
    rules: ElementRules
    matcher: AnchoredMatcher
    values: dict[str, str | int]
    headings: dict[str, list[re.Pattern[str]]]

    def rule(self, element_id: str) -> ElementRule:
        return self.rules.elements[element_id]

    def source(self, element_id: str) -> str:
        return self.rules.sources.get(self.rule(element_id).source, self.rule(element_id).source)


@lru_cache(maxsize=4)
def compiled(nlp: Language) -> CompiledRules:
    """Load rules/elements.yaml and compile every pattern into one Matcher, keyed element:index."""
    rules = load_model("elements.yaml", ElementRules)
    missing = set(ELEMENT_IDS) - set(rules.elements)
    if missing:
        raise RulesError(f"rules/elements.yaml has no rule for: {', '.join(sorted(missing))}.")
    matcher = AnchoredMatcher(nlp.vocab)
    values: dict[str, str | int] = {}
    headings: dict[str, list[re.Pattern[str]]] = {}
    for element_id, rule in rules.elements.items():
        headings[element_id] = [re.compile(h, re.I) for h in rule.headings]
        for index, entry in enumerate(rule.patterns):
            key = f"{element_id}:{index}"
            notation = entry if isinstance(entry, str) else entry.pattern
            matcher.add(key, split_first_alternatives(compile_pattern(notation)))
            if isinstance(entry, ValuedPattern):
                values[key] = entry.value
        for index, notation in enumerate(rule.systemic_patterns):
            matcher.add(f"{element_id}_systemic:{index}", split_first_alternatives(compile_pattern(notation)))
    return CompiledRules(rules=rules, matcher=matcher, values=values, headings=headings)
