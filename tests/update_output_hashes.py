"""Build the bundled briefs and write the sha256 of every file to tests/data/output-hashes.json.

Run it when the output changes on purpose (a new layout, a fixed bug), then commit the JSON with
the change::

    python tests/update_output_hashes.py

tests/test_output_hashes.py builds the same files and compares. What else decides the bytes is
recorded beside the hashes (library versions, zlib, LibreOffice), so a difference can be told
apart from a change of the code.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zlib
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HASHES = ROOT / "tests" / "data" / "output-hashes.json"
BRIEFS = ("belt-and-road-forum-2017", "belt-and-road-forum-2017-en")
COMMAND = "python tests/update_output_hashes.py"


def office_available() -> bool:
    """Whether contents page numbers can be laid out: LibreOffice and poppler (render/docx/toc)."""
    return bool((shutil.which("soffice") or shutil.which("libreoffice"))
                and (shutil.which("pdfinfo") or shutil.which("pdftotext")))


def lays_out_contents(name: str) -> bool:
    """Whether an output's bytes depend on LibreOffice: DOCX with a contents page (academic)."""
    return name.endswith("-academic.docx")


def environment() -> dict[str, str]:
    """What besides briefgen's code decides the bytes: its requirements' versions, zlib (the
    deflate stream), Python, LibreOffice."""
    found = {"python": ".".join(map(str, sys.version_info[:2])),
             "zlib": zlib.ZLIB_RUNTIME_VERSION}
    for requirement in metadata.requires("briefgen") or []:
        if "extra ==" in requirement:
            continue
        name = re.split(r"[<>=!~ ;\[]", requirement, maxsplit=1)[0]
        found[name] = metadata.version(name)
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office:
        run = subprocess.run([office, "--version"], capture_output=True, text=True, timeout=60,
                             check=False)
        found["LibreOffice"] = run.stdout.strip()
    return found


def build(out: Path) -> dict[str, str]:
    """Every audience of both bundled briefs, DOCX and PPTX, without caches, each in a process
    of its own: ``brief/file`` -> sha256."""
    env = {k: v for k, v in os.environ.items()
           if k != "SOURCE_DATE_EPOCH" and not k.startswith("BRIEFGEN_")}
    env.update(XDG_CACHE_HOME=str(out / "cache"),
               PYTHONPATH=str(ROOT) + os.pathsep + env.get("PYTHONPATH", ""))
    for brief in BRIEFS:
        run = subprocess.run([sys.executable, "-m", "briefgen", "build",
                              str(ROOT / "briefs" / brief), "-a", "all", "-f", "docx,pptx",
                              "--no-cache", "-q", "-o", str(out / "files" / brief)],
                             cwd=out, env=env, capture_output=True, text=True, timeout=600,
                             check=False)
        if run.returncode != 0:
            raise RuntimeError(f"building {brief} failed:\n{run.stderr}")
    files = sorted((out / "files").glob("*/*.*"))
    return {f"{p.parent.name}/{p.name}": hashlib.sha256(p.read_bytes()).hexdigest() for p in files}


def main() -> None:
    if not office_available():
        sys.exit("LibreOffice and poppler are needed: the academic contents pages are laid out "
                 "by them (apt-get install libreoffice-writer poppler-utils, see .ci/run)")
    with tempfile.TemporaryDirectory() as tmp:
        hashes = build(Path(tmp))
    record = {"regenerate": COMMAND, "made_with": environment(), "files": hashes}
    HASHES.write_text(json.dumps(record, indent=2, ensure_ascii=False) + "\n", "utf-8")
    print(f"{len(hashes)} files -> {HASHES.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
