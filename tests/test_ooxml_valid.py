"""Every file the builds below write passes Microsoft's Open XML validator with 0 errors, under
Office 2019's rules and Microsoft 365's (issue 15): both bundled briefs for every audience, with
organisation templates (.dotx, .potx in 4:3 and 16:9), bound for PDF (the academic contents filled
from LibreOffice's layout), and every brief under tests/data/briefs/. The generated briefs are
validated in tests/fuzz/test_fuzz_ooxml_valid.py.

All files are built first, then validated in one parallel batch (see tests/ooxml_validator.py).
The validator's own test: files broken on purpose must fail it.
"""

from __future__ import annotations

import io
import re
import shutil
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import docx
import pptx
import pytest
from pptx.util import Emu

from briefgen.pipeline import build
from tests import ooxml_validator
from tests.ooxml_validator import Finding, require_validator, summary, validate

ROOT = Path(__file__).resolve().parents[1]
BRIEFS = {"zh": ROOT / "briefs" / "belt-and-road-forum-2017",
          "en": ROOT / "briefs" / "belt-and-road-forum-2017-en"}
#: Briefs of other events, added by other work: each is validated in every audience and format.
MORE_BRIEFS = ROOT / "tests" / "data" / "briefs"
HAS_LO = shutil.which("soffice") is not None
WIDE = (Emu(12192000), Emu(6858000))  # 16:9, 13.33 x 7.5 in
#: A custom profile whose DOCX has every chart as a picture (the other chart path of the writer).
PICTURES = ("id: pictures\nextends: press\nname: {zh: 图片版, en: Pictures}\n"
            "document: {charts: picture}\n")


@dataclass(frozen=True)
class Case:
    """One build: a brief for every audience (or for ``profile``, a custom profile's YAML), in
    ``formats``, with these templates."""

    name: str
    brief: Path
    formats: tuple[str, ...] = ("docx", "pptx")
    templates: dict[str, str] = field(default_factory=dict)  # build() keyword -> template name
    needs_lo: bool = False
    profile: str | None = None

    def run(self, out: Path, templates: dict[str, Path]) -> list[Path]:
        profiles = [out / f"{self.name}.yaml"] if self.profile else []
        for path in profiles:
            path.write_text(self.profile, "utf-8")
        with pytest.MonkeyPatch.context() as env:
            env.setenv("BRIEFGEN_TOC_PAGES", "1" if self.needs_lo else "0")
            made = build(brief=self.brief, audiences=[] if self.profile else ["all"],
                         formats=self.formats, out=out / self.name, profile_files=profiles,
                         cache=False, **{k: templates[v] for k, v in self.templates.items()})
        return [o.path for o in made if o.format in ("docx", "pptx")]

    @property
    def audiences(self) -> int:
        return 1 if self.profile else 3


def more_briefs(folder: Path = MORE_BRIEFS) -> dict[str, Path]:
    """The briefs in ``folder`` by name: ``NAME/brief.yaml`` or ``NAME.yaml``."""
    found = {path.parent.name: path for path in folder.glob("*/brief.yaml")}
    found.update((path.stem, path) for path in folder.glob("*.yaml"))
    return dict(sorted(found.items()))


CASES = [
    *(Case(lang, brief) for lang, brief in BRIEFS.items()),
    *(Case(f"{lang}-dotx", brief, ("docx",), {"docx_template": "org.dotx"})
      for lang, brief in BRIEFS.items()),
    Case("zh-potx-4x3", BRIEFS["zh"], ("pptx",), {"pptx_template": "org-4x3.potx"}),
    Case("en-potx-16x9", BRIEFS["en"], ("pptx",), {"pptx_template": "org-16x9.potx"}),
    Case("zh-picture-charts", BRIEFS["zh"], ("docx",), profile=PICTURES),
    *(Case(f"{lang}-pdf", brief, ("docx", "pdf"), needs_lo=True)
      for lang, brief in BRIEFS.items()),
    *(Case(f"data-{name}", path) for name, path in more_briefs().items()),
]


# ------------------------------------------------------------------------ organisation templates


def as_template(blob: bytes, main: bytes, template_main: bytes) -> bytes:
    """A .docx/.pptx package as its template (.dotx/.potx): only the main content type differs."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(blob)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "[Content_Types].xml":
                data = data.replace(main, template_main)
            dst.writestr(info, data)
    return out.getvalue()


def organisation_templates(folder: Path) -> dict[str, Path]:
    """Templates as an organisation brings them: python-docx's Word defaults as a .dotx, and
    python-pptx's default deck as a .potx in its own 4:3 and resized to 16:9."""
    blobs = {}
    buffer = io.BytesIO()
    docx.Document().save(buffer)
    blobs["org.dotx"] = as_template(buffer.getvalue(), b"document.main+xml",
                                    b"template.main+xml")
    for name, size in (("org-4x3.potx", None), ("org-16x9.potx", WIDE)):
        deck, buffer = pptx.Presentation(), io.BytesIO()
        if size:
            deck.slide_width, deck.slide_height = size
        deck.save(buffer)
        blobs[name] = as_template(buffer.getvalue(), b"presentationml.presentation.main",
                                  b"presentationml.template.main")
    paths = {}
    for name, blob in blobs.items():
        paths[name] = folder / name
        paths[name].write_bytes(blob)
    return paths


# ------------------------------------------------------------------------ build and validate


@dataclass
class Checked:
    """What one case built, and what the validator said about it."""

    files: list[Path]
    findings: list[Finding]


@pytest.fixture(scope="module")
def checked(tmp_path_factory) -> dict[str, Checked]:
    """Every case built, then all files validated in one batch; keyed by case name."""
    require_validator()  # before minutes of building
    out = tmp_path_factory.mktemp("ooxml-valid")
    templates = organisation_templates(out)
    files = {c.name: c.run(out, templates) for c in CASES if HAS_LO or not c.needs_lo}
    findings = validate(f for fs in files.values() for f in fs)
    return {name: Checked(fs, [f for f in findings if f.file in fs])
            for name, fs in files.items()}


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_every_file_passes_microsofts_validator(case, checked) -> None:
    if case.needs_lo and not HAS_LO:
        pytest.skip("LibreOffice (soffice) is not installed: no PDF-bound build")
    result = checked[case.name]
    suffixes = sorted({f".{f}" for f in case.formats if f != "pdf"})
    assert sorted({p.suffix for p in result.files}) == suffixes
    assert len(result.files) == case.audiences * len(suffixes)
    assert not result.findings, summary(result.findings)


def test_the_workbooks_inside_the_charts_pass_too(checked, tmp_path) -> None:
    """The validator does not open a chart's embedded workbook (a binary part to it): validate
    those of the press editions, both languages and formats, on their own."""
    workbooks = []
    for lang in BRIEFS:
        for path in checked[lang].files:
            if "press" not in path.stem:
                continue
            with zipfile.ZipFile(path) as zf:
                for name in zf.namelist():
                    if name.endswith(".xlsx"):
                        workbooks.append(tmp_path / f"{path.stem}{path.suffix}-{Path(name).name}")
                        workbooks[-1].write_bytes(zf.read(name))
    assert len(workbooks) >= 4  # every press edition has native charts
    findings = validate(workbooks)
    assert not findings, summary(findings)


def test_briefs_of_other_events_are_found_in_either_layout(tmp_path) -> None:
    for name in ("a/brief.yaml", "b.yaml", "c/source.md", "README.md"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("", "utf-8")
    assert more_briefs(tmp_path) == {"a": tmp_path / "a" / "brief.yaml", "b": tmp_path / "b.yaml"}
    assert more_briefs(tmp_path / "missing") == {}


# ------------------------------------------------------------------------ the validator's own test


def rewritten(source: Path, target: Path, part: str, change: Callable[[bytes], bytes]) -> Path:
    """A copy of the package ``source`` with one part's bytes changed (which must change)."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == part:
                changed = change(data)
                assert changed != data, f"nothing to break in {part}"
                data = changed
            dst.writestr(info, data)
    return target


def chart_file(checked: dict[str, Checked], suffix: str) -> Path:
    """A bundled-brief file with a native chart (the press edition has two)."""
    return next(p for p in checked["zh"].files if p.suffix == suffix and "press" in p.stem)


def chart_reference(path: Path) -> tuple[str, str]:
    """(the rels part, the relationship id) of the first chart a story or slide refers to."""
    with zipfile.ZipFile(path) as zf:
        for name in sorted(zf.namelist()):
            if name.endswith(".rels") and (found := re.search(
                    rb'<Relationship Id="(rId\d+)" Type="[^"]*/chart"', zf.read(name))):
                return name, found.group(1).decode()
    raise AssertionError(f"{path.name} has no chart")


@pytest.mark.parametrize("value", ["-2068027336", "2226939960"])
@pytest.mark.parametrize("suffix", [".docx", ".pptx"])
def test_the_validator_rejects_an_axis_id_out_of_range(checked, tmp_path, suffix, value) -> None:
    """python-pptx's own id, and the same bits read unsigned: both out of 0..2147483647."""
    source = chart_file(checked, suffix)
    part = ("word" if suffix == ".docx" else "ppt") + "/charts/chart1.xml"
    broken = rewritten(source, tmp_path / f"broken{suffix}", part, lambda b: re.sub(
        rb'<c:axId val="\d+"/>', f'<c:axId val="{value}"/>'.encode(), b, count=1))
    findings = validate([broken], versions=["Office2019"])
    assert findings, f"the validator passed the axis id {value}"
    assert {f.part for f in findings} == {f"/{part}"}
    assert all(value in f.description and f.xpath.endswith("/c:axId[1]") for f in findings)


@pytest.mark.parametrize("suffix", [".docx", ".pptx"])
def test_the_validator_rejects_a_missing_relationship(checked, tmp_path, suffix) -> None:
    source = chart_file(checked, suffix)
    rels, rid = chart_reference(source)
    broken = rewritten(source, tmp_path / f"broken{suffix}", rels, lambda b: re.sub(
        rf'<Relationship Id="{rid}" [^>]*/>'.encode(), b"", b))
    findings = validate([broken], versions=["Office2019"])
    assert [f"'{rid}'" in f.description and "does not exist" in f.description
            for f in findings] == [True], summary(findings)
    assert findings[0].xpath.endswith("/c:chart[1]")


def test_a_missing_validator_skips_here_but_fails_under_ci(monkeypatch, tmp_path) -> None:
    monkeypatch.setattr(ooxml_validator, "INSTALL_DIR", tmp_path)  # nothing installed there
    monkeypatch.delenv(ooxml_validator.ENV_VAR, raising=False)
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="validator is not installed: run .ci/run"):
        require_validator()
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI is set and Microsoft's"):
        require_validator()
    monkeypatch.setenv(ooxml_validator.ENV_VAR, str(tmp_path / "nowhere"))
    with pytest.raises(pytest.fail.Exception, match="is not an executable file"):
        require_validator()
