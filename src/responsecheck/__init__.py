"""responsecheck: check a draft complaint response letter before it is sent.

The public API is small: `check()` one letter into a `Report`; read the JSON Schema of the report
with `json_schema()`; catch `ResponsecheckError` (its `exit_code` is what the CLI returns).
"""

from .api import check, error_report
from .errors import InputError, ResponsecheckError
from .options import CheckOptions
from .report import SCHEMA_VERSION, Finding, Report, json_schema

__all__ = ["check", "error_report", "CheckOptions", "Report", "Finding", "json_schema", "SCHEMA_VERSION",
           "ResponsecheckError", "InputError"]
__version__ = "0.1.0"
