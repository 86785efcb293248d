"""Readability of the running prose: the same figures textstat gives on the same sentences, with the
address, headings and sign-off left out, and thresholds from the profile."""

from __future__ import annotations

import pytest
import textstat

from responsecheck import CheckOptions, check
from responsecheck.readers import read_text_input

PROSE = ("Thank you for your letter of 3 March about the leak in your bathroom ceiling. "
         "We are sorry that it took us six weeks to fix it. "
         "Our plumber found a cracked waste pipe under the bath of the flat above yours, "
         "and he replaced it on 12 April "
         "after we had to arrange access with your neighbour, which took longer than it should have done. "
         "We will repaint your ceiling on 2 May. "
         "The damaged carpet will be replaced by our contractor.")
LETTER = ("Ms R Adeyemi\n\n14 Larch Court\n\nBristol BS5 6QT\n\nRef: CMP-2231\n\nDear Ms Adeyemi,\n\n"
          "Your complaint\n\n" + PROSE + "\n\nYours sincerely,\n\nDaniel Price\n\nComplaints Manager")


def _report(text: str = LETTER):
    return check(read_text_input(text, "letter.txt"), options=CheckOptions(profile="hos", stage=1))


def test_scores_match_textstat_on_the_prose_alone() -> None:
    metrics = _report().metrics["readability"]
    textstat.set_lang("en_GB")
    assert metrics["sentences"] == 5
    assert metrics["words"] == textstat.lexicon_count(PROSE)
    assert metrics["syllables"] == textstat.syllable_count(PROSE)
    assert metrics["flesch_reading_ease"] == pytest.approx(textstat.flesch_reading_ease(PROSE), abs=0.06)
    assert metrics["flesch_kincaid_grade"] == pytest.approx(textstat.flesch_kincaid_grade(PROSE), abs=0.06)
    assert metrics["average_sentence_words"] == round(metrics["words"] / 5, 1)


def test_address_heading_and_signoff_do_not_count_as_sentences() -> None:
    whole = _report().metrics["readability"]
    prose_only = _report(PROSE).metrics["readability"]
    assert whole["words"] == prose_only["words"] and whole["sentences"] == prose_only["sentences"]


def test_long_sentences_are_warnings_at_the_sentence() -> None:
    report = _report()
    long = [f for f in report.findings if f.rule == "readability.long_sentence"]
    assert len(long) == 1 and long[0].severity == "warning"
    assert long[0].text.startswith("Our plumber found") and "words" in long[0].message
    assert report.metrics["readability"]["long_sentences"] == 1


def test_passive_share_counts_sentences_with_a_passive_clause() -> None:
    metrics = _report().metrics["readability"]
    assert metrics["passive_sentences"] == 1
    assert metrics["passive_sentences_percent"] == 20.0


def test_thresholds_come_from_the_profile() -> None:
    metrics = _report().metrics["readability"]
    assert metrics["targets"]["long_sentence_words"] == 25
    assert metrics["targets"]["sentence_words_target"] == (15, 20)


def test_a_letter_with_no_prose_reports_no_scores() -> None:
    report = _report("Ms R Adeyemi\n\n14 Larch Court\n\nBristol BS5 6QT")
    assert report.metrics["readability"]["sentences"] == 0
    assert not [f for f in report.findings if f.category == "readability"]


def test_hard_prose_gets_letter_level_suggestions() -> None:
    dense = ("Notwithstanding the aforementioned considerations, the organisation's determination regarding "
             "responsibility for remediation necessitated comprehensive investigation of multifactorial "
             "environmental circumstances contributing to deterioration. ") * 3
    rules = {f.rule for f in _report(dense).findings if f.category == "readability"}
    assert {"readability.reading_ease", "readability.grade", "readability.average_sentence"} <= rules
