"""Checks that run after the required elements, each a small module with a `run` function.

Every check receives the same CheckContext (the one parse, the detected elements, the options)
and returns a CheckOutput: findings, metrics for the report (e.g. readability scores), and the
checks it had to skip with the reason (e.g. no grammar server). A check never parses again and
reads its rules from rules/ through responsecheck.rulebook.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from spacy.language import Language

from ..analysis import Analysis
from ..elements import Detected
from ..options import CheckOptions
from ..report import Finding, Skipped


@dataclass
class CheckContext:
    analysis: Analysis
    detected: Detected
    options: CheckOptions
    nlp: Language


@dataclass
class CheckOutput:
    findings: list[Finding] = field(default_factory=list)
    metrics: dict[str, Any] = field(default_factory=dict)
    skipped: list[Skipped] = field(default_factory=list)


Check = Callable[[CheckContext], CheckOutput]

# The check modules import the types above, so they are imported after them.
from . import (  # noqa: E402
    consistency,
    deadline,
    grammar,
    house_words,
    jargon,
    leftovers,
    non_apology,
    ombudsman_details,
    outdated_process,
    passive_voice,
    placeholders,
    plain_english,
    readability,
    spelling,
    staff_named,
    stigma,
    vague_commitments,
)

# (name, run) in the order they run; later checks may not rely on earlier ones' output.
CHECKS: tuple[tuple[str, Check], ...] = (
    ("house_words", house_words.run),
    ("placeholders", placeholders.run),
    ("leftovers", leftovers.run),
    ("ombudsman_details", ombudsman_details.run),
    ("outdated_process", outdated_process.run),
    ("consistency", consistency.run),
    ("vague_commitments", vague_commitments.run),
    ("staff_named", staff_named.run),
    ("deadline", deadline.run),
    ("readability", readability.run),
    ("passive_voice", passive_voice.run),
    ("plain_english", plain_english.run),
    ("jargon", jargon.run),
    ("stigma", stigma.run),
    ("non_apology", non_apology.run),
    ("spelling", spelling.run),
    ("grammar", grammar.run),
)
