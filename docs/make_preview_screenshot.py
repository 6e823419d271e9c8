"""Regenerate docs/preview.png, the README's picture of ``briefgen preview``.

Usage: python docs/make_preview_screenshot.py   (needs LibreOffice, Debian's chromium and the
playwright package, as the browser tests do). Previews the bundled brief for every audience and
photographs the executive tab at 1400 x 1400 pixels, reduced to 256 colours.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PIL import Image  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

from briefgen.cli import main  # noqa: E402

CHROMIUM = "/usr/bin/chromium"


def shoot(page_uri: str, dest: Path) -> None:
    with sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=CHROMIUM,
                                         args=["--no-sandbox", "--disable-gpu"])
        tab = browser.new_page(viewport={"width": 1400, "height": 1400})
        tab.goto(page_uri)
        tab.wait_for_function("[...document.images].filter(i => i.offsetParent !== null && "
                              "i.getBoundingClientRect().top < innerHeight)"
                              ".every(i => i.complete)")
        tab.screenshot(path=str(dest))
        browser.close()
    Image.open(dest).convert("RGB").quantize(256).save(dest, optimize=True)


if __name__ == "__main__":
    os.chdir(ROOT)  # the page names the brief relative to the working folder
    with tempfile.TemporaryDirectory() as work:
        out = Path(work) / "out"
        if main(["preview", "-q", "-o", str(out)]) != 0:
            sys.exit("preview failed")
        shoot((out / "preview" / "index.html").as_uri() + "#executive",
              ROOT / "docs" / "preview.png")
    print(ROOT / "docs" / "preview.png")
