"""The PPTX writer, checked by opening what it writes with python-pptx (and LibreOffice)."""

from __future__ import annotations

import dataclasses
import io
import re
import shutil
import subprocess
import warnings
import zipfile
from pathlib import Path

import pytest
from PIL import Image
from pptx import Presentation
from pptx.enum.chart import XL_CHART_TYPE
from pptx.enum.shapes import MSO_SHAPE_TYPE, PP_PLACEHOLDER
from pptx.oxml.ns import qn

from briefgen.plan.model import ChartSpec, Slide, TimelineItem
from briefgen.plan.present import timeline_item, timeline_slides
from briefgen.render.pptx import oxml, theme
from briefgen.render.pptx.layouts import BODY_TYPES, LAYOUT_CHAINS
from briefgen.render.pptx.renderer import (
    LayoutFallbackWarning,
    PptxRenderer,
    TextFitWarning,
    _event_text,
)
from briefgen.render.pptx.text import written_text_fits
from tests.fixtures.plans import sample_plan
from tests.fixtures.reading import slide_title as read_title

KINDS_WITH_CHARTS = {"chart"}
A_NS = {"a": "http://schemas.openxmlformats.org/drawingml/2006/main"}


def render(tmp: Path, plan, name: str = "deck.pptx", template: Path | None = None,
           charts: dict | None = None) -> Path:
    path = tmp / name
    PptxRenderer(template).render(plan, charts or {}, path)
    return path


@pytest.fixture(scope="module", params=[("zh", False), ("en", False), ("zh", True), ("en", True)],
                ids=["zh", "en", "zh-long", "en-long"])
def deck(request, tmp_path_factory):
    lang, long_text = request.param
    plan = sample_plan(lang, long_text=long_text)
    path = render(tmp_path_factory.mktemp("pptx"), plan)
    return plan, Presentation(str(path)), path


def body_paragraphs(slides) -> list[str]:
    """The paragraphs of the body placeholders (not the slide number) of ``slides``."""
    return [p.text for s in slides for sh in s.placeholders
            if sh.placeholder_format.type in BODY_TYPES and sh.placeholder_format.idx
            for p in sh.text_frame.paragraphs]


def slide_title(slide) -> str:
    return read_title(slide)


def expected_slides(plan, prs) -> list[tuple[str, str]]:
    """(title, layout) per output slide: one per plan slide, plus continuation slides that
    repeat the title with the continued label."""
    expected: list[tuple[str, str]] = []
    titles = [slide_title(s) for s in prs.slides]
    for spec in plan.slides:
        expected.append((spec.title, LAYOUT_CHAINS[spec.kind][0]))
        more = spec.title + spec.continued_label
        while spec.continued_label and len(expected) < len(titles) \
                and titles[len(expected)] == more:  # the continuation slides right after it
            expected.append((more, LAYOUT_CHAINS[spec.kind][0]))
    return expected


def test_one_slide_per_plan_slide_in_order_with_its_layout(deck) -> None:
    plan, prs, _ = deck
    got = [(slide_title(s), s.slide_layout.name) for s in prs.slides]
    assert got == expected_slides(plan, prs)
    assert len(prs.slides) == len(plan.slides) + (1 if len(plan.slides[4].bullets) > 10 else 0)


def test_deck_is_16_by_9(deck) -> None:
    _, prs, _ = deck
    assert (prs.slide_width, prs.slide_height) == (12192000, 6858000)


def test_every_slide_has_a_title_and_every_non_title_slide_has_notes(deck) -> None:
    _, prs, _ = deck
    for number, slide in enumerate(prs.slides):
        assert slide_title(slide).strip(), f"slide {number + 1} has no title"
        if number:
            assert slide.has_notes_slide
            assert slide.notes_slide.notes_text_frame.text.strip()


def test_charts_are_native_with_the_plan_values_and_alt_text(deck) -> None:
    plan, prs, _ = deck
    specs = [s.chart for s in plan.slides if s.kind == "chart"]
    frames = [sh for slide in prs.slides for sh in slide.shapes if sh.has_chart]
    assert len(frames) == len(specs)
    for frame, spec in zip(frames, specs, strict=True):
        chart = frame.chart
        assert list(chart.plots[0].categories) == list(spec.categories)
        for series, want in zip(chart.series, spec.series, strict=True):
            assert tuple(series.values) == want.values
        assert frame._element.xpath("./*[1]/p:cNvPr/@descr") == [spec.alt_text]
        assert chart.plots[0].has_data_labels
        xml = chart._chartSpace.xml
        assert 'typeface="Noto Sans CJK SC"' in xml and "<a:ea " in xml


def text_frame_fits(shape, latin_face: str) -> bool:
    """Rebuild the fit.py box from what the shape says about itself, and measure."""
    return written_text_fits(shape, latin_face)


def test_every_text_frame_fits_its_box(deck) -> None:
    plan, prs, _ = deck
    for number, slide in enumerate(prs.slides, start=1):
        for shape in slide.shapes:
            if shape.has_text_frame and shape.text_frame.text.strip():
                assert text_frame_fits(shape, plan.fonts.latin), (
                    f"slide {number}: {shape.name} overflows: {shape.text_frame.text[:40]!r}")
                assert shape.text_frame.auto_size is not None  # noAutofit, never normAutofit
                assert shape.text_frame._bodyPr.find(qn("a:normAutofit")) is None


def test_no_shape_outside_the_slide_and_no_empty_placeholder(deck) -> None:
    _, prs, _ = deck
    for number, slide in enumerate(prs.slides, start=1):
        for shape in slide.shapes:
            assert shape.left >= 0 and shape.top >= 0, (number, shape.name)
            assert shape.left + shape.width <= prs.slide_width, (number, shape.name)
            assert shape.top + shape.height <= prs.slide_height, (number, shape.name)
        for ph in slide.placeholders:
            assert ph.has_text_frame and ph.text_frame.text.strip(), (number, ph.name)


def test_every_run_names_east_asian_face_and_language(deck) -> None:
    plan, prs, _ = deck
    for slide in prs.slides:
        parts = [slide._element]
        if slide.has_notes_slide:
            parts.append(slide.notes_slide._element)
        for element in parts:
            for rpr in element.iter(qn("a:rPr")):
                ea = rpr.find(qn("a:ea"))
                assert ea is not None and ea.get("typeface") == plan.fonts.east_asian
                assert rpr.find(qn("a:latin")).get("typeface") == plan.fonts.latin
                assert rpr.get("lang") == plan.fonts.lang and rpr.get("altLang")


def test_long_bullets_continue_on_more_slides_without_losing_text(deck) -> None:
    plan, prs, _ = deck
    spec = next(s for s in plan.slides if s.kind == "bullets")
    slides = [s for s in prs.slides
              if slide_title(s) in (spec.title, spec.title + spec.continued_label)
              and s.slide_layout.name == "Bullets"]
    bullets = body_paragraphs(slides)
    assert bullets == list(spec.bullets)
    if len(spec.bullets) > 10:
        assert len(slides) > 1
        assert all(slide_title(s).endswith(spec.continued_label) for s in slides[1:])
        assert all(s.notes_slide.notes_text_frame.text for s in slides)


def test_a_long_agenda_gives_each_slide_the_notes_of_its_own_items(tmp_path) -> None:
    """Agenda notes repeat its items; a continued agenda must not repeat all of them on every
    slide (a 1,200-section brief gave 134 agenda slides of 2,400 notes paragraphs each)."""
    plan = sample_plan("en")
    items = tuple(f"Section {i} on trade, investment and people-to-people exchange"
                  for i in range(1, 31))
    agenda = Slide("agenda", "Agenda", bullets=items, notes=items,
                   continued_label=" (continued)")
    plan = dataclasses.replace(plan, slides=(plan.slides[0], agenda))
    prs = Presentation(str(render(tmp_path, plan)))
    slides = [s for s in prs.slides if slide_title(s).startswith("Agenda")]
    assert len(slides) > 1
    notes = [[p.text for p in s.notes_slide.notes_text_frame.paragraphs if p.text]
             for s in slides]
    assert notes == [body_paragraphs([s]) for s in slides]
    assert [n for slide in notes for n in slide] == list(items)


def test_continued_label_is_the_chinese_one() -> None:
    plan = sample_plan("zh", long_text=True)
    assert next(s for s in plan.slides if s.kind == "bullets").continued_label == "（续）"


def test_core_properties_come_from_the_plan(deck) -> None:
    plan, prs, _ = deck
    props = prs.core_properties
    stamp = plan.meta.timestamp.replace(tzinfo=None)
    assert props.created == props.modified == props.last_printed == stamp
    assert props.title == plan.meta.title and props.language == plan.meta.language
    assert props.keywords == ", ".join(plan.meta.keywords)


def test_two_renders_are_identical_part_by_part(tmp_path) -> None:
    plan = sample_plan("zh", long_text=True)
    first, second = render(tmp_path, plan, "a.pptx"), render(tmp_path, plan, "b.pptx")
    with zipfile.ZipFile(first) as one, zipfile.ZipFile(second) as two:
        assert one.namelist() == two.namelist()
        for name in one.namelist():
            assert one.read(name) == two.read(name), name
        embedded = [n for n in one.namelist() if n.endswith(".xlsx")]
        assert embedded  # the native charts' workbooks, stamped with a fixed time
        core = zipfile.ZipFile(io.BytesIO(one.read(embedded[0]))).read("docProps/core.xml")
        assert b"2017-05-15T12:00:00Z" in core


def test_unknown_slide_kind_fails_loudly(tmp_path) -> None:
    plan = sample_plan("en")
    bad = dataclasses.replace(plan, slides=(*plan.slides, Slide("poll", "Vote")))  # type: ignore
    with pytest.raises(ValueError, match="poll"):
        render(tmp_path, bad)


def test_too_long_title_steps_down_and_still_fits(tmp_path) -> None:
    plan = sample_plan("zh")
    long_title = "2016年中国与“一带一路”沿线国家进出口总额及对外直接投资情况" * 2
    slides = tuple(dataclasses.replace(s, title=long_title) if s.kind == "bullets" else s
                   for s in plan.slides)
    prs = Presentation(str(render(tmp_path, dataclasses.replace(plan, slides=slides))))
    title = next(s for s in prs.slides if slide_title(s) == long_title).shapes.title
    assert title.text_frame.paragraphs[0].runs[0].font.size.pt < 32
    assert text_frame_fits(title, plan.fonts.latin)


def test_one_huge_bullet_is_cut_across_slides_without_loss(tmp_path) -> None:
    plan = sample_plan("zh")
    huge = plan.blocks[2].text * 10  # the bottom-line paragraph, ten times
    slides = tuple(dataclasses.replace(s, bullets=(huge,)) if s.kind == "bullets" else s
                   for s in plan.slides)
    prs = Presentation(str(render(tmp_path, dataclasses.replace(plan, slides=slides))))
    parts = body_paragraphs(s for s in prs.slides if s.slide_layout.name == "Bullets")
    assert len(parts) > 1 and "".join(parts) == huge


def test_a_chart_kind_without_native_type_uses_the_png_with_alt_text(tmp_path) -> None:
    plan = sample_plan("en")
    png = tmp_path / "events.png"
    Image.new("RGB", (800, 400), "white").save(png)
    spec: ChartSpec = dataclasses.replace(plan.charts[0], id="events", kind="timeline",
                                          alt_text="Three events, 2013 to 2017")
    slides = (*plan.slides, Slide("chart", "Events", chart=spec, notes=("n",)))
    prs = Presentation(str(render(tmp_path, dataclasses.replace(plan, slides=slides),
                                  charts={"events": png})))
    pictures = [sh for sh in prs.slides[-1].shapes if sh.shape_type == MSO_SHAPE_TYPE.PICTURE]
    assert len(pictures) == 1
    assert pictures[0]._element.xpath("./*[1]/p:cNvPr/@descr") == ["Three events, 2013 to 2017"]


# --------------------------------------------------------------------------- templates


def user_template(tmp_path: Path, suffix: str = ".pptx") -> Path:
    """python-pptx's own template with renamed layouts, a Georgia theme and one old slide."""
    prs = Presentation()
    renames = {"Title Slide": "Opening", "Section Header": "Part", "Two Content": "Pair"}
    for layout in prs.slide_layouts:
        layout.name = renames.get(layout.name, layout.name)
    theme_part = prs.slide_master.part.part_related_by(
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme")
    theme_part._blob = oxml.restyle_theme(theme_part.blob, "Custom", {}, "Georgia", "SimHei")
    old = prs.slides.add_slide(prs.slide_layouts[5])
    old.shapes.title.text = "OLD SLIDE FROM THE TEMPLATE"
    path = tmp_path / f"custom{suffix}"
    buffer = io.BytesIO()
    prs.save(buffer)
    blob = buffer.getvalue()
    if suffix == ".potx":
        blob = _as_potx(blob)
    path.write_bytes(blob)
    return path


def _as_potx(blob: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(blob)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "[Content_Types].xml":
                data = data.replace(b"presentationml.presentation.main",
                                    b"presentationml.template.main")
            dst.writestr(info, data)
    return out.getvalue()


@pytest.mark.parametrize("suffix", [".pptx", ".potx"])
def test_user_template_is_used_and_missing_layouts_are_named_once(tmp_path, suffix) -> None:
    template = user_template(tmp_path, suffix)
    plan = sample_plan("zh", long_text=True)
    renderer = PptxRenderer(template)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        renderer.render(plan, {}, tmp_path / "out.pptx")
    fallbacks = [str(w.message) for w in caught if w.category is LayoutFallbackWarning]
    assert len(fallbacks) == 1  # one warning for the whole render
    assert fallbacks[0] == "; ".join(renderer.messages)
    assert len(renderer.messages) == len(set(renderer.messages))  # each missing layout once
    by_layout = {re.search(r"named '([^']+)'", m).group(1): m for m in renderer.messages}
    assert "'Title and Content'" in by_layout["Bullets"]  # the generic PowerPoint layout
    assert "'Title Only'" in by_layout["Title"]  # "Title Slide" was renamed "Opening"
    assert "'Title Only'" in by_layout["Key Figures"]
    prs = Presentation(str(tmp_path / "out.pptx"))
    assert prs.slide_width == 9144000  # the template's 4:3, not the default 16:9
    assert all("OLD SLIDE" not in slide_title(s) for s in prs.slides)
    assert slide_title(prs.slides[0]) == plan.slides[0].title
    theme_xml = prs.slide_master.part.part_related_by(
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme").blob
    assert b'typeface="Georgia"' in theme_xml
    for number, slide in enumerate(prs.slides, start=1):
        assert slide_title(slide).strip()
        for shape in slide.shapes:
            assert shape.left + shape.width <= prs.slide_width, (number, shape.name)
            if shape.has_text_frame and shape.text_frame.text.strip():
                assert text_frame_fits(shape, plan.fonts.latin), (number, shape.name)


# --------------------------------------------------------------------------- the default template


def test_default_template_is_reproducible_and_current() -> None:
    built = theme.build()
    assert built == theme.build()
    assert theme.default_template().read_bytes() == built, (
        "templates/pptx/default.pptx is stale: run python -m briefgen.render.pptx.theme")


def test_default_template_has_the_named_layouts_and_theme() -> None:
    prs = Presentation(io.BytesIO(theme.build()))
    names = [layout.name for layout in prs.slide_layouts]
    assert names == ["Title", "Agenda", "Section", "Bullets", "Key Figures", "Chart", "Quote",
                     "Timeline", "Sources"]
    assert all(any(ph.placeholder_format.idx == 0 for ph in layout.placeholders)
               for layout in prs.slide_layouts)
    xml = prs.slide_master.part.part_related_by(
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme").blob
    assert b'<a:ea typeface="Noto Sans CJK SC"/>' in xml and b'val="1F4E79"' in xml


# --------------------------------------------------------------------------- LibreOffice


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_converts_it_to_one_page_per_slide(tmp_path) -> None:
    path = render(tmp_path, sample_plan("zh", long_text=True))
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path),
                    str(path)], check=True, capture_output=True, timeout=240)
    pdf = (tmp_path / "deck.pdf").read_bytes()
    pages = len(re.findall(rb"/Type\s*/Page(?!s)", pdf))
    assert pages == len(Presentation(str(path)).slides)


def stress_plan(lang: str):
    """Many sources, five figures, eight events, an empty agenda: the shapes of real briefs."""
    plan = sample_plan(lang)
    base = {s.kind: s for s in plan.slides}
    kpis = (base["kpi"].kpis * 2)[:5]
    events = (base["timeline"].timeline * 3)[:8]
    sources = tuple(f"{i}. {plan.meta.organiser}, {plan.meta.date_text}" * (1 + i % 3)
                    for i in range(1, 41))
    slides = (
        plan.slides[0],
        dataclasses.replace(base["agenda"], bullets=()),
        dataclasses.replace(base["kpi"], kpis=kpis),
        *timeline_slides(events, plan.labels),  # as the plan spreads them: 6 + 2
        dataclasses.replace(base["sources"], bullets=sources),
    )
    return dataclasses.replace(plan, slides=slides)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_stress_plan_fits_and_splits_cleanly(tmp_path, lang) -> None:
    plan = stress_plan(lang)
    prs = Presentation(str(render(tmp_path, plan)))
    titles = [slide_title(s) for s in prs.slides]
    continued = plan.labels["continued"]
    assert titles.count(plan.slides[3].title + continued) == 1  # 8 events: 6 + 2
    assert plan.slides[4].title == plan.slides[3].title + continued
    source_slides = [s for s in prs.slides if s.slide_layout.name == "Sources"]
    assert len(source_slides) > 1
    listed = body_paragraphs(source_slides)
    assert listed == list(plan.slides[5].bullets)
    second = source_slides[1].placeholders[1].text_frame.paragraphs[0]._p
    first_count = len(source_slides[0].placeholders[1].text_frame.paragraphs)
    assert second.xpath("./a:pPr/a:buAutoNum/@startAt") == [str(first_count + 1)]
    for number, slide in enumerate(prs.slides, start=1):
        for shape in slide.shapes:
            assert shape.top + shape.height <= prs.slide_height, (number, shape.name)
            if shape.has_text_frame and shape.text_frame.text.strip():
                assert text_frame_fits(shape, plan.fonts.latin), (number, shape.name)


def test_pictures_and_charts_have_alt_text_and_drawings_are_decorative(deck) -> None:
    _, prs, _ = deck
    decorative = "{C183D7F6-B498-43B3-948B-1728B52AA6E4}"
    for number, slide in enumerate(prs.slides, start=1):
        for shape in slide.shapes:
            c_nv_pr = shape._element.xpath("./*[1]/p:cNvPr")[0]
            if shape.shape_type in (MSO_SHAPE_TYPE.PICTURE, MSO_SHAPE_TYPE.CHART):
                assert c_nv_pr.get("descr"), (number, shape.name)
            elif not shape.has_text_frame or not shape.text_frame.text.strip():
                uris = c_nv_pr.xpath("./a:extLst/a:ext/@uri")
                assert decorative in uris, (number, shape.name)


# --------------------------------------------------------------------------- speaker-deck details


def test_every_slide_but_the_title_shows_its_number_and_reads_its_title_first(deck) -> None:
    _, prs, _ = deck
    for number, slide in enumerate(prs.slides, start=1):
        fields = slide._element.xpath(".//a:fld[@type='slidenum']/a:t/text()")
        assert fields == ([] if number == 1 else [str(number)]), number
        assert next(iter(slide.shapes)).shape_id == slide.shapes.title.shape_id, number
    numbered = prs.slides[1].placeholders
    assert any(ph.placeholder_format.type == PP_PLACEHOLDER.SLIDE_NUMBER for ph in numbered)


def test_no_value_axis_title_and_the_unit_label_is_horizontal(deck) -> None:
    plan, prs, _ = deck
    bar = next(s for s in prs.slides for sh in s.shapes
               if sh.has_chart and sh.chart.chart_type != XL_CHART_TYPE.PIE)
    chart = next(sh.chart for sh in bar.shapes if sh.has_chart)
    assert not chart.value_axis.has_title
    unit = next(s for s in plan.slides if s.kind == "chart").chart.unit
    label = f"（{unit}）" if plan.meta.language == "zh" else f"({unit})"
    assert label in [sh.text_frame.text for sh in bar.shapes if sh.has_text_frame]


def pie_plan(lang: str, values: tuple[float, ...]):
    plan = sample_plan(lang)
    pie = next(s for s in plan.slides if s.chart and s.chart.kind == "pie")
    spec = dataclasses.replace(pie.chart, series=(dataclasses.replace(pie.chart.series[0],
                                                                      values=values),),
                               categories=tuple(f"c{i}" for i in range(len(values))),
                               value_labels=(tuple(str(v) for v in values),))
    return dataclasses.replace(plan, slides=(plan.slides[0], dataclasses.replace(pie, chart=spec)))


@pytest.mark.parametrize(("values", "crowded"), [((600.0, 20.0), True),
                                                 ((55.0, 45.0), False),
                                                 ((40.0, 30.0, 25.0, 3.0, 2.0), True)])
def test_pie_with_thin_slices_names_them_in_a_legend(tmp_path, values, crowded) -> None:
    prs = Presentation(str(render(tmp_path, pie_plan("zh", values))))
    chart = next(sh.chart for sh in prs.slides[1].shapes if sh.has_chart)
    labels = chart.plots[0].data_labels
    assert chart.has_legend is crowded
    assert labels.show_category_name is not crowded
    assert labels._element.xpath("./c:showLeaderLines/@val") == ["1" if crowded else "0"]
    assert tuple(chart.plots[0].series[0].values) == values
    angle = chart.plots[0]._element.xpath("./c:firstSliceAng/@val")
    if crowded:  # the thinnest slice turned to 9 o'clock, where labels stack vertically
        thinnest = values.index(min(values))
        middle = (sum(values[:thinnest]) + values[thinnest] / 2) / sum(values) * 360
        assert (int(angle[0]) + middle) % 360 == pytest.approx(270, abs=1)


def long_events(lang: str, count: int) -> tuple[TimelineItem, ...]:
    detail = {"en": "The Ministry of Science and Technology, the National Development and Reform "
                    "Commission, the Ministry of Foreign Affairs and the Ministry of Commerce "
                    "jointly issued the Special Plan on Advancing Science and Technology "
                    "Innovation Cooperation in Building the Belt and Road.",
              "zh": "科技部、国家发展改革委、外交部、商务部联合出台《推进“一带一路”建设科技创新合作"
                    "专项规划》，提出科技人文交流、共建联合实验室、"
                    "科技园区合作、技术转移4项行动。" * 2}
    label = {"en": "Four departments issue the special plan on sci-tech innovation cooperation",
             "zh": "四部门联合出台科技创新合作专项规划"}
    return tuple(timeline_item(f"Sept {2010 + i}" if lang == "en" else f"{2010 + i}年9月",
                               str(2010 + i), f"{label[lang]} {i}", detail[lang])
                 for i in range(count))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_long_timeline_events_take_more_slides_not_smaller_text(tmp_path, lang) -> None:
    plan = sample_plan(lang)
    label = plan.labels["continued"]
    events = long_events(lang, 6)
    slides = (plan.slides[0], Slide("timeline", plan.labels["timeline"], timeline=events[:4],
                                    notes=("n",), continued_label=label),
              Slide("timeline", plan.labels["timeline"] + label, timeline=events[4:],
                    notes=("n",), continued_label=label))
    with warnings.catch_warnings():
        warnings.simplefilter("error", TextFitWarning)
        prs = Presentation(str(render(tmp_path, dataclasses.replace(plan, slides=slides))))
    timeline = list(prs.slides)[1:]
    assert len(timeline) > 2  # the first plan slide's four events did not fit on one slide
    titles = [slide_title(s) for s in timeline]
    assert titles[0] == plan.labels["timeline"]
    assert all(t == plan.labels["timeline"] + label for t in titles[1:])  # never "（续）（续）"
    texts = [sh.text_frame.text for s in timeline for sh in s.shapes  # event boxes: 3 lines
             if sh.has_text_frame and "\n" in sh.text_frame.text]
    assert sorted(texts) == sorted(
        f"{e.date.replace(e.year, '').strip(' 年')}\n{e.label}\n{e.detail}" for e in events)
    for slide in timeline:
        sizes = {r.font.size.pt for sh in slide.shapes if sh.has_text_frame
                 and "\n" in sh.text_frame.text for p in sh.text_frame.paragraphs for r in p.runs}
        assert len(sizes) == 1 and sizes.pop() >= 14  # one size per row, at least the floor
        for shape in slide.shapes:
            if shape.has_text_frame and shape.text_frame.text.strip():
                assert text_frame_fits(shape, plan.fonts.latin), shape.name


@pytest.mark.parametrize(("date", "year", "shown"), [
    ("2017年4月12日", "2017", "4月12日"), ("2016年6月", "2016", "6月"), ("2013年", "2013", None),
    ("12 Apr 2017", "2017", "12 Apr"), ("Sept 2016", "2016", "Sept"), ("2016", "2016", None),
    ("2016年底", "2016", "2016年底"), ("early 2017", "2017", "early 2017")])
def test_timeline_event_shows_what_the_date_adds_to_the_year(date, year, shown) -> None:
    texts, label_at = _event_text(timeline_item(date, year, "label", "detail"))
    assert texts == [*([shown] if shown else []), "label", "detail"]
    assert texts[label_at] == "label"


def test_default_template_numbers_every_layout_but_the_cover() -> None:
    prs = Presentation(io.BytesIO(theme.build()))
    for layout in prs.slide_layouts:
        types = [ph.placeholder_format.type for ph in layout.placeholders]
        assert (PP_PLACEHOLDER.SLIDE_NUMBER in types) is (layout.name != "Title"), layout.name


def test_user_template_gives_runs_its_latin_face_but_not_its_east_asian_one(tmp_path) -> None:
    with pytest.warns(LayoutFallbackWarning):
        path = render(tmp_path, sample_plan("zh"), template=user_template(tmp_path))
    for slide in Presentation(str(path)).slides:
        for rpr in slide._element.xpath(".//a:r/a:rPr | .//a:fld/a:rPr"):
            assert rpr.find(qn("a:latin")).get("typeface") == "Georgia"
            assert rpr.find(qn("a:ea")).get("typeface") == "Noto Sans CJK SC"  # not SimHei


def test_key_figures_are_read_each_number_with_its_caption(deck) -> None:
    plan, prs, _ = deck
    spec = next(s for s in plan.slides if s.kind == "kpi")
    slide = next(s for s in prs.slides if s.slide_layout.name == "Key Figures")
    texts = [sh.text_frame.text for sh in slide.shapes
             if sh.has_text_frame and sh.text_frame.text.strip()]
    pairs = [text for kpi in spec.kpis for text in (kpi.number, kpi.caption)]
    assert texts[1:-1] == pairs  # between the title and the slide number
