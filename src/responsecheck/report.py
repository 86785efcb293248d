"""The report: the one model every renderer (terminal, JSON, HTML, annotated Word) reads.

Its JSON form is a versioned wire format (like proselint's): `schema_version` changes on any
change a consumer could notice, and schema/report.schema.json is generated from these models
(`responsecheck schema`) and checked by the tests, so case systems can validate what they receive.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

SCHEMA_VERSION = "1.3"

Severity = Literal["error", "warning", "suggestion"]
SEVERITY_RANK: dict[str, int] = {"suggestion": 1, "warning": 2, "error": 3}
ElementStatus = Literal["present", "missing", "not_applicable"]
Decision = Literal["upheld", "partly_upheld", "not_upheld", "none"]
Rating = Literal["red", "amber", "green"]


class Location(BaseModel):
    """Where in the letter: the paragraph (index into the letter's paragraphs) and the characters."""

    part: Literal["body", "table", "header", "footer", "textbox", "document"] = Field(
        description="body, table, header, footer, textbox, or document for findings about the file itself")
    paragraph: int | None = Field(None, description="index of the paragraph in the letter, in reading order")
    start: int | None = Field(None, description="first character of the words in the paragraph's text")
    end: int | None = Field(None, description="character after the last one")
    node: int | None = Field(None, description="position in the document walk (for annotating the .docx)")
    section: int | None = None
    table: int | None = None
    row: int | None = None
    cell: int | None = None
    box: int | None = None


class Evidence(BaseModel):
    text: str
    location: Location


class Element(BaseModel):
    id: str
    status: ElementStatus
    required: bool = Field(description="whether this letter must have it, given the profile, stage and decision")
    severity: Severity | None = Field(None, description="how much a missing element weighs, when required")
    evidence: list[Evidence] = Field(default_factory=list)
    value: str | None = Field(None, description="the stage (stage_label) or the decision (decision) found")


class Finding(BaseModel):
    rule: str = Field(description="stable id of the rule, e.g. element.apology or stigma.refused-access")
    category: str
    severity: Severity
    message: str
    text: str = Field("", description="the words matched, as they stand in the letter")
    location: Location
    suggestion: str | None = None
    source: str | None = Field(None, description="where the rule comes from")
    suppressed: bool = False
    suppressed_by: str | None = None


class ComplaintPoint(BaseModel):
    """One point the resident raised, and where (if anywhere) the letter answers it."""

    id: str = Field(description="P1, P2... in the order the complaint raises them")
    text: str = Field(description="the point as found in the complaint (or as given by the case system)")
    status: Literal["addressed", "not_addressed"]
    evidence: list[Evidence] = Field(default_factory=list,
                                     description="letter sentences that give the finding or decision on it")
    confidence: float = Field(ge=0, le=1, description="0.5 on the borderline, towards 1 when clear-cut")
    request: bool = Field(False, description="the resident asks for this (part of the outcome requested)")
    answered_by: Literal["words", "meaning"] | None = Field(
        None, description="for an answered point, how its evidence was found: sharing the point's words and "
                          "concepts, or only close in meaning (the embeddings extra; check it more carefully)")
    nearest: Evidence | None = Field(
        None, description="for a point not answered, the letter sentence that came nearest to answering it "
                          "(sharing most of its words, or closest in meaning), so the handler can judge it; "
                          "None when no sentence comes near")


class OutcomeRequested(BaseModel):
    """What the resident asked for ("I want...", "I would like...") and whether the letter answers all of it."""

    text: str
    answered: bool
    points: list[str] = Field(default_factory=list, description="ids of the points that ask for it")
    evidence: list[Evidence] = Field(default_factory=list)


class Skipped(BaseModel):
    """A check that did not run, and why (e.g. no grammar server configured)."""

    check: str
    reason: str


class ErrorInfo(BaseModel):
    kind: str
    message: str
    exit_code: int


class Report(BaseModel):
    schema_version: str = SCHEMA_VERSION
    file: str
    model: str | None = Field(None, description="the spaCy pipeline that ran")
    profile: str | None = None
    profile_source: Literal["given", "detected", "default"] | None = None
    stage: Literal[1, 2] | None = None
    stage_source: Literal["given", "detected", "default"] | None = None
    decision: Decision | None = None
    score: int | None = Field(None, ge=0, le=100)
    rating: Rating | None = None
    send_ok: bool = False
    fail_on: Literal["error", "warning", "suggestion", "never"] = "error"
    elements: list[Element] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)
    metrics: dict[str, Any] = Field(default_factory=dict, description="scores such as readability, with inputs")
    skipped: list[Skipped] = Field(default_factory=list)
    complaint_points: list[ComplaintPoint] | None = Field(
        None, description="set when the complaint (or its points) was given: each point and where it is answered")
    outcome_requested: OutcomeRequested | None = Field(
        None, description="set when the complaint asks for an outcome: what, and whether the letter answers it")
    document: dict[str, Any] = Field(default_factory=dict,
                                     description="facts about the file: format, paragraphs, tracked changes, comments")
    error: ErrorInfo | None = Field(None, description="set when the letter could not be read; nothing else is")

    def active_findings(self) -> list[Finding]:
        return [f for f in self.findings if not f.suppressed]

    def counts(self) -> dict[str, int]:
        counts = {"error": 0, "warning": 0, "suggestion": 0}
        for finding in self.active_findings():
            counts[finding.severity] += 1
        return counts

    def element(self, element_id: str) -> Element | None:
        return next((e for e in self.elements if e.id == element_id), None)


def json_schema() -> dict[str, Any]:
    """The JSON Schema of the report's wire format."""
    schema = Report.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"https://responsecheck.invalid/schema/report-{SCHEMA_VERSION}.json"
    return schema


def fails(report: Report, fail_on: str) -> bool:
    """Whether any active finding is at or above the fail-on level ('never' never fails)."""
    if fail_on == "never":
        return False
    threshold = SEVERITY_RANK[fail_on]
    return any(SEVERITY_RANK[f.severity] >= threshold for f in report.active_findings())
