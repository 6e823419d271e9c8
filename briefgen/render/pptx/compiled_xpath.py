"""python-pptx's XPath lookups, each expression compiled once instead of on every call.

python-pptx finds elements with ``element.xpath(expr)``, which hands the expression to lxml as
``_Element.xpath(expr, namespaces=...)``, and lxml compiles it again on every call (~0.1 ms).
A deck asks over a thousand times (is this shape a placeholder, which one, the next shape id),
so a first build of two decks spent more time compiling XPath than measuring its text.

:func:`install` replaces that one method of python-pptx's element base class with one that
keeps an ``etree.XPath`` per expression, compiled with the same namespace map: the same
expression evaluated on the same element gives the same result, so the files written do not
change by a byte. lxml serialises calls to one evaluator with its own lock, so threads may
share them. The replacement is process-wide, as python-pptx's element classes are.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from lxml import etree
from pptx.oxml.ns import _nsmap
from pptx.oxml.xmlchemy import BaseOxmlElement

__all__ = ["install"]


@lru_cache(maxsize=1024)  # python-pptx's expressions are a few dozen; the bound is for callers'
def _compiled(expr: str) -> etree.XPath:
    return etree.XPath(expr, namespaces=_nsmap)


def _xpath(self: BaseOxmlElement, xpath_str: str) -> Any:
    """``BaseOxmlElement.xpath`` (the Open XML namespaces), with the expression compiled once."""
    return _compiled(xpath_str)(self)


def install() -> None:
    """Make python-pptx's elements evaluate XPath through compiled expressions (idempotent)."""
    BaseOxmlElement.xpath = _xpath  # type: ignore[method-assign]
