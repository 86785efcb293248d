"""What each required element is called when a person reads it, in every renderer alike."""

from __future__ import annotations

ELEMENT_NAMES = {
    "stage_label": "Stage named", "complaint_summary": "Complaint summarised", "findings": "Findings explained",
    "decision": "Decision stated", "apology": "Apology", "remedy": "Remedy offered",
    "remedy_timescale": "Remedy has a date", "learning": "Learning", "escalation": "How to escalate",
    "ombudsman": "Ombudsman and contact details",
}
SHORT_NAMES = {
    "stage_label": "stage", "complaint_summary": "summary", "findings": "findings", "decision": "decision",
    "apology": "apology", "remedy": "remedy", "remedy_timescale": "remedy date", "learning": "learning",
    "escalation": "escalation", "ombudsman": "ombudsman",
}
