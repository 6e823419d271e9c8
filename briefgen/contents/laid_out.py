"""PDFs LibreOffice made while numbering a document's contents, kept for this process.

The last layout that settles the contents page numbers is of the document as it is then
written: the same parts, only the zip entries' times differ. ``briefgen preview`` draws the
pages of that PDF instead of having LibreOffice convert the same document again (1-2 s of CPU
for a long document with contents, after every edit in watch mode).
"""

from __future__ import annotations

import hashlib
import io
import threading
import zipfile
from collections import OrderedDict
from pathlib import Path

#: Layouts kept (the last few documents laid out; a build lays out at most one per document).
KEEP = 4
_PDFS: OrderedDict[str, bytes] = OrderedDict()
_LOCK = threading.Lock()


def parts_digest(docx: bytes) -> str:
    """A hash of a DOCX's parts by name and content, blind to zip entry times."""
    digest = hashlib.sha256()
    with zipfile.ZipFile(io.BytesIO(docx)) as package:
        for name in sorted(package.namelist()):
            digest.update(name.encode() + b"\0" + package.read(name) + b"\0")
    return digest.hexdigest()


def remember(docx: bytes, pdf: Path) -> None:
    """Keep the PDF LibreOffice made of ``docx``."""
    key, data = parts_digest(docx), pdf.read_bytes()
    with _LOCK:
        _PDFS[key] = data
        _PDFS.move_to_end(key)
        while len(_PDFS) > KEEP:
            _PDFS.popitem(last=False)


def pdf_of(docx: bytes) -> bytes | None:
    """The PDF of a document with the same parts as ``docx``, if one was laid out here."""
    try:
        key = parts_digest(docx)
    except zipfile.BadZipFile:
        return None
    with _LOCK:
        return _PDFS.get(key)
