"""Data folders are found by one function, whatever the installation."""

from __future__ import annotations

import re
from pathlib import Path

from briefgen.render.pptx import theme
from briefgen.resources import data_dir

PACKAGE = Path(__file__).resolve().parents[1] / "briefgen"


def test_the_default_deck_template_is_in_the_templates_folder() -> None:
    assert theme.default_template() == data_dir("templates") / "pptx" / "default.pptx"
    assert theme.default_template().is_file()


def test_no_module_but_resources_finds_data_folders_from_its_own_path() -> None:
    """A path built from ``__file__`` to templates/assets/briefs misses the wheel's _data."""
    offenders = [p.relative_to(PACKAGE).as_posix() for p in PACKAGE.rglob("*.py")
                 if p.name != "resources.py"
                 and re.search(r"__file__.*(templates|assets|briefs|_data)|parents\[\d\]",
                               p.read_text("utf-8"))]
    assert offenders == []
