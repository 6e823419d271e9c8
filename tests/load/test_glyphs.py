"""Checking that chart text can be drawn, without drawing (or importing matplotlib)."""

from __future__ import annotations

import subprocess
import sys

from briefgen.load.glyphs import undrawable


def test_characters_no_chart_font_has_are_named_once_in_order() -> None:
    assert undrawable("开幕 Opening ÷ 2025") == ""
    assert undrawable("a🎉b𓀀🎉") == "🎉𓀀"


def test_validation_checks_glyphs_without_importing_matplotlib() -> None:
    code = ("import sys; import briefgen.load.references; from briefgen.load.glyphs import "
            "undrawable; assert undrawable('🎉') == '🎉'; print('matplotlib' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "False"
