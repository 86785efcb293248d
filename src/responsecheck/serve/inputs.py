"""What a request may carry: the letter (an upload, text or base64 .docx) and the options, validated.

Both request shapes (multipart upload and JSON) end in the same Job, with the same options the CLI
takes: profile, stage, fail_on and the case metadata (received, acknowledged, letter_date,
extension_days, and the complaint as complaint_text or complaint_points; a case system may send
more keys, such as its case reference, which are ignored).
Any problem is a BadRequest with one sentence naming the field; no letter text is ever quoted.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import replace

from fastapi import Request
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException as StarletteHTTPException
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from ..errors import ResponsecheckError
from ..options import CaseFile, CheckOptions, FailOn
from ..readers.text_reader import is_utf8_text
from .pool import Job, Want

CASE_FIELDS = ("received", "acknowledged", "letter_date", "extension_days", "complaint_text")


class BadRequest(ResponsecheckError):
    """The request itself is malformed (not the letter): a missing field, bad JSON, a bad value."""

    kind = "bad_request"
    exit_code = 2
    http_status = 422


class UnsupportedMedia(BadRequest):
    kind = "unsupported_media_type"
    http_status = 415


class CheckParams(BaseModel):
    """Options for one check, as in `responsecheck check`."""

    model_config = ConfigDict(extra="forbid")
    profile: str | None = Field(None, pattern="^(hos|spso|psow)$", description="hos, spso or psow; detected if not given")
    stage: int | None = Field(None, ge=1, le=2, description="1 or 2; detected if not given")
    fail_on: FailOn = Field("error", description="lowest severity that makes send_ok false")
    case: CaseFile = Field(default_factory=CaseFile, description="case dates from the case system (other keys ignored)")


class CheckRequest(CheckParams):
    """A JSON request: the letter as `text` or as `docx_base64`, and the options."""

    name: str = Field("letter", max_length=255, description="the file name the report shows")
    text: str | None = Field(None, description="the letter as plain text")
    docx_base64: str | None = Field(None, description="the .docx file, base64-encoded")

    @model_validator(mode="after")
    def _one_letter(self) -> CheckRequest:
        if (self.text is None) == (self.docx_base64 is None):
            raise ValueError("give the letter as exactly one of text or docx_base64")
        return self


class MultipartForm(CheckParams):
    """The fields of a multipart upload besides `file`: the options, with case dates flat or as JSON."""

    @model_validator(mode="before")
    @classmethod
    def _case_fields(cls, data: dict) -> dict:
        """Flat case fields win over the `case` JSON, as the CLI's options win over --case."""
        data = dict(data)
        case = data.get("case") or "{}"
        if isinstance(case, str):
            case = _json_value(case, "the case field")
        if not isinstance(case, dict):
            raise ValueError("the case field must be a JSON object")
        for key in CASE_FIELDS:
            value = data.pop(key, None)
            if value not in (None, ""):
                case[key] = value
        data["case"] = case
        return {k: v for k, v in data.items() if v not in (None, "")}


def _json_value(text: str | bytes, what: str) -> object:
    """JSON parsed, and text throughout; else a ValueError saying why, naming `what` (the body or a field).
    Bad JSON or UTF-8, a number of over 4,300 digits and arrays nested too deep fail to parse; a lone
    surrogate escape ("\\ud800", text cut in the middle of a UTF-16 pair) parses but is not text, and broke
    the check later (UnicodeEncodeError, a 500)."""
    try:
        value = json.loads(text)
        text_throughout = is_utf8_text(json.dumps(value, ensure_ascii=False))
    except (ValueError, RecursionError):
        raise ValueError(f"{what} is not valid JSON") from None
    if not text_throughout:
        raise ValueError(f"{what} holds a \\u escape that is not a character (a lone surrogate such as \\ud800); "
                         "send the text as UTF-8")
    return value


def _first_error(error: ValidationError) -> BadRequest:
    first = error.errors()[0]
    where = ".".join(str(p) for p in first["loc"])
    message = str(first["msg"]).removeprefix("Value error, ")
    return BadRequest(f"Invalid request{f' at {where}' if where else ''}: {message}.")


def _options(params: CheckParams, base: CheckOptions) -> CheckOptions:
    return replace(base, profile=params.profile, stage=params.stage, fail_on=params.fail_on,  # type: ignore[arg-type]
                   received=params.case.received, acknowledged=params.case.acknowledged,
                   letter_date=params.case.letter_date, extension_days=params.case.extension_days,
                   complaint_text=params.case.complaint_text, complaint_points=tuple(params.case.complaint_points))


async def read_job(request: Request, base: CheckOptions, want: Want) -> Job:
    """The Job a request asks for; BadRequest (or an HTTP 415) for anything malformed."""
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type == "multipart/form-data":
        return await _multipart_job(request, base, want)
    if content_type == "application/json":
        return _json_job(await request.body(), base, want)
    raise UnsupportedMedia("Send the letter as multipart/form-data (field `file`) or as application/json.")


async def _multipart_job(request: Request, base: CheckOptions, want: Want) -> Job:
    try:
        form = await request.form(max_files=1, max_fields=20)
    except StarletteHTTPException as error:  # Starlette's 400 for a malformed body, too many files or fields
        raise BadRequest(f"The upload is not a form this service reads: {str(error.detail).rstrip('.')}.") from None
    upload = form.get("file")
    if not isinstance(upload, UploadFile):
        raise BadRequest("The upload has no file: send the letter in the multipart field `file`.")
    fields = {key: value for key, value in form.multi_items() if key != "file"}
    if any(not isinstance(value, str) for value in fields.values()):
        raise BadRequest("Only one file may be sent, in the field `file`; the other fields are plain values.")
    try:
        params = MultipartForm.model_validate(fields)
    except ValidationError as error:
        raise _first_error(error) from None
    data = await upload.read()
    await upload.close()
    return Job(name=_safe_name(upload.filename or "letter.docx"), options=_options(params, base), want=want, data=data)


def _json_job(body: bytes, base: CheckOptions, want: Want) -> Job:
    try:
        payload = _json_value(body, "The request body")
    except ValueError as error:
        raise BadRequest(f"{error}.") from None
    try:
        params = CheckRequest.model_validate(payload)
    except ValidationError as error:
        raise _first_error(error) from None
    options = _options(params, base)
    if params.text is not None:
        if want == "docx":
            raise UnsupportedMedia("Only a .docx can be annotated: send it as docx_base64 or as a file upload.")
        return Job(name=_safe_name(params.name), options=options, want=want, text=params.text)
    try:
        data = base64.b64decode(params.docx_base64 or "", validate=True)
    except (binascii.Error, ValueError):
        raise BadRequest("docx_base64 is not valid base64.") from None
    name = params.name if params.name.lower().endswith(".docx") else f"{params.name}.docx"
    return Job(name=_safe_name(name), options=options, want=want, data=data)


def _safe_name(name: str) -> str:
    """The file's own name only (no folders), for the report and the download."""
    return name.replace("\\", "/").rsplit("/", 1)[-1][:255] or "letter"
