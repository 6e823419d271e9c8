"""Checks on an organisation's DOCX/PPTX template before python-docx/python-pptx open it.

Templates come from outside, so they are treated as untrusted zips: capped in size, entry count
and compression ratio (zip bombs), refused when they carry macros, and their XML is parsed
without DTDs or external entities.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree

from briefgen.errors import InputError

MAX_FILE_BYTES = 50_000_000
MAX_ENTRIES = 5_000
MAX_UNCOMPRESSED = 300_000_000
MAX_RATIO = 200

_SAFE_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                               huge_tree=False)
_MACRO_MARKERS = ("macroEnabled", "vbaProject", "activeX")


def check_office_template(path: Path, suffixes: tuple[str, ...]) -> Path:
    """Return ``path`` if it is a safe Office file with one of ``suffixes``; else InputError."""
    def fail(message: str, hint: str | None = None) -> InputError:
        return InputError.single(path, message, hint=hint)

    if path.suffix.lower() not in suffixes:
        raise fail(f"template must be {' or '.join(suffixes)}, not {path.suffix or 'no suffix'}")
    if not path.is_file():
        raise fail("template file not found")
    if path.stat().st_size > MAX_FILE_BYTES:
        raise fail(f"template is over the {MAX_FILE_BYTES:,}-byte limit")
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            if len(infos) > MAX_ENTRIES:
                raise fail(f"template has {len(infos)} zip entries, over {MAX_ENTRIES}")
            total = sum(i.file_size for i in infos)
            if total > MAX_UNCOMPRESSED:
                raise fail("template unpacks to more than 300 MB", "a zip bomb?")
            for info in infos:
                if info.compress_size and info.file_size / info.compress_size > MAX_RATIO:
                    raise fail(f"zip entry {info.filename} is compressed {MAX_RATIO}x or more",
                               "a zip bomb?")
                if any(m in info.filename for m in _MACRO_MARKERS):
                    raise fail("template contains macros or ActiveX", "save it without macros")
            types = zf.read("[Content_Types].xml")
    except zipfile.BadZipFile:
        raise fail("template is not an Office file (not a zip)") from None
    except KeyError:
        raise fail("template has no [Content_Types].xml") from None
    try:
        root = etree.fromstring(types, _SAFE_PARSER)
    except etree.XMLSyntaxError as exc:
        raise fail(f"template's [Content_Types].xml is not valid XML: {exc}") from None
    if any(m in etree.tostring(root, encoding="unicode") for m in _MACRO_MARKERS):
        raise fail("template is macro-enabled", "save it as .docx/.pptx without macros")
    if b"<!DOCTYPE" in types or b"<!ENTITY" in types:
        raise fail("template XML declares entities, which are not allowed")
    return path
