"""briefgen/ingest/command.py end to end: the seed becomes a brief that loads and builds; bad
input is one line on stderr, exit 2, and no file."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
import yaml

from briefgen.ingest.command import main
from briefgen.load.brief import load_brief
from briefgen.pipeline import build

ROOT = Path(__file__).resolve().parents[2]
SEED = Path("/work/shared/seed/belt-and-road-forum-2017.txt")
REFERENCE = ROOT / "briefs" / "belt-and-road-forum-2017" / "brief.yaml"
SEED_TEXT = SEED.read_text("utf-8") if SEED.exists() else None
needs_seed = pytest.mark.skipif(SEED_TEXT is None, reason="the seed text is not on this machine")


@pytest.fixture(scope="module")
def seed_draft(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("draft")
    assert main([str(SEED), "--out", str(out)]) == 0
    return out / "brief.yaml"


@needs_seed
def test_the_seed_draft_loads_and_builds_six_files(seed_draft: Path, tmp_path: Path) -> None:
    load_brief(seed_draft)
    written = build(brief=seed_draft.parent, audiences=["all"], out=tmp_path)
    assert len(written) == 6 and all(o.path.stat().st_size > 0 for o in written)


@needs_seed
def test_every_reference_heading_the_seed_prints_is_a_section(seed_draft: Path) -> None:
    lines = {"".join(line.split()) for line in SEED_TEXT.splitlines()}
    reference = yaml.safe_load(REFERENCE.read_text("utf-8"))
    printed = [s["title"] for s in reference["sections"] if s["title"] in lines]
    got = [s["title"] for s in yaml.safe_load(seed_draft.read_text("utf-8"))["sections"]]
    assert len(printed) == 5
    assert set(printed) <= set(got)


@needs_seed
def test_the_draft_marks_guesses_and_cites_sentences(seed_draft: Path) -> None:
    text = seed_draft.read_text("utf-8")
    assert "# check: label" in text
    assert "# from: 2016年中国与“一带一路”沿线国家的进出口总额为6.3万亿元人民币，增长0.6%。" in text


@needs_seed
def test_the_draft_is_deterministic(seed_draft: Path, tmp_path: Path) -> None:
    assert main([str(SEED), "--out", str(tmp_path)]) == 0
    assert (tmp_path / "brief.yaml").read_bytes() == seed_draft.read_bytes()


def test_default_folder_is_named_after_an_english_title(tmp_path: Path, capsys,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    src = tmp_path / "notes.md"
    src.write_text("# Harbour Summit 2024\n\nThe Harbour Summit was held in Lisbon on 3 May 2024."
                   " More than 40 countries took part.\n", "utf-8")
    monkeypatch.chdir(tmp_path)
    assert main([str(src)]) == 0
    target = tmp_path / "harbour-summit-2024" / "brief.yaml"
    assert capsys.readouterr().out.strip() == str(Path("harbour-summit-2024") / "brief.yaml")
    brief = load_brief(target).brief
    assert brief.meta.place == "Lisbon" and brief.figures[0].value == 40


def test_a_docx_is_read_with_its_headings(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_heading("Harbour Summit", 0)
    d.add_heading("Trade", 1)
    d.add_paragraph("Exports were 3.8 trillion yuan and imports were 2.4 trillion yuan.")
    src = tmp_path / "summit.docx"
    d.save(str(src))
    assert main([str(src), "--out", str(tmp_path / "out")]) == 0
    brief = load_brief(tmp_path / "out").brief
    assert [s.title for s in brief.sections] == ["Trade"]
    assert [c.figures for c in brief.charts if c.kind.value == "bar"] == [["figure-1", "figure-2"]]


@pytest.mark.parametrize(("name", "content", "message"), [
    ("empty.txt", b"", "file is empty"),
    ("blank.txt", b"  \n\n", "file is empty"),
    ("binary.txt", bytes(range(256)) * 4, "file is binary"),
    ("gbk.txt", "一带一路国际合作高峰论坛".encode("gbk"), "not UTF-8 text"),
    ("utf16.txt", "Forum opened in Beijing.".encode("utf-16-le"), "UTF-16 text without"),
    ("fake.pdf", b"not a pdf at all", "not a PDF"),
    ("fake.docx", b"not a zip", "not a Word .docx"),
    ("notes.rtf", b"{\\rtf1 hello}", "cannot ingest .rtf"),
])
def test_bad_input_is_one_line_exit_2_and_no_file(tmp_path: Path, capsys, name: str,
                                                  content: bytes, message: str) -> None:
    src = tmp_path / name
    src.write_bytes(content)
    out = tmp_path / "out"
    assert main([str(src), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith(str(src)) and message in err
    assert not out.exists()


def test_utf16_with_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    src = tmp_path / "bom.txt"
    src.write_bytes("The forum was held in Beijing. More than 130 countries attended.\n"
                    .encode("utf-16"))
    assert main([str(src), "--out", str(tmp_path / "out")]) == 0


def test_a_missing_file_is_exit_2(tmp_path: Path, capsys) -> None:
    assert main([str(tmp_path / "nope.txt")]) == 2
    assert "file not found" in capsys.readouterr().err
