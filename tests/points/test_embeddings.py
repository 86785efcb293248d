"""The sentence encoder: the exported model gives sentence-transformers' vectors, turns off cleanly,
and a broken file is one clear error. Needs the embeddings extra (the set-up installs it)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from responsecheck.cli import main
from responsecheck.points import embeddings

REFERENCE = json.loads((Path(__file__).parents[1] / "fixtures" / "minilm-reference.json").read_text())
pytestmark = pytest.mark.skipif(embeddings.encoder() is None, reason="the embeddings extra is not installed")


@pytest.fixture()
def fresh_encoder():
    embeddings.encoder.cache_clear()
    yield
    embeddings.encoder.cache_clear()


def test_vectors_match_sentence_transformers() -> None:
    """8-bit weights move each vector a little (the scorer is fitted on these, not the full model's)."""
    vectors = embeddings.encoder().encode(REFERENCE["sentences"])
    reference = np.array(REFERENCE["vectors"], dtype=np.float32)
    assert vectors.shape == reference.shape
    assert (vectors * reference).sum(axis=1).min() > 0.95
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_a_paraphrase_is_closer_than_another_topic() -> None:
    apology, paraphrase, bins, _ = embeddings.encoder().encode(REFERENCE["sentences"])
    assert apology @ paraphrase > 0.7 > apology @ bins


def test_a_text_has_the_same_vector_whatever_comes_with_it() -> None:
    """With 8-bit weights a batch would share one scale: a text's vector must not depend on the others."""
    texts = REFERENCE["sentences"]
    together = embeddings.encoder().encode(texts[::-1])
    alone = embeddings.encoder().encode([texts[1]])
    assert np.array_equal(together[2], alone[0])
    assert embeddings.encoder().encode([]).shape == (0, embeddings.DIMENSIONS)


def test_off_means_no_encoder(monkeypatch, fresh_encoder) -> None:
    monkeypatch.setenv(embeddings.PATH_VARIABLE, "off")
    assert embeddings.encoder() is None


def test_a_missing_model_file_means_no_encoder(monkeypatch, tmp_path, fresh_encoder) -> None:
    monkeypatch.setenv(embeddings.PATH_VARIABLE, str(tmp_path / "absent.onnx"))
    assert embeddings.encoder() is None


def test_a_broken_model_file_is_one_clear_error(monkeypatch, tmp_path, fresh_encoder) -> None:
    broken = tmp_path / "broken.onnx"
    broken.write_bytes(b"not a model")
    monkeypatch.setenv(embeddings.PATH_VARIABLE, str(broken))
    letter = tmp_path / "letter.txt"
    letter.write_text("Dear Ms Lee\n\nWe have repaired the gate.\n\nYours sincerely\n\nA Officer\n")
    result = CliRunner().invoke(main, ["check", str(letter), "--point", "The gate is broken"])
    assert result.exit_code == embeddings.EmbeddingsBroken.exit_code
    assert "cannot be loaded" in result.output and "Traceback" not in result.output


def test_build_exports_a_model_that_gives_the_reference_vectors(tmp_path, monkeypatch, fresh_encoder) -> None:
    """The set-up step itself, into a new place (about 7 s: it runs torch's exporter)."""
    target = tmp_path / "model.onnx"
    result = CliRunner().invoke(main, ["build-embeddings", "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert target.exists() and not target.with_suffix(".partial").exists()
    installed = embeddings.encoder().encode(REFERENCE["sentences"])
    monkeypatch.setenv(embeddings.PATH_VARIABLE, str(target))
    embeddings.encoder.cache_clear()
    built = embeddings.encoder().encode(REFERENCE["sentences"])
    assert (built * np.array(REFERENCE["vectors"])).sum(axis=1).min() > 0.95
    # the export is reproducible: the scorer's weights were fitted on the same vectors
    assert np.allclose(built, installed, atol=1e-5)
