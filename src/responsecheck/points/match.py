"""Find where the letter answers each point: the sentences that give a finding or a decision on it.

A letter sentence answers a point when it shares enough of the point's facets (its words, their
housing concepts, its dates), counting half for words only in the sentence's surroundings (the
heading it sits under, the sentences either side in its paragraph), and at least one of the point's
things is named in the sentence itself or in the heading over it (which says what its section is
about: "Your place on the list" over "Yours is the third"). That anchoring thing must be one that sets the point apart:
a word most of the complaint's points name is its topic ("the bins"), and a sentence naming only the
topic ("the bins were emptied") does not answer a point about something else ("the recycling bins
were taken away"), unless the point names nothing but the topic. Sentences that mention a point without answering it never
count: the restatement of the complaint ("You told us..."), sympathy ("I understand how..."),
thanks, promises to look into it, generic sentences ("we have looked into all your concerns"),
policy stated in general ("Garages are let subject to availability", statements.py), and the
conditional escalation paragraph.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..analysis import Analysis, Sentence
from ..elements.cues import is_conditional
from .facets import ANY_DATE, Facet, answer_keys, sentence_keys, strength
from .lexicon import Lexicon
from .statements import is_general, restates_complaint

#: Share of a point's facets (by weight) an answer must cover.
THRESHOLD = 0.5
#: A long point is answered by a sentence covering this much weight, not a share of every word.
WEIGHT_CAP = 2.0
#: How much a facet counts when only the heading or a neighbouring sentence names it.
CONTEXT = 0.5
#: A facet this heavy, named in the sentence itself, anchors the answer (a place or a name cannot).
ANCHOR = 0.6
#: How much a facet counts when only the heading over the sentence names it: as context, but it anchors the
#: answer, since a heading says what its section is about ("Your place on the list": "Yours is the third").
HEADING = CONTEXT
MAX_EVIDENCE = 3
#: A thing named in at least this share of a complaint's points (and in TOPIC_MIN of them) is what the
#: whole complaint is about ("the bins", "the lift"), not what one point says about it.
TOPIC_SHARE = 0.5
TOPIC_MIN = 3
_ANSWER_ROLES = ("prose", "table", "textbox")


@dataclass(frozen=True)
class Candidate:
    """A letter sentence that may answer a point, with its keys and those of its surroundings."""

    sentence: Sentence
    keys: frozenset[str]
    context: frozenset[str]
    heading: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Match:
    sentence: Sentence
    coverage: float


def candidates(analysis: Analysis, lexicon: Lexicon, summary: set[int]) -> list[Candidate]:
    """Letter sentences that could be an answer, each with its heading and neighbours as context."""
    heading_keys: frozenset[str] = frozenset()
    by_paragraph: dict[int, list[Sentence]] = {}
    headings: dict[int, frozenset[str]] = {}
    for sentence in analysis.sentences:
        role = analysis.roles[sentence.paragraph]
        if role == "heading":
            heading_keys = sentence_keys(sentence.span, lexicon)
        elif role in ("signoff", "signature"):
            heading_keys = frozenset()
        elif role in _ANSWER_ROLES and sentence.span.start not in summary and _answers(sentence, lexicon):
            by_paragraph.setdefault(sentence.paragraph, []).append(sentence)
            headings[sentence.span.start] = heading_keys
    result = []
    for sentences in by_paragraph.values():
        # nouns that only describe another thing ("a lift-served home") count as context, never as the sentence's own
        split = [answer_keys(s.span, lexicon) for s in sentences]
        for n, sentence in enumerate(sentences):
            context = set(headings[sentence.span.start]) | split[n][1]
            for m in (n - 1, n + 1):
                if 0 <= m < len(sentences):
                    context |= split[m][0] | split[m][1]
            result.append(Candidate(sentence, split[n][0], frozenset(context), headings[sentence.span.start]))
    return result


def _answers(sentence: Sentence, lexicon: Lexicon) -> bool:
    """False for sentences that mention a point without answering it (see the module docstring)."""
    if is_conditional(sentence) or sentence.text.endswith("?"):
        return False
    if not any(t.pos_ in ("VERB", "AUX") for t in sentence.span):
        return False  # a title or label line states no finding
    span = sentence.span
    root = span.root
    for _, start, end in lexicon.non_answers(span):
        words = span[start:end]
        if any(t.i == root.i or t.head.i == root.i for t in words):
            return False
    return not restates_complaint(span, lexicon) and not is_general(span, lexicon)


def topic_keys(points: list[list[Facet]]) -> frozenset[str]:
    """Words (and house numbers) named by many of the complaint's points: its topic, which tells no point
    apart from another ("number 22" in every point of a complaint about the neighbours at number 22)."""
    counts: dict[str, int] = {}
    for point in points:
        for key in {k for facet in point for k in facet.keys if k.startswith(("l:", "n:"))}:
            counts[key] = counts.get(key, 0) + 1
    least = max(TOPIC_MIN, TOPIC_SHARE * len(points))
    return frozenset(k for k, n in counts.items() if n >= least)


def _anchors(point: list[Facet], topic: frozenset[str]) -> list[Facet]:
    """The facets that can anchor an answer: heavy enough, and not the complaint's topic unless the
    point names nothing else ("Can you fix the lift?"); a point naming only who or where ("what are you
    going to do about the contractor?") is anchored by that. "A date" says when, not what: the date of
    something else ("the valuation is booked for 20 May") does not answer "a date for completion"."""
    heavy = [f for f in point if f.weight >= ANCHOR] or point
    things = [f for f in heavy if ANY_DATE not in f.keys]
    own = [f for f in things if not _is_topic(f, topic)]
    return own or things or heavy


def _is_topic(facet: Facet, topic: frozenset[str]) -> bool:
    """A facet whose words are all topic words; "storage heaters" says more than "heaters"."""
    words = {k for k in facet.keys if k.startswith(("l:", "n:"))}
    return bool(words) and words <= topic


def best_matches(point: list[Facet], found: list[Candidate], topic: frozenset[str] = frozenset()) -> list[Match]:
    """The answering sentences for one point, best first (empty when none covers enough).

    A sentence naming only the complaint's topic ("the bins were emptied") does not answer a point
    that says something else about it ("the recycling bins were taken away").
    """
    total = min(sum(f.weight for f in point), WEIGHT_CAP)
    if not point or total <= 0:
        return []
    anchors = _anchors(point, topic)
    matches = []
    for candidate in found:
        matched, anchored = 0.0, False
        for facet in point:
            own = _own(facet, candidate)
            if own and facet in anchors:
                anchored = True
            matched += facet.weight * max(own, CONTEXT * strength(facet, candidate.context))
        if anchored:
            coverage = min(1.0, matched / total)
            if coverage >= THRESHOLD:
                matches.append(Match(candidate.sentence, coverage))
    matches.sort(key=lambda m: -m.coverage)
    return matches[:MAX_EVIDENCE]


def best_coverage(point: list[Facet], found: list[Candidate],
                  topic: frozenset[str] = frozenset()) -> tuple[float, Candidate | None]:
    """The best coverage any anchored sentence reaches, below the threshold (for the confidence of an
    unanswered point), and that sentence: the nearest the letter comes to answering it."""
    total = min(sum(f.weight for f in point), WEIGHT_CAP)
    anchors = _anchors(point, topic)
    best, nearest = 0.0, None
    for candidate in found:
        matched = sum(f.weight * max(_own(f, candidate), CONTEXT * strength(f, candidate.context))
                      for f in point)
        coverage = min(1.0, matched / total) if total else 0.0
        if any(_own(f, candidate) for f in anchors) and coverage > best:
            best, nearest = coverage, candidate
    return best, nearest


def _own(facet: Facet, candidate: Candidate) -> float:
    """How strongly the sentence names the facet itself, or through the heading it sits under."""
    return max(strength(facet, candidate.keys), HEADING * strength(facet, candidate.heading))


def confidence(coverage: float, addressed: bool) -> float:
    """How far the best coverage lies from the threshold, as 0.5 (on it) to 1.0 (far from it)."""
    if addressed:
        return round(min(0.99, 0.5 + 0.5 * (coverage - THRESHOLD) / (1 - THRESHOLD)), 2)
    return round(min(0.99, 0.5 + 0.5 * (THRESHOLD - coverage) / THRESHOLD), 2)
