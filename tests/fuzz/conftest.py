"""A private chart cache for the fuzz tests, and no LibreOffice layouts for contents page numbers
(they take seconds per document; tests/render covers them). Profiles: see profiles.py."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture(scope="module", autouse=True)
def private_chart_cache(tmp_path_factory) -> Iterator[Path]:
    """Fuzzed charts are drawn once each: keep their pictures out of the user's cache."""
    folder = tmp_path_factory.mktemp("chart-cache")
    wanted = {"XDG_CACHE_HOME": str(folder), "BRIEFGEN_TOC_PAGES": "0"}
    old = {k: os.environ.get(k) for k in wanted}
    os.environ.update(wanted)
    yield folder
    for key, value in old.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value
