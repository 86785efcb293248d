"""A genuine apology: the landlord's own, for its own failure, without conditions.

Not an apology: "sorry if you feel...", "we regret any inconvenience this may have caused",
"sorry to hear" (sympathy), "sorry, but..." (a preface to a refusal, nothing owned), an apology someone else made ("the operative apologised"), one the
resident asked for, or one negated ("we did not apologise").
"""

from __future__ import annotations

from .cues import LANDLORD_PRONOUNS, Cues, Hit, in_quotes, is_negated, subject_of

# "Sorry that you feel / are unhappy": regret for the resident's reaction, not for what we did.
_FEELINGS = {"feel", "felt", "feels", "feeling", "think", "thought", "believe", "believed", "perceive", "perceived",
             "unhappy", "upset", "disappointed", "dissatisfied", "frustrated", "annoyed", "aggrieved", "unsatisfied"}
_LANDLORD_NOUNS = {"association", "council", "company", "co-operative", "cooperative", "co-op", "organisation",
                   "organization", "landlord", "trust", "group", "partnership", "homes", "department", "service"}
_HEDGES = {"any", "may", "might"}
_SYMPATHY = {"hear", "learn", "read", "see", "know"}
_ASKING = {"ask", "asked", "want", "wanted", "request", "requested", "expect", "expected", "demand", "demanded",
           "deserve", "receive", "received"}


def genuine_apologies(cues: Cues) -> list[Hit]:
    found = []
    for hit in cues.hits.get("apology", []):
        if _is_genuine(hit):
            found.append(hit)
    return found


def _is_genuine(hit: Hit) -> bool:
    sentence = hit.sentence.span
    words = [t.lower_ for t in sentence]
    after = [t.lower_ for t in sentence.doc[hit.span.end:min(sentence.end, hit.span.end + 12)]]
    if in_quotes(hit.span) or is_negated(hit.span):
        return False
    if after[:1] in (["if"], ["that"], ["you"]) and "you" in after[:2] and _FEELINGS & set(after[:6]):
        return False
    if "if" in after[:1] or ("if" in words and _FEELINGS & set(words)):
        return False
    if "any" in after[:3] or ("may" in after or "might" in after) and "caused" in after:
        return False
    if after[:1] == ["to"] and _SYMPATHY & set(after[1:3]):
        return False
    if [w for w in after[:2] if w != ","][:1] == ["but"]:
        return False
    token = hit.span.root
    if token.lower_ in ("apology", "apologies"):
        owner = [c.lower_ for c in token.children if c.dep_ == "poss"]
        if owner and owner[0] not in LANDLORD_PRONOUNS:
            return False
        if token.head.lemma_ in _ASKING or token.head.head.lemma_ in _ASKING:
            return bool(owner) and owner[0] in LANDLORD_PRONOUNS and token.head.lemma_ not in _ASKING
        subject = subject_of(token)
        return subject is None or subject.lower_ in LANDLORD_PRONOUNS or subject.lower_ == "please"
    subject = subject_of(token)
    if subject is None:
        # The tagger sometimes reads "The association apologises" as a noun phrase.
        if any(c.dep_ == "compound" and (c.lower_ in LANDLORD_PRONOUNS or _is_landlord(c)) for c in token.children):
            return True
        return token.i == sentence.start or sentence.doc[token.i - 1].lower_ in ("so", "very", "truly", "really", "deeply", "sincerely")
    return subject.lower_ in LANDLORD_PRONOUNS or _is_landlord(subject)


def _is_landlord(subject) -> bool:
    """'The association apologises': the landlord speaking of itself by name or kind."""
    return subject.lemma_.lower() in _LANDLORD_NOUNS or subject.ent_type_ == "ORG"
