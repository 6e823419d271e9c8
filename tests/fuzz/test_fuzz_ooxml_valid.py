"""Microsoft's Open XML validator passes what the fuzzer builds: a small sample (three briefs, all
audiences, DOCX and PPTX) under Office 2019's and Microsoft 365's rules (issue 15). The bundled
and test-data briefs are validated in tests/test_ooxml_valid.py; the validator is found (or the
test skipped, never under CI) as tests/ooxml_validator.py says."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import Phase, given, settings

from briefgen.cli import main
from tests.fuzz.profiles import PROFILE
from tests.fuzz.strategies import briefs
from tests.fuzz.test_fuzz_build import write_brief
from tests.ooxml_validator import require_validator, summary, validate


@pytest.fixture(autouse=True)
def validator() -> Path:
    return require_validator()


# No shrinking: a build crash is the business of test_fuzz_build (which shrinks it); each
# example costs twelve validator runs. A failure prints the brief as drawn.
@settings(PROFILE, max_examples=3, database=None, phases=[Phase.generate])
@given(brief=briefs(max_sections=6))
def test_every_generated_file_passes_microsofts_validator(brief, capsys):
    with tempfile.TemporaryDirectory() as tmp:
        path = write_brief(Path(tmp), brief)
        out = Path(tmp) / "out"
        code = main(["--brief", str(path), "-a", "all", "-o", str(out), "-q", "-j", "1",
                     "--debug"])
        assert code == 0, capsys.readouterr().err
        files = sorted(out.iterdir())
        assert len(files) == 6
        findings = validate(files)
        assert not findings, summary(findings)
