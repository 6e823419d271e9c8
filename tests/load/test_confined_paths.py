"""Files a brief names must lie inside its folder."""

from __future__ import annotations

import os

from briefgen.load.references import confined


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
