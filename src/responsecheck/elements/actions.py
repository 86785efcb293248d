"""Remedies, their timescales, learning and the escalation route: what the landlord will do next.

A remedy is a commitment to act ("we will replace the window", "our contractor will attend", "I
would like to offer you £150") or an action already taken to put things right; "we will look into
it" is not one. A timescale counts only when it is concrete: a date, a weekday, "within 10 working
days"; "as soon as possible" and "shortly" never do.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from ..analysis import Analysis, Sentence
from .cues import Cues, Hit, is_conditional, is_negated, subject_of
from .rules import CompiledRules

# "will"/"shall", "going to", or "would like to" / "intend to": a commitment. A bare "would" is
# usually reported speech ("you were told someone would attend"), so it does not count.
_COMMITMENT = {"will", "shall", "'ll", "going", "like", "intend", "plan", "arrange", "aim", "agree", "agreed", "propose",
               "ask", "instruct", "request"}
_CONCRETE = re.compile(
    r"\d|\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|"
    r"july|august|september|october|november|december|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve|fourteen|fifteen|twenty|thirty|tomorrow)\b", re.I)
_UNHAPPY = re.compile(r"\b(unhappy|dissatisfied|not (happy|satisfied|content)|disagree|remain|still)\b", re.I)


def remedy_sentences(analysis: Analysis, cues: Cues, rules: CompiledRules) -> list[Sentence]:
    verbs = set(rules.rule("remedy").action_verbs)
    found: dict[int, Sentence] = {}
    for hit in cues.hits.get("remedy", []):
        if not is_negated(hit.span) and _in_letter_body(analysis, hit.sentence):
            found[hit.sentence.span.start] = hit.sentence
    for sentence in analysis.sentences:
        if sentence.span.start in found or not _in_letter_body(analysis, sentence):
            continue
        if any(_is_commitment(token, verbs) for token in sentence.span):
            found[sentence.span.start] = sentence
    for sentence in cues.sections.get("remedy", []):
        if any(t.lemma_ in verbs or t.text == "£" for t in sentence.span):
            found.setdefault(sentence.span.start, sentence)
    return sorted(found.values(), key=lambda s: s.span.start)


def _is_commitment(token, verbs: set[str]) -> bool:
    if token.pos_ != "VERB" or token.lemma_ not in verbs:
        return False
    helpers = {c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass")}
    head = token.head
    if token.dep_ == "xcomp":  # "we would like to offer", "we are going to replace", "we have arranged to"
        helpers |= {head.lemma_, head.lower_} | {c.lower_ for c in head.children if c.dep_ == "aux"}
    if not helpers & _COMMITMENT:
        return False
    subject = subject_of(token)
    if subject is not None and subject.lower_ in ("you", "yourself"):
        return False
    return not is_negated(token.doc[token.i:token.i + 1])


def _in_letter_body(analysis: Analysis, sentence: Sentence) -> bool:
    return analysis.roles[sentence.paragraph] in ("prose", "table", "textbox", "heading")


def timescales(analysis: Analysis, cues: Cues, rules: CompiledRules, remedies: list[Sentence]) -> list[Span]:
    """Concrete dates and time limits attached to a remedy: in its sentence or its table row."""
    vague = [v.lower() for v in rules.rule("remedy_timescale").vague]
    scopes = _remedy_scopes(analysis, remedies)
    found: list[Span] = []
    for hit in cues.hits.get("remedy_timescale", []):
        if _in_scope(analysis, hit.sentence, scopes):
            found.append(hit.span)
    for ent in analysis.doc.ents:
        if ent.label_ not in ("DATE", "TIME") or not _CONCRETE.search(ent.text):
            continue
        ent_text = ent.text.lower()
        if any(v in ent_text for v in vague):
            continue
        sentence = analysis.sentence_of(ent)
        if _in_scope(analysis, sentence, scopes) and not _is_past(ent):
            found.append(ent)
    return found


def _remedy_scopes(analysis: Analysis, remedies: list[Sentence]) -> set[tuple]:
    scopes: set[tuple] = set()
    for sentence in remedies:
        origin = analysis.letter.paragraphs[sentence.paragraph].origin
        scopes.add(("sentence", sentence.span.start))
        if origin.table is not None:
            scopes.add(("row", origin.part, origin.table, origin.row))
    return scopes


def _in_scope(analysis: Analysis, sentence: Sentence, scopes: set[tuple]) -> bool:
    origin = analysis.letter.paragraphs[sentence.paragraph].origin
    return ("sentence", sentence.span.start) in scopes or (
        origin.table is not None and ("row", origin.part, origin.table, origin.row) in scopes)


def _is_past(ent: Span) -> bool:
    """Dates of what already happened ("on 3 May we visited") are not a timescale for a remedy."""
    head = ent.root.head
    while head.dep_ == "prep" and head.head is not head:
        head = head.head
    return head.tag_ in ("VBD", "VBN") and not any(c.lower_ in ("will", "'ll", "shall") for c in head.children)


def learning_evidence(analysis: Analysis, cues: Cues, rules: CompiledRules) -> list[Sentence]:
    found = {h.sentence.span.start: h.sentence for h in cues.hits.get("learning", [])
             if not is_negated(h.span) and not is_conditional(h.sentence) and _in_letter_body(analysis, h.sentence)}
    rule = rules.rule("learning")
    for hit in cues.hits.get("learning_systemic", []):
        words = {t.lower_ for t in hit.sentence.span}
        if words & set(rule.systemic_words) and not is_negated(hit.span) and _in_letter_body(analysis, hit.sentence):
            found.setdefault(hit.sentence.span.start, hit.sentence)
    for sentence in analysis.sentences:
        if sentence.span.start not in found and _in_letter_body(analysis, sentence) and _standing_change(
                sentence, set(rule.systemic_words), set(rule.excluded_now_verbs)):
            found[sentence.span.start] = sentence
    for sentence in cues.sections.get("learning", []):
        found.setdefault(sentence.span.start, sentence)
    return sorted(found.values(), key=lambda s: s.span.start)


def _standing_change(sentence: Sentence, systemic: set[str], excluded: set[str]) -> bool:
    """A change of practice for everyone, not an action for this resident.

    "Our call handlers now read the address back before a job is raised" and "our officers will now
    visit every site" describe how things work from now on; "your account is now in credit" or "we
    will now visit you" do not.
    """
    for token in sentence.span:
        if token.lower_ != "now" or token.dep_ != "advmod":
            continue
        verb = token.head
        if verb.lemma_ == "have":  # "our contractor now has to phone": the obligation is the change
            verb = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), verb)
            if verb.lemma_ == "have":
                continue
        if verb.pos_ != "VERB" or verb.lemma_ in excluded:
            continue
        subject = subject_of(verb)
        if subject is None or subject.lower_ in ("you", "i", "it") or any(
                c.lower_ in ("your",) for c in subject.children):
            continue
        clause = {t.lower_ for t in verb.subtree}
        present = verb.tag_ in ("VBZ", "VBP") or token.head.tag_ in ("VBZ", "VBP") or any(
            c.lower_ in ("will", "must", "'ll") for c in verb.children)
        if present and (clause & systemic or subject.tag_ in ("NNS", "NNPS") or "you" not in clause and "your" not in clause):
            return True
    return False


# A time limit: a duration ("within 20 working days", "two months of this letter", "a month") or a
# date ("by 30 June", "before Friday").
_TIME_LIMIT = re.compile(
    r"\b(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fourteen|fifteen|twenty|twenty-one|"
    r"twenty-eight|thirty|sixty)\s+(full\s+)?(working\s+|calendar\s+|business\s+|clear\s+)?(days?|weeks?|months?)\b"
    r"|\b(by|before|no later than|until)\s+(\d{1,2}(st|nd|rd|th)?\s+[A-Z][a-z]+|[A-Z][a-z]+day\b|the end of)", re.I)


def escalation_route(analysis: Analysis, cues: Cues, rules: CompiledRules) -> tuple[list[Sentence], bool]:
    """The route to the next internal stage, and whether the letter says by when to use it.

    The Code expects both: how to escalate and the time limit, so a route with no time limit is
    reported as missing with a message that says what is lacking.
    """
    route = escalation_evidence(analysis, cues, rules)
    paragraphs = {s.paragraph for s in route}
    timed = any(_TIME_LIMIT.search(analysis.letter.paragraphs[p].text) for p in paragraphs)
    return route, timed


def escalation_evidence(analysis: Analysis, cues: Cues, rules: CompiledRules) -> list[Sentence]:
    """Sentences telling the resident how to take the complaint to the next internal stage."""
    verbs = set(rules.rule("escalation").request_verbs)
    found: dict[int, Sentence] = {}
    for hit in cues.hits.get("escalation", []):
        sentence = hit.sentence
        lemmas = {t.lemma_.lower() for t in sentence.span}
        names_ombudsman = "ombudsman" in lemmas or "spso" in lemmas or "psow" in lemmas
        route = bool(lemmas & verbs) or bool(_UNHAPPY.search(sentence.text))
        if route and not (names_ombudsman and not _mentions_internal_stage(hit)) and not is_negated(hit.span):
            found[sentence.span.start] = sentence
    for sentence in cues.sections.get("escalation", []):
        lemmas = {t.lemma_.lower() for t in sentence.span}
        if lemmas & verbs and "ombudsman" not in lemmas:
            found.setdefault(sentence.span.start, sentence)
    return sorted(found.values(), key=lambda s: s.span.start)


def _mentions_internal_stage(hit: Hit) -> bool:
    return any(t.lower_ in ("stage", "review", "escalate", "appeal") for t in hit.span)
