"""Shared fixtures: one loaded pipeline for the whole session, as in production."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def nlp():
    from responsecheck import nlp as nlp_module

    return nlp_module.load()
