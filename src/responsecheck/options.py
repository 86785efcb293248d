"""What a caller can ask of one check run (the CLI, the HTTP service and the sampler all build this)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from .config import HouseStyle

FailOn = Literal["error", "warning", "suggestion", "never"]


@dataclass(frozen=True)
class CheckOptions:
    profile: str | None = None
    stage: Literal[1, 2] | None = None
    fail_on: FailOn = "error"
    config: HouseStyle | None = None
    """House style and suppressions (.responsecheck.yaml), applied before scoring."""
