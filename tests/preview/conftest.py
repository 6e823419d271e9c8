"""Shared by the preview tests: one preview of the bundled brief (all audiences), made once.

LibreOffice and Chromium are needed here; without them a test is skipped on a developer's
machine and fails in CI (``CI`` set), where .ci/run installs both: a preview test must never
pass by not running.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from briefgen.cli import main

CHROMIUM = "/usr/bin/chromium"
#: Chromium on a closed network as root: no sandbox, no calls home, a fresh profile (Playwright
#: makes one per launch).
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]


def require(found: bool, what: str) -> None:
    """Skip without ``what`` on a developer's machine; fail in CI, which must run every test."""
    if found:
        return
    if os.environ.get("CI"):
        pytest.fail(f"{what} is missing in CI (.ci/run installs it)")
    pytest.skip(f"{what} is not installed")


@pytest.fixture(scope="session")
def preview_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The output folder of ``briefgen preview`` for the bundled brief, every audience."""
    require(shutil.which("soffice") is not None, "LibreOffice (soffice)")
    out = tmp_path_factory.mktemp("preview")
    assert main(["preview", "-q", "-o", str(out)]) == 0
    return out


def playwright_api():  # type: ignore[no-untyped-def]
    """Playwright's sync API; in CI a missing package fails, never skips."""
    if os.environ.get("CI"):
        from playwright import sync_api
        return sync_api
    return pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="session")
def browser():
    """A headless Debian Chromium driven by Playwright (never a downloaded browser)."""
    require(Path(CHROMIUM).is_file(), "Chromium (Debian package chromium)")
    with playwright_api().sync_playwright() as driver:
        chromium = driver.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """A new page that records console errors, uncaught exceptions and failed requests."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    tab = context.new_page()
    tab.problems = []
    tab.on("console", lambda m: tab.problems.append(m.text) if m.type == "error" else None)
    tab.on("pageerror", lambda e: tab.problems.append(str(e)))
    tab.on("requestfailed", lambda r: tab.problems.append(f"failed: {r.url}"))
    tab.on("response", lambda r: tab.problems.append(f"{r.status}: {r.url}") if r.status >= 400
           else None)
    yield tab
    context.close()
