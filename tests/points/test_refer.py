"""A pronoun in a point stands for the thing an earlier clause or sentence is most about."""

from __future__ import annotations

from responsecheck import CheckOptions, check
from responsecheck.nlp import load
from responsecheck.points import complaint_points
from responsecheck.readers import read_text_input


def _antecedents(text: str = "", given: tuple[str, ...] = ()) -> dict[str, set[str]]:
    options = CheckOptions(complaint_points=given) if given else CheckOptions(complaint_text=text)
    return {p.text: {f.text for f in p.antecedent} for p in complaint_points(options, load())}


def test_a_pronoun_takes_the_thing_of_an_earlier_clause_or_sentence_of_its_number() -> None:
    found = _antecedents("Please fix the roof and tell me who is dealing with it.")
    assert found["tell me who is dealing with it"] == {"roof"}
    # "they" is plural: the rats, not the poison the man put down
    found = _antecedents(given=("There are rats in the loft.", "Your pest man puts poison down.",
                                "Nobody looks at how they get in."))
    assert found["Nobody looks at how they get in."] == {"rats"}


def test_people_are_never_the_thing_and_a_point_naming_its_own_thing_needs_none() -> None:
    found = _antecedents(given=("The engineer was rude.", "Sort it out."))
    assert found["Sort it out."] == set()
    found = _antecedents(given=("The boiler is broken.", "It has also damaged my carpet."))
    assert found["It has also damaged my carpet."] == set()


def test_a_sentence_that_goes_on_about_it_passes_the_thing_on() -> None:
    """'I reported it to your line': the thing is still the graffiti, not the line."""
    found = _antecedents("Someone sprayed graffiti on my door.\n\nI reported it the same morning to your out of hours "
                         "line.\n\nIt was eleven days before anybody came to clean it off.")
    assert found["It was eleven days before anybody came to clean it off"] == {"graffiti"}


def test_a_request_for_all_of_it_is_answered_when_every_other_point_is() -> None:
    complaint = ("My kitchen tap has been dripping since August.\n\nThe gate is broken.\n\n"
                 "I would like all of this sorted before Christmas.")
    both = "Dear Ms Reid\n\nOur plumber replaced the tap on 3 May. The gate was repaired on 4 May.\n\nYours sincerely\n\nA Officer\n"
    one = "Dear Ms Reid\n\nOur plumber replaced the tap on 3 May.\n\nYours sincerely\n\nA Officer\n"
    for letter, expected in ((both, "addressed"), (one, "not_addressed")):
        report = check(read_text_input(letter, "letter.txt"), options=CheckOptions(complaint_text=complaint))
        status = {p.text: p.status for p in report.complaint_points}
        assert status["I would like all of this sorted before Christmas"] == expected


def test_a_pronoun_standing_for_the_points_own_subject_takes_nothing_from_further_back() -> None:
    found = _antecedents(given=("The portal says my repair is completed.",
                                "The letter you sent me had someone else's name on it."))
    assert found["The letter you sent me had someone else's name on it."] == set()
    found = _antecedents(given=("The portal says my repair is completed.", "Nobody has looked at it."))
    assert found["Nobody has looked at it."] != set()
