"""Regular-expression rules for the pre-send checks (rules/presend/*.yaml), validated on load.

Placeholders, old addresses and vague promises are about exact strings ("[INSERT DATE]",
"PO Box 152", "as soon as possible"), so these rules are regular expressions rather than
spaCy token patterns. Two kinds, after Vale's extension points:
  existence     any of `patterns` found is a finding
  cooccurrence  a `first` pattern and a `second` pattern in the same sentence; the finding
                quotes the `first` match
Every rule carries a source and `fail` / `pass` examples that the tests run.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from ..analysis import Analysis
from ..report import Finding, Location, Severity
from .. import rulebook
from ..rulebook import load_model

Kind = Literal["existence", "cooccurrence"]


class Examples(rulebook.Examples):
    """The rule's examples, checked at `stage` (for rules that apply to one stage only)."""

    stage: Literal[1, 2] = 1


class PatternRule(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    kind: Kind | None = None
    severity: Severity | None = None
    message: str
    suggestion: str
    source: str
    ignorecase: bool = False
    patterns: list[str] = []
    first: list[str] = []
    second: list[str] = []
    examples: Examples


class PatternFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    schema_version: int = Field(alias="schema")
    category: str
    kind: Kind | None = None
    severity: Severity
    scope: Literal["paragraph", "sentence"]
    rules: list[PatternRule]

    @model_validator(mode="after")
    def _complete(self) -> "PatternFile":
        for rule in self.rules:
            kind = rule.kind or self.kind
            if kind is None:
                raise ValueError(f"rule {rule.id} has no kind")
            if kind == "existence" and not rule.patterns:
                raise ValueError(f"existence rule {rule.id} needs patterns")
            if kind == "cooccurrence" and not (rule.first and rule.second):
                raise ValueError(f"cooccurrence rule {rule.id} needs first and second")
            flags = re.I if rule.ignorecase else 0
            for expression in rule.patterns + rule.first + rule.second:
                try:
                    re.compile(expression, flags)
                except re.error as exc:
                    raise ValueError(f"rule {rule.id}: bad pattern {expression!r}: {exc}") from None
        return self


@dataclass(frozen=True)
class CompiledRule:
    """One rule ready to run, with the file-level defaults applied."""

    rule: PatternRule
    category: str
    kind: Kind
    severity: Severity
    patterns: tuple[re.Pattern[str], ...]
    first: tuple[re.Pattern[str], ...]
    second: tuple[re.Pattern[str], ...]

    def find(self, text: str) -> list[tuple[int, int]]:
        """Spans this rule matches in `text`, without overlaps, in order."""
        if self.kind == "cooccurrence":
            if not any(p.search(text) for p in self.second):
                return []
            return _merge(m.span() for p in self.first for m in p.finditer(text))
        return _merge(m.span() for p in self.patterns for m in p.finditer(text))


@dataclass(frozen=True)
class RuleSet:
    category: str
    scope: str
    rules: tuple[CompiledRule, ...]


def _merge(spans: Iterator[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(s for s in spans if s[1] > s[0]):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


@lru_cache(maxsize=None)
def load_rules(name: str) -> RuleSet:
    """Load and compile rules/presend/<name>.yaml."""
    data = load_model(f"presend/{name}.yaml", PatternFile)
    compiled = []
    for rule in data.rules:
        flags = re.I if rule.ignorecase else 0
        compiled.append(CompiledRule(
            rule=rule, category=data.category, kind=rule.kind or data.kind or "existence",
            severity=rule.severity or data.severity,
            patterns=tuple(re.compile(p, flags) for p in rule.patterns),
            first=tuple(re.compile(p, flags) for p in rule.first),
            second=tuple(re.compile(p, flags) for p in rule.second)))
    return RuleSet(category=data.category, scope=data.scope, rules=tuple(compiled))


def units(analysis: Analysis, scope: str) -> Iterator[tuple[int, str]]:
    """(offset in the joined text, text) of every paragraph or sentence, in reading order."""
    if scope == "paragraph":
        for start, paragraph in zip(analysis.paragraph_starts, analysis.letter.paragraphs, strict=True):
            yield start, paragraph.text
    else:
        text = analysis.text
        for sentence in analysis.sentences:
            yield sentence.span.start_char, text[sentence.span.start_char:sentence.span.end_char]


def finding(analysis: Analysis, rule: CompiledRule, start: int, end: int) -> Finding:
    """A Finding for the characters [start, end) of the joined letter text."""
    text = analysis.text[start:end]
    return Finding(rule=rule.rule.id, category=rule.category, severity=rule.severity,
                   message=rule.rule.message, text=text,
                   location=analysis.location(start, end), suggestion=rule.rule.suggestion,
                   source=rule.rule.source)


_QUOTED = re.compile(r"\"[^\"\n]{1,300}\"|“[^”\n]{1,300}”|‘[^’\n]{1,300}’|(?<![\w])'[^'\n]{1,300}'(?![\w])")


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Spans of quoted words ("...", “...”, ‘...’, '...'): what someone else said or wrote."""
    return [m.span() for m in _QUOTED.finditer(text)]


def run_rules(analysis: Analysis, rules: RuleSet) -> list[Finding]:
    """Run every rule of a set over the letter's paragraphs or sentences."""
    found: list[Finding] = []
    for offset, text in units(analysis, rules.scope):
        for rule in rules.rules:
            for start, end in rule.find(text):
                found.append(finding(analysis, rule, offset + start, offset + end))
    return found


def paragraph_location(analysis: Analysis, paragraph: int | None, text: str = "") -> Location:
    """A paragraph's Location, narrowed to `text` when those words are in it.

    Things that are in the file but not in the text a resident reads (a comment, deleted
    words, hidden text) point at the paragraph they belong to without a character range,
    since no characters of the letter are theirs; with no paragraph, at the document.
    """
    if paragraph is None:
        return Location(part="document")
    start = analysis.paragraph_starts[paragraph]
    offset = analysis.letter.paragraphs[paragraph].text.find(text) if text.strip() else -1
    if offset >= 0:
        return analysis.location(start + offset, start + offset + len(text))
    origin = analysis.letter.paragraphs[paragraph].origin
    return Location(part=origin.part, paragraph=paragraph, node=origin.node, section=origin.section,
                    table=origin.table, row=origin.row, cell=origin.cell, box=origin.box)
