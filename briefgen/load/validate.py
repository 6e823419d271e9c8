"""Turn pydantic's validation errors into located, readable problems.

Pydantic says *what* is wrong at a path such as ``("sections", 3, "figures")``; the YAML node
tree says *where* that path is. Unknown keys get a did-you-mean suggestion from the model's own
field names, so a typo like ``titel`` answers "did you mean 'title'?".
"""

from __future__ import annotations

import difflib
import re
import typing
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from briefgen.errors import InputError, Problem
from briefgen.load.written_numbers import split_value, value_hint
from briefgen.load.yaml_slips import comma_slips, quoted, shortened
from briefgen.load.yaml_source import Loc, YamlSource, field_path

M = TypeVar("M", bound=BaseModel)

_MESSAGES = {
    "missing": "missing required field",
    "extra_forbidden": "unknown field",
    "string_too_short": "must not be empty",
    "too_short": "must not be empty",
    "float_parsing": "must be a number",
    "float_type": "must be a number",
    "int_parsing": "must be a whole number",
    "int_type": "must be a whole number",
    "int_from_float": "must be a whole number",
    "string_type": "must be text",
    "list_type": "must be a list",
    "dict_type": "must be a mapping of fields",
    "model_type": "must be a mapping of fields",
    "model_attributes_type": "must be a mapping of fields",
    "bool_type": "must be true or false",
    "bool_parsing": "must be true or false",
    "date_type": "must be a date: YYYY-MM-DD",
    "date_parsing": "must be a date: YYYY-MM-DD",
    "date_from_datetime_parsing": "must be a date: YYYY-MM-DD",
    "date_from_datetime_inexact": "must be a date without a time of day",
    "finite_number": "must be a finite number",
}

#: Messages that name a limit from the error's context.
_LIMITS = {
    "string_too_long": "is longer than {max_length} characters",
    "too_long": "has more than {max_length} items",
    "greater_than_equal": "must be at least {ge}",
    "greater_than": "must be more than {gt}",
    "less_than_equal": "must be at most {le}",
    "less_than": "must be less than {lt}",
    "literal_error": "must be {expected}",
}

_PATTERNS = {
    r"^[a-z0-9][a-z0-9-]*$": "must be an id: lower-case letters, digits and hyphens",
    r"^\d{4}(-\d{2}(-\d{2})?)?$": "must be an ISO date: 2013, 2016-09 or 2017-05-14",
}


def problem_at(src: YamlSource, loc: Loc, message: str, hint: str | None = None,
               key: bool = False) -> Problem:
    """A problem located at ``loc`` in ``src`` (at the key's name itself with ``key``)."""
    where = src.locate(loc, key=key)
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
    """The BaseModel inside ``list[X]``, ``X | None``, ``dict[str, X]``, or the annotation
    itself."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        inner = _inner_model(arg)
        if isinstance(inner, type) and issubclass(inner, BaseModel):
            return inner
    return annotation


def _type_hint(kind: str, value: Any) -> str | None:
    """Why a value of the wrong type is probably there, when YAML's reading explains it."""
    if kind == "string_type" and isinstance(value, bool):
        return "YAML reads yes/no/on/off as true/false: put the text in quotes"
    if kind == "value_error" and isinstance(value, bool):
        return "YAML reads yes/no/on/off as true/false"
    if kind == "string_type" and isinstance(value, (int, float)):
        return "put it in quotes to make it text"
    if kind in ("float_parsing", "int_parsing") and isinstance(value, str):
        if re.match(r"\s*[-+]?[\d.]", value):
            return f"got {_shown(value)}; write the bare number, without unit or commas"
        return f"got {_shown(value)}"
    if kind == "list_type":
        return "write [a, b] or one '- item' per line"
    return None


def _whole_text_hint(loc: Loc, written: str | None) -> str | None:
    """``- Delegates: they discussed`` -> put the whole text in quotes, as it is written."""
    if not written:
        return None
    shown = quoted(shortened(written))
    return f"put the text in quotes: {shown if isinstance(loc[-1], int) else f'{loc[-1]}: {shown}'}"


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _number_hint(loc: Loc, written: str, data: Any) -> str | None:
    """Where each word of a number written with its scale, unit or qualifier goes."""
    name = loc[-1] if loc else None
    parent = _data_at(data, loc[:-1])
    if name == "value" and isinstance(parent, dict):
        hint = value_hint(written, parent)
        if hint:
            return f"got {_shown(written)}; {hint}"
    elif isinstance(name, str):
        fields = split_value(written, {})
        if fields:
            return f"got {_shown(written)}; write {name}: {fields['value']}"
    return None


def _data_at(data: Any, loc: Loc) -> Any:
    for part in loc:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _describe(error: dict[str, Any], model: type[BaseModel], src: YamlSource
              ) -> tuple[str, str | None]:
    """Message and hint for one pydantic error (``src``: the file, for a field's siblings and
    its text as written)."""
    kind = error["type"]
    loc = tuple(error["loc"])
    ctx = error.get("ctx", {})
    written = error.get("input")
    if kind == "float_parsing" and isinstance(written, str):
        hint = _number_hint(loc, written, src.data)
        if hint:
            return _MESSAGES[kind], hint
    if kind == "string_type" and isinstance(written, dict) and len(written) == 1:
        return ('the text holds ": ", which YAML reads as a new key',
                _whole_text_hint(loc, src.written(loc)))
    if kind == "extra_forbidden":
        known = _model_fields_at(model, loc)
        close = difflib.get_close_matches(str(loc[-1]), known, n=1, cutoff=0.6)
        hint = f"did you mean {close[0]!r}?" if close else (
            f"known fields: {', '.join(known)}" if known else None)
        return "unknown field", hint
    if kind == "string_pattern_mismatch":
        pattern = ctx.get("pattern", "")
        return _PATTERNS.get(pattern, f"does not match {pattern}"), None
    if kind == "enum" and "expected" in ctx:
        return "not one of the allowed values", f"use {ctx['expected']}"
    if kind in _LIMITS:
        try:
            return _LIMITS[kind].format(**ctx), None
        except (KeyError, IndexError):
            pass
    if kind in _MESSAGES:
        return _MESSAGES[kind], _type_hint(kind, error.get("input"))
    message = error["msg"]
    if kind.startswith("value_error") or kind == "assertion_error":
        message = message.removeprefix("Value error, ").removeprefix("Assertion failed, ")
    return message[:1].lower() + message[1:], _type_hint(kind, error.get("input"))


_KINDS = {list: "a list", str: "text", int: "a number", float: "a number", bool: "true/false"}


def in_file_order(problems: list[Problem]) -> list[Problem]:
    """``problems`` sorted by position; whole-file problems (no line) first. Stable."""
    return sorted(problems, key=lambda p: (p.line is not None, p.line or 0, p.col or 0))


def _cut_by_commas(src: YamlSource, failed: list[Loc]) -> tuple[list[Problem], set[Loc]]:
    """Values a comma inside ``{...}`` cut short, where the rest of them caused a failure: a
    problem for each, and the paths whose failures those problems explain."""
    slips = [(slip, cut) for slip, cut in comma_slips(src)
             if any(_under(loc, cut) for loc in failed)]
    return [slip for slip, _ in slips], set().union(*(cut for _, cut in slips))


def _under(loc: Loc, paths: set[Loc]) -> bool:
    """``loc`` is one of ``paths`` or inside one."""
    return any(loc[:len(path)] == path for path in paths)


def validate_model(src: YamlSource, model: type[M]) -> M:
    """Validate ``src.data`` as ``model``; raise InputError with every problem, located."""
    if src.data is None:
        raise InputError.single(src.path, "file is empty", hint=f"expected a {model.__name__}")
    if not isinstance(src.data, dict):
        got = _KINDS.get(type(src.data), type(src.data).__name__)
        where = src.locate(())
        raise InputError.single(src.path, f"expected a mapping of fields, got {got}",
                                line=where[0] if where else 1, col=where[1] if where else 1,
                                hint=f"a {model.__name__} file is 'key: value' lines")
    try:
        return model.model_validate(src.data)
    except ValidationError as exc:
        errors = exc.errors()
        problems, explained = _cut_by_commas(src, [tuple(e["loc"]) for e in errors])
        described = [(error, *_describe(error, model, src)) for error in errors]
        typos = {(*e["loc"][:-1], hint[len("did you mean "):].strip("'?"))
                 for e, _, hint in described if e["type"] == "extra_forbidden" and hint
                 and hint.startswith("did you mean")}
        for error, message, hint in described:
            loc = tuple(error["loc"])
            if error["type"] == "missing" and loc in typos:
                continue  # one typo, one problem: 'titel: unknown field (did you mean 'title'?)'
            if _under(loc, explained):
                continue  # the rest of a value cut at a comma: the cut value's problem says so
            problems.append(problem_at(src, loc, message, hint,
                                       key=error["type"] == "extra_forbidden"))
        raise InputError(in_file_order(problems)) from None
