"""Splitting a complaint into points: clauses, requests, continuations, and the e-mail clean-up."""

from __future__ import annotations

import pytest

from responsecheck.nlp import load
from responsecheck.points.lexicon import lexicon
from responsecheck.points.split import clean, split

COMPLAINT = """Dear Sir

My boiler broke down on 3 March and nobody came to fix it for two weeks. The engineer who came was rude to me.

I want the boiler replaced and compensation for the cost of heaters.

Yours faithfully
Jo Smith"""


def _points(text: str):
    nlp = load()
    return split(nlp(clean(text)), lexicon(nlp))


def test_one_point_per_issue_and_per_thing_asked_for() -> None:
    points = _points(COMPLAINT)
    assert [p.text for p in points] == [
        "My boiler broke down on 3 March and nobody came to fix it for two weeks",
        "The engineer who came was rude to me",
        "I want the boiler replaced",
        "compensation for the cost of heaters",
    ]
    assert [p.request for p in points] == [False, False, True, True]


def test_a_clause_naming_nothing_new_joins_the_point_before() -> None:
    points = _points("A roofer put a tarpaulin over the hole but it blew off in the storm. This made it worse.")
    assert len(points) == 1


def test_a_verb_phrase_sharing_the_subject_is_a_second_point_only_when_it_names_things_of_its_own() -> None:
    assert len(_points("Anyone can push the front door open and walk in off the street.")) == 1
    assert len(_points("The caretaker laughed and told me to stop moaning because it was not his job.")) == 1
    assert len(_points("The fitters replaced the units and left a pile of rubble in my front garden.")) == 2


@pytest.mark.parametrize("around", [
    "To whoever deals with complaints at Eastfield Homes\n\n{}",
    "{}\n\nThank you Amira Haddad 07700 900418",
    "I hope you will forgive a long letter. {}",
    "Please excuse my spelling. {}",
    "Stage 2 complaint - ref HA-22871 - Mrs J Cartwright\n\n{}",
    "From: Huw Rowlands, C7 Maes Glas (on behalf of the residents of Block C)\n\n{}",
    "{}\n\nSigned: H Rowlands (C7), S Jenkins (C2)",
])
def test_addressee_sign_off_and_pardon_for_the_writing_are_not_points(around: str) -> None:
    assert [p.text for p in _points(around.format("The boiler is broken."))] == ["The boiler is broken"]


@pytest.mark.parametrize("text", [
    "Please fix the roof before I escalate this.",
    "I want compensation for the delay in answering my stage 1 complaint.",
    "Please pay the £250 compensation you offered at stage 1.",
    "I sent my stage 1 complaint in May and heard nothing for ten weeks.",
    "I will never forgive the way your staff treated my mother.",
    "Formal complaint about the caretaker shouting at my son",
    "Ombudsman involved already and still no repair",
    "To the best of my knowledge nobody has come out",
])
def test_a_grievance_or_request_that_mentions_the_process_or_pardon_is_kept(text: str) -> None:
    assert _points(text)


def test_a_field_line_stands_alone_and_the_complaint_under_it_is_read() -> None:
    points = _points("Our ref: HA-22871\nI have been waiting six weeks for the boiler to be fixed")
    assert [p.text for p in points] == ["I have been waiting six weeks for the boiler to be fixed"]
    form = _points("Name: Jo Smith\nAddress: 3 High Street\nComplaint: The boiler has been broken for six weeks.")
    assert len(form) == 1 and "boiler" in form[0].text


def test_a_quoted_reply_under_a_terse_complaint_is_dropped() -> None:
    text = ("boiler still broken no heating for 3 weeks\nplease sort it\n\nFrom: Repairs Team <r@example.org>\n"
            "Sent: 3 May 2026\nTo: Jo Reid\nSubject: RE: boiler\n\nDear Jo, we apologise for the delay to your repair.")
    assert "apologise" not in clean(text) and "boiler still broken" in clean(text)


@pytest.mark.parametrize(("text", "asks"), [
    ("Mr Lloyd would like a transfer to a ground floor flat.", True),
    ("My mum wants the bathroom adapted.", True),
    ("The tenant next door wants to build a fence across my garden.", False),
    ("Mr Jones next door wants me to move my car.", False),
    ("Their son wants to play football against my wall.", False),
    ("Keep getting letters about arrears I do not owe.", False),
    ("Love how nobody ever answers the phone.", False),
])
def test_who_asks_and_what_is_an_order(text: str, asks: bool) -> None:
    assert any(p.request for p in _points(text)) is asks


def test_an_addressee_or_title_line_naming_the_problem_is_kept() -> None:
    assert _points("To the point: the boiler is broken and nobody came")
    assert _points("Stage 2 complaint: the stage 1 reply came six weeks late")
    assert _points("What went wrong: the boiler is broken and nobody came")


def test_list_items_are_points_and_quoted_replies_are_dropped() -> None:
    text = ("Three things:\n\n- The toilet cistern keeps running and\n  my water bill has gone up.\n"
            "- Nobody has answered my calls about the fence.\n\nAlan\n\n"
            "> On 1 March, Repairs wrote:\n> Your appointment for the boiler is confirmed.")
    cleaned = clean(text)
    assert "appointment" not in cleaned
    assert "The toilet cistern keeps running and my water bill has gone up." in cleaned
    points = _points(text)
    assert any("cistern" in p.text for p in points) and any("fence" in p.text for p in points)
    assert not any("boiler" in p.text for p in points)


def test_a_from_line_heading_the_complaint_keeps_it_but_a_quoted_header_ends_it() -> None:
    headed = "Complaint about my bathroom\nFrom: Jo Reid, 4 Mill Lane\n\nThe extractor fan has not worked since May."
    assert "extractor fan" in clean(headed)
    quoted = ("The extractor fan has not worked since May.\n\nFrom: Repairs Team\nSent: 2 May 2026 09:14\n"
              "To: Jo Reid\nSubject: Your repair\n\nWe will send an electrician next week.")
    cleaned = clean(quoted)
    assert "extractor fan" in cleaned and "electrician" not in cleaned
    # a memo header under a date line heads the complaint: it quotes nothing
    memo = "3 March 2026\nFrom: Jo Reid\nTo: Repairs Team\n\nDear Repairs Team,\n\nThe extractor fan has not worked since May."
    assert "extractor fan" in clean(memo)


@pytest.mark.parametrize("marker", [
    "---------- Forwarded message ---------\nFrom: Jo Reid <jo@example.org>\nDate: Mon, 2 Mar 2026 at 09:14\n"
    "Subject: Bathroom\nTo: <cllr@example.gov.uk>",
    "Begin forwarded message:\n\nFrom: Jo Reid <jo@example.org>\nSubject: Bathroom\nDate: 2 March 2026",
    "From: Jo Reid\nSent: 02 March 2026 09:14\nTo: Cllr Amir Khan\nSubject: FW: Bathroom",
])
def test_a_forwarded_complaint_is_read_but_a_quoted_reply_is_not(marker: str) -> None:
    """An advocate passing on the resident's e-mail: the resident's words below the forward are the complaint."""
    text = (f"Please deal with my constituent's complaint below.\n\n{marker}\n\n"
            "The extractor fan has not worked since May.\n\nFrom: Repairs Team\nSent: 2 May 2026 09:14\n"
            "To: Jo Reid\nSubject: Your repair\n\nWe will send an electrician next week.")
    cleaned = clean(text)
    assert "extractor fan has not worked since May." in cleaned
    assert "Forwarded" not in cleaned and "Subject" not in cleaned and "electrician" not in cleaned


def test_signature_and_phone_footer_are_not_points() -> None:
    text = "The lift has been broken for a month.\n\nThanks\nDev\n--\nDev Patel | Flat 3\nMobile 07700 900123"
    assert [p.text for p in _points(text)] == ["The lift has been broken for a month"]


def test_who_the_resident_is_is_background_not_a_point() -> None:
    points = _points("I am 79 and I have spent the winter in one room because the heating is broken.")
    assert [p.text for p in points] == ["I have spent the winter in one room because the heating is broken"]


def test_asking_to_complain_is_not_an_outcome() -> None:
    points = _points("I want to complain about the damp in my flat.")
    assert points and not any(p.request for p in points)


def test_a_new_paragraph_starts_a_new_point_even_when_it_opens_with_a_pronoun() -> None:
    points = [p.text for p in _points("The plumber cut through a pipe under the sink and soaked the carpet.\n\n"
                                      "He then walked out without telling anyone and I had to find the stopcock myself.")]
    assert not any("\n" in p for p in points)
    assert points[-1] == "He then walked out without telling anyone and I had to find the stopcock myself"


def test_two_things_asked_for_stay_two_when_the_parser_gives_one_verb_both_subjects() -> None:
    points = _points("I want the rest of the removal costs paid and the carpet sorted.")
    assert [p.text for p in points] == ["the rest of the removal costs paid", "the carpet sorted"]
    assert all(p.request for p in points)


def test_what_a_fault_makes_possible_is_part_of_that_point_but_a_cannot_is_a_point() -> None:
    risk = _points("The fence panel has blown down and the dog can run out into the lane.")
    assert [p.text for p in risk] == ["The fence panel has blown down and the dog can run out into the lane"]
    harm = _points("The fence panel has blown down and I cannot let the dog into the garden.")
    assert len(harm) == 2


def test_what_the_complaint_is_about_is_not_a_point_but_what_is_wrong_is() -> None:
    points = [p.text for p in _points("I am writing to complain about the drains at Mill Lane. The gully outside "
                                      "my door floods every time it rains. I also want to complain that the "
                                      "gutter was never cleared.")]
    assert points == ["The gully outside my door floods every time it rains",
                      "I also want to complain that the gutter was never cleared"]
    # said alone, it is the only point there is
    assert [p.text for p in _points("I want to complain about the damp in my flat.")] == [
        "I want to complain about the damp in my flat"]


def test_a_shouted_sentence_is_read_in_sentence_case() -> None:
    """In capitals the tagger reads every word as a name; in sentence case 'rats' is a pest again."""
    assert clean("RATS IN THE LOFT AGAIN. The NHS says I am at risk.") == \
        "Rats in the loft again. The NHS says I am at risk."
    (point,) = _points("RATS IN THE LOFT AGAIN!")
    assert any("c:pests" in f.keys for f in point.facets)


def test_the_residents_circumstances_are_background_but_what_they_were_made_to_do_is_a_point() -> None:
    points = _points("My husband passed away last spring and I now live alone with my cats.\n\n"
                     "The boiler has been broken since May. I have had to boil kettles to wash.")
    assert [p.text for p in points] == ["The boiler has been broken since May", "I have had to boil kettles to wash"]
    # told within a point's paragraph, it stays in that point's words but adds nothing to answer
    (point,) = _points("The boiler has been broken since May and my grandson stays with me on Sundays.")
    assert point.text.endswith("Sundays") and not any("grandson" in k for f in point.facets for k in f.keys)


def test_a_room_of_the_home_is_not_the_household() -> None:
    """'My kitchen' is about the home, not about who the resident is: a point, not background."""
    assert [p.text for p in _points("My kitchen is falling apart.")] == ["My kitchen is falling apart"]
    assert _points("My husband passed away last spring.") == []


def test_a_request_the_parser_hung_below_another_clause_is_a_point_of_its_own() -> None:
    points = _points("I want the wall cleaned today, CCTV put up, and I want the officer's comment looked into.")
    assert [p.text for p in points] == ["I want the wall cleaned today", "CCTV put up",
                                        "I want the officer's comment looked into"]
    assert all(p.request for p in points)
    points = _points("I would like the cost of the valuation covered, the admin fee explained, and a date for completion.")
    assert [p.text for p in points][1] == "the admin fee explained" and points[1].request
    points = _points("I want the fence mended, the gate painted, and I want the bins moved.")
    assert [p.text for p in points][0] == "I want the fence mended" and points[0].request


def test_a_topic_statement_the_next_clause_goes_on_about_is_where_that_point_starts() -> None:
    points = _points("I am writing to complain about the black mould in my son's bedroom. It has come back three "
                     "times and the wall is always wet.\n\nThe extractor fan in the bathroom does not work.")
    assert points[0].text.startswith("I am writing to complain about the black mould")
    assert "It has come back" in points[0].text and points[-1].text.startswith("The extractor fan")
    # with no pronoun going on about it, the statement only names the subject and is dropped
    points = _points("I am writing to complain about the repairs service. The extractor fan in the bathroom does "
                     "not work. The gutter is broken.")
    assert not any("writing" in p.text for p in points)


def test_clauses_spliced_by_a_comma_are_points_of_their_own() -> None:
    points = _points("The flat was filthy, there was no working smoke alarm.\n\nI want a deep clean.")
    assert [p.text for p in points][:2] == ["The flat was filthy", "there was no working smoke alarm"]
    # a clause that only reports the one before is no point of its own
    points = _points("The boiler is broken again, the engineer said.")
    assert len(points) == 1


def test_the_other_moods_of_asking_are_requests() -> None:
    for text in ("What I want is for you to replace the fence.", "All I want is a date for the new boiler.",
                 "Could the stairwell please be cleaned every week?", "I think the fence should be replaced.",
                 "I would be grateful if you could tell me when the roof will be fixed."):
        points = _points(text)
        assert points and all(p.request for p in points), text


def test_judging_the_past_or_reporting_asking_again_and_again_is_no_request() -> None:
    for text in ("I think the engineer should have called me first.", "Many times I ask on the phone for a translator.",
                 "Could this be why the damp came back?", "The gutter should be cleared every year."):
        points = _points(text)
        assert not any(p.request for p in points), text


def test_excusing_the_letter_is_no_request_and_a_reason_for_a_request_is_part_of_it() -> None:
    assert not any(p.request for p in _points("I hope you will forgive a long letter but I find the phone difficult."))
    points = _points("Could you tell me when the roof will be fixed, as I would like it done before the winter?")
    assert len(points) == 1 and points[0].request


def test_the_same_verb_told_again_without_a_subject_is_one_point() -> None:
    assert len(_points("The plumber came once in May and never came back to finish the pipework.")) == 1
    assert len(_points("He was rude and refused to look at the leak in the bathroom.")) == 2
