"""Write the broken DOCX/PPTX templates of ``tests/data/bad-templates/`` into a folder.

Binary cases are generated, not committed: ``python tests/data/make_bad_templates.py OUT`` writes
them all; the tests call :func:`make_all` into a temporary folder. Each file's expected message
is ``tests/data/bad-templates/<file name>.expect``.
"""

from __future__ import annotations

import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GOOD_DOCX = ROOT / "templates" / "docx" / "reference-en.docx"
GOOD_PPTX = ROOT / "templates" / "pptx" / "default.pptx"

CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
DOCM_MAIN = "application/vnd.ms-word.document.macroEnabled.main+xml"


def content_types(main: str, extra: str = "", prolog: str = "") -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{prolog}'
            f'<Types xmlns="{CT_NS}">'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/word/document.xml" ContentType="{main}"/>{extra}</Types>'
            ).encode()


def write_zip(path: Path, entries: dict[str, bytes]) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in entries.items():
            zf.writestr(name, data)


def copy_with(src: Path, path: Path, changes: dict[str, bytes]) -> None:
    """``src`` with some entries replaced or added."""
    with zipfile.ZipFile(src) as zin:
        entries = {i.filename: zin.read(i.filename) for i in zin.infolist()}
    write_zip(path, {**entries, **changes})


def not_a_zip(path: Path) -> None:
    path.write_bytes(b"PK\x03\x04 this is not really a zip file\n" * 10)


def text_file(path: Path) -> None:
    path.write_text("Our house style: Arial 11, blue headings.\n", "utf-8")


def macro_suffix(path: Path) -> None:
    copy_with(GOOD_DOCX, path, {"word/vbaProject.bin": b"\xd0\xcf\x11\xe0" + b"\0" * 512})


def macro_deck(path: Path) -> None:
    copy_with(GOOD_PPTX, path, {"ppt/vbaProject.bin": b"\xd0\xcf\x11\xe0" + b"\0" * 512})


def vba_project(path: Path) -> None:
    copy_with(GOOD_DOCX, path, {"word/vbaProject.bin": b"\xd0\xcf\x11\xe0" + b"\0" * 512})


def macro_content_type(path: Path) -> None:
    write_zip(path, {"[Content_Types].xml": content_types(DOCM_MAIN),
                     "word/document.xml": b"<w:document/>"})


def zip_bomb(path: Path) -> None:
    entries = {"[Content_Types].xml": content_types(DOCX_MAIN),
               "word/media/padding.bin": b"\0" * 20_000_000}
    write_zip(path, entries)


def too_many_entries(path: Path) -> None:
    entries = {"[Content_Types].xml": content_types(DOCX_MAIN)}
    entries.update({f"customXml/item{i}.xml": b"<a/>" for i in range(5_001)})
    write_zip(path, entries)


def xxe(path: Path) -> None:
    prolog = '<!DOCTYPE Types [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    write_zip(path, {"[Content_Types].xml": content_types(DOCX_MAIN, prolog=prolog),
                     "word/document.xml": b"<w:document>&xxe;</w:document>"})


def entity_bomb_in_part(path: Path) -> None:
    lol = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
           b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
           b'<w:styles>&lol2;</w:styles>')
    copy_with(GOOD_DOCX, path, {"word/styles.xml": lol})


def no_content_types(path: Path) -> None:
    write_zip(path, {"word/document.xml": b"<w:document/>"})


def wrong_kind(path: Path) -> None:
    path.write_bytes(GOOD_PPTX.read_bytes())  # a deck, named .docx


def wrong_kind_pptx(path: Path) -> None:
    path.write_bytes(GOOD_DOCX.read_bytes())  # a Word file, named .pptx


def too_big(path: Path) -> None:
    with path.open("wb") as f:  # sparse: the size check comes before anything is read
        f.truncate(50_000_001)


#: File name -> how to make it. The suffix says which option the file is given to.
CASES: dict[str, Callable[[Path], None]] = {
    "not-a-zip.docx": not_a_zip,
    "wrong-suffix.txt": text_file,
    "macro.docm": macro_suffix,
    "macro-deck.pptm": macro_deck,
    "vba-project.docx": vba_project,
    "macro-content-type.docx": macro_content_type,
    "zip-bomb.docx": zip_bomb,
    "too-many-entries.docx": too_many_entries,
    "xxe.docx": xxe,
    "entity-bomb.docx": entity_bomb_in_part,
    "no-content-types.docx": no_content_types,
    "deck-named-docx.docx": wrong_kind,
    "word-named-pptx.pptx": wrong_kind_pptx,
    "too-big.pptx": too_big,
}


def suffixes_for(name: str) -> tuple[str, ...]:
    """The suffixes the option taking this file accepts (--pptx-template or --docx-template)."""
    return (".pptx", ".potx") if ".pp" in name or ".po" in name else (".docx", ".dotx")


def make_all(folder: Path) -> list[Path]:
    """Write every case into ``folder``; return the paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, make in CASES.items():
        make(folder / name)
        paths.append(folder / name)
    return paths


if __name__ == "__main__":
    for p in make_all(Path(sys.argv[1] if len(sys.argv) > 1 else "bad-templates-out")):
        print(p)
