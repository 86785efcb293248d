"""Draw the sample: reproducible (the same seed and letters give the same sample) and explained.

The letters are put in order of their file names first, so the draw does not depend on the order
the folder or manifest lists them in; then `random.Random(seed)` chooses. Stratified draws split
the sample across the groups (stage, handler, team, month sent, outcome) in proportion to their
size, largest remainders first, so small groups are not left out by chance; every group gets at
least one letter when the sample is big enough for that. The Draw says all this in words for the
report, with the seed needed to draw the same sample again.
"""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Literal

from .manifest import Case

Stratum = Literal["stage", "handler", "team", "month", "outcome"]
STRATA: tuple[str, ...] = ("stage", "handler", "team", "month", "outcome")
UNKNOWN = "(not given)"


@dataclass(frozen=True)
class Draw:
    cases: list[Case]
    population: int
    seed: int
    size: int | None
    stratify_by: str | None
    strata: dict[str, tuple[int, int]] = field(default_factory=dict)
    """group -> (letters drawn, letters in the group), for stratified draws."""

    @property
    def method(self) -> str:
        """How the sample was drawn, in a sentence a manager (or auditor) can repeat."""
        if self.size is None:
            return f"Every letter was checked ({self.population})."
        if len(self.cases) == self.population:
            return (f"The sample size ({self.size}) is at least the number of letters ({self.population}), "
                    "so every letter was checked.")
        how = (f"stratified by {self.stratify_by} (each group in proportion to its size)" if self.stratify_by
               else "a simple random sample")
        return (f"{len(self.cases)} of {self.population} letters, {how}, drawn with seed {self.seed} "
                f"(Python random.Random over the letters in file-name order); the same seed and letters draw "
                f"the same sample.")


def stratum_of(case: Case, stratify_by: str) -> str:
    value = case.month if stratify_by == "month" else getattr(case, stratify_by)
    return UNKNOWN if value is None else str(value)


def draw(cases: list[Case], size: int | None, seed: int, stratify_by: str | None = None) -> Draw:
    """Choose `size` letters (None: every letter), reproducibly for a given seed."""
    ordered = sorted(cases, key=lambda c: c.file)
    if size is None or size >= len(ordered):
        return Draw(cases=ordered, population=len(ordered), seed=seed, size=size, stratify_by=None)
    rng = random.Random(seed)
    if stratify_by is None:
        chosen = rng.sample(ordered, size)
        return Draw(cases=sorted(chosen, key=lambda c: c.file), population=len(ordered), seed=seed, size=size,
                    stratify_by=None)
    groups: dict[str, list[Case]] = defaultdict(list)
    for case in ordered:
        groups[stratum_of(case, stratify_by)].append(case)
    quotas = _allocate({name: len(members) for name, members in sorted(groups.items())}, size)
    chosen = []
    strata = {}
    for name in sorted(groups):
        picked = rng.sample(groups[name], quotas[name])
        chosen.extend(picked)
        strata[name] = (len(picked), len(groups[name]))
    return Draw(cases=sorted(chosen, key=lambda c: c.file), population=len(ordered), seed=seed, size=size,
                stratify_by=stratify_by, strata=strata)


def _allocate(sizes: dict[str, int], total: int) -> dict[str, int]:
    """Proportional quotas summing to `total` (largest remainders), then one for any empty group, when there is room."""
    population = sum(sizes.values())
    shares = {name: total * n / population for name, n in sizes.items()}
    quotas = {name: int(share) for name, share in shares.items()}
    by_remainder = sorted(sizes, key=lambda name: (-(shares[name] - quotas[name]), name))
    for name in by_remainder[:total - sum(quotas.values())]:
        quotas[name] += 1
    if total >= len(sizes):
        for name in sorted(sizes):
            if quotas[name] == 0:
                donor = max(sorted(quotas), key=lambda other: quotas[other])
                quotas[donor] -= 1
                quotas[name] += 1
    return quotas
