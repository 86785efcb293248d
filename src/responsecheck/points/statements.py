"""Two kinds of letter sentence that name a point's words without answering it, told apart by the parse.

A restatement puts the resident's own letter in the subject: "Your Stage 2 request raises the
following matters: ...", "Your complaint, as I understand it, is that ...". It says what was asked,
not what was found, however many of the point's words it repeats. Token patterns miss it whenever
a word or a clause stands between the subject and its verb, so the test reads the dependency tree.

A general statement says how things are done everywhere, not what happened here: "Garages are let
by the lettings team and are subject to availability", "All our lifts are serviced every year".
The Housing Ombudsman finds responses that quote policy instead of applying it to the resident's
case fail to address the complaint. Such a sentence speaks in the present tense of things in
general (a bare noun, "all"/"every", or the landlord itself by name or as "the Council"), never of the resident ("you"), of
a date, of what happened (a past tense) or of what will be done ("will"); a decision ("The
Council accepts...") is never general.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from .lexicon import Lexicon

_SECOND_PERSON = frozenset({"you", "your", "yours", "yourself", "yourselves"})
_FIRST_PERSON = frozenset({"i", "we", "me", "us"})
_POINTING = frozenset({"it", "this", "that", "these", "those", "he", "she", "they", "him", "her", "them"})
_SUBJECTS = ("nsubj", "nsubjpass")
_QUANTIFIERS = frozenset({"all", "both", "every", "each", "any", "no"})
#: How far into the sentence a restating subject may start ("As you know, your letter ...").
_RESTATING_REACH = 6


def restates_complaint(span: Span, lexicon: Lexicon) -> bool:
    """Whether the sentence opens by saying what the resident's complaint (letter, e-mail, request) said."""
    rules = lexicon.rules.statements
    for token in span[:_RESTATING_REACH]:
        if token.dep_ != "nsubj" or token.lemma_.lower() not in rules.documents:
            continue
        # "Your stage 2 request": the owner may hang off a word in front of the subject
        owner = {t.lower_ for t in span[:token.i - span.start]} | {c.lower_ for c in token.children}
        verb = token.head
        if not owner & {"your", "his", "her", "their", "the", "this"} or verb.lemma_.lower() not in rules.restating_verbs:
            continue
        if verb.lemma_.lower() == "be" and any(c.dep_ in ("acomp", "auxpass") for c in verb.children):
            continue  # "Your complaint is justified": a decision, not a restatement
        return True
    return False


def is_general(span: Span, lexicon: Lexicon) -> bool:
    """Whether the sentence states policy or practice in general rather than anything about this case."""
    rules = lexicon.rules.statements
    root = span.root
    if root.pos_ not in ("VERB", "AUX") or not _present(root) or any(_about_the_case(t) for t in span):
        return False
    subject = next((c for c in root.children if c.dep_ in _SUBJECTS), None)
    if subject is None:
        return False
    if subject.lemma_.lower() in rules.landlords:
        # the landlord stating its practice ("Eastfield Homes expects its staff to..."), unless it decides
        return root.lemma_.lower() not in rules.answer_verbs
    return _generic(subject)


def _about_the_case(token: Token) -> bool:
    """A word that ties the sentence to this resident or to events: you, a date, a past tense, "will"."""
    lower = token.lower_
    return (lower in _SECOND_PERSON or token.tag_ == "VBD"
            or (token.tag_ == "MD" and lower in ("will", "'ll", "wo", "shall"))
            or (token.ent_type_ in ("DATE", "TIME") and any(c.isdigit() for c in lower)))


def _present(root: Token) -> bool:
    """The main verb in the simple present, active or passive, or with a modal of rule ("are let",
    "expects", "does not cover", "should be reported"); never the perfect ("has completed": what happened)
    or the progressive ("is arranging": what is being done now)."""
    auxiliaries = [c for c in root.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lemma_.lower() == "have" or (a.dep_ == "aux" and a.lemma_.lower() == "be") for a in auxiliaries):
        return False
    if root.tag_ in ("VBZ", "VBP"):
        return not auxiliaries
    return bool(auxiliaries) and all(a.tag_ in ("VBZ", "VBP", "MD") or a.lower_ == "be" for a in auxiliaries)


def _generic(subject: Token) -> bool:
    """Things in general: "Garages", "All (of) our lifts", "Every tenant", "Communal cleaning"."""
    lower = subject.lower_
    if lower in _QUANTIFIERS:
        return True
    if lower in _FIRST_PERSON or lower in _POINTING or subject.pos_ == "PRON":
        return False
    children = {c.dep_: c.lower_ for c in subject.children}
    if children.get("predet") in _QUANTIFIERS or children.get("det") in _QUANTIFIERS:
        return True
    return subject.pos_ == "NOUN" and "det" not in children and "poss" not in children
