"""The real service for the tests: `responsecheck serve` in a subprocess on a free loopback port.

One server for the whole session (starting it loads the model and forks the workers), with a token,
a 1 MB request limit and a time limit a one-page letter meets easily but a 75-page one does not.
Its log goes to a file the tests read, to show what the service writes about a letter.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

TOKEN = "test-token-7f3a"
TIME_LIMIT = 8.0


@dataclass
class Server:
    url: str
    log: Path
    process: subprocess.Popen

    def client(self, token: str | None = TOKEN, timeout: float = 60) -> httpx.Client:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        return httpx.Client(base_url=self.url, headers=headers, timeout=timeout)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(log: Path, *args: str, env: dict[str, str] | None = None) -> Server:
    """Start `responsecheck serve` and wait until /healthz answers (or fail with its log)."""
    port = free_port()
    command = [sys.executable, "-m", "responsecheck.cli", "serve", "--port", str(port), "--no-config", *args]
    with log.open("wb") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, env={**os.environ, **(env or {})})
    server = Server(f"http://127.0.0.1:{port}", log, process)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"the server stopped at start: {log.read_text()}")
        try:
            if httpx.get(f"{server.url}/healthz", timeout=1).status_code == 200:
                return server
        except httpx.TransportError:
            time.sleep(0.2)
    stop_server(server)
    pytest.fail(f"the server did not answer within 120 s: {log.read_text()}")


def stop_server(server: Server) -> None:
    server.process.terminate()
    try:
        server.process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        server.process.kill()
        server.process.wait()


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    log = tmp_path_factory.mktemp("serve") / "server.log"
    running = start_server(log, "--workers", "2", "--max-mb", "1", "--time-limit", str(TIME_LIMIT),
                           env={"RESPONSECHECK_TOKEN": TOKEN})
    yield running
    stop_server(running)
