"""Find and load the rule data in rules/, validated on load.

Rules, word lists and profiles are YAML files (Vale-like: a few kinds of entry, each with its
source and a pass and a fail example). They are validated with pydantic the moment they are read,
so a broken rule file stops the run with a message naming the file, never a KeyError mid-check.

Token patterns use a small notation, compiled to spaCy Matcher patterns:
  word        the lower-case word            ~lemma      any inflection of lemma (one ~ in a list makes every alternative a lemma)
  a|b|c       one of these words             ~a|b        one of these lemmas
  <DATE>      a token in a DATE entity (also TIME from rules/dates.yaml; PERSON, ORG... from the model)
  #NUM        a number-like token            _           any one token
  /regex/     a token whose text matches the regular expression (no spaces in it)
  x?  x*  x+  x{0,3}   quantifiers on any of the above
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .errors import RulesError

T = TypeVar("T", bound=BaseModel)

_PACKAGE_RULES = Path(__file__).parent / "_rules"
_REPO_RULES = Path(__file__).resolve().parents[2] / "rules"


def rules_dir() -> Path:
    """The rules/ folder: bundled in the wheel, or the repository's own in a source checkout."""
    for candidate in (_PACKAGE_RULES, _REPO_RULES):
        if candidate.is_dir():
            return candidate
    raise RulesError("The rules/ folder is missing from this installation; reinstall responsecheck.")


# libyaml's safe loader when PyYAML was built with it (the wheels are): rules load several times faster.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@lru_cache(maxsize=None)
def _read_yaml(path: Path) -> Any:
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
    except FileNotFoundError:
        raise RulesError(f"Rules file {path} is missing; reinstall responsecheck or restore the file.") from None
    except yaml.YAMLError as exc:
        raise RulesError(f"Rules file {path} is not valid YAML: {exc}") from None


def load_model(relative: str | Path, model: type[T], base: Path | None = None) -> T:
    """Load rules/<relative> (or base/<relative>) and validate it as `model`."""
    path = (base or rules_dir()) / relative
    try:
        return model.model_validate(_read_yaml(path))
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise RulesError(f"Rules file {path} is invalid at {where}: {first['msg']}.") from None


class Examples(BaseModel):
    """Sentences a rule must flag (`fail`) and must leave alone (`pass`); the tests run each one
    through the whole pipeline, so every entry of every list is proven both ways."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    fail: list[str] = Field(min_length=1)
    pass_: list[str] = Field(alias="pass", min_length=1)


_QUANT = re.compile(r"^(?P<body>.+?)(?P<op>[?*+]|\{\d*,\d*\})$")
_ENTITY = re.compile(r"^<(?P<label>[A-Z_]+)>$")


def compile_pattern(notation: str) -> list[dict[str, Any]]:
    """Compile one pattern in the notation above into a spaCy Matcher token pattern."""
    tokens = []
    for raw in notation.split():
        body, op = raw, None
        if raw.startswith("/") and raw.rfind("/") > 0:  # a regex may end in {m,n}: not a quantifier
            end = raw.rfind("/") + 1
            body, op = raw[:end], raw[end:] or None
        else:
            match = _QUANT.match(raw)
            if match and raw not in ("?", "*", "+"):
                body, op = match.group("body"), match.group("op")
        spec = _token_spec(body, notation)
        if op:
            spec["OP"] = op
        tokens.append(spec)
    if not tokens:
        raise RulesError(f"Empty pattern {notation!r} in the rules.")
    return tokens


def split_first_alternatives(pattern: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """The same pattern as one pattern per alternative of its first token: the same matches, found faster.

    spaCy's Matcher tries every pattern's first token at every token of the letter. A single value
    there is compared in C; a set of alternatives ({"IN": [...]}) is a Python call per token, and
    with a hundred patterns over a letter those calls were most of the element matching time. A
    token has one lower-case form and one lemma, so at most one of the split patterns can start on
    it and the matches are unchanged. Leading single-token wildcards (`_ ~show|~confirm`) start a
    state everywhere too, so the token after them is the one split.
    """
    index = 0
    while index < len(pattern) - 1 and pattern[index] == {}:
        index += 1
    token = pattern[index]
    for attr in ("LOWER", "LEMMA"):
        value = token.get(attr)
        if isinstance(value, dict) and set(value) == {"IN"}:
            return [[*pattern[:index], {**token, attr: word}, *pattern[index + 1:]] for word in value["IN"]]
    return [pattern]


def _token_spec(body: str, notation: str) -> dict[str, Any]:
    if body == "_":
        return {}
    if body == "#NUM":
        return {"LIKE_NUM": True}
    if len(body) > 2 and body.startswith("/") and body.endswith("/"):
        try:
            re.compile(body[1:-1])
        except re.error as exc:
            raise RulesError(f"Pattern {notation!r} has an invalid regular expression {body}: {exc}.") from None
        return {"TEXT": {"REGEX": body[1:-1]}}
    entity = _ENTITY.match(body)
    if entity:
        return {"ENT_TYPE": entity.group("label")}
    alternatives = body.lower().split("|")
    attr = "LEMMA" if any(word.startswith("~") for word in alternatives) else "LOWER"
    words = [word.lstrip("~") for word in alternatives]
    if not all(words):
        raise RulesError(f"Pattern {notation!r} has an empty alternative in {body!r}.")
    return {attr: words[0]} if len(words) == 1 else {attr: {"IN": words}}
