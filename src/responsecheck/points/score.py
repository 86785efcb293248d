"""Decide whether a point is answered from two kinds of evidence: shared words and concepts (the
matcher's coverage, match.py) and closeness in meaning (sentence embeddings, embeddings.py).

Hand rules tuned on our own letters did not carry over to letters written by others (blind sets:
0.61 precision, 0.63 recall of `not_addressed`); embeddings alone miss what sets two points on one
thing apart. A logistic model weighs the five figures below into the probability that a point is
unanswered, and decides: a letter on the same subject shares the point's words whether or not it
answers it, so the matcher's finding counts as one figure among five rather than as the verdict
(letting it stand unless the model was sure kept recall at 0.6 on letters nobody here tuned to). The
threshold sits below one half because a missed unanswered point costs the resident more than a point
the handler checks and finds answered. Weights, threshold and provenance are data in
rules/points-scorer.yaml, fitted by scripts/train_points_scorer.py on the labelled development sets,
never on a blind set.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

import numpy as np
from pydantic import BaseModel, ConfigDict, Field, model_validator

from ..rulebook import load_model
from .embeddings import Encoder
from .lexicon import PairExamples
from .match import Candidate

Feature = Literal["coverage", "sentence_similarity", "paragraph_similarity", "specificity", "word_recall"]


class Scorer(BaseModel):
    """Weights of the logistic model: the probability that a point is not answered."""

    model_config = ConfigDict(extra="forbid")
    schema_version: int = Field(alias="schema")
    source: str
    features: list[Feature] = Field(min_length=1)
    weights: list[float]
    intercept: float
    #: A point is unanswered at or above this probability.
    threshold: float = Field(gt=0, lt=1)
    examples: PairExamples

    @model_validator(mode="after")
    def _consistent(self) -> Scorer:
        if len(self.weights) != len(self.features):
            raise ValueError("weights must give one number per feature")
        return self

    def unanswered(self, probability: float) -> bool:
        return probability >= self.threshold

    def probability(self, figures: dict[str, float]) -> float:
        """How likely the point is unanswered, given its figures (keys: the features)."""
        z = self.intercept + sum(w * figures[f] for w, f in zip(self.weights, self.features))
        return 1.0 / (1.0 + math.exp(-z))


@lru_cache(maxsize=1)
def scorer() -> Scorer:
    return load_model("points-scorer.yaml", Scorer)


@dataclass(frozen=True)
class Similarity:
    """How close in meaning a point comes to the letter's answering sentences."""

    sentence: float
    paragraph: float
    #: The closest sentence (an index into the candidates), or None when the letter has none.
    closest: int | None
    #: How much closer the point comes to that sentence than any other of the complaint's points does
    #: (negative: the sentence answers another point, "the kitchen window" for "the kitchen extractor").
    specificity: float = 0.0
    #: The best, over the answering sentences, of how well each of the point's words finds a word of
    #: like meaning in context in one sentence (the mean of each word piece's closest match; BERTScore's
    #: recall, Zhang et al. 2020): a sentence on "the kitchen window" leaves "extractor" unmatched.
    word_recall: float = 0.0


def similarities(encoder: Encoder, points: Sequence[str], found: Sequence[Candidate]) -> list[Similarity]:
    """Per point, the best cosine against one answering sentence and against one paragraph's answering
    sentences together (an answer spread over two sentences: "We inspected the roof. It needs new
    tiles."), how specific that sentence is to the point, and the best word recall. One model run
    per text."""
    paragraphs: dict[int, list[str]] = {}
    for candidate in found:
        paragraphs.setdefault(candidate.sentence.paragraph, []).append(candidate.sentence.text)
    if not points:
        return []
    if not found:
        return [Similarity(0.0, 0.0, None) for _ in points]
    read = encoder.read([*points, *(c.sentence.text for c in found)])
    asked, answers = read[:len(points)], read[len(points):]
    paragraph_vectors = encoder.encode([" ".join(texts) for texts in paragraphs.values()])
    by_sentence = np.array([p.vector for p in asked]) @ np.array([a.vector for a in answers]).T  # points x sentences
    by_paragraph = np.array([p.vector for p in asked]) @ paragraph_vectors.T
    result = []
    for n, point in enumerate(asked):
        best = int(by_sentence[n].argmax())
        others = [by_sentence[m, best] for m in range(len(points)) if m != n]
        specificity = float(by_sentence[n, best] - max(others)) if others else 0.0
        recall = max(float((point.pieces @ answer.pieces.T).max(axis=1).mean()) for answer in answers)
        result.append(Similarity(float(by_sentence[n, best]), float(by_paragraph[n].max()), best, specificity, recall))
    return result


def figures(coverage: float, similarity: Similarity) -> dict[str, float]:
    return {"coverage": coverage, "sentence_similarity": similarity.sentence,
            "paragraph_similarity": similarity.paragraph, "specificity": similarity.specificity,
            "word_recall": similarity.word_recall}


def confidence(probability: float, unanswered: bool) -> float:
    """How sure the decision is, as 0.5 (a coin toss) to 0.99: the probability of what was decided
    (0.5 for a point flagged between the threshold and one half: a call made for the resident's sake)."""
    return round(min(0.99, max(0.5, probability if unanswered else 1 - probability)), 2)
