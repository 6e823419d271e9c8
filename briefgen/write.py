"""Atomic, reproducible output files.

A renderer writes to a temporary file in the destination folder; we then rewrite the zip with
fixed timestamps and permissions (python-docx and python-pptx stamp entries with the clock) and
rename it over the destination. A failed or interrupted build never leaves a half-written file,
and two builds of the same input are byte-identical.

Two builds writing the same file at once each use their own temporary names; ``os.replace`` is
atomic, so the file is always one build's complete output, never a mix. The data is flushed
to disk before the rename, so a crash right after it does not leave an empty file either.
An output folder that cannot be created or written is the user's input (exit 2), not our fault.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from briefgen.errors import InputError
from briefgen.opc import repack, zip_time


def _folder_problem(folder: Path, exc: OSError) -> InputError:
    if isinstance(exc, (FileExistsError, NotADirectoryError)):
        return InputError.single(folder, "cannot create the output folder: a file is in the way",
                                 hint="choose another --out")
    return InputError.single(folder, f"cannot write to the output folder: {exc.strerror}",
                             hint="choose another --out")


def temporary_prefix(path: Path, tag: str = "") -> str:
    """How temporary siblings of ``path`` begin: ``.NAME.`` and, if given, the build's ``tag``.

    A build tags its temporaries, so after a crash it removes its own and never those of
    another build writing into the same folder at the same time.
    """
    return f".{path.name}.{tag + '.' if tag else ''}"


def _new_temporary(path: Path, tag: str) -> Path:
    """A new empty temporary file beside ``path``; a folder that cannot be made or written
    is the user's input (InputError), not our fault."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=temporary_prefix(path, tag), suffix=".tmp",
                                    dir=path.parent)
    except OSError as exc:
        raise _folder_problem(path.parent, exc) from None
    os.close(fd)
    return Path(name)


@contextmanager
def temporary_sibling(path: Path, tag: str = "") -> Iterator[Path]:
    """A temporary path in ``path``'s folder, removed afterwards unless it was renamed away."""
    tmp = _new_temporary(path, tag)
    try:
        yield tmp
    finally:
        tmp.unlink(missing_ok=True)


def _flush(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def store(path: Path, data: bytes) -> bool:
    """Write a cache file atomically; False when it cannot be written (a cache only saves
    time, so its failures are not the user's problem), leaving no temporary file behind."""
    tmp: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=temporary_prefix(path), suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
        return True
    except OSError:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
        return False


def write_atomic(path: Path, produce: Callable[[Path], None], when: dt.datetime,
                 tag: str = "") -> None:
    """Call ``produce(tmp)`` to write a zip, normalise it, then rename it onto ``path``.

    :param tag: marks the temporary files as this build's (see :func:`temporary_prefix`).
    """
    commit(stage(path, produce, when, tag), path)


def stage(path: Path, produce: Callable[[Path], None], when: dt.datetime, tag: str = "") -> Path:
    """Write ``path``'s next content to a finished temporary sibling, not yet in its place.

    Staging and :func:`commit` are apart so that files rendered out of order (one waiting on
    LibreOffice while the others render) still take their places in order. A staged file that
    is never committed is removed by the caller (its name starts with the ``tag``'s prefix).
    """
    with temporary_sibling(path, tag) as raw:
        final = _new_temporary(path, tag)
        try:
            produce(raw)
            repack(raw, final, zip_time(when))
            os.chmod(final, 0o644)
            _flush(final)
        except BaseException:
            final.unlink(missing_ok=True)
            raise
    return final


def commit(staged: Path, path: Path) -> None:
    """Rename a staged file (:func:`stage`) onto ``path`` (atomic); removes it if that fails."""
    try:
        os.replace(staged, path)
    except IsADirectoryError:
        staged.unlink(missing_ok=True)
        raise InputError.single(path, "cannot write the file: a folder of that name is in "
                                      "the way", hint="move the folder or choose another "
                                                      "--out") from None
    except BaseException:
        staged.unlink(missing_ok=True)
        raise
