"""The executive memo keeps its promise of at most two A4 pages, as LibreOffice lays it out,
and the plan's page estimate (briefgen.plan.pages) is what gets it there."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from briefgen.load.brief import load_brief
from briefgen.load.profile import load_profile
from briefgen.pipeline import build
from briefgen.plan.audience import plan_for
from briefgen.plan.model import ChartBlock, FigureTable, Heading
from briefgen.plan.pages import pages
from briefgen.resources import data_dir

BRIEFS = ["belt-and-road-forum-2017", "belt-and-road-forum-2017-en"]


def pdf_pages(docx: Path, out: Path) -> int:
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{out}/lo",
                    "--convert-to", "pdf", "--outdir", str(out), str(docx)],
                   check=True, capture_output=True, timeout=180)
    info = subprocess.run(["pdfinfo", str(docx.with_suffix(".pdf"))], check=True,
                          capture_output=True, text=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages")))


@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdfinfo") is None,
                    reason="LibreOffice or poppler missing")
@pytest.mark.parametrize("folder", BRIEFS)
def test_bundled_executive_memo_is_at_most_two_pages(tmp_path, folder):
    [result] = build(brief=data_dir("briefs") / folder, audiences=["executive"],
                     formats=["docx"], out=tmp_path)
    assert 1 <= pdf_pages(result.path, tmp_path) <= 2


@pytest.mark.parametrize("folder", BRIEFS)
def test_page_budget_trims_charts_and_rows_before_sections(folder, tmp_path):
    loaded = load_brief(data_dir("briefs") / folder)
    unbounded = tmp_path / "long-memo.yaml"
    unbounded.write_text("extends: executive\nid: long-memo\ndocument: {max_pages: 50}\n",
                         "utf-8")
    full = plan_for(loaded, load_profile(unbounded))
    memo = plan_for(loaded, load_profile("executive"))
    lang = memo.meta.language
    assert pages(full.blocks, lang) > 2 >= pages(memo.blocks, lang)

    def count(plan, kind):
        return sum(isinstance(b, kind) for b in plan.blocks)

    rows = next(b for b in memo.blocks if isinstance(b, FigureTable)).rows
    assert count(memo, ChartBlock) == 1 < count(full, ChartBlock)
    assert len(rows) == 4
    titles = {s.title for s in loaded.brief.sections}
    assert sum(isinstance(b, Heading) and b.text in titles for b in memo.blocks) == 3
    # the deck is planned before the page budget: it keeps every section and chart
    assert memo.slides == full.slides
    shown = {c.id for c in memo.choices if c.kind == "chart"}
    assert shown == {b.chart.id for b in memo.blocks if isinstance(b, ChartBlock)}


CORPUS = sorted(p.parent for p in (data_dir("briefs").glob("*/brief.yaml")))
CORPUS += sorted(p.parent for p in (Path(__file__).parents[1] / "data" / "briefs").glob(
    "*/brief.yaml"))


@pytest.mark.parametrize("folder", CORPUS, ids=lambda p: p.name)
def test_the_memo_body_does_not_repeat_its_bottom_line(folder):
    """The bottom line is read first: a section's summary says something else the section has
    (issue 14's memos repeated its sentences word for word), within the same page estimate."""
    from briefgen.plan.model import Paragraph
    from briefgen.text.segment import sentences

    loaded = load_brief(folder)
    memo = plan_for(loaded, load_profile("executive"))
    lang = memo.meta.language
    up_front = {s for b in memo.blocks if isinstance(b, Paragraph) and b.role == "bottom_line"
                for s in sentences(b.text, lang)}
    body = [s for b in memo.blocks if isinstance(b, Paragraph) and b.role == "body"
            for s in sentences(b.text, lang)]
    assert body and not up_front & set(body)
    assert pages(memo.blocks, lang) <= 2


@pytest.mark.parametrize("folder", CORPUS, ids=lambda p: p.name)
def test_a_document_shows_its_timeline_once(folder):
    """A briefing with a timeline chapter does not draw the same events as a timeline chart
    too (the mombasa draft's academic briefing did); the deck keeps the chart."""
    from briefgen.plan.model import TimelineBlock

    loaded = load_brief(folder)
    for name in ("executive", "press", "academic"):
        plan = plan_for(loaded, load_profile(name))
        drawn = [b for b in plan.blocks if isinstance(b, ChartBlock)
                 and b.chart.kind == "timeline"]
        listed = [b for b in plan.blocks if isinstance(b, TimelineBlock)]
        assert len(drawn) + len(listed) <= 1, name
