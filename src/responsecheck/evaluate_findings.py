"""Accuracy of the findings: recall and false alarms (precision) per finding category.

Two families are scored: the pre-send checks (labels under `findings`) and the language checks
(labels under `language`). A labelled letter lists every finding of the family a careful reviewer
expects (category and the words involved). A reported finding matches an expected one of the same category when either's
words contain the other's (or, for findings without words, when the message does); each
finding matches at most once. Unmatched expected findings are misses, unmatched reported
ones are false alarms. Only letters whose labels carry a `findings` list take part, so a
set labelled for the required elements alone is not scored as if it had no findings.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict

from .report import Finding, Report

CATEGORIES = ("placeholder", "tracked_changes", "comments", "hidden_text", "ombudsman_details",
              "outdated_process", "consistency", "vague_commitment", "staff_named", "deadline")
# The word-level language findings a labeller can mark in a letter. Passive voice, readability and
# grammar are not labelled: their tests check them against the parse, textstat and LanguageTool.
LANGUAGE_CATEGORIES = ("plain_english", "jargon", "stigma", "non_apology", "spelling")
FAMILIES = {"findings": CATEGORIES, "language": LANGUAGE_CATEGORIES}


class ExpectedFinding(BaseModel):
    model_config = ConfigDict(extra="forbid")
    category: str
    text: str = ""


def _matches(expected: ExpectedFinding, found: Finding) -> bool:
    if found.category != expected.category:
        return False
    want = expected.text.strip().lower()
    if not want:
        return True
    got = found.text.strip().lower()
    return bool(got) and (want in got or got in want) or want in found.message.lower()


def score_letter(expected: list[ExpectedFinding], report: Report,
                 categories: tuple[str, ...] = CATEGORIES) -> tuple[dict[str, list[int]], list[str]]:
    """Per category [tp, fp, fn] for one letter, and readable descriptions of the errors."""
    counts = {c: [0, 0, 0] for c in categories}
    found = [f for f in report.active_findings() if f.category in categories]
    used: set[int] = set()
    errors: list[str] = []
    for item in expected:
        hit = next((i for i, f in enumerate(found) if i not in used and _matches(item, f)), None)
        row = counts.setdefault(item.category, [0, 0, 0])
        if hit is None:
            row[2] += 1
            errors.append(f"missed {item.category} '{item.text}'")
        else:
            used.add(hit)
            row[0] += 1
    for i, f in enumerate(found):
        if i not in used:
            counts[f.category][1] += 1
            errors.append(f"false alarm {f.category} ({f.rule}) '{f.text[:60]}'")
    return counts, errors


def label_findings(label: BaseModel, key: str = "findings") -> list[ExpectedFinding] | None:
    """The expected findings of a label, or None when the letter is not labelled for that family."""
    raw = (label.model_extra or {}).get(key)
    if raw is None:
        return None
    return [ExpectedFinding.model_validate(item) for item in raw]


def findings_rows(set_dir: Path, pairs: list, key: str = "findings") -> tuple[dict[str, list[int]], list[str], int]:
    """Totals per category over a set, the per-letter errors, and how many letters were scored."""
    categories = FAMILIES[key]
    totals = {c: [0, 0, 0] for c in categories}
    errors: list[str] = []
    scored = 0
    for label, report in pairs:
        expected = label_findings(label, key)
        if expected is None:
            continue
        scored += 1
        counts, letter_errors = score_letter(expected, report, categories)
        for category, (tp, fp, fn) in counts.items():
            row = totals.setdefault(category, [0, 0, 0])
            row[0] += tp
            row[1] += fp
            row[2] += fn
        errors.extend(f"{label.file}: {e}" for e in letter_errors)
    return totals, errors, scored
