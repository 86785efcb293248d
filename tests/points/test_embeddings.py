"""The sentence encoder: the exported model gives sentence-transformers' vectors, turns off cleanly,
a broken file is one clear error, and torch never loads. Needs the embeddings extra (the set-up
installs it and builds the model with scripts/build_embeddings.sh)."""

from __future__ import annotations

import json
import shutil
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
    monkeypatch.setenv(embeddings.FOLDER_VARIABLE, "off")
    assert embeddings.encoder() is None


def test_a_missing_model_file_means_no_encoder(monkeypatch, tmp_path, fresh_encoder) -> None:
    monkeypatch.setenv(embeddings.FOLDER_VARIABLE, str(tmp_path))
    assert embeddings.encoder() is None


def test_a_broken_model_file_is_one_clear_error(monkeypatch, tmp_path, fresh_encoder) -> None:
    (tmp_path / embeddings.MODEL_FILE).write_bytes(b"not a model")
    shutil.copyfile(embeddings.DEFAULT_FOLDER / embeddings.TOKENIZER_FILE, tmp_path / embeddings.TOKENIZER_FILE)
    monkeypatch.setenv(embeddings.FOLDER_VARIABLE, str(tmp_path))
    letter = tmp_path / "letter.txt"
    letter.write_text("Dear Ms Lee\n\nWe have repaired the gate.\n\nYours sincerely\n\nA Officer\n")
    result = CliRunner().invoke(main, ["check", str(letter), "--point", "The gate is broken"])
    assert result.exit_code == embeddings.EmbeddingsBroken.exit_code
    assert "cannot be loaded" in result.output and "Traceback" not in result.output


def test_a_check_never_imports_torch() -> None:
    """torch is for the one export, in its own environment: spaCy imports it whenever it is installed
    (185 MB more for every check), so the environment checks run in must not have it."""
    import subprocess
    import sys

    code = ("import sys; from responsecheck import CheckOptions, check; "
            "from responsecheck.readers import read_text_input; "
            "r = check(read_text_input('Dear Ms Lee\\n\\nWe repaired the gate on 2 May.\\n\\nYours sincerely\\n\\nA Officer\\n'), "
            "options=CheckOptions(complaint_points=('The gate is broken',))); "
            "assert r.metrics['complaint_points']['method'] == 'matcher+embeddings'; "
            "print('torch' in sys.modules, 'transformers' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["False", "False"]


def test_word_pieces_leave_out_special_tokens_and_punctuation() -> None:
    (read,) = embeddings.encoder().read(["We repaired the gate, on 2 May!"])
    assert read.pieces.shape == (7, embeddings.DIMENSIONS)  # we repaired the gate on 2 may
    assert np.allclose(np.linalg.norm(read.pieces, axis=1), 1.0, atol=1e-5)
    assert np.array_equal(read.vector, embeddings.encoder().encode(["We repaired the gate, on 2 May!"])[0])
