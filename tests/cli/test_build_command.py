"""``briefgen build``: explicit and default forms, result table, --quiet, PDF, parallel output."""

from __future__ import annotations

import hashlib
import io
import shutil
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

from briefgen.cli import main
from briefgen.commands.report import Reporter, docx_pages, human_size, slide_count

AUDIENCES = ("executive", "press", "academic")
NAME = "belt-and-road-forum-2017"


def run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        status = main(argv)
    return status, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def all_build(tmp_path_factory):
    """One ``briefgen --audience all`` run, shared: (folder, status, stdout, stderr)."""
    folder = tmp_path_factory.mktemp("all")
    return (folder, *run(["--audience", "all", "--out", str(folder)]))


def test_audience_all_prints_six_paths_in_audience_order(all_build):
    folder, status, out, _ = all_build
    assert status == 0
    assert out.splitlines() == [str(folder / f"{NAME}-{a}.{x}")
                                for a in AUDIENCES for x in ("docx", "pptx")]


def test_result_table_lists_six_files_with_slides_size_and_time(all_build):
    folder, _, _, err = all_build
    from pptx import Presentation

    rows = [line for line in err.splitlines() if line.startswith(str(folder))]
    assert len(rows) == 6
    for row in rows:
        path = Path(row.split()[0])
        assert row.rstrip().endswith(" s") and "KB" in row
        if path.suffix == ".pptx":
            slides = len(Presentation(str(path)).slides)
            assert f"{slides} slides" in row and slide_count(path) == slides
    assert err.splitlines()[0].split() == ["file", "pages", "size", "time"]
    assert "6 files" in err


def test_explicit_build_with_positional_brief_equals_the_default_form(tmp_path, all_build):
    folder = all_build[0]
    status, out, err = run(["build", str(Path(__file__).parents[2] / "briefs" / NAME),
                            "-a", "executive", "-o", str(tmp_path)])
    assert status == 0 and err == ""  # one audience: no table
    for path in map(Path, out.split()):
        assert path.read_bytes() == (folder / path.name).read_bytes()


def test_a_brief_without_the_word_build_is_built(tmp_path, all_build):
    """``briefgen BRIEF`` as docs/cli.md writes it (``briefgen [build] [BRIEF]``): the brief
    given first, with and without the options every command takes before it."""
    folder = all_build[0]
    brief = str(Path(__file__).parents[2] / "briefs" / NAME)
    status, out, err = run([brief, "-a", "executive", "-o", str(tmp_path / "a")])
    assert status == 0 and err == ""
    paths = [Path(p) for p in out.split()]
    assert [p.name for p in paths] == [f"{NAME}-executive.docx", f"{NAME}-executive.pptx"]
    for path in paths:
        assert path.read_bytes() == (folder / path.name).read_bytes()
    status, out, err = run(["-q", brief, "-a", "press", "-f", "docx", "-o", str(tmp_path / "b")])
    assert (status, out, err) == (0, "", "")
    assert [p.name for p in (tmp_path / "b").iterdir()] == [f"{NAME}-press.docx"]


def test_options_before_the_command_are_kept(tmp_path):
    status, out, err = run(["-q", "build", "-a", "press", "-f", "docx", "-o", str(tmp_path)])
    assert (status, out, err) == (0, "", "")
    assert [p.name for p in tmp_path.iterdir()] == [f"{NAME}-press.docx"]


def test_quiet_prints_nothing_even_for_several_audiences(tmp_path):
    assert run(["-a", "all", "-f", "docx", "-o", str(tmp_path), "--quiet"]) == (0, "", "")


def test_verbose_reports_stages_and_table_for_one_audience(tmp_path):
    argv = ["-a", "executive", "-f", "docx", "-o", str(tmp_path), "-v"]
    status, out, err = run([*argv, "--no-cache"])
    assert status == 0 and out.strip() == str(tmp_path / f"{NAME}-executive.docx")
    assert "briefgen: planned 1 audience" in err and "1 file" in err
    run(argv)  # fills the cache
    status, out, err = run(argv)
    assert status == 0 and "briefgen: reused the plans of an earlier build" in err
    assert "planned" not in err


def test_brief_given_twice_is_an_input_error(tmp_path):
    status, _, err = run(["build", "x", "--brief", "y", "-o", str(tmp_path)])
    assert status == 2 and "given twice" in err


def test_unknown_format_is_refused_before_anything_is_built(tmp_path):
    with pytest.raises(SystemExit) as done, redirect_stderr(io.StringIO()) as err:
        main(["-f", "docx,odt", "-o", str(tmp_path)])
    assert done.value.code == 2 and "unknown format 'odt'" in err.getvalue()
    assert not any(tmp_path.iterdir())


def digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def test_parallel_and_sequential_builds_are_byte_identical(tmp_path, all_build):
    for jobs in ("1", "3"):
        assert run(["-a", "all", "-o", str(tmp_path / jobs), "-q", "--jobs", jobs])[0] == 0
        assert digest(tmp_path / jobs) == digest(all_build[0])


def test_planning_in_workers_gives_the_same_plans():
    import briefgen
    from briefgen.parallel import in_order

    loaded = briefgen.load_brief(briefgen.example_brief())
    profiles = [briefgen.load_profile(a) for a in AUDIENCES]
    forked = in_order(lambda i: briefgen.plan_for(loaded, profiles[i]), 3, workers=2,
                      cost=lambda i: i)
    assert forked == [briefgen.plan_for(loaded, p) for p in profiles]


def test_worker_count_is_one_for_one_file_and_caps_at_the_files():
    from briefgen.parallel import worker_count

    assert worker_count(4, 1) == 1 and worker_count(4, 3) == 3 and worker_count(1, 6) == 1
    assert 1 <= worker_count(None, 6) <= 6


def test_default_workers_only_on_an_idle_single_threaded_linux_process(monkeypatch):
    import briefgen.parallel as b

    # The test process may run threads of other tests (a browser fixture): count them here.
    monkeypatch.setattr(b.threading, "active_count", lambda: 1)
    monkeypatch.setattr(b, "_idle_cpus", lambda: 1.5)
    monkeypatch.setattr(b.sys, "platform", "linux")
    assert b.worker_count(None, 6) == 2
    monkeypatch.setattr(b, "_idle_cpus", lambda: 0.5)
    assert b.worker_count(None, 6) == 1  # busy machine
    monkeypatch.setattr(b, "_idle_cpus", lambda: 1.5)
    assert b.worker_count(None, 6, busy=1) == 1  # the other CPU lays out the contents
    monkeypatch.setattr(b, "_idle_cpus", lambda: 3.5)
    assert b.worker_count(None, 6, busy=1) == 2
    monkeypatch.setattr(b, "_idle_cpus", lambda: 1.5)
    monkeypatch.setattr(b.sys, "platform", "darwin")
    assert b.worker_count(None, 6) == 1 and b.worker_count(2, 6) == 2  # asked for: given
    monkeypatch.setattr(b.sys, "platform", "linux")
    monkeypatch.setattr(b.threading, "active_count", lambda: 2)
    assert b.worker_count(None, 6) == 1  # the caller runs another thread


def test_idle_cpus_are_those_no_other_task_runs_on_now(monkeypatch, tmp_path):
    import briefgen.parallel as b

    monkeypatch.setattr(b.os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)
    loadavg = tmp_path / "loadavg"
    monkeypatch.setattr(b, "LOADAVG", str(loadavg))
    loadavg.write_text("1.20 1.10 1.00 1/91 4242\n")  # only this process: the last minute's
    assert b._idle_cpus() == 2  # average still counts the build that just ended
    loadavg.write_text("0.10 0.10 0.10 3/91 4242\n")
    assert b._idle_cpus() == 0  # two others run now
    loadavg.write_text("garbled")
    monkeypatch.setattr(b.os, "getloadavg", lambda: (0.5, 0.5, 0.5))
    assert b._idle_cpus() == 1.5  # elsewhere: the load average


def test_beside_plans_in_a_forked_process_while_this_one_runs_meanwhile():
    import os

    from briefgen.errors import InputError, Problem
    from briefgen.parallel import beside

    here = []
    assert beside(lambda: os.getpid(), lambda: here.append(os.getpid())) != os.getpid()
    assert here == [os.getpid()]

    def bad():
        raise InputError([Problem("brief.yaml", 3, None, "meta.title", "missing")])

    with pytest.raises(InputError, match="meta.title"):
        beside(bad, lambda: None)


def test_a_failing_worker_leaves_no_temporary_file(tmp_path, monkeypatch):
    from briefgen.render.pptx.renderer import PptxRenderer

    def boom(self, plan, charts, path):
        path.write_bytes(b"half a deck")
        raise RuntimeError("no more slides")

    monkeypatch.setattr(PptxRenderer, "render", boom)
    status, _, err = run(["-a", "all", "-o", str(tmp_path), "-j", "2"])
    assert status == 1 and "no more slides" in err
    assert not [p for p in tmp_path.iterdir() if p.suffix not in (".docx",)]


# --------------------------------------------------------------------------- pdf

needs_soffice = pytest.mark.skipif(not (shutil.which("soffice") or shutil.which("libreoffice")),
                                   reason="LibreOffice (soffice) is not installed")


@needs_soffice
def test_pdf_is_converted_from_the_docx_and_has_pages(tmp_path):
    from briefgen.office import page_count

    status, out, _ = run(["-a", "executive", "-f", "pdf", "-o", str(tmp_path)])
    assert status == 0
    pdf = tmp_path / f"{NAME}-executive.pdf"
    assert out.split() == [str(pdf)]
    assert pdf.read_bytes().startswith(b"%PDF-") and (page_count(pdf) or 0) >= 1
    assert sorted(p.name for p in tmp_path.iterdir()) == [pdf.name]  # no DOCX, no staging


@needs_soffice
def test_pdf_with_docx_keeps_both_and_the_table_gives_docx_pages(tmp_path):
    status, out, err = run(["-a", "executive", "-a", "press", "-f", "docx,pdf",
                            "-o", str(tmp_path)])
    assert status == 0
    assert [Path(p).name for p in out.split()] == [
        f"{NAME}-executive.docx", f"{NAME}-press.docx", f"{NAME}-executive.pdf",
        f"{NAME}-press.pdf"]
    docx_row = next(line for line in err.splitlines()
                    if line.startswith(str(tmp_path / f"{NAME}-press.docx")))
    assert " page" in docx_row  # LibreOffice paginated it for the PDF


def test_missing_soffice_is_one_line_and_exit_2(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    status, out, err = run(["-a", "press", "-f", "docx,pdf", "-o", str(tmp_path / "out")])
    assert status == 2 and out == ""
    assert err.strip().splitlines() == [
        ("--format: pdf needs LibreOffice, and soffice is not on PATH (install LibreOffice, "
         "or build docx and convert it yourself)")]
    assert not (tmp_path / "out").exists()


# --------------------------------------------------------------------------- report helpers


def test_reporter_draws_no_status_line_when_stderr_is_not_a_terminal():
    out, err = io.StringIO(), io.StringIO()
    Reporter(out=out, err=err).clear()
    assert err.getvalue() == ""


def test_docx_pages_ignores_python_docx_default_app_xml(all_build):
    assert docx_pages(all_build[0] / f"{NAME}-press.docx") is None


@pytest.mark.parametrize(("size", "text"), [(512, "512 B"), (48_000, "47 KB"),
                                            (3_500_000, "3.3 MB")])
def test_human_size(size, text):
    assert human_size(size) == text


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_status_line_on_a_terminal_is_cleared_before_each_path_and_at_the_end(tmp_path):
    from briefgen.pipeline import Output

    out, err = io.StringIO(), _Terminal()
    reporter = Reporter(out=out, err=err)
    reporter.file(Output(tmp_path / "a.docx", "press", "docx", 0.1))
    reporter.clear()
    assert out.getvalue() == f"{tmp_path / 'a.docx'}\n"
    assert err.getvalue().startswith("\r\033[Kbuilding…\r\033[K\r\033[K1 file written")
    assert err.getvalue().endswith("\r\033[K")
