"""Readability of the letter's running prose: Flesch reading ease, Flesch-Kincaid grade, average
sentence length and the share of passive sentences, with the counts they come from.

Only prose is scored: address blocks, headings, reference tables and sign-offs are not sentences,
and scoring them as text gives absurd figures (textstat's known failure on unpunctuated lines).
Sentences come from the one spaCy parse; words and syllables are counted as textstat 0.7.8 counts
them (responsecheck.syllables), so the numbers match textstat on the same sentences. Thresholds come
from the profile (rules/profiles/*.yaml: readability). Each sentence longer than the profile's limit
is a warning at that sentence; letter-wide scores outside the targets are suggestions.
"""

from __future__ import annotations

from .. import syllables
from ..profiles import Readability
from ..report import Finding, Location
from . import CheckContext, CheckOutput
from .passive_voice import passives


def flesch_reading_ease(words: int, sentences: int, syllable_count: int) -> float:
    return 206.835 - 1.015 * (words / sentences) - 84.6 * (syllable_count / words)


def flesch_kincaid_grade(words: int, sentences: int, syllable_count: int) -> float:
    return 0.39 * (words / sentences) + 11.8 * (syllable_count / words) - 15.59


def run(context: CheckContext) -> CheckOutput:
    analysis = context.analysis
    limits = context.detected.profile.readability
    findings: list[Finding] = []
    total_words = total_syllables = sentences = passive_sentences = long_sentences = 0
    for sentence in analysis.prose_sentences():
        words = syllables.words(sentence.span.text)
        if not words:
            continue
        sentences += 1
        total_words += len(words)
        total_syllables += sum(syllables.count(w) for w in words)
        passive_sentences += bool(passives(sentence.span))
        if len(words) > limits.long_sentence_words:
            long_sentences += 1
            findings.append(Finding(
                rule="readability.long_sentence", category="readability", severity="warning",
                message=f"This sentence has {len(words)} words; over {limits.long_sentence_words} is hard to follow.",
                text=sentence.text, location=analysis.span_location(sentence.span),
                suggestion="Split it into two or three sentences, one point each.", source=limits.source))
    if not sentences:
        return CheckOutput(metrics={"readability": {"sentences": 0, "words": 0, "syllables": 0,
                                                    "note": "no running prose to score"}})
    metrics = {
        "flesch_reading_ease": round(flesch_reading_ease(total_words, sentences, total_syllables), 1),
        "flesch_kincaid_grade": round(flesch_kincaid_grade(total_words, sentences, total_syllables), 1),
        "average_sentence_words": round(total_words / sentences, 1),
        "passive_sentences_percent": round(100 * passive_sentences / sentences, 1),
        "words": total_words, "sentences": sentences, "syllables": total_syllables,
        "passive_sentences": passive_sentences, "long_sentences": long_sentences,
        "targets": limits.model_dump(exclude={"source"}),
    }
    findings.extend(_letter_findings(metrics, limits))
    return CheckOutput(findings=findings, metrics={"readability": metrics})


def _letter_findings(metrics: dict, limits: Readability) -> list[Finding]:
    """Suggestions about the letter as a whole, each quoting the figure and its target."""
    where = Location(part="document")
    checks = [
        ("average_sentence", metrics["average_sentence_words"] > limits.sentence_words_target[1],
         f"Sentences average {metrics['average_sentence_words']} words; aim for "
         f"{limits.sentence_words_target[0]}-{limits.sentence_words_target[1]}.",
         "Split long sentences; put one point in each."),
        ("reading_ease", metrics["flesch_reading_ease"] < limits.flesch_reading_ease_min,
         f"Flesch reading ease is {metrics['flesch_reading_ease']}; aim for {limits.flesch_reading_ease_min:g} "
         "or more.", "Use shorter sentences and everyday words."),
        ("grade", metrics["flesch_kincaid_grade"] > limits.flesch_kincaid_grade_max,
         f"Flesch-Kincaid grade is {metrics['flesch_kincaid_grade']}; aim for {limits.flesch_kincaid_grade_max:g} "
         "or lower.", "Use shorter sentences and everyday words."),
        ("passive_share", metrics["passive_sentences_percent"] > limits.passive_percent_max,
         f"{metrics['passive_sentences_percent']:g}% of sentences are passive; aim for "
         f"{limits.passive_percent_max:g}% or fewer.", "Say who did what: 'we', 'our contractor'."),
    ]
    return [Finding(rule=f"readability.{rule}", category="readability", severity="suggestion", message=message,
                    location=where, suggestion=suggestion, source=limits.source)
            for rule, failed, message, suggestion in checks if failed]
