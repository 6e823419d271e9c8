"""Files a brief names must lie inside its folder."""

from __future__ import annotations

import os

import pytest

from briefgen.cli import main
from briefgen.load.references import confined

FIXTURE = os.path.join(os.path.dirname(__file__), "..", "fixtures", "minimal-zh", "brief.yaml")


def test_plain_relative_file_is_allowed(tmp_path):
    (tmp_path / "img").mkdir()
    (tmp_path / "img" / "a.png").write_bytes(b"x")
    assert confined(tmp_path, "img/a.png") is None


def test_symlink_leading_out_is_refused(tmp_path):
    outside = tmp_path / "outside.png"
    outside.write_bytes(b"x")
    brief = tmp_path / "brief"
    brief.mkdir()
    os.symlink(outside, brief / "link.png")
    assert "outside" in confined(brief, "link.png")


def test_windows_absolute_and_backslash_dotdot_are_refused(tmp_path):
    assert "absolute" in confined(tmp_path, "C:\\x.png")
    assert "'..'" in confined(tmp_path, "a\\..\\..\\x.png")


@pytest.mark.parametrize("name, why", [
    ("https://example.com/a.png", "URLs are not allowed"),
    ("file:///etc/passwd", "URLs are not allowed"),
    ("data:image/png;base64,iVBORw0KGgo=", "URLs are not allowed"),
    ("//server/share/a.png", "URLs are not allowed"),
    ("/etc/passwd", "absolute paths are not allowed"),
    ("\\\\server\\share\\a.png", "absolute paths are not allowed"),
    ("img/../../secret.png", "'..' is not allowed"),
    ("a\x00b.png", "cannot be read: embedded null byte"),
    ("x" * 5000 + ".png", "cannot be read: file name too long"),
    ("", "file not found"),
    ("img", "file not found"),
])
def test_names_outside_or_unreadable_are_refused(tmp_path, name, why):
    (tmp_path / "img").mkdir()
    assert why in confined(tmp_path, name)


def test_symlinked_folder_leading_out_is_refused(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "a.png").write_bytes(b"x")
    brief = tmp_path / "brief"
    brief.mkdir()
    os.symlink(outside, brief / "img")
    assert "outside the brief's folder" in confined(brief, "img/a.png")


def test_symlink_loop_is_refused(tmp_path):
    os.symlink(tmp_path / "loop", tmp_path / "loop")
    assert confined(tmp_path, "loop").startswith("cannot be read: symlink loop")


def test_symlink_inside_the_folder_is_fine(tmp_path):
    (tmp_path / "a.png").write_bytes(b"x")
    os.symlink(tmp_path / "a.png", tmp_path / "b.png")
    assert confined(tmp_path, "b.png") is None


def test_cli_refuses_a_photo_symlinked_out_of_the_brief_folder(tmp_path, capsys):
    secret = tmp_path / "secret.png"
    secret.write_bytes(b"\x89PNG")
    folder = tmp_path / "event"
    folder.mkdir()
    os.symlink(secret, folder / "photo.png")
    with open(FIXTURE, encoding="utf-8") as f:
        text = f.read()
    (folder / "brief.yaml").write_text(text + "photos:\n  - {caption: 合影, file: photo.png}\n",
                                       "utf-8")
    out = tmp_path / "out"
    assert main(["--brief", str(folder), "-o", str(out), "-q"]) == 2
    assert capsys.readouterr().err.splitlines()[0] == (
        f"{folder / 'brief.yaml'}:48:25: photos[0].file: the path leads outside the brief's "
        "folder (symlink?)")
    assert not out.exists()
