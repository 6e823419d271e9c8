"""The command line as a communications team uses it."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest

from briefgen.cli import main
from tests.fixtures.plans import sample_plan

ROOT = Path(__file__).resolve().parents[2]
BAD = ROOT / "tests" / "data" / "bad"


def digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def test_press_build_writes_docx_and_pptx_and_prints_paths(tmp_path, capsys):
    assert main(["--audience", "press", "--out", str(tmp_path)]) == 0
    out = capsys.readouterr().out.split()
    expected = [str(tmp_path / f"belt-and-road-forum-2017-press.{x}") for x in ("docx", "pptx")]
    assert out == expected
    assert all(Path(p).stat().st_size > 10_000 for p in expected)


def test_all_audiences_write_six_files(tmp_path):
    assert main(["--audience", "all", "--out", str(tmp_path), "-q"]) == 0
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == sorted(f"belt-and-road-forum-2017-{a}.{x}"
                           for a in ("executive", "press", "academic") for x in ("docx", "pptx"))


def test_two_builds_are_byte_identical(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    assert main(["-a", "executive", "-o", str(a), "-q"]) == 0
    assert main(["-a", "executive", "-o", str(b), "-q"]) == 0
    assert digest(a) == digest(b)


def test_bad_brief_exits_2_with_one_line_and_writes_nothing(tmp_path, capsys):
    out = tmp_path / "out"
    case = BAD / "missing-figure-ref.yaml"
    assert main(["--brief", str(case), "--out", str(out)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [(f"{case}:22:26: sections[0].figures[1]: no figure with id 'delegate' "
                    "(did you mean 'delegates'?)")]
    assert not out.exists() or not any(out.iterdir())


def test_failed_run_leaves_earlier_files_untouched(tmp_path):
    assert main(["-a", "press", "-o", str(tmp_path), "-q"]) == 0
    before = digest(tmp_path)
    assert main(["-a", "press", "--brief", str(BAD / "nan-value.yaml"), "-o", str(tmp_path)]) == 2
    assert digest(tmp_path) == before


def test_internal_fault_exits_1_without_traceback_and_keeps_files(tmp_path, capsys, monkeypatch):
    assert main(["-a", "press", "-o", str(tmp_path), "-q", "-f", "docx"]) == 0
    before = digest(tmp_path)

    def boom(self, plan, charts, path):
        path.write_bytes(b"half a file")
        raise RuntimeError("disk on fire")

    from briefgen.render.docx.renderer import DocxRenderer

    monkeypatch.setattr(DocxRenderer, "render", boom)
    # --no-cache: the file is up to date, and an unchanged file is not rendered at all.
    assert main(["-a", "press", "-o", str(tmp_path), "-f", "docx", "--no-cache"]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and "--debug" in err and "disk on fire" in err
    assert digest(tmp_path) == before  # no temporary file left, the old file intact


def test_internal_fault_with_a_multiline_message_prints_one_line(tmp_path, capsys,
                                                                monkeypatch):
    from briefgen.render.docx.renderer import DocxRenderer

    def boom(self, plan, charts, path):
        raise RuntimeError("\n  disk on fire\n  and the rest of a long story\n")

    monkeypatch.setattr(DocxRenderer, "render", boom)
    assert main(["-a", "press", "-o", str(tmp_path), "-f", "docx"]) == 1
    assert capsys.readouterr().err.splitlines() == [
        "briefgen: internal error: RuntimeError: disk on fire (run with --debug for details)"]


@pytest.mark.parametrize("option,suffix,part", [
    ("--docx-template", ".docx", "word/document.xml"),
    ("--pptx-template", ".pptx", "ppt/presentation.xml"),
])
def test_a_safe_but_broken_template_is_refused_before_any_file_is_written(
        tmp_path, capsys, option, suffix, part):
    """A part that is not well-formed passes the safety checks; opening the template fails,
    and that is the user's input (exit 2), found before the first output file is written."""
    import zipfile

    from briefgen.pipeline import make_renderer

    good = tmp_path / f"good{suffix}"
    make_renderer(suffix[1:]).render(sample_plan(), {}, good)
    broken = tmp_path / f"broken{suffix}"
    with zipfile.ZipFile(good) as zin, zipfile.ZipFile(broken, "w") as zout:
        for item in zin.infolist():
            zout.writestr(item, b"<not well-formed" if item.filename == part
                          else zin.read(item.filename))
    out = tmp_path / "out"
    assert main(["-a", "press", option, str(broken), "-o", str(out)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and err[0].startswith(f"{broken}: template cannot be opened (")
    assert not out.exists()


def test_unknown_audience_is_an_input_error(tmp_path, capsys):
    assert main(["-a", "minister", "-o", str(tmp_path)]) == 2
    assert "unknown audience 'minister'" in capsys.readouterr().err


def test_custom_profile_builds_under_its_own_name(tmp_path):
    profile = tmp_path / "desk.yaml"
    profile.write_text("extends: executive\nid: trade-desk\nsections: [tag:trade]\n", "utf-8")
    out = tmp_path / "out"
    assert main(["-a", "trade-desk", "--profile", str(profile), "-o", str(out), "-q"]) == 0
    assert (out / "belt-and-road-forum-2017-trade-desk.docx").exists()


def test_a_profile_can_ask_for_chart_pictures_in_the_document(tmp_path):
    """document.charts: picture puts every chart into the DOCX as a picture with its alt text;
    the deck keeps native charts."""
    import docx
    import pptx

    profile = tmp_path / "print.yaml"
    profile.write_text("extends: executive\nid: print\ndocument: {charts: picture}\n", "utf-8")
    out = tmp_path / "out"
    assert main(["-a", "executive", "-p", str(profile), "-o", str(out), "-q"]) == 0

    def chart_parts(path: Path) -> int:
        return sum(1 for part in docx.Document(str(path)).part.package.iter_parts()
                   if part.partname.startswith("/word/charts/"))

    def pictures(path: Path) -> list[str]:
        body = docx.Document(str(path)).element.body
        return [d.get("descr") for d in body.iter("{*}docPr") if body.xpath(".//pic:pic")]

    native = out / "belt-and-road-forum-2017-executive.docx"
    printed = out / "belt-and-road-forum-2017-print.docx"
    assert chart_parts(native) >= 1 and chart_parts(printed) == 0  # a memo keeps one chart
    assert len(pictures(printed)) == chart_parts(native) and all(pictures(printed))
    deck = pptx.Presentation(str(out / "belt-and-road-forum-2017-print.pptx"))
    assert any(shape.has_chart for slide in deck.slides for shape in slide.shapes)


@pytest.mark.parametrize("fmt", ["docx", "pptx"])
def test_format_option_limits_outputs(tmp_path, fmt):
    assert main(["-a", "executive", "-f", fmt, "-o", str(tmp_path), "-q"]) == 0
    assert [p.suffix for p in tmp_path.iterdir()] == [f".{fmt}"]


def test_module_entry_point_runs_without_a_traceback_on_bad_input(tmp_path):
    run = subprocess.run([sys.executable, "-m", "briefgen", "--brief", str(BAD / "binary.yaml"),
                          "-o", str(tmp_path)], capture_output=True, text=True, cwd=ROOT,
                         check=False)
    assert run.returncode == 2
    assert run.stderr.strip() == f"{BAD / 'binary.yaml'}: file is binary, not YAML text"
