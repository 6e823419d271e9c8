"""Safe YAML reading: positions are kept, dangerous constructs refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefgen.errors import InputError
from briefgen.load.yaml_source import load_yaml


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "x.yaml"
    path.write_text(text, "utf-8")
    return path


def test_locate_points_at_the_nested_value(tmp_path):
    src = load_yaml(write(tmp_path, "a:\n  b:\n    - 1\n    - {c: 2}\n"))
    assert src.locate(("a", "b", 1, "c")) == (4, 11)


def test_locate_stops_at_the_deepest_existing_node(tmp_path):
    src = load_yaml(write(tmp_path, "a:\n  b: 1\n"))
    assert src.locate(("a", "missing")) == (2, 3)


def test_anchors_without_aliases_are_fine(tmp_path):
    assert load_yaml(write(tmp_path, "a: &x 1\nb: 2\n")).data == {"a": 1, "b": 2}


def test_deep_nesting_is_refused(tmp_path):
    with pytest.raises(InputError, match="nested deeper"):
        load_yaml(write(tmp_path, "a: " + "[" * 30 + "]" * 30 + "\n"))


def test_bom_is_accepted(tmp_path):
    path = tmp_path / "bom.yaml"
    path.write_bytes("\ufeffa: 1\n".encode("utf-8"))
    assert load_yaml(path).data == {"a": 1}
