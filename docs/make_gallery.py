"""Regenerate the README gallery: one page and one slide per audience, as PNG.

Usage: python docs/make_gallery.py   (needs LibreOffice's soffice and poppler's pdftoppm)
Builds the bundled brief, its English edition and one event from our corpus of other events
(tests/data/briefs: a brief no profile was tuned for, untagged) for all audiences, converts each
file to PDF with LibreOffice and renders the chosen page to
docs/gallery/<name>-<audience>-<format>.png.
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
#: Gallery name -> (brief folder, None for the bundled one; picks that differ from PICKS).
BRIEFS: dict[str, tuple[Path | None, dict[tuple[str, str], int]]] = {
    "zh": (None, {}),
    "en": (ROOT / "briefs" / "belt-and-road-forum-2017-en", {}),
    # a contrasting event: a trade expo, in English, without a single tag; its press deck
    # shows a chart, as the executive deck already shows the KPI slide
    "expo": (ROOT / "tests" / "data" / "briefs" / "trade-expo-en", {("press", "pptx"): 10}),
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
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for name, (brief, picks) in BRIEFS.items():
            if brief is not None and not brief.exists():
                continue
            for o in build(brief=brief, audiences=["all"], out=work / "files" / name):
                page = {**PICKS, **picks}[(o.audience, o.format)]
                dest = out / f"{name}-{o.audience}-{o.format}.png"
                render_page(o.path, page, dest, work)
                print(dest.relative_to(ROOT))


if __name__ == "__main__":
    main()
