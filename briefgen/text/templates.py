"""Label and text templates, rendered in a Jinja2 sandbox.

Label files and profiles are user-editable, so their templates get no attribute tricks, no
callables and no file access: a SandboxedEnvironment with StrictUndefined (a misspelt name is an
error, not a blank) and no loader. Templates are compiled once per process.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from jinja2 import StrictUndefined, TemplateError
from jinja2.sandbox import SandboxedEnvironment

from briefgen.errors import InputError

_ENV = SandboxedEnvironment(undefined=StrictUndefined, autoescape=False, keep_trailing_newline=True)


@lru_cache(maxsize=1024)
def _compile(source: str):  # noqa: ANN202 - jinja2.Template
    return _ENV.from_string(source)


def render_text(source: str, what: str = "label", /, **values: Any) -> str:
    """Render ``source`` with ``values``; a broken or unsafe template is an InputError."""
    try:
        return _compile(source).render(**values)
    except TemplateError as exc:
        raise InputError.single(what, f"template {source!r} failed: {exc}") from None
