"""Where a sentence may be shortened: clause cuts, dropped lead-ins, sentence ends."""

from __future__ import annotations

import pytest

from briefgen.text.compress import complete, compressions, en_finite, finish


def test_finish_ends_every_sentence_properly():
    assert finish("出口3.8万亿元，增长0.7%；", "zh") == "出口3.8万亿元，增长0.7%。"
    assert finish("他说不下去了……", "zh") == "他说不下去了。"
    assert finish("The work goes on...", "en") == "The work goes on."
    assert finish("totalled $14.5 bn.,", "en") == "totalled $14.5 bn."
    assert finish("（来源：新华社）", "zh") == "（来源：新华社）"


@pytest.mark.parametrize(
    ("sentence", "lang", "thin"),
    [
        ("深化金融合作，推进亚洲货币稳定体系、投融资体系和信用体系建设。", "zh", "深化金融合作。"),
        (
            "Financial cooperation should be deepened, and the building of a currency stability "
            "system in Asia should be advanced.",
            "en",
            "Financial cooperation should be deepened.",
        ),
    ],
)
def test_a_compression_too_thin_to_stand_alone_is_not_offered(sentence, lang, thin):
    assert thin not in compressions(sentence, lang)
    assert thin in compressions(sentence, lang, floor=4)  # slide bullets may be that short


def test_leading_lead_ins_go_and_the_time_stays():
    s = ("2016年，在国际市场需求持续低迷的情况下，在“一带一路”共建合作当中，"
         "中国与沿线国家经贸合作取得了可喜的成绩。")
    assert compressions(s, "zh") == ("2016年，中国与沿线国家经贸合作取得了可喜的成绩。",)
    s = "应习近平主席邀请，共有29个国家元首和政府首脑出席论坛。"
    assert compressions(s, "zh") == ("共有29个国家元首和政府首脑出席论坛。",)
    s = ("At the invitation of President Xi Jinping, a total of 29 heads of state and government "
         "attended the forum.")
    assert compressions(s, "en") == (
        "A total of 29 heads of state and government attended the forum.",
    )
    # a condition or a source is never dropped
    assert compressions("如果各方同意，项目将在明年启动。", "zh") == ()
    assert (
        compressions(
            "According to the ministry, trade between the two countries rose sharply last year.",
            "en",
        )
        == ()
    )


def test_no_lead_drop_that_leaves_half_a_list():
    s = (
        "To build infrastructure, create jobs and promote economic growth, countries along the "
        "Belt and Road have proposed industrial capacity cooperation projects."
    )
    assert not any(c.startswith("Create") for c in compressions(s, "en"))


@pytest.mark.parametrize(
    ("sentence", "bad"),
    [
        (
            "Leaders from 30 countries and the heads of the United Nations, the World Bank and the "
            "International Monetary Fund attended the Roundtable.",
            "Leaders from 30 countries and the heads of the United Nations.",
        ),
        (
            "The forum was attended by officials, scholars, entrepreneurs, financial institutions, "
            "the media and people from other sectors from more than 130 countries.",
            "The forum was attended by officials.",
        ),
        (
            "The development strategies of many countries, such as Kazakhstan's Bright Road and "
            "Mongolia's Steppe Road, are being aligned with the initiative.",
            "The development strategies of many countries.",
        ),
        (
            "China will set up a big data service platform for environmental protection, propose "
            "an international coalition for green development, and provide assistance to the "
            "countries concerned.",
            "China will set up a big data service platform for environmental protection, propose "
            "an international coalition for green development.",
        ),
    ],
)
def test_english_cuts_never_split_a_list_or_lose_the_verb(sentence, bad):
    assert bad not in compressions(sentence, "en")


@pytest.mark.parametrize(
    ("sentence", "good"),
    [
        (
            "The Belt and Road Forum for International Cooperation was held in Beijing from 14 to "
            "15 May, and Chinese President Xi Jinping chaired the Leaders' Roundtable.",
            "The Belt and Road Forum for International Cooperation was held in Beijing from 14 to "
            "15 May.",
        ),
        (
            "In 2016, total trade between China and countries along the Belt and Road was 6.3 "
            "trillion yuan, up 0.6%.",
            "In 2016, total trade between China and countries along the Belt and Road was 6.3 "
            "trillion yuan.",
        ),
        (
            "The initiative has produced a number of important early harvests and results, and has "
            "become an important avenue for international cooperation.",
            "The initiative has produced a number of important early harvests and results.",
        ),
    ],
)
def test_english_cuts_at_a_new_clause_or_phrase(sentence, good):
    assert good in compressions(sentence, "en")


def test_chinese_cut_never_drops_what_a_count_announces():
    s = "“一带一路”倡议的框架思路包含四大理念，即和平合作，开放包容，互学互鉴，互利共赢。"
    assert "“一带一路”倡议的框架思路包含四大理念。" not in compressions(s, "zh")


def test_complete_and_finite():
    assert complete("中国与沿线国家经贸合作取得了可喜的成绩。", "zh")
    assert not complete("在国际市场需求持续低迷的情况下，", "zh")
    assert en_finite("Leaders from 30 countries attended the Roundtable")
    assert not en_finite("The development strategies of many countries")
    assert not en_finite("a forum from 14 to 15 May")  # "May" is a month, not a modal
