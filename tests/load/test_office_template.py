"""An organisation's DOCX/PPTX template is an untrusted zip: every guard, and the CLI's answer."""

from __future__ import annotations

import importlib.util
import zipfile
from pathlib import Path

import pytest

from briefgen.cli import main
from briefgen.errors import InputError
from briefgen.load import office_template
from briefgen.load.office_template import check_office_template

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
FIXTURE = ROOT / "tests" / "fixtures" / "minimal-zh"

_spec = importlib.util.spec_from_file_location("make_bad_templates",
                                               DATA / "make_bad_templates.py")
make_bad_templates = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make_bad_templates)


@pytest.fixture(scope="module")
def bad(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("bad-templates")
    make_bad_templates.make_all(folder)
    return folder


@pytest.mark.parametrize("path, suffixes", [
    (ROOT / "templates" / "docx" / "reference-en.docx", (".docx", ".dotx")),
    (ROOT / "templates" / "docx" / "reference-zh.docx", (".docx", ".dotx")),
    (ROOT / "templates" / "pptx" / "default.pptx", (".pptx", ".potx")),
])
def test_bundled_templates_pass(path, suffixes):
    assert check_office_template(path, suffixes) == path


def test_total_unpacked_size_is_capped(tmp_path, monkeypatch):
    monkeypatch.setattr(office_template, "MAX_UNCOMPRESSED", 10_000)
    with pytest.raises(InputError, match=r"template unpacks to [\d,]+ bytes, over 10,000 "
                                         r"\(a zip bomb\?\)"):
        check_office_template(ROOT / "templates" / "docx" / "reference-en.docx", (".docx",))


def test_a_minimal_word_package_passes(tmp_path):
    path = tmp_path / "t.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", make_bad_templates.content_types(
            make_bad_templates.DOCX_MAIN))
    assert check_office_template(path, (".docx",)) == path


def test_missing_template_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="template file not found"):
        check_office_template(tmp_path / "nope.docx", (".docx",))


@pytest.mark.parametrize("name", sorted(make_bad_templates.CASES))
def test_cli_refuses_bad_template_with_exit_2_and_writes_nothing(name, bad, tmp_path, capsys):
    option = "--pptx-template" if ".pptx" in make_bad_templates.suffixes_for(name) else (
        "--docx-template")
    fmt = "pptx" if option == "--pptx-template" else "docx"
    out = tmp_path / "out"
    code = main(["--brief", str(FIXTURE), "-a", "press", "-f", fmt, option, str(bad / name),
                 "-o", str(out), "-q"])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2
    expect = DATA / "bad-templates" / f"{name}.expect"
    assert err[0] == expect.read_text("utf-8").strip().replace("{path}", str(bad / name))
    assert not out.exists() or not any(out.iterdir())
