"""Contact details, money and dates as letters write them."""

import datetime as dt
from decimal import Decimal

from responsecheck.facts import contact_details, dates, is_impossible, money, normalise_contact


def kinds(text):
    return [(f.kind, f.value) for f in contact_details(text)]


def test_phone_formats_agree():
    assert kinds("Call 0300 111 3000.") == [("phone", "03001113000")]
    assert kinds("Call +44 300 111 3000.") == [("phone", "03001113000")]
    assert kinds("Call (0131) 225 5300.") == [("phone", "01312255300")]


def test_references_and_amounts_are_not_phone_numbers():
    assert kinds("Reference 2026/0311, paid £1,250 on 12 March 2026.") == []


def test_email_is_not_also_a_web_address():
    assert kinds("Email info@housing-ombudsman.org.uk today") == [("email", "info@housing-ombudsman.org.uk")]


def test_web_address_compares_by_host():
    found = kinds("See https://www.housing-ombudsman.org.uk/residents/make-a-complaint/.")
    assert found == [("web", "housing-ombudsman.org.uk")]
    assert kinds("Visit ombudsman.wales") == [("web", "ombudsman.wales")]


def test_postal_details():
    found = kinds("PO Box 1484, Unit D, Preston PR2 0ET; Freepost SPSO; P.O. Box 152, Liverpool L33 7WQ")
    assert found == [
        ("po_box", "1484"),
        ("postcode", "PR2 0ET"),
        ("freepost", "SPSO"),
        ("po_box", "152"),
        ("postcode", "L33 7WQ"),
    ]
    assert normalise_contact("postcode", "pr20et") == "PR2 0ET"


def test_money_with_commas_and_pence():
    assert [v for v, _, _ in money("£1,250.50, £25 and £ 40")] == [Decimal("1250.50"), Decimal("25.00"), Decimal("40.00")]


def test_dates_in_uk_forms():
    found = dates("On 3rd March 2026, 03/04/2026 and March 5, 2026 and on 1 June.")
    assert [d.date for d in found] == [dt.date(2026, 3, 3), dt.date(2026, 4, 3), dt.date(2026, 3, 5), None]
    assert found[-1].year is None and not is_impossible(found[-1])


def test_impossible_dates():
    assert is_impossible(dates("31 April 2026")[0])
    assert is_impossible(dates("29 February 2026")[0])
    assert not is_impossible(dates("29 February 2028")[0])
    assert is_impossible(dates("30 February")[0])
    assert is_impossible(dates("12/13/2026")[0])


def test_standalone_date_is_a_line_that_is_only_a_date():
    from responsecheck.facts import standalone_date

    assert standalone_date("12 May 2026") == dt.date(2026, 5, 12)
    assert standalone_date("Date: 12/05/2026") == dt.date(2026, 5, 12)
    assert standalone_date("Tuesday, 12 May 2026") == dt.date(2026, 5, 12)
    assert standalone_date("We visited on 12 May 2026.") is None
    assert standalone_date("31 April 2026") is None


def test_reference_numbers_are_not_dates():
    assert dates("Our reference: BHA/C1/25/0642") == []
    assert dates("Case 2026/03/0411") == []
