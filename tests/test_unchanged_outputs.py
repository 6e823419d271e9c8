"""A rebuild with nothing changed leaves every file alone; anything that changed what a file is
made from, or the file itself, writes it again, with the bytes a build without caches writes
(briefgen/output_records.py, briefgen/made_from.py)."""

from __future__ import annotations

import hashlib
import shutil
import zipfile
from pathlib import Path

import pytest

import briefgen
from briefgen.commands.report import result_table

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "minimal-zh"
REFERENCE = ROOT / "templates" / "docx" / "reference-zh.docx"


@pytest.fixture
def brief(tmp_path, monkeypatch) -> Path:
    """A copy of the minimal brief, an empty cache and a home of its own (for user fonts)."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.delenv("BRIEFGEN_CACHE", raising=False)
    folder = tmp_path / "brief"
    shutil.copytree(FIXTURE, folder)
    return folder / "brief.yaml"


def build(brief: Path, out: Path, **options) -> dict[str, bool]:
    """File name -> whether the build left it unchanged."""
    outputs = briefgen.build(brief, audiences=("executive", "press"), formats="docx,pptx",
                             out=out, jobs=1, **options)
    return {o.path.name: o.unchanged for o in outputs}


def digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.iterdir()) if p.is_file()}


def test_second_build_leaves_every_file_alone(brief, tmp_path) -> None:
    out = tmp_path / "out"
    assert not any(build(brief, out).values())
    before = {p.name: p.stat().st_mtime_ns for p in out.iterdir()}
    assert all(build(brief, out).values())
    assert {p.name: p.stat().st_mtime_ns for p in out.iterdir()} == before


def test_unchanged_files_are_the_bytes_of_a_build_without_caches(brief, tmp_path) -> None:
    build(brief, tmp_path / "a")
    assert all(build(brief, tmp_path / "a").values())
    assert not any(build(brief, tmp_path / "b", cache=False).values())
    assert digests(tmp_path / "a") == digests(tmp_path / "b")
    assert len(digests(tmp_path / "a")) == 4


def test_no_cache_writes_everything(brief, tmp_path) -> None:
    build(brief, tmp_path / "out")
    assert not any(build(brief, tmp_path / "out", cache=False).values())


def test_a_file_edited_by_hand_is_written_again(brief, tmp_path) -> None:
    out = tmp_path / "out"
    build(brief, out)
    want = digests(out)
    edited = next(out.glob("*-press.pptx"))
    with edited.open("ab") as handle:
        handle.write(b"edited")
    result = build(brief, out)
    assert [name for name, same in result.items() if not same] == [edited.name]
    assert digests(out) == want


def test_a_file_replaced_with_the_same_size_and_time_is_written_again(brief, tmp_path) -> None:
    out = tmp_path / "out"
    build(brief, out)
    target = next(out.glob("*-executive.docx"))
    stat = target.stat()
    data = bytearray(target.read_bytes())
    data[-30] ^= 0xFF  # one byte of the zip's directory, same size
    target.write_bytes(bytes(data))
    import os

    os.utime(target, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert build(brief, out)[target.name] is False


def test_a_deleted_file_is_written_again(brief, tmp_path) -> None:
    out = tmp_path / "out"
    build(brief, out)
    want = digests(out)
    gone = next(out.glob("*-executive.docx"))
    gone.unlink()
    result = build(brief, out)
    assert [name for name, same in result.items() if not same] == [gone.name]
    assert digests(out) == want


def test_an_edited_brief_writes_its_files_again(brief, tmp_path) -> None:
    out = tmp_path / "out"
    build(brief, out)
    text = brief.read_text("utf-8")
    brief.write_text(text.replace("title: ", "title: 新", 1), "utf-8")
    assert not any(build(brief, out).values())


def _retitled(template: Path, title: str) -> None:
    """Change the template's document title (docProps/core.xml): other template bytes."""
    data = {}
    with zipfile.ZipFile(template) as zin:
        infos = zin.infolist()
        for info in infos:
            data[info.filename] = zin.read(info.filename)
    core = data["docProps/core.xml"]
    data["docProps/core.xml"] = core.replace(b"</dc:title>", title.encode() + b"</dc:title>", 1)
    assert data["docProps/core.xml"] != core
    with zipfile.ZipFile(template, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in infos:
            zout.writestr(info, data[info.filename])


def test_a_changed_template_writes_the_documents_again(brief, tmp_path) -> None:
    template = tmp_path / "house.docx"
    shutil.copy(REFERENCE, template)
    out = tmp_path / "out"
    build(brief, out, docx_template=template)
    assert all(build(brief, out, docx_template=template).values())
    _retitled(template, " (house style)")
    result = build(brief, out, docx_template=template)
    assert {name for name, same in result.items() if not same} == {
        name for name in result if name.endswith(".docx")}
    build(brief, tmp_path / "fresh", docx_template=template, cache=False)
    assert digests(out) == digests(tmp_path / "fresh")


def test_a_font_installed_writes_everything_again(brief, tmp_path) -> None:
    out = tmp_path / "out"
    build(brief, out)
    fonts = tmp_path / "home" / ".fonts"
    fonts.mkdir(parents=True)
    (fonts / "House-Sans.ttf").write_bytes(b"not really a font")
    assert not any(build(brief, out).values())
    assert all(build(brief, out).values())


def test_contents_page_switch_writes_the_document_with_contents_again(brief, tmp_path,
                                                                      monkeypatch) -> None:
    """The academic DOCX has a contents page; whether it gets numbers is part of its making."""
    out = tmp_path / "out"
    monkeypatch.setenv("BRIEFGEN_TOC_PAGES", "0")
    monkeypatch.setenv("PATH", "/nonexistent")  # and no LibreOffice either way
    briefgen.build(brief, audiences="academic", formats="docx", out=out, jobs=1)
    monkeypatch.setenv("BRIEFGEN_TOC_PAGES", "1")
    with pytest.warns(UserWarning, match="LibreOffice not found"):
        (again,) = briefgen.build(brief, audiences="academic", formats="docx", out=out, jobs=1)
    assert not again.unchanged
    (third,) = briefgen.build(brief, audiences="academic", formats="docx", out=out, jobs=1)
    assert third.unchanged


def test_workers_report_unchanged_and_written_files_in_order(brief, tmp_path) -> None:
    out = tmp_path / "out"
    build(brief, out)
    next(out.glob("*-press.docx")).unlink()
    outputs = briefgen.build(brief, audiences=("executive", "press"), formats="docx,pptx",
                             out=out, jobs=2)
    assert [(o.audience, o.format, o.unchanged) for o in outputs] == [
        ("executive", "docx", True), ("executive", "pptx", True), ("press", "docx", False),
        ("press", "pptx", True)]


def test_result_table_says_unchanged(brief, tmp_path) -> None:
    out = tmp_path / "out"
    build(brief, out)
    outputs = briefgen.build(brief, audiences=("executive", "press"), formats="docx",
                             out=out, jobs=1)
    table = result_table(outputs, 0.1)
    rows = [line for line in table.splitlines() if line.startswith(str(out))]
    assert len(rows) == 2 and all(row.endswith("unchanged") for row in rows)


@pytest.mark.skipif(not (shutil.which("soffice") and shutil.which("pdfinfo")),
                    reason="LibreOffice or poppler-utils is not installed")
def test_contents_numbers_kept_are_the_bytes_of_a_fresh_layout(brief, tmp_path,
                                                              monkeypatch) -> None:
    """The academic DOCX with its contents numbered by LibreOffice: left alone on a rebuild,
    and the same bytes as a build with every cache off."""
    monkeypatch.setenv("BRIEFGEN_TOC_PAGES", "1")

    def academic(out: Path, **options) -> briefgen.Output:
        (output,) = briefgen.build(brief, audiences="academic", formats="docx", out=out,
                                   jobs=1, **options)
        return output

    first = academic(tmp_path / "a")
    assert not first.unchanged
    assert academic(tmp_path / "a").unchanged
    assert not academic(tmp_path / "b", cache=False).unchanged
    assert digests(tmp_path / "a") == digests(tmp_path / "b")
