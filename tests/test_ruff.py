"""ruff, configured in pyproject.toml, finds nothing in the code, tests, benchmarks and docs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_ruff_finds_nothing() -> None:
    ruff = Path(sys.executable).with_name("ruff")
    if not ruff.exists():
        pytest.fail("ruff is missing: install the test extra (pip install -e '.[test]')")
    run = subprocess.run([str(ruff), "check", "--no-cache", "briefgen", "tests", "bench", "docs"],
                         cwd=ROOT, capture_output=True, text=True, timeout=120, check=False)
    assert run.returncode == 0, run.stdout + run.stderr
