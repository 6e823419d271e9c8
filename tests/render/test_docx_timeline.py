"""The DOCX timeline chart as a table: dates on a line, a marker and the event under each."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

from briefgen.plan.model import ChartBlock
from briefgen.plan.present import caption_number, make_chart_spec, timeline_item
from briefgen.render.docx.renderer import DocxRenderer
from briefgen.render.docx.timeline import MARKER, Event, bands
from tests.fixtures.plans import labels, sample_plan

ROOT = Path(__file__).resolve().parents[2]
EVENTS = {
    "zh": [("2011年", "科技部开始为发展中国家举办技术培训班"),
           ("2013年", "习近平主席提出“一带一路”倡议"),
           ("2016年6月", "技术转移协作网络倡议"), ("2016年9月", "四部门出台专项规划"),
           ("2016年底", "倡议首次写入联合国大会决议"), ("2017年初", "安理会第2344号决议"),
           ("2017年5月14日", "高峰论坛在北京开幕")],
    "en": [("2011", "Technology training courses begin"), ("2013", "President Xi proposes it"),
           ("June 2016", "Technology transfer network proposed"), ("Sept. 2016", "Joint plan"),
           ("End of 2016", "First written into a UN resolution"), ("Early 2017", "Resolution 2344"),
           ("14 May 2017", "Forum opens in Beijing")],
}


def timeline_plan(lang: str):
    """The sample plan with seven milestones and a timeline chart of them."""
    plan = sample_plan(lang)
    items = tuple(timeline_item(d, d[:4], label, None) for d, label in EVENTS[lang])
    chart = make_chart_spec(id="events", kind="timeline",
                            title="大事记" if lang == "zh" else "Events",
                            categories=(), series=(), unit="", value_labels=(), source="",
                            caption=(caption := "图9 大事记" if lang == "zh"
                                     else "Figure 9 Events"),
                            caption_number=caption_number(caption, labels(lang), "figure_caption"),
                            alt_text="Events 2011-2017", language=lang)
    return dataclasses.replace(plan, blocks=plan.blocks + (ChartBlock(chart),),
                               charts=plan.charts + (chart,), timeline=items)


def render(tmp_path: Path, plan, **options):
    path = tmp_path / "timeline.docx"
    DocxRenderer(**options).render(plan, {}, path)
    return Document(str(path))


def timeline_table(doc):
    found = [t for t in doc.tables
             if (c := t._tbl.tblPr.find(qn("w:tblCaption"))) is not None
             and c.get(qn("w:val")) in ("大事记", "Events")]
    assert len(found) == 1
    return found[0]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_timeline_reads_as_dates_over_events_in_order(tmp_path, lang) -> None:
    doc = render(tmp_path, timeline_plan(lang))
    table = timeline_table(doc)
    rows = table.rows
    assert len(rows) == 4  # seven events: two bands (4 + 3), each a row of dates and of events
    dates = [c.text for r in (rows[0], rows[2]) for c in r.cells if c.text]
    events = [c.paragraphs[-1].text for r in (rows[1], rows[3]) for c in r.cells if c.text]
    assert dates == [d for d, _ in EVENTS[lang]]
    assert events == [label for _, label in EVENTS[lang]]
    for row in (rows[1], rows[3]):
        markers = [c.paragraphs[0].text for c in row.cells if c.text]
        assert markers == [MARKER] * len(markers)
    # The line: a bottom border under every date, none under the empty cell closing band two.
    bottoms = [c._tc.find(f"{qn('w:tcPr')}/{qn('w:tcBorders')}/{qn('w:bottom')}")
               for c in rows[2].cells]
    assert [b is not None for b in bottoms] == [True, True, True, False]
    assert all(p.style.name == "Table Text" for r in rows for c in r.cells for p in c.paragraphs)
    date_runs = [run for c in rows[0].cells for run in c.paragraphs[0].runs if run.text]
    assert {run.style.name for run in date_runs} == {"Timeline Date"}


def test_timeline_has_alt_text_keeps_with_caption_and_is_no_picture(tmp_path) -> None:
    doc = render(tmp_path, timeline_plan("zh"))
    table = timeline_table(doc)
    description = table._tbl.tblPr.find(qn("w:tblDescription"))
    assert description.get(qn("w:val")) == "Events 2011-2017"
    assert all(p.paragraph_format.keep_with_next for r in table.rows for c in r.cells
               for p in c.paragraphs)
    following = table._tbl.getnext()
    assert following.tag == qn("w:p") and "大事记" in "".join(following.itertext())
    assert not [r for r in doc.part.rels.values() if r.reltype.endswith("/image")]


def test_picture_profiles_still_get_the_picture(tmp_path) -> None:
    plan = timeline_plan("en")
    png = tmp_path / "events.png"
    from PIL import Image

    Image.new("RGB", (160, 90), "white").save(png)
    path = tmp_path / "pictures.docx"
    pictures = {c.id: png for c in plan.charts}
    DocxRenderer(native_charts=False).render(plan, pictures, path)
    doc = Document(str(path))
    assert len(doc.inline_shapes) == len(plan.charts)
    assert not [t for t in doc.tables if t._tbl.tblPr.find(qn("w:tblDescription")) is not None]


@pytest.mark.parametrize("count,sizes", [(1, [1]), (6, [6]), (7, [4, 3]), (12, [6, 6]),
                                         (13, [5, 5, 3])])
def test_bands_are_even_and_at_most_six(count, sizes) -> None:
    items = [Event(str(i), f"e{i}") for i in range(count)]
    split = bands(items)
    assert [len(b) for b in split] == sizes
    assert [e for b in split for e in b] == items


def test_default_build_never_imports_matplotlib(tmp_path) -> None:
    """All three audiences, both formats, nothing cached: the timeline is drawn by the writer."""
    code = ("import sys, briefgen; briefgen.build(audiences='all', out=sys.argv[1], jobs=1, "
            "cache=False); print('matplotlib' in sys.modules)")
    env = {"PATH": "/usr/bin:/bin", "BRIEFGEN_TOC_PAGES": "0",
           "XDG_CACHE_HOME": str(tmp_path / "cache")}
    run = subprocess.run([sys.executable, "-c", code, str(tmp_path / "out")], cwd=ROOT, env=env,
                         capture_output=True, text=True, check=True)
    assert run.stdout.split()[-1] == "False"
    assert len(list((tmp_path / "out").glob("*.docx"))) == 3
