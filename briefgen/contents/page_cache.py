"""Settled contents page numbers, kept between builds.

Laying out takes LibreOffice seconds, and a brief is built again and again while it is being
written; so the settled numbers are kept under a hash of what the document is made from and of
the LibreOffice installation and fonts. The same document on the same LibreOffice lays out the
same way, so a hit is exact; any change to the document misses.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from briefgen import cache
from briefgen.fingerprint import system_fonts
from briefgen.office import program


class PageCache:
    """Settled contents page numbers, one small JSON file per document and LibreOffice
    (:class:`briefgen.cache.Store`).

    A cache that cannot be read or written is only a slower build: every failure is a miss.
    """

    def __init__(self, folder: Path) -> None:
        self.store = cache.Store(folder, ".json")

    @staticmethod
    def key(source: str, soffice: str) -> str:
        """Where the numbers of the document made from ``source`` are kept: a hash of it and
        of the LibreOffice (program and fonts) that lays it out."""
        return cache.key("toc source", source, *_laid_out_by(soffice))

    @staticmethod
    def name_key(name: str, soffice: str) -> str:
        """Where the last settled numbers of documents called ``name`` are kept (a hint only:
        a layout always confirms them)."""
        return "last-" + cache.key("toc name", name, *_laid_out_by(soffice))

    def get(self, key: str) -> list[int] | None:
        data = self.store.read(key)
        try:
            pages = json.loads(data.decode("utf-8")) if data is not None else None
        except ValueError:
            return None
        if isinstance(pages, list) and all(type(p) is int and p > 0 for p in pages):
            return pages
        return None

    def put(self, key: str, pages: Sequence[int]) -> None:
        self.store.write(key, json.dumps(list(pages)).encode())


def _laid_out_by(soffice: str) -> tuple[str, str]:
    """The LibreOffice program behind ``soffice`` and when it was installed or upgraded, and
    the state of the system's fonts (a font added or removed moves page breaks)."""
    return program(soffice), system_fonts()
