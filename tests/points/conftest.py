"""Shared fixtures for the points check's tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from responsecheck.points import embeddings


@pytest.fixture()
def matcher_only(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The check as installed without the embeddings extra: the matcher decides alone."""
    monkeypatch.setenv(embeddings.FOLDER_VARIABLE, "off")
    embeddings.encoder.cache_clear()
    yield
    embeddings.encoder.cache_clear()
