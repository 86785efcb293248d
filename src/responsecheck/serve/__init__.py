"""`responsecheck serve`: the checks as an HTTP service for case management systems and handlers.

The model loads once, in this process; workers are forked from it (pool.py) before the web server
starts, so every check runs on an already-loaded pipeline.
"""

from __future__ import annotations

import logging

from ..options import CheckOptions
from .app import Settings, create_app
from .pool import CheckPool
from .security import refuse_open_service


def run(host: str, port: int, *, workers: int, token: str | None, max_bytes: int, time_limit: float,
        options: CheckOptions) -> None:
    """Start the workers, then serve until stopped (SIGINT/SIGTERM stop the workers too)."""
    import uvicorn

    refuse_open_service(host, token)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    pool = CheckPool(workers=workers, time_limit=time_limit, options=options)
    pool.start()
    app = create_app(pool, Settings(token=token, max_bytes=max_bytes, options=options))
    logging.getLogger("responsecheck.serve").info(
        "serving on %s:%d with %d workers, %s", host, port, workers, "token required" if token else "no token (loopback)")
    uvicorn.run(app, host=host, port=port, log_config=None, access_log=False, server_header=False)


__all__ = ["run", "create_app", "CheckPool", "Settings"]
