"""Is the response on time? Case dates against the profile's timescales, in UK working days.

Runs only when the case dates are given (--received, --acknowledged, --letter-date,
--extension-days or --case FILE); without a letter date the date printed on the letter
is used. Bank holidays are those of the profile's nation (responsecheck.deadlines), so a
Scottish letter skips 2 January and St Andrew's Day and an English one Easter Monday.
The due dates go into the report's metrics either way, for case systems to record.
"""

from __future__ import annotations

import datetime as dt

from ..deadlines import CaseDates, DeadlineResult, StageTimescales, WorkingCalendar, assess
from ..facts import long_date
from ..profiles import Profile
from ..report import Finding, Location
from . import CheckContext, CheckOutput
from .consistency import letter_dateline

_CATEGORY = "deadline"


def timescales_for(profile: Profile, stage: int) -> StageTimescales:
    """The profile's timescales for one stage, in the form the deadline arithmetic takes."""
    t = profile.timescales
    return StageTimescales(
        response_days=t.stage1_response_working_days if stage == 1 else t.stage2_response_working_days,
        acknowledge_days=t.acknowledge_working_days,
        response_from=t.response_from.get(stage, "acknowledged"),
        max_extension_days=t.extension_max_working_days)


def _day(date: dt.date | None) -> str | None:
    return date.isoformat() if date else None


def _finding(rule: str, severity: str, message: str, suggestion: str, source: str, location: Location,
             text: str) -> Finding:
    return Finding(rule=rule, category=_CATEGORY, severity=severity, message=message, text=text,
                   location=location, suggestion=suggestion, source=source)


def _order_problems(dates: CaseDates) -> list[str]:
    problems = []
    if dates.received and dates.acknowledged and dates.acknowledged < dates.received:
        problems.append("the acknowledgement date is before the complaint was received")
    if dates.received and dates.letter_date and dates.letter_date < dates.received:
        problems.append("the letter is dated before the complaint was received")
    return problems


def run(context: CheckContext) -> CheckOutput:
    options = context.options
    if options.received is None and options.acknowledged is None:
        return CheckOutput()
    analysis = context.analysis
    profile = context.detected.profile
    stage = context.detected.stage
    dateline = letter_dateline(analysis)
    dates = CaseDates(received=options.received, acknowledged=options.acknowledged,
                      letter_date=options.letter_date or (dateline[0] if dateline else None),
                      extension_days=options.extension_days)
    # Findings point at the letter's date line (the words they are about), else at the document.
    location, words = Location(part="document"), ""
    if dateline is not None:
        start = analysis.paragraph_starts[dateline[1]]
        words = analysis.letter.paragraphs[dateline[1]].text
        location = analysis.location(start, start + len(words))

    source = profile.timescales.source
    problems = _order_problems(dates)
    if problems:
        return CheckOutput(findings=[_finding(
            "deadline.case_dates", "error", f"The case dates do not add up: {'; '.join(problems)}.",
            "Check the dates given from the case record.", "Case dates given to responsecheck", location, words)])

    calendar = WorkingCalendar(profile.holidays.subdiv)
    timescales = timescales_for(profile, stage)
    try:
        result = assess(dates, timescales, calendar)
    except OverflowError:  # a due date past 31 December 9999 (a case system's "no date", 9999-12-31)
        return CheckOutput(findings=[_finding(
            "deadline.case_dates", "error",
            "The case dates do not add up: a due date would fall after the year 9999, so a date given is not a real one.",
            "Check the dates given from the case record.", "Case dates given to responsecheck", location, words)])
    findings = _findings(result, timescales, stage, profile, source, location, words)
    metrics = {"deadline": {
        "calendar": calendar.subdivision, "stage": stage,
        "acknowledgement_due": _day(result.acknowledgement_due),
        "response_due": _day(result.response_due),
        "response_due_with_extension": _day(result.response_due_with_extension),
        "letter_date": _day(dates.letter_date),
        "working_days_late": result.response_late_days,
        "assumed_acknowledgement": result.assumed_acknowledgement,
    }}
    return CheckOutput(findings=findings, metrics=metrics)


def _findings(result: DeadlineResult, timescales: StageTimescales, stage: int, profile: Profile, source: str,
              location: Location, words: str) -> list[Finding]:
    findings: list[Finding] = []
    clock = "receipt" if timescales.response_from == "received" else "acknowledgement"
    if result.response_late_days:
        extension = (f" plus the agreed extension, i.e. by {long_date(result.response_due_with_extension)}"
                     if result.response_due_with_extension != result.response_due else "")
        assumed = (" (no acknowledgement date was given, so the latest on-time acknowledgement was assumed)"
                   if result.assumed_acknowledgement else "")
        findings.append(_finding(
            "deadline.response_late", "error",
            f"The response is {result.response_late_days} working day{'s' if result.response_late_days != 1 else ''} "
            f"late: stage {stage} is due within {timescales.response_days} working days of {clock}, "
            f"by {long_date(result.response_due)}{extension}{assumed}.",
            "Apologise for the delay in the letter, and record the reason on the case.", source, location, words))
    if result.extension_over_limit_days:
        findings.append(_finding(
            "deadline.extension_over_limit", "warning",
            f"The extension is {result.extension_over_limit_days} working days longer than the "
            f"{timescales.max_extension_days} working days the {profile.id.upper()} profile allows without good reason.",
            "Explain the good reason to the resident and give the Ombudsman's contact details.", source, location, words))
    if result.acknowledgement_late_days:
        findings.append(_finding(
            "deadline.acknowledgement_late", "warning",
            f"The complaint was acknowledged {result.acknowledgement_late_days} working "
            f"day{'s' if result.acknowledgement_late_days != 1 else ''} late "
            f"(due by {long_date(result.acknowledgement_due)}).",
            "Acknowledge the delay in the letter if it affected the resident.", source, location, words))
    return findings
