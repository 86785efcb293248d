"""The HTTP service: FastAPI routes over the worker pool, with the same report as the CLI.

Routes: POST /v1/check (the report JSON, or ?format=html for the HTML page), POST /v1/annotate
(the annotated .docx), GET /v1/rules (what is checked, the profiles and the limits in force),
GET /healthz, GET / (a small upload page for handlers), /openapi.json, /docs and /redoc.

Every response carries an X-Request-ID (the caller's own, if it sent a plain one). One log line per request holds only that id, the route,
the body size, the status, the time taken and the verdict: never the letter's text or name. Every
failure is a JSON body `{"error": {"kind", "message", "exit_code"}}` with the HTTP status carried
by the error class (errors.py), never a traceback.
"""

from __future__ import annotations

import logging
import re
import time
import uuid
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any, Literal
from urllib.parse import quote

from fastapi import Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi_offline import FastAPIOffline
from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.formparsers import MultiPartParser

from .. import nlp as nlp_module
from ..checks import CHECKS
from ..errors import InputTooLarge, ResponsecheckError
from ..options import MAX_POINTS, CheckOptions
from ..profiles import all_profiles
from ..render.names import ELEMENT_NAMES
from ..report import SCHEMA_VERSION
from .inputs import CheckRequest, read_job
from .pool import CheckPool
from .security import BearerToken

log = logging.getLogger("responsecheck.serve")
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
#: A case system's own request id is kept (to match its logs with ours) when it is this plain.
_REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")


@dataclass(frozen=True)
class Settings:
    token: str | None = None
    max_bytes: int = 10 * 1024 * 1024
    options: CheckOptions = field(default_factory=CheckOptions)
    """The base options of every check (the house style); requests add profile, stage and case dates."""


def _error_body(kind: str, message: str, exit_code: int | None = None) -> dict[str, Any]:
    return {"error": {"kind": kind, "message": message, "exit_code": exit_code}}


class Guard:
    """Outermost ASGI layer: request id, body size limit, one log line, and no traceback ever sent.

    The size is checked on Content-Length and again on the bytes actually received (a chunked body
    has no length), so a client cannot make the server hold more than the limit in memory.
    """

    def __init__(self, app: Any, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        given = dict(scope["headers"]).get(b"x-request-id", b"").decode("latin-1")
        request_id = given if _REQUEST_ID.fullmatch(given) else uuid.uuid4().hex[:12]
        state = scope.setdefault("state", {})
        state["request_id"] = request_id
        started = time.perf_counter()
        seen = {"bytes": 0, "status": 0}
        limit_text = f"{self.max_bytes / (1024 * 1024):g} MB"

        async def send_with_id(message: dict) -> None:
            if message["type"] == "http.response.start":
                seen["status"] = message["status"]
                message.setdefault("headers", [])
                message["headers"] = [*message["headers"], (b"x-request-id", request_id.encode())]
            await send(message)

        async def counted_receive() -> dict:
            message = await receive()
            if message["type"] == "http.request":
                seen["bytes"] += len(message.get("body", b""))
                if seen["bytes"] > self.max_bytes:
                    raise InputTooLarge(f"The request is larger than this service's limit of {limit_text}.")
            return message

        length = dict(scope["headers"]).get(b"content-length", b"")
        try:
            if length and (not length.isdigit() or int(length) > self.max_bytes):
                seen["bytes"] = int(length) if length.isdigit() else 0
                state["verdict"] = "too_large"
                body = _error_body("too_large", f"The request is larger than this service's limit of {limit_text}.",
                                   InputTooLarge.exit_code)
                await JSONResponse(body, status_code=413)(scope, receive, send_with_id)
            else:
                await self.app(scope, counted_receive, send_with_id)
        except Exception as error:  # noqa: BLE001 - the last line of defence: a clean 500, no traceback
            log.error("request id=%s failed with %s", request_id, type(error).__name__)
            if not seen["status"]:
                message = (f"Something went wrong on the server (request {request_id}); the letter was not checked. "
                           "Try again, or give the request id to the service's administrator.")
                await JSONResponse(_error_body("internal", message), status_code=500)(scope, receive, send_with_id)
        finally:
            log.info("request id=%s %s %s bytes=%d status=%d ms=%.0f verdict=%s", request_id, scope["method"],
                     scope["path"], seen["bytes"], seen["status"], (time.perf_counter() - started) * 1000,
                     state.get("verdict", "-"))


def create_app(pool: CheckPool, settings: Settings) -> FastAPI:
    """The application: routes over `pool`, which the caller started (and which closes on shutdown)."""
    # Uploads stay in memory (letters hold personal data): no temporary file for anything under the limit.
    MultiPartParser.spool_max_size = max(MultiPartParser.spool_max_size, settings.max_bytes + 1)

    @asynccontextmanager
    async def lifespan(_: FastAPI):
        yield
        pool.close()

    # The API docs (/docs, /redoc) with their scripts served from the package, not a CDN.
    app = FastAPIOffline(title="responsecheck", version=SCHEMA_VERSION, lifespan=lifespan,
                  description="Checks a draft complaint response letter before it is sent. "
                              "Send `Authorization: Bearer <token>` to every /v1 route when the service has a token.")
    auth = Depends(BearerToken(settings.token))
    _exception_handlers(app)

    @app.get("/healthz", tags=["service"])
    async def healthz() -> dict[str, Any]:
        """Whether the service is up, the model it runs and its number of workers (no token needed)."""
        return {"status": "ok", "model": nlp_module.model_name(nlp_module.load()), "workers": pool.workers}

    @app.post("/v1/check", tags=["check"], dependencies=[auth], openapi_extra=_request_body(),
              responses={200: {"description": "The report (schema/report.schema.json); `send_ok` is the verdict.",
                               "content": {"text/html": {}}}})
    async def check(request: Request,
                    fmt: Literal["json", "html"] = Query("json", alias="format",
                                                         description="json: the report; html: the report page")
                    ) -> Response:
        """Check one letter; the report is the same as `responsecheck check --format json` prints."""
        job = await read_job(request, settings.options, want=fmt)
        outcome = await pool.run(job)
        request.state.verdict = "send_ok" if outcome.send_ok else "do_not_send"
        if fmt == "html":
            return HTMLResponse(outcome.html)
        return Response(outcome.report_json, media_type="application/json")

    @app.post("/v1/annotate", tags=["check"], dependencies=[auth], openapi_extra=_request_body(),
              responses={200: {"description": "The .docx with a Word comment on each finding.",
                               "content": {DOCX_TYPE: {}}}}, response_class=Response)
    async def annotate(request: Request) -> Response:
        """Return a copy of a .docx draft with a Word comment on each finding (the verdict in the headers)."""
        job = await read_job(request, settings.options, want="docx")
        outcome = await pool.run(job)
        request.state.verdict = "send_ok" if outcome.send_ok else "do_not_send"
        stem = job.name[:-5] if job.name.lower().endswith(".docx") else job.name
        filename = f"{stem}.checked.docx"
        return Response(outcome.docx, media_type=DOCX_TYPE, headers={
            "Content-Disposition": f"attachment; filename=\"checked.docx\"; filename*=UTF-8''{quote(filename)}",
            "X-Responsecheck-Send-Ok": str(outcome.send_ok).lower(),
            "X-Responsecheck-Rating": str(outcome.rating),
            "X-Responsecheck-Score": str(outcome.score),
        })

    @app.get("/v1/rules", tags=["service"], dependencies=[auth])
    async def rules() -> dict[str, Any]:
        """What is checked: the profiles with the elements each stage requires, the checks, the limits."""
        config = settings.options.config
        return {
            "schema_version": SCHEMA_VERSION,
            "profile_in_force": "the request's profile, else the one detected from the letter",
            "fail_on_default": "error",
            "house_style": config.path if config is not None else None,
            "profiles": [_profile_summary(profile) for profile in all_profiles()],
            "elements": ELEMENT_NAMES,
            "checks": [name for name, _ in CHECKS],
            "limits": {"max_bytes": settings.max_bytes, "time_limit_seconds": pool.time_limit,
                       "workers": pool.workers},
        }

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    async def page() -> HTMLResponse:
        """The upload page for handlers whose case system does not call the service."""
        template = _templates().get_template("serve_page.html.j2")
        return HTMLResponse(template.render(needs_token=settings.token is not None,
                                            max_mb=f"{settings.max_bytes / (1024 * 1024):g}", max_points=MAX_POINTS))

    _document_request_models(app)
    app.add_middleware(Guard, max_bytes=settings.max_bytes)
    return app


def _exception_handlers(app: FastAPI) -> None:
    @app.exception_handler(ResponsecheckError)
    async def known_error(request: Request, error: ResponsecheckError) -> JSONResponse:
        request.state.verdict = error.kind
        return JSONResponse(_error_body(error.kind, error.message, error.exit_code), status_code=error.http_status)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException) -> JSONResponse:
        request.state.verdict = f"http_{error.status_code}"
        return JSONResponse(_error_body("http", str(error.detail)), status_code=error.status_code,
                            headers=getattr(error, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, error: RequestValidationError) -> JSONResponse:
        first = error.errors()[0]
        where = ".".join(str(p) for p in first.get("loc", ()))
        request.state.verdict = "bad_request"
        return JSONResponse(_error_body("bad_request", f"Invalid request at {where}: {first.get('msg')}."),
                            status_code=422)


def _profile_summary(profile: Any) -> dict[str, Any]:
    return {
        "id": profile.id, "name": profile.name, "ombudsman": profile.ombudsman.name,
        "stage_names": profile.stage_names,
        "required": {stage: {element: requirement.model_dump() for element, requirement in elements.items()}
                     for stage, elements in profile.stages.items()},
        "timescales": profile.timescales.model_dump(exclude={"source"}),
    }


def _request_body() -> dict[str, Any]:
    """The two request shapes of /v1/check and /v1/annotate, for the OpenAPI document."""
    form_fields = {name: {"type": "string"} for name in
                   ("profile", "stage", "fail_on", "received", "acknowledged", "letter_date", "extension_days")}
    return {"requestBody": {"required": True, "content": {
        "multipart/form-data": {"schema": {
            "type": "object", "required": ["file"],
            "properties": {"file": {"type": "string", "format": "binary"}, **form_fields,
                           "case": {"type": "string", "description": "case metadata as JSON"}}}},
        "application/json": {"schema": {"$ref": "#/components/schemas/CheckRequest"}},
    }}}


def _document_request_models(app: FastAPI) -> None:
    """Add the JSON request model (read by hand, to accept two content types) to the OpenAPI components."""
    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
            request_schema = CheckRequest.model_json_schema(ref_template="#/components/schemas/{model}")
            components = schema.setdefault("components", {}).setdefault("schemas", {})
            components.update(request_schema.pop("$defs", {}))
            components["CheckRequest"] = request_schema
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def _templates() -> Environment:
    return Environment(loader=PackageLoader("responsecheck", "templates"), autoescape=select_autoescape())
