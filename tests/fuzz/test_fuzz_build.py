"""Fuzzing the whole pipeline: every valid brief builds, every broken one is refused cleanly.

Valid briefs (see strategies.py) are built in-process for all audiences and both formats; each
file must open in python-docx / python-pptx. One-mutation invalid briefs must exit 2 with a
located one-line message and write nothing. The example budget comes from profiles.py
(``HYPOTHESIS_PROFILE=long`` for ten times more).
"""

from __future__ import annotations

import datetime as dt
import re
import tempfile
from pathlib import Path
from typing import Any

import docx
import pptx
import yaml
from hypothesis import example, given

from briefgen.cli import main
from tests.fuzz.profiles import share
from tests.fuzz.strategies import briefs, invalid_briefs


def write_brief(folder: Path, brief: dict[str, Any]) -> Path:
    path = folder / "brief.yaml"
    path.write_text(yaml.safe_dump(brief, allow_unicode=True, sort_keys=False, width=100),
                    "utf-8")
    return path


def build(path: Path, out: Path, capsys) -> tuple[int, str]:
    capsys.readouterr()
    code = main(["--brief", str(path), "-a", "all", "-o", str(out), "-q", "-j", "1", "--debug"])
    return code, capsys.readouterr().err


def minimal_brief(**meta: Any) -> dict[str, Any]:
    """The smallest valid brief, with ``meta`` overrides: for explicit regression examples."""
    return {"meta": {"id": "x", "title": "T", "language": "en",
                     "dates": {"start": dt.date(2020, 1, 1), "end": dt.date(2020, 1, 1)},
                     "place": "P", "organiser": "O", "published": dt.date(2020, 1, 1), **meta},
            "sections": [{"id": "s", "title": "S", "paragraphs": ["One sentence."]}],
            "sources": [{"id": "src", "name": "N"}]}


@share(0.35, slow=True)
@given(brief=briefs())
# Found by this test: a subtitle of 256-300 characters (the schema allowed 300) overflowed the
# 255-character limit of the core property 'subject' in both writers. The schema now caps it at
# 255 (a longer one is a located input error); the longest allowed one must build.
@example(brief=minimal_brief(subtitle="s" * 255))
def test_every_valid_brief_builds_files_that_open(brief, capsys):
    with tempfile.TemporaryDirectory() as tmp:
        path = write_brief(Path(tmp), brief)
        out = Path(tmp) / "out"
        code, err = build(path, out, capsys)
        assert code == 0, err
        files = sorted(out.iterdir())
        assert [p.suffix for p in files] == [".docx", ".pptx"] * 3
        for f in files:
            if f.suffix == ".docx":
                assert docx.Document(str(f)).paragraphs
            else:
                assert len(pptx.Presentation(str(f)).slides) >= 1


@share(0.65)
@given(case=invalid_briefs())
def test_every_broken_brief_exits_2_with_one_located_line_and_no_file(case, capsys):
    brief, mutation = case
    with tempfile.TemporaryDirectory() as tmp:
        path = write_brief(Path(tmp), brief)
        out = Path(tmp) / "out"
        code, err = build(path, out, capsys)
        assert code == 2, f"{mutation}: {err}"
        first = err.splitlines()[0]
        assert re.match(rf"^{re.escape(str(path))}:\d+:\d+: \S", first), (mutation, first)
        assert not out.exists() or not any(out.iterdir())
