"""Element detection on phrasings written for this test, not taken from the corpus.

Each element is probed with ways real letters say it (and ways they only seem to), so that a
pattern tuned to the corpus and nothing else fails here.
"""

from __future__ import annotations

import pytest

from responsecheck import CheckOptions, check
from responsecheck.readers import read_text_input

PRESENT = {
    "apology": ["I apologise unreservedly for the delay.", "Please accept my sincere apologies for the missed visits.",
                "We owe you an apology for how long this took.", "I would like to apologise for the way you were spoken to.",
                "My apologies that nobody called you back.", "We're sorry we did not keep you updated.",
                "I'm sorry this happened.", "Sorry for the trouble this has caused you.",
                "I want to say sorry for the distress caused.", "On behalf of the council, I apologise for our failings.",
                "I can only apologise for the poor service you received.", "I am genuinely sorry for the stress this caused."],
    "learning": ["As a result of your complaint, we now text residents the day before an appointment.",
                 "We have introduced a new check so that jobs cannot be closed until the resident confirms the work is done.",
                 "This has been shared with the team as a learning point.",
                 "Your complaint has helped us improve how we handle damp reports.",
                 "We will use your feedback in our staff training next month.",
                 "Going forward, all leak reports will be inspected within 24 hours.",
                 "We have updated our guidance for call handlers.",
                 "In future, a manager will check every case before it is closed.",
                 "We have learnt that our appointment system did not flag missed visits."],
    "findings": ["Having reviewed your file, it is clear that the job was cancelled in error.",
                 "The inspection on 3 May confirmed that the gutter was blocked.",
                 "According to our records, the repair was raised on 2 June.",
                 "There is no record of your call on 4 June.", "I listened to the call recordings from 3 and 5 March.",
                 "The evidence shows that the officer followed the correct procedure."],
    "complaint_summary": ["Your complaint was about the time it took to repair your roof.",
                          "You were unhappy that the repair took six weeks.",
                          "You have complained about the condition of the communal stairs.",
                          "You contacted us because the heating had failed twice.",
                          "The complaint concerns the way your rent account was handled.",
                          "You feel we did not take your reports of noise seriously."],
    "remedy": ["We will arrange for a surveyor to visit.", "We have credited £100 to your rent account.",
               "I have asked the repairs team to book the work for next week.", "A payment of £50 will be made to you.",
               "The fence will be replaced by our contractor.", "We are offering you £200 compensation.",
               "An engineer is booked to fit the new boiler."],
    "escalation": ["If you remain unhappy, please tell us within a month and we will review your complaint at stage 2.",
                   "You can ask for a review of this decision within 20 working days.",
                   "To take your complaint to the next stage, call us on 0113 496 0000 within two months of this letter.",
                   "If you want us to look at this again, let us know by 30 June."],
}
ABSENT = {
    "apology": ["You asked for an apology from the contractor.", "The operative said sorry for being late.",
                "We are sorry to hear that you have been unwell.", "We apologise if you feel we were slow.",
                "Apologies for any inconvenience caused.", "I am sorry if this has caused you any upset.",
                "He apologised to you on the day."],
    "learning": ["We will repair your window on Friday.", "In future, please call us first.",
                 "You asked us to change the policy.", "We have not changed our process.", "Your account is now in credit."],
    "findings": ["Thank you for your email.", "Please find enclosed a copy of our policy."],
    "complaint_summary": ["If you feel we have not dealt with this properly, please tell us.", "Thank you for your complaint."],
    "remedy": ["We will look into this.", "You will need to clear the loft before we visit.",
               "You were told the engineer would come on Monday.", "You asked us to replace the fence."],
    "escalation": ["We reviewed the repair last week.", "You can contact the Housing Ombudsman at any time.",
                   "If you are unhappy with this response, just let us know and we will escalate it."],
    "decision": ["You asked us to uphold your complaint.", "The Ombudsman may uphold a complaint if it finds fault.",
                 "If we uphold your complaint, we will pay you."],
}
OPTIONS = CheckOptions(profile="hos", stage=1)


@pytest.mark.parametrize(("element_id", "sentence"), [(e, s) for e, items in PRESENT.items() for s in items])
def test_found(element_id: str, sentence: str) -> None:
    assert check(read_text_input(sentence, "p.txt"), options=OPTIONS).element(element_id).status == "present"


@pytest.mark.parametrize(("element_id", "sentence"), [(e, s) for e, items in ABSENT.items() for s in items])
def test_not_found(element_id: str, sentence: str) -> None:
    assert check(read_text_input(sentence, "p.txt"), options=OPTIONS).element(element_id).status != "present"
