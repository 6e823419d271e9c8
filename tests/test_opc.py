"""Re-packing OPC zips: fixed entry times, byte replacements, templates retyped as documents."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import docx
import pptx
import pytest

from briefgen.opc import ZIP_EPOCH, as_document, repacked, zip_time

_TYPES = "[Content_Types].xml"


def _zip(entries: dict[str, bytes], when: tuple[int, ...] = (2021, 6, 5, 4, 3, 2)) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        for name, data in entries.items():
            package.writestr(zipfile.ZipInfo(name, when), data)
    return out.getvalue()


def _saved(document: docx.document.Document | pptx.presentation.Presentation) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _as_template(blob: bytes, document_type: bytes, template_type: bytes) -> bytes:
    return repacked(blob, replace={_TYPES: {document_type: template_type}})


def test_repack_gives_every_entry_the_fixed_time_and_mode_in_order() -> None:
    blob = repacked(_zip({"b.xml": b"<b/>", "a.xml": b"<a/>"}), ZIP_EPOCH)
    with zipfile.ZipFile(io.BytesIO(blob)) as package:
        infos = package.infolist()
        assert [i.filename for i in infos] == ["b.xml", "a.xml"]
        assert {(i.date_time, i.external_attr >> 16, i.compress_type) for i in infos} == {
            (ZIP_EPOCH, 0o644, zipfile.ZIP_DEFLATED)}
        assert package.read("a.xml") == b"<a/>"


def test_repack_without_a_time_keeps_each_entrys_own() -> None:
    blob = repacked(_zip({"a.xml": b"<a/>"}))
    with zipfile.ZipFile(io.BytesIO(blob)) as package:
        assert package.getinfo("a.xml").date_time == (2021, 6, 5, 4, 3, 2)


def test_repack_replaces_bytes_in_the_named_entry_only() -> None:
    blob = repacked(_zip({"a.xml": b"old old", "b.xml": b"old"}),
                    replace={"a.xml": {b"old": b"new"}})
    with zipfile.ZipFile(io.BytesIO(blob)) as package:
        assert (package.read("a.xml"), package.read("b.xml")) == (b"new new", b"old")


def test_zip_time_is_utc_and_never_before_the_zip_epoch() -> None:
    tokyo = dt.timezone(dt.timedelta(hours=9))
    assert zip_time(dt.datetime(2024, 1, 2, 9, 30, tzinfo=tokyo)) == (2024, 1, 2, 0, 30, 0)
    assert zip_time(dt.datetime(1970, 1, 1, tzinfo=dt.UTC)) == ZIP_EPOCH


@pytest.mark.parametrize("kind", ["docx", "pptx"])
def test_a_template_is_retyped_as_the_document_it_makes(kind: str) -> None:
    if kind == "docx":
        blob = _as_template(_saved(docx.Document()), b"wordprocessingml.document.main",
                            b"wordprocessingml.template.main")
        with pytest.raises(ValueError):
            docx.Document(io.BytesIO(blob))
        docx.Document(io.BytesIO(as_document(blob)))
    else:
        blob = _as_template(_saved(pptx.Presentation()), b"presentationml.presentation.main",
                            b"presentationml.template.main")
        with pytest.raises(ValueError):
            pptx.Presentation(io.BytesIO(blob))
        pptx.Presentation(io.BytesIO(as_document(blob)))


def test_a_document_is_left_as_it_is() -> None:
    blob = _saved(docx.Document())
    assert as_document(blob) is blob
