"""The JSON wire format: one report object, or an array of them for several files."""

from __future__ import annotations

import json

from ..report import Report


def render_json(reports: list[Report], single: bool) -> str:
    payload = reports[0].model_dump(mode="json") if single else [r.model_dump(mode="json") for r in reports]
    return json.dumps(payload, indent=2, ensure_ascii=False)
