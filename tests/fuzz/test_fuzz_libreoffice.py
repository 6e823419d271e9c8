"""LibreOffice opens what the fuzzer builds: a small sample (three briefs), only where ``soffice``
is installed. python-docx and python-pptx read leniently; LibreOffice is a second, stricter
reader, so each file must convert to a non-empty PDF."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from hypothesis import Phase, given, settings

from briefgen.cli import main
from tests.fuzz.profiles import PROFILE
from tests.fuzz.strategies import briefs
from tests.fuzz.test_fuzz_build import write_brief

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")

pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")


# No shrinking: a build crash is the business of test_fuzz_build (which shrinks it); here each
# shrinking step would start LibreOffice again.
@settings(PROFILE, max_examples=3, database=None, phases=[Phase.generate])
@given(brief=briefs(max_sections=6))
def test_libreoffice_converts_every_generated_file(brief, capsys):
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = write_brief(folder, brief)
        out = folder / "out"
        code = main(["--brief", str(path), "-a", "all", "-o", str(out), "-q", "-j", "1",
                     "--debug"])
        assert code == 0, capsys.readouterr().err
        files = sorted(out.iterdir())
        made = {}
        for kind in ("docx", "pptx"):
            pdf = folder / "pdf" / kind
            run = subprocess.run(
                [SOFFICE, f"-env:UserInstallation={(folder / 'lo-profile').as_uri()}",
                 "--headless", "--convert-to", "pdf", "--outdir", str(pdf),
                 *(str(f) for f in files if f.suffix == f".{kind}")],
                capture_output=True, text=True, timeout=300, check=False)
            made.update({f"{p.stem}.{kind}": p.stat().st_size for p in pdf.glob("*.pdf")})
            assert run.returncode == 0, run.stderr
        assert sorted(made) == [f.name for f in files]
        assert all(size > 1000 for size in made.values()), made
