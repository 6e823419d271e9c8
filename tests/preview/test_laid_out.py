"""A DOCX that LibreOffice laid out to number its contents is not converted again for the
preview: the PDF of its last layout is used, found by the document's parts (not zip times)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from PIL import Image

from briefgen.contents import laid_out
from briefgen.preview import snapshots


def _docx(path: Path, when: tuple[int, ...], text: str = "hello") -> bytes:
    with zipfile.ZipFile(path, "w") as package:
        for name, data in (("[Content_Types].xml", "<Types/>"), ("word/document.xml", text)):
            package.writestr(zipfile.ZipInfo(name, date_time=when), data)
    return path.read_bytes()


def _pdf(path: Path, pages: int = 1) -> Path:
    frames = [Image.new("RGB", (200, 280), (255, 255, 255 - 40 * n)) for n in range(pages)]
    frames[0].save(path, "PDF", save_all=True, append_images=frames[1:])
    return path


@pytest.fixture(autouse=True)
def _empty_memory(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(laid_out, "_PDFS", type(laid_out._PDFS)())


def test_the_same_parts_find_the_layout_whatever_the_zip_times(tmp_path: Path) -> None:
    laid = _docx(tmp_path / "laid.docx", (2017, 5, 15, 0, 0, 0))
    laid_out.remember(laid, _pdf(tmp_path / "laid.pdf"))
    written = _docx(tmp_path / "written.docx", (1980, 1, 1, 0, 0, 0))
    assert written != laid
    assert laid_out.pdf_of(written) == (tmp_path / "laid.pdf").read_bytes()
    other = _docx(tmp_path / "other.docx", (1980, 1, 1, 0, 0, 0), text="hello!")
    assert laid_out.pdf_of(other) is None
    assert laid_out.pdf_of(b"not a zip") is None


def test_only_the_last_few_layouts_are_kept(tmp_path: Path) -> None:
    pdf = _pdf(tmp_path / "x.pdf")
    docs = [_docx(tmp_path / f"{n}.docx", (2017, 1, 1, 0, 0, 0), text=str(n))
            for n in range(laid_out.KEEP + 1)]
    for doc in docs:
        laid_out.remember(doc, pdf)
    assert laid_out.pdf_of(docs[0]) is None and laid_out.pdf_of(docs[-1]) is not None


def test_preview_draws_the_layout_instead_of_converting(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    out.mkdir()
    doc = out / "x-academic.docx"
    _docx(doc, (1980, 1, 1, 0, 0, 0))
    laid_out.remember(_docx(tmp_path / "laid.docx", (2017, 5, 15, 0, 0, 0)),
                      _pdf(tmp_path / "laid.pdf", pages=3))
    deck = out / "x-academic.pptx"
    deck.write_bytes(b"a deck")
    sent: list[str] = []

    def to_pdfs(soffice: str, files: list[Path], staging: Path) -> list[Path]:
        sent.extend(f.suffix for f in files)
        return [_pdf(staging / f"{f.stem}.pdf") for f in files]

    monkeypatch.setattr(snapshots.office, "to_pdfs", to_pdfs)
    doc_shot, deck_shot = snapshots.snapshot_all("soffice", [doc, deck], tmp_path / "preview")
    assert sent == [".pptx"]  # LibreOffice saw only the deck
    assert len(doc_shot.pages) == 3 and len(deck_shot.pages) == 1
