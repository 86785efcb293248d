"""Parts of a letter that contradict each other or the profile.

A manager reading a draft at the last minute looks for exactly these: a stage 1 letter
that calls itself final, a final letter that offers another internal stage, a complaint
upheld with no apology, money offered with no amount or with amounts that do not add up,
dates that cannot exist or are on the wrong side of the letter's own date, and a time
limit for escalating that differs from the profile. Wording patterns are in
rules/presend/consistency.yaml; the profile supplies the escalation windows.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from decimal import Decimal

from spacy.tokens import Token

from ..analysis import Analysis
from ..facts import dates, is_impossible, long_date, money, standalone_date
from ..profiles import Profile, parse_period
from ..report import Finding
from . import CheckContext, CheckOutput
from .patterns import RuleSet, finding, load_rules

_CATEGORY = "consistency"
_TOTAL = re.compile(r"\btotal\b", re.I)
_FUTURE_LEMMAS = {"book", "schedule", "arrange", "plan", "confirm", "due"}
_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                 "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fourteen": 14, "fifteen": 15,
                 "twenty": 20, "twenty-eight": 28, "thirty": 30}
_WINDOW = re.compile(
    r"\b(?:within|up to|no later than|no more than|have|has|in the next)\s+(\d+|[a-z\-]+)\s+"
    r"(working days|calendar days|days|weeks|months|years|year|month|week)\b", re.I)
_STAGE2_CUE = re.compile(r"\b(?:stage\s?(?:2|two)|next stage|escalat\w*|review|look at (?:it|this|your complaint) again)\b", re.I)
_OMBUDSMAN_CUE = re.compile(r"\bombudsman\b(?!'s complaint handling code)|\bSPSO\b|\bPSOW\b", re.I)
# The resident doing something: a time limit in the sentence is then the resident's to meet.
_RESIDENT_ACTS = re.compile(r"\byou(?:r)?\b[^.]{0,80}?\b(?:ask|request|contact|complain|go|refer|take|bring|approach|"
                            r"write|apply|escalate|tell|let us know|reply|have|get in touch)\w*\b", re.I)
_OFFER_CUE = re.compile(r"\bif you\b|\bplease\b|\byou (?:are entitled|have the right) to\b", re.I)
_EACH = re.compile(r"^\s*(?:each|per|a (?:week|month|day|night))\b", re.I)
_TOTAL_BEFORE = re.compile(r"\b(?:a total of|total of|totalling|totaling|in total of)\s*$", re.I)
_TOTAL_AFTER = re.compile(r"^\s*(?:in total|in all|altogether|,?\s*made up (?:as follows|of))\b", re.I)
_SOURCE_DATES = "A letter's dates must exist and agree with the date the letter is written."


def _error(analysis: Analysis, rule: str, start: int, end: int, message: str, suggestion: str,
           source: str) -> Finding:
    return Finding(rule=rule, category=_CATEGORY, severity="error", message=message,
                   text=analysis.text[start:end], location=analysis.location(start, end),
                   suggestion=suggestion, source=source)


def _rule_findings(analysis: Analysis, rules: RuleSet, rule_id: str) -> list[Finding]:
    rule = next(r for r in rules.rules if r.rule.id == rule_id)
    found = []
    for sentence in analysis.sentences:
        offset = sentence.span.start_char
        for start, end in rule.find(sentence.span.text):
            found.append(finding(analysis, rule, offset + start, offset + end))
    return found


def stage_contradictions(analysis: Analysis, stage: int, rules: RuleSet) -> list[Finding]:
    """A stage 1 letter calling itself final, or a final letter offering another stage.

    Final letters often recall how the review began ("you asked us to review your complaint
    at stage 2"), so an offer counts only when it is one: a base-form verb with "can",
    "could", "may" or "might", an "if you ..." clause, "please", or an imperative.
    """
    if stage == 1:
        return _rule_findings(analysis, rules, "consistency.stage1_claims_final")
    return [f for f in _rule_findings(analysis, rules, "consistency.final_offers_another_stage")
            if _is_offer(analysis, f)]


def _is_offer(analysis: Analysis, found: Finding) -> bool:
    start = analysis.paragraph_starts[found.location.paragraph] + (found.location.start or 0)
    span = analysis.doc.char_span(start, start + len(found.text), alignment_mode="expand")
    if span is None:
        return False
    first = span[0]
    if first.tag_ in ("VBD", "VBN", "VBG"):
        return False
    sentence = first.sent
    modal = any(t.tag_ == "MD" and t.lower_ in ("can", "could", "may", "might") for t in sentence)
    imperative = sentence[0].tag_ == "VB"
    return modal or imperative or bool(_OFFER_CUE.search(sentence.text))


def missing_apology(context: CheckContext) -> list[Finding]:
    """An upheld or partly upheld decision with no genuine apology anywhere in the letter."""
    detected = context.detected
    if detected.decision not in ("upheld", "partly_upheld"):
        return []
    apology = next((e for e in detected.elements if e.id == "apology"), None)
    decision = next((e for e in detected.elements if e.id == "decision"), None)
    if apology is None or apology.status != "missing" or decision is None or not decision.evidence:
        return []
    evidence = decision.evidence[0]
    word = "partly upheld" if detected.decision == "partly_upheld" else "upheld"
    return [Finding(
        rule="consistency.upheld_without_apology", category=_CATEGORY, severity="error",
        message=f"The complaint is {word}, so something went wrong, but the letter never apologises for it.",
        text=evidence.text, location=evidence.location,
        suggestion="Apologise plainly for what went wrong, e.g. 'We are sorry that we ...'.",
        source="PHSO: apologise unconditionally for errors; Code remedies (apology) and seed 000 checklist.")]


def _table_rows(analysis: Analysis) -> dict[tuple, dict[int, list[int]]]:
    """Paragraph indexes of each table, by row: {(section, table): {row: [paragraph, ...]}}."""
    tables: dict[tuple, dict[int, list[int]]] = defaultdict(lambda: defaultdict(list))
    for index, paragraph in enumerate(analysis.letter.paragraphs):
        origin = paragraph.origin
        if origin.part == "table" and origin.table is not None and origin.row is not None:
            tables[(origin.section, origin.table)][origin.row].append(index)
    return tables


def _amounts_in(analysis: Analysis, index: int) -> list[tuple[Decimal, int, int]]:
    """£ amounts of paragraph `index`, with spans in the joined text."""
    offset = analysis.paragraph_starts[index]
    return [(v, offset + s, offset + e) for v, s, e in money(analysis.letter.paragraphs[index].text)]


def amount_disagreements(analysis: Analysis) -> list[Finding]:
    """A table total that is not the sum of its rows, or a total in the text that differs from it."""
    found: list[Finding] = []
    table_totals: list[Decimal] = []
    source = "Code 2022 5.8: details of any remedy; amounts must agree wherever the letter states them."
    for rows in _table_rows(analysis).values():
        total: tuple[Decimal, int, int] | None = None
        parts: list[Decimal] = []
        for row in sorted(rows):
            cells = rows[row]
            amounts = [a for index in cells for a in _amounts_in(analysis, index)]
            if not amounts:
                continue
            if any(_TOTAL.search(analysis.letter.paragraphs[i].text) for i in cells):
                total = amounts[-1]
            else:
                parts.append(amounts[-1][0])
        if total is None:
            continue
        table_totals.append(total[0])
        if len(parts) >= 2 and sum(parts) != total[0]:
            found.append(_error(
                analysis, "consistency.table_total", total[1], total[2],
                f"The table's total (£{total[0]:,.2f}) is not the sum of its rows (£{sum(parts):,.2f}).",
                "Correct the amounts so the rows add up to the total.", source))
    for sentence in analysis.sentences:
        text = sentence.span.text
        if analysis.letter.paragraphs[sentence.paragraph].origin.part == "table":
            continue
        amounts = money(text)
        total = next((a for a in amounts if _TOTAL_BEFORE.search(text[:a[1]]) or _TOTAL_AFTER.match(text[a[2]:])), None)
        # "£12 each" or "£20 a week" cannot be added up without knowing how many.
        if total is None or any(_EACH.match(text[e:]) for _, _, e in amounts):
            continue
        value, start, end = total
        offset = sentence.span.start_char
        components = [a[0] for a in amounts if a is not total]
        if table_totals and value not in table_totals:
            found.append(_error(
                analysis, "consistency.total_differs", offset + start, offset + end,
                f"The letter gives a total of £{value:,.2f} but the table totals £{table_totals[0]:,.2f}.",
                "Make the total in the text match the table.", source))
        elif len(components) >= 2 and sum(components) != value:
            found.append(_error(
                analysis, "consistency.total_differs", offset + start, offset + end,
                f"£{value:,.2f} is given as the total, but the amounts listed add up to £{sum(components):,.2f}.",
                "Make the total match the amounts it is made up of.", source))
    return found


def unpriced_compensation(analysis: Analysis, rules: RuleSet) -> list[Finding]:
    """Compensation offered with no £ amount in the sentence, the next paragraphs or a table."""
    offers = _rule_findings(analysis, rules, "consistency.compensation_offer")
    if not offers:
        return []
    table_money = any(money(p.text) for p in analysis.letter.paragraphs if p.origin.part == "table")
    kept = []
    for offer in offers:
        index = offer.location.paragraph
        nearby = analysis.letter.paragraphs[index:index + 3]
        if table_money or any(money(p.text) for p in nearby):
            continue
        kept.append(offer)
    return kept


def letter_dateline(analysis: Analysis) -> tuple[dt.date, int] | None:
    """The date the letter bears and its paragraph: a line that is only a date, before the salutation."""
    for index, paragraph in enumerate(analysis.letter.paragraphs):
        role = analysis.roles[index]
        if role == "salutation":
            break
        if role in ("address", "header", "heading", "textbox", "table"):
            stated = standalone_date(paragraph.text)
            if stated is not None:
                return stated, index
    return None


def _tense(token: Token) -> str | None:
    """'past', 'future' or None for the verb governing a date token."""
    verb = token
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.tag_ == "MD" and a.lower_ in ("will", "shall", "'ll", "wo") for a in auxes):
        return "future"
    if verb.lemma_ in _FUTURE_LEMMAS and any(a.tag_ in ("VBZ", "VBP") for a in auxes):
        return "future"
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" or a.lemma_ == "have" for a in auxes):
        return "past"
    return None


def date_problems(analysis: Analysis, dated: dt.date | None) -> list[Finding]:
    """Dates that cannot exist, past events after the letter's date, promises before it."""
    found: list[Finding] = []
    for index, paragraph in enumerate(analysis.letter.paragraphs):
        offset = analysis.paragraph_starts[index]
        for stated in dates(paragraph.text):
            start, end = offset + stated.start, offset + stated.end
            if is_impossible(stated):
                found.append(_error(analysis, "consistency.impossible_date", start, end,
                                    "This date does not exist.",
                                    "Check the date against the case record.", _SOURCE_DATES))
                continue
            if dated is None or stated.date is None or analysis.roles[index] not in ("prose", "table", "textbox"):
                continue
            span = analysis.doc.char_span(start, end, alignment_mode="expand")
            if span is None:
                continue
            tense = _tense(span.root)
            if tense == "past" and stated.date > dated:
                found.append(_error(
                    analysis, "consistency.past_after_letter", start, end,
                    f"This date is after the letter's own date ({long_date(dated)}), "
                    "but the sentence says it has already happened.",
                    "Check the date, or the date of the letter.", _SOURCE_DATES))
            elif tense == "future" and stated.date < dated:
                found.append(_error(
                    analysis, "consistency.promise_before_letter", start, end,
                    f"This date is before the letter's own date ({long_date(dated)}), "
                    "but the sentence promises something for then.",
                    "Give a date after the letter is sent.", _SOURCE_DATES))
    return found


def _period(number: str, unit: str) -> tuple[int, str] | None:
    """('two', 'months') -> (2, 'months'); years become months so '1 year' equals '12 months'."""
    value = int(number) if number.isdigit() else _NUMBER_WORDS.get(number.lower())
    if value is None:
        return None
    unit = unit.lower()
    if unit in ("year", "years"):
        return value * 12, "months"
    return value, {"month": "months", "week": "weeks", "calendar days": "days"}.get(unit, unit)


def window_mismatches(analysis: Analysis, profile: Profile, stage: int) -> list[Finding]:
    """A time limit for stage 2 or for the Ombudsman that differs from the profile's."""
    found: list[Finding] = []
    for sentence in analysis.sentences:
        text = sentence.span.text
        if not _RESIDENT_ACTS.search(text):
            continue
        ombudsman = bool(_OMBUDSMAN_CUE.search(text))
        window = profile.escalation.ombudsman if ombudsman else (
            profile.escalation.stage2_request if stage == 1 and _STAGE2_CUE.search(text) else None)
        if window is None:
            continue
        accepted = {parse_period(p) for p in window.accepted}
        for m in _WINDOW.finditer(text):
            period = _period(m.group(1), m.group(2))
            if period is None or period in accepted:
                continue
            start = sentence.span.start_char + m.start(1)
            end = sentence.span.start_char + m.end(2)
            target = "the Ombudsman" if ombudsman else "stage 2"
            found.append(_error(
                analysis, "consistency.escalation_window", start, end,
                f"This time limit to go to {target} differs from the {profile.id.upper()} profile: "
                f"{' or '.join(window.accepted)}.",
                f"Use {' or '.join(window.accepted)}, or update the profile if your policy differs.",
                window.source))
    return found


def run(context: CheckContext) -> CheckOutput:
    analysis = context.analysis
    rules = load_rules("consistency")
    dateline = letter_dateline(analysis)
    dated = context.options.letter_date or (dateline[0] if dateline else None)
    findings = stage_contradictions(analysis, context.detected.stage, rules)
    findings += missing_apology(context)
    findings += unpriced_compensation(analysis, rules)
    findings += amount_disagreements(analysis)
    findings += date_problems(analysis, dated)
    findings += window_mismatches(analysis, context.detected.profile, context.detected.stage)
    return CheckOutput(findings=findings)
