"""Atomic writes: a failed, interrupted or concurrent build never leaves a broken or partial
file."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pptx
import pytest

from briefgen.cli import main
from briefgen.errors import InputError
from briefgen.write import write_atomic

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "minimal-zh"
AUDIENCES = ("executive", "press", "academic")
SENTINEL = b"the file from an earlier run"
WHEN = dt.datetime(2020, 3, 2, tzinfo=dt.UTC)


def targets(out: Path) -> list[Path]:
    """Output files of ``-a all`` in build order (audience by audience, docx then pptx)."""
    return [out / f"mini-forum-{a}.{x}" for a in AUDIENCES for x in ("docx", "pptx")]


def opens(path: Path) -> bool:
    try:
        (docx.Document if path.suffix == ".docx" else pptx.Presentation)(str(path))
    except Exception:  # noqa: BLE001 - any failure means the file is broken
        return False
    return True


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


@pytest.fixture
def earlier_run(tmp_path) -> Path:
    out = tmp_path / "out"
    out.mkdir()
    for path in targets(out):
        path.write_bytes(SENTINEL)
    return out


def test_out_folder_is_created_if_missing(tmp_path):
    out = tmp_path / "a" / "b" / "c"
    assert main(["--brief", str(FIXTURE), "-a", "press", "-o", str(out), "-q"]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["mini-forum-press.docx",
                                                      "mini-forum-press.pptx"]


def test_out_that_is_a_file_is_an_input_error(tmp_path, capsys):
    out = tmp_path / "out"
    out.write_text("not a folder")
    assert main(["--brief", str(FIXTURE), "-a", "press", "-o", str(out), "-q", "-j", "1"]) == 2
    assert capsys.readouterr().err.splitlines()[0] == (
        f"{out}: cannot create the output folder: a file is in the way (choose another --out)")
    assert out.read_text() == "not a folder"


def test_a_folder_in_place_of_the_file_is_an_input_error(tmp_path, capsys):
    out = tmp_path / "out"
    (out / "mini-forum-press.docx").mkdir(parents=True)
    assert main(["--brief", str(FIXTURE), "-a", "press", "-f", "docx", "-o", str(out),
                 "-q", "-j", "1"]) == 2
    assert "a folder of that name is in the way" in capsys.readouterr().err
    assert leftovers(out) == []


def test_failure_in_the_middle_of_all_keeps_every_earlier_file(earlier_run, monkeypatch):
    from briefgen.render.pptx.renderer import PptxRenderer

    real = PptxRenderer.render
    calls = []

    def second_deck_fails(self, plan, charts, path):
        calls.append(plan.meta.audience)
        if len(calls) == 2:
            path.write_bytes(b"half a deck")
            raise RuntimeError("renderer fell over")
        return real(self, plan, charts, path)

    monkeypatch.setattr(PptxRenderer, "render", second_deck_fails)
    code = main(["--brief", str(FIXTURE), "-a", "all", "-o", str(earlier_run), "-q", "-j", "1"])
    assert code == 1
    files = targets(earlier_run)
    done, failed, not_reached = files[:3], files[3], files[4:]
    assert all(opens(p) for p in done)
    assert failed.read_bytes() == SENTINEL
    assert all(p.read_bytes() == SENTINEL for p in not_reached)
    assert leftovers(earlier_run) == []


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_failing_first_file_leaves_the_later_ones_unwritten_in_workers_too(tmp_path, capsys,
                                                                              jobs):
    """Workers only render; this process puts the files in place in order, so the first
    failure stops the build as in one process."""
    out = tmp_path / "out"
    (out / "mini-forum-executive.docx").mkdir(parents=True)
    assert main(["--brief", str(FIXTURE), "-a", "all", "-o", str(out), "-q", "-j", jobs]) == 2
    assert "a folder of that name is in the way" in capsys.readouterr().err
    assert sorted(p.name for p in out.iterdir()) == ["mini-forum-executive.docx"]


def docx_fails_for(monkeypatch, audience: str) -> None:
    """Make the DOCX of ``audience`` fail half-way (a partial file, then an error)."""
    from briefgen.render.docx.renderer import DocxRenderer

    real = DocxRenderer.render

    def fails(self, plan, charts, path):
        if plan.meta.audience == audience:
            path.write_bytes(b"half a document")
            raise RuntimeError("renderer fell over")
        return real(self, plan, charts, path)

    monkeypatch.setattr(DocxRenderer, "render", fails)


def test_a_failing_file_in_the_background_keeps_the_order_of_a_serial_build(earlier_run,
                                                                            monkeypatch):
    """The academic DOCX (laid out by LibreOffice) renders in a thread while the others render;
    when it fails, the files before it are written and the ones after it are untouched."""
    docx_fails_for(monkeypatch, "academic")
    code = main(["--brief", str(FIXTURE), "-a", "all", "-o", str(earlier_run), "-q", "-j", "1"])
    assert code == 1
    files = targets(earlier_run)
    assert all(opens(p) and p.read_bytes() != SENTINEL for p in files[:4])
    assert [p.read_bytes() for p in files[4:]] == [SENTINEL, SENTINEL]
    assert leftovers(earlier_run) == []


def test_a_failed_build_removes_only_its_own_temporary_files(earlier_run, monkeypatch):
    """Another build writing into the same folder keeps its temporary file (it is mid-write)."""
    from briefgen.render.pptx.renderer import PptxRenderer

    other = earlier_run / ".mini-forum-press.pptx.0badc0de.x1y2z3.tmp"
    other.write_bytes(b"another build's deck, half written")

    def fails(self, plan, charts, path):
        path.write_bytes(b"half a deck")
        raise RuntimeError("no more slides")

    monkeypatch.setattr(PptxRenderer, "render", fails)
    assert main(["--brief", str(FIXTURE), "-a", "press", "-o", str(earlier_run), "-q"]) == 1
    assert leftovers(earlier_run) == [other.name]


def test_failure_in_a_worker_keeps_every_file_whole(earlier_run, monkeypatch):
    docx_fails_for(monkeypatch, "press")
    code = main(["--brief", str(FIXTURE), "-a", "all", "-o", str(earlier_run), "-q", "-j", "2"])
    assert code == 1
    for path in targets(earlier_run):
        assert path.read_bytes() == SENTINEL or opens(path), path.name
    assert (earlier_run / "mini-forum-press.docx").read_bytes() == SENTINEL
    assert leftovers(earlier_run) == []


def test_concurrent_builds_into_one_folder_never_leave_a_broken_file(tmp_path):
    out = tmp_path / "out"
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache"),
           "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    # three runs race on the plan cache and on the records of what each output was made from
    argv = [sys.executable, "-m", "briefgen", "-a", "academic", "-o", str(out), "-q"]
    runs = [subprocess.Popen(argv, cwd=tmp_path, env=env, stderr=subprocess.PIPE, text=True)
            for _ in range(3)]
    results = [(run.wait(timeout=120), run.stderr.read()) for run in runs]
    for run in runs:
        run.stderr.close()
    assert results == [(0, "")] * 3
    files = sorted(out.iterdir())
    assert [p.name for p in files] == ["belt-and-road-forum-2017-academic.docx",
                                       "belt-and-road-forum-2017-academic.pptx"]
    assert all(opens(p) for p in files)
    assert leftovers(out) == []
    records = tmp_path / "cache" / "briefgen" / "outputs"
    assert sorted(p.suffix for p in records.iterdir()) == [".json", ".json"]  # no .tmp left
    assert not (tmp_path / "cache" / "briefgen" / "charts").exists()  # the timeline is a table


def test_write_atomic_leaves_the_old_file_when_produce_fails(tmp_path):
    target = tmp_path / "x.docx"
    target.write_bytes(SENTINEL)

    def produce(tmp: Path) -> None:
        tmp.write_bytes(b"partial")
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, produce, WHEN)
    assert target.read_bytes() == SENTINEL
    assert leftovers(tmp_path) == []


def test_write_atomic_stamps_every_entry_with_the_given_time(tmp_path):
    target = tmp_path / "x.zip"

    def produce(tmp: Path) -> None:
        with zipfile.ZipFile(tmp, "w") as zf:
            zf.writestr("a.xml", "<a/>")
            zf.writestr("b/c.xml", "<c/>")

    write_atomic(target, produce, WHEN)
    with zipfile.ZipFile(target) as zf:
        assert [(i.filename, i.date_time) for i in zf.infolist()] == [
            ("a.xml", (2020, 3, 2, 0, 0, 0)), ("b/c.xml", (2020, 3, 2, 0, 0, 0))]
    assert oct(target.stat().st_mode & 0o777) == "0o644"


def test_unwritable_folder_is_an_input_error(tmp_path, monkeypatch):
    def denied(**_: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("briefgen.write.tempfile.mkstemp", denied)
    with pytest.raises(InputError) as info:
        write_atomic(tmp_path / "x.docx", lambda tmp: None, WHEN)
    assert str(info.value) == (f"{tmp_path}: cannot write to the output folder: Permission "
                               "denied (choose another --out)")
