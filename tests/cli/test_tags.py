"""Issue 14, item 4: tags that explain themselves.

The vocabulary comes from the profiles' rules; validate warns (exit 0) about a tag that looks
like a typo of one, naming file and line, and says per audience what it will get; the scaffold,
``profiles show`` and docs/schema.md list the same vocabulary.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from docx import Document
from pptx import Presentation

from briefgen.cli import main
from briefgen.load.profile import builtin_profiles, load_profile
from briefgen.load.tags import KINDS, Vocabulary, builtin_vocabulary
from briefgen.pipeline import build

ROOT = Path(__file__).resolve().parents[2]
CLIMATE = ROOT / "tests" / "data" / "briefs" / "climate-conference-en"  # tags: [..., conectivity]
AUDIENCE_LINE = re.compile(r"^  (\w+): (lead|bottom line|summary) from '([a-z0-9-]+)', "
                           r"(\d+) sections?, (\d+) figures?, .*?(\d+) charts?, (\d+) quotes?; "
                           r"(\d+) slides?$")


def _tags_in_profile_files() -> set[str]:
    """Every tag:NAME written in the built-in profile files, read as text."""
    found = set()
    for path in builtin_profiles().values():
        found |= set(re.findall(r"tag:([A-Za-z0-9_-]+)", path.read_text("utf-8")))
    return found


def test_vocabulary_is_exactly_what_the_profile_files_name():
    vocabulary = builtin_vocabulary()
    assert {t for k in KINDS for t in vocabulary.names(k)} == _tags_in_profile_files()
    assert "connectivity" in vocabulary.names("section")
    assert "headline" in vocabulary.names("figure")
    assert "headline" not in vocabulary.names("section")  # only figures are picked by it


def test_validate_warns_about_a_typo_with_file_line_and_did_you_mean_and_exits_0(capsys):
    assert main(["validate", str(CLIMATE)]) == 0
    out, err = capsys.readouterr()
    brief = CLIMATE / "brief.yaml"
    line = next(n for n, text in enumerate(brief.read_text("utf-8").splitlines(), start=1)
                if "tags: [energy, conectivity]" in text)
    assert err.splitlines() == [
        f"{brief}:{line}:20: sections[4].tags[1]: warning: no profile selects sections by tag "
        f"'conectivity' (did you mean 'connectivity'?)"]
    assert out.startswith(f"{brief}: ok (")
    unused = next(ln for ln in out.splitlines() if "tags no profile selects on" in ln)
    assert "energy" in unused and "conectivity" not in unused  # the typo is warned, not listed


def test_a_figure_tag_typo_is_warned_at_its_own_line(tmp_path, capsys):
    assert main(["new", str(tmp_path / "ev"), "-q"]) == 0
    brief = tmp_path / "ev" / "brief.yaml"
    text = brief.read_text("utf-8")
    brief.write_text(text.replace("tags: [headline, key]", "tags: [key, headlne]"), "utf-8")
    assert main(["validate", str(brief)]) == 0
    (warning,) = capsys.readouterr().err.splitlines()
    line = next(n for n, ln in enumerate(brief.read_text("utf-8").splitlines(), start=1)
                if "headlne" in ln)
    assert warning.startswith(f"{brief}:{line}:")
    assert "figures[0].tags[1]: warning:" in warning and "did you mean 'headline'?" in warning


def test_a_profile_that_selects_on_a_tag_makes_it_known(tmp_path, capsys):
    desk = tmp_path / "desk.yaml"
    desk.write_text("extends: press\nid: desk\nsections: [tag:conectivity, tag:energy]\n", "utf-8")
    assert main(["validate", str(CLIMATE), "-p", str(desk)]) == 0
    out, err = capsys.readouterr()
    assert err == ""  # the desk's own rule names 'conectivity': no longer a typo
    unused = next(ln for ln in out.splitlines() if "tags no profile selects on" in ln)
    assert "energy" not in unused
    assert "desk" in Vocabulary.of([load_profile(desk)]).tags["section"]["energy"]


def test_validate_reports_per_audience_what_the_built_files_hold(tmp_path, capsys):
    assert main(["new", str(tmp_path / "forum"), "--lang", "en", "-q"]) == 0
    assert main(["validate", str(tmp_path / "forum")]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    lines = out.splitlines()
    assert "tags no profile selects on" not in out  # the scaffold uses the vocabulary only
    report = {m.group(1): m for m in map(AUDIENCE_LINE.match, lines[1:]) if m}
    assert sorted(report) == ["academic", "executive", "press"], lines
    assert report["press"].group(2) == "lead" and report["executive"].group(2) == "bottom line"
    results = build(brief=tmp_path / "forum", audiences=["all"], formats=["docx", "pptx"],
                    out=tmp_path / "out")
    for r in results:
        m = report[r.audience]
        if r.path.suffix == ".pptx":
            assert len(Presentation(str(r.path)).slides) == int(m.group(8))
            continue
        doc = Document(str(r.path))
        titles = {"Example Cooperation Forum opens in Hangzhou",
                  "Cooperation projects keep growing"}
        shown = {p.text for p in doc.paragraphs if p.style.name.startswith("Heading")}
        assert len(titles & shown) == int(m.group(4)), r.audience
        quotes = [p for p in doc.paragraphs if p.style.name == "Quote"]
        assert len(quotes) <= int(m.group(7))  # a deck may show a quote the document does not


def test_scaffold_comments_list_the_vocabulary_of_each_kind(tmp_path):
    assert main(["new", str(tmp_path / "ev"), "-q"]) == 0
    text = (tmp_path / "ev" / "brief.yaml").read_text("utf-8")
    vocabulary = builtin_vocabulary()
    assert f"#   {', '.join(vocabulary.names('section'))}\n" in text
    assert f"pick and order by: {', '.join(vocabulary.names('figure'))}\n" in text
    assert f"pick and order by: {', '.join(vocabulary.names('chart'))}\n" in text


def test_profiles_show_ends_with_the_tags_it_selects_on_and_stays_the_shipped_yaml(capsys):
    assert main(["profiles", "show", "press"]) == 0
    out = capsys.readouterr().out
    shipped = (ROOT / "templates" / "profiles" / "press.yaml").read_text("utf-8")
    assert out.startswith(shipped)
    assert yaml.safe_load(out) == yaml.safe_load(shipped)  # the addition is comments only
    tail = out[len(shipped):]
    press = Vocabulary.of([load_profile("press")])
    assert f"#   sections: {', '.join(press.names('section'))}\n" in tail
    assert f"#   figures: {', '.join(press.names('figure'))}\n" in tail


def test_schema_reference_has_a_row_per_tag_with_the_profiles_using_it():
    doc = (ROOT / "docs" / "schema.md").read_text("utf-8")
    rows = dict(re.findall(r"^\| `([a-z0-9-]+)` \| (.*) \|$", doc.split("## Tags", 1)[1]
                           .split("\n## ", 1)[0], flags=re.M))
    vocabulary = builtin_vocabulary()
    assert set(rows) == _tags_in_profile_files()
    assert rows["headline"].split(" | ")[1] == ", ".join(vocabulary.tags["figure"]["headline"])
