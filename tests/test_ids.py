"""Ids from free text: the brief scaffold's and the importer's rules."""

from __future__ import annotations

import re
from pathlib import Path

from briefgen.commands.new import scaffold
from briefgen.ids import slug


def test_a_long_id_is_cut_at_a_word_boundary_or_at_the_limit() -> None:
    text = "Green ports forum closes with 151 cooperation deals in Shanghai"
    assert slug(text, "x") == "green-ports-forum-closes-with-151-cooperation"
    assert slug(text, "x", limit=20, whole_words=False) == "green-ports-forum-cl"


def test_too_short_an_id_falls_back() -> None:
    assert slug("北京论坛", "brief-2025-01-01") == "brief-2025-01-01"
    assert slug("A B", "x") == "a-b"
    assert slug("A", "x") == "x"
    assert slug("A", "x", shortest=1) == "a"


def test_new_names_the_brief_after_its_folder(tmp_path: Path) -> None:
    long_name = "My Forum " + "x" * 70
    for name, expected in (("My Forum 2025", "my-forum-2025"), ("论坛", "event"),
                           (long_name, ("my-forum-" + "x" * 70)[:64])):
        text = scaffold(tmp_path / name).read_text("utf-8")
        assert re.search(rf"^  id: {expected} ", text, re.MULTILINE), name
