"""Routes to the Ombudsman that no longer exist: designated persons, an eight-week wait,
a third internal stage, a "stage 0".

The democratic filter (going through an MP, councillor or tenant panel, or waiting eight
weeks after the final response) ended in October 2023, and the Code allows exactly two
stages, so a letter that still describes them sends the resident the wrong way. The
patterns are in rules/presend/outdated_process.yaml.
"""

from __future__ import annotations

from . import CheckContext, CheckOutput
from .patterns import load_rules, run_rules


def run(context: CheckContext) -> CheckOutput:
    return CheckOutput(findings=run_rules(context.analysis, load_rules("outdated_process")))
