"""Checks on an organisation's DOCX/PPTX template before python-docx/python-pptx open it.

Templates come from outside, so they are treated as untrusted zips: capped in file size, entry
count, total unpacked size and per-entry compression ratio (zip bombs); refused when they carry
macros or ActiveX (a ``vbaProject.bin``, a ``macroEnabled`` content type) or are the wrong kind
of Office file; and every XML part is refused if it declares a DTD or entities, so no parser
ever sees an external entity (XXE) or an entity bomb. ``[Content_Types].xml`` is parsed with
lxml's entity resolution, DTD loading and network access all off.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable
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
_CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"

#: Main-part content types each suffix may carry (a .pptx renamed .docx is refused here,
#: rather than failing half-way through a build).
_MAIN_TYPES = {
    ".docx": ("wordprocessingml.document.main+xml", "wordprocessingml.template.main+xml"),
    ".dotx": ("wordprocessingml.document.main+xml", "wordprocessingml.template.main+xml"),
    ".pptx": ("presentationml.presentation.main+xml", "presentationml.template.main+xml"),
    ".potx": ("presentationml.presentation.main+xml", "presentationml.template.main+xml"),
}
_Fail = Callable[..., InputError]

_KIND = {".docx": "Word document", ".dotx": "Word document", ".pptx": "PowerPoint file",
         ".potx": "PowerPoint file"}


def check_office_template(path: Path, suffixes: tuple[str, ...]) -> Path:
    """Return ``path`` if it is a safe Office file with one of ``suffixes``; else InputError."""
    def fail(message: str, hint: str | None = None) -> InputError:
        return InputError.single(path, message, hint=hint)

    suffix = path.suffix.lower()
    if suffix not in suffixes:
        hint = "save it without macros" if suffix in (".docm", ".dotm", ".pptm", ".potm") else None
        raise fail(f"template must be {' or '.join(suffixes)}, not {path.suffix or 'no suffix'}",
                   hint)
    if not path.is_file():
        raise fail("template file not found")
    if path.stat().st_size > MAX_FILE_BYTES:
        raise fail(f"template is over the {MAX_FILE_BYTES:,}-byte limit")
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            _check_entries(infos, fail)
            for info in infos:
                if info.filename.lower().endswith((".xml", ".rels", ".vml")):
                    _check_no_dtd(zf, info, fail)
            types = zf.read("[Content_Types].xml")
    except zipfile.BadZipFile:
        raise fail("template is not an Office file (not a zip)") from None
    except KeyError:
        raise fail("template has no [Content_Types].xml", "is it an Office file?") from None
    try:
        root = etree.fromstring(types, _SAFE_PARSER)
    except etree.XMLSyntaxError as exc:
        raise fail(f"template's [Content_Types].xml is not valid XML: {exc}") from None
    content_types = [el.get("ContentType", "") for el in root.iter(f"{_CT}Override",
                                                                    f"{_CT}Default")]
    if any(m in t for t in content_types for m in _MACRO_MARKERS):
        raise fail("template is macro-enabled", "save it as .docx/.pptx without macros")
    wanted = _MAIN_TYPES.get(suffix)
    if wanted and not any(t.endswith(w) for t in content_types for w in wanted):
        raise fail(f"template is not a {_KIND[suffix]}", "check the file: renamed from another "
                                                         "format?")
    return path


def _check_entries(infos: list[zipfile.ZipInfo], fail: _Fail) -> None:
    """Entry count, unpacked size, compression ratio and macro parts."""
    if len(infos) > MAX_ENTRIES:
        raise fail(f"template has {len(infos):,} zip entries, over {MAX_ENTRIES:,}", "a zip bomb?")
    total = sum(i.file_size for i in infos)
    if total > MAX_UNCOMPRESSED:
        raise fail(f"template unpacks to {total:,} bytes, over {MAX_UNCOMPRESSED:,}",
                   "a zip bomb?")
    for info in infos:
        if info.file_size > 1_000_000 and (
                not info.compress_size or info.file_size / info.compress_size > MAX_RATIO):
            raise fail(f"zip entry {info.filename} is compressed more than {MAX_RATIO}:1",
                       "a zip bomb?")
        if any(m.lower() in info.filename.lower() for m in _MACRO_MARKERS):
            raise fail("template contains macros or ActiveX", "save it without macros")


def _check_no_dtd(zf: zipfile.ZipFile, info: zipfile.ZipInfo, fail: _Fail) -> None:
    """Refuse an XML part that declares a DTD or entities (XXE, entity bombs)."""
    with zf.open(info) as part:
        tail = b""
        while chunk := part.read(1 << 20):
            window = tail + chunk
            if b"<!DOCTYPE" in window or b"<!ENTITY" in window:
                raise fail(f"template part {info.filename} declares a DTD or entities",
                           "Office files never do; the file was tampered with")
            tail = window[-16:]
