"""The service over real HTTP: `responsecheck serve` on a loopback port, called with httpx."""

from __future__ import annotations

import base64
import concurrent.futures
import io
import json
import time
from pathlib import Path

import docx
import httpx
import jsonschema
import psutil
import pytest

from responsecheck import api
from responsecheck.options import CheckOptions

from .conftest import TIME_LIMIT, TOKEN, start_server, stop_server

ROOT = Path(__file__).resolve().parents[2]
DRAFT = ROOT / "corpora" / "sample" / "draft-stage1.docx"
BAD = ROOT / "tests" / "fixtures" / "bad"
SCHEMA = json.loads((ROOT / "schema" / "report.schema.json").read_text())
LETTER_TEXT = ("Stage 1 response to your complaint\n\nDear Mr Quillfeather,\n\nThank you for your complaint about "
               "the damp in your bedroom. We uphold your complaint and we are sorry. We will treat the wall by "
               "9 March 2026.\n\nYours sincerely,\n\nJo Bright\nComplaints Officer")


def test_check_upload_returns_the_cli_report(server, nlp) -> None:
    with server.client() as client:
        response = client.post("/v1/check", files={"file": ("draft-stage1.docx", DRAFT.read_bytes())})
    assert response.status_code == 200, response.text
    report = response.json()
    jsonschema.validate(report, SCHEMA)
    expected = api.check(DRAFT.read_bytes(), name="draft-stage1.docx", options=CheckOptions())
    assert report == expected.model_dump(mode="json")
    assert report["send_ok"] is False
    assert response.headers["x-request-id"]


def test_check_json_text_with_case_metadata(server) -> None:
    body = {"text": LETTER_TEXT, "name": "reply.txt", "profile": "hos", "stage": 1, "fail_on": "never",
            "case": {"received": "2026-01-05", "letter_date": "2026-03-02", "case_reference": "CMP-0042"}}
    with server.client() as client:
        report = client.post("/v1/check", json=body).json()
    assert (report["file"], report["profile_source"], report["send_ok"]) == ("reply.txt", "given", True)
    assert report["metrics"]["deadline"]["working_days_late"] > 0
    assert any(f["category"] == "deadline" for f in report["findings"])


def test_check_json_with_complaint_points(server) -> None:
    body = {"text": LETTER_TEXT, "case": {"complaint_points": ["The bedroom wall needs treatment", "The lift is broken"]}}
    with server.client() as client:
        report = client.post("/v1/check", json=body).json()
    assert [p["status"] for p in report["complaint_points"]] == ["addressed", "not_addressed"]
    assert any(f["category"] == "unanswered_point" for f in report["findings"])


def test_check_base64_docx_and_multipart_case_fields_agree(server) -> None:
    case = {"received": "2026-01-05", "letter_date": "2026-03-02"}
    with server.client() as client:
        as_json = client.post("/v1/check", json={"docx_base64": base64.b64encode(DRAFT.read_bytes()).decode(),
                                                  "name": "draft-stage1", "case": case}).json()
        as_form = client.post("/v1/check", files={"file": ("draft-stage1.docx", DRAFT.read_bytes())},
                              data={"received": "2026-01-05", "case": json.dumps({"letter_date": "2026-03-02"})}).json()
    assert as_json == as_form
    assert as_json["metrics"]["deadline"]["letter_date"] == "2026-03-02"


def test_complaint_points_from_the_case_reach_the_check(server) -> None:
    points = ["The damp in the bedroom was not treated", "Nobody called back"]
    with server.client() as client:
        as_json = client.post("/v1/check", json={"text": LETTER_TEXT, "case": {"complaint_points": points}}).json()
        as_form = client.post("/v1/check", files={"file": ("reply.txt", LETTER_TEXT.encode())},
                              data={"case": json.dumps({"complaint_points": points})}).json()
        without = client.post("/v1/check", json={"text": LETTER_TEXT}).json()
    assert as_json["metrics"]["complaint_points"]
    assert as_json["metrics"]["complaint_points"] == as_form["metrics"]["complaint_points"]
    assert "complaint_points" not in without["metrics"]


def test_html_page_of_the_report(server) -> None:
    with server.client() as client:
        response = client.post("/v1/check", params={"format": "html"},
                               files={"file": ("draft-stage1.docx", DRAFT.read_bytes())})
    assert response.headers["content-type"].startswith("text/html")
    assert "<h1>draft-stage1.docx</h1>" in response.text and 'class="letter' in response.text


def test_annotate_returns_the_commented_copy(server) -> None:
    with server.client() as client:
        response = client.post("/v1/annotate", files={"file": ("draft-stage1.docx", DRAFT.read_bytes())})
    assert response.status_code == 200, response.text
    assert "draft-stage1.checked.docx" in response.headers["content-disposition"]
    assert response.headers["x-responsecheck-send-ok"] == "false"
    comments = list(docx.Document(io.BytesIO(response.content)).comments)
    assert comments and all(c.author == "responsecheck" for c in comments)


def test_annotate_refuses_plain_text(server) -> None:
    with server.client() as client:
        response = client.post("/v1/annotate", json={"text": LETTER_TEXT})
    assert response.status_code == 415
    assert "Only a .docx can be annotated" in response.json()["error"]["message"]


def test_rules_health_and_openapi(server) -> None:
    with server.client() as client:
        rules = client.get("/v1/rules").json()
        health = httpx.get(f"{server.url}/healthz").json()
        openapi = client.get("/openapi.json").json()
    assert [p["id"] for p in rules["profiles"]] == ["hos", "spso", "psow"]
    assert rules["profiles"][0]["required"]["1"]["apology"]["when"] == "upheld_or_partly"
    assert "placeholders" in rules["checks"] and rules["limits"]["max_bytes"] == 1024 * 1024
    assert health["status"] == "ok" and health["workers"] == 2
    body = openapi["paths"]["/v1/check"]["post"]["requestBody"]["content"]
    assert set(body) == {"multipart/form-data", "application/json"}
    assert "docx_base64" in openapi["components"]["schemas"]["CheckRequest"]["properties"]


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN}])
def test_auth_refused(server, headers: dict[str, str]) -> None:
    for path in ("/v1/check", "/v1/annotate"):
        response = httpx.post(f"{server.url}{path}", headers=headers, json={"text": LETTER_TEXT})
        assert response.status_code == 401
        assert response.headers["www-authenticate"] == "Bearer"
        assert "Authorization: Bearer" in response.json()["error"]["message"]
    assert httpx.get(f"{server.url}/v1/rules", headers=headers).status_code == 401


def test_too_large_by_length_and_by_streamed_size(server) -> None:
    big = b"x" * (1024 * 1024 + 10)
    with server.client() as client:
        declared = client.post("/v1/check", files={"file": ("big.txt", big)})

        def chunks():  # no Content-Length: the server has to count what arrives
            for start in range(0, len(big), 64 * 1024):
                yield big[start:start + 64 * 1024]

        streamed = client.post("/v1/check", content=chunks(), headers={"content-type": "application/json"})
    for response in (declared, streamed):
        assert response.status_code == 413
        assert response.json()["error"] == {"kind": "too_large", "exit_code": 7,
                                            "message": "The request is larger than this service's limit of 1 MB."}


@pytest.mark.parametrize(("name", "status", "kind"), [
    ("empty.docx", 422, "empty"), ("corrupt-xml.docx", 422, "corrupt"), ("legacy.doc", 415, "unsupported_format"),
    ("encrypted.docx", 415, "encrypted"), ("latin1.txt", 415, "unsupported_format"), ("zipbomb.docx", 413, "too_large"),
])
def test_unreadable_letters_have_the_cli_kinds(server, name: str, status: int, kind: str) -> None:
    with server.client() as client:
        response = client.post("/v1/check", files={"file": (name, (BAD / name).read_bytes())})
    assert (response.status_code, response.json()["error"]["kind"]) == (status, kind)


@pytest.mark.parametrize(("kwargs", "status", "says"), [
    ({"content": b"{not json", "headers": {"content-type": "application/json"}}, 422, "not valid JSON"),
    ({"json": {"profile": "hos"}}, 422, "exactly one of text or docx_base64"),
    ({"json": {"text": "Dear Sir", "docx_base64": "UEs="}}, 422, "exactly one of text or docx_base64"),
    ({"json": {"docx_base64": "not base64!"}}, 422, "not valid base64"),
    ({"json": {"text": LETTER_TEXT, "stage": 3}}, 422, "at stage"),
    ({"json": {"text": LETTER_TEXT, "case": {"received": "16/03/2026"}}}, 422, "at case.received"),
    ({"json": {"text": LETTER_TEXT, "colour": "red"}}, 422, "at colour"),
    ({"data": {"profile": "hos"}, "files": {"other": ("a.txt", b"x")}}, 422, "multipart field `file`"),
    ({"files": {"file": ("a.txt", b"Dear Sir")}, "data": {"case": "[1]"}}, 422, "must be a JSON object"),
    ({"files": {"file": ("a.txt", b"Dear Sir")}, "data": {"case": "[" * 50_000 + "]" * 50_000}}, 422,
     "case field is not valid JSON"),  # a RecursionError: 500
    ({"files": {"file": ("a.txt", b"Dear Sir")}, "data": {"case": '{"extension_days": ' + "9" * 5000 + "}"}}, 422,
     "case field is not valid JSON"),  # told the user to call sys.set_int_max_str_digits()
    ({"content": b"Dear Sir", "headers": {"content-type": "text/plain"}}, 415, "multipart/form-data"),
    # Starlette's own 400s for a multipart body it cannot take: the same 422 and error shape as the others
    ({"files": [("file", ("a.txt", b"Dear Sir")), ("file", ("b.txt", b"Dear Madam"))]}, 422, "Too many files"),
    ({"content": b"--x\r\nContent-Type: text/plain\r\n\r\nDear Sir\r\n--x--\r\n",  # a part with no name
      "headers": {"content-type": "multipart/form-data; boundary=x"}}, 422, "not a form this service reads"),
    # each of these was a 500: RecursionError, ValueError (int over 4,300 digits), UnicodeEncodeError
    ({"content": b'{"case": ' + b"[" * 50_000 + b"]" * 50_000 + b"}", "headers": {"content-type": "application/json"}},
     422, "not valid JSON"),
    ({"content": b'{"text": "Dear Sir", "stage": ' + b"9" * 5000 + b"}", "headers": {"content-type": "application/json"}},
     422, "not valid JSON"),
    ({"content": b'{"text": "Dear Sir \\ud800 we are sorry."}', "headers": {"content-type": "application/json"}},
     422, "lone surrogate"),
    # the same in a multipart upload's case field: complaint_points passed validation, then a 500
    ({"files": {"file": ("a.txt", b"Dear Sir")}, "data": {"case": '{"complaint_points": ["boiler \\ud800 broke"]}'}},
     422, "lone surrogate"),
])
def test_malformed_requests_get_a_clear_4xx(server, kwargs: dict, status: int, says: str) -> None:
    with server.client() as client:
        response = client.post("/v1/check", **kwargs)
    assert response.status_code == status, response.text
    error = response.json()["error"]
    assert says in error["message"] and error["message"].endswith(".")
    assert error["kind"] == ("unsupported_media_type" if status == 415 else "bad_request") and error["exit_code"]


def test_a_slow_letter_times_out_without_stalling_others(server) -> None:
    """A 75-page letter runs past the limit while one-page letters are checked beside it."""
    slow = {"text": "We will repair the window by 3 March 2026. " * 5800, "name": "long.txt"}
    with server.client() as client, concurrent.futures.ThreadPoolExecutor(4) as threads:
        started = time.monotonic()
        slow_future = threads.submit(client.post, "/v1/check", json=slow)
        time.sleep(0.5)
        quick = [threads.submit(client.post, "/v1/check", json={"text": LETTER_TEXT}) for _ in range(3)]
        quick_done = [f.result() for f in quick]
        quick_elapsed = time.monotonic() - started
        slow_response = slow_future.result()
        after = client.post("/v1/check", json={"text": LETTER_TEXT})
    assert [r.status_code for r in quick_done] == [200, 200, 200]
    assert quick_elapsed < TIME_LIMIT
    assert slow_response.status_code == 504
    assert slow_response.json()["error"]["kind"] == "timeout"
    assert after.status_code == 200  # the stopped worker was replaced


def test_concurrent_requests_all_answered(server) -> None:
    letters = [("draft-stage1.docx", DRAFT.read_bytes())] * 4 + [("reply.txt", LETTER_TEXT.encode())] * 4
    with server.client() as client, concurrent.futures.ThreadPoolExecutor(8) as threads:
        responses = list(threads.map(lambda letter: client.post("/v1/check", files={"file": letter}), letters))
    assert [r.status_code for r in responses] == [200] * 8
    assert [r.json()["file"] for r in responses] == [name for name, _ in letters]
    assert len({r.headers["x-request-id"] for r in responses}) == 8


def test_log_holds_no_letter_text(server) -> None:
    with server.client() as client:
        response = client.post("/v1/check", json={"text": LETTER_TEXT, "name": "Quillfeather-reply.txt"},
                               headers={"X-Request-ID": "CMP-0042.7"})
        invented = client.post("/v1/check", json={"text": LETTER_TEXT}, headers={"X-Request-ID": "a b <c>"})
    assert response.headers["x-request-id"] == "CMP-0042.7"
    assert len(invented.headers["x-request-id"]) == 12  # not a plain id: the server makes its own
    time.sleep(0.2)
    log = server.log.read_text()
    assert "request id=CMP-0042.7 POST /v1/check bytes=" in log and "status=200" in log and "verdict=" in log
    for secret in ("Quillfeather", "damp in your bedroom", "Jo Bright"):
        assert secret not in log


def test_stopping_the_server_stops_its_workers(tmp_path: Path) -> None:
    running = start_server(tmp_path / "server.log", "--workers", "1")  # loopback: no token needed
    workers = psutil.Process(running.process.pid).children(recursive=True)
    assert workers
    assert httpx.post(f"{running.url}/v1/check", json={"text": LETTER_TEXT}).status_code == 200
    stop_server(running)
    assert "Application shutdown complete" in running.log.read_text()  # uvicorn then re-raises SIGTERM
    gone, alive = psutil.wait_procs(workers, timeout=10)
    assert alive == []
