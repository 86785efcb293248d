"""Syllables counted as textstat counts them, and nothing fetched from the network to do it."""

from __future__ import annotations

import os
import socket
import subprocess
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


def test_every_dictionary_word_of_the_corpus_has_textstats_syllable_count() -> None:
    textstat.set_lang("en_GB")
    words = [w for w in _corpus_words() if syllables._lookup(w) is not None]
    assert len(words) > 1000
    different = {w: (syllables.count(w), textstat.syllable_count(w)) for w in words
                 if syllables.count(w) != textstat.syllable_count(w)}
    assert different == {}


@pytest.mark.parametrize(("word", "expected"), [("caerphilly", 3), ("abena", 3), ("okonkwo", 3), ("gwynedd", 2),
                                                ("llanelli", 3), ("penrhyndeudraeth", 4)])
def test_words_outside_the_dictionary_are_estimated_from_vowel_groups(word: str, expected: int) -> None:
    assert syllables._lookup(word) is None
    assert syllables.estimate(word) == expected


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
    assert textstat.flesch_reading_ease("We are sorry the repair was late.") > 0


def test_a_check_loads_neither_nltk_nor_pyphen() -> None:
    script = ("import sys; from responsecheck import check; from responsecheck.readers import read_text_input; "
              "check(read_text_input('Dear Ms Lee,\\n\\nWe are sorry Mr Okonkwo was late.', 'x.txt')); "
              "print(sorted(m for m in ('nltk', 'pyphen', 'textstat') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                            env={k: v for k, v in os.environ.items() if k != "RESPONSECHECK_LANGUAGETOOL_URL"})
    assert result.stdout.strip() == "[]"
