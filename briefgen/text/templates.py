"""Label and text templates, rendered in a fenced Jinja2 sandbox.

Label files and profiles are user-editable, so a label template is untrusted code. Three fences:

1. **Before compiling**, the template's syntax tree is checked against what a label needs:
   ``{{ name }}`` placeholders, attribute and item access, a few text filters, ``{% if %}``,
   comparisons and arithmetic. Loops, ``{% set %}``, macros, includes, imports, blocks, calls
   (``x()``, ``.method()``), ``**`` and attributes starting with ``_`` are refused, and so is any
   name the caller does not pass. This is what stops ``{{ ''.__class__.__mro__ }}``,
   ``{{ cycler.__init__.__globals__ }}``, ``{{ self._TemplateReference__context }}`` and
   ``{% for x in range(10**9) %}`` with a one-line reason before anything runs.
2. **While rendering**, a :class:`~jinja2.sandbox.SandboxedEnvironment` with no globals and
   :class:`~jinja2.StrictUndefined` (a misspelt name is an error, not a blank) blocks unsafe
   attributes; ``*`` may not build text longer than :data:`MAX_OUTPUT`, ``%`` may not format
   text, and a call, should one get past fence 1, may only be a ``range()`` of at most
   :data:`MAX_RANGE` items.
3. **After rendering**, the result is capped at :data:`MAX_OUTPUT` characters; the source is
   capped at :data:`MAX_SOURCE` characters before it is parsed.

Autoescaping is off on purpose: the output is XML, but it reaches the file only through
python-docx and python-pptx, which escape ``<``, ``&`` and quotes themselves. Escaping here as well
would print ``&amp;`` in the document.
"""

from __future__ import annotations

import operator
from collections.abc import Collection
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from jinja2 import StrictUndefined, TemplateSyntaxError, nodes
from jinja2.sandbox import SandboxedEnvironment, SecurityError

from briefgen.errors import InputError

MAX_SOURCE = 500
MAX_OUTPUT = 4000
MAX_RANGE = 1000

#: Filters a label may use: none of them can make text much longer than its input.
SAFE_FILTERS = ("abs", "capitalize", "d", "default", "first", "float", "int", "last", "length",
                "lower", "round", "string", "title", "trim", "upper")

_ALLOWED = (nodes.Template, nodes.Output, nodes.TemplateData, nodes.Name, nodes.Const,
            nodes.Getattr, nodes.Getitem, nodes.Slice, nodes.Filter, nodes.Test, nodes.If,
            nodes.CondExpr, nodes.Compare, nodes.Operand, nodes.And, nodes.Or, nodes.Not,
            nodes.Neg, nodes.Pos, nodes.Concat, nodes.Add, nodes.Sub, nodes.Mul, nodes.Div,
            nodes.FloorDiv, nodes.Mod, nodes.List, nodes.Tuple, nodes.Keyword)

_REFUSED = {
    nodes.For: "loops ({% for %}) are not allowed in labels",
    nodes.Assign: "{% set %} is not allowed in labels",
    nodes.AssignBlock: "{% set %} is not allowed in labels",
    nodes.Macro: "macros are not allowed in labels",
    nodes.CallBlock: "macros are not allowed in labels",
    nodes.Include: "{% include %} is not allowed in labels",
    nodes.Import: "{% import %} is not allowed in labels",
    nodes.FromImport: "{% import %} is not allowed in labels",
    nodes.Extends: "{% extends %} is not allowed in labels",
    nodes.Block: "{% block %} is not allowed in labels",
    nodes.Call: "calls such as x() or .method() are not allowed in labels",
    nodes.Pow: "'**' is not allowed in labels",
}


class UnsafeTemplate(ValueError):
    """A template a label may not use; the message says why in a few words."""


def _repeat_size(seq: Any, times: Any) -> int | None:
    """Characters ``seq * times`` would hold, or None when it is not a repetition."""
    if isinstance(times, bool) or not isinstance(times, int):
        return None
    if isinstance(seq, str):
        return len(seq) * max(times, 0)
    if isinstance(seq, (list, tuple)):
        return sum(len(str(item)) + 2 for item in seq) * max(times, 0)
    return None


class LabelEnvironment(SandboxedEnvironment):
    """The sandbox with bounded ``*``, no text ``%`` formatting and only a capped ``range()``."""

    intercepted_binops = frozenset({"*", "%", "**"})

    def call_binop(self, context: Any, op: str, left: Any, right: Any) -> Any:
        if op == "*":
            size = _repeat_size(left, right)
            size = _repeat_size(right, left) if size is None else size
            if size is not None and size > MAX_OUTPUT:
                raise SecurityError(f"'*' would make {size:,} characters, over {MAX_OUTPUT:,}")
            return operator.mul(left, right)
        if op == "%":
            if isinstance(left, str):
                raise SecurityError("'%' formatting of text is not allowed in labels")
            return operator.mod(left, right)
        raise SecurityError("'**' is not allowed in labels")

    def call(self, context: Any, obj: Any, /, *args: Any, **kwargs: Any) -> Any:
        if obj is self.globals.get("range"):
            if len(range(*args)) > MAX_RANGE:
                raise SecurityError(f"range() is capped at {MAX_RANGE} items in labels")
            return range(*args)
        raise SecurityError("calls are not allowed in labels")


_ENV = LabelEnvironment(undefined=StrictUndefined, autoescape=False, keep_trailing_newline=True)
_ENV.globals.clear()
_ENV.globals["range"] = range  # only reachable through LabelEnvironment.call, capped
_ENV.filters = {name: _ENV.filters[name] for name in SAFE_FILTERS}


def _check_tree(tree: nodes.Template) -> None:
    """Raise UnsafeTemplate for the first construct a label may not use."""
    for node in tree.find_all(nodes.Node):
        for kind, why in _REFUSED.items():
            if isinstance(node, kind):
                raise UnsafeTemplate(why)
        if not isinstance(node, _ALLOWED):
            raise UnsafeTemplate(f"{type(node).__name__} is not allowed in labels")
        if isinstance(node, nodes.Getattr) and node.attr.startswith("_"):
            raise UnsafeTemplate(f"attribute {node.attr!r} is not allowed in labels")
        if (isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const)
                and isinstance(node.arg.value, str) and node.arg.value.startswith("_")):
            raise UnsafeTemplate(f"item {node.arg.value!r} is not allowed in labels")
        if isinstance(node, nodes.Filter) and node.name not in SAFE_FILTERS:
            raise UnsafeTemplate(f"filter {node.name!r} is not allowed in labels")


@dataclass(frozen=True)
class Compiled:
    """A checked, compiled label template and the names it reads."""

    template: Any  # jinja2.Template
    names: frozenset[str]


@lru_cache(maxsize=1024)
def template_names(source: str) -> frozenset[str]:
    """Check ``source`` (parse it, no code generated) and return the names it reads; raise
    UnsafeTemplate saying what is wrong. Enough to list what a label reads, and a tenth of the
    cost of compiling it: a build renders only a few of the labels a profile check reads."""
    if len(source) > MAX_SOURCE:
        raise UnsafeTemplate(f"is {len(source):,} characters, over the {MAX_SOURCE}-character "
                             "limit for a label")
    try:
        tree = _ENV.parse(source)
    except TemplateSyntaxError as exc:
        raise UnsafeTemplate(_syntax(exc)) from None
    _check_tree(tree)
    return frozenset(n.name for n in tree.find_all(nodes.Name))


@lru_cache(maxsize=1024)
def compile_template(source: str) -> Compiled:
    """Check and compile ``source``; raise UnsafeTemplate saying what is wrong."""
    names = template_names(source)
    try:
        return Compiled(_ENV.from_string(source), names)
    except TemplateSyntaxError as exc:  # e.g. an unknown test name
        raise UnsafeTemplate(_syntax(exc)) from None


def _syntax(exc: TemplateSyntaxError) -> str:
    first = (exc.message or "invalid template").splitlines()[0]
    return f"template syntax error: {first[:1].lower()}{first[1:]}"


def check_template(source: str, names: Collection[str]) -> tuple[str, str | None] | None:
    """What is wrong with ``source`` as a label that is given ``names`` (message, hint), or None."""
    try:
        compiled = compile_template(source)
    except UnsafeTemplate as exc:
        return str(exc), _hint(str(exc), names)
    unknown = sorted(compiled.names - set(names))
    if unknown:
        return f"unknown name {unknown[0]!r}", _hint("unknown name", names)
    return None


def _hint(message: str, names: Collection[str]) -> str | None:
    if message.startswith("filter"):
        return f"use {', '.join(SAFE_FILTERS)}"
    if message.startswith(("unknown name", "attribute", "calls", "item")):
        return (f"this label can use: {', '.join(sorted(names))}" if names
                else "this label takes no placeholders")
    return None


def render_text(source: str, what: str = "label", /, **values: Any) -> str:
    """Render ``source`` with ``values``; a broken or unsafe template is an InputError.

    :param what: names the template in the error (``label figure_caption``).
    """
    wrong = check_template(source, values)
    if wrong:
        message, hint = wrong
        raise InputError.single(what, f"template {_short(source)}: {message}", hint=hint)
    try:
        text = compile_template(source).template.render(**values)
    except Exception as exc:  # noqa: BLE001 - whatever a user's template does is the input's fault
        reason = f"{type(exc).__name__}: {exc}".splitlines()[0]
        raise InputError.single(what, f"template {_short(source)} failed: {reason}") from None
    if len(text) > MAX_OUTPUT:
        raise InputError.single(what, f"template {_short(source)} made {len(text):,} characters, "
                                      f"over the {MAX_OUTPUT:,}-character limit")
    return text


def _short(source: str) -> str:
    text = repr(source)
    return text if len(text) <= 60 else text[:57] + "...'"
