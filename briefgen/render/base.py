"""The renderer interface: one class per output format, all reading the same DocPlan.

Modelled on Sphinx builders: a renderer declares ``name`` and ``suffix`` and turns a plan into
a file. Renderers never import each other and never see the audience profile.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import ClassVar, Protocol

from briefgen.plan.model import DocPlan


class Renderer(Protocol):
    """Writes one plan to one file of its format."""

    name: ClassVar[str]  # "docx", "pptx": the value of --format
    suffix: ClassVar[str]  # ".docx"

    def render(self, plan: DocPlan, charts: Mapping[str, Path], path: Path) -> None:
        """Write ``plan`` to ``path``.

        :param charts: chart id -> rendered PNG, drawn once per build and shared by all writers.
        :param path: a temporary file; the caller normalises and renames it atomically.
        """
        ...
