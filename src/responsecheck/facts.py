"""Facts a letter states in fixed formats: contact details, sums of money and dates.

These are found with regular expressions rather than the spaCy parse because the
small English model tags phone numbers and house numbers as DATE and leaves the £
outside MONEY spans (see docs on dependencies); the formats are regular enough that a
pattern is both faster and more exact. Every fact keeps its character span so that a
finding can quote and locate it.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

ContactKind = Literal["phone", "email", "web", "postcode", "po_box", "freepost"]


@dataclass(frozen=True)
class Fact:
    """One stated fact: its kind, the words as written, a comparable value and its span."""

    kind: str
    text: str
    value: str
    start: int
    end: int


# UK numbers: 0 then 9-10 more digits, or +44 with the leading 0 dropped; spaces,
# hyphens and brackets allowed between groups.
_PHONE = re.compile(r"(?<![\w+])(?:\+44\s?\(?0?\)?\s?|\(?0)\d(?:[\s\-)]{0,2}\d){8,9}(?!\d)")
_EMAIL = re.compile(r"\b[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+\b")
_WEB = re.compile(
    r"\b(?:https?://)?(?:www\.)?[a-z0-9][a-z0-9\-]*(?:\.[a-z0-9\-]+)*"
    r"\.(?:uk|wales|scot|cymru|com|org|net|gov|info|example)\b(?:/[^\s,;)\"']*)?",
    re.I,
)
_POSTCODE = re.compile(r"\b[A-Z]{1,2}[0-9][A-Z0-9]?\s?[0-9][A-Z]{2}\b")
_PO_BOX = re.compile(r"\bP\.?\s?O\.?\s?Box\s?(\d+)\b", re.I)
_FREEPOST = re.compile(r"\b(?i:freepost)\s+([A-Z0-9][A-Z0-9\-]+(?:\s[A-Z0-9\-]{2,}\b)*)")


def normalise_phone(text: str) -> str:
    """Digits only, in national form (0300 111 3000 and +44 300 111 3000 agree)."""
    digits = re.sub(r"\D", "", text)
    if digits.startswith("440"):
        digits = "0" + digits[3:]
    elif digits.startswith("44"):
        digits = "0" + digits[2:]
    return digits


def normalise_web(text: str) -> str:
    """The host name, lower case, without scheme or www (paths differ legitimately)."""
    host = re.sub(r"^https?://", "", text.strip().lower()).split("/")[0]
    return host.removeprefix("www.").rstrip(".")


def normalise_postcode(text: str) -> str:
    """Upper case with one space before the inward code (PR20ET -> PR2 0ET)."""
    compact = re.sub(r"\s", "", text.upper())
    return f"{compact[:-3]} {compact[-3:]}"


def normalise_contact(kind: str, text: str) -> str:
    """A comparable form of a contact detail of the given kind."""
    if kind == "phone":
        return normalise_phone(text)
    if kind == "web":
        return normalise_web(text)
    if kind == "postcode":
        return normalise_postcode(text)
    if kind == "po_box":
        return re.sub(r"\D", "", text)
    if kind == "freepost":
        return re.sub(r"\s+", " ", text.strip().upper()).removeprefix("FREEPOST ").strip()
    return text.strip().lower()


def contact_details(text: str) -> list[Fact]:
    """Every phone number, email, web address, postcode, PO box and Freepost name in `text`."""
    found: list[Fact] = []
    taken: list[tuple[int, int]] = []

    def add(kind: str, m: re.Match[str]) -> None:
        start, end = m.span()
        raw = m.group(0).rstrip(".")
        end = start + len(raw)
        if any(s < end and start < e for s, e in taken):
            return
        taken.append((start, end))
        found.append(Fact(kind, raw, normalise_contact(kind, raw), start, end))

    for m in _EMAIL.finditer(text):
        add("email", m)
    for m in _WEB.finditer(text):
        add("web", m)
    for m in _PHONE.finditer(text):
        if len(normalise_phone(m.group(0))) in (10, 11):
            add("phone", m)
    for m in _PO_BOX.finditer(text):
        add("po_box", m)
    for m in _FREEPOST.finditer(text):
        add("freepost", m)
    for m in _POSTCODE.finditer(text):
        add("postcode", m)
    return sorted(found, key=lambda f: f.start)


_MONEY = re.compile(r"£\s?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{2}))?(?!\d)")


def money(text: str) -> list[tuple[Decimal, int, int]]:
    """Each £ amount in `text` with its span (commas and pence understood)."""
    out = []
    for m in _MONEY.finditer(text):
        pounds = m.group(1).replace(",", "")
        value = Decimal(f"{pounds}.{m.group(2) or '00'}")
        out.append((value, m.start(), m.end()))
    return out


_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DAY_MONTH = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH_RE})\.?(?:,?\s+(\d{{4}}))?\b", re.I
)
_MONTH_DAY = re.compile(rf"\b({_MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I)
# Day/month/year in figures; not part of a longer code such as a reference "BHA/C1/25/0642".
_NUMERIC = re.compile(r"(?<![\w/.\-])(\d{1,2})[/.](\d{1,2})[/.]((?:19|20)\d{2}|\d{2})(?![\w/.\-])")


@dataclass(frozen=True)
class StatedDate:
    """A date as written. `date` is None when no such day exists (31 April)."""

    text: str
    start: int
    end: int
    day: int
    month: int
    year: int | None
    date: dt.date | None


def _stated(m: re.Match[str], day: int, month: int, year: int | None) -> StatedDate:
    valid: dt.date | None = None
    if year is not None and 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]:
        valid = dt.date(year, month, day)
    return StatedDate(m.group(0), m.start(), m.end(), day, month, year, valid)


def dates(text: str) -> list[StatedDate]:
    """Dates written as '3 March 2026', 'March 3, 2026' or '03/03/2026' (day first, UK)."""
    out: list[StatedDate] = []
    for m in _DAY_MONTH.finditer(text):
        year = int(m.group(3)) if m.group(3) else None
        out.append(_stated(m, int(m.group(1)), _MONTHS[m.group(2).lower()], year))
    for m in _MONTH_DAY.finditer(text):
        out.append(_stated(m, int(m.group(2)), _MONTHS[m.group(1).lower()], int(m.group(3))))
    for m in _NUMERIC.finditer(text):
        year = int(m.group(3))
        year = year + 2000 if year < 100 else year
        out.append(_stated(m, int(m.group(1)), int(m.group(2)), year))
    return sorted(out, key=lambda d: d.start)


def is_impossible(stated: StatedDate) -> bool:
    """True when the written day cannot exist (31 April, 30 February, month 13)."""
    if not 1 <= stated.month <= 12:
        return True
    if stated.year is None:
        # Without a year only the limit that holds in every year applies (29 February passes).
        return not 1 <= stated.day <= calendar.monthrange(2024, stated.month)[1]
    return stated.date is None


_DATE_LINE = re.compile(r"^\s*(?:date[d]?\s*[:\-]?\s*)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?", re.I)


def standalone_date(text: str) -> dt.date | None:
    """The date when a line is only a date ('12 May 2026', 'Date: 12/05/2026'), else None.

    Letters put their own date on a line of its own near the top; a date inside a
    sentence is something else.
    """
    rest = text[_DATE_LINE.match(text).end():].strip().rstrip(".")
    found = dates(rest)
    if len(found) == 1 and found[0].start == 0 and found[0].end == len(rest):
        return found[0].date
    return None


def long_date(date: dt.date) -> str:
    """'9 April 2026': the way letters write dates, for messages."""
    return f"{date.day} {date:%B %Y}"
