"""Contradictions inside a letter: stage, apology, money, dates and time limits."""

from __future__ import annotations

import datetime as dt

from responsecheck import CheckOptions, check
from responsecheck.readers import read_text_input

HEAD = "Mr A Khan\n\n1 High Street\n\n12 May 2026\n\nDear Mr Khan\n\n"


def rules(text: str, stage: int = 1, **options) -> list[str]:
    report = check(read_text_input(text, "letter.txt"), options=CheckOptions(profile="hos", stage=stage, **options))
    return [f.rule for f in report.findings if f.category == "consistency"]


def test_final_letter_recalling_the_escalation_is_not_an_offer() -> None:
    text = HEAD + "You asked us on 2 May to review your complaint at stage 2. I have now done so."
    assert "consistency.final_offers_another_stage" not in rules(text, stage=2)


def test_final_letter_offering_a_review_is_flagged() -> None:
    text = HEAD + "If you are unhappy, please ask for a further review by our complaints panel."
    assert "consistency.final_offers_another_stage" in rules(text, stage=2)


def test_upheld_without_apology() -> None:
    text = HEAD + "We found the repair was missed. We have upheld your complaint. The gate will be fixed by 20 May 2026."
    assert "consistency.upheld_without_apology" in rules(text)
    sorry = text + " We are sorry that we missed the repair."
    assert "consistency.upheld_without_apology" not in rules(sorry)


def test_compensation_amount_in_a_later_paragraph_counts() -> None:
    text = HEAD + "We will pay you compensation as follows.\n\n£100 for the delay, paid by 30 May 2026."
    assert "consistency.compensation_offer" not in rules(text)


def test_total_that_does_not_add_up() -> None:
    text = HEAD + "We will pay £200 in total, made up of £120 for the delay and £60 for your costs."
    assert "consistency.total_differs" in rules(text)
    right = HEAD + "We will pay £180 in total, made up of £120 for the delay and £60 for your costs."
    assert "consistency.total_differs" not in rules(right)


def test_amounts_each_are_not_added_up() -> None:
    text = HEAD + "We will refund the £35 charge and two fees (£12 each), a total of £59."
    assert "consistency.total_differs" not in rules(text)


def test_dates_against_the_letters_date() -> None:
    found = rules(HEAD + "You complained on 20 May 2026. The lights will be fixed by 2 May 2026. "
                         "Our electrician visited on 31 April 2026.")
    assert found.count("consistency.past_after_letter") == 1
    assert found.count("consistency.promise_before_letter") == 1
    assert found.count("consistency.impossible_date") == 1


def test_letter_date_from_the_options_wins() -> None:
    text = "Dear Mr Khan\n\nYou complained on 20 May 2026."
    assert "consistency.past_after_letter" in rules(text, letter_date=dt.date(2026, 5, 12))
    assert "consistency.past_after_letter" not in rules(text, letter_date=dt.date(2026, 5, 22))


def test_escalation_windows_against_the_profile() -> None:
    wrong = HEAD + "You can ask for a stage 2 review within 28 days. You have 6 months to contact the Housing Ombudsman."
    assert rules(wrong).count("consistency.escalation_window") == 2
    right = HEAD + "You can ask for a stage 2 review within 20 working days. You have 12 months to contact the Housing Ombudsman."
    assert "consistency.escalation_window" not in rules(right)


def test_the_codes_own_timescale_is_not_a_window() -> None:
    text = HEAD + "The Housing Ombudsman's Complaint Handling Code asks for a reply within ten working days."
    assert "consistency.escalation_window" not in rules(text)
