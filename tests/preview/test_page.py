"""``briefgen preview`` writes a page that shows what each audience's files hold, and why."""

from __future__ import annotations

import re
import shutil
import warnings
from pathlib import Path

import pytest
from markupsafe import escape
from pptx import Presentation
from pypdf import PdfReader

from briefgen.cli import main
from briefgen.preview.notes import speaker_notes
from briefgen.preview.snapshots import draw_pages

from .conftest import require

AUDIENCES = ("executive", "press", "academic")


def pictures(html: str, name: str) -> list[str]:
    """The picture paths the page shows for the file ``name`` (its <img data-file=...>)."""
    return re.findall(rf'<img src="(pages/[^"]+)"[^>]*data-file="{re.escape(name)}"', html)


def test_every_page_and_slide_is_shown_in_order(preview_out: Path, tmp_path: Path) -> None:
    html = (preview_out / "preview" / "index.html").read_text(encoding="utf-8")
    decks = sorted(preview_out.glob("*.pptx"))
    docs = sorted(preview_out.glob("*.docx"))
    assert len(decks) == len(docs) == 3
    for deck in decks:
        shown = pictures(html, deck.name)
        assert len(shown) == len(Presentation(str(deck)).slides), deck.name
        pdf = preview_out / "preview" / "files" / f"{deck.stem}-slides.pdf"
        assert len(shown) == len(PdfReader(pdf).pages)
        drawn, _ = draw_pages(pdf, tmp_path)  # the PDF's pages, drawn again, in order
        assert shown == [f"pages/{name}" for name in drawn]
    for doc in docs:
        pdf = preview_out / "preview" / "files" / f"{doc.stem}.pdf"
        assert len(pictures(html, doc.name)) == len(PdfReader(pdf).pages) >= 2, doc.name
    for src in re.findall(r'<img src="(pages/[^"]+)"', html):
        assert (preview_out / "preview" / src).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_speaker_notes_under_each_slide(preview_out: Path) -> None:
    html = (preview_out / "preview" / "index.html").read_text(encoding="utf-8")
    deck = preview_out / "belt-and-road-forum-2017-academic.pptx"
    notes = [n for n in speaker_notes(deck) if n]
    assert len(notes) > 20  # academic notes carry the full text
    shown = re.findall(r'<p class="notes">(.*?)</p>', html, flags=re.DOTALL)
    for text in notes:
        assert str(escape(text)) in shown


def test_what_each_audience_got_and_why(preview_out: Path) -> None:
    html = (preview_out / "preview" / "index.html").read_text(encoding="utf-8")
    sections = {a: html.split(f'data-audience="{a}"')[1].split("</section>")[0] for a in AUDIENCES}
    executive = sections["executive"]
    assert "rule tag:news" in executive and "rule tag:trade" in executive
    # Summaries against the profile's budget (executive: 80 characters per section).
    lengths = [(int(a), int(b)) for a, b in re.findall(r">(\d+) / (\d+)<", executive)]
    assert lengths and all(budget == 80 and 0 < n <= 80 for n, budget in lengths)
    assert "（全文）" not in executive and "(全文)" in sections["academic"]
    assert "中国对沿线国家直接投资: 145亿美元" in executive  # key-figures table row
    assert "2016年中国与沿线国家进出口" in executive  # a chart shown
    # The counts above the pictures are those of the files.
    deck = preview_out / "belt-and-road-forum-2017-executive.pptx"
    pdf = preview_out / "preview" / "files" / "belt-and-road-forum-2017-executive.pdf"
    counts = f"{len(PdfReader(pdf).pages)} 页，{len(Presentation(str(deck)).slides)} 张幻灯片"
    assert f'<p class="counts">{counts}</p>' in executive


def test_links_to_the_files_and_their_pdfs(preview_out: Path) -> None:
    folder = preview_out / "preview"
    html = (folder / "index.html").read_text(encoding="utf-8")
    links = re.findall(r'<a href="(files/[^"]+)"', html)
    assert len(links) == 12  # three audiences x (DOCX, PPTX) x (file, PDF)
    for link in links:
        assert (folder / link).stat().st_size > 10_000, link
    built = preview_out / "belt-and-road-forum-2017-press.docx"
    assert (folder / "files" / built.name).read_bytes() == built.read_bytes()


def test_unchanged_files_are_not_converted_again(preview_out: Path) -> None:
    folder = preview_out / "preview"
    before = {p.name: p.stat().st_mtime_ns for p in (folder / "pages").iterdir()}
    page = (folder / "index.html").read_bytes()
    assert main(["preview", "-q", "-o", str(preview_out)]) == 0
    assert {p.name: p.stat().st_mtime_ns for p in (folder / "pages").iterdir()} == before
    assert (folder / "index.html").read_bytes() == page  # byte-identical page


def test_warnings_raised_while_rendering_are_on_the_page(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from briefgen.render.pptx.renderer import LayoutFallbackWarning, PptxRenderer

    require(shutil.which("soffice") is not None, "LibreOffice (soffice)")
    original = PptxRenderer.render

    def render(self, plan, *args, **kwargs):  # type: ignore[no-untyped-def]
        warnings.warn(f"layout 'Two Content' missing for {plan.meta.audience}",
                      LayoutFallbackWarning, stacklevel=1)
        return original(self, plan, *args, **kwargs)

    monkeypatch.setattr(PptxRenderer, "render", render)
    assert main(["preview", "-q", "-a", "executive", "-o", str(tmp_path)]) == 0
    html = (tmp_path / "preview" / "index.html").read_text(encoding="utf-8")
    assert "<li>LayoutFallbackWarning: layout &#39;Two Content&#39; missing for executive</li>" \
        in html
