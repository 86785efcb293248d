"""House style and suppressions: one YAML file an organisation or a handler keeps with its letters.

`.responsecheck.yaml` (found in the current folder or the nearest folder above it, or named with
`--config`) can
  - `allow` findings on purpose, by rule id (or category, or a glob such as `jargon.*`) and,
    optionally, the exact words matched: they stay in the report, marked suppressed with the
    reason, and no longer count towards the score or the exit code;
  - `accept` words the organisation uses on purpose (its own place names, scheme names): any
    finding on exactly those words is suppressed the same way;
  - `disable` and `enable` rules or categories: a disabled rule's findings are removed and the
    report says, under "not checked", what was turned off, where, and how many findings it hid;
  - change a rule's or category's `severity`;
  - add organisation-specific `words`, in the same entry format as rules/language/*.yaml
    (id, terms, severity, suggestion, explanation) plus the category they belong to.
The file is validated with pydantic when it is read; a bad file stops the run with exit code 8
and a message naming the file, never a traceback halfway through a check.
"""

from __future__ import annotations

import fnmatch
import re
import unicodedata
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError, field_validator

from .errors import RulesError
from .report import Finding, Report, Severity, Skipped

CONFIG_NAME = ".responsecheck.yaml"
_SELECTOR = re.compile(r"^[a-z0-9_*?\[\]-]+(\.[a-z0-9_*?\[\]-]+)*$")


def _check_selector(value: str) -> str:
    if not _SELECTOR.match(value):
        raise ValueError(f"{value!r} is not a rule id, category or glob (e.g. stigma.vulnerable, jargon, jargon.*)")
    return value


class AllowEntry(BaseModel):
    """A finding accepted on purpose: this rule (on these words, when given) is not held against the letter."""

    model_config = ConfigDict(extra="forbid")
    rule: str = Field(description="rule id, category, or glob over rule ids")
    text: str | None = Field(None, description="only when the words matched are these (case and spacing ignored)")
    reason: str | None = Field(None, description="why it is accepted; shown with the suppressed finding")

    @field_validator("rule")
    @classmethod
    def _rule_is_selector(cls, value: str) -> str:
        return _check_selector(value)


class WordEntry(BaseModel):
    """An organisation-specific word or phrase to flag (same fields as a rules/language entry)."""

    model_config = ConfigDict(extra="forbid")
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    category: str = Field(pattern=r"^[a-z][a-z0-9_]*$", description="e.g. stigma, jargon, plain_english")
    terms: list[str] = Field(min_length=1)
    severity: Severity = "warning"
    suggestion: str | None = None
    explanation: str | None = None

    @field_validator("terms")
    @classmethod
    def _terms_not_blank(cls, terms: list[str]) -> list[str]:
        if any(not t.strip() for t in terms):
            raise ValueError("a term is blank")
        return terms


class HouseStyle(BaseModel):
    """The validated contents of a .responsecheck.yaml file."""

    model_config = ConfigDict(extra="forbid")
    version: Literal[1] = 1
    allow: list[AllowEntry] = Field(default_factory=list)
    accept: list[str] = Field(default_factory=list, description="words used on purpose: findings on them are suppressed")
    disable: list[str] = Field(default_factory=list, description="rule ids, categories or globs to turn off")
    enable: list[str] = Field(default_factory=list, description="turned back on even if disabled (more specific)")
    severity: dict[str, Severity] = Field(default_factory=dict, description="rule id, category or glob -> severity")
    words: list[WordEntry] = Field(default_factory=list)
    _path: str = PrivateAttr(default="house style")

    @field_validator("disable", "enable")
    @classmethod
    def _check_lists(cls, value: list[str]) -> list[str]:
        return [_check_selector(s) for s in value]

    @field_validator("severity")
    @classmethod
    def _check_severity_keys(cls, value: dict[str, Severity]) -> dict[str, Severity]:
        for key in value:
            _check_selector(key)
        return value

    @property
    def path(self) -> str:
        return self._path


def find_config(start: Path) -> Path | None:
    """The nearest .responsecheck.yaml in `start` or a folder above it."""
    for folder in (start, *start.parents):
        candidate = folder / CONFIG_NAME
        if candidate.is_file():
            return candidate
    return None


def load_config(path: Path) -> HouseStyle:
    """Read and validate a configuration file; any problem is a RulesError (exit 8) naming the file."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise RulesError(f"Configuration file {path} does not exist; check the path given to --config.") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise RulesError(f"Configuration file {path} cannot be read ({type(exc).__name__}).") from None
    except yaml.YAMLError as exc:
        raise RulesError(f"Configuration file {path} is not valid YAML: {_one_line(str(exc))}") from None
    except RecursionError:  # PyYAML builds nested lists and maps recursively
        raise RulesError(f"Configuration file {path} is not a house style file (its lists or maps are nested "
                         "thousands deep); check it is the right file.") from None
    try:
        config = HouseStyle.model_validate(data if data is not None else {})
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "the top level"
        raise RulesError(f"Configuration file {path} is invalid at {where}: {first['msg']}.") from None
    config._path = str(path)
    return config


def _one_line(text: str) -> str:
    return " ".join(text.split())


def normalise(text: str) -> str:
    """Compare words as a person would: case, spacing and curly quotes do not matter."""
    text = unicodedata.normalize("NFKC", text).replace("’", "'").replace("‘", "'")
    return " ".join(text.casefold().split())


def _matches(selector: str, finding: Finding) -> bool:
    return selector in (finding.rule, finding.category) or fnmatch.fnmatchcase(finding.rule, selector)


def _specificity(selector: str, finding: Finding) -> int:
    """Exact rule id beats a glob, which beats a category."""
    if selector == finding.rule:
        return 3
    if selector == finding.category:
        return 1
    return 2


def apply(config: HouseStyle, report: Report) -> Report:
    """Apply disable/enable, severity changes and suppressions to a report's findings, in place."""
    kept: list[Finding] = []
    hidden: dict[str, int] = {}
    for finding in report.findings:
        selector = _disabled_by(config, finding)
        if selector is not None:
            hidden[selector] = hidden.get(selector, 0) + 1
            continue
        severity = _best(config.severity, finding)
        if severity is not None:
            finding.severity = severity
        reason = _suppression(config, finding)
        if reason is not None:
            finding.suppressed, finding.suppressed_by = True, reason
        kept.append(finding)
    report.findings = kept
    for selector in config.disable:
        count = hidden.get(selector, 0)
        report.skipped.append(Skipped(
            check=selector,
            reason=f"turned off in {config.path} ({count} finding{'s' if count != 1 else ''} not shown)"))
    return report


def _disabled_by(config: HouseStyle, finding: Finding) -> str | None:
    """The disable selector that turns this finding off, unless a more specific enable turns it back on."""
    off = [(s, _specificity(s, finding)) for s in config.disable if _matches(s, finding)]
    if not off:
        return None
    selector, level = max(off, key=lambda pair: pair[1])
    if any(_matches(s, finding) and _specificity(s, finding) >= level for s in config.enable):
        return None
    return selector


def _best(table: dict[str, Severity], finding: Finding) -> Severity | None:
    candidates = [(s, _specificity(s, finding)) for s in table if _matches(s, finding)]
    if not candidates:
        return None
    return table[max(candidates, key=lambda pair: pair[1])[0]]


def _suppression(config: HouseStyle, finding: Finding) -> str | None:
    words = normalise(finding.text) if finding.text else ""
    for entry in config.allow:
        if not _matches(entry.rule, finding):
            continue
        if entry.text is not None and normalise(entry.text) != words:
            continue
        because = f": {entry.reason}" if entry.reason else ""
        return f"allowed in {config.path} ({entry.rule}){because}"
    if words and words in {normalise(w) for w in config.accept}:
        return f"accepted word in {config.path}"
    return None
