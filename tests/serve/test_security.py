"""Who may call the service: the token's sources, and no open service off this machine."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from responsecheck.cli import main
from responsecheck.serve.security import ServeConfigError, is_loopback, load_token, refuse_open_service


@pytest.mark.parametrize(("host", "loopback"), [("127.0.0.1", True), ("::1", True), ("localhost", True),
                                                 ("127.0.0.2", True), ("0.0.0.0", False), ("10.1.2.3", False),
                                                 ("::", False), ("example.org", False)])
def test_is_loopback(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_token_file_wins_over_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RESPONSECHECK_TOKEN", " from-env \n")
    assert load_token(None) == "from-env"
    token_file = tmp_path / "token"
    token_file.write_text("from-file\n")
    assert load_token(token_file) == "from-file"
    monkeypatch.delenv("RESPONSECHECK_TOKEN")
    assert load_token(None) is None


@pytest.mark.parametrize("content", [None, "  \n"])
def test_missing_or_empty_token_file_is_refused(tmp_path: Path, content: str | None) -> None:
    token_file = tmp_path / "token"
    if content is not None:
        token_file.write_text(content)
    with pytest.raises(ServeConfigError, match="token file"):
        load_token(token_file)


def test_network_address_needs_a_token() -> None:
    refuse_open_service("127.0.0.1", None)
    refuse_open_service("0.0.0.0", "secret")
    with pytest.raises(ServeConfigError, match="Refusing to listen on 0.0.0.0 without a token"):
        refuse_open_service("0.0.0.0", None)


def test_serve_command_refuses_before_loading_anything(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("RESPONSECHECK_TOKEN", raising=False)
    result = CliRunner().invoke(main, ["serve", "--host", "0.0.0.0", "--no-config"])
    assert result.exit_code == 2
    assert "Refusing to listen on 0.0.0.0 without a token" in result.output
