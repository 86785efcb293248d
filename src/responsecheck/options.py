"""What a caller can ask of one check run (the CLI, the HTTP service and the sampler all build this)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

FailOn = Literal["error", "warning", "suggestion", "never"]


@dataclass(frozen=True)
class CheckOptions:
    profile: str | None = None
    stage: Literal[1, 2] | None = None
    fail_on: FailOn = "error"
