"""Working-day deadlines, with the bank holidays that differ between UK nations."""

import datetime as dt

import pytest

from responsecheck.deadlines import (
    CaseDates,
    StageTimescales,
    WorkingCalendar,
    assess,
    normalise_subdivision,
)

D = dt.date
ENG = WorkingCalendar("ENG")
SCT = WorkingCalendar("SCT")
NIR = WorkingCalendar("NIR")

# Housing Ombudsman Code stage 1: acknowledge in 5, respond 10 after acknowledgement.
HO_STAGE1 = StageTimescales(response_days=10, acknowledge_days=5, max_extension_days=10)
# SPSO model procedure stage 1: 5 working days from receipt, no acknowledgement.
SPSO_STAGE1 = StageTimescales(response_days=5, response_from="received")


def test_christmas_and_new_year_in_england():
    # Thu 18 Dec 2025 + 10: skips 25, 26 Dec and 1 Jan; 2 Jan is a working day.
    assert ENG.add_working_days(D(2025, 12, 18), 10) == D(2026, 1, 6)


def test_scottish_second_of_january_is_a_holiday():
    assert not SCT.is_working_day(D(2026, 1, 2))
    assert ENG.is_working_day(D(2026, 1, 2))
    assert SCT.add_working_days(D(2025, 12, 18), 10) == D(2026, 1, 7)


def test_easter_monday_is_not_a_scottish_holiday():
    # Good Friday 18 Apr 2025 everywhere; Easter Monday 21 Apr not in Scotland.
    assert ENG.add_working_days(D(2025, 4, 17), 5) == D(2025, 4, 28)
    assert SCT.add_working_days(D(2025, 4, 17), 5) == D(2025, 4, 25)


def test_st_andrews_day_substitute_when_it_falls_on_sunday():
    # 30 Nov 2025 is a Sunday, so Scotland takes Monday 1 December.
    assert SCT.holiday_name(D(2025, 12, 1)) is not None
    assert SCT.add_working_days(D(2025, 11, 28), 1) == D(2025, 12, 2)
    assert ENG.add_working_days(D(2025, 11, 28), 1) == D(2025, 12, 1)


def test_st_patricks_day_in_northern_ireland():
    assert not NIR.is_working_day(D(2026, 3, 17))
    assert ENG.is_working_day(D(2026, 3, 17))


def test_start_day_is_never_counted():
    # Monday + 1 working day is Tuesday, even though Monday is a working day.
    assert ENG.add_working_days(D(2026, 3, 2), 1) == D(2026, 3, 3)
    assert ENG.add_working_days(D(2026, 3, 2), 0) == D(2026, 3, 2)


def test_working_days_after_counts_half_open_range():
    assert ENG.working_days_after(D(2026, 3, 6), D(2026, 3, 9)) == 1  # Fri -> Mon
    assert ENG.working_days_after(D(2026, 3, 9), D(2026, 3, 6)) == 0


def test_subdivision_names_and_typos():
    assert normalise_subdivision("Scotland") == "SCT"
    assert normalise_subdivision("England and Wales") == "ENG"
    assert WorkingCalendar("wales").subdivision == "WLS"
    with pytest.raises(ValueError):
        WorkingCalendar("Cornwall")


def test_on_time_stage1_letter():
    dates = CaseDates(received=D(2026, 3, 2), acknowledged=D(2026, 3, 4), letter_date=D(2026, 3, 18))
    result = assess(dates, HO_STAGE1, ENG)
    assert result.acknowledgement_due == D(2026, 3, 9)
    assert result.acknowledgement_late_days == 0
    assert result.response_due == D(2026, 3, 18)
    assert result.response_late_days == 0
    assert not result.assumed_acknowledgement


def test_late_letter_counts_working_days_over_easter():
    # Acknowledged Wed 18 Mar 2026 -> due Wed 1 Apr; letter Thu 9 Apr.
    # Working days after 1 Apr: 2 Apr, (3 Good Friday, 6 Easter Monday), 7, 8, 9 -> 4.
    dates = CaseDates(received=D(2026, 3, 16), acknowledged=D(2026, 3, 18), letter_date=D(2026, 4, 9))
    result = assess(dates, HO_STAGE1, ENG)
    assert result.response_due == D(2026, 4, 1)
    assert result.response_late_days == 4


def test_agreed_extension_moves_the_due_date():
    dates = CaseDates(
        received=D(2026, 3, 16), acknowledged=D(2026, 3, 18), letter_date=D(2026, 4, 9), extension_days=10
    )
    result = assess(dates, HO_STAGE1, ENG)
    assert result.response_due_with_extension == D(2026, 4, 17)  # 2 Apr, 7-10 Apr, 13-17 Apr
    assert result.response_late_days == 0
    assert result.extension_over_limit_days == 0


def test_extension_beyond_the_limit_is_measured():
    dates = CaseDates(received=D(2026, 3, 2), extension_days=15)
    assert assess(dates, HO_STAGE1, ENG).extension_over_limit_days == 5


def test_weekend_letter_after_friday_deadline_is_one_day_late():
    # Acknowledged Fri 6 Mar 2026 -> due Fri 20 Mar; letter dated Sat 21 Mar.
    dates = CaseDates(received=D(2026, 3, 5), acknowledged=D(2026, 3, 6), letter_date=D(2026, 3, 21))
    assert assess(dates, HO_STAGE1, ENG).response_late_days == 1


def test_missing_acknowledgement_assumes_latest_on_time_date():
    dates = CaseDates(received=D(2026, 3, 2), letter_date=D(2026, 3, 23))
    result = assess(dates, HO_STAGE1, ENG)
    assert result.assumed_acknowledgement
    assert result.response_due == D(2026, 3, 23)
    assert result.response_late_days == 0


def test_late_acknowledgement():
    dates = CaseDates(received=D(2026, 3, 2), acknowledged=D(2026, 3, 11))
    assert assess(dates, HO_STAGE1, ENG).acknowledgement_late_days == 2


def test_spso_clock_runs_from_receipt_with_scottish_holidays():
    # Received Wed 31 Dec 2025: 1 and 2 Jan are Scottish holidays.
    dates = CaseDates(received=D(2025, 12, 31), letter_date=D(2026, 1, 9))
    result = assess(dates, SPSO_STAGE1, SCT)
    assert result.response_due == D(2026, 1, 9)
    assert result.response_late_days == 0
    assert result.acknowledgement_due is None
    late = assess(CaseDates(received=D(2025, 12, 31), letter_date=D(2026, 1, 13)), SPSO_STAGE1, SCT)
    assert late.response_late_days == 2


def test_nothing_known_gives_nothing():
    result = assess(CaseDates(), HO_STAGE1, ENG)
    assert result.response_due is None and result.response_late_days is None


def test_bad_timescales_rejected():
    with pytest.raises(ValueError):
        StageTimescales(response_days=10, response_from="sent")
    with pytest.raises(ValueError):
        StageTimescales(response_days=10)
    with pytest.raises(ValueError):
        assess(CaseDates(extension_days=-1), HO_STAGE1, ENG)
