"""The worker pool on its own: forked workers, the bound on waiting letters, and what comes back."""

from __future__ import annotations

import asyncio
import io
import json
from pathlib import Path

import docx
import pytest

from responsecheck.errors import UnsupportedFormat
from responsecheck.options import CheckOptions
from responsecheck.serve.pool import CheckPool, CheckTimedOut, Job, PoolBusy

DRAFT = Path(__file__).resolve().parents[2] / "corpora" / "sample" / "draft-stage1.docx"
LONG = "We will repair the window by 3 March 2026. " * 5800


@pytest.fixture(scope="module")
def pool(nlp):
    running = CheckPool(workers=1, time_limit=3, max_waiting=0)
    running.start()
    yield running
    running.close()


def test_outcome_carries_report_page_and_copy(pool: CheckPool) -> None:
    page = asyncio.run(pool.run(Job(name="draft.docx", options=CheckOptions(), want="html", data=DRAFT.read_bytes())))
    copy = asyncio.run(pool.run(Job(name="draft.docx", options=CheckOptions(), want="docx", data=DRAFT.read_bytes())))
    report = json.loads(page.report_json)
    assert (report["send_ok"], report["rating"], report["score"]) == (page.send_ok, page.rating, page.score)
    assert page.html and "<h1>draft.docx</h1>" in page.html and page.docx is None
    assert any(c.author == "responsecheck" for c in docx.Document(io.BytesIO(copy.docx)).comments)


def test_plain_text_cannot_be_annotated(pool: CheckPool) -> None:
    with pytest.raises(UnsupportedFormat, match="not a Word document"):
        asyncio.run(pool.run(Job(name="reply.txt", options=CheckOptions(), want="docx", text="Dear Sir,\n\nThanks.")))


def test_letters_beyond_the_bound_are_turned_away_and_a_slow_one_is_stopped(pool: CheckPool) -> None:
    async def slow_then_another():
        slow = asyncio.ensure_future(pool.run(Job(name="long.txt", options=CheckOptions(), text=LONG)))
        await asyncio.sleep(0.1)
        with pytest.raises(PoolBusy, match="try again"):
            await pool.run(Job(name="reply.txt", options=CheckOptions(), text="Dear Sir,\n\nThanks."))
        with pytest.raises(CheckTimedOut, match="longer than 3 seconds"):
            await slow
        return await pool.run(Job(name="reply.txt", options=CheckOptions(), text="Dear Sir,\n\nThanks."))

    assert json.loads(asyncio.run(slow_then_another()).report_json)["file"] == "reply.txt"
