"""Label text: the language's label file, with a profile's overrides on top."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from types import MappingProxyType

import yaml

from briefgen.resources import data_dir
from briefgen.text.templates import render_text


@cache
def base_labels(lang: str) -> Mapping[str, str]:
    """``templates/labels/<lang>.yaml`` as a read-only mapping."""
    path = data_dir("templates") / "labels" / f"{lang}.yaml"
    return MappingProxyType({k: str(v) for k, v in yaml.safe_load(path.read_text("utf-8")).items()})


def resolve_labels(lang: str, overrides: Mapping[str, str]) -> Mapping[str, str]:
    """Base labels of ``lang`` with ``overrides`` applied; read-only."""
    return MappingProxyType({**base_labels(lang), **overrides})


def fill(labels: Mapping[str, str], key: str, **values: object) -> str:
    """Label ``key`` with its ``{{ placeholders }}`` filled (sandboxed Jinja2)."""
    return render_text(labels[key], f"label {key}", **values)
