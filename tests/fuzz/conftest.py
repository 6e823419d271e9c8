"""A private chart cache for the fuzz tests (profiles: see profiles.py)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture(scope="module", autouse=True)
def private_chart_cache(tmp_path_factory) -> Iterator[Path]:
    """Fuzzed charts are drawn once each: keep their pictures out of the user's cache."""
    folder = tmp_path_factory.mktemp("chart-cache")
    old = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(folder)
    yield folder
    if old is None:
        del os.environ["XDG_CACHE_HOME"]
    else:
        os.environ["XDG_CACHE_HOME"] = old
