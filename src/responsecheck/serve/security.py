"""Who may call the service: one bearer token, and no unauthenticated service off this machine.

Letters hold residents' personal data, so a service reachable from the network must ask for a
token. The token comes from RESPONSECHECK_TOKEN or a file (a systemd credential or a mounted
secret), never from the command line where `ps` would show it.
"""

from __future__ import annotations

import ipaddress
import os
import secrets
from pathlib import Path

from fastapi import HTTPException, Request, status

TOKEN_ENV = "RESPONSECHECK_TOKEN"


class ServeConfigError(Exception):
    """The service must not start as asked (e.g. on a network address without a token)."""


def load_token(token_file: Path | None) -> str | None:
    """The token from the file if given, else from the environment; None when neither is set."""
    if token_file is not None:
        try:
            token = token_file.read_text(encoding="utf-8").strip()
        except OSError as error:
            raise ServeConfigError(f"Cannot read the token file {token_file}: {error.strerror or error}.") from None
        if not token:
            raise ServeConfigError(f"The token file {token_file} is empty; put the token on its first line.")
        return token
    return os.environ.get(TOKEN_ENV, "").strip() or None


def is_loopback(host: str) -> bool:
    """Whether `host` only accepts connections from this machine."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def refuse_open_service(host: str, token: str | None) -> None:
    """Refuse to listen beyond this machine without a token."""
    if token is None and not is_loopback(host):
        raise ServeConfigError(
            f"Refusing to listen on {host} without a token: set {TOKEN_ENV} or use --token-file, "
            "or listen on 127.0.0.1 only.")


class BearerToken:
    """A FastAPI dependency that lets a request through only with `Authorization: Bearer <token>`."""

    def __init__(self, token: str | None) -> None:
        self.token = token

    def __call__(self, request: Request) -> None:
        if self.token is None:
            return
        scheme, _, given = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not secrets.compare_digest(given.strip().encode(), self.token.encode()):
            raise HTTPException(status.HTTP_401_UNAUTHORIZED,
                                detail="A valid token is needed: send the header Authorization: Bearer <token>.",
                                headers={"WWW-Authenticate": "Bearer"})
