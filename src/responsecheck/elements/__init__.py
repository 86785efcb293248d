"""Detect the required elements of a complaint response, with evidence, for the report.

`detect()` returns each element's status (present / missing / not applicable), whether this letter
requires it (profile, stage and decision decide), and the sentences that show it, plus the stage,
decision and profile it worked out. Patterns come from rules/elements.yaml; the grammatical tests
that tell a real apology or decision from a look-alike live in the small modules beside this one.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language

from ..analysis import Analysis, Sentence
from ..profiles import DEFAULT_PROFILE, ELEMENT_IDS, Profile, load_profile
from ..report import Element, Evidence, Finding, Location
from .actions import escalation_route, learning_evidence, remedy_sentences, timescales
from .apology import genuine_apologies
from .cues import Cues, gather, is_conditional, is_negated, subject_of
from .decision import detect_decision
from .ombudsman import check_ombudsman, detect_profile, named_ombudsmen
from .rules import CompiledRules, compiled
from .stage import detect_stage

MAX_EVIDENCE = 3
# When nothing went wrong nothing is owed: an apology or a remedy offered anyway (a goodwill gesture)
# is not the element the Code asks for. Learning found in a not-upheld letter is still reported.
_NOT_APPLICABLE_WHEN_NOT_UPHELD = ("apology", "remedy", "remedy_timescale")


@dataclass
class Detected:
    profile: Profile
    profile_source: str
    stage: int
    stage_source: str
    decision: str
    elements: list[Element]
    findings: list[Finding]


def detect(analysis: Analysis, nlp: Language, profile_id: str | None = None, stage: int | None = None) -> Detected:
    rules = compiled(nlp)
    cues = gather(analysis, rules)
    named = named_ombudsmen(analysis, nlp)
    if profile_id:
        profile_source = "given"
    else:
        profile_id = detect_profile(analysis, named)
        profile_source = "detected" if profile_id else "default"
    profile = load_profile(profile_id or DEFAULT_PROFILE)

    stage_result = detect_stage(analysis, cues)
    if stage is not None:
        stage_source = "given"
    elif stage_result.stage in (1, 2):
        stage, stage_source = stage_result.stage, "detected"
    elif stage_result.inferred in (1, 2):
        stage, stage_source = stage_result.inferred, "detected"
    else:
        stage, stage_source = 1, "default"

    decision = detect_decision(cues)
    remedies = remedy_sentences(analysis, cues, rules)
    ombudsman = check_ombudsman(analysis, profile, named)
    route, timed = escalation_route(analysis, cues, rules)
    evidence: dict[str, list[Evidence]] = {
        "stage_label": [_sentence_evidence(analysis, h.sentence) for h in stage_result.labels],
        "complaint_summary": _from_hits_and_section(analysis, cues, "complaint_summary"),
        "findings": _findings(analysis, cues, rules, decision.evidence),
        "decision": [_sentence_evidence(analysis, h.sentence) for h in decision.evidence],
        "apology": [_sentence_evidence(analysis, h.sentence) for h in genuine_apologies(cues)],
        "remedy": [_sentence_evidence(analysis, s) for s in remedies],
        "remedy_timescale": [Evidence(text=s.text, location=analysis.span_location(s))
                             for s in timescales(analysis, cues, rules, remedies)],
        "learning": [_sentence_evidence(analysis, s) for s in learning_evidence(analysis, cues, rules)],
        "escalation": [_sentence_evidence(analysis, s) for s in route] if timed else [],
        "ombudsman": ([Evidence(text=s.text, location=analysis.span_location(s)) for s in ombudsman.named[:1]]
                      + [_char_evidence(analysis, *c) for c in ombudsman.contacts[:2]]) if ombudsman.contacts else [],
    }
    values = {"stage_label": str(stage), "decision": decision.value}
    elements: list[Element] = []
    findings: list[Finding] = []
    for element_id in ELEMENT_IDS:
        items = _dedupe(evidence[element_id])
        status = "present" if items else "missing"
        if element_id == "escalation" and stage == 2:
            status = "not_applicable"  # the final stage has no internal stage left; the Ombudsman is next
        if decision.value == "not_upheld" and (element_id in _NOT_APPLICABLE_WHEN_NOT_UPHELD
                                               or (element_id == "learning" and not items)):
            status = "not_applicable"
        requirement = profile.requirement(stage, element_id)
        required = requirement is not None and _applies(requirement.when, decision.value, bool(evidence["remedy"]))
        element = Element(id=element_id, status=status, required=required,
                          severity=requirement.severity if requirement else None,
                          evidence=items[:MAX_EVIDENCE], value=values.get(element_id))
        elements.append(element)
        if required and status == "missing":
            findings.append(_missing_finding(rules, element, profile, ombudsman.wrong, bool(route)))
    return Detected(profile=profile, profile_source=profile_source, stage=stage, stage_source=stage_source,
                    decision=decision.value, elements=elements, findings=findings)


def _applies(when: str, decision: str, remedy_present: bool) -> bool:
    if when == "upheld_or_partly":
        return decision in ("upheld", "partly_upheld")
    if when == "remedy_present":
        return remedy_present
    return True


def _from_hits_and_section(analysis: Analysis, cues: Cues, element_id: str) -> list[Evidence]:
    items = [_sentence_evidence(analysis, h.sentence) for h in cues.hits.get(element_id, [])
             if analysis.roles[h.sentence.paragraph] in ("prose", "table", "textbox")
             and not is_negated(h.span) and not is_conditional(h.sentence)]
    section = cues.sections.get(element_id, [])
    if section:
        items.extend(_sentence_evidence(analysis, s) for s in cues.heading_of.get(element_id, [])[:1])
        items.append(_sentence_evidence(analysis, section[0]))
    return items


def _findings(analysis: Analysis, cues: Cues, rules: CompiledRules, decisions: list) -> list[Evidence]:
    """What was looked into and found; "I have investigated and I uphold it" alone is only the decision."""
    decided = {h.sentence.span.start_char for h in decisions}
    items = [e for e in _from_hits_and_section(analysis, cues, "findings")
             if analysis.paragraph_starts[e.location.paragraph] + (e.location.start or 0) not in decided]
    verbs = set(rules.rule("findings").investigation_verbs)
    for sentence in analysis.sentences:
        if analysis.roles[sentence.paragraph] != "prose" or sentence.span.start_char in decided:
            continue
        for token in sentence.span:
            if token.lemma_ in verbs and token.pos_ == "VERB" and token.tag_ in ("VBD", "VBN"):
                subject = subject_of(token)
                if subject is not None and subject.lower_ not in ("you", "he", "she", "they", "it"):
                    items.append(_sentence_evidence(analysis, sentence))
                    break
    return items


def _sentence_evidence(analysis: Analysis, sentence: Sentence) -> Evidence:
    return Evidence(text=sentence.text, location=analysis.span_location(sentence.span))


def _char_evidence(analysis: Analysis, paragraph: int, start: int, end: int) -> Evidence:
    base = analysis.paragraph_starts[paragraph]
    return Evidence(text=analysis.letter.paragraphs[paragraph].text[start:end],
                    location=analysis.location(base + start, base + end))


def _dedupe(items: list[Evidence]) -> list[Evidence]:
    seen: set[tuple] = set()
    out = []
    for item in sorted(items, key=lambda e: (e.location.paragraph or 0, e.location.start or 0)):
        key = (item.location.paragraph, item.location.start)
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out


def _missing_finding(rules: CompiledRules, element: Element, profile: Profile, wrong: list,
                     untimed_route: bool) -> Finding:
    rule = rules.rule(element.id)
    message = rule.missing
    if element.id == "escalation" and untimed_route:
        message = "The letter says how to escalate but not by when; give the time limit for asking for the next stage."
    if element.id == "ombudsman" and wrong:
        message = (f"The letter names {wrong[0].text}, but complaints under the {profile.country} scheme go to the "
                   f"{profile.ombudsman.name}.")
    return Finding(rule=f"element.{element.id}", category="missing_element", severity=element.severity or "error",
                   message=message, location=Location(part="document"), suggestion=rule.suggestion,
                   source=rules.source(element.id))
