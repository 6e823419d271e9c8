"""``briefgen preview --watch`` in a real browser: an edit to the brief shows up on the open page,
a bad edit shows its error over the last good build, and fixing it clears the error."""

from __future__ import annotations

import os
import selectors
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from briefgen.resources import default_brief

from .conftest import require

OLD, NEW = "论坛在北京举行", "论坛在北京隆重举行"


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """A watch server for a copy of the bundled brief (executive only: two files); its address."""
    require(shutil.which("soffice") is not None, "LibreOffice (soffice)")
    brief = tmp_path / "brief"
    shutil.copytree(default_brief().parent, brief)
    server = subprocess.Popen(
        [sys.executable, "-m", "briefgen", "preview", str(brief), "-a", "executive", "--watch",
         "-o", str(tmp_path / "out")], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL, text=True, env=os.environ.copy())
    try:
        yield _address(server, timeout=120), brief / "brief.yaml"
    finally:
        server.terminate()
        server.wait(timeout=20)
        assert server.stderr is not None
        print(server.stderr.read())


def _address(server: subprocess.Popen, timeout: float) -> str:
    """The first line the server prints: the address it serves on."""
    watch = selectors.DefaultSelector()
    assert server.stdout is not None
    watch.register(server.stdout, selectors.EVENT_READ)
    if not watch.select(timeout):
        pytest.fail(f"no address after {timeout} s")
    line = server.stdout.readline().strip()
    assert line.startswith("http://127.0.0.1:"), line
    return line


def test_an_edit_shows_up_and_a_bad_edit_shows_its_error(served: tuple[str, Path], page) -> None:
    url, brief = served
    page.goto(url)
    executive = page.locator('section[data-audience="executive"]')
    assert OLD in executive.locator(".why").inner_text()
    before = _pictures(page)

    started = time.perf_counter()
    brief.write_text(brief.read_text(encoding="utf-8").replace(OLD, NEW, 1), encoding="utf-8")
    page.wait_for_function(f"document.querySelector('.why').innerText.includes({NEW!r})",
                           timeout=60_000)
    seconds = time.perf_counter() - started
    print(f"edit shown after {seconds:.1f} s")
    after = _pictures(page)
    assert len(after) == len(before)
    assert set(after) - set(before)  # pages that changed have new pictures,
    assert set(after) & set(before)  # pages that look as before keep theirs
    status = page.locator("#status")
    assert status.is_hidden()

    text = brief.read_text(encoding="utf-8")
    brief.write_text(text.replace("    tags: [news]", "    tags: [news", 1), encoding="utf-8")
    status.wait_for(state="visible", timeout=30_000)
    assert "brief.yaml:" in status.inner_text()
    assert NEW in page.locator(".why").inner_text()  # the last good build stays

    brief.write_text(text, encoding="utf-8")
    status.wait_for(state="hidden", timeout=30_000)
    assert page.problems == []


def _pictures(page) -> list[str]:
    return page.eval_on_selector_all("ol.pages img", "imgs => imgs.map(i => i.getAttribute('src'))")
