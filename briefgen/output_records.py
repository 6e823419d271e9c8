"""Each output's record of what it was made from, so a build leaves an up-to-date file alone.

A rebuild of an unchanged brief used to render every file again (most of its time). Like make
and Sphinx, a build now keeps, per output file, the hash of what the file was made from
(:func:`briefgen.made_from.recipe`) and the SHA-256 of the bytes it wrote. When both
still hold, the file is as this build would write it: it is left in place and reported as
"unchanged". Checking the file by its own hash, not its time, means a file edited, replaced or
restored by hand is written again.

Records live in the user's cache (``~/.cache/briefgen/outputs``), one small JSON file per
output path; a record that cannot be read is a miss, and deleting the folder is always safe.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from pathlib import Path

from briefgen.write import store

#: Records kept; the least recently written go first (each output folder makes its own).
KEEP = 512


def file_sha256(path: Path) -> str | None:
    """The SHA-256 of the file's bytes, or None when it cannot be read."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


class OutputRecords:
    """What each output file was made from, and the hash of its bytes when it was written."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _record(self, path: Path) -> Path:
        where = os.path.abspath(path).encode("utf-8", "surrogateescape")
        return self.folder / f"{hashlib.sha256(where).hexdigest()[:40]}.json"

    def unchanged(self, path: Path, recipe: str | None) -> bool:
        """Whether ``path`` holds what a build made from ``recipe`` (None: never)."""
        if recipe is None:
            return False
        try:
            record = json.loads(self._record(path).read_text("utf-8"))
        except (OSError, ValueError):
            return False
        return (isinstance(record, dict) and record.get("recipe") == recipe
                and record.get("sha256") == file_sha256(path))

    def put(self, path: Path, recipe: str | None) -> None:
        """Record that ``path`` was just written from ``recipe`` (None: forget the file)."""
        digest = file_sha256(path)
        if recipe is None or digest is None:
            with contextlib.suppress(OSError):
                self._record(path).unlink(missing_ok=True)
            return
        record = {"path": os.path.abspath(path), "recipe": recipe, "sha256": digest}
        if store(self._record(path), json.dumps(record).encode("utf-8", "surrogateescape")):
            with contextlib.suppress(OSError):  # only a later build is slower
                self._prune()

    def _prune(self) -> None:
        entries = list(self.folder.glob("*.json"))
        if len(entries) <= KEEP:
            return
        entries.sort(key=lambda p: p.stat().st_mtime_ns, reverse=True)
        for old in entries[KEEP:]:
            old.unlink(missing_ok=True)
