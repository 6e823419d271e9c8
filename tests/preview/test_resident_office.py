"""The LibreOffice kept running for ``preview --watch``: conversions are handed to it (no
LibreOffice of their own), it outlives them, restarts when it has quit, and stops at the end."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from briefgen import office as pdf
from briefgen.office import resident as resident_office
from briefgen.resources import default_brief

from .conftest import require


def _soffice() -> str:
    soffice = pdf.find_soffice()
    require(soffice is not None, "LibreOffice (soffice)")
    assert soffice is not None
    return soffice


def test_conversions_are_handed_to_the_resident_libreoffice(tmp_path: Path) -> None:
    soffice = _soffice()
    source = tmp_path / "notes.txt"
    source.write_text("一带一路\n", encoding="utf-8")
    assert not resident_office.running(soffice)
    with resident_office.kept_running(soffice) as office:
        assert resident_office.running(soffice)
        process = office.process
        for n in (1, 2):  # it serves one conversion after another
            staging = tmp_path / f"run{n}"
            made = pdf.to_pdfs(soffice, [source], staging)
            assert made[0].read_bytes().startswith(b"%PDF")
            assert not (staging / "profile").exists()  # no LibreOffice started for it
            assert office.process is process and process is not None and process.poll() is None
        os.killpg(process.pid, signal.SIGKILL)  # crashed: the next rebuild starts another
        process.wait()
        office.ensure_running()
        assert office.process is not process and office.wait_until_up()
        folder = office.folder
    assert not resident_office.running(soffice)
    assert office.process is None and not folder.exists()
    # Without it, a conversion starts LibreOffice with its own throw-away profile, as before.
    assert pdf.to_pdfs(soffice, [source], tmp_path / "alone")[0].is_file()
    assert (tmp_path / "alone" / "profile").is_dir()


def test_contents_layouts_go_to_it_and_give_the_same_document(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The academic briefing (contents page numbers from a layout) is byte for byte the same
    whether the layout ran in a LibreOffice of its own or in the resident one."""
    from briefgen import office as toc
    from briefgen.cli import main

    soffice = _soffice()
    monkeypatch.setenv("BRIEFGEN_TOC_PAGES", "1")  # the suite turns layouts off
    brief = tmp_path / "brief"
    shutil.copytree(default_brief().parent, brief)
    args = ["build", str(brief), "-a", "academic", "-f", "docx", "--no-cache", "-q", "-o"]
    asked: list[str] = []
    profile_for = resident_office.profile_for
    monkeypatch.setattr(resident_office, "profile_for",
                        lambda *a: asked.append(profile_for(*a)) or asked[-1])
    monkeypatch.setattr(toc, "start_office", lambda soffice: pytest.fail("started another"))
    with resident_office.kept_running(soffice) as office:
        assert main([*args, str(tmp_path / "resident")]) == 0
        assert office.process is not None and office.process.poll() is None
        assert asked == [office.profile]
    # Another process: this one remembers the layout of the same document.
    subprocess.run([sys.executable, "-m", "briefgen", *args, str(tmp_path / "alone")],
                   check=True)
    name = "belt-and-road-forum-2017-academic.docx"
    assert (tmp_path / "resident" / name).read_bytes() == (tmp_path / "alone" / name).read_bytes()
