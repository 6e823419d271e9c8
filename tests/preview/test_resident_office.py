"""The LibreOffices kept running for ``preview --watch``: conversions are handed to them (no
LibreOffice of their own), one at a time each, they outlive them, restart when one has quit,
and stop at the end."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
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
    assert resident_office.count(soffice) == 0
    with resident_office.kept_running(soffice, 1) as offices:
        assert resident_office.count(soffice) == 1
        [office] = offices.offices
        process = office.process
        for n in (1, 2):  # it serves one conversion after another
            staging = tmp_path / f"run{n}"
            made = pdf.to_pdfs(soffice, [source], staging)
            assert made[0].read_bytes().startswith(b"%PDF")
            assert not (staging / "profile").exists()  # no LibreOffice started for it
            assert office.process is process and process is not None and process.poll() is None
        os.killpg(process.pid, signal.SIGKILL)  # crashed: the next rebuild starts another
        process.wait()
        offices.ensure_running()
        assert office.process is not process and office.wait_until_up()
        folder = office.folder
    assert resident_office.count(soffice) == 0
    assert office.process is None and not folder.exists()
    # Without it, a conversion starts LibreOffice with its own throw-away profile, as before.
    assert pdf.to_pdfs(soffice, [source], tmp_path / "alone")[0].is_file()
    assert (tmp_path / "alone" / "profile").is_dir()


def test_each_resident_libreoffice_serves_one_conversion_at_a_time(tmp_path: Path) -> None:
    """Two conversions at once go to two LibreOffices; a third waits for one of them."""
    soffice = _soffice()
    with resident_office.kept_running(soffice, 2) as offices:
        held: list[str] = []
        with resident_office.borrowed(soffice, "own") as first, \
                resident_office.borrowed(soffice, "own") as second:
            held += [first, second]
            waiter: list[str] = []
            third = threading.Thread(target=lambda: _borrow_once(soffice, waiter))
            third.start()
            third.join(0.5)
            assert third.is_alive() and not waiter  # both are lent: it waits
        third.join(30)
        assert sorted(held) == sorted(o.profile for o in offices.offices)
        assert waiter and waiter[0] in held
    with resident_office.borrowed(soffice, "own") as alone:
        assert alone == "own"  # none kept running: the caller's own profile


def _borrow_once(soffice: str, into: list[str]) -> None:
    with resident_office.borrowed(soffice, "own") as profile:
        into.append(profile)


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
    borrowed = resident_office.borrowed

    @contextmanager
    def noted(*args: str) -> Iterator[str]:
        with borrowed(*args) as profile:
            asked.append(profile)
            yield profile

    monkeypatch.setattr(resident_office, "borrowed", noted)
    monkeypatch.setattr(toc, "start_office", lambda soffice: pytest.fail("started another"))
    with resident_office.kept_running(soffice, 1) as offices:
        assert main([*args, str(tmp_path / "resident")]) == 0
        [office] = offices.offices
        assert office.process is not None and office.process.poll() is None
        assert asked == [office.profile]
    # Another process: this one remembers the layout of the same document.
    subprocess.run([sys.executable, "-m", "briefgen", *args, str(tmp_path / "alone")],
                   check=True)
    name = "belt-and-road-forum-2017-academic.docx"
    assert (tmp_path / "resident" / name).read_bytes() == (tmp_path / "alone" / name).read_bytes()
