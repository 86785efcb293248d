"""Draft leftovers a resident could read: tracked changes, comments and hidden text.

Word shows all three to anyone who opens the file (Review > All Markup, the comment pane,
Show/Hide), so a letter sent as a .docx, or printed with markup, can carry an earlier
draft, a colleague's note or a hidden aside. Each is an error: the fix is to accept or
reject the changes, delete the comments and remove the hidden text before sending.
"""

from __future__ import annotations

from ..report import Finding
from . import CheckContext, CheckOutput
from .patterns import paragraph_location

_REVISION_WORDS = {
    "ins": "inserted",
    "del": "deleted",
    "moveFrom": "moved away",
    "moveTo": "moved here",
    "rPrChange": "reformatted",
    "pPrChange": "paragraph reformatted",
}
_SOURCE = "Word keeps tracked changes, comments and hidden text in the file until they are removed."


def _by(author: str | None, date: str | None) -> str:
    parts = []
    if author:
        parts.append(f"by {author}")
    if date:
        parts.append(f"on {date[:10]}")
    return (" " + " ".join(parts)) if parts else ""


def run(context: CheckContext) -> CheckOutput:
    analysis = context.analysis
    letter = analysis.letter
    findings: list[Finding] = []
    for revision in letter.revisions:
        what = _REVISION_WORDS.get(revision.kind, revision.kind)
        quoted = f": '{revision.text}'" if revision.text.strip() else ""
        # Deleted and moved-away words are not in the accepted text, so only the
        # paragraph can be pointed at.
        visible = revision.text if revision.kind in ("ins", "moveTo", "rPrChange") else ""
        findings.append(Finding(
            rule=f"leftover.tracked_change.{revision.kind}", category="tracked_changes", severity="error",
            message=f"A tracked change is still in the draft (text {what}{_by(revision.author, revision.date)}){quoted}.",
            text=revision.text, location=paragraph_location(analysis, revision.paragraph, visible),
            suggestion="Accept or reject every change (Review > Accept All Changes) and save before sending.",
            source=_SOURCE))
    for comment in letter.comments:
        author = f" from {comment.author}" if comment.author else ""
        findings.append(Finding(
            rule="leftover.comment", category="comments", severity="error",
            message=f"A comment{author} is still in the draft: '{comment.text}'.",
            text=comment.text, location=paragraph_location(analysis, comment.paragraph, ""),
            suggestion="Deal with the comment, then delete it (Review > Delete All Comments).",
            source=_SOURCE))
    for hidden in letter.hidden_text:
        findings.append(Finding(
            rule="leftover.hidden_text", category="hidden_text", severity="error",
            message=f"Hidden text is still in the file: '{hidden.text}'.",
            text=hidden.text, location=paragraph_location(analysis, hidden.paragraph, ""),
            suggestion="Show hidden text (Home > Show/Hide) and delete it, or unhide it if the resident should read it.",
            source=_SOURCE))
    return CheckOutput(findings=findings)
