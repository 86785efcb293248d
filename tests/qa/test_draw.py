"""The draw: the same seed draws the same letters, whatever order they were listed in."""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

from responsecheck.qa.draw import _allocate, draw, stratum_of
from responsecheck.qa.manifest import Case, from_folder

ROOT = Path(__file__).resolve().parents[2]


def test_the_same_seed_draws_the_same_corpus_letters_twice() -> None:
    cases = from_folder(ROOT / "corpora").cases
    first = draw(cases, 15, seed=2026)
    shuffled = list(cases)
    random.Random(1).shuffle(shuffled)
    second = draw(shuffled, 15, seed=2026)
    assert [c.file for c in first.cases] == [c.file for c in second.cases]
    assert len(first.cases) == 15 and len({c.file for c in first.cases}) == 15
    assert [c.file for c in draw(cases, 15, seed=2027).cases] != [c.file for c in first.cases]
    assert "seed 2026" in first.method and f"of {len(cases)} letters" in first.method


def test_a_stratified_draw_takes_each_group_in_proportion() -> None:
    cases = [Case(file=f"{team}-{i:02d}.docx", team=team) for team, n in (("a", 60), ("b", 30), ("c", 10))
             for i in range(n)]
    drawn = draw(cases, 20, seed=5, stratify_by="team")
    assert Counter(stratum_of(c, "team") for c in drawn.cases) == {"a": 12, "b": 6, "c": 2}
    assert drawn.strata == {"a": (12, 60), "b": (6, 30), "c": (2, 10)}
    assert "stratified by team" in drawn.method
    assert [c.file for c in draw(list(reversed(cases)), 20, seed=5, stratify_by="team").cases] == [
        c.file for c in drawn.cases]


def test_small_groups_get_a_letter_when_there_is_room() -> None:
    assert _allocate({"big": 97, "one": 1, "two": 2}, 5) == {"big": 3, "one": 1, "two": 1}
    assert sum(_allocate({"a": 3, "b": 3, "c": 3}, 2).values()) == 2


def test_all_or_a_sample_as_big_as_the_folder_checks_every_letter() -> None:
    cases = [Case(file=f"{i}.txt") for i in range(5)]
    assert len(draw(cases, None, seed=1).cases) == 5 and "Every letter" in draw(cases, None, seed=1).method
    assert len(draw(cases, 9, seed=1).cases) == 5
