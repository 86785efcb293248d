"""Shared evidence for element detection: pattern hits per sentence, sections under headings,
and the grammatical tests (negation, who is speaking, conditionals) that several elements need.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from spacy.tokens import Span, Token

from ..analysis import Analysis, Sentence
from .rules import CompiledRules

NEGATIONS = {"not", "n't", "never", "no", "nothing", "neither", "nor", "cannot"}
LANDLORD_PRONOUNS = {"we", "i", "us", "me", "our", "my"}
_QUOTES = re.compile(r"[\"“”‘’']")
_APOSTROPHE = re.compile(r"(?<=\w)['’](?=\w)|(?<=s)['’](?=\s)")


@dataclass(frozen=True)
class Hit:
    element: str
    span: Span
    sentence: Sentence
    value: str | int | None


@dataclass
class Cues:
    """Everything element detection reads, computed once per letter."""

    hits: dict[str, list[Hit]]
    sections: dict[str, list[Sentence]]
    heading_of: dict[str, list[Sentence]]


def gather(analysis: Analysis, rules: CompiledRules) -> Cues:
    hits: dict[str, list[Hit]] = defaultdict(list)
    for match_id, start, end in rules.matcher(analysis.doc):
        key = analysis.doc.vocab.strings[match_id]
        element = key.split(":", 1)[0]
        span = analysis.doc[start:end]
        sentence = analysis.sentence_of(span)
        if span.start >= sentence.span.end:
            continue
        hits[element].append(Hit(element, span, sentence, rules.values.get(key)))
    sections, heading_of = _sections(analysis, rules)
    return Cues(hits=dict(hits), sections=sections, heading_of=heading_of)


def _sections(analysis: Analysis, rules: CompiledRules) -> tuple[dict[str, list[Sentence]], dict[str, list[Sentence]]]:
    """Sentences under a heading that names an element ("Putting things right", "What we found").

    A table column whose first cell is such a heading ("Your complaint | What I found | Outcome")
    makes a section of that column's cells.
    """
    sections: dict[str, list[Sentence]] = defaultdict(list)
    heading_of: dict[str, list[Sentence]] = defaultdict(list)
    columns: dict[tuple, list[str]] = {}
    current: list[str] = []
    for sentence in analysis.sentences:
        role = analysis.roles[sentence.paragraph]
        text = analysis.letter.paragraphs[sentence.paragraph].text.strip().rstrip(":").strip()
        origin = analysis.letter.paragraphs[sentence.paragraph].origin
        if origin.table is not None:
            column = (origin.part, origin.table, origin.cell)
            if origin.row == 0:
                columns[column] = [e for e, patterns in rules.headings.items() if any(p.search(text) for p in patterns)]
                for element in columns[column]:
                    heading_of[element].append(sentence)
            else:
                for element in columns.get(column, []):
                    sections[element].append(sentence)
            continue
        if role == "heading":
            current = [e for e, patterns in rules.headings.items() if any(p.search(text) for p in patterns)]
            for element in current:
                heading_of[element].append(sentence)
            continue
        if role in ("signoff", "signature"):
            current = []
            continue
        for element in current:
            sections[element].append(sentence)
    return dict(sections), dict(heading_of)


def is_negated(span: Span) -> bool:
    """True when the words are negated: 'we have not upheld', 'this is not our final response'.

    A negation inside the matched words is part of the pattern ("so that this does not happen
    again") and does not count.
    """
    inside = range(span.start, span.end)
    for token in span:
        if any(child.dep_ == "neg" and child.i not in inside for child in token.children):
            return True
        head = token.head
        if any(child.dep_ == "neg" and child.i not in inside for child in head.children) and head.i not in inside:
            if head.i < span.start or token.dep_ in ("attr", "dobj", "acomp", "xcomp", "ccomp", "nsubjpass", "oprd"):
                return True
    sent_start = span.sent.start
    window = span.doc[max(sent_start, span.start - 3):span.start]
    return any(t.lower_ in NEGATIONS for t in window)


def is_conditional(sentence: Sentence) -> bool:
    """A sentence that starts with a condition ('If you...', 'Should you...', 'Whether...')."""
    first = next((t for t in sentence.span if not t.is_punct), None)
    return first is not None and first.lower_ in ("if", "should", "whether", "unless", "once", "when")


def subject_of(token: Token) -> Token | None:
    """The grammatical subject of the clause a token belongs to, following auxiliaries and xcomp."""
    current: Token | None = token
    for _ in range(4):
        if current is None:
            return None
        for child in current.children:
            if child.dep_ in ("nsubj", "nsubjpass", "expl"):
                return child
        if current.dep_ in ("xcomp", "ccomp", "acomp", "conj", "aux", "auxpass", "attr", "dobj", "pobj", "prep") and current.head is not current:
            current = current.head
        else:
            return None
    return None


def in_quotes(span: Span) -> bool:
    """Whether the words sit inside quotation marks in their sentence (someone else's words)."""
    before = _APOSTROPHE.sub("", span.doc[span.sent.start:span.start].text_with_ws)
    return len(_QUOTES.findall(before)) % 2 == 1
