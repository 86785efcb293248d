"""Which Ombudsman the letter names, whether it is the right one, and how to contact them.

The profile is also detected here when the user does not give one: the Ombudsman the letter names
and where the landlord is (postcodes, Welsh or Scottish wording) decide it. An address cue outranks
a named Ombudsman, so a Welsh letter that wrongly sends residents to the Housing Ombudsman is still
checked as Welsh, and the wrong Ombudsman is caught.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Span

from ..analysis import Analysis
from ..profiles import Profile, all_profiles

PHONE = re.compile(r"(?<!\d)(?:\+44\s?|0)\d(?:[\s-]?\d){8,9}(?!\d)")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
WEB = re.compile(r"(?:https?://|www\.)[^\s,;)]+|\b[\w-]+(?:\.[\w-]+)*\.(?:org\.uk|gov\.uk|co\.uk|wales|scot|uk|org)\b(?:/[^\s,;)]*)?", re.I)
POSTCODE = re.compile(r"\b([A-Z]{1,2})\d[A-Z\d]?\s*\d[A-Z]{2}\b")
POST_WORDS = re.compile(r"\b(PO Box \d+|Freepost)\b", re.I)

_SCOTTISH_AREAS = {"AB", "DD", "DG", "EH", "FK", "G", "HS", "IV", "KA", "KW", "KY", "ML", "PA", "PH", "TD", "ZE"}
_WELSH_AREAS = {"CF", "LD", "LL", "NP", "SA"}
_ENGLISH_AREAS = set("""AL B BA BB BD BH BL BN BR BS CA CB CH CM CO CR CT CV CW DA DE DH DL DN DT DY E EC EN EX GL GU HA HD
HG HP HR HU HX IG IP KT L LA LE LN LS LU M ME MK N NE NG NN NR NW OL OX PE PL PO PR RG RH RM S SE SG SK SL SM SN SO
SP SR SS ST SW SY TA TF TN TQ TR TS TW UB W WA WC WD WF WN WR WS WV YO""".split())
_WELSH_WORDS = re.compile(r"\b(annwyl|cyngor|yn gywir|diolch|cartrefi|cymdeithas tai|croeso|gymraeg|cofion)\b", re.I)
_WALES = re.compile(r"\b(wales|welsh|cymru)\b", re.I)
_SCOTLAND = re.compile(r"\b(scotland|scottish)\b", re.I)
_ENGLAND = re.compile(r"\bengland\b", re.I)
_SCOTTISH_WORDS = re.compile(r"\b(frontline (resolution|response|stage)|scottish secure tenancy|scottish housing regulator)\b", re.I)


@dataclass(frozen=True)
class OmbudsmanResult:
    named: list[Span]
    contacts: list[tuple[int, int, int]]  # (paragraph, start, end) of contact details for the right Ombudsman
    wrong: list[Span]


@lru_cache(maxsize=4)
def _name_matcher(nlp: Language) -> PhraseMatcher:
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    for profile in all_profiles():
        matcher.add(profile.id, [nlp.make_doc(name) for name in profile.ombudsman.names])
    return matcher


def named_ombudsmen(analysis: Analysis, nlp: Language) -> dict[str, list[Span]]:
    """Mentions of each profile's Ombudsman, longest match first (SPSO vs 'Public Services Ombudsman')."""
    matches = _name_matcher(nlp)(analysis.doc, as_spans=True)
    chosen: dict[str, list[Span]] = {}
    taken: set[int] = set()
    for span in sorted(matches, key=lambda s: -(s.end - s.start)):
        if any(i in taken for i in range(span.start, span.end)):
            continue
        taken.update(range(span.start, span.end))
        chosen.setdefault(span.label_, []).append(span)
    return chosen


def detect_profile(analysis: Analysis, named: dict[str, list[Span]]) -> str | None:
    """The profile the letter's own cues point to, or None when nothing points anywhere.

    The Ombudsman named counts most, unless the letter says where the landlord is ("regulated by
    the Welsh Government", "registered in Scotland"), which outranks it: a Welsh letter that names
    the Housing Ombudsman is still a Welsh letter. Postcodes only break ties.
    """
    votes: Counter[str] = Counter()
    for profile_id, spans in named.items():
        votes[profile_id] += 3 + min(len(spans), 2)
    text = analysis.text
    outside_names = _without_spans(text, [s for spans in named.values() for s in spans])
    votes["psow"] += 5 * min(len(_WALES.findall(outside_names)), 2) + 2 * min(len(_WELSH_WORDS.findall(text)), 2)
    votes["spso"] += 5 * min(len(_SCOTLAND.findall(outside_names)), 2) + 2 * min(len(_SCOTTISH_WORDS.findall(text)), 2)
    votes["hos"] += 5 * min(len(_ENGLAND.findall(outside_names)), 2)
    ombudsman_postcodes = {pc.replace(" ", "") for p in all_profiles() for pc in p.ombudsman.contacts.postcode}
    for index, paragraph in enumerate(analysis.letter.paragraphs):
        if analysis.roles[index] not in ("header", "footer", "address", "textbox", "signature"):
            continue
        for match in POSTCODE.finditer(paragraph.text):
            if match.group(0).replace(" ", "") in ombudsman_postcodes:
                continue
            area = match.group(1)
            for areas, profile_id in ((_SCOTTISH_AREAS, "spso"), (_WELSH_AREAS, "psow"), (_ENGLISH_AREAS, "hos")):
                if area in areas:
                    votes[profile_id] += 1
    votes = +votes
    return max(votes, key=lambda k: votes[k]) if votes else None


def _without_spans(text: str, spans: list[Span]) -> str:
    for span in sorted(spans, key=lambda s: -s.start_char):
        text = text[: span.start_char] + " " * len(span.text) + text[span.end_char:]
    return text


def check_ombudsman(analysis: Analysis, profile: Profile, named: dict[str, list[Span]]) -> OmbudsmanResult:
    right = named.get(profile.id, [])
    wrong = [span for pid, spans in named.items() if pid != profile.id for span in spans
             if not _contained_in_right(span, right)]
    contacts = []
    known = _known_contacts(profile)
    mention_paragraphs = {analysis.paragraph_at(s.start_char) for s in right}
    for index, paragraph in enumerate(analysis.letter.paragraphs):
        near = any(0 <= index - m <= 2 for m in mention_paragraphs)
        for start, end, value in _contact_details(paragraph.text):
            if _normalise(value) in known or any(k in _normalise(value) for k in known if len(k) > 6) or near:
                contacts.append((index, start, end))
    return OmbudsmanResult(named=right, contacts=contacts if right else [], wrong=wrong if not right else wrong)


def _contained_in_right(span: Span, right: list[Span]) -> bool:
    return any(r.start <= span.start and span.end <= r.end for r in right)


def _known_contacts(profile: Profile) -> set[str]:
    c = profile.ombudsman.contacts
    return {_normalise(v) for v in (*c.phone, *c.email, *c.web, *c.postcode)}


def _contact_details(text: str) -> list[tuple[int, int, str]]:
    found = []
    for pattern in (PHONE, EMAIL, WEB, POSTCODE, POST_WORDS):
        for match in pattern.finditer(text):
            value = match.group(0).rstrip(".")
            found.append((match.start(), match.start() + len(value), value))
    return found


def _normalise(value: str) -> str:
    value = value.lower().strip().rstrip("./")
    value = re.sub(r"^(https?://)?(www\.)?", "", value)
    return re.sub(r"[\s-]", "", value)
