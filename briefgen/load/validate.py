"""Turn pydantic's validation errors into located, readable problems.

Pydantic says *what* is wrong at a path such as ``("sections", 3, "figures")``; the YAML node
tree says *where* that path is. Unknown keys get a did-you-mean suggestion from the model's own
field names, so a typo like ``titel`` answers "did you mean 'title'?".
"""

from __future__ import annotations

import difflib
import typing
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from briefgen.errors import InputError, Problem
from briefgen.load.yaml_source import Loc, YamlSource

M = TypeVar("M", bound=BaseModel)

_MESSAGES = {
    "missing": "missing required field",
    "extra_forbidden": "unknown field",
    "string_too_short": "must not be empty",
    "too_short": "must not be empty",
}

_PATTERNS = {
    r"^[a-z0-9][a-z0-9-]*$": "must be an id: lower-case letters, digits and hyphens",
    r"^\d{4}(-\d{2}(-\d{2})?)?$": "must be an ISO date: 2013, 2016-09 or 2017-05-14",
}


def field_path(loc: Loc) -> str:
    """``("sections", 3, "title")`` -> ``sections[3].title``."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def problem_at(src: YamlSource, loc: Loc, message: str, hint: str | None = None) -> Problem:
    """A problem located at ``loc`` in ``src``."""
    where = src.locate(loc)
    line, col = where if where else (None, None)
    return Problem(src.path, line, col, field_path(loc), message, hint)


def _model_fields_at(model: type[BaseModel], loc: Loc) -> list[str]:
    """Field names of the model that holds the last key of ``loc`` (for did-you-mean)."""
    current: Any = model
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return []
        info = current.model_fields.get(part)
        if info is None:
            return []
        current = _inner_model(info.annotation)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return []


def _inner_model(annotation: Any) -> Any:
    """The BaseModel inside ``list[X]``, ``X | None``, ``dict[str, X]``, or the annotation itself."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        inner = _inner_model(arg)
        if isinstance(inner, type) and issubclass(inner, BaseModel):
            return inner
    return annotation


def _describe(error: dict[str, Any], model: type[BaseModel]) -> tuple[str, str | None]:
    kind = error["type"]
    loc = tuple(error["loc"])
    if kind == "extra_forbidden":
        known = _model_fields_at(model, loc)
        close = difflib.get_close_matches(str(loc[-1]), known, n=1, cutoff=0.6)
        hint = f"did you mean {close[0]!r}?" if close else (
            f"known fields: {', '.join(known)}" if known else None)
        return "unknown field", hint
    if kind == "string_pattern_mismatch":
        pattern = error.get("ctx", {}).get("pattern", "")
        return _PATTERNS.get(pattern, f"does not match {pattern}"), None
    message = _MESSAGES.get(kind) or error["msg"]
    if kind.startswith("value_error"):
        message = message.removeprefix("Value error, ")
    if kind == "enum" and "expected" in error.get("ctx", {}):
        return "not one of the allowed values", f"use {error['ctx']['expected']}"
    return message[:1].lower() + message[1:], None


def validate_model(src: YamlSource, model: type[M]) -> M:
    """Validate ``src.data`` as ``model``; raise InputError with every problem, located."""
    if src.data is None:
        raise InputError.single(src.path, "file is empty", hint=f"expected a {model.__name__}")
    if not isinstance(src.data, dict):
        raise InputError.single(src.path, f"expected a mapping of fields, got {type(src.data).__name__}",
                                line=1, col=1)
    try:
        return model.model_validate(src.data)
    except ValidationError as exc:
        problems = []
        for error in exc.errors():
            message, hint = _describe(error, model)
            problems.append(problem_at(src, tuple(error["loc"]), message, hint))
        raise InputError(problems) from None
