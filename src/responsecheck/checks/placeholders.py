"""Template and mail-merge gaps: "[INSERT DATE]", «Surname», XXXX, TBC, an empty "£".

The patterns (rules/presend/placeholders.yaml) run over every paragraph, headers,
footers, tables and text boxes included, because a letterhead or a remedy table is as
likely as the body to hold a gap. Word fields are checked too: a field Word marked as
out of date (w:dirty) shows whatever it said when the template was made, and a
merge or prompt field that still shows no value was never filled in.
"""

from __future__ import annotations

from ..report import Finding
from . import CheckContext, CheckOutput
from .patterns import load_rules, paragraph_location, run_rules

_FILL_FIELDS = ("MERGEFIELD", "FILLIN", "ASK")
_SOURCE = "Word fields keep the text they showed when last updated (ECMA-376 w:dirty marks them stale)."


def _one_per_gap(findings: list[Finding]) -> list[Finding]:
    """One finding per gap: "[£ amount]" is a bracketed gap, not also an empty £."""
    kept: list[Finding] = []
    for f in sorted(findings, key=lambda f: (f.location.paragraph, f.location.start, -(f.location.end or 0))):
        last = kept[-1].location if kept else None
        if last and last.paragraph == f.location.paragraph and f.location.start < (last.end or 0):
            continue
        kept.append(f)
    return kept


def run(context: CheckContext) -> CheckOutput:
    analysis = context.analysis
    findings = _one_per_gap(run_rules(analysis, load_rules("placeholders")))
    taken = {(f.location.paragraph, f.location.start) for f in findings}
    for field in analysis.letter.fields:
        kind = field.instruction.split()[0].upper() if field.instruction.split() else ""
        empty = not field.result.strip()
        if not (field.dirty or (kind in _FILL_FIELDS and empty)):
            continue
        location = paragraph_location(analysis, field.paragraph, field.result)
        if (location.paragraph, location.start) in taken:
            continue
        reason = "was never updated, so it may show out-of-date text" if field.dirty else "was never filled in"
        findings.append(Finding(
            rule="placeholder.word_field", category="placeholder", severity="error",
            message=f"A Word {kind or 'field'} field {reason}.",
            text=field.result or field.instruction, location=location,
            suggestion="Select the whole letter and press F9 to update fields, check the result, "
                       "then convert fields to text (Ctrl+Shift+F9) before sending.",
            source=_SOURCE))
    return CheckOutput(findings=findings)

