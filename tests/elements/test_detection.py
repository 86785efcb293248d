"""Element detection on whole letters: stage, decision, negation, quoted apologies, requirements."""

from __future__ import annotations

from responsecheck import CheckOptions, check
from responsecheck.readers import read_text_input

COMPLETE = """Dear Mrs Khan,

Stage 1 complaint response

You told us that the leak in your bathroom ceiling had not been fixed after three visits.

I have looked at our repair records. Our records show the job was closed before the leak was fixed.

I have upheld your complaint. I am sorry that this took so long.

We will repair the ceiling by 14 March. We have reminded our repairs team to check that leaks are fixed before a job is closed.

If you are unhappy with this response, you can ask for a stage 2 review within 20 working days by replying to this letter.

Yours sincerely,

Jo Smith"""


def _check(text: str, **options) -> object:
    return check(read_text_input(text, "letter.txt"), options=CheckOptions(**options))


def test_complete_stage1_letter_has_every_required_element() -> None:
    report = _check(COMPLETE)
    assert report.stage == 1 and report.decision == "upheld"
    missing = [e.id for e in report.elements if e.required and e.status == "missing"]
    assert missing == []
    assert report.element("ombudsman").required is False


def test_negated_decision_is_not_upheld_and_apology_not_owed() -> None:
    text = COMPLETE.replace("I have upheld your complaint. I am sorry that this took so long.",
                            "I have not upheld your complaint, because the leak came from the flat above.")
    report = _check(text)
    assert report.decision == "not_upheld"
    assert report.element("apology").status == "not_applicable"
    assert report.element("apology").required is False


def test_non_apology_and_quoted_apology_do_not_count() -> None:
    text = COMPLETE.replace("I am sorry that this took so long.",
                            "We regret any inconvenience this may have caused. You said the operative apologised.")
    report = _check(text)
    assert report.element("apology").status == "missing"
    assert any(f.rule == "element.apology" and f.severity == "error" for f in report.findings)


def test_not_our_final_response_is_not_a_final_label() -> None:
    text = COMPLETE.replace("Stage 1 complaint response", "This is not our final response.")
    report = _check(text)
    assert report.element("stage_label").status == "missing"
    assert report.stage == 1


def test_final_letter_needs_ombudsman_not_escalation() -> None:
    text = COMPLETE.replace("Stage 1 complaint response", "Final response to your complaint").replace(
        "If you are unhappy with this response, you can ask for a stage 2 review within 20 working days by replying to this letter.",
        "This is the end of our complaints procedure.")
    report = _check(text)
    assert report.stage == 2
    assert report.element("escalation").status == "not_applicable"
    ombudsman = report.element("ombudsman")
    assert ombudsman.required and ombudsman.status == "missing"


def test_wrong_ombudsman_for_the_country() -> None:
    text = COMPLETE.replace("Dear Mrs Khan,", "Cartrefi Bryn, 4 Heol Fawr, Cardiff CF10 1AA\n\nDear Mrs Khan,") + (
        "\n\nCartrefi Bryn is a registered social landlord in Wales." 
        "\n\nYou can also contact the Housing Ombudsman on 0300 111 3000.")
    report = _check(text, stage=2)
    assert report.profile == "psow"
    finding = next(f for f in report.findings if f.rule == "element.ombudsman")
    assert "Housing Ombudsman" in finding.message and "Wales" in finding.message


def test_vague_timescale_is_not_a_timescale() -> None:
    text = COMPLETE.replace("by 14 March", "as soon as possible")
    report = _check(text)
    assert report.element("remedy_timescale").status == "missing"


def test_evidence_points_back_to_the_paragraph() -> None:
    report = _check(COMPLETE)
    apology = report.element("apology").evidence[0]
    paragraphs = COMPLETE.split("\n\n")
    start, end = apology.location.start, apology.location.end
    assert paragraphs[apology.location.paragraph][start:end] == "I am sorry that this took so long."
