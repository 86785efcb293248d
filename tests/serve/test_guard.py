"""The outermost layer on its own: an unexpected failure is a clean 500 and a log line without the letter."""

from __future__ import annotations

import asyncio
import logging

import httpx
import pytest

from responsecheck.serve.app import Guard


async def failing_app(scope, receive, send) -> None:
    raise ValueError("Dear Mrs Secretname, your rent account is in arrears")


def test_unexpected_error_is_a_clean_500_without_the_text(caplog: pytest.LogCaptureFixture) -> None:
    async def call() -> httpx.Response:
        transport = httpx.ASGITransport(app=Guard(failing_app, max_bytes=1000))
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            return await client.post("/v1/check", content=b"Dear Mrs Secretname")

    with caplog.at_level(logging.INFO, logger="responsecheck.serve"):
        response = asyncio.run(call())
    assert response.status_code == 500
    request_id = response.headers["x-request-id"]
    error = response.json()["error"]
    assert error["kind"] == "internal" and request_id in error["message"]
    assert "Traceback" not in response.text and "Secretname" not in response.text
    assert f"request id={request_id} failed with ValueError" in caplog.text
    assert "Secretname" not in caplog.text and "status=500" in caplog.text
