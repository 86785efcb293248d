"""The quick attribute ruler leaves every token exactly as the model's own attribute ruler does."""

from __future__ import annotations

from pathlib import Path

import numpy
import pytest
import spacy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG

from responsecheck import nlp as nlp_module
from responsecheck.readers import read_path

ROOT = Path(__file__).resolve().parents[1]

# Entities differ on purpose (entities.py); every other attribute must not.
ATTRIBUTES = [POS, MORPH, LEMMA, TAG, DEP, HEAD]
# Words the ruler's exceptions are about: contractions, pronouns, auxiliaries, 'there is', 'gonna'.
EXCEPTIONS = ("I'd have thought it ain't right: we're gonna fix it, y'all know that. Let's see. "
              "There is damp and there were leaks; she has done nothing, he does care and they'd "
              "said so. Somebody could've helped themselves. That is the one that I meant, "
              "but the one that was not repaired wasn't ours. C'mon, it's enough 'nuff.")
LETTERS = sorted((ROOT / "corpora" / "dev").glob("*.docx"))[::6] + sorted((ROOT / "corpora" / "language").glob("*.md"))[::6]


@pytest.fixture(scope="module")
def stock():
    """The model as it ships, with only our paragraph component added (both pipelines have it)."""
    name = next(n for n in nlp_module.MODEL_CANDIDATES if spacy.util.is_package(n))
    pipeline = spacy.load(name)
    pipeline.add_pipe("paragraph_breaks", before="parser")
    return pipeline


def test_the_model_ruler_is_replaced(nlp) -> None:
    assert "quick_attribute_ruler" in nlp.pipe_names and "attribute_ruler" not in nlp.pipe_names
    assert nlp.pipe_names.index("quick_attribute_ruler") < nlp.pipe_names.index("lemmatizer")


@pytest.mark.parametrize("text", [EXCEPTIONS] + [read_path(path).text for path in LETTERS],
                         ids=["exceptions"] + [path.name for path in LETTERS])
def test_same_attributes_as_the_model_ruler(nlp, stock, text: str) -> None:
    ours, theirs = nlp(text), stock(text)
    assert [t.text for t in ours] == [t.text for t in theirs]
    assert numpy.array_equal(ours.to_array(ATTRIBUTES), theirs.to_array(ATTRIBUTES))


def test_exceptions_do_apply(nlp) -> None:
    """The comparison above means something only if the exceptions actually fire."""
    doc = nlp("We're sure they'd have fixed it.")
    assert [t.lemma_ for t in doc[:2]] == ["we", "be"]
    assert doc[1].pos_ == "AUX" and doc[4].lemma_ in ("would", "have")
