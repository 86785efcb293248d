"""UK working-day arithmetic for complaint-handling deadlines.

Complaint codes count time in working days, and a bank holiday in Scotland
(2 January, St Andrew's Day) is an ordinary working day in England, so a due
date depends on where the landlord is. The bank holidays come from the
`holidays` package (kept up to date by its maintainers, including one-off
days such as a coronation) rather than from a hand-made calendar.

Conventions, stated once so every caller agrees:
- "within N working days of X" means the response is due on the N-th working
  day after X; X itself is never counted.
- A letter dated on a weekend or bank holiday is treated as going out on the
  next working day, so a Saturday letter after a Friday deadline is one
  working day late, not zero.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import holidays

#: The `holidays` subdivision codes for the United Kingdom.
SUBDIVISIONS: tuple[str, ...] = ("ENG", "WLS", "SCT", "NIR")

#: Names a profile may use for a subdivision, mapped to the `holidays` code.
_SUBDIVISION_ALIASES: dict[str, str] = {
    "eng": "ENG",
    "england": "ENG",
    "england and wales": "ENG",
    "wls": "WLS",
    "wales": "WLS",
    "sct": "SCT",
    "scotland": "SCT",
    "nir": "NIR",
    "northern ireland": "NIR",
}


def normalise_subdivision(name: str) -> str:
    """Return the `holidays` code for a UK nation name or code.

    Raises ValueError for anything else, so a typo in a profile fails when the
    profile loads rather than silently using England's calendar.
    """
    code = _SUBDIVISION_ALIASES.get(name.strip().lower())
    if code is None:
        raise ValueError(
            f"unknown UK subdivision {name!r}; use one of {', '.join(SUBDIVISIONS)}"
        )
    return code


@lru_cache(maxsize=8)
def _bank_holidays(subdivision: str) -> holidays.HolidayBase:
    # Imported here: the package takes a tenth of a second to load and most checks give no case dates.
    # Years are filled in lazily by the holidays object on first lookup.
    import holidays

    return holidays.country_holidays("GB", subdiv=subdivision)


@dataclass(frozen=True)
class WorkingCalendar:
    """Monday to Friday, less the bank holidays of one UK nation."""

    subdivision: str = "ENG"

    def __post_init__(self) -> None:
        object.__setattr__(self, "subdivision", normalise_subdivision(self.subdivision))

    def is_working_day(self, day: dt.date) -> bool:
        """True when `day` is a weekday and not a bank holiday here."""
        return day.weekday() < 5 and day not in _bank_holidays(self.subdivision)

    def holiday_name(self, day: dt.date) -> str | None:
        """The bank holiday on `day`, if any (for messages that explain a date)."""
        return _bank_holidays(self.subdivision).get(day)

    def next_working_day(self, day: dt.date) -> dt.date:
        """`day` itself when it is a working day, else the next one."""
        while not self.is_working_day(day):
            day += dt.timedelta(days=1)
        return day

    def add_working_days(self, start: dt.date, days: int) -> dt.date:
        """The `days`-th working day after `start` (start itself not counted)."""
        if days < 0:
            raise ValueError("days must not be negative")
        day = start
        remaining = days
        while remaining:
            day += dt.timedelta(days=1)
            if self.is_working_day(day):
                remaining -= 1
        return day

    def working_days_after(self, start: dt.date, end: dt.date) -> int:
        """Working days in the half-open range (start, end]; 0 when end <= start."""
        count = 0
        day = start
        while day < end:
            day += dt.timedelta(days=1)
            if self.is_working_day(day):
                count += 1
        return count


@dataclass(frozen=True)
class StageTimescales:
    """How long a landlord has at one stage, in working days.

    `response_from` says which date the response clock starts from: the Housing
    Ombudsman's Code counts from acknowledgement, the SPSO model procedure
    from receipt.
    """

    response_days: int
    acknowledge_days: int | None = None
    response_from: str = "acknowledged"
    max_extension_days: int | None = None

    def __post_init__(self) -> None:
        if self.response_from not in ("received", "acknowledged"):
            raise ValueError("response_from must be 'received' or 'acknowledged'")
        if self.response_from == "acknowledged" and self.acknowledge_days is None:
            raise ValueError("a clock that starts at acknowledgement needs acknowledge_days")


@dataclass(frozen=True)
class CaseDates:
    """The dates a case system knows about one complaint at one stage."""

    received: dt.date | None = None
    acknowledged: dt.date | None = None
    letter_date: dt.date | None = None
    extension_days: int = 0


@dataclass(frozen=True)
class DeadlineResult:
    """Due dates for one case and how late the acknowledgement and letter are.

    `*_late_days` is 0 when on time and None when the date needed is unknown.
    `assumed_acknowledgement` is True when no acknowledgement date was given
    and the latest on-time acknowledgement date was used to start the clock.
    """

    acknowledgement_due: dt.date | None
    acknowledgement_late_days: int | None
    response_due: dt.date | None
    response_due_with_extension: dt.date | None
    response_late_days: int | None
    assumed_acknowledgement: bool
    extension_over_limit_days: int


def assess(dates: CaseDates, timescales: StageTimescales, calendar: WorkingCalendar) -> DeadlineResult:
    """Work out due dates and lateness for one response letter.

    Without a received date nothing can be computed except the extension
    check; without an acknowledgement date the clock starts on the last day an
    acknowledgement would have been on time, which gives the landlord the
    benefit of the doubt.
    """
    if dates.extension_days < 0:
        raise ValueError("extension_days must not be negative")
    over_limit = 0
    if timescales.max_extension_days is not None:
        over_limit = max(0, dates.extension_days - timescales.max_extension_days)

    ack_due: dt.date | None = None
    if dates.received is not None and timescales.acknowledge_days is not None:
        ack_due = calendar.add_working_days(dates.received, timescales.acknowledge_days)

    ack_late: int | None = None
    if ack_due is not None and dates.acknowledged is not None:
        ack_late = _late_by(dates.acknowledged, ack_due, calendar)

    assumed = False
    clock_start: dt.date | None
    if timescales.response_from == "received":
        clock_start = dates.received
    elif dates.acknowledged is not None:
        clock_start = dates.acknowledged
    else:
        clock_start = ack_due
        assumed = clock_start is not None

    response_due = extended_due = None
    response_late: int | None = None
    if clock_start is not None:
        response_due = calendar.add_working_days(clock_start, timescales.response_days)
        extended_due = calendar.add_working_days(response_due, dates.extension_days)
        if dates.letter_date is not None:
            response_late = _late_by(dates.letter_date, extended_due, calendar)

    return DeadlineResult(
        acknowledgement_due=ack_due,
        acknowledgement_late_days=ack_late,
        response_due=response_due,
        response_due_with_extension=extended_due,
        response_late_days=response_late,
        assumed_acknowledgement=assumed,
        extension_over_limit_days=over_limit,
    )


def _late_by(actual: dt.date, due: dt.date, calendar: WorkingCalendar) -> int:
    """Working days by which `actual` misses `due` (0 when on or before it)."""
    if actual <= due:
        return 0
    return calendar.working_days_after(due, calendar.next_working_day(actual))
