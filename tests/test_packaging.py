"""The wheel carries templates, assets and the bundled briefs, so `pip install .` works anywhere."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_wheel_ships_data_folders_and_console_script(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path),
                    str(ROOT)], check=True, capture_output=True, timeout=300)
    wheel = next(tmp_path.glob("briefgen-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in (
        "briefgen/_data/templates/profiles/press.yaml",
        "briefgen/_data/templates/labels/zh.yaml",
        "briefgen/_data/templates/pptx/default.pptx",
        "briefgen/_data/templates/docx/reference-zh.docx",
        "briefgen/_data/briefs/belt-and-road-forum-2017/brief.yaml",
        "briefgen/_data/briefs/belt-and-road-forum-2017-en/brief.yaml",
        "briefgen/_data/assets/README.md",
        "briefgen/text/data/stopwords-zh.txt",
    ):
        assert needed in names, needed
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert "briefgen = briefgen.cli:run" in zipfile.ZipFile(wheel).read(entry_points).decode()
