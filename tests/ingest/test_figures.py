"""briefgen/ingest/figures.py: numeric facts found in sentences."""

from __future__ import annotations

import pytest

from briefgen.ingest.figures import find_figures


def _one(sentence: str, lang: str = "zh"):
    found = find_figures(sentence, lang)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(("text", "value", "qualifier", "unit"), [
    ("出席论坛的有来自130多个国家的官员", 130, "more_than", "个国家"),
    ("来自20余所科教机构", 20, "more_than", "所"),
    ("累计投资超过185亿美元", 185, "over", "美元"),
    ("为东道国增加了近11亿美元税收", 11, "nearly", "美元"),
    ("“一带一路”倡议提出3年多来", 3, "more_than", "年"),
])
def test_qualifiers(text: str, value: float, qualifier: str, unit: str) -> None:
    f = _one(text)
    assert (f.value, f.qualifier, f.unit) == (value, qualifier, unit)


def test_scales_wanyi_yi_wan() -> None:
    found = find_figures("进出口总额为6.3万亿元人民币，直接投资145亿美元，18万个就业岗位", "zh")
    assert [(f.value, f.scale, f.unit) for f in found] == [
        (6.3, "万亿", "元人民币"), (145, "亿", "美元"), (18, "万", "个")]


def test_growth_is_the_change_of_the_figure_before_it() -> None:
    found = find_figures("其中出口3.8万亿元，增长0.7%；进口2.4万亿元，下降0.5%。", "zh")
    assert [(f.value, f.change_pct) for f in found] == [(3.8, 0.7), (2.4, -0.5)]


def test_a_share_is_a_percentage_figure() -> None:
    f = _one("占我国对外投资总额的8.5%")
    assert (f.value, f.unit) == (8.5, "%")


def test_range_keeps_the_low_end() -> None:
    f = _one("来自20至30个国家")
    assert (f.value, f.high, f.tags) == (20, 30, ("range",))


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("论坛重点打造了四方面成果", 4, "方面"),
    ("重点为以下五个方面", 5, "个方面"),
    ("框架思路包含四大理念", 4, "大理念"),
    ("共有两个方案", 2, "个"),
    ("一百二十位专家", 120, "位"),
])
def test_chinese_numerals_read_by_cn2an(text: str, value: float, unit: str) -> None:
    f = _one(text)
    assert (f.value, f.unit) == (value, unit)


@pytest.mark.parametrize("text", [
    "共建“一带一路”，一是凝聚更多共识", "年度或两年一度的大会", "2016年9月，科技部出台规划",
    "于5月14日至15日在北京举行", "巴基斯坦“愿景2025”、沙特“2030愿景”", "21世纪海上丝绸之路",
])
def test_dates_names_and_list_markers_are_not_figures(text: str) -> None:
    assert find_figures(text, "zh") == []


def test_digit_ordinals_are_kept_and_tagged() -> None:
    f = _one("首次写入第71届联合国大会决议")
    assert (f.value, f.unit, f.tags) == (71, "届", ("ordinal",))


def test_unit_keeps_a_kind_noun_but_not_part_of_a_longer_word() -> None:
    assert _one("与43个国家空中直航").unit == "个国家"
    assert _one("共有29个国家元首和政府首脑出席").unit == "个"
    assert _one("得到了100多个国家和国际组织的支持").unit == "个国家和国际组织"


def test_english_more_than_130_countries() -> None:
    f = _one("officials from more than 130 countries attended", "en")
    assert (f.value, f.qualifier, f.unit) == (130, "more_than", "countries")


def test_english_billions_of_us_dollars() -> None:
    f = _one("Direct investment was 14.5 billion US dollars.", "en")
    assert (f.value, f.scale, f.unit) == (14.5, "billion", "US dollars")


def test_english_up_is_a_change_and_years_are_not_figures() -> None:
    found = find_figures("In 2016, total trade was 6.3 trillion yuan, up 0.6%.", "en")
    assert [(f.value, f.scale, f.unit, f.change_pct) for f in found] == [
        (6.3, "trillion", "yuan", 0.6)]


def test_english_number_words_and_shared_units() -> None:
    found = find_figures("scholars work in China for six or 12 months", "en")
    assert [(f.value, f.unit) for f in found] == [(6, "months"), (12, "months")]
