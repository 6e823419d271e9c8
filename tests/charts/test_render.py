"""Chart pictures: sizes, CJK glyphs, byte-identical output, caching and lazy matplotlib."""

from __future__ import annotations

import os
import subprocess
import sys
import warnings
from pathlib import Path

import pytest
from PIL import Image

from briefgen.charts import render
from briefgen.charts.render import cache_key, render_charts
from briefgen.charts.style import PIXEL_SIZE
from briefgen.plan.model import ChartSeries, ChartSpec
from briefgen.plan.present import make_chart_spec, timeline_item

REPO = Path(__file__).resolve().parents[2]
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def spec(id: str, kind: str, language: str, categories=(), series=(), unit="",
         value_labels=(), title="chart") -> ChartSpec:
    return make_chart_spec(
        id=id, kind=kind, title=title, categories=tuple(categories),
        series=tuple(ChartSeries(name, tuple(values)) for name, values in series), unit=unit,
        value_labels=tuple(tuple(v) for v in value_labels),
        source="来源：新华社" if language == "zh" else "Source: Xinhua", caption="",
        alt_text="", language=language,
    )


ZH = (
    spec("zh-bar", "bar", "zh", ["出口", "进口"], [("2016年", [3.8, 2.4])], "万亿元",
         [["3.8", "2.4"]], title="2016年与沿线国家进出口"),
    spec("zh-bar-grouped", "bar", "zh", ["出口", "进口", "与沿线国家贸易总额（含服务贸易）"],
         [("2016年", [3.8, 2.4, 6.3]), ("2015年", [3.6, 2.3, 6.1]),
          ("2014年", [3.5, 2.2, 5.9])], "万亿元",
         [["3.8", "2.4", "6.3"], ["3.6", "2.3", "6.1"], ["3.5", "2.2", "5.9"]]),
    spec("zh-line", "line", "zh", ["2013年", "2014年", "2015年", "2016年", "2017年"],
         [("中欧班列开行量", [80, 308, 815, 1702, 3673])], "列",
         [["80", "308", "815", "1702", "3673"]]),
    spec("zh-line-multi", "line", "zh", ["一季度", "二季度", "三季度", "四季度"],
         [("出口增速", [-2.1, 1.4, 3.0, 4.2]), ("进口增速", [-8.2, -3.1, 1.5, 2.0])], "%",
         [["−2.1%", "+1.4%", "+3.0%", "+4.2%"]]),  # second series: plain numbers
    spec("zh-pie", "pie", "zh", ["丝路基金", "亚投行", "国家开发银行专项贷款", "进出口银行"],
         [("资金", [1000, 600, 2500, 1300])], "亿元人民币",
         [["1000亿", "600亿", "2500亿", "1300亿"]]),
    spec("zh-timeline", "timeline", "zh", title="“一带一路”大事记"),
)

EN = (
    spec("en-bar", "bar", "en", ["Exports", "Imports"], [("2016", [3.8, 2.4])],
         "trillion yuan", [["3.8", "2.4"]], title="Trade with Belt and Road countries"),
    spec("en-bar-grouped", "bar", "en", ["Kazakhstan", "Russia", "Pakistan", "Indonesia"],
         [("2015", [12, 30, 25, 9]), ("2016", [14.5, 33.2, 28.0, 11.1])], "US$ billion",
         [["US$12bn", "$30bn", "$25bn", "$9bn"], ["$14.5bn", "$33.2bn", "$28bn", "$11.1bn"]]),
    spec("en-line", "line", "en", ["2013", "2014", "2015", "2016", "2017"],
         [("China–Europe freight trains", [80, 308, 815, 1702, 3673])], "trains", []),
    spec("en-pie", "pie", "en", ["Silk Road Fund", "AIIB", "China Development Bank loans"],
         [("Funding", [100, 60, 250])], "billion yuan", [["100bn", "60bn", "250bn"]]),
    spec("en-timeline", "timeline", "en", title="Milestones"),
)

TIMELINE_ZH = (
    timeline_item("2013年9月", "2013", "习近平在哈萨克斯坦提出共建丝绸之路经济带", None),
    timeline_item("2013年10月", "2013", "在印度尼西亚提出共建21世纪海上丝绸之路", None),
    timeline_item("2015年3月", "2015",
                 "发布《推动共建丝绸之路经济带和21世纪海上丝绸之路的愿景与行动》", None),
    timeline_item("2016年1月", "2016", "亚投行开业", None),
    timeline_item("2017年5月", "2017", "首届“一带一路”国际合作高峰论坛在北京举行", "细节"),
)
TIMELINE_EN = (
    timeline_item("September 2013", "2013", "Silk Road Economic Belt proposed in Astana", None),
    timeline_item("October 2013", "2013", "21st-Century Maritime Silk Road proposed in Jakarta",
                 None),
    timeline_item("January 2016", "2016", "AIIB opens for business", None),
    timeline_item("May 2017", "2017", "First Belt and Road Forum for International Cooperation, "
                 "Beijing", None),
)


def render_strict(specs, cache_dir: Path, timeline=()) -> dict[str, Path]:
    """render_charts with every warning (above all "Glyph ... missing from font") an error."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        return render_charts(specs, cache_dir, timeline)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> dict[str, Path]:
    """All sample charts, rendered once for the module."""
    out = tmp_path_factory.mktemp("charts")
    paths = render_strict(ZH, out / "zh", TIMELINE_ZH)
    paths.update(render_strict(EN, out / "en", TIMELINE_EN))
    return paths


# --------------------------------------------------------------------------- import


def test_import_does_not_import_matplotlib():
    code = ("import sys, briefgen.charts.render, briefgen.charts.style\n"
            "bad = sorted(m for m in sys.modules if m.split('.')[0] in "
            "('matplotlib', 'numpy', 'PIL'))\n"
            "assert not bad, bad\n")
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, env=env,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_cached_build_does_not_import_matplotlib(rendered, tmp_path):
    """A build whose pictures are all cached never pays for the matplotlib import."""
    cache = next(iter(rendered.values())).parent
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from briefgen.charts.render import render_charts\n"
        "from briefgen.plan.model import ChartSeries, ChartSpec\n"
        f"spec = {ZH[0]!r}\n"
        f"paths = render_charts([spec], Path({str(cache)!r}))\n"
        "assert 'matplotlib' not in sys.modules\n"
        "print(paths['zh-bar'])\n"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, env=env,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert Path(result.stdout.strip()) == rendered["zh-bar"]


# --------------------------------------------------------------------------- pictures


@pytest.mark.parametrize("chart", ZH + EN, ids=lambda s: s.id)
def test_picture_is_png_of_expected_size(rendered, chart):
    path = rendered[chart.id]
    assert path.is_file()
    assert path.read_bytes()[:8] == PNG_SIGNATURE
    with Image.open(path) as im:
        assert im.format == "PNG"
        assert im.size == PIXEL_SIZE == (1600, 900)
        assert "Software" not in im.info
        # something was drawn: not a blank white picture
        assert im.convert("L").getextrema()[0] < 128


def test_all_charts_of_one_call_have_distinct_pictures(rendered):
    assert len(set(rendered.values())) == len(rendered) == len(ZH) + len(EN)


def test_same_spec_gives_identical_bytes(tmp_path):
    first = render_strict(ZH + EN[:1], tmp_path / "a", TIMELINE_ZH)
    second = render_strict(ZH + EN[:1], tmp_path / "b", TIMELINE_ZH)
    assert first.keys() == second.keys()
    for chart_id in first:
        assert first[chart_id].name == second[chart_id].name
        assert first[chart_id].read_bytes() == second[chart_id].read_bytes(), chart_id


def test_identical_bytes_across_processes(rendered, tmp_path):
    """A fresh interpreter (other hash seed, fonts registered anew) draws the same bytes."""
    code = (
        "import sys, warnings\n"
        "from pathlib import Path\n"
        "from briefgen.charts.render import render_charts\n"
        "from briefgen.plan.model import ChartSeries, ChartSpec, TimelineItem\n"
        "warnings.simplefilter('error')\n"
        f"specs = [{ZH[1]!r}, {ZH[4]!r}, {ZH[5]!r}]\n"
        f"timeline = {TIMELINE_ZH!r}\n"
        f"render_charts(specs, Path({str(tmp_path)!r}), timeline)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO), "PYTHONHASHSEED": "12345"}
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, env=env,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    for chart in (ZH[1], ZH[4], ZH[5]):
        other = tmp_path / rendered[chart.id].name
        assert other.read_bytes() == rendered[chart.id].read_bytes(), chart.id


def test_cjk_face_is_the_wheel_sc_face():
    from matplotlib import font_manager

    from briefgen.charts import draw
    from briefgen.fonts import CJK_TTC_INDEX_SC, cjk_font_path

    draw.ensure_fonts()
    found = font_manager.findfont(font_manager.FontProperties(family=draw.FONT_FAMILY[0]),
                                  fallback_to_default=False)
    entries = [e for e in font_manager.fontManager.ttflist if e.name == draw.FONT_FAMILY[0]]
    assert Path(found) == cjk_font_path()
    assert {e.index for e in entries} == {CJK_TTC_INDEX_SC}
    # the real family name is registered too (all faces of the collection)
    names = {e.name for e in font_manager.fontManager.ttflist
             if Path(e.fname) == cjk_font_path()}
    assert "Noto Sans CJK SC" in names


# --------------------------------------------------------------------------- missing glyphs


def test_missing_glyph_is_an_error(tmp_path):
    """The tripwire works: a glyph no registered font has raises instead of drawing tofu."""
    bad = spec("hieroglyph", "bar", "en", ["𓀀"], [("s", [1.0])], "x", [["1"]])
    with pytest.raises(UserWarning, match="missing from font"):
        render_strict([bad], tmp_path)
    assert list(tmp_path.iterdir()) == []  # no picture and no temporary file left behind


def test_missing_glyph_in_timeline_label_is_an_error(tmp_path):
    items = (timeline_item("2017", "2017", "𓀀 label", None),)
    with pytest.raises(UserWarning, match="missing from font"):
        render_strict([spec("tl", "timeline", "en")], tmp_path, items)


# --------------------------------------------------------------------------- cache


def test_second_call_draws_nothing(tmp_path, monkeypatch):
    calls: list[str] = []
    real = render._draw_png

    def counting(chart, timeline, out):
        calls.append(chart.id)
        real(chart, timeline, out)

    monkeypatch.setattr(render, "_draw_png", counting)
    first = render_strict(ZH, tmp_path, TIMELINE_ZH)
    assert sorted(calls) == sorted(s.id for s in ZH)
    mtimes = {p: p.stat().st_mtime_ns for p in first.values()}

    calls.clear()
    second = render_strict(ZH, tmp_path, TIMELINE_ZH)
    assert calls == []
    assert second == first
    assert {p: p.stat().st_mtime_ns for p in second.values()} == mtimes
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in first.values())


def test_same_id_is_drawn_once(tmp_path, monkeypatch):
    calls: list[str] = []
    real = render._draw_png
    monkeypatch.setattr(render, "_draw_png",
                        lambda c, t, out: (calls.append(c.id), real(c, t, out)))
    copy = spec("zh-bar", "bar", "zh", ["出口", "进口"], [("2016年", [3.8, 2.4])], "万亿元",
                [["3.8", "2.4"]], title="2016年与沿线国家进出口")
    paths = render_strict([ZH[0], copy, ZH[0]], tmp_path)
    assert calls == ["zh-bar"]
    assert list(paths) == ["zh-bar"]


def test_same_id_different_content_is_an_error(tmp_path):
    other = spec("zh-bar", "bar", "zh", ["出口"], [("2016年", [3.8])], "万亿元")
    with pytest.raises(ValueError, match="zh-bar"):
        render_charts([ZH[0], other], tmp_path)


def test_cache_key_follows_content():
    a = ZH[0]
    assert cache_key(a) == cache_key(spec(a.id, a.kind, a.language, a.categories,
                                          [(s.name, s.values) for s in a.series], a.unit,
                                          a.value_labels, title=a.title))
    changed = spec(a.id, a.kind, a.language, a.categories, [("2016年", [3.9, 2.4])], a.unit,
                   a.value_labels, title=a.title)
    assert cache_key(changed) != cache_key(a)
    # caption, source and alt text are not drawn, so they do not change the picture
    # (spec.key leaves them out); timeline items only matter to timeline charts
    assert cache_key(a, TIMELINE_ZH) == cache_key(a)
    tl = ZH[5]
    assert cache_key(tl, TIMELINE_ZH) != cache_key(tl, TIMELINE_ZH[:3])


def test_timeline_picture_follows_items(tmp_path):
    first = render_strict([ZH[5]], tmp_path, TIMELINE_ZH)
    second = render_strict([ZH[5]], tmp_path, TIMELINE_ZH[:3])
    assert first["zh-timeline"] != second["zh-timeline"]
    assert first["zh-timeline"].read_bytes() != second["zh-timeline"].read_bytes()


def test_no_specs_no_folder(tmp_path):
    assert render_charts([], tmp_path / "cache") == {}
    assert not (tmp_path / "cache").exists()


# --------------------------------------------------------------------------- bad specs


@pytest.mark.parametrize("bad", [
    spec("pie2", "pie", "en", ["a", "b"], [("x", [1, 2]), ("y", [3, 4])]),
    spec("pie-neg", "pie", "en", ["a", "b"], [("x", [1, -2])]),
    spec("short", "bar", "en", ["a", "b"], [("x", [1])]),
    spec("empty", "line", "en"),
    spec("timeline-empty", "timeline", "en"),
], ids=lambda s: s.id)
def test_undrawable_spec_is_a_value_error(tmp_path, bad):
    with pytest.raises(ValueError, match=bad.id):
        render_charts([bad], tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_timeline_without_items_falls_back_to_categories(tmp_path):
    chart = spec("tl-cats", "timeline", "zh", ["启动", "建设", "运营"])
    paths = render_strict([chart], tmp_path)
    with Image.open(paths["tl-cats"]) as im:
        assert im.size == PIXEL_SIZE


# --------------------------------------------------------------------------- wrapping


def test_wrap_chinese_and_english():
    from briefgen.charts.draw import wrap

    assert wrap("一二三四五六", 3) == "一二三\n四五六"
    # balanced: no orphan last character
    assert wrap("一二三四五六七", 6) == "一二三四\n五六七"
    assert wrap("一二三四五六七", 6, balance=False) == "一二三四五六\n七"
    # closing punctuation stays with the character before it
    assert wrap("一二，三四五", 3) == "一二，\n三四五"
    assert wrap("一二三，四", 3) == "一二\n三，四"
    assert wrap("Silk Road Economic Belt", 6) == "Silk Road\nEconomic\nBelt"
    assert wrap("一二三四五六七八九", 3, max_lines=2).endswith("…")
    assert wrap("一二三四五六七八九", 3, max_lines=2).count("\n") == 1
