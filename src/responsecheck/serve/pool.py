"""The worker pool: checks run in separate processes, each with a hard time limit.

A check is CPU-bound (the spaCy parse and the element Matcher), so threads would queue behind the
GIL; processes let the two cores of a small server work at once, and a letter that takes too long
is stopped by killing its worker (pebble replaces it), so one slow letter never stalls the others.

Workers are forked from the server process after it has loaded the model and checked one letter,
with the garbage collector's objects frozen first: the pipeline, the rules and the compiled
patterns are then shared copy-on-write pages rather than a copy per worker.

Jobs carry the letter as bytes or text and return the report as plain data: nothing is written to
disk, and no letter text is logged here.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import gc
import multiprocessing
import os
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass, replace
from typing import Literal

from pebble import ProcessPool

from .. import api
from ..errors import ResponsecheckError, UnsupportedFormat
from ..options import CheckOptions
from ..readers import read_bytes, read_text_input
from ..render.docx_annotate import annotate
from ..render.html import render_html
from ..report import Report

Want = Literal["json", "html", "docx"]

#: A short letter every worker is warmed with, so rules and patterns load before the first request.
WARM_LETTER = ("Stage 1 response to your complaint\n\nDear Ms Example,\n\nThank you for your complaint. "
               "We uphold your complaint and apologise. We will repair the window by 3 March 2026.\n\n"
               "Yours sincerely,\n\nA Manager")


class CheckTimedOut(ResponsecheckError):
    """The check ran past the time limit; its worker was stopped and replaced."""

    exit_code = 10
    kind = "timeout"
    http_status = 504


class PoolBusy(ResponsecheckError):
    """More letters are waiting than the server accepts at once; the caller should retry shortly."""

    kind = "busy"
    http_status = 503


@dataclass(frozen=True)
class Job:
    """One letter and what the caller wants back. Exactly one of data and text is set."""

    name: str
    options: CheckOptions
    want: Want = "json"
    data: bytes | None = None
    text: str | None = None


@dataclass(frozen=True)
class Outcome:
    """What a worker sends back: the report's JSON (encoded in the worker, so the server process,
    which shares the cores, does no encoding), its verdict, and the page or the Word copy if asked for."""

    report_json: bytes
    send_ok: bool
    rating: str | None
    score: int | None
    html: str | None = None
    docx: bytes | None = None


#: Warms every path a request can take: case dates (bank holidays), a complaint's points (the sentence
#: encoder, when installed, is loaded before the fork, so the workers share it) and the HTML page.
WARM_JOB = Job(name="warm-up.txt", options=CheckOptions(received=dt.date(2026, 3, 2),
                                                         complaint_points=("The window will not close",)),
               want="html", text=WARM_LETTER)


def run_job(job: Job) -> Outcome:
    """Check one letter in a worker process (also used to warm the server before forking)."""
    letter = read_text_input(job.text, job.name) if job.text is not None else read_bytes(job.data or b"", job.name)
    if job.want == "docx" and letter.format != "docx":
        raise UnsupportedFormat(f"{job.name} is not a Word document, so there is nothing to annotate; "
                                "ask /v1/check?format=html for a page with every finding marked.")
    report: Report = api.check(letter, options=job.options)
    html = render_html(report, letter) if job.want == "html" else None
    docx = (annotate(job.data or b"", job.name, report, "POST the draft to /v1/check?format=html").data
            if job.want == "docx" else None)
    return Outcome(report.model_dump_json().encode(), report.send_ok, report.rating, report.score, html, docx)


def default_workers() -> int:
    """One worker per core this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


class CheckPool:
    """A fixed number of forked workers, a per-letter time limit and a bound on letters waiting."""

    def __init__(self, workers: int, time_limit: float, max_waiting: int | None = None,
                 max_tasks: int = 1000, options: CheckOptions | None = None) -> None:
        self.workers = workers
        self.time_limit = time_limit
        self.max_waiting = max_waiting if max_waiting is not None else workers * 8
        self._in_flight = 0
        # Load the model, every lazily built rule table, the house style and the grammar server's
        # probe in this process, then freeze what the collector tracks so forked workers do not
        # dirty the shared pages by collecting them.
        self._warm = replace(WARM_JOB, options=replace(options or CheckOptions(), received=WARM_JOB.options.received,
                                                       complaint_points=WARM_JOB.options.complaint_points))
        run_job(self._warm)
        gc.collect()
        gc.freeze()
        self._pool = ProcessPool(max_workers=workers, max_tasks=max_tasks,
                                 context=multiprocessing.get_context("fork"))

    def start(self) -> None:
        """Fork the workers now (before the web server starts its threads) and wait until they answer."""
        for future in [self._pool.schedule(run_job, args=(self._warm,)) for _ in range(self.workers)]:
            future.result()

    async def run(self, job: Job) -> Outcome:
        """Run a job in a worker; PoolBusy when too many wait, CheckTimedOut past the time limit."""
        if self._in_flight >= self.workers + self.max_waiting:
            raise PoolBusy(f"The server is checking {self._in_flight} letters already; try again in a few seconds.")
        self._in_flight += 1
        try:
            future = self._pool.schedule(run_job, args=(job,), timeout=self.time_limit)
            try:
                return await asyncio.wrap_future(future)
            except FutureTimeout:
                raise CheckTimedOut(f"The check took longer than {self.time_limit:g} seconds and was stopped; "
                                    "the letter may be far longer than a letter usually is.") from None
            except asyncio.CancelledError:
                future.cancel()
                raise
        finally:
            self._in_flight -= 1

    def close(self) -> None:
        self._pool.stop()
        self._pool.join(timeout=5)
