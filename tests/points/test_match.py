"""Matching a point to its answer: the complaint's topic alone does not anchor an answer. These are the
matcher's own rules, so they run without the embeddings extra (with it, the matcher's coverage is one of
the scorer's figures: tests/points/test_score.py)."""

from __future__ import annotations

import pytest

from responsecheck import CheckOptions, check
from responsecheck.points.facets import Facet
from responsecheck.points.match import topic_keys
from responsecheck.readers import read_text_input

LETTER = """Dear Mr Hughes

Stage 1 complaint response

Our caretaker found that the bin store at Alder House had been blocked by parked cars. The council emptied all of the bins on 9 May and the bays beside the store are now marked as no parking.

I partly uphold your complaint.

Yours sincerely

J Officer
"""
COMPLAINT = ("The bins at Alder House have not been emptied for a month.\n\n"
             "The recycling bins were removed in April and never returned.\n\n"
             "Please get the bins emptied and return the recycling bins.")


pytestmark = pytest.mark.usefixtures("matcher_only")


def _facet(*keys: str) -> Facet:
    return Facet(frozenset(keys), 1.0, keys[0])


def test_topic_is_a_word_most_points_share() -> None:
    points = [[_facet("l:skip"), _facet("l:lid")], [_facet("l:skip"), _facet("l:empty")],
              [_facet("l:skip"), _facet("l:lid")], [_facet("l:rent")]]
    assert topic_keys(points) == frozenset({"l:skip"})
    # two points sharing a word is not yet a topic, and a shared concept never is (concepts are broad)
    assert topic_keys([[_facet("l:skip")], [_facet("l:skip")], [_facet("l:rent")]]) == frozenset()
    assert topic_keys([[_facet("c:waste")], [_facet("c:waste")], [_facet("c:waste")]]) == frozenset()
    # a house number most points name is the household the whole complaint is about
    assert topic_keys([[_facet("n:22"), _facet("l:music")], [_facet("n:22"), _facet("l:dog")],
                       [_facet("n:22"), _facet("l:car")]]) == frozenset({"n:22"})


def test_a_sentence_naming_only_the_topic_does_not_answer_a_point_about_something_else() -> None:
    report = check(read_text_input(LETTER, "letter.txt"), options=CheckOptions(complaint_text=COMPLAINT))
    status = {p.text: p.status for p in report.complaint_points}
    assert status["The bins at Alder House have not been emptied for a month"] == "addressed"
    recycling = [s for t, s in status.items() if "recycling" in t]
    assert recycling and set(recycling) == {"not_addressed"}


def test_a_staff_member_named_by_a_compound_role_word_does_not_anchor_an_answer() -> None:
    letter = ("Dear Ms Reid\n\nStage 1 complaint response\n\nYour application has been passed to a different "
              "caseworker, who will contact you by 12 March.\n\nYours sincerely\n\nA Officer\n")
    point = "The caseworker who visited was on her phone the whole time and did not listen to us"
    report = check(read_text_input(letter, "letter.txt"), options=CheckOptions(complaint_points=(point,)))
    assert report.complaint_points[0].status == "not_addressed"


def test_a_thing_named_only_to_describe_another_does_not_answer_a_point_about_it() -> None:
    letter = ("Dear Mr Ward\n\nStage 1 complaint response\n\nBand B applicants are usually offered a ground floor "
              "or lift-served home within 12 months.\n\nYours sincerely\n\nA Officer\n")
    points = ("The lift in my block breaks down every few weeks",)
    report = check(read_text_input(letter, "letter.txt"), options=CheckOptions(complaint_points=points))
    assert report.complaint_points[0].status == "not_addressed"
    answered = letter.replace("Band B applicants", "The lift in your block has broken down four times this year "
                              "and a new motor will be fitted in May. Band B applicants")
    report = check(read_text_input(answered, "letter.txt"), options=CheckOptions(complaint_points=points))
    assert report.complaint_points[0].status == "addressed"


def _status(body: str, point: str) -> str:
    letter = f"Dear Mr Okafor\n\nStage 1 complaint response\n\n{body}\n\nYours sincerely\n\nA Officer\n"
    report = check(read_text_input(letter, "letter.txt"), options=CheckOptions(complaint_points=(point,)))
    return report.complaint_points[0].status


def test_a_point_asking_for_a_date_is_answered_by_a_date_for_its_thing() -> None:
    point = "I would like a date for the door to be replaced"
    assert _status("A new composite door has been ordered and our joiner will fit it on 26 June.", point) == "addressed"
    assert _status("A new composite door has been ordered and our joiner will fit it soon.", point) == "not_addressed"
    # a date said in a subordinate clause, or the date of something else, is not the date asked for
    point = "a date for completion"
    assert _status("Our solicitor will work towards completion before your mortgage offer expires on 30 June.",
                   point) == "not_addressed"
    assert _status("The new valuation is booked for 20 May.", point) == "not_addressed"


# (what the case shows, the point, a sentence that answers it, one that does not)
ANSWER_PAIRS = [
    ("a different one is answered by naming the new one", "I want a different housing officer",
     "From today your housing officer will be Daniel Achebe.", "Our surveyor will inspect the roof on 3 May."),
    ("asking when is asking for a date", "We want to know exactly when we can go home.",
     "The works will be finished and you can move back on 14 March.",
     "The works will be finished and you can move back soon."),
    ("a house number names the household a point is about",
     "I want you to take action against the tenants at number 22",
     "Our officers will visit the household at number 22 by 21 March.",
     "Our officers will visit the household at number 24 by 21 March."),
    ("a point naming only who is anchored by who", "tell me what you are going to do about the contractor",
     "The contractor has been issued with a formal default notice.", "Our gardener has cut the hedge."),
]


@pytest.mark.parametrize(("point", "answer", "other"), [case[1:] for case in ANSWER_PAIRS],
                         ids=[case[0] for case in ANSWER_PAIRS])
def test_answered_by_one_sentence_and_not_by_the_other(point: str, answer: str, other: str) -> None:
    assert _status(answer, point) == "addressed"
    assert _status(other, point) == "not_addressed"


def test_a_room_is_where_not_what_so_naming_the_kitchen_does_not_answer_its_cupboards() -> None:
    point = "My kitchen cupboards are now swollen"
    assert _status("I am sorry that you have had water coming into your kitchen for so long.", point) == "not_addressed"
    assert _status("Your kitchen units will be replaced in May.", point) == "addressed"


def test_the_heading_over_a_sentence_anchors_it_as_an_answer() -> None:
    point = "nobody has told me where I am on the waiting list"
    answer = "There are 11 approved adaptations on our register. Yours is the third."
    assert _status(f"Your place on the waiting list\n{answer}", point) == "addressed"
    assert _status(f"The adaptation\n{answer}", point) == "not_addressed"
