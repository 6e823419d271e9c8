"""LibreOffice, found and run in one place: PDF export, contents layouts, preview pictures.

Every run is headless with a throw-away profile (``-env:UserInstallation``), so a LibreOffice the
user has open, or a concurrent build, never blocks it. All files of one job go to one run, since
starting LibreOffice costs more than converting a briefing.

A LibreOffice can also be started ahead (:func:`start_office`), so its start-up (most of a
contents layout's time) overlaps other work: planning, rendering the other files. A conversion
asked with its profile is handed to it through LibreOffice's own single-instance pipe.
"""

from __future__ import annotations

import atexit
import os
import re
import secrets
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Sequence
from contextlib import nullcontext
from pathlib import Path

from briefgen.fingerprint import file_stat
from briefgen.office import resident
from briefgen.office.pipe import wait_for_pipe

MISSING = ("pdf needs LibreOffice, and soffice is not on PATH "
           "(install LibreOffice, or build docx and convert it yourself)")
#: Seconds one PDF export run may take before it is treated as hung.
TIMEOUT = 600
#: Seconds a contents layout may take; a first start on a slow machine takes about 10 s.
LAYOUT_TIMEOUT = 180
#: Export filter options that write each bookmark as a named destination of the PDF.
_BOOKMARKS = '{"ExportBookmarksToPDFDestination":{"type":"boolean","value":"true"}}'


def find_soffice() -> str | None:
    """The LibreOffice command on PATH (``soffice``, else ``libreoffice``), or None."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def program(soffice: str) -> str:
    """Which LibreOffice program ``soffice`` runs, and when it was installed or upgraded."""
    path = Path(shutil.which(soffice) or soffice).resolve()
    return f"{path}:{file_stat(path)}"


# --------------------------------------------------------------------------- PDF export


def staging_dir(out: Path) -> Path:
    """A hidden temporary folder inside ``out``: same file system, so renames are atomic."""
    out.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=".briefgen-pdf-", dir=out))


def remove_tree(path: Path) -> None:
    shutil.rmtree(path, ignore_errors=True)


def to_pdfs(soffice: str, files: Sequence[Path], staging: Path) -> list[Path]:
    """Convert office ``files`` (DOCX, PPTX) to PDFs in ``staging/pdf`` with one LibreOffice
    run, with a throw-away profile in ``staging``; the PDFs, in the order of ``files``.

    Files must have different stems: LibreOffice names each PDF after its file's stem.

    :raises RuntimeError: when LibreOffice fails or produces no PDF for a file.
    """
    pdf_dir = staging / "pdf"
    with resident.borrowed(soffice, (staging / "profile").resolve().as_uri()) as profile:
        cmd = [soffice, f"-env:UserInstallation={profile}",
               "--headless", "--norestore", "--nologo", "--convert-to", "pdf",
               "--outdir", str(pdf_dir), *(str(f) for f in files)]
        try:
            run = subprocess.run(cmd, capture_output=True, text=True, timeout=TIMEOUT,
                                 check=False, stdin=subprocess.DEVNULL)
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


# --------------------------------------------------------------------------- layouts


def lay_out(soffice: str, sources: Sequence[Path], folder: Path) -> list[Path]:
    """Convert ``sources`` (in ``folder``) to PDFs beside them in one run, each bookmark a named
    destination; a LibreOffice started ahead does it when one waits.

    :raises subprocess.SubprocessError: when LibreOffice fails or hangs.
    :raises RuntimeError: when it wrote no PDF.
    """
    for source in sources:
        source.with_suffix(".pdf").unlink(missing_ok=True)
    office = take_office(soffice)
    own = (folder / "profile").as_uri()
    try:
        with (nullcontext(office.profile) if office and office.wait_until_up()
              else resident.borrowed(soffice, own)) as profile:
            subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless",
                            "--convert-to", f"pdf:writer_pdf_Export:{_BOOKMARKS}",
                            "--outdir", str(folder), *map(str, sources)],
                           check=True, capture_output=True, timeout=LAYOUT_TIMEOUT)
    finally:
        if office:
            office.close()
    targets = [source.with_suffix(".pdf") for source in sources]
    if not all(target.exists() for target in targets):
        raise RuntimeError("LibreOffice wrote no PDF")
    return targets


def failure(exc: BaseException) -> str:
    """Why a LibreOffice run failed, in a few words for the user."""
    if isinstance(exc, subprocess.TimeoutExpired):
        return f"LibreOffice took longer than {LAYOUT_TIMEOUT} s"
    if isinstance(exc, subprocess.CalledProcessError):
        err = (exc.stderr or b"").decode("utf-8", "replace").strip().splitlines()
        return f"LibreOffice failed ({err[-1] if err else 'exit ' + str(exc.returncode)})"
    return str(exc)


# --------------------------------------------------------------------------- started ahead


class Office:
    """A LibreOffice started ahead of a conversion, so its start-up (most of a layout's time)
    overlaps with other work: rendering the other files, or the previous layout's reading.

    It runs headless with a private profile and a UNO pipe whose socket file says when it is
    up. A conversion asked with the same profile is handed to it through LibreOffice's own
    single-instance pipe (the asking ``soffice`` finds it running and only forwards the
    request), which skips the start. LibreOffice quits once a forwarded conversion leaves it
    without an open document, so each one serves one conversion; should it have quit or failed
    to start, the asking ``soffice`` simply converts by itself.
    """

    def __init__(self, soffice: str) -> None:
        self.soffice, self.owner = soffice, os.getpid()
        self.folder = Path(tempfile.mkdtemp(prefix="briefgen-office-"))
        self.profile = (self.folder / "profile").as_uri()
        self.pipe = f"briefgen-{secrets.token_hex(8)}"
        self.process = subprocess.Popen(
            [soffice, f"-env:UserInstallation={self.profile}", "--headless", "--norestore",
             "--nologo", "--nodefault", f"--accept=pipe,name={self.pipe};urp;"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            start_new_session=True)

    def wait_until_up(self, timeout: float = LAYOUT_TIMEOUT) -> bool:
        """True once it listens; False when it quit, or did not come up in ``timeout``
        (then it is stopped, so it never races a conversion for its profile)."""
        if wait_for_pipe(self.process, self.pipe, timeout):
            return True
        self.close()
        return False

    def close(self) -> None:
        """Stop it (if this process started it) and remove its profile."""
        if os.getpid() != self.owner:
            return  # a forked worker's copy: the parent stops it
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        shutil.rmtree(self.folder, ignore_errors=True)


#: Started LibreOffices not yet asked to convert, by ``soffice`` command.
_WAITING: dict[str, list[Office]] = {}
_LOCK = threading.Lock()


def start_office(soffice: str) -> Office:
    """Start a LibreOffice for the next layout now (see :class:`Office`)."""
    office = Office(soffice)
    with _LOCK:
        _WAITING.setdefault(soffice, []).append(office)
    return office


def office_waiting(soffice: str) -> bool:
    """Whether a started LibreOffice waits for a conversion."""
    with _LOCK:
        return bool(_WAITING.get(soffice))


def start_once() -> None:
    """Start a LibreOffice for a layout, unless one started ahead still waits (or none is
    installed)."""
    soffice = find_soffice()
    if soffice and not office_waiting(soffice) and not resident.count(soffice):
        start_office(soffice)


def started() -> int:
    """How many LibreOffices were started ahead and wait for a conversion (each will keep a
    CPU busy)."""
    with _LOCK:
        return sum(len(offices) for offices in _WAITING.values())


def take_office(soffice: str) -> Office | None:
    """A started LibreOffice for a conversion now, if one waits."""
    with _LOCK:
        waiting = _WAITING.get(soffice) or []
        return waiting.pop(0) if waiting else None


def stop_offices() -> None:
    """Stop the started LibreOffices no conversion took."""
    with _LOCK:
        found = [o for offices in _WAITING.values() for o in offices]
        _WAITING.clear()
    for office in found:
        office.close()


atexit.register(stop_offices)
