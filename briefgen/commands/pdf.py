"""PDF output: the DOCX converted by LibreOffice (``soffice --headless --convert-to pdf``).

All DOCX files of a build go to one ``soffice`` run, since starting LibreOffice costs more than
converting a briefing. LibreOffice gets a throw-away profile, so a running LibreOffice or a
concurrent build cannot block it, and writes into a staging folder inside the output folder; each
PDF is then renamed into place, so a reader never sees half a PDF.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from briefgen import resident_office

if TYPE_CHECKING:
    from briefgen.build import Output

MISSING = ("pdf needs LibreOffice, and soffice is not on PATH "
           "(install LibreOffice, or build docx and convert it yourself)")
#: Seconds one conversion run may take before it is treated as hung.
TIMEOUT = 600


def find_soffice() -> str | None:
    """Path of LibreOffice's ``soffice`` (or ``libreoffice``) on PATH, else None."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def staging_dir(out: Path) -> Path:
    """A hidden temporary folder inside ``out``: same file system, so renames are atomic."""
    out.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=".briefgen-pdf-", dir=out))


def remove_tree(path: Path) -> None:
    shutil.rmtree(path, ignore_errors=True)


def convert(soffice: str, docx: Sequence[Output], out: Path, staging: Path) -> list[Output]:
    """Convert ``docx`` files to PDFs in ``out`` with one LibreOffice run; return the PDFs.

    :raises RuntimeError: when LibreOffice fails or produces no PDF for a file.
    """
    from briefgen.build import Output

    if not docx:
        return []
    start = time.perf_counter()
    made_pdfs = to_pdfs(soffice, [o.path for o in docx], staging)
    each = (time.perf_counter() - start) / len(docx)
    results = []
    for item, made in zip(docx, made_pdfs):
        target = out / made.name
        os.chmod(made, 0o644)
        os.replace(made, target)
        results.append(Output(target, item.audience, "pdf", each))
    return results


def to_pdfs(soffice: str, files: Sequence[Path], staging: Path) -> list[Path]:
    """Convert office ``files`` (DOCX, PPTX) to PDFs in ``staging/pdf`` with one LibreOffice
    run, with a throw-away profile in ``staging``; the PDFs, in the order of ``files``.

    Files must have different stems: LibreOffice names each PDF after its file's stem.

    :raises RuntimeError: when LibreOffice fails or produces no PDF for a file.
    """
    pdf_dir = staging / "pdf"
    profile = resident_office.profile_for(soffice, (staging / "profile").resolve().as_uri())
    cmd = [soffice, f"-env:UserInstallation={profile}",
           "--headless", "--norestore", "--nologo", "--convert-to", "pdf",
           "--outdir", str(pdf_dir), *(str(f) for f in files)]
    try:
        run = subprocess.run(cmd, capture_output=True, text=True, timeout=TIMEOUT, check=False,
                             stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired as exc:
        raise RuntimeError(f"LibreOffice took over {TIMEOUT} s converting to PDF") from exc
    made = [pdf_dir / f"{f.stem}.pdf" for f in files]
    for source, pdf_file in zip(files, made):
        if not pdf_file.is_file() or pdf_file.stat().st_size == 0:
            said = (run.stderr or run.stdout).strip().splitlines()
            raise RuntimeError(f"LibreOffice made no PDF of {source.name} (exit status "
                               f"{run.returncode}{': ' + said[-1] if said else ''})")
    return made


_PAGE = re.compile(rb"/Type\s*/Page(?![A-Za-z])")


def page_count(path: Path) -> int | None:
    """Pages of a PDF written by LibreOffice (page objects are not in compressed streams)."""
    found = len(_PAGE.findall(path.read_bytes()))
    return found or None
