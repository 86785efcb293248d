"""Errors a user can act on, each carrying the exit code the CLI returns for it.

Like click and httpx, the exit code lives on the exception class, so every door (CLI, HTTP
service, batch sampler) reports the same failure the same way and no caller maps codes by hand.
Messages are one plain sentence saying what is wrong and what to do; they never quote the letter.
The HTTP service reads `http_status` the same way.
"""

from __future__ import annotations


class ResponsecheckError(Exception):
    """Base class: a problem with what we were given, not a bug in responsecheck."""

    exit_code = 10
    kind = "error"
    http_status = 400

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InputError(ResponsecheckError):
    """The letter could not be read; no check ran on it."""

    exit_code = 3
    kind = "unreadable"


class InputNotFound(InputError):
    exit_code = 3
    kind = "not_found"


class UnsupportedFormat(InputError):
    """A file we recognise but cannot read: legacy .doc, encrypted .docx, macro files, PDFs."""

    exit_code = 4
    http_status = 415
    kind = "unsupported_format"


class EncryptedDocument(UnsupportedFormat):
    kind = "encrypted"


class CorruptDocument(InputError):
    exit_code = 5
    http_status = 422
    kind = "corrupt"


class EmptyLetter(InputError):
    exit_code = 6
    http_status = 422
    kind = "empty"


class InputTooLarge(InputError):
    exit_code = 7
    http_status = 413
    kind = "too_large"


class CheckFailed(ResponsecheckError):
    """A check broke on one letter of a batch (a bug); the letter is reported as not checked."""

    exit_code = 10
    kind = "check_failed"
    http_status = 500


class RulesError(ResponsecheckError):
    """A rules, profile or configuration file is invalid; fix the file named in the message."""

    exit_code = 8
    kind = "invalid_rules"
    http_status = 500


class ManifestError(ResponsecheckError):
    """The sampler's manifest (CSV of cases) is invalid; the message names the file and the row."""

    exit_code = 11
    kind = "invalid_manifest"


class HistoryError(ResponsecheckError):
    """The QA history database cannot be opened, read or written."""

    exit_code = 12
    kind = "history"


EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
