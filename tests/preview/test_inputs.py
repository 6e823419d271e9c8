"""What the preview says when it cannot run, and how it reads the plan (no LibreOffice needed)."""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path

import pytest

from briefgen.cli import main
from briefgen.load.brief import load_brief
from briefgen.load.profile import load_profile
from briefgen.pipeline import plan_brief
from briefgen.plan.model import Choice, DocPlan
from briefgen.preview.facts import AudienceFacts, SectionFact, describe, rule_for
from briefgen.preview.make import AudienceView, FileView, Options, Preview
from briefgen.preview.page import render_page, version_of
from briefgen.preview.watch import stamps, watched_files
from briefgen.resources import data_dir, default_brief


def test_without_libreoffice_one_line_exit_2_nothing_written(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    out = tmp_path / "out"
    assert main(["preview", "-o", str(out)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "LibreOffice" in err[0] and "apt-get install" in err[0]
    assert not out.exists()


def test_bad_brief_is_a_located_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    brief = tmp_path / "brief.yaml"
    brief.write_text("meta: {id: x\n", encoding="utf-8")
    assert main(["preview", str(brief), "-o", str(tmp_path / "out")]) == 2
    assert capsys.readouterr().err.startswith(f"{brief}:")
    assert not (tmp_path / "out" / "preview").exists()


def _plans(lang: str = "zh") -> tuple[list[DocPlan], object]:
    brief = default_brief() if lang == "zh" else default_brief().parents[1] / \
        "belt-and-road-forum-2017-en" / "brief.yaml"
    return plan_brief(brief, ["all"], []), load_brief(brief).brief


def test_reasons_come_from_the_plan() -> None:
    plans, brief = _plans()
    executive = plans[0]
    first = brief.sections[0]
    plan = replace(executive, choices=(Choice("section", first.id, "ranked 0.83"),
                                       Choice("figure", "trade", "cited by the lead")))
    facts = describe(plan, load_profile("executive"), brief)
    assert facts.sections[0].reason == "ranked 0.83"
    assert [(c.kind, c.id, c.reason) for c in facts.choices] == [
        ("figure", "trade", "cited by the lead")]
    # The real plan's own reasons, section by section, as the plan records them.
    recorded = {c.id: c.reason for c in executive.choices if c.kind == "section"}
    by_title = {s.title: s.id for s in brief.sections}
    shown = describe(executive, load_profile("executive"), brief).sections
    assert shown and [f.reason for f in shown] == [recorded[by_title[f.title]] for f in shown]
    # A plan that records no reason for a section: the first of the profile's rules taking it.
    assert rule_for(first, ["tag:nothing", f"tag:{first.tags[0]}", "*"]) == \
        f"rule tag:{first.tags[0]}"
    assert rule_for(first, ["other-id", "*"]) == "rule * (every other section)"


def test_english_summaries_are_counted_in_words_against_their_budget() -> None:
    plans, brief = _plans("en")
    facts = describe(plans[1], load_profile("press"), brief)
    assert facts.unit == "words" and facts.sections
    budget = load_profile("press").summary.en
    assert all(s.budget == budget and 0 < s.length <= budget for s in facts.sections)


def _one_audience_preview(lang: str, title: str) -> Preview:
    facts = AudienceFacts(
        audience="press", name="Press release", unit="words" if lang == "en" else "字",
        sections=(SectionFact("Trade <b>grew</b>", "rule tag:trade", 61, 60),), figures=(),
        kpis=(), charts=(), quotes=2, choices=())
    deck = FileView("x-press.pptx", "pptx", "files/x-press.pptx", "files/x-press-slides.pdf",
                    ("pages/a.png", "pages/b.png"), ("Say <this>", ""))
    return Preview(title=title, brief="brief.yaml", lang=lang,
                   audiences=(AudienceView(facts, (deck,)),))


def test_page_speaks_the_brief_language_and_escapes_its_text() -> None:
    html = render_page(_one_audience_preview("en", "Forum <script>alert(1)</script>"))
    assert '<html lang="en">' in html and "Side by side" in html and "Slide 2" in html
    assert "2 slides" in html and "1 slide" not in html
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)" in html
    assert "Trade &lt;b&gt;grew&lt;/b&gt;" in html and "Say &lt;this&gt;" in html
    assert 'class="num over"' in html  # 61 words against a budget of 60
    assert html.count('<p class="notes">') == 1  # the slide without notes has none
    zh = render_page(_one_audience_preview("zh", "论坛"))
    assert '<html lang="zh-CN">' in zh and "并排对照" in zh and "第 2 张幻灯片" in zh


def test_page_version_is_the_hash_of_its_content() -> None:
    one = render_page(_one_audience_preview("en", "Forum"))
    assert render_page(_one_audience_preview("en", "Forum")) == one  # deterministic
    other = render_page(_one_audience_preview("en", "Forum 2"))
    assert version_of(one) and version_of(other) and version_of(one) != version_of(other)


def test_watch_looks_at_the_brief_folder_profiles_and_templates_not_the_output(
        tmp_path: Path) -> None:
    brief = tmp_path / "event"
    (brief / "photos").mkdir(parents=True)
    (brief / "brief.yaml").write_text("meta: {}\n", encoding="utf-8")
    (brief / "photos" / "a.png").write_bytes(b"x")
    (brief / ".git").mkdir()
    (brief / ".git" / "HEAD").write_text("ref", encoding="utf-8")
    (brief / "out" / "preview").mkdir(parents=True)
    (brief / "out" / "preview" / "index.html").write_text("", encoding="utf-8")
    profile = tmp_path / "desk.yaml"
    profile.write_text("extends: press\n", encoding="utf-8")
    files = watched_files(Options(brief=brief / "brief.yaml", out=brief / "out",
                                  profile_files=(profile,)))
    names = {str(f.relative_to(tmp_path)) for f in files if f.is_relative_to(tmp_path)}
    assert names == {"event/brief.yaml", "event/photos/a.png", "desk.yaml"}
    assert data_dir("templates") / "profiles" / "press.yaml" in files
    before = stamps(files)
    time.sleep(0.01)
    (brief / "photos" / "a.png").write_bytes(b"xy")
    assert stamps(files) != before


def test_a_profile_rule_that_takes_nothing_is_a_warning(tmp_path: Path) -> None:
    desk = tmp_path / "desk.yaml"
    desk.write_text("extends: executive\nid: desk\nsections: [tag:news, tag:finanse]\n"
                    "charts: {include: [tag:nothing-here]}\n", encoding="utf-8")
    profile = load_profile(desk)
    plans, brief = _plans()
    facts = describe(plans[0], profile, brief)
    assert facts.idle_rules == ("sections: tag:finanse", "charts: tag:nothing-here")
    page = replace(_one_audience_preview("en", "Forum"), audiences=(
        AudienceView(replace(facts, unit="words"), ()),))
    assert "<li>profile rule sections: tag:finanse takes nothing from this brief</li>" in \
        render_page(page)
