"""Contact details given for an Ombudsman are checked; correct ones and the landlord's own never are."""

from __future__ import annotations

import pytest

from responsecheck import CheckOptions, check
from responsecheck.profiles import all_profiles
from responsecheck.readers import read_text_input


def details(text: str, profile: str = "hos", stage: int = 2) -> list:
    report = check(read_text_input(text, "letter.txt"), options=CheckOptions(profile=profile, stage=stage))
    return [f for f in report.findings if f.category == "ombudsman_details"]


@pytest.mark.parametrize("profile", all_profiles(), ids=lambda p: p.id)
def test_each_profiles_current_details_pass(profile) -> None:
    c = profile.ombudsman.contacts
    parts = [f"call {c.phone[0]}" if c.phone else "", f"email {c.email[0]}" if c.email else "",
             f"visit www.{c.web[0]}" if c.web else "", f"write to {c.post[0]}" if c.post else ""]
    text = f"You can contact the {profile.ombudsman.name}: " + ", ".join(p for p in parts if p) + "."
    assert details(text, profile.id) == []


def test_contact_block_under_the_name() -> None:
    text = ("If you remain unhappy you can ask the Ombudsman to investigate. You can contact them:\n\n"
            "Housing Ombudsman Service\n\nPO Box 1484, Unit D\n\nPreston\n\nPR2 0ET\n\n"
            "Telephone: 0300 111 3000\n\nEmail: info@housing-ombudsman.org.uk")
    assert details(text) == []


def test_wrong_details_in_a_block_are_caught() -> None:
    text = ("You can contact the Housing Ombudsman:\n\nTelephone: 0300 111 3300\n\n"
            "Email: complaints@housing-ombudsman.co.uk\n\nPO Box 1484, Preston PR2 0EE")
    found = {f.text for f in details(text)}
    assert found == {"0300 111 3300", "complaints@housing-ombudsman.co.uk", "PR2 0EE"}


def test_landlords_own_number_is_left_alone() -> None:
    text = ("You can contact the Housing Ombudsman on 0300 111 3000, or call us on 01632 960 118 "
            "if you would like help. Our complaints team is on 01632 960 119.")
    assert details(text) == []


def test_landlords_number_before_the_ombudsman_is_left_alone() -> None:
    assert details("Call us on 01632 960 118 or the Housing Ombudsman on 0300 111 3000.") == []


def test_another_ombudsmans_number_is_named() -> None:
    found = details("You can contact the Housing Ombudsman on 0800 377 7330.")
    assert len(found) == 1
    assert "Scottish Public Services Ombudsman" in found[0].message


def test_lgsco_details_for_the_lgsco_pass() -> None:
    text = ("For the parking fine you can contact the Local Government and Social Care Ombudsman "
            "on 0300 061 0614 or at www.lgo.org.uk.")
    assert details(text) == []


def test_old_addresses_anywhere() -> None:
    assert {f.rule for f in details("Post: PO Box 152, Liverpool L33 7WQ.")} == {"ombudsman_details.hos_old_po_box"}
    spso = details("Write to the SPSO at 4 Melville Street, Edinburgh EH3 7NS.", profile="spso")
    assert {f.text for f in spso} == {"4 Melville Street", "EH3 7NS"}


def test_an_ombudsman_domain_is_checked_without_a_name() -> None:
    found = details("More information is at www.housingombudsman.org.uk and www.housing-ombudsman.org.uk.")
    assert [f.text for f in found] == ["www.housingombudsman.org.uk"]
