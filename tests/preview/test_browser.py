"""The page in a real browser (headless Debian Chromium): loads clean, shows every page and
slide, enlarges a page on click, switches audiences."""

from __future__ import annotations

from pathlib import Path

from pptx import Presentation
from pypdf import PdfReader

from .conftest import playwright_api


def _pages_and_slides(out: Path) -> int:
    files = out / "preview" / "files"
    slides = sum(len(Presentation(str(deck)).slides) for deck in out.glob("*.pptx"))
    pages = sum(len(PdfReader(files / f"{doc.stem}.pdf").pages) for doc in out.glob("*.docx"))
    return pages + slides


def test_loads_without_errors_and_shows_every_page_and_slide(preview_out: Path, page) -> None:
    page.goto((preview_out / "preview" / "index.html").as_uri())
    page.wait_for_load_state("load")
    assert page.locator("ol.pages img").count() == _pages_and_slides(preview_out)
    # Scroll through every audience so lazily loaded pictures load too: none may fail.
    for name in ("executive", "press", "academic"):
        page.click(f'nav [data-tab="{name}"]')
        section = page.locator(f'section[data-audience="{name}"]')
        section.wait_for(state="visible", timeout=5_000)
        assert page.locator("section.audience:visible").count() == 1
        for img in section.locator("img").all():
            img.scroll_into_view_if_needed()
        page.wait_for_function(
            f"""[...document.querySelectorAll('section[data-audience="{name}"] img')]
                .every(i => i.complete && i.naturalWidth > 0)""", timeout=20_000)
    assert page.problems == []


def test_click_enlarges_and_arrows_step(preview_out: Path, page) -> None:
    page.goto((preview_out / "preview" / "index.html").as_uri() + "#press")
    slides = page.locator('section[data-audience="press"] .pptx img')
    slides.first.wait_for()
    small = slides.first.bounding_box()
    slides.first.click()
    zoom = page.locator("dialog#zoom")
    zoom.wait_for(state="visible", timeout=5_000)
    big = zoom.locator("img")
    expect = playwright_api().expect

    def url(img):
        return img.evaluate("img => img.src")

    expect(big).to_have_attribute("src", url(slides.first))
    page.wait_for_function("(i => i.complete && i.naturalWidth > 0)"
                           "(document.querySelector('#zoom img'))")
    assert big.bounding_box()["width"] > 2 * small["width"]
    page.keyboard.press("ArrowRight")
    expect(big).to_have_attribute("src", url(slides.nth(1)))
    assert url(slides.nth(1)) != url(slides.first)
    page.keyboard.press("Escape")
    zoom.wait_for(state="hidden", timeout=5_000)
    assert page.problems == []


def test_side_by_side_shows_all_audiences_in_columns(preview_out: Path, page) -> None:
    page.goto((preview_out / "preview" / "index.html").as_uri())
    page.click('nav [data-tab="*"]')
    page.locator("main.columns").wait_for()
    boxes = [page.locator(f'section[data-audience="{a}"]').bounding_box()
             for a in ("executive", "press", "academic")]
    assert all(b is not None for b in boxes)
    assert boxes[0]["x"] < boxes[1]["x"] < boxes[2]["x"]  # columns, left to right
    assert abs(boxes[0]["y"] - boxes[2]["y"]) < 2
