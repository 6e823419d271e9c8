"""One LibreOffice kept running while ``briefgen preview --watch`` runs, so that each rebuild's
conversions (the contents layout, the pictures' PDFs) skip LibreOffice's start-up.

LibreOffice hands a conversion asked with the profile (``-env:UserInstallation``) of a running
LibreOffice to that one, through its single-instance pipe; the asking ``soffice`` waits for the
PDFs and exits. A LibreOffice quits once a conversion leaves it with no document open, so the
resident one opens a small text file of its own at start and keeps it open: it serves every
conversion of the session. Measured with the bundled brief's executive DOCX and PPTX on a busy
two-CPU machine: 0.5-0.6 s of LibreOffice CPU and 2.1 s wall per conversion, where a run that
starts LibreOffice takes 2.1-2.5 s of CPU and 8-17 s wall.

Conversions find it through :func:`profile_for` (the profile to ask with, or the caller's own
throw-away one when no resident LibreOffice runs). Should it quit or fail to start, conversions
start LibreOffice as before (slower, same PDFs), and :meth:`ResidentOffice.ensure_running`
starts a new one for the next rebuild.
"""

from __future__ import annotations

import os
import secrets
import shutil
import signal
import subprocess
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from briefgen.office.pipe import wait_for_pipe

#: Seconds a conversion waits for the resident LibreOffice to come up before it converts alone.
START_TIMEOUT = 60
#: The resident LibreOffice of this process, by ``soffice`` command.
_RESIDENT: dict[str, ResidentOffice] = {}
_LOCK = threading.Lock()


class ResidentOffice:
    """A headless LibreOffice with a private profile, one open document, and a UNO pipe whose
    socket file says when it is up."""

    def __init__(self, soffice: str) -> None:
        self.soffice = soffice
        self.folder = Path(tempfile.mkdtemp(prefix="briefgen-resident-office-"))
        self.profile = (self.folder / "profile").as_uri()
        self.process: subprocess.Popen[bytes] | None = None
        self.pipe = ""
        self.ensure_running()

    def ensure_running(self) -> None:
        """Start LibreOffice unless it runs (it may have quit or crashed since)."""
        if self.process is not None and self.process.poll() is None:
            return
        self._stop()
        keep = self.folder / "keep-open.txt"
        keep.write_text("briefgen\n", encoding="utf-8")
        self.pipe = f"briefgen-resident-{secrets.token_hex(8)}"
        self.process = subprocess.Popen(
            [self.soffice, f"-env:UserInstallation={self.profile}", "--headless", "--norestore",
             "--nologo", f"--accept=pipe,name={self.pipe};urp;", str(keep)],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            start_new_session=True)

    def wait_until_up(self, timeout: float = START_TIMEOUT) -> bool:
        """True once it listens; False when it quit or did not come up in ``timeout`` (then it
        is stopped, so it never races a conversion for its profile)."""
        if self.process is not None and wait_for_pipe(self.process, self.pipe, timeout):
            return True
        if self.process is not None and self.process.poll() is None:
            self._stop()  # did not come up in time
        return False

    def close(self) -> None:
        """Stop LibreOffice and remove its profile."""
        self._stop()
        shutil.rmtree(self.folder, ignore_errors=True)

    def _stop(self) -> None:
        """Stop the LibreOffice this object started (its whole process group: ``soffice``
        runs ``oosplash``, which runs ``soffice.bin``)."""
        process, self.process = self.process, None
        if process is None:
            return
        _signal_group(process.pid, signal.SIGTERM)  # soffice.bin too, should oosplash be gone
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            _signal_group(process.pid, signal.SIGKILL)
            process.wait()


def _signal_group(group: int, signum: int) -> None:
    with suppress(ProcessLookupError):  # all of it has ended
        os.killpg(group, signum)


@contextmanager
def kept_running(soffice: str) -> Iterator[ResidentOffice]:
    """Keep a LibreOffice running for ``soffice`` conversions until the block ends."""
    office = ResidentOffice(soffice)
    with _LOCK:
        _RESIDENT[soffice] = office
    try:
        yield office
    finally:
        with _LOCK:
            _RESIDENT.pop(soffice, None)
        office.close()


def running(soffice: str) -> bool:
    """Whether a resident LibreOffice serves ``soffice`` conversions (it may still be starting):
    then no other LibreOffice needs starting ahead."""
    with _LOCK:
        return soffice in _RESIDENT


def profile_for(soffice: str, own: str) -> str:
    """The profile URI a conversion with ``soffice`` asks with: the resident LibreOffice's once
    it is up, else ``own`` (the caller's throw-away profile: LibreOffice starts for it)."""
    with _LOCK:
        office = _RESIDENT.get(soffice)
    if office is None or not office.wait_until_up():
        return own
    return office.profile
