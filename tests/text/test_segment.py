"""Sentence and clause segmentation, Chinese and English."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefgen.text.segment import clauses, drop_parentheticals, sentences

ROOT = Path(__file__).resolve().parents[2]
SEED_NAME = "belt-and-road-forum-2017.txt"
CJK = r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef“”‘’]"


def _seed_paragraphs() -> list[str]:
    """The seed PDF text with lines joined and the spaces around CJK glyphs removed."""
    for base in (ROOT.parent / "shared" / "seed", Path("/work/shared/seed")):
        path = base / SEED_NAME
        if path.is_file():
            break
    else:
        pytest.skip("seed text not available")
    raw = path.read_text(encoding="utf-8")
    paras: list[str] = []
    for block in re.split(r"\n\s*\n\s*\n+", raw):
        lines = [ln.strip() for ln in block.splitlines() if ln.strip()][1:]  # drop the page heading
        text = "".join(ln for ln in lines if not ln.endswith("合影"))
        text = re.sub(rf"(?<={CJK})\s+|\s+(?={CJK})", "", text)
        if text:
            paras.append(text)
    return paras


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


# ----------------------------------------------------------------------------- Chinese


def test_chinese_splits_at_end_marks_and_semicolons():
    text = "其中出口3.8万亿元，增长0.7%；进口2.4万亿元，增长0.5%。真的吗？是的！"
    assert sentences(text, "zh") == [
        "其中出口3.8万亿元，增长0.7%；",
        "进口2.4万亿元，增长0.5%。",
        "真的吗？",
        "是的！",
    ]


def test_numbers_are_never_split():
    text = "进出口总额为6.3万亿元人民币，增长0.6%。对外投资占8.5%。已开行3,700多趟。"
    out = sentences(text, "zh")
    assert out == [
        "进出口总额为6.3万亿元人民币，增长0.6%。",
        "对外投资占8.5%。",
        "已开行3,700多趟。",
    ]
    assert clauses("已开行3,700多趟，每周4200个航班。", "zh") == [
        "已开行3,700多趟，",
        "每周4200个航班。",
    ]


def test_closing_quotes_and_brackets_stay_with_their_sentence():
    text = "他说：“我们来了。”他笑了。（详见附件。）下一步将继续推进。"
    assert sentences(text, "zh") == [
        "他说：“我们来了。”",
        "他笑了。",
        "（详见附件。）",
        "下一步将继续推进。",
    ]


def test_no_split_inside_quotes_and_ellipsis_in_quotes_does_not_end():
    text = (
        "公报表示：“我们携手推进合作，有助于实现普惠的全球化。……构建繁荣、和平的人类命运共同体，"
        "这是我们的共同愿望。”（来源：新华社，2017年5月15日）"
    )
    out = sentences(text, "zh")
    assert len(out) == 2
    assert out[0].endswith("共同愿望。”")
    assert out[1] == "（来源：新华社，2017年5月15日）"


def test_ellipsis_outside_quotes():
    text = "北京中关村、上海张江、成都高新区……，一大批科技园区崛起。他说不下去了……我们都沉默了。"
    assert sentences(text, "zh") == [
        "北京中关村、上海张江、成都高新区……，一大批科技园区崛起。",  # ……， continues the sentence
        "他说不下去了……",
        "我们都沉默了。",
    ]


def test_list_markers_after_a_colon_start_a_new_sentence():
    text = "论坛重点打造了四方面成果：一是凝聚更多共识；二是明确合作方向。"
    assert sentences(text, "zh") == [
        "论坛重点打造了四方面成果：",
        "一是凝聚更多共识；",
        "二是明确合作方向。",
    ]
    text = "重点如下：（一）加强政策沟通；（二）设施联通。"
    assert sentences(text, "zh") == ["重点如下：", "（一）加强政策沟通；", "（二）设施联通。"]
    # a number after a colon is no list marker
    assert sentences(text := "总额为：1.5万亿元。", "zh") == [text]


def test_line_breaks_end_sentences_and_markers_may_begin_lines():
    text = "主要措施\n1.加强政策沟通\n2.推进设施联通。"
    assert sentences(text, "zh") == ["主要措施", "1.加强政策沟通", "2.推进设施联通。"]


def test_stray_quote_marks_do_not_swallow_the_paragraph():
    # extracted text: an opening ‘ closed by an ASCII apostrophe, and a lone closing ”
    text = "论坛的主题是“共建‘一带一路 '，实现共赢发展”。论坛重点打造了成果。一路”走来。成效显著。"
    out = sentences(text, "zh")
    assert out[0] == "论坛的主题是“共建‘一带一路 '，实现共赢发展”。"
    assert out[1:] == ["论坛重点打造了成果。", "一路”走来。", "成效显著。"]


def test_seed_text_segments_losslessly():
    for para in _seed_paragraphs():
        out = sentences(para, "zh")
        assert _flat("".join(out)) == _flat(para)
        for s in out:
            assert s == s.strip() and s
            assert not re.match(r"[”’）」』，、；。]", s), s  # nothing starts with a closing mark
        for a, b in zip(out, out[1:]):  # no boundary inside a number such as 6.3 or 8.5%
            assert not (re.search(r"[\d.]$", a) and re.match(r"[\d.%]", b)), (a, b)


def test_seed_sentences_are_sensible():
    paras = _seed_paragraphs()
    all_sents = [s for p in paras for s in sentences(p, "zh")]
    assert "2016年中国与“一带一路”沿线国家的进出口总额为6.3万亿元人民币，增长0.6%。" in all_sents
    assert "对沿线国家直接投资145亿美元，占我国对外投资总额的8.5%。" in all_sents
    assert "一是凝聚更多共识；" in all_sents


# ----------------------------------------------------------------------------- English


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Dr. Smith met Mr. Jones at the U.N. headquarters on Monday. They discussed item No. "
            "5, e.g. trade and aid.",
            [
                "Dr. Smith met Mr. Jones at the U.N. headquarters on Monday.",
                "They discussed item No. 5, e.g. trade and aid.",
            ],
        ),
        (
            "Trade rose 0.6% to 6.3 trillion yuan in 2016. Exports grew 0.7%.",
            ["Trade rose 0.6% to 6.3 trillion yuan in 2016.", "Exports grew 0.7%."],
        ),
        (
            '"We are ready," he said. "The work starts now." Officials agreed.',
            ['"We are ready," he said.', '"The work starts now."', "Officials agreed."],
        ),
        (
            "He works for the U.N. The meeting ended at 5 p.m. yesterday. Then U.S. officials "
            "left.",
            [
                "He works for the U.N.",
                "The meeting ended at 5 p.m. yesterday.",
                "Then U.S. officials left.",
            ],
        ),
        (
            "The U.N. Security Council met. John F. Kennedy spoke at 3 p.m. on Jan. 5.",
            ["The U.N. Security Council met.", "John F. Kennedy spoke at 3 p.m. on Jan. 5."],
        ),
        (
            "The plan (see Fig. 2) was approved. Attendance was approx. 1,500 people! Why? Costs, "
            "i.e. fees, rose.",
            [
                "The plan (see Fig. 2) was approved.",
                "Attendance was approx. 1,500 people!",
                "Why?",
                "Costs, i.e. fees, rose.",
            ],
        ),
        (
            "Prof. Li, Ph.D., spoke. “It works.” She left... Then came questions.",
            ["Prof. Li, Ph.D., spoke.", "“It works.”", "She left...", "Then came questions."],
        ),
        (
            "U.S.-China trade rose 3.5 per cent in Q1.",
            ["U.S.-China trade rose 3.5 per cent in Q1."],
        ),
    ],
)
def test_english_sentences(text, expected):
    assert sentences(text, "en") == expected


def test_english_clauses():
    s = ("Trade rose 0.6% to 6.3 trillion yuan in 2016, while exports grew by 1,500 units; "
         "imports fell.")
    assert clauses(s, "en") == [
        "Trade rose 0.6% to 6.3 trillion yuan in 2016, ",
        "while exports grew by 1,500 units; ",
        "imports fell.",
    ]
    assert clauses('"We are ready," he said.', "en") == [
        '"We are ready," he said.'
    ]  # not inside quotes


# ----------------------------------------------------------------------------- clauses


def test_chinese_clauses_split_at_commas_enumeration_commas_semicolons_and_colons():
    s = "2016年，在国际市场需求持续低迷的情况下，中国与沿线国家经贸合作取得了可喜的成绩。"
    assert clauses(s, "zh") == [
        "2016年，",
        "在国际市场需求持续低迷的情况下，",
        "中国与沿线国家经贸合作取得了可喜的成绩。",
    ]
    s = "原则是共商、共建、共享，具体来说就是：各国在共商中共建；所有国家成为共同体。"
    assert clauses(s, "zh") == [
        "原则是共商、",
        "共建、",
        "共享，",
        "具体来说就是：",
        "各国在共商中共建；",
        "所有国家成为共同体。",
    ]


def test_clauses_never_split_inside_quotes_or_brackets():
    s = "论坛的主题是“加强国际合作，共建‘一带一路’，实现共赢发展”，成果丰硕（共五类，七十六大项）。"
    assert clauses(s, "zh") == [
        "论坛的主题是“加强国际合作，共建‘一带一路’，实现共赢发展”，",
        "成果丰硕（共五类，七十六大项）。",
    ]


def test_seed_clauses_rejoin_exactly():
    for para in _seed_paragraphs():
        for s in sentences(para, "zh"):
            pieces = clauses(s, "zh")
            assert "".join(pieces) == s
            assert all(pieces)


def test_drop_parentheticals():
    assert (
        drop_parentheticals("科技部（简称MOST）自2011年以来举办培训班（共200多期）。", "zh")
        == "科技部自2011年以来举办培训班。"
    )
    assert (
        drop_parentheticals("The plan (see Fig. 2) was approved (in May).", "en")
        == "The plan was approved."
    )
    aside = "（来源：新华社，2017年5月15日）"
    assert drop_parentheticals(aside, "zh") == aside  # nothing would be left


@given(st.text(max_size=200))
def test_clauses_rejoin_for_any_text(text):
    for lang in ("zh", "en"):
        assert "".join(clauses(text, lang)) == text


_ZH_ALPHABET = st.sampled_from(
    list("中国合作发展论坛北京倡议一是二是年月日")
    + list("。！？；，、：“”‘’（）……")
    + list("0123456789.% \n")
)
_EN_ALPHABET = st.sampled_from(
    [
        "The",
        "U.N.",
        "Dr.",
        "trade",
        "rose",
        "6.3%",
        ".",
        "!",
        "?",
        ",",
        ";",
        '"',
        "(",
        ")",
        " ",
        "\n",
        "e.g.",
        "No.",
        "5",
    ]
)


@given(st.lists(_ZH_ALPHABET, max_size=80).map("".join))
def test_chinese_sentences_cover_the_text(text):
    out = sentences(text, "zh")
    assert _flat("".join(out)) == _flat(text)
    assert all(s == s.strip() and s for s in out)


@given(st.lists(_EN_ALPHABET, max_size=60).map("".join))
def test_english_sentences_cover_the_text(text):
    out = sentences(text, "en")
    assert _flat("".join(out)) == _flat(text)
    assert all(s == s.strip() and s for s in out)
