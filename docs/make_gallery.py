"""Regenerate the README gallery: one page and one slide per audience, as PNG.

Usage: python docs/make_gallery.py   (needs LibreOffice's soffice and poppler's pdftoppm)
Builds the bundled brief (and the English edition when present) for all audiences, converts each
file to PDF with LibreOffice and renders the chosen page to docs/gallery/<name>.png.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from briefgen.pipeline import build  # noqa: E402

#: (audience, format) -> 1-based page or slide to show.
PICKS = {
    ("executive", "docx"): 1, ("executive", "pptx"): 3,
    ("press", "docx"): 1, ("press", "pptx"): 2,
    ("academic", "docx"): 3, ("academic", "pptx"): 5,
}


def render_page(src: Path, page: int, dest: Path, work: Path) -> None:
    folder = work / src.suffix[1:]
    folder.mkdir(exist_ok=True)
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(folder),
                    str(src)], check=True, capture_output=True, timeout=300)
    pdf = folder / (src.stem + ".pdf")
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", str(page), "-l", str(page),
                    "-singlefile", str(pdf), str(dest.with_suffix(""))], check=True)


def main() -> None:
    if not (shutil.which("soffice") and shutil.which("pdftoppm")):
        sys.exit("make_gallery: needs soffice (LibreOffice) and pdftoppm (poppler-utils)")
    out = ROOT / "docs" / "gallery"
    out.mkdir(parents=True, exist_ok=True)
    briefs = [None, ROOT / "briefs" / "belt-and-road-forum-2017-en"]
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for brief in briefs:
            if brief is not None and not brief.exists():
                continue
            for o in build(brief=brief, audiences=["all"], out=work / "files"):
                page = PICKS[(o.audience, o.format)]
                lang = "en" if brief else "zh"
                dest = out / f"{lang}-{o.audience}-{o.format}.png"
                render_page(o.path, page, dest, work)
                print(dest.relative_to(ROOT))


if __name__ == "__main__":
    main()
