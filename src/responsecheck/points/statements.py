"""Two kinds of letter sentence that name a point's words without answering it, told apart by the parse.

A restatement puts the resident's own letter in the subject: "Your Stage 2 request raises the
following matters: ...", "Your complaint, as I understand it, is that ...". It says what was asked,
not what was found, however many of the point's words it repeats. Token patterns miss it whenever
a word or a clause stands between the subject and its verb, so the test reads the dependency tree.

A general statement says how things are done everywhere, not what happened here: "Garages are let
by the lettings team and are subject to availability", "All our lifts are serviced every year".
The Housing Ombudsman finds responses that quote policy instead of applying it to the resident's
case fail to address the complaint. Such a sentence speaks in the present tense of things in
general (a bare noun, "all"/"every", or the landlord itself by name or as "the Council"), never
of the resident ("you"), of a date or time (how often is fine: "every two years"), of what happened
(a past tense), of what will be done ("will") or of one thing of this home ("the boundary fence");
a decision ("The Council accepts...", "..., and we have replaced the fence") is never general, and a
restatement with an answer coordinated to it is an answer.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from .lexicon import Lexicon

_SECOND_PERSON = frozenset({"you", "your", "yours", "yourself", "yourselves"})
_FIRST_PERSON = frozenset({"i", "we", "me", "us"})
_POINTING = frozenset({"it", "this", "that", "these", "those", "he", "she", "they", "him", "her", "them"})
_SUBJECTS = ("nsubj", "nsubjpass")
_QUANTIFIERS = frozenset({"all", "both", "every", "each", "any", "no"})
_OWNERS = frozenset({"your", "his", "her", "their"})
#: Documents that are the resident's even with "the" ("The complaint is that..."); "the letter" may be any letter.
_THE_COMPLAINT = frozenset({"complaint", "complaints", "appeal", "escalation"})
_FREQUENCY = frozenset({"every", "each", "per", "a", "annually", "weekly", "monthly", "yearly", "daily", "quarterly",
                        "fortnightly"})
#: How far into the sentence a restating subject may start ("As you know, your letter ...").
_RESTATING_REACH = 6


def restates_complaint(span: Span, lexicon: Lexicon) -> bool:
    """Whether the sentence opens by saying what the resident's complaint (letter, e-mail, request) said:
    the resident's own document ("your letter", "her e-mail", "the complaint") is the subject of the main
    verb, and that verb reports ("raises", "sets out", "is that"). "The warning letter covers this" is
    about another letter; "Your complaint is upheld" is a decision."""
    rules = lexicon.rules.statements
    for token in span[:_RESTATING_REACH]:
        lemma = token.lemma_.lower()
        if token.dep_ != "nsubj" or lemma not in rules.documents:
            continue
        # "Your stage 2 request": the owner may hang off a word in front of the subject
        owner = {t.lower_ for t in span[:token.i - span.start]} | {c.lower_ for c in token.children}
        owned = bool(owner & _OWNERS) or (lemma in _THE_COMPLAINT and bool(owner & {"the", "this"}))
        verb = token.head
        if not owned or verb.dep_ not in ("ROOT", "ccomp") or verb.lemma_.lower() not in rules.restating_verbs:
            continue
        if verb.lemma_.lower() == "be" and any(c.dep_ in ("acomp", "auxpass") for c in verb.children):
            continue  # "Your complaint is justified": a decision, not a restatement
        return not any(_answers_beside(t, rules.answer_verbs) for t in span if t.dep_ == "conj")
    return False


def _answers_beside(verb: Token, answer_verbs: frozenset[str]) -> bool:
    """A clause coordinated with the restatement that answers: the writer acting or deciding ("Your letter
    raises a fair point and we have replaced the fence", "..., and we agree to do so")."""
    return verb.pos_ in ("VERB", "AUX") and (verb.lemma_.lower() in answer_verbs or any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in _FIRST_PERSON for c in verb.children))


def is_general(span: Span, lexicon: Lexicon) -> bool:
    """Whether the sentence states policy or practice in general rather than anything about this case."""
    rules = lexicon.rules.statements
    root = span.root
    if root.pos_ not in ("VERB", "AUX") or not _present(root) or any(_about_the_case(t) for t in span):
        return False
    if any(_decides(t, rules.answer_verbs) for t in span):
        return False  # "..., and I apologise on the Council's behalf"
    subject = next((c for c in root.children if c.dep_ in _SUBJECTS), None)
    if subject is None:
        return False
    if _names_one_thing(span, subject, lexicon):
        return False  # one thing of this home: "The Council is responsible for the tree", "Repairs to the roof are complete"
    if subject.lemma_.lower() in rules.landlords:
        # the landlord stating its practice ("Eastfield Homes expects its staff to..."), unless it decides
        return root.lemma_.lower() not in rules.answer_verbs
    return _generic(subject)


def _about_the_case(token: Token) -> bool:
    """A word that ties the sentence to this resident or to events: you, a date or time ("on Monday",
    "tomorrow"; not how often: "every two years"), a past tense, "will", "now"."""
    lower = token.lower_
    return (lower in _SECOND_PERSON or lower in ("now", "today", "tomorrow", "yesterday") or token.tag_ == "VBD"
            or (token.tag_ == "MD" and lower in ("will", "'ll", "wo", "shall"))
            or (token.ent_type_ in ("DATE", "TIME") and not _how_often(token)))


def _how_often(token: Token) -> bool:
    """A date or time telling how often ("every two years", "annually", "each week"), not when."""
    words = {t.lower_ for t in token.sent if abs(t.i - token.i) <= 3}
    return bool(words & _FREQUENCY) or token.lower_.endswith("ly")


def _decides(token: Token, answer_verbs: frozenset[str]) -> bool:
    """A verb of decision with the writer as its subject ("I apologise", "we accept")."""
    return token.pos_ == "VERB" and token.lemma_.lower() in answer_verbs and any(
        c.dep_ == "nsubj" and c.lower_ in _FIRST_PERSON for c in token.children)


def _quantified(subject: Token) -> bool:
    """"All", "every tenant", "all our lifts", "any resident"."""
    return subject.lower_ in _QUANTIFIERS or any(
        c.dep_ in ("predet", "det") and c.lower_ in _QUANTIFIERS for c in subject.children)


def _names_one_thing(span: Span, subject: Token, lexicon: Lexicon) -> bool:
    """Whether the sentence names a definite singular thing of the home ("the tree", "this fence", "the
    roof" in "Repairs to the roof"): one thing of this case, not things in general. The subject's own
    head does not count ("The association is..."), nor abstract nouns ("the responsibility of")."""
    tokens = list(span)
    for n, token in enumerate(tokens):
        if token.tag_ != "NN" or token.i == subject.i or lexicon.is_role(token.lemma_.lower()):
            continue
        if any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in token.children) and any(
                m + lexicon.concepts_at(tokens, m)[0] > n for m in range(max(0, n - 2), n + 1)):
            return True  # a housing term covering the noun: "the fence", "the boundary fence"
    return False


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
    if _quantified(subject):
        return True
    if subject.lower_ in _FIRST_PERSON or subject.lower_ in _POINTING or subject.pos_ == "PRON":
        return False
    # bare: no determiner or owner, also on the words compounded with it ("The living room windows")
    determined = any(t.dep_ in ("det", "poss") for t in subject.subtree if t.i < subject.i)
    return subject.pos_ == "NOUN" and not determined
