"""The same input gives byte-identical DOCX and PPTX files, whatever the process or the clock.

Builds run as separate processes with different hash seeds and working folders, the first with a
cold chart cache and the second with it warm, so set ordering, the current time or a cached
picture cannot leak into a file. Contents page numbers are laid out by LibreOffice when it is
installed; the bundled brief's academic edition takes that path.
"""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "minimal-zh"
EPOCH = 1_700_000_000  # 2023-11-14T22:13:20Z


def build(tmp_path: Path, name: str, seed: str, cache: str, *extra: str,
          epoch: int | None = None) -> dict[str, str]:
    """Build every audience in a fresh process; file name -> sha256."""
    out = tmp_path / name
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    env.update(PYTHONHASHSEED=seed, XDG_CACHE_HOME=str(tmp_path / cache),
               PYTHONPATH=str(ROOT) + os.pathsep + env.get("PYTHONPATH", ""))
    if epoch is not None:
        env["SOURCE_DATE_EPOCH"] = str(epoch)
    work = tmp_path / f"cwd-{name}"
    work.mkdir()
    run = subprocess.run([sys.executable, "-m", "briefgen", *extra, "-a", "all", "-o", str(out),
                          "-q"], cwd=work, env=env, capture_output=True, text=True, timeout=300,
                         check=False)
    assert run.returncode == 0, run.stderr
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(out.iterdir())}


def core_times(path: Path) -> set[str]:
    with zipfile.ZipFile(path) as zf:
        core = zf.read("docProps/core.xml").decode("utf-8")
        stamps = {i.date_time for i in zf.infolist()}
    assert len(stamps) == 1
    return set(re.findall(r"<dcterms:(?:created|modified)[^>]*>([^<]+)<", core)) | {
        "zip:{:04d}-{:02d}-{:02d}T{:02d}:{:02d}:{:02d}".format(*stamps.pop())}


@pytest.mark.parametrize("brief", [[], ["--brief", str(FIXTURE)]], ids=["bundled", "minimal"])
def test_two_builds_of_every_audience_are_byte_identical(tmp_path, brief):
    first = build(tmp_path, "a", "1", "cache", *brief)  # cold chart cache
    second = build(tmp_path, "b", "2", "cache", *brief)  # warm cache, other hash seed
    assert len(first) == 6
    assert first == second


def test_source_date_epoch_sets_the_document_time(tmp_path):
    build(tmp_path, "out", "0", "cache", "--brief", str(FIXTURE), epoch=EPOCH)
    for path in sorted((tmp_path / "out").iterdir()):
        assert core_times(path) == {"2023-11-14T22:13:20Z", "zip:2023-11-14T22:13:20"}, path.name


def test_without_source_date_epoch_the_brief_date_is_the_document_time(tmp_path):
    build(tmp_path, "out", "0", "cache", "--brief", str(FIXTURE))
    for path in sorted((tmp_path / "out").iterdir()):
        assert core_times(path) == {"2020-03-02T00:00:00Z", "zip:2020-03-02T00:00:00"}, path.name
