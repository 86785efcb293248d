"""Profiles: what a letter owes the resident under each ombudsman's scheme, as data.

A profile (rules/profiles/<id>.yaml) names its Ombudsman and current contact details, the
timescales, and for each stage which elements are required, how much a missing one weighs, and
when the requirement applies (an apology is owed only when something went wrong).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, field_validator

from .errors import RulesError
from .report import Severity
from .rulebook import load_model, rules_dir

ELEMENT_IDS = ("stage_label", "complaint_summary", "findings", "decision", "apology", "remedy",
               "remedy_timescale", "learning", "escalation", "ombudsman")


class Contacts(BaseModel):
    model_config = ConfigDict(extra="forbid")
    phone: list[str]
    email: list[str]
    web: list[str]
    post: list[str]
    postcode: list[str]


class Ombudsman(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str
    names: list[str]
    contacts: Contacts
    source: str


class Requirement(BaseModel):
    model_config = ConfigDict(extra="forbid")
    severity: Severity
    when: Literal["always", "upheld_or_partly", "remedy_present"] = "always"


class Timescales(BaseModel):
    model_config = ConfigDict(extra="forbid")
    acknowledge_working_days: int
    stage1_response_working_days: int
    stage2_response_working_days: int
    extension_max_working_days: int
    # Which date each stage's response clock starts from (the Code counts from
    # acknowledgement, the SPSO frontline stage from receipt).
    response_from: dict[Literal[1, 2], Literal["received", "acknowledged"]] = {1: "acknowledged", 2: "acknowledged"}
    source: str


class Window(BaseModel):
    """A time limit a letter tells the resident about, e.g. '12 months' to go to the Ombudsman."""

    model_config = ConfigDict(extra="forbid")
    accepted: list[str]
    source: str

    @field_validator("accepted")
    @classmethod
    def _periods(cls, value: list[str]) -> list[str]:
        for period in value:
            parse_period(period)
        return value


class Escalation(BaseModel):
    model_config = ConfigDict(extra="forbid")
    stage2_request: Window | None = None
    ombudsman: Window | None = None


_PERIOD = re.compile(r"^(\d+) (working days|days|weeks|months)$")


def parse_period(text: str) -> tuple[int, str]:
    """'20 working days' -> (20, 'working days'); anything else is a rules error."""
    match = _PERIOD.match(text.strip())
    if not match:
        raise ValueError(f"{text!r} is not a period such as '20 working days' or '12 months'")
    return int(match.group(1)), match.group(2)


class Holidays(BaseModel):
    country: str
    subdiv: str


class Readability(BaseModel):
    """What the letter's running prose should read like, and when to say it does not."""

    model_config = ConfigDict(extra="forbid")
    sentence_words_target: tuple[int, int] = (15, 20)
    long_sentence_words: int = 25
    flesch_reading_ease_min: float = 60.0
    flesch_kincaid_grade_max: float = 9.0
    passive_percent_max: float = 20.0
    source: str = ("Cutts, Oxford Guide to Plain English (average sentence 15-20 words); GOV.UK 'Use clear language' "
                   "(split sentences over 25 words); Plain English Campaign (80-90% active verbs); NALA Flesch bands "
                   "(60-69 standard)")


class Profile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    name: str
    country: str
    holidays: Holidays
    stage_names: dict[Literal[1, 2], str]
    ombudsman: Ombudsman
    timescales: Timescales
    escalation: Escalation = Escalation()
    readability: Readability = Readability()
    stages: dict[Literal[1, 2], dict[str, Requirement]]
    sources: list[str]

    def requirement(self, stage: int, element_id: str) -> Requirement | None:
        return self.stages[stage].get(element_id)


PROFILE_IDS = ("hos", "spso", "psow")
DEFAULT_PROFILE = "hos"


@lru_cache(maxsize=None)
def load_profile(profile_id: str) -> Profile:
    if profile_id not in PROFILE_IDS and not (rules_dir() / "profiles" / f"{profile_id}.yaml").exists():
        raise RulesError(f"There is no profile {profile_id!r}; use one of {', '.join(PROFILE_IDS)}.")
    profile = load_model(f"profiles/{profile_id}.yaml", Profile)
    unknown = {e for stage in profile.stages.values() for e in stage} - set(ELEMENT_IDS)
    if unknown:
        raise RulesError(f"Profile {profile_id} names unknown elements: {', '.join(sorted(unknown))}.")
    return profile


def all_profiles() -> list[Profile]:
    return [load_profile(p) for p in PROFILE_IDS]
