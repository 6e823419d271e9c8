"""Label text: the language's label file, with a profile's overrides on top."""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from types import MappingProxyType

from briefgen.resources import data_dir

#: A label that is plain text with ``{{ name }}`` placeholders and nothing else of Jinja's.
_PLACEHOLDER = re.compile(r"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")
_JINJA_MARKS = ("{{", "}}", "{%", "%}", "{#", "#}")
#: As text.templates.MAX_SOURCE (not imported: that module imports Jinja2).
_MAX_SOURCE = 500


@cache
def base_labels(lang: str) -> Mapping[str, str]:
    """``templates/labels/<lang>.yaml`` as a read-only mapping."""
    import yaml

    path = data_dir("templates") / "labels" / f"{lang}.yaml"
    return MappingProxyType({k: str(v) for k, v in yaml.safe_load(path.read_text("utf-8")).items()})


def resolve_labels(lang: str, overrides: Mapping[str, str]) -> Mapping[str, str]:
    """Base labels of ``lang`` with ``overrides`` applied; read-only."""
    return MappingProxyType({**base_labels(lang), **overrides})


def fill(labels: Mapping[str, str], key: str, **values: object) -> str:
    """Label ``key`` with its ``{{ placeholders }}`` filled (sandboxed Jinja2).

    Nearly every label is plain text with ``{{ name }}`` placeholders; those are filled
    directly, as Jinja2 fills them (``str`` of the value), so a build whose plans come from the
    cache never imports Jinja2. Anything else goes through the sandbox (text.templates).
    """
    source = labels[key]
    simple = _simple_fill(source, values)
    if simple is not None:
        return simple
    from briefgen.text.templates import render_text

    return render_text(source, f"label {key}", **values)


def _simple_fill(source: str, values: Mapping[str, object]) -> str | None:
    """``source`` filled, or None when it needs Jinja2 (or its checks and error messages)."""
    if len(source) > _MAX_SOURCE:
        return None
    names = _PLACEHOLDER.findall(source)
    if any(name not in values for name in names):
        return None
    if any(mark in _PLACEHOLDER.sub("", source) for mark in _JINJA_MARKS):
        return None
    if any(source[m.start() - 1: m.start()] == "{" or source[m.end(): m.end() + 1] == "}"
           for m in _PLACEHOLDER.finditer(source)):
        return None  # "{{{n}}": Jinja2's lexer reads that differently
    return _PLACEHOLDER.sub(lambda m: str(values[m.group(1)]), source)
