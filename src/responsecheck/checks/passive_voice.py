"""Passive voice, from the dependency parse: who did it, or who failed to, should be clear.

A clause is passive when the parser marks a passive auxiliary (`auxpass`: "was repaired") or a
passive subject (`nsubjpass`, `csubjpass`). "Mistakes were made" hides who made them; in a
complaint response that is the point the resident most wants answered. When the parse names the
doer ("by our contractor", an `agent`), the suggestion says so. Findings are suggestions: some
passives are fine ("your rent is paid by Universal Credit"), so they never hold a letter back.
Only running prose is checked (not addresses, headings, tables or sign-offs).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from ..report import Finding
from . import CheckContext, CheckOutput

SOURCE = ("Plain English Campaign, How to write in plain English (aim for 80-90% active verbs; the passive "
          "'a mistake was made' avoids taking the blame); dependency labels nsubjpass/auxpass (ClearNLP)")


# Participles that describe a state, not an action someone did ("the window is broken", "you are
# entitled to"): the parser labels them passive, but there is no hidden doer to name.
STATIVE = frozenset({
    "broken", "closed", "open", "located", "situated", "based", "entitled", "concerned", "involved", "pleased",
    "disappointed", "satisfied", "dissatisfied", "worried", "interested", "married", "qualified", "supposed",
    "used", "scheduled", "due", "aware", "committed", "determined", "prepared", "surprised", "convinced",
    "gone", "exhausted", "tired", "upset", "frustrated", "delighted", "composed", "attached", "enclosed",
})


@dataclass(frozen=True)
class Passive:
    verb: Token
    span: Span
    agent: str | None


def passives(sentence: Span) -> list[Passive]:
    """The passive clauses of a sentence: the verb group ("was not repaired") and the doer if named."""
    found: dict[int, Passive] = {}
    for token in sentence:
        if token.dep_ not in ("auxpass", "nsubjpass", "csubjpass"):
            continue
        verb = token.head
        if verb.i in found or _stative(verb):
            continue
        auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass", "neg")]
        start = min([verb.i] + [a.i for a in auxiliaries])
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        doer = None
        if agent is not None:
            objects = [c for c in agent.children if c.dep_ == "pobj"]
            doer = " ".join(t.text for t in objects[0].subtree) if objects else None
        found[verb.i] = Passive(verb=verb, span=sentence.doc[start:verb.i + 1], agent=doer)
    return sorted(found.values(), key=lambda p: p.span.start)


def _stative(verb: Token) -> bool:
    """A state rather than an action: a stative participle, or one held with 'still' ("is still broken")."""
    if any(c.dep_ == "agent" for c in verb.children):
        return False
    return verb.lower_ in STATIVE or any(c.dep_ == "advmod" and c.lower_ == "still" for c in verb.children)


def run(context: CheckContext) -> CheckOutput:
    analysis = context.analysis
    findings = []
    for sentence in analysis.prose_sentences():
        for passive in passives(sentence.span):
            if passive.agent:
                message = f"Passive voice: the doer comes last ('by {passive.agent}')."
                suggestion = f"Start with who did it: '{passive.agent} ...'."
            else:
                message = "Passive voice: it does not say who did it."
                suggestion = "Say who did it, e.g. 'we' or the team or contractor: 'We did not repair ...'."
            findings.append(Finding(
                rule="passive_voice.passive", category="passive_voice", severity="suggestion", message=message,
                text=passive.span.text, location=analysis.span_location(passive.span), suggestion=suggestion,
                source=SOURCE))
    return CheckOutput(findings=findings)
