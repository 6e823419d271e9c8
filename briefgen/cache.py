"""One design for what builds keep for later builds: a key, a store, pruning.

A key is a hash of the installation (:func:`briefgen.fingerprint.installation`: briefgen's own
code and data, the libraries, Python) and of the explicit inputs a cache names, so a change to
briefgen's code needs no hand-bumped version. An entry is a file named by its key, written
atomically (:func:`briefgen.write.store`); one that cannot be read is a miss, and deleting a
cache folder is always safe. Used by the plan cache (:mod:`briefgen.plan_cache`), the contents
page numbers (:mod:`briefgen.contents.page_cache`) and the chart pictures
(:mod:`briefgen.charts.render`).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from pathlib import Path

from briefgen.fingerprint import installation
from briefgen.write import store


def key(kind: str, *inputs: str) -> str:
    """The hex SHA-256 of ``kind``, the installation and ``inputs``."""
    digest = hashlib.sha256()
    for item in (kind, installation(), *inputs):
        digest.update(item.encode("utf-8", "surrogateescape") + b"\0")
    return digest.hexdigest()


class Store:
    """Entries of one cache folder, one file each, named ``KEY + suffix``.

    :param keep: entries kept when one is added, the most recently used (None: all).
    """

    def __init__(self, folder: Path, suffix: str, keep: int | None = None) -> None:
        self.folder, self.suffix, self.keep = Path(folder), suffix, keep

    def path(self, key: str) -> Path:
        return self.folder / f"{key}{self.suffix}"

    def read(self, key: str) -> bytes | None:
        """The entry's bytes, or None when it is missing or cannot be read."""
        try:
            return self.path(key).read_bytes()
        except OSError:
            return None

    def used(self, key: str) -> None:
        """Mark an entry as recently used, so it is pruned last."""
        with contextlib.suppress(OSError):
            os.utime(self.path(key))

    def write(self, key: str, data: bytes) -> bool:
        """Store an entry atomically, then prune; False when it could not be written (only a
        later build is slower)."""
        if not store(self.path(key), data):
            return False
        if self.keep is not None:
            with contextlib.suppress(OSError):
                self.prune(self.keep)
        return True

    def prune(self, keep: int) -> None:
        """Remove all but the ``keep`` most recently used entries."""
        entries = sorted(self.folder.glob(f"*{self.suffix}"),
                         key=lambda p: p.stat().st_mtime_ns, reverse=True)
        for old in entries[keep:]:
            old.unlink(missing_ok=True)
