"""Syllables counted as textstat counts them, and nothing fetched from the network to do it."""

from __future__ import annotations

import socket
import sys
from pathlib import Path
from importlib.metadata import version

import pytest
import textstat

from responsecheck import CheckOptions, check, syllables
from responsecheck.readers import read_text_input

ROOT = Path(__file__).resolve().parents[1]


def _corpus_words() -> set[str]:
    text = " ".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpora" / "dev" / "src").glob("*.md")))
    return set(syllables.words(text))


def test_every_corpus_word_has_textstats_syllable_count() -> None:
    textstat.set_lang("en_GB")
    different = {w: (syllables.count(w), textstat.syllable_count(w)) for w in _corpus_words()
                 if syllables.count(w) != textstat.syllable_count(w)}
    assert different == {}


def test_words_are_split_as_textstat_splits_them() -> None:
    text = "We'll fix the 'broken' door-frame (today), won't we? £150 – paid."
    assert len(syllables.words(text)) == textstat.lexicon_count(text)


def test_textstat_is_a_version_that_never_downloads() -> None:
    # 0.7.9 and later fetch cmudict through nltk at run time and fail offline.
    assert tuple(int(p) for p in version("textstat").split(".")[:3]) <= (0, 7, 8)


@pytest.fixture()
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("something tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def test_checking_a_letter_needs_no_network_and_no_nltk(no_network, monkeypatch) -> None:
    monkeypatch.delenv("RESPONSECHECK_LANGUAGETOOL_URL", raising=False)
    report = check(read_text_input("Dear Ms Lee,\n\nWe are sorry the repair was late. We will fix it by 3 May.",
                                   "x.txt"), options=CheckOptions(profile="hos", stage=1))
    assert report.metrics["readability"]["syllables"] > 0
    assert "nltk" not in sys.modules
    assert textstat.flesch_reading_ease("We are sorry the repair was late.") > 0
