"""When a LibreOffice started with ``--accept=pipe,name=NAME`` is up: its UNO pipe's socket
file appears. Both the LibreOffice started ahead for a build and the one a watch keeps running
wait on this one check."""

from __future__ import annotations

import glob
import subprocess
import time

#: Where LibreOffice puts the socket files of its named pipes (its temporary folder).
PIPE_PLACES = ("/tmp", "/var/tmp")


def wait_for_pipe(process: subprocess.Popen[bytes], pipe: str, timeout: float) -> bool:
    """True once ``process`` listens on ``pipe``; False when it quit or ``timeout`` passed
    (the caller stops it then, so it never races a conversion for its profile)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if any(glob.glob(f"{place}/OSL_PIPE_*_{pipe}") for place in PIPE_PLACES):
            return True
        if process.poll() is not None:
            return False
        time.sleep(0.02)
    return False
