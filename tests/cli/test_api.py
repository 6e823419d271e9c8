"""The library API: docs/api.md runs as written, and ``import briefgen`` stays cheap."""

from __future__ import annotations

import doctest
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def test_api_doc_examples_run_as_written(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = doctest.testfile(str(ROOT / "docs" / "api.md"), module_relative=False,
                              optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 10
    assert result.failed == 0
    assert (tmp_path / "out" / "belt-and-road-forum-2017-press.pptx").is_file()


def test_import_briefgen_loads_no_heavy_module():
    code = ("import sys, briefgen; heavy = [m for m in ('pydantic', 'docx', 'pptx', 'matplotlib',"
            " 'yaml', 'briefgen.pipeline') if m in sys.modules]; print(heavy)")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                         check=False)
    assert run.stdout.strip() == "[]"


def test_build_is_the_pipeline_function_in_any_import_order():
    code = ("from briefgen.pipeline import build as f; import briefgen, inspect; "
            "from briefgen import build; "
            "print(callable(briefgen.build), 'audiences' in str(inspect.signature(briefgen.build)),"
            " briefgen.build is f is build)")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                         check=False)
    assert run.stdout.split() == ["True", "True", "True"]


def test_build_accepts_strings_for_paths_and_lists(tmp_path):
    import briefgen

    outputs = briefgen.build(audiences="executive", formats="docx", out=str(tmp_path), jobs=1)
    assert [(o.audience, o.format) for o in outputs] == [("executive", "docx")]
    assert outputs[0].path == tmp_path / "belt-and-road-forum-2017-executive.docx"


def test_unknown_public_name_is_an_attribute_error():
    import briefgen

    with pytest.raises(AttributeError, match="no attribute 'bulid'"):
        briefgen.bulid  # noqa: B018
    assert {"build", "load_brief", "plan_for", "InputError"} <= set(dir(briefgen))
