"""Re-packing OPC packages (the zips behind .docx and .pptx), in one place.

Two jobs need it. python-docx and python-pptx stamp every zip entry with the clock, so a
reproducible file is re-packed with one fixed time and fixed permissions (:func:`repack`).
Neither library opens a template (.dotx, .potx): it refuses the template content type of the main
part, so a template is retyped as a document in memory first (:func:`as_document`).
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Mapping
from pathlib import Path
from typing import IO

#: Zip's earliest representable time; files whose content alone defines them carry it.
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)

ZipTime = tuple[int, int, int, int, int, int]

#: Content type of a template's main part -> that of the document it makes.
_DOCUMENT_TYPES = {
    b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml":
        b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    b"application/vnd.openxmlformats-officedocument.presentationml.template.main+xml":
        b"application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
}
_CONTENT_TYPES = "[Content_Types].xml"


def zip_time(when: dt.datetime) -> ZipTime:
    """``when`` in UTC as a zip entry time, no earlier than zip's epoch."""
    stamp = when.astimezone(dt.UTC).timetuple()[:6]
    return max(stamp, ZIP_EPOCH)  # type: ignore[return-value]


def repack(src: Path | IO[bytes], dst: Path | IO[bytes], date_time: ZipTime | None = None,
           replace: Mapping[str, Mapping[bytes, bytes]] | None = None) -> None:
    """Copy zip ``src`` to ``dst`` deflated, entries in their original order.

    :param date_time: every entry gets this time and mode 0644 (so the bytes depend on the
        content only); None keeps each entry's own header.
    :param replace: per entry name, byte strings to replace in that entry's content.
    """
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            for old, new in (replace or {}).get(item.filename, {}).items():
                data = data.replace(old, new)
            info = item
            if date_time is not None:
                info = zipfile.ZipInfo(item.filename, date_time=date_time)
                info.external_attr = 0o644 << 16
                info.create_system = 3  # Unix, whatever system built the file
            info.compress_type = zipfile.ZIP_DEFLATED
            zout.writestr(info, data, compresslevel=6)


def repacked(blob: bytes, date_time: ZipTime | None = None,
             replace: Mapping[str, Mapping[bytes, bytes]] | None = None) -> bytes:
    """:func:`repack` from bytes to bytes."""
    out = io.BytesIO()
    repack(io.BytesIO(blob), out, date_time, replace)
    return out.getvalue()


def as_document(blob: bytes) -> bytes:
    """A .dotx or .potx retyped as the .docx or .pptx it makes; any other package unchanged.

    Only ``[Content_Types].xml`` changes: the main part's template type becomes the document
    type, which is all python-docx and python-pptx check.
    """
    with zipfile.ZipFile(io.BytesIO(blob)) as package:
        types = package.read(_CONTENT_TYPES)
    found = {old: new for old, new in _DOCUMENT_TYPES.items() if old in types}
    return repacked(blob, replace={_CONTENT_TYPES: found}) if found else blob
