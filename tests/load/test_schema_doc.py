"""docs/schema.md is generated from the models and must not drift from them."""

from __future__ import annotations

from pathlib import Path

from briefgen.load.schema import Brief
from briefgen.load.schema_doc import render

DOC = Path(__file__).resolve().parents[2] / "docs" / "schema.md"


def test_schema_reference_is_current():
    assert DOC.read_text("utf-8").strip() == render().strip(), (
        "run: python -m briefgen.load.schema_doc > docs/schema.md")


def test_every_brief_field_is_described():
    undocumented = [line for line in render((Brief,)).splitlines() if line.endswith("|  |")]
    assert undocumented == []
