"""Does the letter answer every point the resident raised? (issue 8; the Code asks for every point to be answered)

Given the complaint (its text, or its points as a case system logged them), `assess` splits it into
points (split.py), finds for each the letter sentences that answer it (match.py, vocabulary in
rules/points.yaml), and reports each point as addressed or not, with the evidence and a confidence,
plus the outcome the resident asked for and whether it is answered. With the `embeddings` extra
installed, a grievance is decided by weighing how close in meaning the point comes to the letter's
answers with the matcher's coverage (score.py); without it, and for what the resident asks for (whose
answer is a decision on the ask, which the matcher's request rules read), the matcher decides. The
report's metrics name the method. The complaint is parsed once with the shared pipeline; the letter
is not parsed again (its Analysis is reused).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.language import Language

from ..analysis import Analysis, Sentence
from ..elements.cues import gather
from ..elements.rules import compiled
from ..nlp import PARAGRAPH_BREAK
from ..options import CheckOptions
from ..report import ComplaintPoint, Evidence, Finding, Location, OutcomeRequested
from . import refer
from .embeddings import Encoder, encoder
from .facets import facets
from .lexicon import lexicon
from .match import Candidate, Match, best_coverage, best_matches, candidates, confidence, topic_keys
from .score import Similarity, figures, scorer, similarities
from .score import confidence as scored_confidence
from .split import SplitPoint, clean, is_request, split, unshout

#: A heading naming what the complaint is about: "Your complaint about ...", "Re: your complaint - ...".
_SUBJECT_LINE = re.compile(r"^(re:?\s*)?(your|the|this) (complaint|concerns?)\s*(about|regarding|concerning|re\b|into|"
                           r"over|:|-|–)\s*\S", re.I)

SOURCE = ("Housing Ombudsman Complaint Handling Code 2022, 5.6: \"address all points raised in the complaint\"; "
          "joint complaint handling code 6.7")


@dataclass
class PointsResult:
    points: list[ComplaintPoint]
    outcome: OutcomeRequested | None
    findings: list[Finding] = field(default_factory=list)
    metrics: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class Weighed:
    """One point with what the letter offers against it: the matcher's answers and best coverage, and
    (with embeddings) how close in meaning the letter comes. The scorer is fitted on these figures."""

    point: SplitPoint
    matches: list[Match]
    coverage: float
    near: Similarity | None
    #: With no match, the sentence of best coverage below the threshold (None when none names the point).
    closest_by_words: Candidate | None = None


def weigh(analysis: Analysis, nlp: Language, options: CheckOptions,
          embedder: Encoder | None) -> tuple[list[Weighed], list[Candidate]]:
    """The complaint's points, each weighed against the letter's answering sentences (the candidates)."""
    lex = lexicon(nlp)
    split_points = complaint_points(options, nlp)
    found = candidates(analysis, lex, _summary_sentences(analysis, nlp))
    topic = topic_keys([p.facets for p in split_points])
    near = similarities(embedder, [p.text for p in split_points], found) if embedder else None
    weighed = []
    for n, point in enumerate(split_points):
        matches = best_matches(point.all_facets, found, topic)
        coverage, closest = (matches[0].coverage, None) if matches else best_coverage(point.all_facets, found, topic)
        weighed.append(Weighed(point, matches, coverage, near[n] if near else None, closest))
    return weighed, found


def assess(analysis: Analysis, nlp: Language, options: CheckOptions) -> PointsResult | None:
    """Check the letter against the complaint's points; None when no complaint was given."""
    if not options.complaint_points and not (options.complaint_text and options.complaint_text.strip()):
        return None
    embedder = encoder()
    weighed, found = weigh(analysis, nlp, options, embedder)
    points: list[ComplaintPoint] = []
    for n, item in enumerate(weighed, start=1):
        if item.near is None or item.point.request:
            matches, addressed = item.matches, bool(item.matches)
            sure = confidence(item.coverage, addressed)
        else:
            addressed, sure, matches = _decide(item.coverage, item.near, item.matches, found)
        nearest = None if addressed else _nearest(item, found)
        points.append(ComplaintPoint(
            id=f"P{n}", text=item.point.text, status="addressed" if addressed else "not_addressed",
            evidence=[Evidence(text=m.sentence.text, location=analysis.span_location(m.sentence.span))
                      for m in matches],
            confidence=sure, request=item.point.request,
            answered_by=("words" if item.matches else "meaning") if addressed else None,
            nearest=Evidence(text=nearest.text, location=analysis.span_location(nearest.span)) if nearest else None))
    _answer_whole(points, [item.point.whole for item in weighed])
    outcome = _outcome(points)
    findings = [_finding(p) for p in points if p.status == "not_addressed"]
    metrics = {"points": len(points), "addressed": sum(p.status == "addressed" for p in points),
               "source": "given" if options.complaint_points else "complaint",
               "method": "matcher+embeddings" if embedder else "matcher"}
    return PointsResult(points=points, outcome=outcome, findings=findings, metrics=metrics)


def _decide(coverage: float, near: Similarity, matches: list[Match],
            found: list[Candidate]) -> tuple[bool, float, list[Match]]:
    """Addressed or not (the scorer's decision); the evidence is the matcher's, else the sentence closest
    in meaning."""
    model = scorer()
    probability = model.probability(figures(coverage, near))
    unanswered = model.unanswered(probability)
    if not unanswered and not matches and near.closest is not None:
        matches = [Match(found[near.closest].sentence, near.sentence)]
    return not unanswered, scored_confidence(probability, unanswered), [] if unanswered else matches


def _nearest(item: Weighed, found: list[Candidate]) -> Sentence | None:
    """For an unanswered point, the sentence that came nearest to answering it, so the handler can judge
    what was weighed: the matcher's own (sharing the most of the point, or the one the scorer overruled),
    else the closest in meaning."""
    if item.matches:
        return item.matches[0].sentence
    if item.closest_by_words is not None:
        return item.closest_by_words.sentence
    if item.near is not None and item.near.closest is not None:
        return found[item.near.closest].sentence
    return None


#: A given point that starts "Asked for:" is something the resident asks for, whatever its wording: the
#: split finds requests in context ("I want the fan fixed, the mould treated"), and `points_in` writes
#: them so, since "the mould treated" alone reads as no request.
ASKED_FOR = re.compile(r"^asked for:\s*", re.I)


def complaint_points(options: CheckOptions, nlp: Language) -> list[SplitPoint]:
    """Points as given (each used as it is, its pronouns resolved across the list), or split from the
    complaint text: one parse either way."""
    lex = lexicon(nlp)
    if options.complaint_points:
        given = [" ".join(p.split()) for p in options.complaint_points if p.strip()]
        asked = [bool(ASKED_FOR.match(p)) for p in given]
        texts = [ASKED_FOR.sub("", p) or p for p in given]
        # parsed in sentence case when typed in capitals (same length, so the offsets hold), shown as given
        doc = nlp(PARAGRAPH_BREAK.join(unshout(t) for t in texts))
        result, offset = [], 0
        for text, marked in zip(texts, asked, strict=True):
            span = doc.char_span(offset, offset + len(text), alignment_mode="expand")
            tokens = list(span) if span is not None else []
            request = marked or any(is_request(t, t.sent, lex) for t in tokens if t.dep_ == "ROOT")
            result.append(SplitPoint(offset, offset + len(text), text, facets(tokens, lex), request))
            offset += len(text) + len(PARAGRAPH_BREAK)
        refer.resolve(result, doc, lex)
        return result
    return split(nlp(clean(options.complaint_text or "")), lex)


def _answer_whole(points: list[ComplaintPoint], whole: list[bool]) -> None:
    """A request for "all of this" is answered when every other point is, with the least confidence of theirs."""
    rest = [p for p, w in zip(points, whole) if not w]
    for point, asks_all in zip(points, whole):
        if asks_all and rest:
            point.status = "addressed" if all(p.status == "addressed" for p in rest) else "not_addressed"
            point.confidence = min(p.confidence for p in rest)
            point.answered_by = None
            if point.status == "addressed":
                point.answered_by = "meaning" if any(p.answered_by == "meaning" for p in rest) else "words"


def _summary_sentences(analysis: Analysis, nlp: Language) -> set[int]:
    """Sentences restating the complaint rather than answering it: those under a 'Your complaint'
    heading, and those whose main clause the element analysis reads as a restatement ("You have
    explained that...", "This letter addresses the concerns you raised about..."). A restatement
    cue inside a subordinate clause ("we repaired the gate you told us about") leaves the sentence an answer.
    A heading that names the complaint and the stage ("Your complaint - stage 1 response"), or one no
    other heading follows that names what the complaint is about ("Your complaint about the caretaker
    at Bramley Court" over the whole letter), is the letter's title: what follows it is the whole
    letter, not a summary."""
    cues = gather(analysis, compiled(nlp))
    titles = {hit.sentence.span.start for hit in cues.hits.get("stage_label", [])}
    above = _headings_above(analysis)
    headings = [s for s in analysis.sentences if analysis.roles[s.paragraph] == "heading"]
    if headings and _SUBJECT_LINE.match(headings[-1].text):
        # "Your complaint about the caretaker at Bramley Court" with no heading after it: the subject line
        # over the whole letter, not a summary section (a bare "Your complaint" still opens one)
        titles.add(headings[-1].span.start)
    summary = {s.span.start for s in cues.sections.get("complaint_summary", []) if above[s.span.start] not in titles}
    for hit in cues.hits.get("complaint_summary", []):
        root = hit.sentence.span.root
        if any(t.i == root.i or t.head.i == root.i for t in hit.span):
            summary.add(hit.sentence.span.start)
    return summary


def _headings_above(analysis: Analysis) -> dict[int, int | None]:
    """The start of the heading each prose sentence sits under (None in a table: its column heads its section)."""
    above: dict[int, int | None] = {}
    current = None
    for sentence in analysis.sentences:
        if analysis.roles[sentence.paragraph] == "heading":
            current = sentence.span.start
        table = analysis.letter.paragraphs[sentence.paragraph].origin.table is not None
        above[sentence.span.start] = None if table else current
    return above


def _outcome(points: list[ComplaintPoint]) -> OutcomeRequested | None:
    asked = [p for p in points if p.request]
    if not asked:
        return None
    evidence: list[Evidence] = []
    for point in asked:
        evidence.extend(e for e in point.evidence if e not in evidence)
    return OutcomeRequested(text=" ".join(p.text for p in asked), answered=all(p.status == "addressed" for p in asked),
                            points=[p.id for p in asked], evidence=evidence[:3])


def _finding(point: ComplaintPoint) -> Finding:
    """The error for an unanswered point, placed on the sentence that came nearest to answering it (the
    annotated copy's comment then sits where the answer belongs), or on the whole letter when none did."""
    shown = point.text if len(point.text) <= 90 else point.text[:89] + "…"
    kind = "what the resident asked for" if point.request else "a point the resident raised"
    near = " This sentence is the nearest the letter comes to it." if point.nearest is not None else ""
    return Finding(rule="points.unanswered", category="unanswered_point", severity="error",
                   message=f"{point.id} is {kind} and the letter does not answer it: “{shown}”.{near}",
                   location=point.nearest.location if point.nearest is not None else Location(part="document"),
                   source=SOURCE,
                   suggestion="Say what you found on this point and what you decided, with reasons; "
                              "if it is outside this complaint, say so and why.")
