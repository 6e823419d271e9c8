"""Settled contents page numbers, kept between builds.

Laying out takes LibreOffice seconds, and a brief is built again and again while it is being
written; so the settled numbers are kept under a hash of what the document is made from and of
the LibreOffice installation and fonts. The same document on the same LibreOffice lays out the
same way, so a hit is exact; any change to the document misses.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from pathlib import Path

from briefgen.fingerprint import system_fonts
from briefgen.office import program
from briefgen.write import store


class PageCache:
    """Settled contents page numbers, one small JSON file per document and LibreOffice.

    A cache that cannot be read or written is only a slower build: every failure is a miss.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    @staticmethod
    def key(source: str, soffice: str) -> str:
        """Where the numbers of the document made from ``source`` are kept: a hash of it and
        of the LibreOffice (program and fonts) that lays it out."""
        return _hash("source", source, soffice)

    @staticmethod
    def name_key(name: str, soffice: str) -> str:
        """Where the last settled numbers of documents called ``name`` are kept (a hint only:
        a layout always confirms them)."""
        return "last-" + _hash("name", name, soffice)

    def get(self, key: str) -> list[int] | None:
        try:
            pages = json.loads((self.folder / f"{key}.json").read_text("utf-8"))
        except (OSError, ValueError):
            return None
        if isinstance(pages, list) and all(type(p) is int and p > 0 for p in pages):
            return pages
        return None

    def put(self, key: str, pages: Sequence[int]) -> None:
        store(self.folder / f"{key}.json", json.dumps(list(pages)).encode())


def _hash(kind: str, text: str, soffice: str) -> str:
    whole = f"{kind}\0{text}\0{_installation(soffice)}"
    return hashlib.sha256(whole.encode("utf-8", "surrogateescape")).hexdigest()


def _installation(soffice: str) -> str:
    """The LibreOffice program behind ``soffice`` and when it was installed or upgraded, and
    the state of the system's fonts (a font added or removed moves page breaks)."""
    return f"{program(soffice)}\n{system_fonts()}"
