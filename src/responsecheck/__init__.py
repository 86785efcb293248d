"""responsecheck: check a draft complaint response letter before it is sent.

The public API is small: `check()` one letter into a `Report`; read the JSON Schema of the report
with `json_schema()`; catch `ResponsecheckError` (its `exit_code` is what the CLI returns).
"""

from typing import TYPE_CHECKING, Any

from .errors import InputError, ResponsecheckError
from .options import CheckOptions
from .report import SCHEMA_VERSION, Finding, Report, json_schema

if TYPE_CHECKING:
    from .api import check, error_report

__all__ = ["check", "error_report", "CheckOptions", "Report", "Finding", "json_schema", "SCHEMA_VERSION",
           "ResponsecheckError", "InputError"]
__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    """`check` and `error_report` bring spaCy with them, so they are imported on first use: the
    command line sets the garbage collector up before spaCy starts (cli.py)."""
    if name in ("check", "error_report"):
        from . import api

        return getattr(api, name)
    raise AttributeError(f"module 'responsecheck' has no attribute {name!r}")
