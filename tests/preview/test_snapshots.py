"""The picture taker: files handed over during a build are converted in bursts, and pictures
already taken for the same content are reused (LibreOffice replaced by a stand-in here; the
real conversion is tested in test_page.py)."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from briefgen.preview import snapshots
from briefgen.preview.snapshots import Snapshotter, file_key, split


@pytest.fixture
def batches(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """Replaces LibreOffice: records each batch and writes a one-page manifest per file."""
    seen: list[list[str]] = []

    def convert(soffice: str, files: dict[str, Path], pages_dir: Path, runs: int) -> None:
        pages_dir.mkdir(parents=True, exist_ok=True)
        seen.append(sorted(p.name for p in files.values()))
        for key in files:
            (pages_dir / f"{key}.pdf").write_bytes(b"%PDF")
            (pages_dir / f"{key}-page.png").write_bytes(b"png")
            (pages_dir / f"{key}.json").write_text(json.dumps({"pages": [f"{key}-page.png"]}))

    monkeypatch.setattr(snapshots, "convert_new", convert)
    monkeypatch.setattr(snapshots, "GATHER", 0.2)
    return seen


def _files(folder: Path, *names: str) -> list[Path]:
    folder.mkdir(exist_ok=True)
    for name in names:
        (folder / name).write_text(name)
    return [folder / n for n in names]


def test_a_burst_is_one_batch_and_a_late_file_the_next(tmp_path: Path, batches) -> None:
    a, b, c, late = _files(tmp_path / "out", "a.docx", "a.pptx", "b.docx", "c.docx")
    with Snapshotter("soffice", tmp_path / "preview") as snapper:
        for path in (a, b, c):
            snapper.add(path)
        time.sleep(1.0)
        snapper.add(late)
        shots = snapper.finish()
    assert [s.source for s in shots] == [a, b, c, late]  # in the order handed over
    assert shots[0].pages == (f"pages/{file_key(a)}-page.png",)
    assert sorted(n for batch in batches for n in batch) == ["a.docx", "a.pptx", "b.docx",
                                                            "c.docx"]
    assert "c.docx" not in batches[0] and "a.docx" in batches[0]


def test_pictures_of_the_same_content_are_reused(tmp_path: Path, batches) -> None:
    (a,) = _files(tmp_path / "out", "a.docx")
    for _ in range(2):
        with Snapshotter("soffice", tmp_path / "preview") as snapper:
            snapper.add(a)
            snapper.finish()
    assert batches == [["a.docx"]]
    a.write_text("edited")
    with Snapshotter("soffice", tmp_path / "preview") as snapper:
        snapper.add(a)
        snapper.finish()
    assert batches == [["a.docx"], ["a.docx"]]


def test_split_balances_by_size(tmp_path: Path) -> None:
    folder = tmp_path / "f"
    folder.mkdir()
    sizes = {"big": 900, "mid": 500, "small1": 300, "small2": 200}
    files = {}
    for name, size in sizes.items():
        (folder / name).write_bytes(b"x" * size)
        files[name] = folder / name
    one, two = split(files, 2)
    assert set(one) == {"big"} and set(two) == {"mid", "small1", "small2"}
    assert split(files, 5) and len(split(files, 5)) == 4  # never an empty run


def test_undoing_an_edit_finds_the_pictures_of_the_build_before(
        tmp_path: Path, batches, monkeypatch: pytest.MonkeyPatch) -> None:
    """make_preview keeps two builds' pictures: an edit, then its undo, converts once."""
    from briefgen.preview import make

    out = tmp_path / "out"
    (doc,) = _files(out, "x-press.docx")
    monkeypatch.setattr(make, "find_soffice", lambda: "soffice")

    def build(on_file, **_: object) -> list[object]:
        on_file(make_output(doc))
        return [make_output(doc)]

    def make_output(path: Path) -> object:
        from briefgen.pipeline import Output
        return Output(path, "press", "docx", 0.0)

    monkeypatch.setattr("briefgen.pipeline.build", build)
    monkeypatch.setattr(make, "describe_build", lambda *_: make.Preview("T", "b", "en", ()))
    for text in ("first", "edited", "first"):
        doc.write_text(text)
        make.make_preview(make.Options(out=out))
    assert len(batches) == 2  # "first" again was not converted again
