"""Every phone number, email, web address and postal detail given for an Ombudsman, checked.

A resident who writes to an old PO box or rings a mistyped number loses weeks, so each
contact detail the letter gives *for an Ombudsman* is compared with that Ombudsman's
current details (the profiles, plus rules/presend/ombudsmen.yaml for the LGSCO and
NIPSO). A detail belongs to an Ombudsman when the same sentence names it before the
detail with no "we/us/our" in between, when it follows in a contact block under the
name, or when its web or email domain is an Ombudsman's. The landlord's own details are
left alone. Known old addresses (rules/presend/outdated_details.yaml) are flagged wherever
they appear, with a message saying they are out of date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pydantic import BaseModel, ConfigDict, Field

from ..analysis import Analysis
from ..facts import Fact, contact_details, normalise_contact
from ..profiles import Ombudsman, Profile, all_profiles
from ..report import Finding
from ..rulebook import load_model
from . import CheckContext, CheckOutput
from .patterns import load_rules, run_rules

_FIRST_PERSON = re.compile(r"\b(?:we|us|our|ours|I|me|my)\b", re.I)
# "Ombudsman" as a word of the sentence, not inside a web or email address (ombudsman.wales).
_GENERIC = re.compile(r"(?<![.@/\-])\bombudsman\b(?![.@/\-]\w)", re.I)
_BLOCK_WORDS = 12
_KIND_NAMES = {"phone": "phone number", "email": "email address", "web": "web address",
               "postcode": "postcode", "po_box": "PO box", "freepost": "Freepost address"}
_SOURCE = "Ombudsman contact details in rules/profiles/ and rules/presend/ombudsmen.yaml"


class _OtherFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    schema_version: int = Field(alias="schema")
    ombudsmen: dict[str, Ombudsman]


@dataclass(frozen=True)
class Known:
    """One Ombudsman's current details, normalised for comparison."""

    id: str
    ombudsman: Ombudsman
    values: dict[str, frozenset[str]]

    def holds(self, fact: Fact) -> bool:
        values = self.values.get(fact.kind, frozenset())
        if fact.kind == "web":
            return any(fact.value == v or fact.value.endswith("." + v) for v in values)
        if fact.kind == "email" and not values:
            # No published mailbox: an address at the Ombudsman's own domain is accepted.
            return any(fact.value.endswith("@" + v) for v in self.values.get("web", ()))
        return fact.value in values

    def current(self, kind: str) -> list[str]:
        """The current details of one kind, as published (postal kinds give the whole address)."""
        c = self.ombudsman.contacts
        return {"phone": c.phone, "email": c.email, "web": c.web, "postcode": c.post or c.postcode,
                "po_box": c.post, "freepost": c.post}.get(kind, [])

    def summary(self) -> str:
        c = self.ombudsman.contacts
        parts = [f"phone {c.phone[0]}" if c.phone else "", f"email {c.email[0]}" if c.email else "",
                 f"web {c.web[0]}" if c.web else "", f"post {c.post[0]}" if c.post else ""]
        return ", ".join(p for p in parts if p)


def _post_values(post: list[str], kind: str) -> frozenset[str]:
    found = {f.value for line in post for f in contact_details(line) if f.kind == kind}
    return frozenset(found)


def _known(key: str, ombudsman: Ombudsman) -> Known:
    c = ombudsman.contacts
    values = {
        "phone": frozenset(normalise_contact("phone", v) for v in c.phone),
        "email": frozenset(normalise_contact("email", v) for v in c.email),
        "web": frozenset(normalise_contact("web", v) for v in c.web),
        "postcode": frozenset(normalise_contact("postcode", v) for v in c.postcode),
        "po_box": _post_values(c.post, "po_box"),
        "freepost": _post_values(c.post, "freepost"),
    }
    return Known(id=key, ombudsman=ombudsman, values=values)


@lru_cache(maxsize=1)
def directory() -> tuple[Known, ...]:
    """Every Ombudsman the check knows: the profiles' own, then the others."""
    others = load_model("presend/ombudsmen.yaml", _OtherFile)
    entries = [_known(p.id, p.ombudsman) for p in all_profiles()]
    entries += [_known(key, o) for key, o in others.ombudsmen.items()]
    return tuple(entries)


@lru_cache(maxsize=1)
def _names() -> tuple[re.Pattern[str], tuple[str, ...]]:
    """One pattern for every Ombudsman's names, longest first (so "Public Services Ombudsman
    for Wales" wins over "Public Services Ombudsman"), and the Ombudsman id of each group."""
    names = sorted({(n, k.id) for k in directory() for n in k.ombudsman.names}, key=lambda x: (-len(x[0]), x))
    alternatives = "|".join(f"(?P<n{i}>\\b{re.escape(n)}\\b)" for i, (n, _) in enumerate(names))
    pattern = re.compile(f"(?<![.@/\\-])(?:{alternatives})(?![.@/\\-]\\w)", re.I)
    return pattern, tuple(owner for _, owner in names)


def _mentions(text: str, default: str) -> list[tuple[int, str]]:
    """(position, Ombudsman id) of each Ombudsman named in `text`; a bare "Ombudsman" is `default`."""
    pattern, owners = _names()
    found: list[tuple[int, str]] = []
    taken: list[tuple[int, int]] = []
    for m in pattern.finditer(text):
        found.append((m.start(), owners[int(m.lastgroup[1:])]))
        taken.append(m.span())
    for m in _GENERIC.finditer(text):
        if not any(s <= m.start() < e for s, e in taken):
            found.append((m.start(), default))
    return sorted(found)


def _owner_by_domain(fact: Fact, known: tuple[Known, ...]) -> str | None:
    if fact.kind not in ("web", "email"):
        return None
    host = fact.value.split("@")[-1]
    for k in known:
        if any(host == v or host.endswith("." + v) for v in k.values["web"]):
            return k.id
    return None


def _sentences_by_paragraph(analysis: Analysis) -> dict[int, list[tuple[int, str]]]:
    grouped: dict[int, list[tuple[int, str]]] = {}
    for sentence in analysis.sentences:
        grouped.setdefault(sentence.paragraph, []).append((sentence.span.start_char, sentence.span.text))
    return grouped


def attributed_details(analysis: Analysis, profile: Profile) -> list[tuple[Fact, str]]:
    """Contact details given for an Ombudsman: (fact with spans in the joined text, Ombudsman id)."""
    known = directory()
    by_paragraph = _sentences_by_paragraph(analysis)
    out: list[tuple[Fact, str]] = []
    block_owner: str | None = None
    block_part: str | None = None
    for index, paragraph in enumerate(analysis.letter.paragraphs):
        part = paragraph.origin.part
        short = len(paragraph.text.split()) <= _BLOCK_WORDS
        if block_owner and (not short or part != block_part or _FIRST_PERSON.search(paragraph.text)):
            block_owner = None
        carry = block_owner
        last_owner: str | None = None
        for offset, text in by_paragraph.get(index, []):
            mentions = _mentions(text, profile.id)
            for fact in contact_details(text):
                owner = _owner_for(fact, text, mentions, carry)
                owner = owner or _owner_by_domain(fact, known)
                if owner is None and "ombudsman" in fact.value:
                    owner = profile.id
                if owner:
                    shifted = Fact(fact.kind, fact.text, fact.value, offset + fact.start, offset + fact.end)
                    out.append((shifted, owner))
            if mentions:
                last_owner = mentions[-1][1]
                carry = None if _FIRST_PERSON.search(text[mentions[-1][0]:]) else last_owner
            elif _FIRST_PERSON.search(text):
                carry = None
        if last_owner and (short or paragraph.text.rstrip().endswith(":")):
            block_owner, block_part = last_owner, part
    return out


def _owner_for(fact: Fact, text: str, mentions: list[tuple[int, str]], carry: str | None) -> str | None:
    """The Ombudsman a detail in this sentence belongs to, if any."""
    before = [m for m in mentions if m[0] < fact.start]
    if before:
        position, owner = before[-1]
        between = text[position:fact.start]
        return None if _FIRST_PERSON.search(between) else owner
    if mentions:
        return None if _FIRST_PERSON.search(text[:fact.start]) else mentions[0][1]
    if carry and not _FIRST_PERSON.search(text[:fact.start]):
        return carry
    return None


def run(context: CheckContext) -> CheckOutput:
    analysis = context.analysis
    outdated = run_rules(analysis, load_rules("outdated_details"))
    taken = [(f.location.paragraph, f.location.start, f.location.end) for f in outdated]
    known = {k.id: k for k in directory()}
    findings = list(outdated)
    for fact, owner_id in attributed_details(analysis, context.detected.profile):
        owner = known[owner_id]
        if owner.holds(fact):
            continue
        location = analysis.location(fact.start, fact.end)
        if any(p == location.paragraph and s is not None and s < location.end and location.start < e
               for p, s, e in taken):
            continue
        other = next((k for k in known.values() if k.id != owner_id and k.holds(fact)), None)
        kind = _KIND_NAMES[fact.kind]
        if other is not None:
            message = (f"This is the {other.ombudsman.name}'s {kind}, "
                       f"but the letter gives it for the {owner.ombudsman.name}.")
        else:
            message = f"This is not the {owner.ombudsman.name}'s current {kind}."
        findings.append(Finding(
            rule=f"ombudsman_details.wrong_{fact.kind}", category="ombudsman_details", severity="error",
            message=message, text=fact.text, location=location,
            suggestion=(f"Use {' or '.join(owner.current(fact.kind))}." if owner.current(fact.kind)
                        else f"The profile lists no {kind} for the {owner.ombudsman.name}; give {owner.summary()}."),
            source=owner.ombudsman.source or _SOURCE))
    return CheckOutput(findings=findings)
