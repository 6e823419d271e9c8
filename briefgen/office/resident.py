"""LibreOffices kept running while ``briefgen preview --watch`` runs, so that each rebuild's
conversions (the contents layout, the pictures' PDFs) skip LibreOffice's start-up.

LibreOffice hands a conversion asked with the profile (``-env:UserInstallation``) of a running
LibreOffice to that one, through its single-instance pipe; the asking ``soffice`` waits for the
PDFs and exits. A LibreOffice quits once a conversion leaves it with no document open, so each
resident one opens a small text file of its own at start and keeps it open: it serves every
conversion of the session. Measured with the bundled brief's executive DOCX and PPTX on a busy
two-CPU machine: 0.5-0.6 s of LibreOffice CPU and 2.1 s wall per conversion, where a run that
starts LibreOffice takes 2.1-2.5 s of CPU and 8-17 s wall.

One LibreOffice does one conversion at a time, so one runs per CPU (two here): the contents
layout of the academic briefing and the pictures of the files written before it are converted
side by side. Measured on the bundled brief after a one-word edit: one resident LibreOffice took
3.3-3.6 s from the end of the build to the last picture, as both conversions queued for it.

Conversions borrow one through :func:`borrowed` (the profile to ask with, or the caller's own
throw-away one when none runs). Should one quit or fail to start, conversions start LibreOffice
as before (slower, same PDFs), and :meth:`ResidentOffices.ensure_running` starts a new one for
the next rebuild.
"""

from __future__ import annotations

import os
import queue
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
#: LibreOffices kept running at once (one conversion each at a time): one per CPU, at most.
MOST = 2
#: The resident LibreOffices of this process, by ``soffice`` command.
_RESIDENT: dict[str, ResidentOffices] = {}
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


class ResidentOffices:
    """The resident LibreOffices of one ``soffice``, lent to one conversion at a time each."""

    def __init__(self, soffice: str, count: int) -> None:
        self.offices: list[ResidentOffice] = []
        self.free: queue.SimpleQueue[ResidentOffice] = queue.SimpleQueue()
        try:
            for _ in range(count):
                self.offices.append(ResidentOffice(soffice))
                self.free.put(self.offices[-1])
        except BaseException:
            self.close()
            raise

    def ensure_running(self) -> None:
        """Start again each one that has quit or crashed."""
        for office in self.offices:
            office.ensure_running()

    def close(self) -> None:
        for office in self.offices:
            office.close()

    @contextmanager
    def lent(self) -> Iterator[ResidentOffice]:
        """One of them for a conversion, once one is free."""
        office = self.free.get()
        try:
            yield office
        finally:
            self.free.put(office)


def how_many() -> int:
    """Resident LibreOffices worth keeping: one per CPU this process may use, at most
    :data:`MOST` (each holds about 200 MB)."""
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(1, min(MOST, cpus or 1))


@contextmanager
def kept_running(soffice: str, number: int | None = None) -> Iterator[ResidentOffices]:
    """Keep ``number`` LibreOffices (default :func:`how_many`) running for ``soffice``
    conversions until the block ends."""
    offices = ResidentOffices(soffice, number or how_many())
    with _LOCK:
        _RESIDENT[soffice] = offices
    try:
        yield offices
    finally:
        with _LOCK:
            _RESIDENT.pop(soffice, None)
        offices.close()


def count(soffice: str) -> int:
    """How many resident LibreOffices serve ``soffice`` conversions (they may still be
    starting; with any, no other LibreOffice needs starting ahead)."""
    with _LOCK:
        offices = _RESIDENT.get(soffice)
    return len(offices.offices) if offices else 0


@contextmanager
def borrowed(soffice: str, own: str) -> Iterator[str]:
    """The profile URI a conversion with ``soffice`` asks with while the block runs: a free
    resident LibreOffice's once it is up (no other conversion gets it meanwhile), else ``own``
    (the caller's throw-away profile: LibreOffice starts for it)."""
    with _LOCK:
        offices = _RESIDENT.get(soffice)
    if offices is None:
        yield own
        return
    with offices.lent() as office:
        yield office.profile if office.wait_until_up() else own

